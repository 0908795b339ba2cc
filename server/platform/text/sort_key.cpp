#include "platform/text/sort_key.hpp"

#include "platform/text/fold.hpp"
#include "platform/text/pinyin.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::text {

std::string pinyin_sort_key(std::string_view name) {
  const std::u32string u = decode(fold(name));
  std::string out;
  out.reserve(u.size() * 5);
  for (char32_t c : u) {
    if (is_cjk(c)) {
      auto r = primary_reading(c);
      if (!r.empty()) {
        out.append(r);
        out.push_back(' ');
        continue;
      }
    }
    if (c == U' ' && (out.empty() || out.back() == ' ')) continue;
    append_utf8(out, c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace kehu::text
