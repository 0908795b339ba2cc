#include "modules/care/contact_log_store.hpp"

#include "modules/care/care.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/care/staff_change.hpp"
#include "modules/care/task.hpp"
#include "modules/customers/customers.hpp"
#include "platform/db/sql.hpp"

namespace kehu::care {
namespace {

constexpr const char* kInsert =
    "INSERT INTO contact_logs(customer_id, kind, at, day, summary, outcome, next_contact_date, gift_item, gift_cost, "
    "gift_reason, visit_id, user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertContact = "INSERT INTO contact_log_contacts(log_id, contact_id) VALUES (?, ?)";
constexpr const char* kDeleteContacts = "DELETE FROM contact_log_contacts WHERE log_id = ?";
constexpr const char* kContactOf =
    "SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL";
constexpr const char* kVisitOf = "SELECT 1 FROM visits WHERE id = ? AND customer_id = ?";
constexpr const char* kSelect =
    "SELECT l.id, l.customer_id, c.name, l.kind, l.at, l.day, l.summary, l.outcome, l.next_contact_date, l.gift_item, "
    "l.gift_cost, l.gift_reason, l.visit_id, l.user_id, u.name, l.version, l.created_at, l.updated_at "
    "FROM contact_logs l JOIN customers c ON c.id = l.customer_id JOIN users u ON u.id = l.user_id ";
constexpr const char* kLogContacts =
    "SELECT k.id, k.name, k.title, k.left_company FROM contact_log_contacts x JOIN contacts k ON k.id = x.contact_id "
    "WHERE x.log_id = ? ORDER BY k.id";
constexpr const char* kUpdate =
    "UPDATE contact_logs SET kind = ?, at = ?, day = ?, summary = ?, outcome = ?, next_contact_date = ?, gift_item = ?, "
    "gift_cost = ?, gift_reason = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
    "AND deleted_at IS NULL";
constexpr const char* kDelete =
    "UPDATE contact_logs SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
    "AND deleted_at IS NULL";
// The customer's last contact, and the earliest planned next contact after it.
constexpr const char* kRefreshState =
    "INSERT INTO care_state(customer_id, last_contact_at, last_contact_day, next_contact_date) "
    "SELECT ?1, max(at), max(day), (SELECT min(n.next_contact_date) FROM contact_logs n WHERE n.customer_id = ?1 "
    "AND n.deleted_at IS NULL AND n.next_contact_date > (SELECT max(m.day) FROM contact_logs m WHERE "
    "m.customer_id = ?1 AND m.deleted_at IS NULL)) FROM contact_logs WHERE customer_id = ?1 AND deleted_at IS NULL "
    "ON CONFLICT(customer_id) DO UPDATE SET last_contact_at = excluded.last_contact_at, "
    "last_contact_day = excluded.last_contact_day, next_contact_date = excluded.next_contact_date";
constexpr const char* kInsertPromise =
    "INSERT INTO promises(customer_id, log_id, text, due_date, user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?)";
constexpr const char* kLogPromises = "SELECT id FROM promises WHERE log_id = ? ORDER BY id";
constexpr const char* kPromiseSelect =
    "SELECT p.id, p.customer_id, c.name, p.log_id, p.text, p.due_date, p.status, p.closed_note, b.name, p.closed_at, "
    "p.user_id, u.name, p.version, p.created_at FROM promises p JOIN customers c ON c.id = p.customer_id "
    "JOIN users u ON u.id = p.user_id LEFT JOIN users b ON b.id = p.closed_by ";
constexpr const char* kClosePromise =
    "UPDATE promises SET status = ?, closed_note = ?, closed_by = ?, closed_at = ?, version = version + 1, "
    "updated_at = ? WHERE id = ? AND version = ? AND status = 'open'";

nlohmann::json opt_text(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); }
nlohmann::json opt_int(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); }

nlohmann::json log_row(const db::Row& r) {
  nlohmann::json gift;
  if (!r.is_null(9)) gift = {{"item", r.text(9)}, {"cost", r.i64(10)}, {"reason", opt_text(r, 11)}};
  return {{"id", r.i64(0)},           {"customer_id", r.i64(1)},        {"customer_name", r.text(2)},
          {"kind", r.text(3)},        {"at", r.text(4)},                {"day", r.text(5)},
          {"summary", r.text(6)},     {"outcome", opt_text(r, 7)},      {"next_contact_date", opt_text(r, 8)},
          {"gift", gift},             {"visit_id", opt_int(r, 12)},     {"user_id", r.i64(13)},
          {"user_name", r.text(14)},  {"version", r.i64(15)},           {"created_at", r.text(16)},
          {"updated_at", r.text(17)}};
}

