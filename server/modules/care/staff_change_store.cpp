#include "modules/care/care_internal.hpp"
#include "modules/care/staff_change.hpp"
#include "modules/care/task.hpp"
#include "modules/customers/customers.hpp"

namespace kehu::care {
namespace {

constexpr const char* kSelect =
    "SELECT s.id, s.customer_id, s.contact_id, k.name, s.successor_id, sk.name, s.left_on, s.note, s.status, "
    "(SELECT min(t.id) FROM care_tasks t WHERE t.staff_change_id = s.id), s.version, s.created_by, coalesce(u.name, "
    "''), "
    "s.created_at, s.updated_at FROM staff_changes s JOIN contacts k ON k.id = s.contact_id "
    "LEFT JOIN contacts sk ON sk.id = s.successor_id LEFT JOIN users u ON u.id = s.created_by ";
constexpr const char* kContact = "SELECT name, left_company FROM contacts WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kSuccessor =
    "SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL AND left_company = 0";
constexpr const char* kInsert =
    "INSERT INTO staff_changes(customer_id, contact_id, successor_id, left_on, note, status, created_by, created_at, "
    "updated_at) VALUES (?,?,?,?,?,?,?,?,?)";
constexpr const char* kSetSuccessor =
    "UPDATE staff_changes SET successor_id = ?, status = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND version = ? AND status = 'open'";
// The open staff-change task follows the successor (a log with the successor completes it).
constexpr const char* kTaskContact =
    "UPDATE care_tasks SET contact_id = ?, version = version + 1, updated_at = ? WHERE staff_change_id = ? AND status "
    "= 'open'";
// A contact with the successor logged since the day the other contact left.
constexpr const char* kLoggedWith =
    "SELECT 1 FROM contact_log_contacts lc JOIN contact_logs l ON l.id = lc.log_id WHERE lc.contact_id = ? "
    "AND l.customer_id = ? AND l.deleted_at IS NULL AND l.day >= ? LIMIT 1";
constexpr const char* kOpen = "SELECT 1 FROM staff_changes WHERE customer_id = ? AND status = 'open' LIMIT 1";

nlohmann::json row_json(const db::Row& r) {
  auto opt = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  auto opt_id = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); };
  return {{"id", r.i64(0)},
          {"customer_id", r.i64(1)},
          {"contact_id", r.i64(2)},
          {"contact_name", r.text(3)},
          {"successor_id", opt_id(4)},
          {"successor_name", r.is_null(4) ? nlohmann::json() : opt(5)},
          {"left_on", r.text(6)},
          {"note", opt(7)},
          {"status", r.text(8)},
          {"task_id", opt_id(9)},
          {"version", r.i64(10)},
          {"created_by", opt_id(11)},
          {"created_by_name", r.is_null(11) ? nlohmann::json() : nlohmann::json(r.text(12))},
          {"created_at", r.text(13)},
          {"updated_at", r.text(14)}};
}

std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kSelect) + "WHERE s.id = ?", {id}, row_json);
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

// A successor is another current contact of the same customer.
Status check_successor(db::Conn& c, CustomerId customer, std::int64_t left, std::int64_t successor) {
  if (successor == left) return validation("successor_id", "care.staff_successor_is_leaver");
  if (!c.scalar_i64(kSuccessor, {successor, customer.value}))
    return validation("successor_id", "care.staff_successor_invalid");
  return ok_status();
}

bool logged_with(db::Conn& c, CustomerId customer, std::int64_t successor, const std::string& since) {
  return c.scalar_i64(kLoggedWith, {successor, customer.value, since}).has_value();
}

}  // namespace

