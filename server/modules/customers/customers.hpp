// The customer archive's public face: other modules and the app include only this header.
#pragma once
#include <memory>

#include "platform/auth/auth.hpp"
#include "platform/http/router.hpp"

namespace kehu::customers {

void register_messages();

// The archive's state (stores, caches). Owned by the app; outlives the router's use of it.
class Module {
 public:
  explicit Module(auth::Auth& auth);
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  void register_routes(http::Router& r);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Creates a customer from an API-shaped body as `as` would (same validation, scope and
// audit as POST /api/v1/customers). Used by the demo and data tools.
Result<CustomerId> create_customer(db::Database& db, const nlohmann::json& body, const auth::Principal& as);

}  // namespace kehu::customers
