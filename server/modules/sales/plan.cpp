#include "modules/sales/plan.hpp"

#include <map>
#include <set>

#include "modules/calendar/calendar.hpp"
#include "modules/customers/customers.hpp"
#include "platform/http/fields.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kPlan =
    "SELECT id, schedule, support, version, updated_at FROM plans WHERE customer_id = ? AND month = ?";
constexpr const char* kPlanLines =
    "SELECT l.product_id, p.name, p.brand, p.spec, p.unit, l.quantity, l.amount FROM plan_lines l "
    "JOIN products p ON p.id = l.product_id WHERE l.plan_id = ? ORDER BY p.sort_key";
constexpr const char* kActualByProduct =
    "SELECT l.product_id, l.product_name, l.brand, l.spec, l.unit, sum(l.quantity), sum(l.amount) FROM order_lines l "
    "JOIN orders o ON o.id = l.order_id WHERE o.customer_id = ? AND o.date >= ? AND o.date <= ? GROUP BY l.product_id";
constexpr const char* kActualTotal =
    "SELECT coalesce(sum(total - credited), 0) FROM orders WHERE customer_id = ? AND date >= ? AND date <= ?";
constexpr const char* kInsertPlan =
    "INSERT INTO plans(customer_id, month, schedule, support, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?)";
constexpr const char* kUpdatePlan =
    "UPDATE plans SET schedule = ?, support = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kDeleteLines = "DELETE FROM plan_lines WHERE plan_id = ?";
constexpr const char* kInsertLine = "INSERT INTO plan_lines(plan_id, product_id, quantity, amount) VALUES (?,?,?,?)";
constexpr const char* kYearTargets =
    "SELECT p.month, coalesce(sum(l.amount), 0) FROM plans p LEFT JOIN plan_lines l ON l.plan_id = p.id "
    "WHERE p.customer_id = ? AND p.month >= ? AND p.month <= ? GROUP BY p.month";
constexpr const char* kYearActuals =
    "SELECT substr(date, 1, 7), sum(total - credited) FROM orders WHERE customer_id = ? AND date >= ? AND date <= ? "
    "GROUP BY substr(date, 1, 7)";

std::string month_text(clock::Date d) { return clock::format_date(d).substr(0, 7); }
clock::Date month_end(clock::Date m) {
  return from_day_number(day_number(month_start(from_day_number(day_number(m) + 31))) - 1);
}

}  // namespace

std::optional<clock::Date> parse_month(std::string_view s) {
  if (s.size() != 7) return std::nullopt;
  auto d = clock::parse_date(std::string(s) + "-01");
  if (!d || d->year < 2000 || d->year > 2100) return std::nullopt;
  return d;
}

Result<PlanInput> read_plan_input(const nlohmann::json& body) {
  http::Fields f(body);
  PlanInput in;
  auto schedule = f.text("schedule", {.max = 2000, .multiline = true});
  auto support = f.text("support", {.max = 2000, .multiline = true});
  auto version = f.integer("version", {.min = 1});
  std::set<std::int64_t> seen;
  f.objects("lines", 0, kMaxLines, "field.wrong_type|type=list", [&](http::Fields& l, std::size_t) {
    auto product = l.integer("product_id", {.required = true, .min = 1});
    auto quantity = l.integer("quantity", {.required = true, .min = 0, .max = kMaxQuantity});
    auto amount = l.integer("amount", {.min = 0, .max = kMaxQuantity * kMaxUnitPrice});
    if (!product.value || !quantity.value) return;
    if (!seen.insert(*product.value).second) return l.fail("product_id", "sales.plan_duplicate_product");
    in.lines.push_back({*product.value, *quantity.value, amount.value.value_or(-1)});
  });
  KEHU_CHECK(f.finish());
  in.schedule = schedule.value;
  in.support = support.value;
  in.version = version.value;
  return in;
}

