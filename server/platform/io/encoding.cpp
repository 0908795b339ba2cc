// ICU seam: charset detection (ucsdet) and conversion (ucnv). Nothing else includes ICU.
#include "platform/io/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "platform/io/csv.hpp"

namespace kehu::io {
namespace {

constexpr std::size_t kDetectSample = 1 << 20;

// Offset of the first byte that breaks strict UTF-8 (no overlongs, surrogates or values
// above U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
    else if (b0 == 0xE0) len = 3, lo = 0xA0;
    else if (b0 == 0xED) len = 3, hi = 0x9F;
    else if (b0 >= 0xE1 && b0 <= 0xEF) len = 3;
    else if (b0 == 0xF0) len = 4, lo = 0x90;
    else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
    else if (b0 == 0xF4) len = 4, hi = 0x8F;
    else return i;
    if (i + len > n) return i;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

DecodeError error_at(std::string_view bytes, std::size_t offset) {
  // Line feeds are single 0x0A bytes in all three encodings (never a trail byte).
  return {offset, 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'))};
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  return c;
}

// Strict conversion of `bytes` from `charset` to UTF-8; false with the offset of the
// first bad byte when a sequence is invalid or unassigned.
bool convert(std::string_view bytes, const char* charset, std::string& out, std::size_t& bad_offset) {
  Converter from = open_converter(charset);
  Converter to = open_converter("UTF-8");
  if (!from || !to) throw std::runtime_error(std::string("ICU converter unavailable: ") + charset);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  // Double-byte characters become at most 3 UTF-8 bytes, four-byte GB18030 ones 4.
  out.assign(bytes.size() * 3 / 2 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  err = U_ZERO_ERROR;
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), pivot,
                 &pivot_source, &pivot_target, pivot + 4096, true, true, &err);
  if (U_FAILURE(err)) {
    // The source pointer stops after the offending sequence; ask the converter how long it was.
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(from.get(), invalid, &len, &e2);
    const auto consumed = static_cast<std::size_t>(source - bytes.data());
    bad_offset = consumed >= static_cast<std::size_t>(std::max<int8_t>(len, 0)) ? consumed - static_cast<std::size_t>(std::max<int8_t>(len, 0)) : 0;
    out.clear();
    return false;
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return true;
}

// The first MiB, cut after a line feed so no character is cut in two.
std::string_view sample_of(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kDetectSample);
  if (sample.size() < bytes.size()) {
    const auto nl = sample.rfind('\n');
    if (nl != std::string_view::npos) sample = sample.substr(0, nl + 1);
  }
  return sample;
}

// ICU's confidence (0–100) for GB18030 and Big5 on a sample of the bytes.
std::pair<int, int> icu_confidence(std::string_view sample) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* d = ucsdet_open(&err);
  if (U_FAILURE(err)) return {0, 0};
  ucsdet_setText(d, sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(d, &found, &err);
  int gb = 0, big5 = 0;
  for (int32_t i = 0; U_SUCCESS(err) && i < found; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const std::string name = ucsdet_getName(matches[i], &e);
    const int conf = ucsdet_getConfidence(matches[i], &e);
    if (name == "GB18030") gb = std::max(gb, conf);
    else if (name == "Big5") big5 = std::max(big5, conf);
  }
  ucsdet_close(d);
  return {gb, big5};
}

}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kGb18030: return "gb18030";
    case Encoding::kBig5: return "big5";
  }
  return "utf-8";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string n;
  for (char c : name) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::kGb18030;
  if (n == "big5" || n == "cp950" || n == "big5-hkscs") return Encoding::kBig5;
  return std::nullopt;
}

Detection detect_encoding(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) return {Encoding::kUtf8, true};
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF" ||
      bytes.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4))
    return {std::nullopt, false};
  if (first_invalid_utf8(bytes) == std::string_view::npos) return {Encoding::kUtf8, false};
  const auto sample = sample_of(bytes);
  const auto [gb, big5] = icu_confidence(sample);
  if (big5 > gb) return {Encoding::kBig5, false};
  if (gb > big5) return {Encoding::kGb18030, false};
  // No opinion: Big5 only when it decodes the sample and GB18030 does not (GB18030 decodes
  // nearly any byte sequence, so its success says little).
  std::string out;
  std::size_t bad = 0;
  if (!convert(sample, "GB18030", out, bad) && convert(sample, "windows-950", out, bad)) return {Encoding::kBig5, false};
  return {Encoding::kGb18030, false};
}

Decoded to_utf8(std::string_view bytes, Encoding from) {
  Decoded d;
  if (from == Encoding::kUtf8) {
    std::size_t skip = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0;
    const auto bad = first_invalid_utf8(bytes.substr(skip));
    if (bad != std::string_view::npos) {
      d.error = error_at(bytes, skip + bad);
      return d;
    }
    d.text.assign(bytes.substr(skip));
    return d;
  }
  std::size_t bad = 0;
  if (from == Encoding::kGb18030) {
    if (!convert(bytes, "GB18030", d.text, bad)) d.error = error_at(bytes, bad);
    return d;
  }
  if (convert(bytes, "windows-950", d.text, bad)) return d;
  std::size_t bad_hk = 0;
  if (convert(bytes, "Big5-HKSCS", d.text, bad_hk)) return d;
  d.error = error_at(bytes, std::max(bad, bad_hk));
  return d;
}

}  // namespace kehu::io
