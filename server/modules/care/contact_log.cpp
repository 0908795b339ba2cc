#include "modules/care/contact_log.hpp"

#include <chrono>
#include <set>

namespace kehu::care {
namespace {

constexpr auto kSkew = std::chrono::minutes(5);

// A list of distinct positive ids, or a field error.
http::Field<std::vector<std::int64_t>> read_ids(http::Fields& f, const nlohmann::json& body, const char* key,
                                                std::size_t max) {
  auto raw = f.raw(key);
  http::Field<std::vector<std::int64_t>> out;
  out.present = raw.present;
  if (!raw.value) return out;
  if (!raw.value->is_array() || raw.value->size() > max) {
    f.fail(key, "field.wrong_type|type=list");
    return out;
  }
  std::vector<std::int64_t> ids;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < raw.value->size(); ++i) {
    const auto& v = (*raw.value)[i];
    const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1) f.fail(at, "field.wrong_type|type=id");
    else if (!seen.insert(v.get<std::int64_t>()).second) f.fail(at, "care.duplicate_contact");
    else ids.push_back(v.get<std::int64_t>());
  }
  (void)body;
  out.value = ids;
  return out;
}

}  // namespace

Result<LogInput> read_log_input(const nlohmann::json& body, LogMode mode, clock::TimePoint now) {
  const bool create = mode == LogMode::kCreate;
  http::Fields f(body);
  LogInput in;
  if (create) {
    auto customer = f.integer("customer_id", {.required = true, .min = 1});
    in.customer_id = customer.value.value_or(0);
  } else {
    f.forbid("customer_id");
  }
  in.kind = f.choice("kind", kContactKinds, create);
  if (in.kind.is_null()) f.fail("kind", "field.required");
  in.at = f.text("at", {.max = 40});
  clock::TimePoint when = now;
  if (in.at.value) {
    auto t = clock::parse_iso(*in.at.value);
    if (!t) f.fail("at", "care.at_invalid");
    else if (*t > now + kSkew) f.fail("at", "care.at_in_future");
    else if (clock::local_date(*t).year < 2000) f.fail("at", "care.at_invalid");
    else when = *t;
  } else if (in.at.is_null()) {
    f.fail("at", "field.required");
  }
  if (create || in.at.value) {
    in.at.present = true;
    in.at.value = clock::to_iso_utc(when);
    in.day = clock::local_date(when);
  }
  in.contact_ids = read_ids(f, body, "contact_ids", kMaxLogContacts);
  in.summary = f.text("summary", {.required = create, .max = 2000, .multiline = true});
  if (in.summary.is_null()) f.fail("summary", "field.required");
  in.outcome = f.text("outcome", {.max = 2000, .multiline = true});
  in.next_contact_date = f.date("next_contact_date");
  if (in.next_contact_date.value && in.day && *in.next_contact_date.value < *in.day)
    f.fail("next_contact_date", "care.next_before_log");
  if (in.next_contact_date.value && in.next_contact_date.value->year > 2100) f.fail("next_contact_date", "field.invalid_date");

  auto gift = f.raw("gift");
  in.gift.present = gift.present;
  if (gift.value) {
    if (!gift.value->is_object()) {
      f.fail("gift", "field.wrong_type|type=object");
    } else {
      http::Fields g(*gift.value);
      auto item = g.text("item", {.required = true, .max = 100});
      auto cost = g.integer("cost", {.required = true, .min = 0, .max = kMaxGiftCost});
      auto reason = g.text("reason", {.max = 200});
      auto st = g.finish();
      if (!st.ok()) {
        for (const auto& [k, v] : st.error().fields) f.fail("gift." + k, v);
      } else {
        in.gift.value = GiftInput{*item.value, *cost.value, reason.value};
      }
    }
  }
  const bool is_gift = in.kind.value ? *in.kind.value == "gift" : false;
  if (create && is_gift && !gift.value) f.fail("gift", "care.gift_required");

  if (create && body.contains("promises")) {
    f.objects("promises", 0, kMaxPromises, "field.wrong_type|type=list", [&](http::Fields& p, std::size_t) {
      auto text = p.text("text", {.required = true, .max = 500, .multiline = true});
      auto due = p.date("due_date", true);
      if (due.value && in.day && *due.value < *in.day) return p.fail("due_date", "care.due_before_log");
      if (due.value && due.value->year > 2100) return p.fail("due_date", "field.invalid_date");
      if (text.value && due.value) in.promises.push_back({*text.value, *due.value});
    });
  }
  if (create) {
    auto visit = f.integer("visit_id", {.min = 1});
    in.visit_id = visit.value;
  } else {
    auto version = f.integer("version", {.required = true, .min = 1});
    in.version = version.value;
  }
  KEHU_CHECK(f.finish());
  return in;
}

Result<PromiseInput> read_promise_input(const nlohmann::json& body, clock::Date today, std::int64_t& customer_id) {
  http::Fields f(body);
  auto customer = f.integer("customer_id", {.required = true, .min = 1});
  auto text = f.text("text", {.required = true, .max = 500, .multiline = true});
  auto due = f.date("due_date", true);
  if (due.value && *due.value < today) f.fail("due_date", "care.due_in_past");
  if (due.value && due.value->year > 2100) f.fail("due_date", "field.invalid_date");
  KEHU_CHECK(f.finish());
  customer_id = *customer.value;
  return PromiseInput{*text.value, *due.value};
}

}  // namespace kehu::care
