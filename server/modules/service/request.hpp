// Service requests (服务请求): one of the fourteen kinds of service of seed 002 for a customer,
// scheduled on a day (optionally at a time) with the staff who do it; planned → done (with
// the outcome, the cost in fen and the day) or cancelled (with a reason). An inspection may
// repeat every 1–24 months: when it is done the next one is planned automatically.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"
#include "platform/http/fields.hpp"

namespace kehu::service {

// The order of seed 002: 上门, 定点, 委托, 咨询, 促销, 市场调研, 技术指导, 货运, 货款, 订货,
// 沟通 (changes told to the customer), 接待, 检验 (testing, e.g. used-oil analysis), 访谈
// (senior staff visiting or calling the customer).
inline const std::vector<std::string_view> kRequestTypes = {
    "on_site",         "fixed_point",        "delegated",  "consulting",      "promotion_support",
    "market_research", "technical_guidance", "delivery",   "payment",         "ordering",
    "change_notice",   "reception",          "inspection", "senior_interview"};
inline const std::vector<std::string_view> kRequestStatuses = {"planned", "done", "cancelled"};
inline constexpr std::string_view kRepeatableType = "inspection";

constexpr std::size_t kMaxStaff = 20;
constexpr std::int64_t kMaxRepeatMonths = 24;
constexpr std::int64_t kMaxCost = 1'000'000'000;  // ¥10,000,000 in fen
constexpr std::int64_t kScheduleDaysBack = 365;   // a service done last year may still be recorded
constexpr std::int64_t kScheduleDaysAhead = 730;  // planning up to two years ahead

struct RequestInput {
  std::int64_t customer_id = 0;  // create only
  http::Field<std::string> type, title, description;
  http::Field<clock::Date> scheduled_on;
  http::Field<std::string> scheduled_time;  // "HH:MM"
  http::Field<std::vector<std::int64_t>> staff_ids;
  http::Field<std::int64_t> repeat_every_months;
  std::optional<std::int64_t> version;  // update only
};

enum class InputMode { kCreate, kUpdate };

// Reads and checks a create or PATCH body against `today`: the type is one of the fourteen,
// the title 1–100 characters, the scheduled day within a year back and two years ahead, the
// time HH:MM, 1–20 distinct staff ids, repeat_every_months 1–24 and only for an inspection
// (on PATCH checked against the type sent; the store checks the stored type).
Result<RequestInput> read_request_input(const nlohmann::json& body, InputMode mode, clock::Date today);

struct DoneInput {
  std::int64_t version = 0;
  std::string outcome;
  std::int64_t cost = 0;
  clock::Date done_on;
};
// `{"version","outcome","cost"?,"done_on"?}`: outcome required (≤ 2,000), cost 0…kMaxCost fen
// (default 0), done_on not after today (default today) nor before 2000.
Result<DoneInput> read_done_input(const nlohmann::json& body, clock::Date today);

struct CancelInput {
  std::int64_t version = 0;
  std::string reason;
};
Result<CancelInput> read_cancel_input(const nlohmann::json& body);

// Pure rules.
// `d` plus `months` calendar months, the day clamped to the end of a shorter month
// (2027-01-31 + 1 → 2027-02-28; 2028-01-31 + 1 → 2028-02-29).
clock::Date add_months(clock::Date d, std::int64_t months);
// "HH:MM" with 00–23 and 00–59.
bool valid_time(std::string_view s);
bool is_request_type(std::string_view s);
// The scheduled day is within [today − kScheduleDaysBack, today + kScheduleDaysAhead].
bool schedule_in_range(clock::Date d, clock::Date today);
// Planned and scheduled before today.
bool is_overdue(std::string_view status, clock::Date scheduled_on, clock::Date today);

}  // namespace kehu::service