nlohmann::json promise_row(const db::Row& r) {
  return {{"id", r.i64(0)},          {"customer_id", r.i64(1)},       {"customer_name", r.text(2)},
          {"log_id", opt_int(r, 3)}, {"text", r.text(4)},             {"due_date", r.text(5)},
          {"status", r.text(6)},     {"closed_note", opt_text(r, 7)}, {"closed_by_name", opt_text(r, 8)},
          {"closed_at", opt_text(r, 9)}, {"user_id", r.i64(10)},      {"user_name", r.text(11)},
          {"version", r.i64(12)},    {"created_at", r.text(13)}};
}

bool is_lead(auth::Role r) { return r == auth::Role::kAdmin || r == auth::Role::kDirector || r == auth::Role::kManager; }

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

Status check_contacts(db::Conn& c, std::int64_t customer, const std::vector<std::int64_t>& ids) {
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!c.scalar_i64(kContactOf, {ids[i], customer})) e.field("contact_ids[" + std::to_string(i) + "]", "care.not_a_contact");
  if (!e.fields.empty()) return e;
  return ok_status();
}

void refresh_state(db::Conn& c, std::int64_t customer) { c.exec(kRefreshState, {customer}); }

// What the audit trail keeps of a log (the summary text is the customer's business, kept).
nlohmann::json audit_view(const nlohmann::json& j) {
  nlohmann::json v = {{"kind", j["kind"]}, {"at", j["at"]}, {"summary", j["summary"]}, {"outcome", j["outcome"]},
                      {"next_contact_date", j["next_contact_date"]}, {"gift", j["gift"]}};
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& k : j["contacts"]) ids.push_back(k["id"]);
  v["contact_ids"] = ids;
  return v;
}

}  // namespace

std::optional<nlohmann::json> LogStore::load(db::Conn& c, std::int64_t id) {
  auto j = c.one(std::string(kSelect) + "WHERE l.id = ? AND l.deleted_at IS NULL", {id}, log_row);
  if (!j) return j;
  nlohmann::json contacts = nlohmann::json::array();
  c.query(kLogContacts, {id}, [&](const db::Row& r) {
    contacts.push_back({{"id", r.i64(0)}, {"name", r.text(1)}, {"title", opt_text(r, 2)}, {"left", r.i64(3) != 0}});
  });
  (*j)["contacts"] = contacts;
  nlohmann::json promises = nlohmann::json::array();
  std::vector<std::int64_t> ids;
  c.query(kLogPromises, {id}, [&](const db::Row& r) { ids.push_back(r.i64(0)); });
  for (auto pid : ids)
    if (auto p = load_promise(c, pid)) promises.push_back(*p);
  (*j)["promises"] = promises;
  return j;
}

std::optional<nlohmann::json> LogStore::load_promise(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kPromiseSelect) + "WHERE p.id = ?", {id}, promise_row);
}

Result<std::int64_t> insert_log(db::Conn& c, const auth::Principal& p, const LogInput& in, const audit::Actor& actor) {
  const CustomerId customer(in.customer_id);
  KEHU_CHECK(customers::check_access(c, auth::scope_of(p), customer, customers::Access::kWrite));
  const auto contacts = in.contact_ids.value.value_or(std::vector<std::int64_t>{});
  KEHU_CHECK(check_contacts(c, in.customer_id, contacts));
  if (in.visit_id && !c.scalar_i64(kVisitOf, {*in.visit_id, in.customer_id}))
    return validation("visit_id", "care.not_a_visit");
  const auto now = now_iso();
  const GiftInput* gift = in.gift.value ? &*in.gift.value : nullptr;
  const auto id =
      c.exec(kInsert, {in.customer_id, *in.kind.value, *in.at.value, clock::format_date(*in.day), *in.summary.value,
                       in.outcome.value,
                       in.next_contact_date.value ? std::optional<std::string>(clock::format_date(*in.next_contact_date.value))
                                                  : std::nullopt,
                       gift ? std::optional<std::string>(gift->item) : std::nullopt,
                       gift ? std::optional<std::int64_t>(gift->cost) : std::nullopt, gift ? gift->reason : std::nullopt,
                       in.visit_id, p.user.value, now, now})
          .last_id;
  for (auto k : contacts) c.exec(kInsertContact, {id, k});
  for (const auto& pr : in.promises)
    c.exec(kInsertPromise, {in.customer_id, id, pr.text, clock::format_date(pr.due), p.user.value, now, now});
  refresh_state(c, in.customer_id);
  close_tasks_for_log(c, customer, contacts, id, *in.day);
  staff_changes_on_log(c, customer, contacts);
  auto after = LogStore::load(c, id);
  audit::record(c, actor, "create", "contact_log", id, audit::diff(nlohmann::json::object(), audit_view(*after)));
  return id;
}

