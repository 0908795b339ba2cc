#include "platform/text/credit_code.hpp"

#include <array>

namespace kehu::text {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::array<int, 17> kIdWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheck = "10X98765432";

int credit_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const auto at = kCharset.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool valid_date(int y, int m, int d) {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

CreditCodeCheck check_credit_code(std::string_view code) {
  if (code.size() != 18) return CreditCodeCheck::kBadFormat;
  int sum = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    const int v = credit_value(code[i]);
    if (v < 0) return CreditCodeCheck::kBadFormat;
    if (i < 17) sum += v * kCreditWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return credit_value(code[17]) == check ? CreditCodeCheck::kValid
                                         : CreditCodeCheck::kBadCheckDigit;
}

bool check_resident_id(std::string_view id) {
  if (id.size() != 18 || id[0] == '0') return false;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(id[i])) return false;
    sum += (id[i] - '0') * kIdWeights[i];
  }
  const char last = id[17] == 'x' ? 'X' : id[17];
  if (last != kIdCheck[static_cast<std::size_t>(sum % 11)]) return false;
  return valid_date(number(id.substr(6, 4)), number(id.substr(10, 2)), number(id.substr(12, 2)));
}

bool check_tw_business_no(std::string_view no) {
  constexpr std::array<int, 8> kWeights = {1, 2, 1, 2, 1, 2, 4, 1};
  if (no.size() != 8) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    if (!is_digit(no[i])) return false;
    const int p = (no[i] - '0') * kWeights[i];
    const int digit_sum = p / 10 + p % 10;
    sum += digit_sum >= 10 ? digit_sum / 10 + digit_sum % 10 : digit_sum;
  }
  // 7th digit 7: 7·4 = 28 → 2+8 = 10 → 1 (as summed above) or 0.
  return sum % 5 == 0 || (no[6] == '7' && (sum - 1) % 5 == 0);
}

}  // namespace kehu::text
