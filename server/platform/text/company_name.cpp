#include "platform/text/company_name.hpp"

#include <array>
#include <vector>

#include "platform/text/fold.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::text {
namespace {

// Longest first, so 股份有限公司 wins over 有限公司.
constexpr std::array<std::u32string_view, 9> kCjkSuffixes = {
    U"股份有限公司", U"有限责任公司", U"集团有限公司", U"有限公司", U"有限合伙",
    U"普通合伙",     U"股份公司",     U"集团",         U"公司",
};

// Word sequences, longest first.
constexpr std::array<std::array<std::u32string_view, 2>, 10> kLatinSuffixes = {{
    {U"company", U"limited"},
    {U"co", U"ltd"},
    {U"co", U"limited"},
    {U"corporation", U""},
    {U"incorporated", U""},
    {U"limited", U""},
    {U"corp", U""},
    {U"ltd", U""},
    {U"inc", U""},
    {U"llc", U""},
}};

bool is_latin_word_char(char32_t c) { return is_word_char(c) && !is_cjk(c); }

// Units: each CJK character is one unit, each Latin word is one unit; punctuation and
// spaces only separate words.
struct Unit {
  std::u32string_view text;
  bool cjk;
};

std::vector<Unit> units_of(std::u32string_view u) {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < u.size();) {
    std::size_t j = i + 1;
    if (is_cjk(u[i])) {
      out.push_back({u.substr(i, 1), true});
    } else if (is_word_char(u[i])) {
      while (j < u.size() && is_latin_word_char(u[j])) ++j;
      out.push_back({u.substr(i, j - i), false});
    }
    i = j;
  }
  return out;
}

// Number of trailing units forming a legal-form suffix, or 0.
std::size_t suffix_units(const std::vector<Unit>& units) {
  const std::size_t n = units.size();
  for (const auto& words : kLatinSuffixes) {
    const std::size_t k = words[1].empty() ? 1 : 2;
    if (n < k) continue;
    bool match = true;
    for (std::size_t w = 0; w < k && match; ++w) {
      match = !units[n - k + w].cjk && units[n - k + w].text == words[w];
    }
    if (match) return n == k ? 0 : k;  // the whole name: keep it
  }
  for (std::u32string_view suffix : kCjkSuffixes) {
    const std::size_t k = suffix.size();
    if (n < k) continue;
    bool match = true;
    for (std::size_t c = 0; c < k && match; ++c) {
      match = units[n - k + c].cjk && units[n - k + c].text[0] == suffix[c];
    }
    if (!match) continue;
    if (n == k) return 0;  // the whole name: keep it
    if (suffix == U"公司" && units[n - k - 1].cjk && units[n - k - 1].text[0] == U'分') {
      return 0;  // 分公司: a branch
    }
    return k;
  }
  return 0;
}

}  // namespace

std::string company_name_key(std::string_view name) {
  const std::u32string u = decode(fold(name));
  std::vector<Unit> units = units_of(u);
  while (const std::size_t k = suffix_units(units)) units.resize(units.size() - k);
  std::string out;
  out.reserve(name.size());
  for (const auto& unit : units) {
    for (char32_t c : unit.text) append_utf8(out, c);
  }
  return out;
}

}  // namespace kehu::text