Result<nlohmann::json> LogStore::create(const auth::Principal& p, const LogInput& in, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto id, insert_log(c, p, in, actor));
    return *load(c, id);
  });
}

Result<nlohmann::json> LogStore::get(const auth::Scope& s, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto j = load(c, id);
    if (!j) return not_found();
    KEHU_CHECK(customers::check_access(c, s, CustomerId((*j)["customer_id"].get<std::int64_t>()), customers::Access::kRead));
    return *j;
  });
}

namespace {

// The log, when the caller may change it: visible and writable, and theirs unless a lead.
Result<nlohmann::json> editable(db::Conn& c, const auth::Principal& p, std::int64_t id) {
  auto j = LogStore::load(c, id);
  if (!j) return not_found();
  KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId((*j)["customer_id"].get<std::int64_t>()),
                                     customers::Access::kWrite));
  if ((*j)["user_id"].get<std::int64_t>() != p.user.value && !is_lead(p.role))
    return Error(ErrorCode::kForbidden, "care.not_your_log");
  return *j;
}

}  // namespace

Result<nlohmann::json> LogStore::update(const auth::Principal& p, std::int64_t id, const LogInput& in,
                                        const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, editable(c, p, id));
    const auto customer = before["customer_id"].get<std::int64_t>();
    auto text_or = [](const http::Field<std::string>& f, const nlohmann::json& old) -> std::optional<std::string> {
      if (f.present) return f.value;
      return old.is_null() ? std::nullopt : std::optional<std::string>(old.get<std::string>());
    };
    const auto kind = in.kind.value.value_or(before["kind"].get<std::string>());
    const auto at = in.at.value.value_or(before["at"].get<std::string>());
    const auto day = in.day ? clock::format_date(*in.day) : before["day"].get<std::string>();
    std::optional<std::string> next = text_or({}, before["next_contact_date"]);
    if (in.next_contact_date.present)
      next = in.next_contact_date.value ? std::optional<std::string>(clock::format_date(*in.next_contact_date.value))
                                        : std::nullopt;
    if (next && *next < day) return validation("next_contact_date", "care.next_before_log");
    std::optional<std::string> gift_item, gift_reason;
    std::optional<std::int64_t> gift_cost;
    if (in.gift.present) {
      if (in.gift.value) {
        gift_item = in.gift.value->item;
        gift_cost = in.gift.value->cost;
        gift_reason = in.gift.value->reason;
      }
    } else if (!before["gift"].is_null()) {
      gift_item = before["gift"]["item"].get<std::string>();
      gift_cost = before["gift"]["cost"].get<std::int64_t>();
      gift_reason = text_or({}, before["gift"]["reason"]);
    }
    if (kind == "gift" && !gift_item) return validation("gift", "care.gift_required");
    if (in.contact_ids.value) KEHU_CHECK(check_contacts(c, customer, *in.contact_ids.value));
    if (c.exec(kUpdate, {kind, at, day, in.summary.value.value_or(before["summary"].get<std::string>()),
                         text_or(in.outcome, before["outcome"]), next, gift_item, gift_cost, gift_reason, now_iso(), id,
                         *in.version})
            .changes == 0)
      return stale_version();
    if (in.contact_ids.present) {
      c.exec(kDeleteContacts, {id});
      for (auto k : in.contact_ids.value.value_or(std::vector<std::int64_t>{})) c.exec(kInsertContact, {id, k});
    }
    refresh_state(c, customer);
    auto after = load(c, id);
    audit::record(c, actor, "update", "contact_log", id, audit::diff(audit_view(before), audit_view(*after)));
    return *after;
  });
}

Status LogStore::remove(const auth::Principal& p, std::int64_t id, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    KEHU_TRY(auto before, editable(c, p, id));
    const auto now = now_iso();
    if (c.exec(kDelete, {now, now, id, version}).changes == 0) return stale_version();
    refresh_state(c, before["customer_id"].get<std::int64_t>());
    audit::record(c, actor, "delete", "contact_log", id, audit::diff(audit_view(before), nlohmann::json::object()));
    return ok_status();
  });
}

