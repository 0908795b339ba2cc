#include <map>

#include "modules/care/care_internal.hpp"
#include "modules/care/regional_event.hpp"
#include "modules/care/task.hpp"
#include "modules/customers/customers.hpp"
#include "platform/db/sql.hpp"
#include "platform/text/phone.hpp"

namespace kehu::care {
namespace {

constexpr const char* kProvince = "SELECT name FROM regions WHERE code = ? AND level = 1";
constexpr const char* kCity = "SELECT name FROM regions WHERE code = ? AND level = 2 AND parent = ?";
constexpr const char* kPreviewCustomers =
    "SELECT c.id, c.name, c.owner_id, coalesce(o.name, ''), c.city_code, rc.name, c.grade FROM customers c "
    "LEFT JOIN users o ON o.id = c.owner_id LEFT JOIN regions rc ON rc.code = c.city_code ";
constexpr const char* kPreviewContacts =
    "SELECT k.customer_id, k.id, k.name, k.title, k.mobile, k.landline, k.is_primary FROM contacts k "
    "WHERE k.deleted_at IS NULL AND k.left_company = 0 AND k.customer_id IN (SELECT c.id FROM customers c ";
// The customers an event reaches, and whether an open task for the same kind of event in the
// same province within a week already covers them (two leads reporting the same typhoon).
constexpr const char* kReached =
    "SELECT c.id, c.owner_id, EXISTS (SELECT 1 FROM care_tasks t JOIN regional_events e ON e.id = t.regional_event_id "
    "WHERE t.customer_id = c.id AND t.status = 'open' AND e.kind = ? AND e.province_code = ? "
    "AND abs(julianday(e.date) - julianday(?)) <= ?) FROM customers c ";
constexpr const char* kInsert =
    "INSERT INTO regional_events(kind, title, province_code, city_code, date, note, created_by, created_at) "
    "VALUES (?,?,?,?,?,?,?,?)";
constexpr const char* kCounts = "UPDATE regional_events SET customers = ?, tasks = ? WHERE id = ?";
constexpr const char* kSelect =
    "SELECT e.id, e.kind, e.title, e.province_code, coalesce(rp.name, ''), e.city_code, rc.name, e.date, e.note, "
    "e.customers, e.tasks, e.created_by, coalesce(u.name, ''), e.created_at FROM regional_events e "
    "LEFT JOIN regions rp ON rp.code = e.province_code LEFT JOIN regions rc ON rc.code = e.city_code "
    "LEFT JOIN users u ON u.id = e.created_by ";
constexpr const char* kTasks =
    "SELECT c.id, c.name, t.user_id, coalesce(au.name, ''), t.id, t.status, t.due_date FROM care_tasks t "
    "JOIN customers c ON c.id = t.customer_id LEFT JOIN users au ON au.id = t.user_id ";

bool may_create(auth::Role r) {
  using R = auth::Role;
  return r == R::kAdmin || r == R::kDirector || r == R::kManager || r == R::kAccountManager;
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

struct Region {
  std::string province_name;
  std::optional<std::string> city_name;
};

Result<Region> check_region(db::Conn& c, const RegionInput& in) {
  Region out;
  auto province = c.scalar_text(kProvince, {in.province_code});
  if (!province) return validation("province_code", "care.region_invalid");
  out.province_name = *province;
  if (in.city_code) {
    auto city = c.scalar_text(kCity, {*in.city_code, in.province_code});
    if (!city) return validation("city_code", "care.region_invalid");
    out.city_name = *city;
  }
  return out;
}

// Customers in the region that the caller reaches: the scope; an account manager's own only.
db::Sql reach(const auth::Principal& p, const RegionInput& in) {
  db::Sql sql;
  sql.add("c.deleted_at IS NULL");
  sql.add("c.province_code = ?", {in.province_code});
  if (in.city_code) sql.add("c.city_code = ?", {*in.city_code});
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  if (p.role == auth::Role::kAccountManager) sql.add("c.owner_id = ?", {p.user.value});
  return sql;
}

// Events the caller may see: everything for the all-seeing roles; otherwise the ones he
// created and those that gave a task on a customer in his scope.
db::Sql visible(const auth::Principal& p) {
  db::Sql sql;
  const auto s = auth::scope_of(p);
  if (s.visibility == auth::Scope::Visibility::kAll) return sql;
  auto scope = customers::scope_condition(s);
  db::Params params{p.user.value};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  sql.add(
      "(e.created_by = ? OR EXISTS (SELECT 1 FROM care_tasks t JOIN customers c ON c.id = t.customer_id "
      "WHERE t.regional_event_id = e.id AND c.deleted_at IS NULL AND " +
          scope.clause + "))",
      params);
  return sql;
}

nlohmann::json row_json(const db::Row& r) {
  auto opt = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  return {{"id", r.i64(0)},
          {"kind", r.text(1)},
          {"title", r.text(2)},
          {"province_code", r.text(3)},
          {"province_name", r.text(4)},
          {"city_code", opt(5)},
          {"city_name", opt(6)},
          {"date", r.text(7)},
          {"note", opt(8)},
          {"customers", r.i64(9)},
          {"tasks", r.i64(10)},
          {"created_by", r.is_null(11) ? nlohmann::json() : nlohmann::json(r.i64(11))},
          {"created_by_name", r.text(12)},
          {"created_at", r.text(13)}};
}

// The event with the tasks it made, as far as the caller's scope reaches (at most 500).
nlohmann::json detail(db::Conn& c, const auth::Principal& p, std::int64_t id) {
  auto out = *c.one(std::string(kSelect) + "WHERE e.id = ?", {id}, row_json);
  db::Sql sql;
  sql.add("t.regional_event_id = ?", {id});
  sql.add("c.deleted_at IS NULL");
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  out["items_total"] =
      c.scalar_i64("SELECT count(*) FROM care_tasks t JOIN customers c ON c.id = t.customer_id " + sql.where,
                   sql.params)
          .value_or(0);
  auto params = sql.params;
  params.emplace_back(kRegionalPreviewLimit);
  nlohmann::json items = nlohmann::json::array();
  c.query(std::string(kTasks) + sql.where + " ORDER BY c.sort_key, c.id LIMIT ?", params, [&](const db::Row& r) {
    items.push_back({{"customer_id", r.i64(0)},
                     {"customer_name", r.text(1)},
                     {"owner_id", r.i64(2)},
                     {"owner_name", r.text(3)},
                     {"task_id", r.i64(4)},
                     {"task_status", r.text(5)},
                     {"due_date", r.text(6)}});
  });
  out["items"] = items;
  return out;
}

}  // namespace

Result<nlohmann::json> RegionalEventStore::preview(const auth::Principal& p, const RegionInput& in) {
  if (!may_create(p.role)) return forbidden();
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto region, check_region(c, in));
    const auto sql = reach(p, in);
    const auto customers = c.scalar_i64("SELECT count(*) FROM customers c " + sql.where, sql.params).value_or(0);
    const auto owners =
        c.scalar_i64("SELECT count(DISTINCT c.owner_id) FROM customers c " + sql.where, sql.params).value_or(0);
    const auto contacts = c.scalar_i64("SELECT count(*) FROM contacts k JOIN customers c ON c.id = k.customer_id " +
                                           sql.where + " AND k.deleted_at IS NULL AND k.left_company = 0",
                                       sql.params)
                              .value_or(0);
    const std::string page = " ORDER BY c.sort_key, c.id LIMIT ?";
    auto params = sql.params;
    params.emplace_back(kRegionalPreviewLimit);
    const bool show = auth::scope_of(p).sees_personal_data;
    auto phone = [&](const std::optional<std::string>& v) -> nlohmann::json {
      if (!v) return nullptr;
      return show ? *v : text::mask_phone(*v);
    };
    std::map<std::int64_t, nlohmann::json> people;
    c.query(std::string(kPreviewContacts) + sql.where + page + ") ORDER BY k.is_primary DESC, k.id", params,
            [&](const db::Row& r) {
              auto& list = people[r.i64(0)];
              if (list.is_null()) list = nlohmann::json::array();
              list.push_back({{"id", r.i64(1)},
                              {"name", r.text(2)},
                              {"title", r.is_null(3) ? nlohmann::json() : nlohmann::json(r.text(3))},
                              {"mobile", phone(r.opt_text(4))},
                              {"landline", phone(r.opt_text(5))},
                              {"is_primary", r.i64(6) != 0}});
            });
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kPreviewCustomers) + sql.where + page, params, [&](const db::Row& r) {
      auto it = people.find(r.i64(0));
      items.push_back({{"id", r.i64(0)},
                       {"name", r.text(1)},
                       {"owner_id", r.i64(2)},
                       {"owner_name", r.text(3)},
                       {"city_code", r.is_null(4) ? nlohmann::json() : nlohmann::json(r.text(4))},
                       {"city_name", r.is_null(5) ? nlohmann::json() : nlohmann::json(r.text(5))},
                       {"grade", r.is_null(6) ? nlohmann::json() : nlohmann::json(r.text(6))},
                       {"contacts", it == people.end() ? nlohmann::json::array() : it->second}});
    });
    return nlohmann::json{{"province_code", in.province_code},
                          {"province_name", region.province_name},
                          {"city_code", in.city_code ? nlohmann::json(*in.city_code) : nlohmann::json()},
                          {"city_name", region.city_name ? nlohmann::json(*region.city_name) : nlohmann::json()},
                          {"customers", customers},
                          {"contacts", contacts},
                          {"owners", owners},
                          {"items", std::move(items)},
                          {"truncated", customers > kRegionalPreviewLimit}};
  });
}

