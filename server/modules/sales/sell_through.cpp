#include "modules/sales/sell_through.hpp"

#include <set>

#include "modules/customers/customers.hpp"
#include "modules/sales/money_rules.hpp"
#include "platform/http/fields.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kReport =
    "SELECT id, note, version, updated_at FROM sell_through_reports WHERE customer_id = ? AND month = ?";
constexpr const char* kLines =
    "SELECT l.product_id, p.name, p.brand, p.spec, p.unit, l.quantity FROM sell_through_lines l "
    "JOIN products p ON p.id = l.product_id WHERE l.report_id = ? ORDER BY p.sort_key";
constexpr const char* kInsert =
    "INSERT INTO sell_through_reports(customer_id, month, note, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE sell_through_reports SET note = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kDeleteLines = "DELETE FROM sell_through_lines WHERE report_id = ?";
constexpr const char* kInsertLine = "INSERT INTO sell_through_lines(report_id, product_id, quantity) VALUES (?,?,?)";
constexpr const char* kQuantity =
    "SELECT coalesce(sum(l.quantity), 0) FROM sell_through_reports r JOIN sell_through_lines l ON l.report_id = r.id "
    "WHERE r.customer_id IN (SELECT value FROM json_each(?1)) AND r.month >= ?2 AND r.month <= ?3";

std::string month_text(clock::Date d) { return clock::format_date(d).substr(0, 7); }

nlohmann::json load(db::Conn& c, CustomerId id, clock::Date month) {
  nlohmann::json out = {{"customer_id", id.value}, {"month", month_text(month)}, {"id", nullptr},
                        {"version", nullptr}, {"note", nullptr}, {"updated_at", nullptr}};
  std::optional<std::int64_t> report;
  c.query(kReport, {id.value, month_text(month)}, [&](const db::Row& r) {
    report = r.i64(0);
    out["id"] = r.i64(0);
    out["note"] = r.is_null(1) ? nlohmann::json() : nlohmann::json(r.text(1));
    out["version"] = r.i64(2);
    out["updated_at"] = r.text(3);
  });
  nlohmann::json lines = nlohmann::json::array();
  std::int64_t total = 0;
  if (report)
    c.query(kLines, {*report}, [&](const db::Row& r) {
      lines.push_back({{"product_id", r.i64(0)}, {"product_name", r.text(1)}, {"brand", r.text(2)},
                       {"spec", r.text(3)}, {"unit", r.text(4)}, {"quantity", r.i64(5)}});
      total += r.i64(5);
    });
  out["lines"] = lines;
  out["total_quantity"] = total;
  return out;
}

}  // namespace

Result<SellThroughInput> read_sell_through_input(const nlohmann::json& body) {
  http::Fields f(body);
  SellThroughInput in;
  auto note = f.text("note", {.max = 2000, .multiline = true});
  auto version = f.integer("version", {.min = 1});
  std::set<std::int64_t> seen;
  f.objects("lines", 0, kMaxLines, "field.wrong_type|type=list", [&](http::Fields& l, std::size_t) {
    auto product = l.integer("product_id", {.required = true, .min = 1});
    auto quantity = l.integer("quantity", {.required = true, .min = 0, .max = kMaxQuantity});
    if (!product.value || !quantity.value) return;
    if (!seen.insert(*product.value).second) return l.fail("product_id", "sales.duplicate_product");
    in.lines.push_back({*product.value, *quantity.value});
  });
  KEHU_CHECK(f.finish());
  in.note = note.value;
  in.version = version.value;
  return in;
}

std::int64_t sell_through_quantity(db::Conn& c, const nlohmann::json& customer_ids, const std::string& from,
                                   const std::string& to) {
  return c.scalar_i64(kQuantity, {customer_ids.dump(), from, to}).value_or(0);
}

Result<nlohmann::json> SellThroughStore::get(const auth::Scope& s, CustomerId id, clock::Date month) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kRead));
    return load(c, id, month);
  });
}

Result<std::pair<nlohmann::json, bool>> SellThroughStore::put(const auth::Scope& s, CustomerId id, clock::Date month,
                                                              const SellThroughInput& in, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<std::pair<nlohmann::json, bool>> {
    KEHU_CHECK(customers::check_access(c, s, id, customers::Access::kWrite));
    Error e(ErrorCode::kValidationFailed, "error.validation_failed");
    for (std::size_t i = 0; i < in.lines.size(); ++i)
      if (!c.scalar_i64("SELECT 1 FROM products WHERE id = ?", {in.lines[i].product_id}))
        e.field("lines[" + std::to_string(i) + "].product_id", "sales.unknown_product");
    if (!e.fields.empty()) return e;
    const auto now = clock::to_iso_utc(clock::now());
    auto before = load(c, id, month);
    const bool created = before["id"].is_null();
    std::int64_t report = 0;
    if (created) {
      report = c.exec(kInsert, {id.value, month_text(month), in.note, actor.user_id, now, now}).last_id;
    } else {
      report = before["id"].get<std::int64_t>();
      if (!in.version) return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("version", "field.required");
      if (c.exec(kUpdate, {in.note, now, report, *in.version}).changes == 0) return stale_version();
      c.exec(kDeleteLines, {report});
    }
    for (const auto& l : in.lines) c.exec(kInsertLine, {report, l.product_id, l.quantity});
    auto after = load(c, id, month);
    auto quantities = [](const nlohmann::json& r) {
      nlohmann::json q = nlohmann::json::object();
      for (const auto& l : r["lines"]) q[std::to_string(l["product_id"].get<std::int64_t>())] = l["quantity"];
      return nlohmann::json{{"month", r["month"]}, {"quantities", q}, {"note", r["note"]}};
    };
    audit::record(c, actor, created ? "create" : "update", "sell_through", report,
                  audit::diff(created ? nlohmann::json::object() : quantities(before), quantities(after)));
    return std::make_pair(after, created);
  });
}

}  // namespace kehu::sales
