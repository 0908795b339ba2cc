#include "modules/care/task.hpp"

#include "modules/care/care.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/customers/customers.hpp"

namespace kehu::care {
namespace {

constexpr const char* kInsert =
    "INSERT INTO care_tasks(user_id, customer_id, contact_id, kind, subject, event_date, due_date, source_key, "
    "regional_event_id, staff_change_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT(source_key) DO NOTHING";
// The customer's open reminder-type tasks whose day is at most 30 days after the log's day
// (a contact long before a birthday does not count as the greeting); a task that names a
// contact is closed only by a log with that contact.
constexpr const char* kCloseForLog =
    "UPDATE care_tasks SET status = 'done', done_at = ?1, done_log_id = ?2, version = version + 1, updated_at = ?1 "
    "WHERE customer_id = ?3 AND status = 'open' AND due_date <= date(?4, '+30 days') "
    "AND kind IN ('birthday','festival','anniversary','milestone','personal_event','regional_event','follow_up',"
    "'return_visit') "
    "AND (contact_id IS NULL OR contact_id IN (SELECT value FROM json_each(?5)))";

nlohmann::json opt_text(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); }
nlohmann::json opt_int(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); }

}  // namespace

const char* const kTaskSelect =
    "SELECT t.id, t.user_id, u.name, t.customer_id, c.name, t.contact_id, k.name, t.kind, t.subject, t.event_date, "
    "t.due_date, t.status, t.done_at, t.done_log_id, t.regional_event_id, t.staff_change_id, t.version, t.created_at "
    "FROM care_tasks t JOIN users u ON u.id = t.user_id LEFT JOIN customers c ON c.id = t.customer_id "
    "LEFT JOIN contacts k ON k.id = t.contact_id ";

nlohmann::json task_json(const db::Row& r) {
  return {{"id", r.i64(0)},
          {"user_id", r.i64(1)},
          {"user_name", r.text(2)},
          {"customer_id", opt_int(r, 3)},
          {"customer_name", opt_text(r, 4)},
          {"contact_id", opt_int(r, 5)},
          {"contact_name", opt_text(r, 6)},
          {"kind", r.text(7)},
          {"subject", opt_text(r, 8)},
          {"event_date", opt_text(r, 9)},
          {"due_date", r.text(10)},
          {"status", r.text(11)},
          {"done_at", opt_text(r, 12)},
          {"done_log_id", opt_int(r, 13)},
          {"regional_event_id", opt_int(r, 14)},
          {"staff_change_id", opt_int(r, 15)},
          {"version", r.i64(16)},
          {"created_at", r.text(17)}};
}

std::optional<std::int64_t> add_task(db::Conn& c, const NewTask& t) {
  auto opt_id = [](const std::optional<CustomerId>& id) {
    return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
  };
  auto opt_date = [](const std::optional<clock::Date>& d) {
    return d ? std::optional<std::string>(clock::format_date(*d)) : std::nullopt;
  };
  const auto now = now_iso();
  auto r = c.exec(kInsert, {t.user.value, opt_id(t.customer), t.contact_id, t.kind, t.subject, opt_date(t.event_date),
                            clock::format_date(t.due), t.source_key, t.regional_event_id, t.staff_change_id, now, now});
  if (r.changes == 0) return std::nullopt;
  return r.last_id;
}

std::optional<std::int64_t> add_return_visit_task(db::Conn& c, CustomerId customer, clock::Date due,
                                                  const std::string& source_key, const std::string& subject) {
  auto owner = customers::owner_of(c, customer);
  if (!owner) return std::nullopt;
  NewTask t;
  t.user = *owner;
  t.customer = customer;
  t.kind = "return_visit";
  t.subject = subject;
  t.due = due;
  t.source_key = source_key;
  return add_task(c, t);
}

std::int64_t close_tasks_for_log(db::Conn& c, CustomerId customer, const std::vector<std::int64_t>& contact_ids,
                                 std::int64_t log_id, clock::Date log_day) {
  return c.exec(kCloseForLog, {now_iso(), log_id, customer.value, clock::format_date(log_day),
                               nlohmann::json(contact_ids).dump()})
      .changes;
}

}  // namespace kehu::care
