// Sell-through (纯销) a dealer reports: units of each product it sold on in a month. The
// figures count in the dealer's subtree totals next to orders recorded for its sub-dealers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"

namespace kehu::sales {

struct SellThroughLine {
  std::int64_t product_id = 0, quantity = 0;
};

struct SellThroughInput {
  std::vector<SellThroughLine> lines;
  std::optional<std::string> note;
  std::optional<std::int64_t> version;  // required when the month's report exists
};

Result<SellThroughInput> read_sell_through_input(const nlohmann::json& body);

// Units the customers (a dealer and its subtree) reported sold on, from month `from` to
// month `to` inclusive ("2027-01".."2027-02").
std::int64_t sell_through_quantity(db::Conn& c, const nlohmann::json& customer_ids, const std::string& from,
                                   const std::string& to);

class SellThroughStore {
 public:
  explicit SellThroughStore(db::Database& db) : db_(db) {}
  // The month's report of one customer (empty lines when none was made).
  Result<nlohmann::json> get(const auth::Scope& s, CustomerId id, clock::Date month);
  // Creates or replaces it; 409 on a stale version; `second` is true when created.
  Result<std::pair<nlohmann::json, bool>> put(const auth::Scope& s, CustomerId id, clock::Date month,
                                              const SellThroughInput& in, const audit::Actor& actor);

 private:
  db::Database& db_;
};

}  // namespace kehu::sales
