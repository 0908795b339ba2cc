#include "modules/sales/return.hpp"

#include <set>

#include "platform/http/fields.hpp"

namespace kehu::sales {

bool within_window(clock::Date order_date, clock::Date request_date, std::int64_t window_days) {
  return days_between(order_date, request_date) <= window_days;
}

CreditSplit split_credit(std::int64_t amount, std::int64_t order_outstanding) {
  CreditSplit s;
  s.credited = std::min(amount, std::max<std::int64_t>(0, order_outstanding));
  s.refund_due = amount - s.credited;
  return s;
}

bool can_decide(auth::Role role, bool within) {
  using R = auth::Role;
  if (role == R::kManager || role == R::kDirector || role == R::kAdmin) return true;
  return role == R::kService && within;
}

bool can_request(auth::Role role) { return role != auth::Role::kAuditor; }

Result<ReturnInput> read_return_input(const nlohmann::json& body) {
  http::Fields f(body);
  ReturnInput in;
  auto order = f.integer("order_id", {.required = true, .min = 1});
  auto kind = f.choice("kind", kReturnKinds, true);
  auto reason = f.text("reason", {.required = true, .max = 2000, .multiline = true});
  auto date = f.date("date");
  std::set<std::int64_t> seen;
  f.objects("lines", 1, kMaxLines, "sales.lines_required", [&](http::Fields& l, std::size_t) {
    auto line_no = l.integer("line_no", {.required = true, .min = 1, .max = static_cast<std::int64_t>(kMaxLines)});
    auto quantity = l.integer("quantity", {.required = true, .min = 1, .max = kMaxQuantity});
    if (!line_no.value || !quantity.value) return;
    if (!seen.insert(*line_no.value).second) return l.fail("line_no", "sales.return_duplicate_line");
    in.lines.push_back({static_cast<int>(*line_no.value), *quantity.value});
  });
  KEHU_CHECK(f.finish());
  in.order_id = *order.value;
  in.kind = *kind.value;
  in.reason = *reason.value;
  in.date = date.value;
  return in;
}

Result<Decision> read_decision(const nlohmann::json& body, bool note_required) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto note = f.text("note", {.required = note_required, .max = 2000, .multiline = true});
  KEHU_CHECK(f.finish());
  return Decision{*version.value, note.value};
}

}  // namespace kehu::sales
