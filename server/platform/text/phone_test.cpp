#include "platform/text/phone.hpp"

#include <gtest/gtest.h>

namespace kehu::text {
namespace {

struct Case {
  const char* input;
  const char* region;  // default region
  const char* e164;    // nullptr: rejected
  Phone::Kind kind;
  const char* parsed_region;
};

constexpr auto kMobile = Phone::Kind::kMobile;
constexpr auto kLandline = Phone::Kind::kLandline;

TEST(ParsePhone, Table) {
  const Case cases[] = {
      // BAD_INPUTS.md
      {"13800138000", "CN", "+8613800138000", kMobile, "CN"},
      {"+86 138-0013-8000", "CN", "+8613800138000", kMobile, "CN"},
      {"010-12345678", "CN", "+861012345678", kLandline, "CN"},
      {"1380013800", "CN", nullptr, kMobile, ""},
      {"23800138000", "CN", nullptr, kMobile, ""},
      {"138abc12345", "CN", nullptr, kMobile, ""},
      // mainland
      {"0086 13800138000", "CN", "+8613800138000", kMobile, "CN"},
      {"(+86) 138.0013.8000", "CN", "+8613800138000", kMobile, "CN"},
      {"19912345678", "CN", "+8619912345678", kMobile, "CN"},
      {"12345678901", "CN", nullptr, kMobile, ""},
      {"8613800138000", "CN", nullptr, kMobile, ""},  // 86 without + or 00
      {"138001380001", "CN", nullptr, kMobile, ""},
      {"0755-1234567", "CN", "+867551234567", kLandline, "CN"},
      {"0755-12345678", "CN", "+8675512345678", kLandline, "CN"},
      {"(020) 8888 6666", "CN", "+862088886666", kLandline, "CN"},
      {"021-1234567", "CN", "+86211234567", kLandline, "CN"},
      {"+86 10 12345678", "CN", "+861012345678", kLandline, "CN"},
      {"+86 (0)755 12345678", "CN", "+8675512345678", kLandline, "CN"},
      {"010-123456", "CN", nullptr, kMobile, ""},     // 6-digit subscriber
      {"010-123456789", "CN", nullptr, kMobile, ""},  // 9
      {"0755-123456", "CN", nullptr, kMobile, ""},
      {"011-12345678", "CN", nullptr, kMobile, ""},   // no area code 011
      {"0012345678", "CN", nullptr, kMobile, ""},
      {"", "CN", nullptr, kMobile, ""},
      {"+", "CN", nullptr, kMobile, ""},
      {"+1 415 555 2671", "CN", nullptr, kMobile, ""},  // unsupported country
      {"138 0013 8000 ext 1", "CN", nullptr, kMobile, ""},
      {"１３８００１３８０００", "CN", nullptr, kMobile, ""},  // fullwidth: caller folds first
      // Hong Kong
      {"+852 5123 4567", "CN", "+85251234567", kMobile, "HK"},
      {"+852 2123 4567", "CN", "+85221234567", kLandline, "HK"},
      {"91234567", "HK", "+85291234567", kMobile, "HK"},
      {"+852 4123 4567", "CN", nullptr, kMobile, ""},
      {"+852 5123 456", "CN", nullptr, kMobile, ""},
      // Macau
      {"+853 6612 3456", "CN", "+85366123456", kMobile, "MO"},
      {"+853 2833 3000", "CN", "+85328333000", kLandline, "MO"},
      {"+853 5612 3456", "CN", nullptr, kMobile, ""},
      // Taiwan
      {"0912-345-678", "TW", "+886912345678", kMobile, "TW"},
      {"+886 912 345 678", "CN", "+886912345678", kMobile, "TW"},
      {"+886 0912 345 678", "CN", "+886912345678", kMobile, "TW"},
      {"02-2345-6789", "TW", "+886223456789", kLandline, "TW"},
      {"04-2345678", "TW", "+88642345678", kLandline, "TW"},
      {"0912-345-67", "TW", nullptr, kMobile, ""},
      {"01-2345678", "TW", nullptr, kMobile, ""},
      {"13800138000", "XX", nullptr, kMobile, ""},
  };
  for (const auto& c : cases) {
    const auto r = parse_phone(c.input, c.region);
    if (c.e164 == nullptr) {
      ASSERT_FALSE(r.ok()) << c.input << " → " << r->e164;
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
      EXPECT_EQ(r.error().message, "phone.invalid");
      continue;
    }
    ASSERT_TRUE(r.ok()) << c.input;
    EXPECT_EQ(r->e164, c.e164) << c.input;
    EXPECT_EQ(r->kind, c.kind) << c.input;
    EXPECT_EQ(r->region, c.parsed_region) << c.input;
  }
}

TEST(ParsePhone, DefaultRegionIsCn) {
  const auto r = parse_phone("13800138000");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->region, "CN");
}

TEST(MaskPhone, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"+8613800138000", "+86 138****8000"},
      {"+861012345678", "+86 10****5678"},
      {"+886912345678", "+886 9****5678"},
      {"+85251234567", "+852 ****4567"},
      {"+85366123456", "+853 ****3456"},
      {"+14155552671", "+141****2671"},
      {"+86123", "+86 **3"},  // malformed: at most half shown
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(mask_phone(in), want) << in;
}

}  // namespace
}  // namespace kehu::text
