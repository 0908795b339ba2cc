#include "modules/service/request.hpp"

#include <algorithm>
#include <set>

namespace kehu::service {
namespace {

constexpr clock::Date kEarliest{2000, 1, 1};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// The staff: a list of 1–kMaxStaff distinct positive ids (explicit null is "required").
http::Field<std::vector<std::int64_t>> read_staff(http::Fields& f, bool required) {
  constexpr const char* kKey = "staff_ids";
  auto raw = f.raw(kKey);
  http::Field<std::vector<std::int64_t>> out;
  out.present = raw.present;
  if (!raw.present) {
    if (required) f.fail(kKey, "field.required");
    return out;
  }
  if (!raw.value) {
    f.fail(kKey, "field.required");
    return out;
  }
  if (!raw.value->is_array() || raw.value->size() > kMaxStaff) {
    f.fail(kKey, "field.wrong_type|type=list");
    return out;
  }
  if (raw.value->empty()) {
    f.fail(kKey, "service.request.staff_required");
    return out;
  }
  std::vector<std::int64_t> ids;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < raw.value->size(); ++i) {
    const auto& v = (*raw.value)[i];
    const std::string at = std::string(kKey) + "[" + std::to_string(i) + "]";
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1)
      f.fail(at, "field.wrong_type|type=id");
    else if (!seen.insert(v.get<std::int64_t>()).second)
      f.fail(at, "service.request.duplicate_staff");
    else
      ids.push_back(v.get<std::int64_t>());
  }
  out.value = std::move(ids);
  return out;
}

}  // namespace

clock::Date add_months(clock::Date d, std::int64_t months) {
  const std::int64_t index = static_cast<std::int64_t>(d.year) * 12 + (d.month - 1) + months;
  clock::Date out;
  out.year = static_cast<int>(index / 12);
  out.month = static_cast<int>(index % 12) + 1;
  out.day = std::min(d.day, month_days(out.year, out.month));
  return out;
}

bool valid_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  return h < 24 && m < 60;
}

bool is_request_type(std::string_view s) {
  return std::find(kRequestTypes.begin(), kRequestTypes.end(), s) != kRequestTypes.end();
}

bool schedule_in_range(clock::Date d, clock::Date today) {
  const auto n = clock::day_number(d), t = clock::day_number(today);
  return n >= t - kScheduleDaysBack && n <= t + kScheduleDaysAhead;
}

bool is_overdue(std::string_view status, clock::Date scheduled_on, clock::Date today) {
  return status == "planned" && scheduled_on < today;
}

Result<RequestInput> read_request_input(const nlohmann::json& body, InputMode mode, clock::Date today) {
  const bool create = mode == InputMode::kCreate;
  http::Fields f(body);
  RequestInput in;
  if (create) {
    auto customer = f.integer("customer_id", {.required = true, .min = 1});
    in.customer_id = customer.value.value_or(0);
  } else {
    f.forbid("customer_id");
  }
  in.type = f.choice("type", kRequestTypes, create);
  if (in.type.is_null()) f.fail("type", "field.required");
  in.title = f.text("title", {.required = create, .max = 100});
  if (in.title.is_null()) f.fail("title", "field.required");
  in.description = f.text("description", {.max = 2000, .multiline = true});
  in.scheduled_on = f.date("scheduled_on", create);
  if (in.scheduled_on.is_null()) f.fail("scheduled_on", "field.required");
  if (in.scheduled_on.value && !schedule_in_range(*in.scheduled_on.value, today))
    f.fail("scheduled_on", "service.request.scheduled_out_of_range");
  in.scheduled_time = f.text("scheduled_time", {.max = 5});
  if (in.scheduled_time.value && !valid_time(*in.scheduled_time.value))
    f.fail("scheduled_time", "service.request.time_invalid");
  in.staff_ids = read_staff(f, create);
  in.repeat_every_months = f.integer("repeat_every_months", {.min = 1, .max = kMaxRepeatMonths});
  if (in.repeat_every_months.value && in.type.value && *in.type.value != kRepeatableType)
    f.fail("repeat_every_months", "service.request.repeat_only_inspection");
  if (!create) {
    auto version = f.integer("version", {.required = true, .min = 1});
    in.version = version.value;
  }
  KEHU_CHECK(f.finish());
  return in;
}

Result<DoneInput> read_done_input(const nlohmann::json& body, clock::Date today) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto outcome = f.text("outcome", {.required = true, .max = 2000, .multiline = true});
  auto cost = f.integer("cost", {.min = 0, .max = kMaxCost});
  auto done_on = f.date("done_on");
  if (done_on.value && *done_on.value > today)
    f.fail("done_on", "service.request.done_in_future");
  else if (done_on.value && *done_on.value < kEarliest)
    f.fail("done_on", "field.out_of_range");
  KEHU_CHECK(f.finish());
  return DoneInput{*version.value, *outcome.value, cost.value.value_or(0), done_on.value.value_or(today)};
}

Result<CancelInput> read_cancel_input(const nlohmann::json& body) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto reason = f.text("reason", {.required = true, .max = 500, .multiline = true});
  KEHU_CHECK(f.finish());
  return CancelInput{*version.value, *reason.value};
}

}  // namespace kehu::service
