#include "platform/text/fold.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace kehu::text {
namespace {

TEST(Fold, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"廣州", "广州"},
      {"臺灣", "台湾"},
      {"台灣", "台湾"},
      {"有限責任公司", "有限责任公司"},
      {"廣州張偉貿易有限責任公司", "广州张伟贸易有限责任公司"},
      {"香港銅鑼灣", "香港铜锣湾"},
      {"ＡＢＣ１２３！", "abc123!"},
      {"Zhang WEI", "zhang wei"},
      {"  张伟 \t 贸易\n", "张伟 贸易"},
      {"张伟\xE3\x80\x80贸易", "张伟 贸易"},
      {"a\xE2\x80\x8B" "b", "ab"},  // zero-width space dropped
      {"广州市", "广州市"},
      {"", ""},
      {"   ", ""},
      {"Robert'); DROP TABLE customers;--", "robert'); drop table customers;--"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(fold(in), want) << in;
}

TEST(Fold, IsIdempotent) {
  for (const char* s : {"廣州張偉", "ＡＢＣ　ｄｅｆ", "臺灣 Co., Ltd."}) {
    EXPECT_EQ(fold(fold(s)), fold(s)) << s;
  }
}

TEST(ToSimplified, Table) {
  EXPECT_EQ(to_simplified("臺灣 ABC"), "台湾 ABC");
  EXPECT_EQ(to_simplified("plain"), "plain");
}

TEST(Fold, ConcurrentUse) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 200; ++i) ok[t] += fold("廣州張偉貿易有限責任公司") == "广州张伟贸易有限责任公司";
    });
  }
  for (auto& th : threads) th.join();
  for (int v : ok) EXPECT_EQ(v, 200);
}

}  // namespace
}  // namespace kehu::text
