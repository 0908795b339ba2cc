#include "platform/text/fold.hpp"

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/opencc.h>

#include <cstdint>
#include <unordered_set>
#include <vector>

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

// OpenCC only changes text where one of its dictionary keys occurs (it matches keys
// forward from every position), so text in which no key of the hk2s and tw2s chains
// occurs comes out unchanged and skips it. That is most simplified text: OpenCC costs
// 10–20 µs per company name, this check about 1 µs. Keys by their first code point.
struct Keys {
  std::unordered_set<std::string> keys;
  std::vector<std::uint32_t> lengths;  // per code point: bit n set when a key of n+1 bytes starts with it
};

const Keys& dictionary_keys() {
  static const Keys k = [] {
    Keys out;
    out.lengths.assign(0x110000, 0);
    for (const char* file : {"hk2s.json", "tw2s.json"}) {
      opencc::Config config;
      auto converter = config.NewFromFile(file);
      for (const auto& conversion : converter->GetConversionChain()->GetConversions()) {
        auto lexicon = conversion->GetDict()->GetLexicon();
        for (const auto& entry : *lexicon) {
          std::string key = entry->Key();
          if (key.empty()) continue;
          std::size_t i = 0;
          const char32_t first = next_code_point(key, i);
          // Keys longer than 32 bytes (rare long phrases) mark every length: always convert.
          out.lengths[first] |= key.size() <= 32 ? (1u << (key.size() - 1)) : 0xFFFFFFFFu;
          out.keys.insert(std::move(key));
        }
      }
    }
    return out;
  }();
  return k;
}

bool may_need_opencc(std::string_view s) {
  const Keys& k = dictionary_keys();
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    const std::uint32_t lengths = k.lengths[next_code_point(s, i)];
    if (!lengths) continue;
    if (lengths == 0xFFFFFFFFu) return true;
    for (std::size_t n = 1; n <= 32 && at + n <= s.size(); ++n)
      if ((lengths >> (n - 1)) & 1u && k.keys.count(std::string(s.substr(at, n)))) return true;
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
