// Phone numbers of mainland China, Hong Kong, Macau and Taiwan, stored as E.164.
#pragma once
#include <string>
#include <string_view>

#include "platform/core/result.hpp"

namespace kehu::text {

struct Phone {
  enum class Kind { kMobile, kLandline };
  std::string e164;    // "+8613800138000"
  Kind kind = Kind::kMobile;
  std::string region;  // "CN", "HK", "MO", "TW"
};

// parse_phone(input, default_region): spaces, dashes, dots and parentheses are ignored.
// An international prefix is "+" or "00" followed by 86, 852, 853 or 886 (a bare "86..."
// is read as a national number). Without one, `default_region` ("CN", "HK", "MO", "TW")
// says how to read the number. Accepted:
//   CN mobile    1[3-9] + 9 digits                     13800138000 → +8613800138000
//   CN landline  0 + area code + 7–8 digit subscriber; area codes 010 and 02X have 3
//                digits (with the 0), all others 4   010-12345678 → +861012345678
//   HK           8 digits starting 2,3 (landline) or 5,6,7,9 (mobile)
//   MO           8 digits starting 6 (mobile) or 2, 8 (landline)
//   TW           mobile 09 + 8 digits (0912-345-678 → +886912345678); landline 0[2-8]
//                + 7–8 digits
// After +86 / +886 a redundant trunk 0 ("+86 (0)10 ...") is tolerated.
// Anything else: Error(kValidationFailed, "phone.invalid").
Result<Phone> parse_phone(std::string_view input, std::string_view default_region = "CN");

// For display to users who may not see the full number: the country code, then the
// national number with all but its first 3 and last 4 digits masked
// ("+8613800138000" → "+86 138****8000"). At least 4 digits are always masked, so short
// numbers show fewer leading digits ("+85251234567" → "+852 ****4567"); of fewer than 8
// digits at most the last half is shown. Input: E.164.
std::string mask_phone(std::string_view e164);

}  // namespace kehu::text
