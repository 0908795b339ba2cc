// The search/compare key of a text (ECOSYSTEM.md "simplified/traditional"): the same
// name typed in fullwidth, upper case, traditional characters or with extra spaces
// folds to the same string.
#pragma once
#include <string>
#include <string_view>

namespace kehu::text {

// fold(s): fullwidth ASCII (U+FF01–FF5E) → ASCII, U+3000 and other spaces → ' ', ASCII
// lower case, traditional → simplified Chinese (OpenCC hk2s, then tw2s), white-space runs
// collapsed to one space, trimmed. Input must be valid UTF-8. Thread-safe; the OpenCC
// converters are created once per process, and skipped for text without CJK characters.
// Examples: "廣州 ＡＢＣ" → "广州 abc", "臺灣" → "台湾".
std::string fold(std::string_view s);

// Only the traditional → simplified step (hk2s then tw2s), for callers that already
// normalised the rest.
std::string to_simplified(std::string_view s);

}  // namespace kehu::text
