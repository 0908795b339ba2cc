#include "modules/service/request_store.hpp"

#include <map>

#include "modules/customers/customers.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/db/sql.hpp"

namespace kehu::service {
namespace {

constexpr const char* kInsert =
    "INSERT INTO service_requests(customer_id, type, title, description, scheduled_on, scheduled_time, "
    "repeat_every_months, previous_id, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertStaff = "INSERT INTO service_request_staff(request_id, user_id, position) VALUES (?,?,?)";
constexpr const char* kDeleteStaff = "DELETE FROM service_request_staff WHERE request_id = ?";
constexpr const char* kActiveUser = "SELECT 1 FROM users WHERE id = ? AND active = 1";
constexpr const char* kSelect =
    "SELECT r.id, r.customer_id, c.name, r.type, r.title, r.description, r.scheduled_on, r.scheduled_time, r.status, "
    "r.outcome, r.cost, r.done_on, r.cancel_reason, r.repeat_every_months, r.previous_id, "
    "(SELECT n.id FROM service_requests n WHERE n.previous_id = r.id), r.created_by, cb.name, r.closed_by, xb.name, "
    "r.closed_at, r.version, r.created_at, r.updated_at FROM service_requests r "
    "JOIN customers c ON c.id = r.customer_id LEFT JOIN users cb ON cb.id = r.created_by "
    "LEFT JOIN users xb ON xb.id = r.closed_by ";
constexpr const char* kStaff =
    "SELECT u.id, u.name, u.active FROM service_request_staff s JOIN users u ON u.id = s.user_id "
    "WHERE s.request_id = ? ORDER BY s.position";
constexpr const char* kUpdate =
    "UPDATE service_requests SET type = ?, title = ?, description = ?, scheduled_on = ?, scheduled_time = ?, "
    "repeat_every_months = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND version = ? AND status = 'planned'";
constexpr const char* kDone =
    "UPDATE service_requests SET status = 'done', outcome = ?, cost = ?, done_on = ?, closed_by = ?, closed_at = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'planned'";
constexpr const char* kCancel =
    "UPDATE service_requests SET status = 'cancelled', cancel_reason = ?, closed_by = ?, closed_at = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'planned'";
constexpr const char* kFrom = "FROM service_requests r JOIN customers c ON c.id = r.customer_id ";
constexpr const char* kMineClause =
    "EXISTS (SELECT 1 FROM service_request_staff s WHERE s.request_id = r.id AND s.user_id = ?)";

// Summary of one customer's requests.
constexpr const char* kCounts =
    "SELECT type, status, count(*) FROM service_requests WHERE customer_id = ? GROUP BY type, status";
constexpr const char* kOverdue =
    "SELECT count(*) FROM service_requests WHERE customer_id = ? AND status = 'planned' AND scheduled_on < ?";
constexpr const char* kCostBetween =
    "SELECT coalesce(sum(cost), 0) FROM service_requests WHERE customer_id = ? AND status = 'done' "
    "AND done_on >= ? AND done_on <= ?";
constexpr const char* kCostTotal =
    "SELECT coalesce(sum(cost), 0) FROM service_requests WHERE customer_id = ? AND status = 'done'";
constexpr const char* kNextPlanned =
    "SELECT id FROM service_requests WHERE customer_id = ? AND status = 'planned' AND scheduled_on >= ? "
    "ORDER BY scheduled_on, scheduled_time IS NOT NULL, scheduled_time, id LIMIT 1";
constexpr const char* kLastDone =
    "SELECT id FROM service_requests WHERE customer_id = ? AND status = 'done' ORDER BY done_on DESC, id DESC LIMIT 1";

// Sort names → columns (an allow-list: request text never reaches the SQL).
const std::map<std::string, std::string, std::less<>> kSortColumns = {{"scheduled_on", "r.scheduled_on"},
                                                                      {"done_on", "r.done_on"},
                                                                      {"created_at", "r.created_at"},
                                                                      {"updated_at", "r.updated_at"}};

nlohmann::json opt_text(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); }
nlohmann::json opt_int(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); }

