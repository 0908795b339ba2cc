// The customer archive's public face: other modules and the app include only this header.
#pragma once
#include <memory>
#include <vector>

#include "platform/auth/auth.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::customers {

void register_messages();

// For modules whose records hang off a customer (sales, care, service):
// kNotFound outside the caller's scope, kForbidden when visible but read-only.
enum class Access { kRead, kWrite };
Status check_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a);

// A SQL condition on a customers row aliased `c` that keeps the rows visible to the scope,
// with its parameters in order. Append it to a WHERE clause that joins `customers c`.
struct ScopeSql {
  std::string clause;  // "1 = 1" for an unrestricted scope
  db::Params params;
};
ScopeSql scope_condition(const auth::Scope& s);

// Every customer below `id` in the distribution tree (not deleted), whoever owns them.
std::vector<CustomerId> descendants(db::Conn& c, CustomerId id);
// The same with each one's depth below `id` (children 1), breadth first.
std::vector<std::pair<CustomerId, int>> descendants_with_depth(db::Conn& c, CustomerId id);

// Days after an order within which a return needs no special approval (default 30).
std::optional<std::int64_t> return_window_days(db::Conn& c, CustomerId id);

// The customer's owner (account manager), whoever asks; nullopt if no such customer.
std::optional<UserId> owner_of(db::Conn& c, CustomerId id);

// The customer's credit limit in fen (0: no credit), whoever asks; nullopt if no such customer.
std::optional<std::int64_t> credit_limit(db::Conn& c, CustomerId id);

// Staff changes (care): the customer a contact belongs to (not deleted), whoever asks.
std::optional<CustomerId> customer_of_contact(db::Conn& c, std::int64_t contact_id);
// Marks a contact as having left the company on `left_on` (left_company, left_on, version
// bumped), audited like a contact update. kNotFound outside the scope or when no such
// contact, kForbidden without write access, kValidationFailed when already marked left.
// Runs inside the caller's write transaction.
Status mark_contact_left(db::Conn& c, const auth::Scope& s, std::int64_t contact_id, clock::Date left_on,
                         const audit::Actor& actor);

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
