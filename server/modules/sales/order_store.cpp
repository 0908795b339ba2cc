#include "modules/sales/order_store.hpp"

#include <map>

#include "modules/customers/customers.hpp"
#include "modules/sales/sell_through.hpp"
#include "platform/core/clock.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kProduct = "SELECT name, brand, spec, unit, price, active FROM products WHERE id = ?";
constexpr const char* kOutstanding =
    "SELECT coalesce(sum(total - paid - credited), 0) FROM orders WHERE customer_id = ?";
constexpr const char* kInsertOrder =
    "INSERT INTO orders(customer_id, date, subtotal, discount, total, paid, note, credit_override_reason, "
    "credit_override_by, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertLine =
    "INSERT INTO order_lines(order_id, line_no, product_id, product_name, brand, spec, unit, quantity, unit_price, amount) "
    "VALUES (?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertPayment =
    "INSERT INTO payments(order_id, customer_id, date, amount, method, reference, created_by, created_at) "
    "VALUES (?,?,?,?,?,?,?,?)";
constexpr const char* kAddPaid = "UPDATE orders SET paid = paid + ?, version = version + 1, updated_at = ? WHERE id = ?";
constexpr const char* kOrderColumns =
    "SELECT o.id, o.customer_id, c.name, o.date, o.subtotal, o.discount, o.total, o.paid, o.credited, o.note, "
    "o.credit_override_reason, ov.name, o.version, coalesce(u.name, ''), o.created_at "
    "FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN users u ON u.id = o.created_by "
    "LEFT JOIN users ov ON ov.id = o.credit_override_by ";
constexpr const char* kLines =
    "SELECT l.line_no, l.product_id, l.product_name, l.brand, l.spec, l.unit, l.quantity, l.unit_price, l.amount "
    "FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no";
constexpr const char* kPayments =
    "SELECT y.id, y.order_id, y.date, y.amount, y.method, y.reference, coalesce(u.name, ''), y.created_at "
    "FROM payments y LEFT JOIN users u ON u.id = y.created_by WHERE y.order_id = ? ORDER BY y.date, y.id";
constexpr const char* kPaymentById =
    "SELECT y.id, y.order_id, y.date, y.amount, y.method, y.reference, coalesce(u.name, ''), y.created_at "
    "FROM payments y LEFT JOIN users u ON u.id = y.created_by WHERE y.id = ?";
constexpr const char* kUpdateOrder =
    "UPDATE orders SET date = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
// The customer page's figures read the pre-computed rows of migration 0012 (kept current
// by triggers on orders); only the current month's days and the open items read orders.
constexpr const char* kTotals = "SELECT amount, outstanding, order_count FROM customer_figures WHERE customer_id = ?";
constexpr const char* kPeriod =
    "SELECT coalesce(sum(total - credited), 0) FROM orders WHERE customer_id = ? AND date >= ? AND date <= ?";
constexpr const char* kMonths =
    "SELECT coalesce(sum(amount), 0) FROM customer_month_figures WHERE customer_id = ? AND month >= ? AND month < ?";
constexpr const char* kRecentDays =
    "SELECT date FROM (SELECT DISTINCT date FROM orders WHERE customer_id = ? ORDER BY date DESC LIMIT 25) ORDER BY date";
constexpr const char* kOpenItems =
    "SELECT date, total - paid - credited FROM orders WHERE customer_id = ? AND total - paid - credited > 0";
constexpr const char* kMonthly = "SELECT month, amount FROM customer_month_figures WHERE customer_id = ? AND month >= ?";
constexpr const char* kSubtree =
    "SELECT coalesce(sum(f.amount), 0), coalesce(sum(f.outstanding), 0), "
    "(SELECT coalesce(sum(m.amount), 0) FROM customer_month_figures m WHERE m.customer_id IN (SELECT value FROM json_each(?1)) "
    "AND m.month = ?2), "
    "(SELECT coalesce(sum(m.amount), 0) FROM customer_month_figures m WHERE m.customer_id IN (SELECT value FROM json_each(?1)) "
    "AND m.month >= ?3 AND m.month <= ?2) "
    "FROM customer_figures f WHERE f.customer_id IN (SELECT value FROM json_each(?1))";
