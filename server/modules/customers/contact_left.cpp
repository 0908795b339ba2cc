// A contact who left the customer's company (人事变动), for the care module's staff changes:
// the archive owns the contacts table, so the flag is set here, audited like any contact update.
#include "modules/customers/customers.hpp"

namespace kehu::customers {
namespace {

constexpr const char* kCustomerOfContact = "SELECT customer_id FROM contacts WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kContactState = "SELECT left_company, left_on FROM contacts WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kMarkLeft =
    "UPDATE contacts SET left_company = 1, left_on = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND deleted_at IS NULL AND left_company = 0";

}  // namespace

std::optional<CustomerId> customer_of_contact(db::Conn& c, std::int64_t contact_id) {
  auto id = c.scalar_i64(kCustomerOfContact, {contact_id});
  return id ? std::optional<CustomerId>(CustomerId(*id)) : std::nullopt;
}

Status mark_contact_left(db::Conn& c, const auth::Scope& s, std::int64_t contact_id, clock::Date left_on,
                         const audit::Actor& actor) {
  auto customer = customer_of_contact(c, contact_id);
  if (!customer) return not_found();
  KEHU_CHECK(check_access(c, s, *customer, Access::kWrite));
  nlohmann::json before;
  c.query(kContactState, {contact_id}, [&](const db::Row& r) {
    before = {{"left_company", r.i64(0) != 0},
              {"left_on", r.is_null(1) ? nlohmann::json() : nlohmann::json(r.text(1))}};
  });
  const auto day = clock::format_date(left_on);
  if (c.exec(kMarkLeft, {day, clock::to_iso_utc(clock::now()), contact_id}).changes == 0)
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("left_company", "field.invalid");
  // The same shape as a contact update: only the changed fields, from -> to.
  const nlohmann::json after = {{"left_company", true}, {"left_on", day}};
  audit::record(c, actor, "update", "contact", contact_id, audit::diff(before, after));
  return ok_status();
}

}  // namespace kehu::customers
