// Regional events (重大环境事件: a typhoon, a flood, an epidemic…): pick a province (and a
// city) and every customer there in the caller's reach gets a care task for its owner, in one
// step. Who: admin and directors (all customers), managers (their team's), account managers
// (the customers they own).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

inline const std::vector<std::string_view> kRegionalEventKinds = {"typhoon",   "flood",    "earthquake", "epidemic",
                                                                  "snowstorm", "heatwave", "drought",    "other"};
constexpr std::int64_t kRegionalEventWindowDays = 30;  // the event's date: a month back or ahead
constexpr std::int64_t kRegionalPreviewLimit = 500;    // customers listed by a preview
constexpr std::int64_t kRegionalDedupeDays =
    7;  // an open task for the same kind of event nearby in time covers a customer

// The task's due date: the event's day, or today when that has passed.
clock::Date regional_task_due(clock::Date event_date, clock::Date today);
bool regional_date_ok(clock::Date event_date, clock::Date today);
// "regional:<event id>:<customer id>"
std::string regional_source_key(std::int64_t event_id, std::int64_t customer_id);

struct RegionInput {
  std::string province_code;
  std::optional<std::string> city_code;
};
Result<RegionInput> read_region_input(const nlohmann::json& body);

struct RegionalEventInput {
  std::string kind, title;
  RegionInput region;
  clock::Date date;
  std::optional<std::string> note;
};
Result<RegionalEventInput> read_regional_event_input(const nlohmann::json& body, clock::Date today);

struct RegionalEventFilter {
  std::optional<std::string> kind, province_code;
  std::int64_t page = 1, page_size = 20;
};

class RegionalEventStore {
 public:
  explicit RegionalEventStore(db::Database& db) : db_(db) {}
  Result<nlohmann::json> preview(const auth::Principal& p, const RegionInput& in);
  Result<nlohmann::json> create(const auth::Principal& p, const RegionalEventInput& in, clock::Date today,
                                const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Principal& p, std::int64_t id);
  nlohmann::json list(const auth::Principal& p, const RegionalEventFilter& f);

 private:
  db::Database& db_;
};

}  // namespace kehu::care
