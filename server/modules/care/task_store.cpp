#include "modules/care/task_store.hpp"

#include "modules/care/care_internal.hpp"
#include "modules/care/reminders.hpp"
#include "modules/care/staff_change.hpp"
#include "modules/care/task.hpp"
#include "modules/care/visit_store.hpp"
#include "modules/customers/customers.hpp"
#include "modules/sales/sales.hpp"
#include "platform/calendar/festivals.hpp"
#include "platform/db/sql.hpp"

namespace kehu::care {
namespace {

constexpr const char* kSwept = "SELECT day, settings_version, fingerprint FROM care_sweeps WHERE user_id = ?";
constexpr const char* kMarkSwept =
    "INSERT INTO care_sweeps(user_id, day, settings_version, fingerprint) VALUES (?,?,?,?) ON CONFLICT(user_id) DO "
    "UPDATE SET day = excluded.day, settings_version = excluded.settings_version, fingerprint = excluded.fingerprint";
// What the reminders of a user's customers depend on: a counter bumped by triggers on every
// write to the user's customers, contacts and care events (migration 0013).
constexpr const char* kFingerprint =
    "SELECT coalesce((SELECT version FROM care_reminder_versions WHERE user_id = ?), 0)";
constexpr const char* kBirthdays =
    "SELECT k.id, k.customer_id, k.birthday FROM contacts k JOIN customers c ON c.id = k.customer_id "
    "WHERE c.owner_id = ? AND c.deleted_at IS NULL AND k.deleted_at IS NULL AND k.left_company = 0 "
    "AND k.birthday IS NOT NULL";
constexpr const char* kAnniversaries =
    "SELECT id, cooperation_start FROM customers WHERE owner_id = ? AND deleted_at IS NULL AND status = 'active' "
    "AND cooperation_start IS NOT NULL";
constexpr const char* kEvents =
    "SELECT e.id, e.customer_id, e.contact_id, e.kind, e.date, e.yearly FROM care_events e "
    "JOIN customers c ON c.id = e.customer_id WHERE c.owner_id = ? AND c.deleted_at IS NULL AND e.deleted_at IS NULL";
constexpr const char* kFestivalCustomers =
    "SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL AND status = 'active' "
    "AND grade IN (SELECT value FROM json_each(?))";
constexpr const char* kClose =
    "UPDATE care_tasks SET status = ?, done_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
    "AND status = 'open'";

// Customers due for contact by the rule of migration 0013's view care_due_rule (the grade's
// longest gap since the last contact or since the customer was created, a planned next
// contact, a new customer's first follow-up after the first order), pre-computed per
// customer in care_due and kept current by triggers. Parameter: the last due date wanted,
// then the scope's and the filters'.
constexpr const char* kDue =
    "SELECT d.customer_id, c.name, c.grade, c.owner_id, u.name, s.last_contact_day, s.next_contact_date, d.due_date, "
    "d.reason FROM care_due d JOIN customers c ON c.id = d.customer_id JOIN users u ON u.id = c.owner_id "
    "LEFT JOIN care_state s ON s.customer_id = d.customer_id ";

std::int64_t days_between(clock::Date a, clock::Date b) { return clock::day_number(b) - clock::day_number(a); }

bool is_lead(auth::Role r) { return r == auth::Role::kAdmin || r == auth::Role::kDirector || r == auth::Role::kManager; }

std::string add_days(clock::Date d, std::int64_t n) { return clock::format_date(clock::from_day_number(clock::day_number(d) + n)); }

void make(db::Conn& c, std::int64_t& made, UserId user, std::optional<CustomerId> customer,
          std::optional<std::int64_t> contact, const Reminder& r) {
  NewTask t;
  t.user = user;
  t.customer = customer;
  t.contact_id = contact;
  t.kind = r.kind;
  t.subject = r.subject;
  t.event_date = r.date;
  t.due = r.date;
  t.source_key = r.key + (r.kind == "festival" && customer ? ":" + std::to_string(customer->value) : "");
  if (add_task(c, t)) ++made;
}

struct DueQuery {
  std::string sql;
  std::string where;  // the WHERE clause of sql, for the count
  db::Params params;
};

// Customers due by `until` in the caller's scope.
DueQuery due_query(const auth::Principal& p, const OverdueFilter& f, clock::Date until) {
  db::Sql sql;
  sql.add("d.due_date <= ?", {clock::format_date(until)});
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  if (f.mine) sql.add("d.owner_id = ?", {p.user.value});
  if (f.owner_id) sql.add("d.owner_id = ?", {*f.owner_id});
  if (f.customer_id) sql.add("d.customer_id = ?", {*f.customer_id});
  return {std::string(kDue) + sql.where + " ", sql.where + " ", sql.params};
}

nlohmann::json due_row(const db::Row& r, clock::Date today) {
  const auto due = clock::parse_date(r.text(7)).value_or(today);
  return {{"customer_id", r.i64(0)},
          {"customer_name", r.text(1)},
          {"grade", r.is_null(2) ? nlohmann::json() : nlohmann::json(r.text(2))},
          {"owner_id", r.i64(3)},
          {"owner_name", r.text(4)},
          {"last_contact_day", r.is_null(5) ? nlohmann::json() : nlohmann::json(r.text(5))},
          {"next_contact_date", r.is_null(6) ? nlohmann::json() : nlohmann::json(r.text(6))},
          {"due_date", r.text(7)},
          {"days_overdue", days_between(due, today)},
          {"reason", r.text(8)}};
}

nlohmann::json overdue_page(db::Conn& c, const auth::Principal& p, const OverdueFilter& f, clock::Date today,
                            std::int64_t page, std::int64_t page_size) {
  auto q = due_query(p, f, today);
  // The count needs no names: only the due rows and the customers' scope.
  const auto count_sql = "SELECT count(*) FROM care_due d JOIN customers c ON c.id = d.customer_id " + q.where;
  const auto total = c.scalar_i64(count_sql, q.params).value_or(0);
  auto params = q.params;
  params.emplace_back(page_size);
  params.emplace_back((page - 1) * page_size);
  nlohmann::json items = nlohmann::json::array();
  c.query(q.sql + "ORDER BY d.due_date, d.customer_id LIMIT ? OFFSET ?", params,
          [&](const db::Row& r) { items.push_back(due_row(r, today)); });
  return {{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
}

}  // namespace

namespace {

std::string fingerprint(db::Conn& c, UserId user) {
  return c.one(kFingerprint, {user.value}, [](const db::Row& r) { return r.text(0); }).value_or("");
}

bool swept(db::Conn& c, UserId user, clock::Date today, std::int64_t settings_version, const std::string& print) {
  bool fresh = false;
  c.query(kSwept, {user.value}, [&](const db::Row& r) {
    fresh = r.text(0) == clock::format_date(today) && r.i64(1) == settings_version && r.text(2) == print;
  });
  return fresh;
}

}  // namespace

std::int64_t sweep_reminders(db::Conn& c, UserId user, clock::Date today, bool force) {
  const auto stored = load_settings(c);
  const auto print = fingerprint(c, user);
  if (!force && swept(c, user, today, stored.version, print)) return 0;
  const auto& s = stored.settings;
  std::int64_t made = 0;
  c.query(kBirthdays, {user.value}, [&](const db::Row& r) {
    auto b = parse_birthday(r.text(2));
    if (!b) return;
    if (auto rem = birthday_reminder(r.i64(0), *b, today, s)) make(c, made, user, CustomerId(r.i64(1)), r.i64(0), *rem);
  });
  c.query(kAnniversaries, {user.value}, [&](const db::Row& r) {
    auto start = clock::parse_date(r.text(1));
    if (!start) return;
    if (auto rem = anniversary_reminder(r.i64(0), *start, today, s)) make(c, made, user, CustomerId(r.i64(0)), std::nullopt, *rem);
  });
  c.query(kEvents, {user.value}, [&](const db::Row& r) {
    auto date = clock::parse_date(r.text(4));
    if (!date) return;
    if (auto rem = event_reminder(r.i64(0), r.text(3), *date, r.i64(5) != 0, today, s)) {
      std::optional<std::int64_t> contact;
      if (!r.is_null(2)) contact = r.i64(2);
      make(c, made, user, CustomerId(r.i64(1)), contact, *rem);
    }
  });
  const auto festivals = festival_reminders(today, s);
  if (!festivals.empty() && !s.festival_grades.empty()) {
    std::vector<std::int64_t> customers;
    c.query(kFestivalCustomers, {user.value, nlohmann::json(s.festival_grades).dump()},
            [&](const db::Row& r) { customers.push_back(r.i64(0)); });
    for (const auto& f : festivals)
      for (auto id : customers) make(c, made, user, CustomerId(id), std::nullopt, f);
  }
  c.exec(kMarkSwept, {user.value, clock::format_date(today), stored.version, print});
  return made;
}

std::int64_t TaskStore::sweep(UserId user, clock::Date today, bool force) {
  // A read first: most calls find today's sweep done and need no write transaction.
  if (!force) {
    const bool fresh = db_.read(
        [&](db::Conn& c) { return swept(c, user, today, load_settings(c).version, fingerprint(c, user)); });
    if (fresh) return 0;
  }
  auto made = db_.write([&](db::Conn& c) -> Result<std::int64_t> { return sweep_reminders(c, user, today, force); });
  return made.ok() ? made.value() : 0;
}

nlohmann::json TaskStore::list(const auth::Principal& p, const TaskFilter& f, std::int64_t page, std::int64_t page_size) {
  db::Sql sql;
  if (f.team && is_lead(p.role)) {
    // The tasks on customers the lead sees (a task without a customer only when it is theirs).
    auto scope = customers::scope_condition(auth::scope_of(p));
    sql.add("((t.customer_id IS NOT NULL AND c.deleted_at IS NULL AND " + scope.clause + ") OR t.user_id = ?)", scope.params);
    sql.params.emplace_back(p.user.value);
    if (f.user_id) sql.add("t.user_id = ?", {*f.user_id});
  } else {
    sql.add("t.user_id = ?", {p.user.value});
  }
  if (f.status) sql.add("t.status = ?", {*f.status});
  if (f.kind) sql.add("t.kind = ?", {*f.kind});
  if (f.due_before) sql.add("t.due_date <= ?", {clock::format_date(*f.due_before)});
  if (f.customer_id) sql.add("t.customer_id = ?", {*f.customer_id});
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64("SELECT count(*) FROM care_tasks t LEFT JOIN customers c ON c.id = t.customer_id " +
                                        sql.where,
                                    sql.params)
                           .value_or(0);
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kTaskSelect) + sql.where + " ORDER BY t.status = 'open' DESC, t.due_date, t.id LIMIT ? OFFSET ?",
            params, [&](const db::Row& r) { items.push_back(task_json(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

namespace {

// The task when the caller may see it: theirs, or on a customer in their scope.
Result<nlohmann::json> visible_task(db::Conn& c, const auth::Principal& p, std::int64_t id) {
  auto j = c.one(std::string(kTaskSelect) + "WHERE t.id = ?", {id}, task_json);
  if (!j) return not_found();
  if ((*j)["user_id"].get<std::int64_t>() == p.user.value) return *j;
  if ((*j)["customer_id"].is_null()) return not_found();
  KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId((*j)["customer_id"].get<std::int64_t>()),
                                     customers::Access::kRead));
  return *j;
}

}  // namespace

Result<nlohmann::json> TaskStore::get(const auth::Principal& p, std::int64_t id) {
  return db_.read([&](db::Conn& c) { return visible_task(c, p, id); });
}

Result<nlohmann::json> TaskStore::add_follow_up(const auth::Principal& p, std::int64_t customer_id, const std::string& text,
                                                clock::Date due, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(customer_id), customers::Access::kWrite));
    NewTask t;
    t.user = p.user;
    t.customer = CustomerId(customer_id);
    t.kind = "follow_up";
    t.subject = text;
    t.due = due;
    auto id = add_task(c, t);
    if (!id) return Error(ErrorCode::kInternal, "error.internal");
    audit::record(c, actor, "create", "care_task", *id,
                  audit::diff(nlohmann::json::object(), {{"kind", "follow_up"}, {"subject", text}, {"due_date", clock::format_date(due)}}));
    return visible_task(c, p, *id);
  });
}

