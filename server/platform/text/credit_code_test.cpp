#include "platform/text/credit_code.hpp"

#include <gtest/gtest.h>

namespace kehu::text {
namespace {

TEST(CheckCreditCode, Table) {
  const std::pair<const char*, CreditCodeCheck> cases[] = {
      {"91350100M000100Y43", CreditCodeCheck::kValid},
      {"91350100m000100y43", CreditCodeCheck::kValid},  // upper-cased first
      {"91110000100000000R", CreditCodeCheck::kValid},
      {"12100000400000624D", CreditCodeCheck::kValid},
      {"91310000MA1FL3L2XR", CreditCodeCheck::kValid},
      {"91350100M000100Y44", CreditCodeCheck::kBadCheckDigit},
      {"91110000100000000Q", CreditCodeCheck::kBadCheckDigit},
      {"12100000400000624C", CreditCodeCheck::kBadCheckDigit},
      {"91350100M000100Y4", CreditCodeCheck::kBadFormat},    // 17 characters
      {"91350100M000100Y433", CreditCodeCheck::kBadFormat},  // 19
      {"91350100I000100Y43", CreditCodeCheck::kBadFormat},   // I is not in the charset
      {"91350100O000100Y43", CreditCodeCheck::kBadFormat},
      {"9135010-M000100Y43", CreditCodeCheck::kBadFormat},
      {"", CreditCodeCheck::kBadFormat},
  };
  for (const auto& [code, want] : cases) EXPECT_EQ(check_credit_code(code), want) << code;
}

TEST(CheckResidentId, Table) {
  const std::pair<const char*, bool> cases[] = {
      {"11010519491231002X", true},  // GB 11643's own example
      {"11010519491231002x", true},
      {"440304199003071248", true},
      {"310115198506150014", true},
      {"110101202402290032", true},   // 2024-02-29
      {"110105194912310021", false},  // wrong check digit
      {"440304199003071249", false},
      {"110101202302290035", false},  // 2023-02-29; check digit right
      {"110101199013010012", false},  // month 13
      {"11010118991231001X", false},  // before 1900
      {"010105194912310026", false},  // area starts with 0
      {"11010519491231002", false},
      {"1101051949123100AX", false},
      {"", false},
  };
  for (const auto& [id, want] : cases) EXPECT_EQ(check_resident_id(id), want) << id;
}

TEST(CheckTwBusinessNo, Table) {
  const std::pair<const char*, bool> cases[] = {
      {"22099131", true},   // TSMC
      {"04595257", true},
      {"10458575", true},   // 7th digit 7: sum 21, counts as 20
      {"12345671", true},   // 7th digit 7: sum 26, counts as 25
      {"12345670", true},   // sum 25: valid only under the multiple-of-5 rule (2023)
      {"22099132", false},
      {"12345678", false},
      {"1234567", false},
      {"123456789", false},
      {"1234567a", false},
      {"", false},
  };
  for (const auto& [no, want] : cases) EXPECT_EQ(check_tw_business_no(no), want) << no;
}

}  // namespace
}  // namespace kehu::text
