#include "modules/care/care.hpp"
#include "modules/care/care_internal.hpp"

namespace kehu::care {

void register_messages() {
  register_log_messages();
  register_task_messages();
  register_feed_messages();
  register_visit_messages();
  register_event_messages();
}

std::optional<clock::Date> last_contact_day(db::Conn& c, CustomerId id) {
  auto day = c.one("SELECT last_contact_day FROM care_state WHERE customer_id = ? AND last_contact_day IS NOT NULL",
                   {id.value}, [](const db::Row& r) { return r.text(0); });
  return day ? clock::parse_date(*day) : std::nullopt;
}

Module::Module(auth::Auth& a) : auth_(a) {}
Module::~Module() = default;

void Module::register_routes(http::Router& r) {
  register_log_routes(r, auth_);
  register_task_routes(r, auth_);
  register_visit_routes(r, auth_);
  register_event_routes(r, auth_);
  register_feed_routes(r, auth_);
}

}  // namespace kehu::care