Result<nlohmann::json> TaskStore::close(const auth::Principal& p, std::int64_t id, bool done, std::int64_t version,
                                        const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, visible_task(c, p, id));
    if (before["user_id"].get<std::int64_t>() != p.user.value) {
      // Someone else's task: a lead who may write the customer.
      if (!is_lead(p.role)) return forbidden();
      KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(before["customer_id"].get<std::int64_t>()),
                                         customers::Access::kWrite));
    }
    if (before["version"].get<std::int64_t>() != version) return stale_version();
    if (before["status"] != "open") return Error(ErrorCode::kValidationFailed, "care.task_closed");
    const auto now = now_iso();
    if (c.exec(kClose, {done ? "done" : "dismissed", now, now, id, version}).changes == 0) return stale_version();
    audit::record(c, actor, done ? "done" : "dismiss", "care_task", id,
                  audit::diff({{"status", "open"}}, {{"status", done ? "done" : "dismissed"}}));
    return visible_task(c, p, id);
  });
}

nlohmann::json TaskStore::overdue(const auth::Principal& p, const OverdueFilter& f, clock::Date today, std::int64_t page,
                                  std::int64_t page_size) {
  return db_.read([&](db::Conn& c) {
    return overdue_page(c, p, f, today, page, page_size);
  });
}

