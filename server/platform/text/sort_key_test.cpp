#include "platform/text/sort_key.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace kehu::text {

TEST(SortKey, PinyinOrder) {
  EXPECT_EQ(pinyin_sort_key("张伟 Ltd"), "zhang wei ltd");
  EXPECT_EQ(pinyin_sort_key("廣州"), "guang zhou");
  std::vector<std::string> names = {"赵六", "安徽润滑油", "Acme", "白云", "张三", "北京"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return pinyin_sort_key(a) < pinyin_sort_key(b); });
  EXPECT_EQ(names, (std::vector<std::string>{"Acme", "安徽润滑油", "白云", "北京", "张三", "赵六"}));
}

}  // namespace kehu::text