nlohmann::json request_row(const db::Row& r) {
  return {{"id", r.i64(0)},
          {"customer_id", r.i64(1)},
          {"customer_name", r.text(2)},
          {"type", r.text(3)},
          {"title", r.text(4)},
          {"description", opt_text(r, 5)},
          {"scheduled_on", r.text(6)},
          {"scheduled_time", opt_text(r, 7)},
          {"status", r.text(8)},
          {"outcome", opt_text(r, 9)},
          {"cost", opt_int(r, 10)},
          {"done_on", opt_text(r, 11)},
          {"cancel_reason", opt_text(r, 12)},
          {"repeat_every_months", opt_int(r, 13)},
          {"previous_id", opt_int(r, 14)},
          {"next_id", opt_int(r, 15)},
          {"created_by", opt_int(r, 16)},
          {"created_by_name", opt_text(r, 17)},
          {"closed_by", opt_int(r, 18)},
          {"closed_by_name", opt_text(r, 19)},
          {"closed_at", opt_text(r, 20)},
          {"version", r.i64(21)},
          {"created_at", r.text(22)},
          {"updated_at", r.text(23)}};
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}
Error not_planned() { return Error(ErrorCode::kValidationFailed, "service.request.not_planned"); }

// Service staff and leads work requests of every customer they see; account managers those
// of customers they may write; anybody else (the auditor) only reads.
Status check_write(db::Conn& c, const auth::Principal& p, std::int64_t customer) {
  const auto scope = auth::scope_of(p);
  const CustomerId id(customer);
  if (is_service_staff(p.role)) return customers::check_access(c, scope, id, customers::Access::kRead);
  if (p.role == auth::Role::kAccountManager) return customers::check_access(c, scope, id, customers::Access::kWrite);
  KEHU_CHECK(customers::check_access(c, scope, id, customers::Access::kRead));
  return forbidden();
}

Status check_staff(db::Conn& c, const std::vector<std::int64_t>& ids) {
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!c.scalar_i64(kActiveUser, {ids[i]}))
      e.field("staff_ids[" + std::to_string(i) + "]", "service.request.staff_inactive");
  if (!e.fields.empty()) return e;
  return ok_status();
}

void write_staff(db::Conn& c, std::int64_t request, const std::vector<std::int64_t>& ids) {
  c.exec(kDeleteStaff, {request});
  for (std::size_t i = 0; i < ids.size(); ++i) c.exec(kInsertStaff, {request, ids[i], static_cast<std::int64_t>(i)});
}

std::vector<std::int64_t> staff_ids_of(const nlohmann::json& j) {
  std::vector<std::int64_t> out;
  for (const auto& s : j["staff"]) out.push_back(s["id"].get<std::int64_t>());
  return out;
}

// What the audit trail keeps of a request.
nlohmann::json audit_view(const nlohmann::json& j) {
  nlohmann::json v = nlohmann::json::object();
  for (const char* k : {"customer_id", "type", "title", "description", "scheduled_on", "scheduled_time", "status",
                        "outcome", "cost", "done_on", "cancel_reason", "repeat_every_months", "previous_id"})
    v[k] = j[k];
  v["staff_ids"] = staff_ids_of(j);
  return v;
}

std::optional<std::string> text_of(const nlohmann::json& v) {
  return v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
}
std::optional<std::int64_t> int_of(const nlohmann::json& v) {
  return v.is_null() ? std::nullopt : std::optional<std::int64_t>(v.get<std::int64_t>());
}

struct NewRequest {
  std::int64_t customer_id = 0;
  std::string type, title;
  std::optional<std::string> description;
  clock::Date scheduled_on;
  std::optional<std::string> scheduled_time;
  std::vector<std::int64_t> staff;
  std::optional<std::int64_t> repeat_every_months, previous_id;
};

std::int64_t insert_request(db::Conn& c, const NewRequest& n, const auth::Principal& p) {
  const auto now = now_iso();
  const auto id = c.exec(kInsert, {n.customer_id, n.type, n.title, n.description, clock::format_date(n.scheduled_on),
                                   n.scheduled_time, n.repeat_every_months, n.previous_id, p.user.value, now, now})
                      .last_id;
  write_staff(c, id, n.staff);
  return id;
}

// The request, when the caller may work on it: visible (404), writable (403), the version
// they read (409), still planned (422).
Result<nlohmann::json> editable(db::Conn& c, const auth::Principal& p, std::int64_t id, std::int64_t version,
                                clock::Date today) {
  auto j = RequestStore::load(c, id, today);
  if (!j) return not_found();
  KEHU_CHECK(check_write(c, p, (*j)["customer_id"].get<std::int64_t>()));
  if ((*j)["version"].get<std::int64_t>() != version) return stale_version();
  if ((*j)["status"] != "planned") return not_planned();
  return *j;
}

}  // namespace

