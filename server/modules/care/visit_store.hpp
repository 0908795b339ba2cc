// SQL of visit plans and reports. The caller's scope (through the visit's customer) is in
// every statement; every write is audited as entity `visit` in the same transaction.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "modules/care/visit.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/params.hpp"

namespace kehu::care {

inline const std::vector<std::string_view> kVisitSortFields = {"date", "created_at", "updated_at"};

struct VisitFilter {
  std::optional<std::string> status;
  std::optional<std::int64_t> customer_id;
  std::optional<clock::Date> from, to;  // the visit's day, inclusive
  bool mine = false;                    // planned by the caller
  std::optional<bool> overdue;
  std::optional<std::string> awaiting;  // "decision" | "review": what waits for the caller as lead
  http::Sort sort{"date", true};
  std::int64_t page = 1, page_size = 20;
};

// Runs inside the report's write transaction, after the report is stored and before it is
// audited; `visit` is the reported visit as the API renders it (customer_id, date, findings,
// needs, problems, follow_ups, next_visit_date…). A failure rolls the report back. This is
// where the contact log of kind `visit` belongs (insert_log with visit_id = visit["id"]).
using ReportHook = std::function<Status(db::Conn& c, const auth::Principal& p, const nlohmann::json& visit,
                                        const audit::Actor& actor)>;

class VisitStore {
 public:
  explicit VisitStore(db::Database& db, ReportHook on_report = {}) : db_(db), on_report_(std::move(on_report)) {}

  Result<nlohmann::json> create(const auth::Principal& p, const PlanInput& in, clock::Date today,
                                const audit::Actor& actor);
  Result<nlohmann::json> update(const auth::Principal& p, std::int64_t id, const PlanChange& ch, clock::Date today,
                                const audit::Actor& actor);
  // approve / reject (VisitAction::kApprove / kReject) and review.
  Result<nlohmann::json> decide(const auth::Principal& p, std::int64_t id, VisitAction a, const VisitDecision& d,
                                clock::Date today, const audit::Actor& actor);
  Result<nlohmann::json> report(const auth::Principal& p, std::int64_t id, const ReportInput& in, clock::Date today,
                                const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Principal& p, std::int64_t id, clock::Date today);
  nlohmann::json list(const auth::Principal& p, const VisitFilter& f, clock::Date today);

 private:
  db::Database& db_;
  ReportHook on_report_;
};

// For the today list: {"planned_today":[…], "overdue_reports":[…], "awaiting_decision":[…],
// "awaiting_review":[…]}. The first two are the caller's own plans (today's; past days not
// yet reported); the last two what waits for the caller as a lead — always empty for roles
// that lead nobody. Items: {id, customer_id, customer_name, date, purpose, status, user_id,
// user_name}; at most 50 per list.
nlohmann::json visits_for_today(db::Conn& c, const auth::Principal& p, clock::Date today);

}  // namespace kehu::care
