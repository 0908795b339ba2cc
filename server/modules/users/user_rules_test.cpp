#include "modules/users/user_rules.hpp"

#include <gtest/gtest.h>

namespace kehu::users {

TEST(Username, AllowList) {
  struct Case { const char* in; bool ok; };
  for (auto c : {Case{"alice", true}, Case{"li.na_2", true}, Case{"a", false}, Case{"-x", false},
                 Case{"张伟", false}, Case{"a b", false}, Case{"a;DROP", false}, Case{"", false}}) {
    EXPECT_EQ(valid_username(c.in), c.ok) << c.in;
  }
}

}  // namespace kehu::users
