#include "platform/core/messages.hpp"

#include <gtest/gtest.h>

namespace kehu::messages {

TEST(Messages, PicksLanguageFromHeader) {
  EXPECT_EQ(from_accept_language(""), Lang::kZhCN);
  EXPECT_EQ(from_accept_language("en-US,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(from_accept_language("zh-TW"), Lang::kZhTW);
  EXPECT_EQ(from_accept_language("zh-Hant-HK"), Lang::kZhTW);
  EXPECT_EQ(from_accept_language("fr, zh-CN;q=0.5"), Lang::kZhCN);
  EXPECT_EQ(from_accept_language("de"), Lang::kZhCN);
}

TEST(Messages, TranslatesWithArguments) {
  add("test.max", {"最多{max}个字", "最多{max}個字", "at most {max} characters"});
  EXPECT_EQ(translate("test.max", Lang::kEn, {{"max", "100"}}), "at most 100 characters");
  EXPECT_EQ(translate("test.max", Lang::kZhTW, {{"max", "5"}}), "最多5個字");
  EXPECT_EQ(translate("test.unknown", Lang::kEn), "test.unknown");
}

}  // namespace kehu::messages
