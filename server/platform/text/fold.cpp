#include "platform/text/fold.hpp"

#include <opencc/opencc.h>

#include "platform/text/utf8.hpp"

namespace kehu::text {
namespace {

// OpenCC's SimpleConverter::Convert is const and keeps no per-call state, so one
// instance per config serves all threads. Loading a config reads its dictionaries
// (tens of ms), hence the function-local statics (initialised once, thread-safely).
const opencc::SimpleConverter& hk2s() {
  static const opencc::SimpleConverter converter("hk2s.json");
  return converter;
}
const opencc::SimpleConverter& tw2s() {
  static const opencc::SimpleConverter converter("tw2s.json");
  return converter;
}

// OpenCC only changes Han characters (and a few CJK symbols); text without any code
// point from U+2E80 up skips it. Any byte >= 0xE2 starts such a code point.
bool may_need_opencc(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0xE2) return true;
  }
  return false;
}

}  // namespace

std::string to_simplified(std::string_view s) {
  std::string in(s);
  if (!may_need_opencc(in)) return in;
  return tw2s().Convert(hk2s().Convert(in));
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = next_code_point(s, i);
    if (cp == 0x200B || cp == 0xFEFF) continue;  // invisible: neither a letter nor a gap
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp = cp - 0xFF01 + 0x21;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    append_utf8(out, cp);
  }
  if (!may_need_opencc(out)) return out;
  return tw2s().Convert(hk2s().Convert(out));
}

}  // namespace kehu::text
