// Who is calling, and what they may see. Roles are a closed set; the Scope is derived from
// the principal and applied in SQL by every store that reads customer data.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "platform/core/ids.hpp"

namespace kehu::auth {

enum class Role { kAdmin, kDirector, kManager, kAccountManager, kService, kAuditor };

std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view s);
inline constexpr std::string_view kRoleNames[] = {"admin", "director", "manager", "account_manager", "service", "auditor"};

struct Principal {
  UserId user;
  std::string username;
  std::string name;
  Role role = Role::kAccountManager;
  std::optional<TeamId> team;
  bool must_change_password = false;
  bool via_token = false;
  std::string csrf_token;
};

// Visibility of the customer archive.
struct Scope {
  enum class Visibility { kAll, kTeam, kOwn, kNone };
  Visibility visibility = Visibility::kNone;
  UserId user;
  std::optional<TeamId> team;  // for kTeam: the team the caller leads or belongs to
  bool can_write = false;      // may create and change archive records in the scope
  bool sees_personal_data = false;  // phones, e-mail, birthdays, family, bank details unmasked
};

// admin: manages users and settings; sees all (to fix data) and writes.
// director: all, writes. manager: own team, writes. account_manager: own + member-of, writes.
// service, auditor: all, read-only, personal data masked.
Scope scope_of(const Principal& p);

}  // namespace kehu::auth