std::optional<nlohmann::json> RequestStore::load(db::Conn& c, std::int64_t id, clock::Date today) {
  auto j = c.one(std::string(kSelect) + "WHERE r.id = ?", {id}, request_row);
  if (!j) return j;
  nlohmann::json staff = nlohmann::json::array();
  c.query(kStaff, {id}, [&](const db::Row& r) {
    staff.push_back({{"id", r.i64(0)}, {"name", r.text(1)}, {"active", r.i64(2) != 0}});
  });
  (*j)["staff"] = staff;
  const auto scheduled = clock::parse_date((*j)["scheduled_on"].get<std::string>());
  (*j)["overdue"] = scheduled && is_overdue((*j)["status"].get<std::string>(), *scheduled, today);
  return j;
}

Result<nlohmann::json> RequestStore::create(const auth::Principal& p, const RequestInput& in, clock::Date today,
                                            const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(check_write(c, p, in.customer_id));
    KEHU_CHECK(check_staff(c, *in.staff_ids.value));
    NewRequest n;
    n.customer_id = in.customer_id;
    n.type = *in.type.value;
    n.title = *in.title.value;
    n.description = in.description.value;
    n.scheduled_on = *in.scheduled_on.value;
    n.scheduled_time = in.scheduled_time.value;
    n.staff = *in.staff_ids.value;
    n.repeat_every_months = in.repeat_every_months.value;
    const auto id = insert_request(c, n, p);
    auto after = load(c, id, today);
    audit::record(c, actor, "create", "service_request", id, audit::diff(nlohmann::json::object(), audit_view(*after)));
    return *after;
  });
}

Result<nlohmann::json> RequestStore::get(const auth::Principal& p, std::int64_t id, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto j = load(c, id, today);
    if (!j) return not_found();
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId((*j)["customer_id"].get<std::int64_t>()),
                                       customers::Access::kRead));
    return *j;
  });
}

Result<nlohmann::json> RequestStore::update(const auth::Principal& p, std::int64_t id, const RequestInput& in,
                                            clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, editable(c, p, id, *in.version, today));
    const auto type = in.type.value.value_or(before["type"].get<std::string>());
    auto repeat = in.repeat_every_months.present ? in.repeat_every_months.value : int_of(before["repeat_every_months"]);
    if (repeat && type != kRepeatableType)
      return validation("repeat_every_months", "service.request.repeat_only_inspection");
    if (in.staff_ids.value) KEHU_CHECK(check_staff(c, *in.staff_ids.value));
    auto keep = [](const http::Field<std::string>& f, const nlohmann::json& old) {
      return f.present ? f.value : text_of(old);
    };
    const auto scheduled =
        in.scheduled_on.value ? clock::format_date(*in.scheduled_on.value) : before["scheduled_on"].get<std::string>();
    if (c.exec(kUpdate, {type, in.title.value.value_or(before["title"].get<std::string>()),
                         keep(in.description, before["description"]), scheduled,
                         keep(in.scheduled_time, before["scheduled_time"]), repeat, now_iso(), id, *in.version})
            .changes == 0)
      return stale_version();
    if (in.staff_ids.value) write_staff(c, id, *in.staff_ids.value);
    auto after = load(c, id, today);
    audit::record(c, actor, "update", "service_request", id, audit::diff(audit_view(before), audit_view(*after)));
    return *after;
  });
}

Result<nlohmann::json> RequestStore::done(const auth::Principal& p, std::int64_t id, const DoneInput& in,
                                          clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, editable(c, p, id, in.version, today));
    const auto now = now_iso();
    if (c.exec(kDone, {in.outcome, in.cost, clock::format_date(in.done_on), p.user.value, now, now, id, in.version})
            .changes == 0)
      return stale_version();
    auto after = load(c, id, today);
    audit::record(c, actor, "done", "service_request", id, audit::diff(audit_view(before), audit_view(*after)));

    if (auto months = int_of(before["repeat_every_months"])) {
      // The next inspection of the series: the same customer, kind, text, time and staff
      // (those still active; else whoever closed this one), N months after this one's day.
      NewRequest n;
      n.customer_id = before["customer_id"].get<std::int64_t>();
      n.type = before["type"].get<std::string>();
      n.title = before["title"].get<std::string>();
      n.description = text_of(before["description"]);
      n.scheduled_on = add_months(*clock::parse_date(before["scheduled_on"].get<std::string>()), *months);
      n.scheduled_time = text_of(before["scheduled_time"]);
      for (const auto& s : before["staff"])
        if (s["active"].get<bool>()) n.staff.push_back(s["id"].get<std::int64_t>());
      if (n.staff.empty()) n.staff.push_back(p.user.value);
      n.repeat_every_months = months;
      n.previous_id = id;
      const auto next = insert_request(c, n, p);
      auto created = load(c, next, today);
      audit::record(c, actor, "create", "service_request", next,
                    audit::diff(nlohmann::json::object(), audit_view(*created)));
      after = load(c, id, today);
    }
    return *after;
  });
}