nlohmann::json PlanStore::progress(db::Conn& c, CustomerId id, clock::Date month, clock::Date today) {
  const auto end = month_end(month);
  const auto until = today < end ? today : end;
  const bool started = !(today < month);
  std::optional<std::int64_t> plan_id;
  nlohmann::json out = {{"month", month_text(month)}, {"id", nullptr}, {"version", nullptr}, {"schedule", nullptr},
                        {"support", nullptr}};
  c.query(kPlan, {id.value, month_text(month)}, [&](const db::Row& r) {
    plan_id = r.i64(0);
    out["id"] = r.i64(0);
    out["schedule"] = r.is_null(1) ? nlohmann::json() : nlohmann::json(r.text(1));
    out["support"] = r.is_null(2) ? nlohmann::json() : nlohmann::json(r.text(2));
    out["version"] = r.i64(3);
    out["updated_at"] = r.text(4);
  });
  struct Row {
    nlohmann::json product;
    std::int64_t target_qty = 0, target_amount = 0, actual_qty = 0, actual_amount = 0;
  };
  std::map<std::int64_t, Row> rows;
  std::vector<std::int64_t> order;
  if (plan_id) {
    c.query(kPlanLines, {*plan_id}, [&](const db::Row& r) {
      auto& row = rows[r.i64(0)];
      row.product = {{"product_id", r.i64(0)}, {"product_name", r.text(1)}, {"brand", r.text(2)}, {"spec", r.text(3)}, {"unit", r.text(4)}};
      row.target_qty = r.i64(5);
      row.target_amount = r.i64(6);
      order.push_back(r.i64(0));
    });
  }
  if (started) {
    c.query(kActualByProduct, {id.value, clock::format_date(month), clock::format_date(until)}, [&](const db::Row& r) {
      auto [it, fresh] = rows.try_emplace(r.i64(0));
      if (fresh) {
        it->second.product = {{"product_id", r.i64(0)}, {"product_name", r.text(1)}, {"brand", r.text(2)},
                              {"spec", r.text(3)}, {"unit", r.text(4)}};
        order.push_back(r.i64(0));
      }
      it->second.actual_qty = r.i64(5);
      it->second.actual_amount = r.i64(6);
    });
  }
  nlohmann::json lines = nlohmann::json::array();
  std::int64_t target = 0;
  for (auto pid : order) {
    const auto& r = rows[pid];
    auto j = r.product;
    j["target_quantity"] = r.target_qty;
    j["target_amount"] = r.target_amount;
    j["actual_quantity"] = r.actual_qty;
    j["actual_amount"] = r.actual_amount;
    j["achieved_per_mille"] = per_mille(r.target_amount > 0 ? r.actual_amount : r.actual_qty,
                                        r.target_amount > 0 ? r.target_amount : r.target_qty);
    target += r.target_amount;
    lines.push_back(std::move(j));
  }
  auto actual = [&](clock::Date from, clock::Date to) {
    return to < from ? 0 : c.scalar_i64(kActualTotal, {id.value, clock::format_date(from), clock::format_date(to)}).value_or(0);
  };
  const auto actual_month = started ? actual(month, until) : 0;
  const auto wd = working_days(started ? until : month, calendar::load_working_calendar(c, calendar::Region::kCN));
  const auto last_year = same_day_last_year(until);
  out["lines"] = lines;
  out["target_amount"] = target;
  out["actual_amount"] = actual_month;
  out["achieved_per_mille"] = per_mille(actual_month, target);
  out["working_days"] = {{"total", wd.total}, {"elapsed", started ? wd.elapsed : 0}};
  out["expected_per_mille"] = started ? per_mille(wd.elapsed, wd.total) : 0;
  out["same_period_last_year"] = actual(month_start(last_year), last_year);
  out["ytd_actual"] = actual(year_start(until), until);
  return out;
}

