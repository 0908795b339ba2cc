#include "platform/audit/audit.hpp"

#include <gtest/gtest.h>

namespace kehu::audit {

TEST(AuditDiff, ListsOnlyChangedFields) {
  auto d = diff({{"name", "A"}, {"grade", "B"}, {"tags", {"x"}}}, {{"name", "A"}, {"grade", "A"}, {"notes", "n"}});
  EXPECT_EQ(d.size(), 3u);
  EXPECT_EQ(d["grade"]["from"], "B");
  EXPECT_EQ(d["grade"]["to"], "A");
  EXPECT_TRUE(d["tags"]["to"].is_null());
  EXPECT_TRUE(d["notes"]["from"].is_null());
  EXPECT_FALSE(d.contains("name"));
}

TEST(AuditMask, HidesPersonalDataOnly) {
  auto m = mask_personal({{"mobile", {{"from", nullptr}, {"to", "+8613800138000"}}},
                          {"email", {{"from", "a@b.cn"}, {"to", "c@d.cn"}}},
                          {"grade", {{"from", "B"}, {"to", "A"}}},
                          {"family", "两个孩子"}});
  EXPECT_TRUE(m["mobile"]["from"].is_null());
  EXPECT_EQ(m["mobile"]["to"].get<std::string>().find("13800138000"), std::string::npos);
  EXPECT_NE(m["mobile"]["to"].get<std::string>().find("****"), std::string::npos);
  EXPECT_EQ(m["email"]["to"], "******");
  EXPECT_EQ(m["grade"]["to"], "A");
  EXPECT_EQ(m["family"], "******");
}

}  // namespace kehu::audit