nlohmann::json TaskStore::today(const auth::Principal& p, clock::Date today) {
  sweep(p.user, today, false);
  return db_.read([&](db::Conn& c) {
    nlohmann::json out = {{"date", clock::format_date(today)}};
    // Contacts due: my customers whose contact is due today or overdue.
    out["contacts_due"] = overdue_page(c, p, {.mine = true}, today, 1, 20);
    // Tasks: mine, open, overdue or due within the week.
    nlohmann::json tasks = nlohmann::json::array();
    const auto horizon = add_days(today, 7);
    c.query(std::string(kTaskSelect) + "WHERE t.user_id = ? AND t.status = 'open' AND t.due_date <= ? "
                                       "ORDER BY t.due_date, t.id LIMIT 100",
            {p.user.value, horizon}, [&](const db::Row& r) { tasks.push_back(task_json(r)); });
    const auto task_total = c.scalar_i64("SELECT count(*) FROM care_tasks WHERE user_id = ? AND status = 'open' AND due_date <= ?",
                                         {p.user.value, horizon})
                                .value_or(0);
    out["tasks"] = {{"items", tasks}, {"total", task_total}};
    // Promises: open ones on my customers due within three days or overdue.
    nlohmann::json promises = nlohmann::json::array();
    c.query("SELECT p.id, p.customer_id, c.name, p.text, p.due_date, p.version FROM promises p JOIN customers c ON "
            "c.id = p.customer_id WHERE c.owner_id = ? AND c.deleted_at IS NULL AND p.status = 'open' AND p.due_date <= ? "
            "ORDER BY p.due_date, p.id LIMIT 50",
            {p.user.value, add_days(today, 3)}, [&](const db::Row& r) {
              promises.push_back({{"id", r.i64(0)}, {"customer_id", r.i64(1)}, {"customer_name", r.text(2)},
                                  {"text", r.text(3)}, {"due_date", r.text(4)}, {"version", r.i64(5)},
                                  {"overdue", r.text(4) < clock::format_date(today)}});
            });
    out["promises"] = promises;
    // Festivals of the next 30 days, for the greeting plans.
    nlohmann::json festivals = nlohmann::json::array();
    for (int y = today.year; y <= today.year + 1; ++y)
      for (const auto& f : calendar::festivals(y)) {
        const auto n = days_between(today, f.date);
        if (n >= 0 && n <= 30)
          festivals.push_back({{"name", std::string(calendar::festival_name(f.festival))},
                               {"date", clock::format_date(f.date)}, {"days", n}});
      }
    out["festivals"] = festivals;
    out["visits"] = visits_for_today(c, p, today);
    const auto& v = out["visits"];
    out["counts"] = {{"contacts_due", out["contacts_due"]["total"]},
                     {"tasks", task_total},
                     {"promises", promises.size()},
                     {"visits", v["planned_today"].size() + v["overdue_reports"].size()},
                     {"approvals", v["awaiting_decision"].size() + v["awaiting_review"].size()}};
    return out;
  });
}

