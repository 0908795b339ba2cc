// Monthly business plans of a dealer and their progress against actual orders.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/sales/money_rules.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"

namespace kehu::sales {

struct PlanLineInput {
  std::int64_t product_id = 0, quantity = 0, amount = 0;
};

struct PlanInput {
  std::vector<PlanLineInput> lines;
  std::optional<std::string> schedule, support;
  std::optional<std::int64_t> version;  // required when the plan exists
};

// "2027-02" -> the first day of that month; nullopt when malformed.
std::optional<clock::Date> parse_month(std::string_view s);
Result<PlanInput> read_plan_input(const nlohmann::json& body);

class PlanStore {
 public:
  explicit PlanStore(db::Database& db) : db_(db) {}
  // The plan of a month with its progress (an empty plan when none was made: actuals still show).
  Result<nlohmann::json> get(const auth::Scope& s, CustomerId id, clock::Date month, clock::Date today);
  // Creates or replaces the month's plan; 409 on a stale version.
  Result<std::pair<nlohmann::json, bool>> put(const auth::Scope& s, CustomerId id, clock::Date month, const PlanInput& in,
                                              clock::Date today, const audit::Actor& actor);
  // Twelve months of a year: target and actual amounts.
  Result<nlohmann::json> year(const auth::Scope& s, CustomerId id, int year);

 private:
  nlohmann::json progress(db::Conn& c, CustomerId id, clock::Date month, clock::Date today);
  db::Database& db_;
};

}  // namespace kehu::sales
