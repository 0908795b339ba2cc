// Complaints (投诉): the status machine as a table, who may take each step, the response
// promise (SLA) by customer grade and severity in calendar or working hours, and input reading.
// "最忌讳投诉没有下文": every complaint moves through its steps to closed, or is rejected with a reason.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/auth/principal.hpp"
#include "platform/calendar/working_days.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"
#include "platform/http/fields.hpp"

namespace kehu::service {

inline const std::vector<std::string_view> kChannels = {"phone", "email", "web", "visit", "wechat", "social_media"};
inline const std::vector<std::string_view> kSeverities = {"low", "medium", "high", "critical"};
inline const std::vector<std::string_view> kStatuses = {"received", "accepted", "investigating", "proposed",
                                                        "approved", "resolving", "informed",      "rated",
                                                        "closed",   "rejected", "reopened"};
inline const std::vector<std::string_view> kOpenStatuses = {"received", "accepted", "investigating", "proposed",
                                                            "approved", "resolving", "informed",      "rated",
                                                            "reopened"};

// The steps. Each moves the complaint from some statuses to one status.
enum class Action { kAccept, kInvestigate, kPropose, kApprove, kSendBack, kStart, kInform, kRate, kClose, kReject, kReopen };
std::optional<Action> parse_action(std::string_view s);
std::string_view action_name(Action a);

struct Transition {
  Action action;
  std::vector<std::string_view> from;
  std::string_view to;
  bool leads_only;  // a team lead, the director or admin (approving a resolution)
};
const std::vector<Transition>& transitions();
// The status after `a` from `status`, or nullopt when the step is not allowed from there.
std::optional<std::string_view> next_status(std::string_view status, Action a);
// The steps the caller may take now (for the UI's buttons).
std::vector<std::string_view> allowed_actions(std::string_view status, auth::Role role, bool handles);

// Whether a role works complaints at all (the service desk, leads, admin; account managers on
// their own customers' complaints: `handles`).
bool may_act(auth::Role role, bool handles, Action a);

// --- the response promise ----------------------------------------------------------------
struct Target {
  std::int64_t first_response_hours = 24;
  std::int64_t resolution_hours = 72;
};

struct SlaSettings {
  Target base;                                                   // any grade, any severity
  std::map<std::string, std::map<std::string, Target>> targets;  // grade -> severity -> target
  bool working_hours = false;                                    // count working hours instead of calendar hours
};
SlaSettings default_sla();
nlohmann::json to_json(const SlaSettings& s);
SlaSettings sla_from_json(const nlohmann::json& j);  // missing keys keep the defaults
Result<SlaSettings> read_sla_input(const nlohmann::json& body, std::int64_t& version);

// The target for a customer's grade (none for a complaint without a customer) and severity.
Target target_for(const SlaSettings& s, const std::optional<std::string>& grade, std::string_view severity);

struct Due {
  clock::TimePoint first_response, resolution, escalate_director;  // the last: twice the first target
};
// Deadlines from `received`: calendar hours, or working hours on `cal` when the settings say so.
Due due_times(const SlaSettings& s, const Target& t, clock::TimePoint received, const calendar::WorkingCalendar& cal);

// --- input ---------------------------------------------------------------------------------
struct ComplaintInput {
  std::optional<std::int64_t> customer_id, contact_id, product_id, order_id;
  std::string channel, category, severity, description;
  std::optional<std::string> reporter_name, reporter_phone, reporter_email, reporter_company;
};
// Staff filing: customer_id required. `categories` are the active category keys.
Result<ComplaintInput> read_complaint_input(const nlohmann::json& body, const std::vector<std::string>& categories);
// The public form: no customer; name and a phone or e-mail required; channel is web.
Result<ComplaintInput> read_public_complaint(const nlohmann::json& body, const std::vector<std::string>& categories);

struct ActionInput {
  std::int64_t version = 0;
  std::optional<std::string> note;  // reject reason, send-back comment, reopen reason…
  std::optional<std::string> resolution_plan, resolution, result_note, satisfaction_note;
  std::optional<std::int64_t> satisfaction;
  std::optional<std::string> root_cause, root_cause_text, prevention_action;
  std::optional<std::int64_t> prevention_owner_id;
  std::optional<clock::Date> prevention_due;
};
// What each step needs: reject/send-back/reopen a note; propose a plan; inform the result;
// rate a satisfaction 1–5; close the root cause, the resolution and a prevention action with
// its owner and due date.
Result<ActionInput> read_action_input(Action a, const nlohmann::json& body, const std::vector<std::string>& categories,
                                      clock::Date today);

}  // namespace kehu::service
