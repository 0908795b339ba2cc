#include "platform/auth/principal.hpp"

namespace kehu::auth {

std::string_view role_name(Role r) { return kRoleNames[static_cast<int>(r)]; }

std::optional<Role> parse_role(std::string_view s) {
  for (int i = 0; i < 6; ++i)
    if (kRoleNames[i] == s) return static_cast<Role>(i);
  return std::nullopt;
}

Scope scope_of(const Principal& p) {
  Scope s;
  s.user = p.user;
  s.team = p.team;
  switch (p.role) {
    case Role::kAdmin:
    case Role::kDirector:
      s.visibility = Scope::Visibility::kAll;
      s.can_write = true;
      s.sees_personal_data = true;
      break;
    case Role::kManager:
      s.visibility = p.team ? Scope::Visibility::kTeam : Scope::Visibility::kOwn;
      s.can_write = true;
      s.sees_personal_data = true;
      break;
    case Role::kAccountManager:
      s.visibility = Scope::Visibility::kOwn;
      s.can_write = true;
      s.sees_personal_data = true;
      break;
    case Role::kService:
    case Role::kAuditor:
      s.visibility = Scope::Visibility::kAll;
      s.can_write = false;
      s.sees_personal_data = false;
      break;
  }
  return s;
}

}  // namespace kehu::auth