Result<nlohmann::json> StaffChangeStore::contact_left(const auth::Principal& p, std::int64_t contact_id,
                                                      const LeftInput& in, clock::Date today,
                                                      const audit::Actor& actor) {
  const auto scope = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto customer = customers::customer_of_contact(c, contact_id);
    if (!customer) return not_found();
    KEHU_CHECK(customers::check_access(c, scope, *customer, customers::Access::kWrite));
    std::string name;
    bool already_left = false;
    c.query(kContact, {contact_id}, [&](const db::Row& r) {
      name = r.text(0);
      already_left = r.i64(1) != 0;
    });
    if (already_left) return Error(ErrorCode::kValidationFailed, "care.staff_contact_already_left");
    if (in.successor_id) KEHU_CHECK(check_successor(c, *customer, contact_id, *in.successor_id));
    KEHU_CHECK(customers::mark_contact_left(c, scope, contact_id, in.left_on, actor));
    const auto left_on = clock::format_date(in.left_on);
    const bool rebuilt = in.successor_id && logged_with(c, *customer, *in.successor_id, left_on);
    const auto now = now_iso();
    const auto id = c.exec(kInsert, {customer->value, contact_id, in.successor_id, left_on, in.note,
                                     rebuilt ? "rebuilt" : "open", p.user.value, now, now})
                        .last_id;
    if (!rebuilt) {
      auto owner = customers::owner_of(c, *customer);
      NewTask t;
      t.user = owner.value_or(p.user);
      t.customer = *customer;
      t.contact_id = in.successor_id;
      t.kind = "staff_change";
      t.subject = name;  // who left; the task is to rebuild the relationship with the successor
      t.event_date = in.left_on;
      t.due = staff_change_task_due(today);
      t.source_key = staff_change_source_key(id);
      t.staff_change_id = id;
      add_task(c, t);
    }
    auto out = *load(c, id);
    audit::record(c, actor, "create", "staff_change", id,
                  {{"customer_id", customer->value},
                   {"contact_id", contact_id},
                   {"successor_id", out["successor_id"]},
                   {"left_on", left_on},
                   {"status", out["status"]}});
    return out;
  });
}

Result<nlohmann::json> StaffChangeStore::set_successor(const auth::Principal& p, std::int64_t id,
                                                       const SuccessorInput& in, const audit::Actor& actor) {
  const auto scope = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load(c, id);
    if (!before) return not_found();
    const CustomerId customer((*before)["customer_id"].get<std::int64_t>());
    KEHU_CHECK(customers::check_access(c, scope, customer, customers::Access::kWrite));
    if ((*before)["version"].get<std::int64_t>() != in.version) return stale_version();
    if ((*before)["status"] != "open") return Error(ErrorCode::kValidationFailed, "care.staff_change_closed");
    KEHU_CHECK(check_successor(c, customer, (*before)["contact_id"].get<std::int64_t>(), in.successor_id));
    const bool rebuilt = logged_with(c, customer, in.successor_id, (*before)["left_on"].get<std::string>());
    const auto now = now_iso();
    if (c.exec(kSetSuccessor, {in.successor_id, rebuilt ? "rebuilt" : "open", now, id, in.version}).changes == 0)
      return stale_version();
    c.exec(kTaskContact, {in.successor_id, now, id});
    auto after = *load(c, id);
    audit::record(c, actor, "successor", "staff_change", id,
                  audit::diff({{"successor_id", (*before)["successor_id"]}, {"status", (*before)["status"]}},
                              {{"successor_id", after["successor_id"]}, {"status", after["status"]}}));
    return after;
  });
}

Result<nlohmann::json> StaffChangeStore::list(const auth::Scope& s, CustomerId customer) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, s, customer, customers::Access::kRead));
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kSelect) + "WHERE s.customer_id = ? ORDER BY s.left_on DESC, s.id DESC", {customer.value},
            [&](const db::Row& r) { items.push_back(row_json(r)); });
    const auto total = static_cast<std::int64_t>(items.size());
    return nlohmann::json{{"items", std::move(items)}, {"total", total}};
  });
}

void staff_changes_on_log(db::Conn& c, CustomerId customer, const std::vector<std::int64_t>& contact_ids) {
  if (contact_ids.empty()) return;
  std::string in;
  db::Params params{clock::to_iso_utc(clock::now()), customer.value};
  for (auto id : contact_ids) {
    in += in.empty() ? "?" : ",?";
    params.emplace_back(id);
  }
  c.exec(
      "UPDATE staff_changes SET status = 'rebuilt', version = version + 1, updated_at = ? WHERE customer_id = ? "
      "AND status = 'open' AND successor_id IN (" +
          in + ")",
      params);
  // …and their rebuild-the-relationship tasks are done
  const auto now = clock::to_iso_utc(clock::now());
  c.exec("UPDATE care_tasks SET status = 'done', done_at = ?1, version = version + 1, updated_at = ?1 WHERE kind = "
         "'staff_change' AND status = 'open' AND staff_change_id IN (SELECT id FROM staff_changes WHERE customer_id = ?2 "
         "AND status = 'rebuilt')",
         {now, customer.value});
}

bool needs_rebuilding(db::Conn& c, CustomerId customer) { return c.scalar_i64(kOpen, {customer.value}).has_value(); }

}  // namespace kehu::care
