// Relationship care (客情维护): the module's public face. Other modules and the app include
// only this header.
#pragma once
#include <memory>
#include <optional>

#include "platform/auth/auth.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::care {

void register_messages();

// The last logged contact with a customer (its company date), for warnings and analytics.
std::optional<clock::Date> last_contact_day(db::Conn& c, CustomerId id);

class Module {
 public:
  explicit Module(auth::Auth& auth);
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  void register_routes(http::Router& r);

 private:
  auth::Auth& auth_;
};

// A return-visit task (回访) for the customer's owner, due on `due`, made once per
// `source_key` (e.g. "return_visit:order:42"); `subject` says why. The new task's id, or
// nullopt when it exists already or the customer is gone. For the service module.
std::optional<std::int64_t> add_return_visit_task(db::Conn& c, CustomerId customer, clock::Date due,
                                                  const std::string& source_key, const std::string& subject);

// Logs a contact from an API-shaped body as `as` would (same checks, tasks and audit). For
// the demo and data tools.
Result<std::int64_t> log_contact(db::Database& db, const nlohmann::json& body, const auth::Principal& as);
// Submits a visit plan from an API-shaped body; approves it when `lead` is given.
Result<std::int64_t> plan_visit(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                const auth::Principal* lead);

}  // namespace kehu::care
