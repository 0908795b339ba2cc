#include "platform/text/phone.hpp"

#include <algorithm>
#include <array>

namespace kehu::text {
namespace {

struct Region {
  std::string_view code;
  std::string_view country_code;
};
// Longest country code first, so 852 is not read as 85.
constexpr std::array<Region, 4> kRegions = {{
    {"HK", "852"}, {"MO", "853"}, {"TW", "886"}, {"CN", "86"},
}};

Error invalid() { return Error(ErrorCode::kValidationFailed, "phone.invalid"); }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

Phone make(const Region& r, std::string_view nsn, Phone::Kind kind) {
  Phone p;
  p.e164.reserve(1 + r.country_code.size() + nsn.size());
  p.e164.append("+").append(r.country_code).append(nsn);
  p.kind = kind;
  p.region = std::string(r.code);
  return p;
}

// `national` is the number as dialled inside the region (with the trunk 0 in CN/TW).
Result<Phone> parse_national(const Region& r, std::string_view national) {
  const std::size_t n = national.size();
  if (r.code == "CN") {
    if (n == 11 && national[0] == '1' && national[1] >= '3' && national[1] <= '9') {
      return make(r, national, Phone::Kind::kMobile);
    }
    if (n < 2 || national[0] != '0' || national[1] == '0') return invalid();
    std::size_t area = 4;  // with the 0
    if (national[1] == '1') {
      if (national[2] != '0') return invalid();  // 010 is the only area code 01X
      area = 3;
    } else if (national[1] == '2') {
      area = 3;
    }
    const std::size_t subscriber = n - area;
    if (n <= area || subscriber < 7 || subscriber > 8) return invalid();
    return make(r, national.substr(1), Phone::Kind::kLandline);
  }
  if (r.code == "HK") {
    if (n != 8) return invalid();
    switch (national[0]) {
      case '2': case '3': return make(r, national, Phone::Kind::kLandline);
      case '5': case '6': case '7': case '9': return make(r, national, Phone::Kind::kMobile);
      default: return invalid();
    }
  }
  if (r.code == "MO") {
    if (n != 8) return invalid();
    switch (national[0]) {
      case '6': return make(r, national, Phone::Kind::kMobile);
      case '2': case '8': return make(r, national, Phone::Kind::kLandline);
      default: return invalid();
    }
  }
  // TW
  if (n < 2 || national[0] != '0') return invalid();
  if (national[1] == '9') {
    if (n != 10) return invalid();
    return make(r, national.substr(1), Phone::Kind::kMobile);
  }
  if (national[1] < '2' || national[1] > '8' || n < 9 || n > 10) return invalid();
  return make(r, national.substr(1), Phone::Kind::kLandline);
}

const Region* region_by_code(std::string_view code) {
  for (const auto& r : kRegions) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

}  // namespace

Result<Phone> parse_phone(std::string_view input, std::string_view default_region) {
  std::string s;
  s.reserve(input.size());
  for (char c : input) {
    if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    s.push_back(c);
  }
  bool international = false;
  std::string_view digits = s;
  if (digits.starts_with('+')) {
    international = true;
    digits.remove_prefix(1);
  } else if (digits.starts_with("00")) {
    international = true;
    digits.remove_prefix(2);
  }
  if (!all_digits(digits) || digits.size() > 15) return invalid();
  if (!international) {
    const Region* r = region_by_code(default_region);
    if (r == nullptr) return invalid();
    return parse_national(*r, digits);
  }
  for (const Region& r : kRegions) {
    if (!digits.starts_with(r.country_code)) continue;
    std::string_view nsn = digits.substr(r.country_code.size());
    if (r.code == "HK" || r.code == "MO") return parse_national(r, nsn);
    if (nsn.starts_with('0')) nsn.remove_prefix(1);  // "+86 (0)10 ..."
    if (r.code == "CN" && nsn.size() == 11 && nsn[0] == '1') return parse_national(r, nsn);
    std::string national = "0";
    national.append(nsn);
    return parse_national(r, national);
  }
  return invalid();
}

std::string mask_phone(std::string_view e164) {
  std::string_view digits = e164;
  if (digits.starts_with('+')) digits.remove_prefix(1);
  std::string_view cc;
  for (const auto& r : kRegions) {
    if (digits.starts_with(r.country_code)) {
      cc = r.country_code;
      break;
    }
  }
  const std::string_view nsn = digits.substr(cc.size());
  const std::size_t n = nsn.size();
  const std::size_t tail = n >= 8 ? 4 : n / 2;
  const std::size_t head = n >= tail + 4 ? std::min<std::size_t>(3, n - tail - 4) : 0;
  std::string out;
  if (!cc.empty()) {
    out.append("+").append(cc).append(" ");
  } else if (e164.starts_with('+')) {
    out.push_back('+');
  }
  out.append(nsn.substr(0, head));
  out.append(n - head - tail, '*');
  out.append(nsn.substr(n - tail));
  return out;
}

}  // namespace kehu::text
