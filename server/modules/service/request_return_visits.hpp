// Return visits (回访): a set number of days after an order (and after a closed complaint,
// which the complaint job handles), the customer's owner gets a return-visit task on the care
// list. The delays live in one settings row (return_visit_settings); the hourly job
// `service.return_visits` turns orders into tasks, idempotently (source_key
// "return_visit:order:<id>").
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "platform/audit/audit.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"
#include "platform/db/database.hpp"

namespace kehu::service {

constexpr std::int64_t kMaxReturnVisitDelay = 90;
// Orders this many days older than the delay are still caught up (after downtime).
constexpr std::int64_t kReturnVisitCatchUpDays = 7;

struct ReturnVisitSettings {
  std::int64_t after_order_days = 7;
  std::int64_t after_complaint_days = 3;
  std::int64_t version = 1;
  std::string updated_at;
};

nlohmann::json to_json(const ReturnVisitSettings& s);
ReturnVisitSettings load_return_visit_settings(db::Conn& c);
// A PUT body: both delays (1–90 days) and the version read.
Result<ReturnVisitSettings> read_return_visit_settings(const nlohmann::json& body);
// 409 when the version is stale; audited as entity `return_visit_settings`.
Result<nlohmann::json> save_return_visit_settings(db::Database& db, const ReturnVisitSettings& s,
                                                  const audit::Actor& actor);

// The order days whose orders get a return visit today: [today − delay − 7, today − delay].
struct DayRange {
  clock::Date from, to;
};
DayRange return_visit_order_days(clock::Date today, std::int64_t delay);

// Gives the owner of each order's customer a return-visit task due `today` (subject
// "order:<id>") for the orders in return_visit_order_days(); the number of tasks made.
std::int64_t add_order_return_visits(db::Conn& c, clock::Date today);

}  // namespace kehu::service
