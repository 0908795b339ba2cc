#include "platform/io/encoding.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kehu::io {
namespace {

// A small customer file as Excel writes it in three code pages. The GB18030 and Big5 bytes
// were produced with `iconv -t GB18030` / `iconv -t BIG5` from the UTF-8 text.
const std::string kUtf8 = "客户名称,类型,省份,城市,联系人,手机\r\n广州蓝鲸润滑油有限公司,企业,广东省,广州市,张伟,13800138000\r\n";
const std::string kUtf8Traditional =
    "客戶名稱,類型,省份,城市,聯絡人,手機\r\n臺北藍鯨潤滑油股份有限公司,公司,台灣,台北市,陳志明,0912345678\r\n"
    "高雄興業機械有限公司,公司,台灣,高雄市,林淑芬,0922333444\r\n";

std::string from_hex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

// iconv -f UTF-8 -t GB18030 of kUtf8.
const std::string kGb = from_hex(
    "bfcdbba7c3fbb3c62cc0e0d0cd2ccaa1b7dd2cb3c7cad02cc1aacfb5c8cb2ccad6bbfa0d0ab9e3d6ddc0b6bea8c8f3bb"
    "acd3cdd3d0cfdeb9abcbbe2cc6f3d2b52cb9e3b6abcaa12cb9e3d6ddcad02cd5c5ceb02c31333830303133383030300d"
    "0a");
// iconv -f UTF-8 -t BIG5 of kUtf8Traditional.
const std::string kBig5 = from_hex(
    "abc8a4e1a657bad92cc3feabac2cacd9a5f72cabb0a5ab2cc170b5b8a4482ca4e2bef70d0abb4fa55fc2c5c448bcedb7"
    "c6aa6faad1a5f7a6b3adada4bda5712ca4bda5712ca578c6572ca578a55fa5ab2cb3afa7d3a9fa2c3039313233343536"
    "37380d0ab0aab6afbfb3b77ebef7b1f1a6b3adada4bda5712ca4bda5712ca578c6572cb0aab6afa5ab2caa4cb251aae2"
    "2c303932323333333434340d0a");

TEST(Encoding, Names) {
  EXPECT_EQ(parse_encoding("UTF-8"), Encoding::kUtf8);
  EXPECT_EQ(parse_encoding("gbk"), Encoding::kGb18030);
  EXPECT_EQ(parse_encoding("Big5"), Encoding::kBig5);
  EXPECT_EQ(parse_encoding("latin1"), std::nullopt);
  EXPECT_EQ(encoding_name(Encoding::kGb18030), "gb18030");
}

TEST(Encoding, DetectsBomAndStrictUtf8) {
  EXPECT_EQ(detect_encoding(kUtf8).encoding, Encoding::kUtf8);
  auto bom = detect_encoding("\xEF\xBB\xBF" + kUtf8);
  EXPECT_EQ(bom.encoding, Encoding::kUtf8);
  EXPECT_TRUE(bom.bom);
  EXPECT_EQ(detect_encoding("plain ascii,1\r\n").encoding, Encoding::kUtf8);
  EXPECT_EQ(detect_encoding(std::string("\xFF\xFE" "a\0", 4)).encoding, std::nullopt);  // UTF-16 LE
}

TEST(Encoding, DetectsGb18030AndBig5) {
  EXPECT_EQ(detect_encoding(kGb).encoding, Encoding::kGb18030);
  EXPECT_EQ(detect_encoding(kBig5).encoding, Encoding::kBig5);
}

TEST(Encoding, ConvertsToUtf8) {
  auto gb = to_utf8(kGb, Encoding::kGb18030);
  ASSERT_FALSE(gb.error);
  EXPECT_EQ(gb.text, kUtf8);
  auto big5 = to_utf8(kBig5, Encoding::kBig5);
  ASSERT_FALSE(big5.error);
  EXPECT_EQ(big5.text, kUtf8Traditional);
  auto bom = to_utf8("\xEF\xBB\xBF" + kUtf8, Encoding::kUtf8);
  EXPECT_EQ(bom.text, kUtf8);
}

TEST(Encoding, ReportsTheLineOfTheFirstBadByte) {
  // GB18030 bytes read as UTF-8: the first Chinese byte on line 1 is invalid.
  auto wrong = to_utf8(kGb, Encoding::kUtf8);
  ASSERT_TRUE(wrong.error);
  EXPECT_EQ(wrong.error->offset, 0u);
  EXPECT_EQ(wrong.error->line, 1u);
  auto later = to_utf8("a,b\r\nc,d\r\ne,\xC3\x28\r\n", Encoding::kUtf8);
  ASSERT_TRUE(later.error);
  EXPECT_EQ(later.error->line, 3u);
  EXPECT_EQ(later.error->offset, 12u);
  // A lone lead byte at the end is not a Big5 character.
  auto big5 = to_utf8("a,b\r\nc,\xA4", Encoding::kBig5);
  ASSERT_TRUE(big5.error);
  EXPECT_EQ(big5.error->line, 2u);
}

TEST(Encoding, RejectsOverlongsAndSurrogatesInUtf8) {
  EXPECT_TRUE(to_utf8("\xC0\xAF", Encoding::kUtf8).error);
  EXPECT_TRUE(to_utf8("\xED\xA0\x80", Encoding::kUtf8).error);
  EXPECT_TRUE(to_utf8("\xF4\x90\x80\x80", Encoding::kUtf8).error);
  EXPECT_FALSE(to_utf8("\xF0\x9F\x98\x80", Encoding::kUtf8).error);
}

}  // namespace
}  // namespace kehu::io
