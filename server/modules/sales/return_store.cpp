#include "modules/customers/customers.hpp"
#include "modules/sales/return.hpp"
#include "platform/core/clock.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kOrder =
    "SELECT o.customer_id, o.date, o.total - o.paid - o.credited FROM orders o WHERE o.id = ?";
constexpr const char* kOrderLine = "SELECT quantity, unit_price FROM order_lines WHERE order_id = ? AND line_no = ?";
// What is already returned (or asked for) of an order line; rejected requests free it again.
constexpr const char* kReturned =
    "SELECT coalesce(sum(rl.quantity), 0) FROM return_lines rl JOIN returns r ON r.id = rl.return_id "
    "WHERE r.order_id = ? AND rl.line_no = ? AND r.status <> 'rejected'";
constexpr const char* kInsert =
    "INSERT INTO returns(customer_id, order_id, kind, reason, status, request_date, within_window, amount, created_by, "
    "created_at, updated_at) VALUES (?,?,?,?,'requested',?,?,?,?,?,?)";
constexpr const char* kInsertLine = "INSERT INTO return_lines(return_id, line_no, quantity, amount) VALUES (?,?,?,?)";
constexpr const char* kSelect =
    "SELECT r.id, r.customer_id, c.name, r.order_id, r.kind, r.reason, r.status, r.request_date, r.within_window, "
    "r.amount, r.credited, r.refund_due, r.decision_note, coalesce(d.name, ''), r.decided_at, r.version, "
    "coalesce(u.name, ''), r.created_at FROM returns r JOIN customers c ON c.id = r.customer_id "
    "LEFT JOIN users d ON d.id = r.decided_by LEFT JOIN users u ON u.id = r.created_by ";
constexpr const char* kLines =
    "SELECT rl.line_no, ol.product_name, ol.spec, ol.unit, rl.quantity, rl.amount FROM return_lines rl "
    "JOIN returns r ON r.id = rl.return_id JOIN order_lines ol ON ol.order_id = r.order_id AND ol.line_no = rl.line_no "
    "WHERE rl.return_id = ? ORDER BY rl.line_no";
constexpr const char* kDecide =
    "UPDATE returns SET status = ?, credited = ?, refund_due = ?, decision_note = ?, decided_by = ?, decided_at = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'requested'";
constexpr const char* kCreditOrder =
    "UPDATE orders SET credited = credited + ?, version = version + 1, updated_at = ? WHERE id = ?";

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

nlohmann::json row_json(const db::Row& r) {
  auto opt = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  return {{"id", r.i64(0)},           {"customer_id", r.i64(1)}, {"customer_name", r.text(2)},
          {"order_id", r.i64(3)},     {"kind", r.text(4)},       {"reason", r.text(5)},
          {"status", r.text(6)},      {"date", r.text(7)},       {"within_window", r.i64(8) != 0},
          {"amount", r.i64(9)},       {"credited", r.i64(10)},   {"refund_due", r.i64(11)},
          {"decision_note", opt(12)}, {"decided_by_name", r.text(13)}, {"decided_at", opt(14)},
          {"version", r.i64(15)},     {"created_by_name", r.text(16)}, {"created_at", r.text(17)}};
}

}  // namespace

std::optional<nlohmann::json> ReturnStore::load(db::Conn& c, std::int64_t id) {
  auto j = c.one(std::string(kSelect) + "WHERE r.id = ?", {id}, row_json);
  if (j) {
    nlohmann::json lines = nlohmann::json::array();
    c.query(kLines, {id}, [&](const db::Row& r) {
      lines.push_back({{"line_no", r.i64(0)}, {"product_name", r.text(1)}, {"spec", r.text(2)}, {"unit", r.text(3)},
                       {"quantity", r.i64(4)}, {"amount", r.i64(5)}});
    });
    (*j)["lines"] = lines;
  }
  return j;
}

