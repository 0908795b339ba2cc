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

// Logs a contact from an API-shaped body as `as` would (same checks, tasks and audit). For
// the demo and data tools.
Result<std::int64_t> log_contact(db::Database& db, const nlohmann::json& body, const auth::Principal& as);
// Submits a visit plan from an API-shaped body; approves it when `lead` is given.
Result<std::int64_t> plan_visit(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                const auth::Principal* lead);

}  // namespace kehu::care