constexpr const char* kBefore = "SELECT coalesce(sum(amount), 0) FROM customer_month_figures WHERE customer_id = ? AND month < ?";

std::string now_iso() { return clock::to_iso_utc(clock::now()); }
std::string date_text(clock::Date d) { return clock::format_date(d); }

Order order_from(const db::Row& r) {
  Order o;
  o.id = r.i64(0);
  o.customer = CustomerId(r.i64(1));
  o.customer_name = r.text(2);
  o.date = clock::parse_date(r.text(3)).value_or(clock::Date{});
  o.subtotal = r.i64(4);
  o.discount = r.i64(5);
  o.total = r.i64(6);
  o.paid = r.i64(7);
  o.credited = r.i64(8);
  o.note = r.opt_text(9);
  o.override_reason = r.opt_text(10);
  o.override_by_name = r.opt_text(11);
  o.version = r.i64(12);
  o.created_by_name = r.text(13);
  o.created_at = r.text(14);
  return o;
}

Payment payment_from(const db::Row& r) {
  Payment p;
  p.id = r.i64(0);
  p.order_id = r.i64(1);
  p.date = clock::parse_date(r.text(2)).value_or(clock::Date{});
  p.amount = r.i64(3);
  p.method = r.text(4);
  p.reference = r.opt_text(5);
  p.created_by_name = r.text(6);
  p.created_at = r.text(7);
  return p;
}

nlohmann::json credit_json(const CreditCheck& c) {
  return {{"within", c.within}, {"limit", c.limit}, {"outstanding_before", c.outstanding_before},
          {"order_amount", c.order_amount}, {"outstanding_after", c.outstanding_after}};
}

// The scope through the order's customer: "o.id = ? AND c.deleted_at IS NULL AND <scope>".
std::pair<std::string, db::Params> scoped_order(const auth::Scope& s, std::int64_t id) {
  auto scope = customers::scope_condition(s);
  db::Params params{id};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  return {"WHERE o.id = ? AND c.deleted_at IS NULL AND " + scope.clause, params};
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

}  // namespace

bool approves_credit(auth::Role r) {
  return r == auth::Role::kDirector || r == auth::Role::kManager || r == auth::Role::kAdmin;
}

Result<OrderStore::Priced> OrderStore::price(db::Conn& c, const OrderInput& in) {
  Priced out;
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  std::vector<LineAmounts> amounts;
  for (std::size_t i = 0; i < in.lines.size(); ++i) {
    const auto& l = in.lines[i];
    Line line;
    bool found = false, active = false;
    c.query(kProduct, {l.product_id}, [&](const db::Row& r) {
      found = true;
      line.product_name = r.text(0);
      line.brand = r.text(1);
      line.spec = r.text(2);
      line.unit = r.text(3);
      line.unit_price = l.unit_price.value_or(r.i64(4));
      active = r.i64(5) != 0;
    });
    const std::string field = "lines[" + std::to_string(i) + "].product_id";
    if (!found) e.field(field, "sales.unknown_product");
    else if (!active) e.field(field, "sales.product_inactive");
    line.line_no = static_cast<int>(i + 1);
    line.product_id = l.product_id;
    line.quantity = l.quantity;
    line.amount = l.quantity * line.unit_price;
    amounts.push_back({line.quantity, line.unit_price});
    out.lines.push_back(std::move(line));
  }
  if (!e.fields.empty()) return e;
  KEHU_TRY(out.totals, order_totals(amounts, in.discount));
  if (in.payment && in.payment->amount > out.totals.total) return validation("payment.amount", "sales.payment_exceeds_total");
  return out;
}

