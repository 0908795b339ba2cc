#include "platform/text/pinyin.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace kehu::text {
namespace {

bool has(const std::vector<std::string_view>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Readings, Primary) {
  const std::pair<char32_t, const char*> cases[] = {
      {U'张', "zhang"}, {U'伟', "wei"}, {U'广', "guang"}, {U'绿', "lv"}, {U'女', "nv"},
      {U'略', "lve"},   {U'庆', "qing"}, {U'重', "zhong"}, {U'州', "zhou"}, {U'廣', "guang"},
      {U'張', "zhang"}, {0x3400, "qiu"},  // Extension A
  };
  for (const auto& [cp, want] : cases) EXPECT_EQ(primary_reading(cp), want) << std::hex << static_cast<unsigned>(cp);
}

TEST(Readings, AllAndCommon) {
  EXPECT_TRUE(has(readings(U'重'), "chong"));
  EXPECT_TRUE(has(readings(U'行'), "hang"));
  EXPECT_TRUE(has(readings(U'乐'), "yue"));
  EXPECT_TRUE(has(readings(U'单'), "shan"));
  const auto common = common_readings(U'重');
  ASSERT_EQ(common.size(), 2u);
  EXPECT_EQ(common[0], "zhong");
  EXPECT_EQ(common[1], "chong");
  EXPECT_EQ(common_readings(U'张').size(), 1u);
  // No duplicates, all lower-case ASCII.
  for (char32_t cp : std::u32string(U"重行乐单长绿广张")) {
    const auto& r = readings(cp);
    for (std::size_t i = 0; i < r.size(); ++i) {
      EXPECT_EQ(std::count(r.begin(), r.end(), r[i]), 1);
      for (char c : r[i]) EXPECT_TRUE(c >= 'a' && c <= 'z');
    }
  }
}

TEST(Readings, EmptyForNonHan) {
  for (char32_t cp : {U'a', U'1', U'。', U'あ', U'😀', char32_t{0}, char32_t{0x10FFFF}}) {
    EXPECT_TRUE(readings(cp).empty()) << std::hex << static_cast<unsigned>(cp);
    EXPECT_TRUE(common_readings(cp).empty());
    EXPECT_EQ(primary_reading(cp), "");
  }
}

TEST(Readings, Name) {
  std::string s;
  for (char32_t cp : std::u32string(U"张伟")) s.append(primary_reading(cp)).push_back(' ');
  EXPECT_EQ(s, "zhang wei ");
}

TEST(SurnameReading, Table) {
  const std::pair<char32_t, const char*> cases[] = {
      {U'单', "shan"}, {U'曾', "zeng"}, {U'覃', "qin"},   {U'区', "ou"},  {U'仇', "qiu"},
      {U'解', "xie"},  {U'查', "zha"},  {U'盖', "ge"},    {U'朴', "piao"}, {U'翟', "zhai"},
      {U'乐', "yue"},  {U'华', "hua"},  {U'种', "chong"}, {U'秘', "bi"},  {U'缪', "miao"},
      {U'折', "she"},  {U'那', "na"},   {U'燕', "yan"},   {U'纪', "ji"},  {U'柏', "bai"},
      {U'张', ""},     {U'a', ""},
  };
  for (const auto& [cp, want] : cases) EXPECT_EQ(surname_reading(cp), want) << std::hex << static_cast<unsigned>(cp);
}

TEST(CompoundSurname, Table) {
  const auto yuchi = compound_surname(U"尉迟恭");
  EXPECT_EQ(yuchi.first, "yu");
  EXPECT_EQ(yuchi.second, "chi");
  EXPECT_EQ(compound_surname(U"长孙无忌").first, "zhang");
  EXPECT_EQ(compound_surname(U"万俟").second, "qi");
  EXPECT_EQ(compound_surname(U"欧阳修").first, "ou");
  EXPECT_TRUE(compound_surname(U"张伟").first.empty());
  EXPECT_TRUE(compound_surname(U"尉").first.empty());
}

}  // namespace
}  // namespace kehu::text
