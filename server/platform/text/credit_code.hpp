// Check digits of Chinese organisation and person identifiers (ECOSYSTEM.md "company and
// person ids"). A wrong credit-code check digit is a warning the user may override; a
// wrong resident ID is rejected — callers decide, these functions only check.
#pragma once
#include <string_view>

namespace kehu::text {

enum class CreditCodeCheck { kValid, kBadFormat, kBadCheckDigit };

// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
// 0123456789ABCDEFGHJKLMNPQRTUWXY (no I, O, Z, S, V); lower case is accepted. The last is
// the check character: 31 − (Σ value·weight mod 31), 31 → 0, weights
// 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28. Example: 91350100M000100Y43.
CreditCodeCheck check_credit_code(std::string_view code);

// Resident identity card number (居民身份证号码, GB 11643-1999): 17 digits (6 area, 8 birth
// date YYYYMMDD, 3 sequence) + a check character 0–9 or X (x accepted), MOD 11-2. The
// birth date must be a real date from 1900-01-01 through 2099-12-31, and the area must
// not start with 0.
bool check_resident_id(std::string_view id);

// Taiwan business administration number (統一編號): 8 digits, weights 1,2,1,2,1,2,4,1, the
// digit sums of the products add up to a multiple of 5 (the Ministry of Finance rule since
// 2023; every number valid under the old multiple-of-10 rule stays valid); when the 7th
// digit is 7 its product 28 counts as either 1 or 0.
bool check_tw_business_no(std::string_view no);

}  // namespace kehu::text