nlohmann::json LogStore::list(const auth::Scope& s, const LogFilter& f, std::int64_t page, std::int64_t page_size) {
  db::Sql sql;
  sql.add("l.deleted_at IS NULL AND c.deleted_at IS NULL");
  auto scope = customers::scope_condition(s);
  sql.add(scope.clause, scope.params);
  if (f.customer_id) sql.add("l.customer_id = ?", {*f.customer_id});
  if (f.user_id) sql.add("l.user_id = ?", {*f.user_id});
  if (f.kind) sql.add("l.kind = ?", {*f.kind});
  if (f.from) sql.add("l.day >= ?", {clock::format_date(*f.from)});
  if (f.to) sql.add("l.day <= ?", {clock::format_date(*f.to)});
  return db_.read([&](db::Conn& c) {
    const auto total =
        c.scalar_i64("SELECT count(*) FROM contact_logs l JOIN customers c ON c.id = l.customer_id " + sql.where, sql.params)
            .value_or(0);
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    std::vector<std::int64_t> ids;
    c.query("SELECT l.id FROM contact_logs l JOIN customers c ON c.id = l.customer_id " + sql.where +
                " ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?",
            params, [&](const db::Row& r) { ids.push_back(r.i64(0)); });
    nlohmann::json items = nlohmann::json::array();
    for (auto id : ids)
      if (auto j = load(c, id)) items.push_back(*j);
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

Result<nlohmann::json> LogStore::add_promise(const auth::Principal& p, std::int64_t customer_id, const PromiseInput& in,
                                             const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(customer_id), customers::Access::kWrite));
    const auto now = now_iso();
    const auto id = c.exec(kInsertPromise, {customer_id, nullptr, in.text, clock::format_date(in.due), p.user.value,
                                            now, now})
                        .last_id;
    audit::record(c, actor, "create", "promise", id,
                  audit::diff(nlohmann::json::object(), {{"text", in.text}, {"due_date", clock::format_date(in.due)}}));
    return *load_promise(c, id);
  });
}

Result<nlohmann::json> LogStore::close_promise(const auth::Principal& p, std::int64_t id, bool kept, std::int64_t version,
                                               const std::optional<std::string>& note, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load_promise(c, id);
    if (!before) return not_found();
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId((*before)["customer_id"].get<std::int64_t>()),
                                       customers::Access::kWrite));
    if ((*before)["version"].get<std::int64_t>() != version) return stale_version();
    if ((*before)["status"] != "open") return Error(ErrorCode::kValidationFailed, "care.promise_closed");
    const auto now = now_iso();
    if (c.exec(kClosePromise, {kept ? "kept" : "dropped", note, p.user.value, now, now, id, version}).changes == 0)
      return stale_version();
    auto after = load_promise(c, id);
    audit::record(c, actor, kept ? "keep" : "drop", "promise", id,
                  audit::diff({{"status", "open"}}, {{"status", (*after)["status"]}, {"closed_note", (*after)["closed_note"]}}));
    return *after;
  });
}

nlohmann::json LogStore::promises(const auth::Principal& p, const PromiseFilter& f, std::int64_t page,
                                  std::int64_t page_size) {
  db::Sql sql;
  sql.add("c.deleted_at IS NULL");
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  if (f.customer_id) sql.add("p.customer_id = ?", {*f.customer_id});
  if (f.status) sql.add("p.status = ?", {*f.status});
  if (f.due_before) sql.add("p.due_date <= ?", {clock::format_date(*f.due_before)});
  if (f.mine) sql.add("c.owner_id = ?", {p.user.value});
  return db_.read([&](db::Conn& c) {
    const auto total =
        c.scalar_i64("SELECT count(*) FROM promises p JOIN customers c ON c.id = p.customer_id " + sql.where, sql.params)
            .value_or(0);
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kPromiseSelect) + sql.where + " ORDER BY p.status = 'open' DESC, p.due_date, p.id LIMIT ? OFFSET ?",
            params, [&](const db::Row& r) { items.push_back(promise_row(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

}  // namespace kehu::care

namespace kehu::care {

Result<std::int64_t> log_contact(db::Database& db, const nlohmann::json& body, const auth::Principal& as) {
  KEHU_TRY(auto in, read_log_input(body, LogMode::kCreate, clock::now()));
  return db.write([&](db::Conn& c) -> Result<std::int64_t> { return insert_log(c, as, in, auth::actor_of(http::Request{}, as)); });
}

}  // namespace kehu::care
