// Visit plans (拜访计划) and reports (拜访报告): types, input reading and the pure rules of the
// approval flow. A plan is submitted to the planner's team lead, who approves or rejects it;
// a rejected plan is edited and resubmitted; after the visit the planner reports, and the
// lead reviews the report.
//
//   submitted --approve--> approved --report--> reported --review--> reviewed
//   submitted --reject---> rejected --edit (planner)--> submitted
//   submitted --edit (planner)--> submitted
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/core/result.hpp"

namespace kehu::care {

enum class VisitStatus { kSubmitted, kApproved, kRejected, kReported, kReviewed };
enum class VisitAction { kEdit, kApprove, kReject, kReport, kReview };

inline const std::vector<std::string_view> kVisitStatuses = {"submitted", "approved", "rejected", "reported",
                                                             "reviewed"};
inline const std::vector<std::string_view> kVisitActions = {"edit", "approve", "reject", "report", "review"};

constexpr std::size_t kMaxParticipants = 10;
constexpr std::int64_t kMaxPlanAheadDays = 366;  // a plan is for the coming year at most

std::string_view status_name(VisitStatus s);
std::optional<VisitStatus> parse_visit_status(std::string_view s);
std::string_view action_name(VisitAction a);

// The state machine: the status after `a`, or nullopt when `a` is not possible from `from`.
std::optional<VisitStatus> next_status(VisitStatus from, VisitAction a);

// An approved (or still undecided) plan whose day has passed without a report.
bool is_overdue(VisitStatus s, clock::Date date, clock::Date today);

// The parties of a visit, for the permission rules.
struct VisitParties {
  UserId planner;
  std::optional<TeamId> team;  // the planner's team when submitted
};

// Who decides a plan and reviews its report: the lead of the visit's team (a manager whose
// team is the visit's, not for his own plans), a director or admin.
bool may_lead(const auth::Principal& p, const VisitParties& v);
// Who may take `a` (the customer's scope and write access are checked separately):
// edit and report are the planner's; approve, reject and review a lead's.
bool may_act(const auth::Principal& p, const VisitParties& v, VisitAction a);
// The actions `p` can take on a visit now (for the UI's buttons).
std::vector<VisitAction> available_actions(const auth::Principal& p, const VisitParties& v, VisitStatus s,
                                           clock::Date date, clock::Date today);
// A report may be written from the visit's day on.
bool report_allowed(clock::Date date, clock::Date today);
// A plan's day: today up to a year ahead (also when a rejected plan is resubmitted).
bool plan_date_ok(clock::Date date, clock::Date today);

// --- input ---------------------------------------------------------------------------------

struct PlanInput {
  std::int64_t customer_id = 0;
  clock::Date date;
  std::string purpose;
  std::vector<std::string> participants;
  bool leader_visit = false;
};
// POST /visits. `today` bounds the date (today .. today + 366 days).
Result<PlanInput> read_plan_input(const nlohmann::json& body, clock::Date today);

struct PlanChange {
  std::int64_t version = 0;
  std::optional<clock::Date> date;
  std::optional<std::string> purpose;
  std::optional<std::vector<std::string>> participants;
  std::optional<bool> leader_visit;
};
// PATCH /visits/{id}: the plan's fields, each optional, and `version`.
Result<PlanChange> read_plan_change(const nlohmann::json& body, clock::Date today);

struct VisitDecision {
  std::int64_t version = 0;
  std::optional<std::string> comment;
};
// approve (comment optional), reject and review (comment required).
Result<VisitDecision> read_visit_decision(const nlohmann::json& body, bool comment_required);

struct ReportInput {
  std::int64_t version = 0;
  std::string findings;
  std::optional<std::string> needs, problems, follow_ups;
  std::optional<clock::Date> next_visit_date;
};
// POST /visits/{id}/report (the store checks next_visit_date against the visit's day).
Result<ReportInput> read_report_input(const nlohmann::json& body);

}  // namespace kehu::care
