// SQL of the customer archive. Every read and write takes the caller's Scope and applies it
// in SQL: a customer outside the scope is indistinguishable from a missing one.
#pragma once
#include <optional>
#include <vector>

#include "modules/customers/customer.hpp"
#include "modules/customers/customers.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/params.hpp"

namespace kehu::customers {

struct ListFilter {
  std::optional<std::string> q;
  std::optional<std::string> grade, status, industry, size, type, province_code, city_code, tag;
  std::optional<std::int64_t> owner_id, team_id;
  std::optional<std::string> created_from, created_to;  // dates, inclusive
  bool deleted = false;  // the recycle bin
  http::Sort sort{"updated_at", true};
  std::int64_t page = 1, page_size = 20;
};

// Lists count their matches exactly up to kCountCap; beyond it `total` is kCountCap and
// `capped` is set (the UI shows "10,000+"), so a broad filter over a million customers
// costs a bounded index walk instead of counting every match on each page.
constexpr std::int64_t kCountCap = 10000;
struct ListResult {
  std::vector<Customer> items;
  std::int64_t total = 0;
  bool capped = false;
};

struct Match {
  std::optional<CustomerId> id;  // empty when the match is outside the caller's scope
  std::string name, owner_name, reason;
};

// A restricted scope (own, team) as its two halves: the customers owned, and those shared
// through membership. scope_condition() is "(owned OR shared)". nullopt for kAll and kNone.
struct ScopeHalves {
  ScopeSql owned, shared;
};
std::optional<ScopeHalves> scope_halves(const auth::Scope& s);

// check_access with the recycle bin included or not (customer_scope.cpp).
Status check_customer_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a, bool include_deleted);

class CustomerStore {
 public:
  explicit CustomerStore(db::Database& db) : db_(db) {}

  ListResult list(const auth::Scope& s, const ListFilter& f);
  // Deleted customers only when `include_deleted`.
  std::optional<Customer> get(db::Conn& c, const auth::Scope& s, CustomerId id, bool include_deleted = false);
  std::optional<Customer> get(const auth::Scope& s, CustomerId id, bool include_deleted = false);
  // kNotFound outside the scope, kForbidden when visible but read-only for the caller.
  Status check_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a, bool include_deleted = false);

  Result<Customer> create(const auth::Scope& s, const CustomerInput& in, const audit::Actor& actor);
  Result<Customer> update(const auth::Scope& s, CustomerId id, const CustomerInput& in, const audit::Actor& actor);
  Status remove(const auth::Scope& s, CustomerId id, std::int64_t version, const audit::Actor& actor);
  Result<Customer> restore(const auth::Scope& s, CustomerId id, const audit::Actor& actor);
  Status purge(CustomerId id, const audit::Actor& actor);

  std::vector<Contact> contacts(db::Conn& c, CustomerId id);
  Result<Contact> add_contact(const auth::Scope& s, CustomerId id, const Contact& in, const audit::Actor& actor);
  Result<Contact> update_contact(const auth::Scope& s, ContactId id, const nlohmann::json& body, const Contact& parsed,
                                 const audit::Actor& actor);
  Status remove_contact(const auth::Scope& s, ContactId id, std::int64_t version, const audit::Actor& actor);

  Result<Customer> add_member(const auth::Scope& s, CustomerId id, UserId user, const std::string& access,
                              const audit::Actor& actor);
  Result<Customer> remove_member(const auth::Scope& s, CustomerId id, UserId user, const audit::Actor& actor);
  // Moves the given customers (or every customer of `from` when ids is empty) to `to`.
  Result<std::int64_t> handover(const auth::Principal& p, const std::vector<CustomerId>& ids, bool all, UserId from,
                                UserId to, const std::optional<std::string>& reason, const audit::Actor& actor);
  nlohmann::json handovers(CustomerId id);
  // The distribution subtree below a customer, as nested {id,name,dealer_level,owner_name,
  // children}; nodes outside the scope are left out (with their branches).
  Result<nlohmann::json> subtree(const auth::Scope& s, CustomerId id);
  std::vector<audit::Entry> timeline(CustomerId id, std::int64_t limit);

  db::Database& db() { return db_; }

 private:
  Status check_references(db::Conn& c, Customer& cu);
  Status check_parent(db::Conn& c, const auth::Scope& s, const Customer& cu);
  std::vector<Match> duplicates(db::Conn& c, const auth::Scope& s, const Customer& cu, const std::vector<Contact>& contacts,
                                std::optional<CustomerId> except);
  void reindex(db::Conn& c, CustomerId id);
  db::Database& db_;
};

}  // namespace kehu::customers