Result<nlohmann::json> OrderStore::credit_check(const auth::Principal& p, const OrderInput& in) {
  const auto scope = auth::scope_of(p);
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, scope, in.customer, customers::Access::kRead));
    KEHU_TRY(auto priced, price(c, in));
    const auto limit = customers::credit_limit(c, in.customer).value_or(0);
    const auto before = c.scalar_i64(kOutstanding, {in.customer.value}).value_or(0);
    auto j = credit_json(check_credit(limit, before, priced.totals.total, in.payment ? in.payment->amount : 0));
    j["total"] = priced.totals.total;
    j["subtotal"] = priced.totals.subtotal;
    return j;
  });
}

Result<Order> OrderStore::create(const auth::Principal& p, const OrderInput& in, const audit::Actor& actor) {
  const auto scope = auth::scope_of(p);
  // One writer at a time (BEGIN IMMEDIATE): the debt read here cannot change before the
  // order is written, so two concurrent orders never both slip under the limit.
  return db_.write([&](db::Conn& c) -> Result<Order> {
    KEHU_CHECK(customers::check_access(c, scope, in.customer, customers::Access::kWrite));
    if (in.override_reason && !approves_credit(p.role)) return Error(ErrorCode::kForbidden, "sales.override_not_allowed");
    KEHU_TRY(auto priced, price(c, in));
    const auto limit = customers::credit_limit(c, in.customer).value_or(0);
    const auto before = c.scalar_i64(kOutstanding, {in.customer.value}).value_or(0);
    const auto paid = in.payment ? in.payment->amount : 0;
    const auto credit = check_credit(limit, before, priced.totals.total, paid);
    const bool override_used = !credit.within && in.override_reason.has_value();
    if (!credit.within && !override_used) {
      Error e(ErrorCode::kCreditLimitExceeded, "sales.credit_limit_exceeded");
      e.details["credit"] = credit_json(credit);
      e.arg("limit", format_yuan(limit)).arg("after", format_yuan(credit.outstanding_after));
      return e;
    }
    const auto now = now_iso();
    std::optional<std::string> reason;
    std::optional<std::int64_t> approver;
    if (override_used) {
      reason = in.override_reason;
      approver = p.user.value;
    }
    const auto id = c.exec(kInsertOrder, {in.customer.value, date_text(in.date), priced.totals.subtotal, in.discount,
                                          priced.totals.total, paid, in.note, reason, approver, p.user.value, now, now})
                        .last_id;
    for (const auto& l : priced.lines)
      c.exec(kInsertLine, {id, l.line_no, l.product_id, l.product_name, l.brand, l.spec, l.unit, l.quantity, l.unit_price,
                           l.amount});
    if (in.payment)
      c.exec(kInsertPayment, {id, in.customer.value, date_text(in.payment->date), paid, in.payment->method,
                              in.payment->reference, p.user.value, now});
    auto order = *load(c, id, true);
    auto record = to_json(order, true);
    audit::record(c, actor, "create", "order", id, audit::diff({}, record));
    if (override_used)
      audit::record(c, actor, "credit_override", "order", id,
                    {{"reason", *reason}, {"credit", credit_json(credit)}, {"customer_id", in.customer.value}});
    return order;
  });
}

std::optional<Order> OrderStore::load(db::Conn& c, std::int64_t id, bool detail) {
  auto o = c.one(std::string(kOrderColumns) + "WHERE o.id = ?", {id}, order_from);
  if (o && detail) {
    o->lines = c.rows(kLines, {id}, [](const db::Row& r) {
      return Line{static_cast<int>(r.i64(0)), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6), r.i64(7), r.i64(8)};
    });
    o->payments = c.rows(kPayments, {id}, payment_from);
  }
  return o;
}