Result<nlohmann::json> PlanStore::get(const auth::Scope& s, CustomerId id, clock::Date month, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kRead));
    return progress(c, id, month, today);
  });
}

Result<std::pair<nlohmann::json, bool>> PlanStore::put(const auth::Scope& s, CustomerId id, clock::Date month,
                                                       const PlanInput& in, clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<std::pair<nlohmann::json, bool>> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kWrite));
    // Amounts default to the quantity at the list price; unknown products name their line.
    std::vector<PlanLineInput> lines = in.lines;
    Error e(ErrorCode::kValidationFailed, "error.validation_failed");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto price = c.scalar_i64("SELECT price FROM products WHERE id = ?", {lines[i].product_id});
      if (!price) e.field("lines[" + std::to_string(i) + "].product_id", "sales.unknown_product");
      else if (lines[i].amount < 0) lines[i].amount = lines[i].quantity * *price;
    }
    if (!e.fields.empty()) return e;
    const auto now = clock::to_iso_utc(clock::now());
    std::optional<std::int64_t> plan_id, version;
    c.query(kPlan, {id.value, month_text(month)}, [&](const db::Row& r) {
      plan_id = r.i64(0);
      version = r.i64(3);
    });
    const bool created = !plan_id;
    nlohmann::json before = created ? nlohmann::json::object() : progress(c, id, month, today);
    if (created) {
      plan_id = c.exec(kInsertPlan, {id.value, month_text(month), in.schedule, in.support, actor.user_id, now, now}).last_id;
    } else {
      if (!in.version) return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("version", "field.required");
      if (*in.version != *version || c.exec(kUpdatePlan, {in.schedule, in.support, now, *plan_id, *in.version}).changes == 0)
        return stale_version();
      c.exec(kDeleteLines, {*plan_id});
    }
    for (const auto& l : lines) c.exec(kInsertLine, {*plan_id, l.product_id, l.quantity, l.amount});
    auto after = progress(c, id, month, today);
    auto targets = [](const nlohmann::json& p) {
      nlohmann::json t = nlohmann::json::object();
      if (p.contains("lines"))
        for (const auto& l : p["lines"])
          if (l["target_quantity"].get<std::int64_t>() > 0 || l["target_amount"].get<std::int64_t>() > 0)
            t[std::to_string(l["product_id"].get<std::int64_t>())] = {l["target_quantity"], l["target_amount"]};
      return nlohmann::json{{"targets", t}, {"schedule", p.value("schedule", nlohmann::json())},
                            {"support", p.value("support", nlohmann::json())}};
    };
    audit::record(c, actor, created ? "create" : "update", "plan", *plan_id,
                  audit::diff(created ? nlohmann::json::object() : targets(before), targets(after)));
    return std::make_pair(after, created);
  });
}

Result<nlohmann::json> PlanStore::year(const auth::Scope& s, CustomerId id, int y) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kRead));
    std::map<std::string, std::int64_t> targets, actuals;
    const std::string from = std::to_string(y) + "-01", to = std::to_string(y) + "-12";
    c.query(kYearTargets, {id.value, from, to}, [&](const db::Row& r) { targets[r.text(0)] = r.i64(1); });
    c.query(kYearActuals, {id.value, from + "-01", to + "-31"}, [&](const db::Row& r) { actuals[r.text(0)] = r.i64(1); });
    nlohmann::json months = nlohmann::json::array();
    for (int m = 1; m <= 12; ++m) {
      const auto key = month_text({y, m, 1});
      const auto t = targets.count(key) ? targets[key] : 0, a = actuals.count(key) ? actuals[key] : 0;
      months.push_back({{"month", key}, {"has_plan", targets.count(key) > 0}, {"target_amount", t}, {"actual_amount", a},
                        {"achieved_per_mille", per_mille(a, t)}});
    }
    return nlohmann::json{{"year", y}, {"months", months}};
  });
}

}  // namespace kehu::sales
