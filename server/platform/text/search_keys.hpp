// The Chinese-aware customer search index (ECOSYSTEM.md "Chinese substring search",
// "pinyin search"). The index is an SQLite FTS5 column using the default unicode61
// tokenizer; this file pre-tokenises: the indexed text is a list of tokens joined by
// single spaces, and queries are FTS5 MATCH expressions over those tokens.
//
// Tokens of a name (after fold()):
//   - every CJK unigram and bigram (张, 伟, 张伟 ...): queries of 1 or 2 Han characters
//     match one token, longer ones AND their bigrams;
//   - for each start position of a CJK run, the toneless pinyin of the rest of the run
//     (zhangweimaoyi...) and its initials (zwmy...), so a prefix query ("zhangw"*, "zw"*)
//     finds a syllable sequence anywhere in the name. Runs are capped at 30 characters for
//     this and tokens at 60 bytes. Besides the primary reading, the other common reading
//     (kMandarin/kHanyuPinlu) of the first two characters of each suffix is emitted too
//     (重庆 → chongqing, 银行 → yinhang); deeper polyphony is not indexed. The first
//     character(s) of a name also get the surname reading (单 → shan, 尉迟 → yuchi);
//   - every Latin/digit (or other letter-script) word.
// Tokens of numbers (phones in E.164) and codes: every suffix of 3+ digits/letters, so a
// prefix query finds any fragment of 3+ characters. Phones are indexed with their country
// code and, for CN/TW, in the national form with the trunk 0 (010..., 0912...).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehu::text {

struct SearchSource {
  std::vector<std::string> names{};    // customer name, short name, contact names
  std::vector<std::string> numbers{};  // phone numbers, E.164 preferred (+8613800138000)
  std::vector<std::string> codes{};    // credit codes, tax numbers
};

// The text to store in the FTS5 column: distinct tokens separated by single spaces.
// Contains only letters, digits and CJK characters besides the separators.
std::string build_index_text(const SearchSource& source);

// The FTS5 MATCH expression for a search box text, or nullopt when nothing searchable
// remains (the caller returns no rows). Parts are AND-ed: a CJK run of 1–2 characters is
// one quoted token, a longer run the AND of its quoted bigrams; a word becomes a quoted
// prefix ("zhangw"*). A query that looks_like_digits is one digit prefix with separators
// and a leading 00 removed. Every token is double-quoted and holds only letters, digits
// and CJK, so no user text can form FTS5 syntax (", *, NEAR, OR, parentheses ...).
// At most 32 parts are used.
std::optional<std::string> build_match_query(std::string_view q);

// True when `q` is a phone-number-like fragment: digits with optional spaces, '+', '-',
// '.', parentheses, and at least one digit.
bool looks_like_digits(std::string_view q);

}  // namespace kehu::text
