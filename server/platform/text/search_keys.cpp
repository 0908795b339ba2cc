#include "platform/text/search_keys.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "platform/text/fold.hpp"
#include "platform/text/pinyin.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::text {
namespace {

constexpr std::size_t kPinyinRunCap = 30;
constexpr std::size_t kPinyinTokenCap = 60;
constexpr std::size_t kMinFragment = 3;
constexpr std::size_t kMaxQueryParts = 32;

// Tokens appended to one buffer; deduplicated once at the end. Reused per thread so a
// bulk generator does not allocate per call beyond the result.
class Tokens {
 public:
  void clear() {
    buf_.clear();
    spans_.clear();
  }
  void add(std::string_view t) {
    if (t.empty()) return;
    spans_.emplace_back(static_cast<std::uint32_t>(buf_.size()),
                        static_cast<std::uint32_t>(t.size()));
    buf_.append(t);
  }
  void add(std::u32string_view t) {
    const std::size_t start = buf_.size();
    for (char32_t c : t) append_utf8(buf_, c);
    if (buf_.size() > start) {
      spans_.emplace_back(static_cast<std::uint32_t>(start),
                          static_cast<std::uint32_t>(buf_.size() - start));
    }
  }
  std::string join() {
    auto view = [this](const Span& s) { return std::string_view(buf_).substr(s.first, s.second); };
    std::sort(spans_.begin(), spans_.end(),
              [&](const Span& a, const Span& b) { return view(a) < view(b); });
    spans_.erase(std::unique(spans_.begin(), spans_.end(),
                             [&](const Span& a, const Span& b) { return view(a) == view(b); }),
                 spans_.end());
    std::string out;
    out.reserve(buf_.size() + spans_.size());
    for (const auto& s : spans_) {
      if (!out.empty()) out.push_back(' ');
      out.append(view(s));
    }
    return out;
  }

 private:
  using Span = std::pair<std::uint32_t, std::uint32_t>;
  std::string buf_;
  std::vector<Span> spans_;
};

// Pinyin suffix tokens of a CJK run, starting at `i`, with syllable `override_at` replaced
// by `override` (when override_at < syl.size()).
void add_pinyin_suffix(Tokens& out, const std::vector<std::string_view>& syl, std::size_t i,
                       std::size_t override_at, std::string_view override,
                       std::string& full, std::string& initials) {
  full.clear();
  initials.clear();
  for (std::size_t k = i; k < syl.size(); ++k) {
    const std::string_view s = k == override_at ? override : syl[k];
    if (s.empty() || full.size() + s.size() > kPinyinTokenCap) break;
    full.append(s);
    initials.push_back(s.front());
  }
  out.add(std::string_view(full));
  out.add(std::string_view(initials));
}

void add_cjk_run(Tokens& out, std::u32string_view run, bool name_start) {
  for (std::size_t i = 0; i < run.size(); ++i) {
    out.add(run.substr(i, 1));
    if (i + 1 < run.size()) out.add(run.substr(i, 2));
  }
  thread_local std::vector<std::string_view> syl;
  thread_local std::string full, initials, surname_full;
  const std::u32string_view capped = run.substr(0, kPinyinRunCap);
  syl.clear();
  for (char32_t c : capped) syl.push_back(primary_reading(c));

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < syl.size(); ++i) {
    if (syl[i].empty()) continue;
    add_pinyin_suffix(out, syl, i, kNone, {}, full, initials);
    // The other common readings of the suffix's first two characters.
    for (std::size_t j = i; j < std::min(i + 2, syl.size()) && !syl[j].empty(); ++j) {
      const auto common = common_readings(capped[j]);
      for (std::size_t r = 1; r < common.size(); ++r) {
        add_pinyin_suffix(out, syl, i, j, common[r], full, initials);
      }
    }
  }
  // Company names start with a place: 深圳市张伟… is also found as "szzw" / "shenzhenzhangwei",
  // i.e. without the administrative suffix (省 市 区 县) people skip when they type.
  for (std::size_t k = 1; k < std::min<std::size_t>(4, syl.size()); ++k) {
    const char32_t c = capped[k];
    if (c != U'省' && c != U'市' && c != U'区' && c != U'县') continue;
    thread_local std::vector<std::string_view> skipped;
    skipped.assign(syl.begin(), syl.end());
    skipped.erase(skipped.begin() + static_cast<long>(k));
    if (!skipped[0].empty()) add_pinyin_suffix(out, skipped, 0, kNone, {}, full, initials);
    break;
  }
  if (!name_start || syl.empty() || syl[0].empty()) return;
  // People's names: the surname reading of the first character(s).
  const CompoundSurname compound = compound_surname(capped);
  if (!compound.first.empty() && syl.size() >= 2) {
    const std::string_view saved0 = syl[0], saved1 = syl[1];
    syl[0] = compound.first;
    syl[1] = compound.second;
    if (syl[0] != saved0 || syl[1] != saved1) {
      add_pinyin_suffix(out, syl, 0, kNone, {}, full, initials);
    }
    syl[0] = saved0;
    syl[1] = saved1;
    return;
  }
  const std::string_view surname = surname_reading(capped[0]);
  if (!surname.empty() && surname != syl[0]) {
    add_pinyin_suffix(out, syl, 0, 0, surname, full, initials);
  }
}

