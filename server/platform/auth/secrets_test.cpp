#include "platform/auth/secrets.hpp"

#include <gtest/gtest.h>

namespace kehu::auth {

TEST(Secrets, PasswordHashIsArgon2idAndVerifies) {
  init_crypto();
  auto h = hash_password("correct horse");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "correct horse"));
  EXPECT_FALSE(verify_password(h, "correct horsE"));
  EXPECT_NE(hash_password("correct horse"), h);  // salted
}

TEST(Secrets, TokensAreRandomAndDigestsStable) {
  init_crypto();
  auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), token_digest(b));
  EXPECT_EQ(token_digest(a).size(), 64u);
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_EQ(random_password().size(), 16u);
}

}  // namespace kehu::auth
