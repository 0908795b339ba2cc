#include "modules/care/care_event.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/customers/customers.hpp"

namespace kehu::care {
namespace {

constexpr const char* kSelect =
    "SELECT e.id, e.customer_id, e.contact_id, k.name, e.kind, e.date, e.yearly, e.note, e.version, e.created_by, "
    "coalesce(u.name, ''), e.created_at, e.updated_at FROM care_events e LEFT JOIN contacts k ON k.id = e.contact_id "
    "LEFT JOIN users u ON u.id = e.created_by ";
constexpr const char* kInsert =
    "INSERT INTO care_events(customer_id, contact_id, kind, date, yearly, note, created_by, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE care_events SET contact_id = ?, kind = ?, date = ?, yearly = ?, note = ?, version = version + 1, "
    "updated_at = ? WHERE id = ? AND version = ? AND deleted_at IS NULL";
constexpr const char* kDelete =
    "UPDATE care_events SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? "
    "AND deleted_at IS NULL";
constexpr const char* kContactOfCustomer =
    "SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL";

nlohmann::json row_json(const db::Row& r) {
  auto opt = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  auto opt_id = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); };
  return {{"id", r.i64(0)},
          {"customer_id", r.i64(1)},
          {"contact_id", opt_id(2)},
          {"contact_name", r.is_null(2) ? nlohmann::json() : opt(3)},
          {"kind", r.text(4)},
          {"date", r.text(5)},
          {"yearly", r.i64(6) != 0},
          {"note", opt(7)},
          {"version", r.i64(8)},
          {"created_by", opt_id(9)},
          {"created_by_name", r.is_null(9) ? nlohmann::json() : nlohmann::json(r.text(10))},
          {"created_at", r.text(11)},
          {"updated_at", r.text(12)}};
}

std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kSelect) + "WHERE e.id = ? AND e.deleted_at IS NULL", {id}, row_json);
}

nlohmann::json audit_fields(const nlohmann::json& e) {
  return {{"kind", e["kind"]},
          {"date", e["date"]},
          {"contact_id", e["contact_id"]},
          {"yearly", e["yearly"]},
          {"note", e["note"]}};
}

// The combination rules, and the contact must be one of the customer's.
Status check_event(db::Conn& c, CustomerId customer, const CareEventShape& shape, std::optional<std::int64_t> contact,
                   clock::Date today) {
  if (auto problem = care_event_problem(shape, today))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(problem->first, problem->second);
  if (contact && !c.scalar_i64(kContactOfCustomer, {*contact, customer.value}))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed")
        .field("contact_id", "care.event_contact_invalid");
  return ok_status();
}

std::optional<std::int64_t> opt_i64(const nlohmann::json& v) {
  return v.is_null() ? std::nullopt : std::optional<std::int64_t>(v.get<std::int64_t>());
}
std::optional<std::string> opt_text(const nlohmann::json& v) {
  return v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
}

}  // namespace

Result<nlohmann::json> CareEventStore::list(const auth::Scope& s, CustomerId customer) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, s, customer, customers::Access::kRead));
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kSelect) + "WHERE e.customer_id = ? AND e.deleted_at IS NULL ORDER BY e.date, e.id",
            {customer.value}, [&](const db::Row& r) { items.push_back(row_json(r)); });
    const auto total = static_cast<std::int64_t>(items.size());
    return nlohmann::json{{"items", std::move(items)}, {"total", total}};
  });
}

Result<nlohmann::json> CareEventStore::create(const auth::Principal& p, CustomerId customer, const CareEventInput& in,
                                              clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), customer, customers::Access::kWrite));
    KEHU_CHECK(check_event(c, customer, {in.kind, in.date, in.contact_id.has_value(), in.note.has_value()},
                           in.contact_id, today));
    const auto now = now_iso();
    const auto id = c.exec(kInsert, {customer.value, in.contact_id, in.kind, clock::format_date(in.date), in.yearly,
                                     in.note, p.user.value, now, now})
                        .last_id;
    auto out = *load(c, id);
    auto changes = audit::diff(nlohmann::json::object(), audit_fields(out));
    changes["customer_id"] = customer.value;
    audit::record(c, actor, "create", "care_event", id, changes);
    return out;
  });
}

Result<nlohmann::json> CareEventStore::update(const auth::Scope& s, std::int64_t id, const CareEventChange& ch,
                                              clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load(c, id);
    if (!before) return not_found();
    const CustomerId customer((*before)["customer_id"].get<std::int64_t>());
    KEHU_CHECK(customers::check_access(c, s, customer, customers::Access::kWrite));
    if ((*before)["version"].get<std::int64_t>() != ch.version) return stale_version();
    const auto kind = ch.kind.value_or((*before)["kind"].get<std::string>());
    const auto date = ch.date.value_or(*clock::parse_date((*before)["date"].get<std::string>()));
    const auto contact = ch.contact_present ? ch.contact_id : opt_i64((*before)["contact_id"]);
    const auto note = ch.note_present ? ch.note : opt_text((*before)["note"]);
    const bool yearly = ch.yearly.value_or((*before)["yearly"].get<bool>());
    // A contact named anew must be the customer's; the one kept from before is left alone.
    const bool contact_changed = contact != opt_i64((*before)["contact_id"]);
    KEHU_CHECK(check_event(c, customer, {kind, date, contact.has_value(), note.has_value()},
                           contact_changed ? contact : std::nullopt, today));
    if (c.exec(kUpdate, {contact, kind, clock::format_date(date), yearly, note, now_iso(), id, ch.version}).changes ==
        0)
      return stale_version();
    auto after = *load(c, id);
    audit::record(c, actor, "update", "care_event", id, audit::diff(audit_fields(*before), audit_fields(after)));
    return after;
  });
}

Status CareEventStore::remove(const auth::Scope& s, std::int64_t id, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    auto before = load(c, id);
    if (!before) return not_found();
    KEHU_CHECK(customers::check_access(c, s, CustomerId((*before)["customer_id"].get<std::int64_t>()),
                                       customers::Access::kWrite));
    const auto now = now_iso();
    if (c.exec(kDelete, {now, now, id, version}).changes == 0) return stale_version();
    audit::record(c, actor, "delete", "care_event", id, {{"kind", (*before)["kind"]}, {"date", (*before)["date"]}});
    return ok_status();
  });
}

}  // namespace kehu::care