Result<nlohmann::json> RegionalEventStore::create(const auth::Principal& p, const RegionalEventInput& in,
                                                  clock::Date today, const audit::Actor& actor) {
  if (!may_create(p.role)) return forbidden();
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(check_region(c, in.region));
    const auto date = clock::format_date(in.date);
    const auto sql = reach(p, in.region);
    db::Params params{in.kind, in.region.province_code, date, kRegionalDedupeDays};
    params.insert(params.end(), sql.params.begin(), sql.params.end());
    struct Reached {
      std::int64_t customer, owner;
      bool covered;
    };
    auto reached = c.rows(std::string(kReached) + sql.where + " ORDER BY c.id", params, [](const db::Row& r) {
      return Reached{r.i64(0), r.i64(1), r.i64(2) != 0};
    });
    if (reached.empty())
      return validation(in.region.city_code ? "city_code" : "province_code", "care.regional_no_customers");
    const auto id = c.exec(kInsert, {in.kind, in.title, in.region.province_code, in.region.city_code, date, in.note,
                                     p.user.value, now_iso()})
                        .last_id;
    const auto due = regional_task_due(in.date, today);
    std::int64_t tasks = 0;
    for (const auto& r : reached) {
      if (r.covered) continue;
      NewTask t;
      t.user = UserId(r.owner);
      t.customer = CustomerId(r.customer);
      t.kind = "regional_event";
      t.subject = in.kind;
      t.event_date = in.date;
      t.due = due;
      t.source_key = regional_source_key(id, r.customer);
      t.regional_event_id = id;
      if (add_task(c, t)) ++tasks;
    }
    const auto customers = static_cast<std::int64_t>(reached.size());
    c.exec(kCounts, {customers, tasks, id});
    audit::record(c, actor, "create", "regional_event", id,
                  {{"kind", in.kind},
                   {"title", in.title},
                   {"province_code", in.region.province_code},
                   {"city_code", in.region.city_code ? nlohmann::json(*in.region.city_code) : nlohmann::json()},
                   {"date", date},
                   {"customers", customers},
                   {"tasks", tasks}});
    return detail(c, p, id);
  });
}

Result<nlohmann::json> RegionalEventStore::get(const auth::Principal& p, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto sql = visible(p);
    sql.add("e.id = ?", {id});
    if (!c.scalar_i64("SELECT 1 FROM regional_events e " + sql.where, sql.params)) return not_found();
    return detail(c, p, id);
  });
}

nlohmann::json RegionalEventStore::list(const auth::Principal& p, const RegionalEventFilter& f) {
  auto sql = visible(p);
  if (f.kind) sql.add("e.kind = ?", {*f.kind});
  if (f.province_code) sql.add("e.province_code = ?", {*f.province_code});
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64("SELECT count(*) FROM regional_events e " + sql.where, sql.params).value_or(0);
    auto params = sql.params;
    params.emplace_back(f.page_size);
    params.emplace_back((f.page - 1) * f.page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kSelect) + sql.where + " ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?", params,
            [&](const db::Row& r) { items.push_back(row_json(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}};
  });
}

}  // namespace kehu::care