Result<nlohmann::json> ReturnStore::create(const auth::Principal& p, const ReturnInput& in, clock::Date today,
                                           const audit::Actor& actor) {
  const auto scope = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    std::optional<std::int64_t> customer, outstanding_now;
    std::optional<clock::Date> order_date;
    c.query(kOrder, {in.order_id}, [&](const db::Row& r) {
      customer = r.i64(0);
      order_date = clock::parse_date(r.text(1));
      outstanding_now = r.i64(2);
    });
    if (!customer) return not_found();
    // Service staff file requests for any customer they can see; others need write access.
    const auto need = p.role == auth::Role::kService ? customers::Access::kRead : customers::Access::kWrite;
    KEHU_CHECK(customers::check_access(c, scope, CustomerId(*customer), need));
    if (!can_request(p.role)) return forbidden();
    const auto date = in.date.value_or(today);
    if (date > today || date < *order_date) return validation("date", "sales.return_date_invalid");
    std::int64_t amount = 0;
    std::vector<std::int64_t> amounts;
    Error e(ErrorCode::kValidationFailed, "error.validation_failed");
    for (std::size_t i = 0; i < in.lines.size(); ++i) {
      const auto& l = in.lines[i];
      std::optional<std::int64_t> sold, price;
      c.query(kOrderLine, {in.order_id, l.line_no}, [&](const db::Row& r) {
        sold = r.i64(0);
        price = r.i64(1);
      });
      const std::string prefix = "lines[" + std::to_string(i) + "].";
      if (!sold) {
        e.field(prefix + "line_no", "sales.return_no_such_line");
        amounts.push_back(0);
        continue;
      }
      const auto returned = c.scalar_i64(kReturned, {in.order_id, l.line_no}).value_or(0);
      if (l.quantity > *sold - returned)
        e.field(prefix + "quantity", "sales.return_too_many|left=" + std::to_string(*sold - returned));
      amounts.push_back(l.quantity * *price);
      amount += l.quantity * *price;
    }
    if (!e.fields.empty()) return e;
    const auto window = customers::return_window_days(c, CustomerId(*customer)).value_or(30);
    const bool within = within_window(*order_date, date, window);
    const auto now = clock::to_iso_utc(clock::now());
    const auto id = c.exec(kInsert, {*customer, in.order_id, in.kind, in.reason, clock::format_date(date), within, amount,
                                     p.user.value, now, now})
                        .last_id;
    for (std::size_t i = 0; i < in.lines.size(); ++i)
      c.exec(kInsertLine, {id, in.lines[i].line_no, in.lines[i].quantity, amounts[i]});
    auto out = *load(c, id);
    audit::record(c, actor, "create", "return", id,
                  {{"order_id", in.order_id}, {"kind", in.kind}, {"amount", amount}, {"within_window", within}});
    (void)outstanding_now;
    return out;
  });
}

Result<nlohmann::json> ReturnStore::decide(const auth::Principal& p, std::int64_t id, bool approve, const Decision& d,
                                           const audit::Actor& actor) {
  const auto scope = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto ret = load(c, id);
    if (!ret) return not_found();
    KEHU_CHECK(customers::check_access(c, scope, CustomerId((*ret)["customer_id"].get<std::int64_t>()), customers::Access::kRead));
    if (!can_decide(p.role, (*ret)["within_window"].get<bool>())) return Error(ErrorCode::kForbidden, "sales.return_decide_not_allowed");
    if ((*ret)["version"].get<std::int64_t>() != d.version) return stale_version();
    if ((*ret)["status"] != "requested") return Error(ErrorCode::kValidationFailed, "sales.return_already_decided");
    CreditSplit split;
    const auto order_id = (*ret)["order_id"].get<std::int64_t>();
    const auto now = clock::to_iso_utc(clock::now());
    if (approve && (*ret)["kind"] == "return") {
      std::int64_t outstanding = 0;
      c.query(kOrder, {order_id}, [&](const db::Row& r) { outstanding = r.i64(2); });
      split = split_credit((*ret)["amount"].get<std::int64_t>(), outstanding);
      if (split.credited > 0) c.exec(kCreditOrder, {split.credited, now, order_id});
    }
    if (c.exec(kDecide, {approve ? "approved" : "rejected", split.credited, split.refund_due, d.note, p.user.value, now, now,
                         id, d.version})
            .changes == 0)
      return stale_version();
    auto out = *load(c, id);
    audit::record(c, actor, approve ? "approve" : "reject", "return", id,
                  {{"status", {{"from", "requested"}, {"to", out["status"]}}}, {"credited", split.credited},
                   {"refund_due", split.refund_due}, {"order_id", order_id}});
    return out;
  });
}

Result<nlohmann::json> ReturnStore::get(const auth::Scope& s, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto ret = load(c, id);
    if (!ret) return not_found();
    KEHU_CHECK(customers::check_access(c, s, CustomerId((*ret)["customer_id"].get<std::int64_t>()), customers::Access::kRead));
    return *ret;
  });
}

nlohmann::json ReturnStore::list(const auth::Scope& s, const std::optional<std::string>& status,
                                 const std::optional<std::int64_t>& customer_id, std::int64_t page, std::int64_t page_size) {
  auto scope = customers::scope_condition(s);
  std::string where = "WHERE c.deleted_at IS NULL AND " + scope.clause + " AND (? IS NULL OR r.status = ?) AND (? IS NULL OR r.customer_id = ?)";
  db::Params params = scope.params;
  params.insert(params.end(), {status, status, customer_id, customer_id});
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64("SELECT count(*) FROM returns r JOIN customers c ON c.id = r.customer_id " + where, params).value_or(0);
    auto paged = params;
    paged.emplace_back(page_size);
    paged.emplace_back((page - 1) * page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kSelect) + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", paged,
            [&](const db::Row& r) { items.push_back(row_json(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

}  // namespace kehu::sales
