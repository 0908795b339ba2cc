// The character encodings of spreadsheet files from mainland China, Taiwan and Hong Kong
// (ECOSYSTEM.md "CSV import"): Excel saves "CSV" in the system code page — GB18030/GBK on
// the mainland, Big5 (code page 950) in Taiwan and Hong Kong — unless the user picks
// "CSV UTF-8". ICU is the library behind this seam; only encoding.cpp includes it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kehu::io {

enum class Encoding { kUtf8, kGb18030, kBig5 };

// "utf-8", "gb18030", "big5".
std::string_view encoding_name(Encoding e);
// Those names, case-insensitively, and the common aliases (utf8, gbk, gb2312, cp936,
// cp950, big5-hkscs); nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);

struct Detection {
  std::optional<Encoding> encoding;  // nullopt: UTF-16/32 (a BOM says so), which are not supported
  bool bom = false;                  // a UTF-8 BOM starts the bytes
};

// A UTF-8 BOM → UTF-8; a UTF-16/32 BOM → unsupported; bytes that are strictly valid UTF-8
// → UTF-8; otherwise GB18030 or Big5, whichever ICU's statistical detector rates higher on
// the first MiB (GB18030 when it has no opinion on either: it decodes any byte sequence
// Big5 does, so GB18030 is the safe fallback only when Big5 does not fit better).
Detection detect_encoding(std::string_view bytes);

struct DecodeError {
  std::size_t offset = 0;  // byte offset of the first byte that is not valid in the encoding
  std::size_t line = 0;    // 1-based line of that byte
};

// The bytes as UTF-8, without a leading BOM. Big5 is read as code page 950 (Big5 with
// Microsoft's extensions, what Windows writes), falling back to Big5-HKSCS for the
// Hong Kong characters. Sequences that are invalid or unassigned stop the conversion.
struct Decoded {
  std::string text;
  std::optional<DecodeError> error;
};
Decoded to_utf8(std::string_view bytes, Encoding from);

}  // namespace kehu::io
