#include "modules/sales/order.hpp"

#include "platform/http/fields.hpp"

namespace kehu::sales {
namespace {

nlohmann::json jopt(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); }

Result<PaymentInput> read_payment(const nlohmann::json& body, std::optional<clock::Date> default_date, clock::Date today) {
  http::Fields p(body);
  auto date = p.date("date", !default_date);
  auto amount = p.integer("amount", {.required = true, .min = 1, .max = kMaxQuantity * kMaxUnitPrice});
  auto method = p.choice("method", kPaymentMethods, true);
  auto reference = p.text("reference", {.max = 100});
  if (date.value && *date.value > today) p.fail("date", "sales.date_in_future");
  // Paid with the order: not dated before the order.
  if (date.value && default_date && *date.value < *default_date) p.fail("date", "sales.payment_before_order");
  KEHU_CHECK(p.finish());
  PaymentInput out;
  out.date = date.value ? *date.value : *default_date;
  out.amount = *amount.value;
  out.method = *method.value;
  out.reference = reference.value;
  return out;
}

}  // namespace

Result<OrderInput> read_order_input(const nlohmann::json& body) {
  http::Fields f(body);
  OrderInput in;
  auto customer = f.integer("customer_id", {.required = true, .min = 1});
  auto date = f.date("date", true);
  auto discount = f.integer("discount", {.min = 0, .max = kMaxQuantity * kMaxUnitPrice});
  auto note = f.text("note", {.max = 2000, .multiline = true});
  auto payment = f.raw("payment");
  auto override_ = f.raw("credit_override");
  const auto today = clock::local_date(clock::now());
  if (date.value && (date.value->year < 2000 || *date.value > today)) f.fail("date", "sales.date_out_of_range");
  f.objects("lines", 1, kMaxLines, "sales.lines_required", [&](http::Fields& l, std::size_t) {
    auto product = l.integer("product_id", {.required = true, .min = 1});
    auto quantity = l.integer("quantity", {.required = true, .min = 1, .max = kMaxQuantity});
    auto price = l.integer("unit_price", {.min = 0, .max = kMaxUnitPrice});
    if (product.value && quantity.value) in.lines.push_back({*product.value, *quantity.value, price.value});
  });
  if (payment.value) {
    if (!payment.value->is_object()) f.fail("payment", "field.wrong_type|type=object");
    else if (date.value) {
      auto paid = read_payment(*payment.value, date.value, today);
      if (paid) in.payment = *paid;
      else if (paid.error().code == ErrorCode::kUnknownField) return std::move(paid).error();
      else for (const auto& [k, v] : paid.error().fields) f.fail("payment." + k, v);
    }
  }
  if (override_.value) {
    if (!override_.value->is_object()) {
      f.fail("credit_override", "field.wrong_type|type=object");
    } else {
      http::Fields of(*override_.value);
      auto reason = of.text("reason", {.required = true, .max = 500, .multiline = true});
      auto st = of.finish();
      if (!st.ok()) for (const auto& [k, v] : st.error().fields) f.fail("credit_override." + k, v);
      else in.override_reason = reason.value;
    }
  }
  KEHU_CHECK(f.finish());
  in.customer = CustomerId(*customer.value);
  in.date = *date.value;
  in.discount = discount.value.value_or(0);
  in.note = note.value;
  return in;
}

Result<PaymentInput> read_payment_input(const nlohmann::json& body, clock::Date today) {
  return read_payment(body, std::nullopt, today);
}

Result<OrderChange> read_order_change(const nlohmann::json& body) {
  http::Fields f(body);
  auto date = f.date("date");
  auto note = f.text("note", {.max = 2000, .multiline = true});
  auto version = f.integer("version", {.required = true, .min = 1});
  if (date.is_null()) f.fail("date", "field.required");
  if (date.value && (date.value->year < 2000 || *date.value > clock::local_date(clock::now())))
    f.fail("date", "sales.date_out_of_range");
  KEHU_CHECK(f.finish());
  OrderChange c;
  c.date = date.value;
  if (note.present) c.note = note.value;
  c.version = *version.value;
  return c;
}

nlohmann::json to_json(const Payment& p) {
  return {{"id", p.id},         {"order_id", p.order_id},   {"date", clock::format_date(p.date)},
          {"amount", p.amount}, {"method", p.method},       {"reference", jopt(p.reference)},
          {"created_by_name", p.created_by_name}, {"created_at", p.created_at}};
}

nlohmann::json to_json(const Order& o, bool detail) {
  nlohmann::json j = {{"id", o.id},
                      {"customer_id", o.customer.value},
                      {"customer_name", o.customer_name},
                      {"date", clock::format_date(o.date)},
                      {"subtotal", o.subtotal},
                      {"discount", o.discount},
                      {"total", o.total},
                      {"paid", o.paid},
                      {"credited", o.credited},
                      {"outstanding", outstanding(o.total, o.paid, o.credited)},
                      {"settlement", settlement_name(settlement(o.total, o.paid, o.credited))},
                      {"note", jopt(o.note)},
                      {"credit_override", o.override_reason ? nlohmann::json{{"reason", *o.override_reason},
                                                                             {"by_name", o.override_by_name.value_or("")}}
                                                            : nlohmann::json()},
                      {"version", o.version},
                      {"created_by_name", o.created_by_name},
                      {"created_at", o.created_at}};
  if (detail) {
    nlohmann::json lines = nlohmann::json::array(), payments = nlohmann::json::array();
    for (const auto& l : o.lines)
      lines.push_back({{"line_no", l.line_no}, {"product_id", l.product_id}, {"product_name", l.product_name},
                       {"brand", l.brand}, {"spec", l.spec}, {"unit", l.unit}, {"quantity", l.quantity},
                       {"unit_price", l.unit_price}, {"amount", l.amount}});
    for (const auto& p : o.payments) payments.push_back(to_json(p));
    j["lines"] = lines;
    j["payments"] = payments;
  }
  return j;
}

}  // namespace kehu::sales
