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

}  // namespace kehu::audit