OrderList OrderStore::list(const auth::Scope& s, const OrderFilter& f) {
  auto scope = customers::scope_condition(s);
  std::string where = "WHERE c.deleted_at IS NULL AND " + scope.clause;
  db::Params params = scope.params;
  auto add = [&](const char* clause, db::Param v) {
    where += " AND ";
    where += clause;
    params.push_back(std::move(v));
  };
  if (f.customer_id) add("o.customer_id = ?", *f.customer_id);
  if (f.from) add("o.date >= ?", date_text(*f.from));
  if (f.to) add("o.date <= ?", date_text(*f.to));
  if (f.settlement == "paid") where += " AND o.total - o.paid - o.credited <= 0";
  if (f.settlement == "unpaid") where += " AND o.paid + o.credited = 0 AND o.total > 0";
  if (f.settlement == "partly_paid") where += " AND o.paid + o.credited > 0 AND o.total - o.paid - o.credited > 0";
  static const std::map<std::string, std::string> kSort = {{"date", "o.date"}, {"total", "o.total"},
                                                           {"outstanding", "(o.total - o.paid - o.credited)"},
                                                           {"created_at", "o.created_at"}};
  const std::string dir = f.sort.descending ? " DESC" : " ASC";
  const std::string order = " ORDER BY " + kSort.at(f.sort.field) + dir + ", o.id" + dir + " LIMIT ? OFFSET ?";
  return db_.read([&](db::Conn& c) {
    OrderList out;
    c.query("SELECT count(*), coalesce(sum(o.total), 0), coalesce(sum(o.total - o.paid - o.credited), 0) FROM orders o "
            "JOIN customers c ON c.id = o.customer_id " + where,
            params, [&](const db::Row& r) {
              out.count = r.i64(0);
              out.sum_total = r.i64(1);
              out.sum_outstanding = r.i64(2);
            });
    auto page = params;
    page.emplace_back(f.page_size);
    page.emplace_back((f.page - 1) * f.page_size);
    out.items = c.rows(std::string(kOrderColumns) + where + order, page, order_from);
    return out;
  });
}

std::optional<Order> OrderStore::get(const auth::Scope& s, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> std::optional<Order> {
    auto [where, params] = scoped_order(s, id);
    if (!c.scalar_i64("SELECT 1 FROM orders o JOIN customers c ON c.id = o.customer_id " + where, params)) return std::nullopt;
    return load(c, id, true);
  });
}

Result<Order> OrderStore::update(const auth::Scope& s, std::int64_t id, const OrderChange& ch, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Order> {
    auto before = load(c, id, false);
    if (!before) return not_found();
    KEHU_CHECK(customers::check_access(c, s, before->customer, customers::Access::kWrite));
    if (before->version != ch.version) return stale_version();
    const auto date = ch.date.value_or(before->date);
    // No payment may end up dated before its order.
    if (ch.date) {
      auto first = c.scalar_text("SELECT min(date) FROM payments WHERE order_id = ?", {id});
      if (first && !first->empty() && date_text(*ch.date) > *first) return validation("date", "sales.payment_before_order");
    }
    const auto note = ch.note ? *ch.note : before->note;
    if (c.exec(kUpdateOrder, {date_text(date), note, now_iso(), id, ch.version}).changes == 0) return stale_version();
    auto fresh = *load(c, id, true);
    nlohmann::json b = {{"date", date_text(before->date)}, {"note", before->note ? nlohmann::json(*before->note) : nlohmann::json()}};
    nlohmann::json a = {{"date", date_text(fresh.date)}, {"note", fresh.note ? nlohmann::json(*fresh.note) : nlohmann::json()}};
    audit::record(c, actor, "update", "order", id, audit::diff(b, a));
    return fresh;
  });
}

Result<Payment> OrderStore::add_payment(const auth::Scope& s, std::int64_t order_id, const PaymentInput& in,
                                        const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Payment> {
    auto order = load(c, order_id, false);
    if (!order) return not_found();
    KEHU_CHECK(customers::check_access(c, s, order->customer, customers::Access::kWrite));
    const auto owed = outstanding(order->total, order->paid, order->credited);
    if (in.amount > owed)
      return Error(ErrorCode::kValidationFailed, "error.validation_failed")
          .field("amount", "sales.payment_exceeds_debt|outstanding=" + format_yuan(owed));
    if (in.date < order->date) return validation("date", "sales.payment_before_order");
    const auto now = now_iso();
    const auto id = c.exec(kInsertPayment, {order_id, order->customer.value, date_text(in.date), in.amount, in.method,
                                            in.reference, actor.user_id, now})
                        .last_id;
    c.exec(kAddPaid, {in.amount, now, order_id});
    auto payment = *c.one(kPaymentById, {id}, payment_from);
    audit::record(c, actor, "create", "payment", id, {{"order_id", order_id}, {"amount", in.amount}, {"method", in.method},
                                                      {"customer_id", order->customer.value}});
    return payment;
  });
}

