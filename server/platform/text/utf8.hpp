// UTF-8 helpers for user text: validation, decoding, code-point counts, the control and
// bidi checks of BAD_INPUTS.md, CJK classification and Unicode-aware trimming.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace kehu::text {

// True when `s` is well-formed UTF-8: no overlong forms, no surrogates (U+D800–DFFF),
// nothing above U+10FFFF, no truncated sequences. NUL bytes are valid UTF-8 (reject them
// with has_control_or_bidi).
bool valid_utf8(std::string_view s);

// Decodes the code point at byte offset `i` and advances `i` past it. A malformed
// sequence yields U+FFFD and advances one byte, so loops always terminate.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Code points of `s`. Meant for valid UTF-8; an invalid byte decodes to U+FFFD (never UB).
std::u32string decode(std::string_view s);

// Appends the UTF-8 form of `cp` (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);
std::string encode(std::u32string_view s);

// Number of code points (the unit of BAD_INPUTS.md's length limits). For valid UTF-8.
std::size_t code_points(std::string_view s);

enum class Newlines { kReject, kAllow };

// True when `s` holds a C0 control (U+0000–001F), DEL, a C1 control (U+0080–009F), a
// line/paragraph separator (U+2028/2029), or a bidi control (U+200E/200F LRM/RLM, U+061C
// ALM, U+202A–202E embeddings/overrides, U+2066–2069 isolates). With Newlines::kAllow
// (notes fields) \t, \n and \r — and U+2028/2029 — are allowed. For valid UTF-8.
bool has_control_or_bidi(std::string_view s, Newlines newlines = Newlines::kReject);

// CJK Unified Ideographs (U+4E00–9FFF), Extension A (U+3400–4DBF), the compatibility
// block (U+F900–FAFF), and the supplementary-plane extensions B–I and compatibility
// supplement (U+20000–323AF), which rare name characters use.
bool is_cjk(char32_t cp);

// White space: ASCII (space, \t, \n, \v, \f, \r), U+0085, U+00A0, U+1680, U+2000–200B,
// U+2028/2029, U+202F, U+205F, U+3000 and U+FEFF.
bool is_space(char32_t cp);

// A character that SQLite FTS5's unicode61 tokenizer keeps inside a token (letters,
// digits, CJK). Approximate for the non-ASCII, non-CJK range: known punctuation, symbol,
// space and emoji blocks are excluded; everything else counts as a letter.
bool is_word_char(char32_t cp);

// `s` without leading and trailing white space (is_space). For valid UTF-8.
std::string trim(std::string_view s);

}  // namespace kehu::text
