#include "platform/auth/principal.hpp"

#include <gtest/gtest.h>

namespace kehu::auth {

TEST(Scope, FollowsTheRole) {
  struct Case {
    Role role;
    bool has_team;
    Scope::Visibility vis;
    bool write;
    bool personal;
  };
  using V = Scope::Visibility;
  for (auto c : {Case{Role::kAdmin, false, V::kAll, true, true}, Case{Role::kDirector, false, V::kAll, true, true},
                 Case{Role::kManager, true, V::kTeam, true, true}, Case{Role::kManager, false, V::kOwn, true, true},
                 Case{Role::kAccountManager, true, V::kOwn, true, true},
                 Case{Role::kService, false, V::kAll, false, false}, Case{Role::kAuditor, false, V::kAll, false, false}}) {
    Principal p;
    p.user = UserId(7);
    p.role = c.role;
    if (c.has_team) p.team = TeamId(3);
    auto s = scope_of(p);
    EXPECT_EQ(s.visibility, c.vis) << role_name(c.role);
    EXPECT_EQ(s.can_write, c.write) << role_name(c.role);
    EXPECT_EQ(s.sees_personal_data, c.personal) << role_name(c.role);
    EXPECT_EQ(s.user, UserId(7));
  }
}

TEST(Roles, RoundTrip) {
  for (auto name : kRoleNames) EXPECT_EQ(role_name(*parse_role(name)), name);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_FALSE(parse_role("Admin"));
}

}  // namespace kehu::auth