void add_name(Tokens& out, std::string_view name) {
  const std::u32string u = decode(fold(name));
  bool first_cjk_run = true;
  for (std::size_t i = 0; i < u.size();) {
    const char32_t c = u[i];
    std::size_t j = i + 1;
    if (is_cjk(c)) {
      while (j < u.size() && is_cjk(u[j])) ++j;
      add_cjk_run(out, std::u32string_view(u).substr(i, j - i), first_cjk_run);
      first_cjk_run = false;
    } else if (is_word_char(c)) {
      while (j < u.size() && is_word_char(u[j]) && !is_cjk(u[j])) ++j;
      out.add(std::u32string_view(u).substr(i, j - i));
    }
    i = j;
  }
}

void add_fragments(Tokens& out, std::string_view s) {
  if (s.size() < kMinFragment) {
    out.add(s);
    return;
  }
  for (std::size_t i = 0; i + kMinFragment <= s.size(); ++i) out.add(s.substr(i));
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (is_ascii_digit(c)) d.push_back(c);
  }
  return d;
}

// Length of the country code at the start of `d` for the regions kehu knows, else 0.
std::size_t country_code_length(std::string_view d) {
  for (std::string_view cc : {"852", "853", "886", "86"}) {
    if (d.starts_with(cc)) return cc.size();
  }
  return 0;
}

void add_number(Tokens& out, std::string_view number) {
  const std::string trimmed = trim(number);
  const std::string d = digits_of(trimmed);
  if (d.empty()) return;
  add_fragments(out, d);
  if (!trimmed.starts_with('+')) return;
  const std::size_t cc = country_code_length(d);
  const std::string_view nsn = std::string_view(d).substr(cc);
  const std::string_view code = std::string_view(d).substr(0, cc);
  // National forms with the trunk 0: CN landlines (010 1234 5678) and Taiwan numbers.
  const bool cn_mobile = nsn.size() == 11 && nsn.starts_with('1');
  if ((code == "86" && !cn_mobile) || code == "886") {
    out.add(std::string("0").append(nsn));
  }
}

void add_code(Tokens& out, std::string_view code) {
  std::string s;
  for (char c : fold(code)) {
    if (is_ascii_digit(c) || (c >= 'a' && c <= 'z')) s.push_back(c);
  }
  add_fragments(out, s);
}

void append_quoted(std::string& out, std::u32string_view token) {
  if (!out.empty()) out.append(" AND ");
  out.push_back('"');
  for (char32_t c : token) append_utf8(out, c);  // only word characters: never a quote
  out.push_back('"');
}

}  // namespace

std::string build_index_text(const SearchSource& source) {
  thread_local Tokens tokens;
  tokens.clear();
  for (const auto& name : source.names) add_name(tokens, name);
  for (const auto& number : source.numbers) add_number(tokens, number);
  for (const auto& code : source.codes) add_code(tokens, code);
  return tokens.join();
}

bool looks_like_digits(std::string_view q) {
  bool digit = false;
  for (char c : q) {
    if (is_ascii_digit(c)) {
      digit = true;
    } else if (c != ' ' && c != '+' && c != '-' && c != '.' && c != '(' && c != ')') {
      return false;
    }
  }
  return digit;
}

std::optional<std::string> build_match_query(std::string_view q) {
  if (looks_like_digits(q)) {
    std::string d = digits_of(q);
    // "0086 138..." is indexed as 86138...; a fragment like "0013" stays as typed.
    if (d.starts_with("00") && d.size() >= 10 && country_code_length(d.substr(2)) > 0) {
      d.erase(0, 2);
    }
    return "\"" + d + "\"*";
  }
  const std::u32string u = decode(fold(q));
  std::string out;
  std::size_t parts = 0;
  std::vector<std::u32string_view> seen;
  auto add = [&](std::u32string_view token, bool prefix) {
    if (parts >= kMaxQueryParts || std::find(seen.begin(), seen.end(), token) != seen.end()) {
      return;
    }
    seen.push_back(token);
    append_quoted(out, token);
    if (prefix) out.push_back('*');
    ++parts;
  };
  const std::u32string_view v(u);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i + 1;
    if (is_cjk(v[i])) {
      while (j < v.size() && is_cjk(v[j])) ++j;
      if (j - i <= 2) {
        add(v.substr(i, j - i), false);
      } else {
        for (std::size_t k = i; k + 1 < j; ++k) add(v.substr(k, 2), false);
      }
    } else if (is_word_char(v[i])) {
      while (j < v.size() && is_word_char(v[j]) && !is_cjk(v[j])) ++j;
      add(v.substr(i, j - i), true);
    }
    i = j;
  }
  if (parts == 0) return std::nullopt;
  return out;
}

}  // namespace kehu::text
