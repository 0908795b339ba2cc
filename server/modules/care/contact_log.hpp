// The contact log (联系记录): every call, visit, message, meeting, gift or event with a
// customer, which contacts took part, the outcome, the next contact date, promises made
// (承诺) and, for gifts, what / cost / why.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"
#include "platform/http/fields.hpp"

namespace kehu::care {

inline const std::vector<std::string_view> kContactKinds = {"call",    "visit", "sms",   "email", "wechat",
                                                            "meeting", "gift",  "event", "other"};
constexpr std::size_t kMaxLogContacts = 20;
constexpr std::size_t kMaxPromises = 10;
constexpr std::int64_t kMaxGiftCost = 100'000'000;  // ¥1,000,000 in fen

struct GiftInput {
  std::string item;
  std::int64_t cost = 0;  // fen
  std::optional<std::string> reason;
};

struct PromiseInput {
  std::string text;
  clock::Date due;
};

struct LogInput {
  std::int64_t customer_id = 0;
  http::Field<std::string> kind;
  http::Field<std::string> at;  // ISO 8601 instant, normalised to UTC
  std::optional<clock::Date> day;  // the company date of `at`
  http::Field<std::vector<std::int64_t>> contact_ids;
  http::Field<std::string> summary, outcome;
  http::Field<clock::Date> next_contact_date;
  http::Field<GiftInput> gift;
  std::vector<PromiseInput> promises;  // create only
  std::optional<std::int64_t> visit_id;  // create only
  std::optional<std::int64_t> version;   // update only
};

enum class LogMode { kCreate, kUpdate };

// Reads and checks a body against `now`: a contact cannot be logged in the future (a few
// minutes of clock skew allowed) nor before 2000; a gift log needs its gift; promises are due
// on or after the log's day; the next contact date is not before it.
Result<LogInput> read_log_input(const nlohmann::json& body, LogMode mode, clock::TimePoint now);
Result<PromiseInput> read_promise_input(const nlohmann::json& body, clock::Date today, std::int64_t& customer_id);

}  // namespace kehu::care