Result<CustomerFigures> OrderStore::figures(const auth::Scope& s, CustomerId id, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<CustomerFigures> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kRead));
    CustomerFigures f;
    f.credit_limit = customers::credit_limit(c, id).value_or(0);
    c.query(kTotals, {id.value}, [&](const db::Row& r) {
      f.lifetime_amount = r.i64(0);
      f.outstanding = r.i64(1);
      f.order_count = r.i64(2);
    });
    auto period = [&](clock::Date from, clock::Date to) {
      return c.scalar_i64(kPeriod, {id.value, date_text(from), date_text(to)}).value_or(0);
    };
    // Whole months before `day`'s month in its year, from the month rows.
    auto earlier_months = [&](clock::Date day) {
      const auto month = date_text(day).substr(0, 7);
      return c.scalar_i64(kMonths, {id.value, month.substr(0, 4) + "-01", month}).value_or(0);
    };
    const auto last_year = same_day_last_year(today);
    f.mtd_amount = period(month_start(today), today);
    f.ytd_amount = earlier_months(today) + f.mtd_amount;
    f.mtd_last_year = period(month_start(last_year), last_year);
    f.ytd_last_year = earlier_months(last_year) + f.mtd_last_year;
    std::vector<clock::Date> days;
    c.query(kRecentDays, {id.value}, [&](const db::Row& r) {
      if (auto d = clock::parse_date(r.text(0))) days.push_back(*d);
    });
    if (!days.empty()) {
      f.last_purchase_date = days.back();
      f.days_since_last_purchase = days_between(days.back(), today);
    }
    f.usual_interval_days = usual_interval(days);
    std::vector<OpenItem> open;
    if (f.outstanding > 0)
      c.query(kOpenItems, {id.value}, [&](const db::Row& r) {
        if (auto d = clock::parse_date(r.text(0))) open.push_back({*d, r.i64(1)});
      });
    f.aging = aging(open, today);
    nlohmann::json ids = nlohmann::json::array({id.value});
    for (auto d : customers::descendants(c, id)) ids.push_back(d.value);
    f.subtree.customers = static_cast<std::int64_t>(ids.size());
    const auto month = date_text(today).substr(0, 7);
    c.query(kSubtree, {ids.dump(), month, month.substr(0, 4) + "-01"}, [&](const db::Row& r) {
      f.subtree.lifetime_amount = r.i64(0);
      f.subtree.outstanding = r.i64(1);
      f.subtree.mtd_amount = r.i64(2);
      f.subtree.ytd_amount = r.i64(3);
    });
    const auto this_month = date_text(today).substr(0, 7);
    f.subtree.sell_through_mtd_quantity = sell_through_quantity(c, ids, this_month, this_month);
    f.subtree.sell_through_ytd_quantity = sell_through_quantity(c, ids, this_month.substr(0, 4) + "-01", this_month);
    // The last 24 months, with the running total carried from everything before them.
    clock::Date start = month_start(today);
    for (int i = 0; i < 23; ++i) start = month_start(from_day_number(day_number(start) - 1));
    std::map<std::string, std::int64_t> by_month;
    c.query(kMonthly, {id.value, date_text(start).substr(0, 7)}, [&](const db::Row& r) { by_month[r.text(0)] = r.i64(1); });
    std::int64_t running = c.scalar_i64(kBefore, {id.value, date_text(start).substr(0, 7)}).value_or(0);
    for (clock::Date m = start; m <= today; m = from_day_number(day_number(m) + 32), m = month_start(m)) {
      const auto key = date_text(m).substr(0, 7);
      const auto amount = by_month.count(key) ? by_month[key] : 0;
      running += amount;
      f.monthly.push_back({key, amount, running});
    }
    return f;
  });
}

}  // namespace kehu::sales
