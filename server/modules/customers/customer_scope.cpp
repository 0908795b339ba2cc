// Who sees which customers: the Scope as SQL. Every store that reads customer-owned rows
// appends scope_condition() to its WHERE clause; single records go through check_access.
#include <set>

#include "modules/customers/customer_store.hpp"

namespace kehu::customers {
namespace {

// Parameters follow the order of the `?`.
// A restricted scope is two halves, the customers the user (or the team) owns and those shared
// with them as members, so that a search can read each half through its own covering index.
constexpr const char* kOwnedOwn = "c.owner_id = ?";
constexpr const char* kSharedOwn = "c.id IN (SELECT m.customer_id FROM customer_members m WHERE m.user_id = ?)";
constexpr const char* kOwnedTeam = "c.owner_id IN (SELECT id FROM users WHERE id = ? OR team_id = ?)";
constexpr const char* kSharedTeam =
    "c.id IN (SELECT m.customer_id FROM customer_members m JOIN users mu ON mu.id = m.user_id WHERE mu.team_id = ? "
    "OR m.user_id = ?)";
constexpr const char* kWritableOwn =
    "SELECT 1 FROM customers c WHERE c.id = ? AND (c.owner_id = ? OR EXISTS (SELECT 1 FROM customer_members m "
    "WHERE m.customer_id = c.id AND m.user_id = ? AND m.access = 'write'))";
constexpr const char* kVisible = "SELECT 1 FROM customers c WHERE c.id = ? ";
// One level of the distribution tree at a time: a recursive CTE joining customers made
// SQLite build a Bloom filter over the whole table on every call (100+ ms at 100k customers).
constexpr const char* kChildren =
    "SELECT id FROM customers WHERE parent_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id";
constexpr int kMaxDepth = 16;
constexpr const char* kCreditLimit = "SELECT credit_limit FROM customers WHERE id = ? AND deleted_at IS NULL";

}  // namespace

std::optional<ScopeHalves> scope_halves(const auth::Scope& s) {
  using V = auth::Scope::Visibility;
  switch (s.visibility) {
    case V::kOwn: return ScopeHalves{{kOwnedOwn, {s.user.value}}, {kSharedOwn, {s.user.value}}};
    case V::kTeam: {
      const std::int64_t team = s.team ? s.team->value : -1;
      return ScopeHalves{{kOwnedTeam, {s.user.value, team}}, {kSharedTeam, {team, s.user.value}}};
    }
    case V::kAll:
    case V::kNone: break;
  }
  return std::nullopt;
}

ScopeSql scope_condition(const auth::Scope& s) {
  if (s.visibility == auth::Scope::Visibility::kAll) return {"1 = 1", {}};
  auto halves = scope_halves(s);
  if (!halves) return {"0 = 1", {}};
  // Both halves are indexable (customers_owner, the rowid, customer_members_user), so SQLite
  // answers them as a union of two index lookups instead of testing every customer: at a
  // million customers a correlated EXISTS here scanned the whole table for each list.
  ScopeSql out{"(" + halves->owned.clause + " OR " + halves->shared.clause + ")", halves->owned.params};
  out.params.insert(out.params.end(), halves->shared.params.begin(), halves->shared.params.end());
  return out;
}

Status check_customer_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a, bool include_deleted) {
  auto scope = scope_condition(s);
  db::Params params{id.value};
  params.insert(params.end(), scope.params.begin(), scope.params.end());
  const std::string sql = std::string(kVisible) + (include_deleted ? "" : "AND c.deleted_at IS NULL ") + "AND " + scope.clause;
  if (!c.scalar_i64(sql, params)) return not_found();
  if (a == Access::kRead) return ok_status();
  if (!s.can_write) return forbidden();
  if (s.visibility == auth::Scope::Visibility::kOwn &&
      !c.scalar_i64(kWritableOwn, {id.value, s.user.value, s.user.value}))
    return forbidden();
  return ok_status();
}

Status check_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a) {
  return check_customer_access(c, s, id, a, false);
}

std::vector<std::pair<CustomerId, int>> descendants_with_depth(db::Conn& c, CustomerId id) {
  std::vector<std::pair<CustomerId, int>> out;
  std::set<std::int64_t> seen{id.value};
  nlohmann::json level = nlohmann::json::array({id.value});
  for (int depth = 1; depth <= kMaxDepth && !level.empty(); ++depth) {
    nlohmann::json next = nlohmann::json::array();
    c.query(kChildren, {level.dump()}, [&](const db::Row& r) {
      if (!seen.insert(r.i64(0)).second) return;  // a cycle (never stored, but bounded anyway)
      out.emplace_back(CustomerId(r.i64(0)), depth);
      next.push_back(r.i64(0));
    });
    level = std::move(next);
  }
  return out;
}

std::vector<CustomerId> descendants(db::Conn& c, CustomerId id) {
  std::vector<CustomerId> out;
  for (const auto& [d, depth] : descendants_with_depth(c, id)) out.push_back(d);
  return out;
}

std::optional<std::int64_t> return_window_days(db::Conn& c, CustomerId id) {
  return c.scalar_i64("SELECT return_window_days FROM customers WHERE id = ? AND deleted_at IS NULL", {id.value});
}

std::optional<UserId> owner_of(db::Conn& c, CustomerId id) {
  auto v = c.scalar_i64("SELECT owner_id FROM customers WHERE id = ? AND deleted_at IS NULL", {id.value});
  return v ? std::optional<UserId>(UserId(*v)) : std::nullopt;
}

std::optional<std::int64_t> credit_limit(db::Conn& c, CustomerId id) { return c.scalar_i64(kCreditLimit, {id.value}); }

}  // namespace kehu::customers