Result<nlohmann::json> TaskStore::customer_summary(const auth::Principal& p, std::int64_t customer_id, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(customer_id), customers::Access::kRead));
    nlohmann::json out = {{"customer_id", customer_id}, {"last_contact_day", nullptr}, {"next_contact_date", nullptr},
                          {"days_since_last_contact", nullptr}, {"due_date", nullptr}, {"overdue", false}, {"reason", nullptr}};
    c.query("SELECT last_contact_day, next_contact_date FROM care_state WHERE customer_id = ?", {customer_id},
            [&](const db::Row& r) {
              if (!r.is_null(0)) {
                out["last_contact_day"] = r.text(0);
                if (auto d = clock::parse_date(r.text(0))) out["days_since_last_contact"] = days_between(*d, today);
              }
              if (!r.is_null(1)) out["next_contact_date"] = r.text(1);
            });
    // the due date by the same rule as the overdue list (any owner, this customer only)
    auto q = due_query(p, {.customer_id = customer_id}, clock::from_day_number(clock::day_number(today) + 3650));
    c.query(q.sql, q.params, [&](const db::Row& r) {
      out["due_date"] = r.text(7);
      out["reason"] = r.text(8);
      out["overdue"] = r.text(7) <= clock::format_date(today);
    });
    const auto year = std::to_string(today.year);
    out["open_tasks"] = c.scalar_i64("SELECT count(*) FROM care_tasks WHERE customer_id = ? AND status = 'open'", {customer_id}).value_or(0);
    out["open_promises"] = c.scalar_i64("SELECT count(*) FROM promises WHERE customer_id = ? AND status = 'open'", {customer_id}).value_or(0);
    out["gift_cost_ytd"] = c.scalar_i64("SELECT coalesce(sum(gift_cost), 0) FROM contact_logs WHERE customer_id = ? AND "
                                        "deleted_at IS NULL AND day >= ?", {customer_id, year + "-01-01"}).value_or(0);
    out["contacts_90d"] = c.scalar_i64("SELECT count(*) FROM contact_logs WHERE customer_id = ? AND deleted_at IS NULL AND day >= ?",
                                       {customer_id, add_days(today, -90)}).value_or(0);
    out["needs_rebuilding"] = needs_rebuilding(c, CustomerId(customer_id));
    return out;
  });
}

nlohmann::json TaskStore::settings() {
  return db_.read([&](db::Conn& c) {
    auto s = load_settings(c);
    auto j = to_json(s.settings);
    j["version"] = s.version;
    j["updated_at"] = s.updated_at;
    return j;
  });
}

Result<nlohmann::json> TaskStore::save_settings(const CareSettings& s, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load_settings(c);
    const auto now = now_iso();
    if (c.exec("UPDATE care_settings SET settings = ?, version = version + 1, updated_at = ? WHERE id = 1 AND version = ?",
               {to_json(s).dump(), now, version})
            .changes == 0)
      return stale_version();
    audit::record(c, actor, "update", "care_settings", 1, audit::diff(to_json(before.settings), to_json(s)));
    auto j = to_json(s);
    j["version"] = version + 1;
    j["updated_at"] = now;
    return j;
  });
}

}  // namespace kehu::care