Result<nlohmann::json> RequestStore::cancel(const auth::Principal& p, std::int64_t id, const CancelInput& in,
                                            clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, editable(c, p, id, in.version, today));
    const auto now = now_iso();
    if (c.exec(kCancel, {in.reason, p.user.value, now, now, id, in.version}).changes == 0) return stale_version();
    auto after = load(c, id, today);
    audit::record(c, actor, "cancel", "service_request", id, audit::diff(audit_view(before), audit_view(*after)));
    return *after;
  });
}

nlohmann::json RequestStore::list(const auth::Principal& p, const RequestFilter& f, const http::Sort& sort,
                                  std::int64_t page, std::int64_t page_size, clock::Date today) {
  db::Sql sql;
  sql.add("c.deleted_at IS NULL");
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  if (f.customer_id) sql.add("r.customer_id = ?", {*f.customer_id});
  if (f.type) sql.add("r.type = ?", {*f.type});
  if (f.status) sql.add("r.status = ?", {*f.status});
  if (f.from) sql.add("r.scheduled_on >= ?", {clock::format_date(*f.from)});
  if (f.to) sql.add("r.scheduled_on <= ?", {clock::format_date(*f.to)});
  if (f.mine) sql.add(kMineClause, {p.user.value});
  if (f.staff_id) sql.add(kMineClause, {*f.staff_id});
  if (f.overdue) {
    if (*f.overdue)
      sql.add("r.status = 'planned' AND r.scheduled_on < ?", {clock::format_date(today)});
    else
      sql.add("NOT (r.status = 'planned' AND r.scheduled_on < ?)", {clock::format_date(today)});
  }
  const auto column = kSortColumns.find(sort.field);
  const std::string order = " ORDER BY " +
                            (column == kSortColumns.end() ? std::string("r.scheduled_on") : column->second) +
                            (sort.descending ? " DESC" : " ASC") + ", r.id" + (sort.descending ? " DESC" : " ASC");
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64("SELECT count(*) " + std::string(kFrom) + sql.where, sql.params).value_or(0);
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    std::vector<std::int64_t> ids;
    c.query("SELECT r.id " + std::string(kFrom) + sql.where + order + " LIMIT ? OFFSET ?", params,
            [&](const db::Row& r) { ids.push_back(r.i64(0)); });
    nlohmann::json items = nlohmann::json::array();
    for (auto id : ids)
      if (auto j = load(c, id, today)) items.push_back(*j);
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

Result<nlohmann::json> RequestStore::summary(const auth::Principal& p, std::int64_t customer_id, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(customer_id), customers::Access::kRead));
    nlohmann::json by_type = nlohmann::json::object();
    for (auto t : kRequestTypes) by_type[std::string(t)] = {{"planned", 0}, {"done", 0}, {"cancelled", 0}};
    nlohmann::json by_status = {{"planned", 0}, {"done", 0}, {"cancelled", 0}};
    std::int64_t total = 0;
    c.query(kCounts, {customer_id}, [&](const db::Row& r) {
      const auto type = r.text(0), status = r.text(1);
      const auto n = r.i64(2);
      by_type[type][status] = n;
      by_status[status] = by_status[status].get<std::int64_t>() + n;
      total += n;
    });
    const auto day = clock::format_date(today);
    const clock::Date jan1{today.year, 1, 1}, dec31{today.year, 12, 31};
    auto pick = [&](const char* sql, const db::Params& params) -> nlohmann::json {
      auto id = c.scalar_i64(sql, params);
      if (!id) return nullptr;
      auto j = load(c, *id, today);
      return j ? *j : nlohmann::json();
    };
    return nlohmann::json{
        {"customer_id", customer_id},
        {"date", day},
        {"year", today.year},
        {"total", total},
        {"by_status", by_status},
        {"by_type", by_type},
        {"overdue", c.scalar_i64(kOverdue, {customer_id, day}).value_or(0)},
        {"cost_this_year",
         c.scalar_i64(kCostBetween, {customer_id, clock::format_date(jan1), clock::format_date(dec31)}).value_or(0)},
        {"cost_total", c.scalar_i64(kCostTotal, {customer_id}).value_or(0)},
        {"next_planned", pick(kNextPlanned, {customer_id, day})},
        {"last_done", pick(kLastDone, {customer_id})}};
  });
}

}  // namespace kehu::service
