#include "platform/text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kehu::text {
namespace {

TEST(ValidUtf8, Table) {
  const std::pair<std::string, bool> cases[] = {
      {"", true},
      {"hello", true},
      {"张伟", true},
      {"\xF0\x9F\x98\x80", true},          // U+1F600
      {"\xF4\x8F\xBF\xBF", true},          // U+10FFFF
      {"\xEF\xBF\xBD", true},              // a real U+FFFD
      {std::string("a\0b", 3), true},      // NUL is valid UTF-8
      {"\xC3\x28", false},                 // BAD_INPUTS.md
      {"\xC0\xAF", false},                 // overlong '/'
      {"\xE0\x80\xAF", false},             // overlong
      {"\xF0\x80\x80\xAF", false},         // overlong
      {"\xED\xA0\x80", false},             // U+D800 surrogate
      {"\xED\xBF\xBF", false},             // U+DFFF
      {"\xF4\x90\x80\x80", false},         // U+110000
      {"\xF8\x88\x80\x80\x80", false},     // 5-byte form
      {"\xE5\xBC", false},                 // truncated 张
      {"\x80", false},                     // lone continuation
      {"\xFF", false},
  };
  for (const auto& [s, want] : cases) EXPECT_EQ(valid_utf8(s), want) << testing::PrintToString(s);
}

TEST(DecodeEncode, RoundTrip) {
  const std::string samples[] = {"", "abc", "张伟", "廣州 ＡＢＣ", "\xF0\xA0\xAE\xB7", "é€😀"};
  for (const auto& s : samples) EXPECT_EQ(encode(decode(s)), s) << s;
  EXPECT_EQ(decode("张a😀"), (std::u32string{U'张', U'a', U'😀'}));
  EXPECT_EQ(decode("\xC3\x28"), (std::u32string{0xFFFD, U'('}));  // never UB on bad input
  EXPECT_EQ(encode(std::u32string{0xD800, 0x110000}), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(CodePoints, Table) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("张伟"), 2u);
  EXPECT_EQ(code_points("a😀张"), 3u);
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "张";
  EXPECT_EQ(code_points(hundred), 100u);
}

TEST(HasControlOrBidi, Table) {
  struct Case {
    std::string s;
    bool single_line;  // expected with Newlines::kReject
    bool notes;        // expected with Newlines::kAllow
  };
  const Case cases[] = {
      {"张伟 Zhang", false, false},
      {std::string("a\0b", 3), true, true},
      {"a\tb", true, false},
      {"a\nb", true, false},
      {"a\r\nb", true, false},
      {"a\x01", true, true},
      {"a\x1F", true, true},
      {"a\x7F", true, true},
      {"a\xC2\x85", true, true},           // U+0085 NEL (C1)
      {"a\xC2\x9F", true, true},           // U+009F
      {"a\xC2\xA0", false, false},         // NBSP is not a control
      {"a\xE2\x80\xAE", true, true},       // U+202E RLO
      {"a\xE2\x80\xAA", true, true},       // U+202A LRE
      {"a\xE2\x81\xA6", true, true},       // U+2066 LRI
      {"a\xE2\x81\xA9", true, true},       // U+2069 PDI
      {"a\xE2\x80\x8E", true, true},       // U+200E LRM
      {"a\xE2\x80\x8F", true, true},       // U+200F RLM
      {"a\xD8\x9C", true, true},           // U+061C ALM
      {"a\xE2\x80\xA8", true, false},      // U+2028 line separator
      {"a\xE2\x80\x8B", false, false},     // ZWSP: not a control
  };
  for (const auto& c : cases) {
    EXPECT_EQ(has_control_or_bidi(c.s), c.single_line) << testing::PrintToString(c.s);
    EXPECT_EQ(has_control_or_bidi(c.s, Newlines::kAllow), c.notes) << testing::PrintToString(c.s);
  }
}

TEST(IsCjk, Table) {
  const std::pair<char32_t, bool> cases[] = {
      {U'张', true},   {U'龥', true},   {0x4E00, true},  {0x9FFF, true},  {0x3400, true},
      {0x4DBF, true},  {0xF900, true},  {0xFAFF, true},  {0x20BB7, true}, {U'a', false},
      {U'。', false},  {U'、', false},  {0x3000, false}, {U'あ', false},  {U'한', false},
      {0xFF21, false}, {0x33FF, false}, {0xA000, false},
  };
  for (const auto& [cp, want] : cases) EXPECT_EQ(is_cjk(cp), want) << std::hex << static_cast<unsigned>(cp);
}

TEST(IsWordChar, Table) {
  const std::pair<char32_t, bool> cases[] = {
      {U'a', true},  {U'Z', true},  {U'0', true},  {U'张', true},  {U'é', true},
      {U'あ', true}, {U'한', true}, {U'Ж', true},  {U'_', false},  {U'%', false},
      {U'"', false}, {U'*', false}, {U'(', false}, {U'·', false},  {U'。', false},
      {U'，', false}, {U'（', false}, {U'「', false}, {U'★', false}, {U'😀', false},
      {U'—', false}, {0x3000, false},
  };
  for (const auto& [cp, want] : cases) EXPECT_EQ(is_word_char(cp), want) << std::hex << static_cast<unsigned>(cp);
}

TEST(Trim, Table) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"   ", ""},
      {"  张伟  ", "张伟"},
      {"\t\r\nabc\n", "abc"},
      {"\xE3\x80\x80张伟\xE3\x80\x80", "张伟"},          // U+3000
      {"\xC2\xA0" "a b\xE2\x80\x83", "a b"},               // NBSP, EM SPACE
      {"\xEF\xBB\xBF" "abc", "abc"},                         // BOM
      {"张\xE3\x80\x80伟", "张\xE3\x80\x80伟"},           // inner space kept
      {"\xE5\xBC\xA0", "张"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(trim(in), want) << in;
}

}  // namespace
}  // namespace kehu::text
