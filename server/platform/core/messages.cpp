#include "platform/core/messages.hpp"

#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace kehu::messages {
namespace {

struct Catalogue {
  std::shared_mutex mutex;
  std::unordered_map<std::string, Text> texts;
};

Catalogue& catalogue() {
  static Catalogue c;
  return c;
}

std::string substitute(std::string text, const std::map<std::string, std::string>& args) {
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size())) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace

void add(std::string key, Text text) {
  auto& c = catalogue();
  std::unique_lock lock(c.mutex);
  c.texts.insert_or_assign(std::move(key), std::move(text));
}

std::string translate(std::string_view key, Lang lang, const std::map<std::string, std::string>& args) {
  auto& c = catalogue();
  std::shared_lock lock(c.mutex);
  auto it = c.texts.find(std::string(key));
  if (it == c.texts.end()) return std::string(key);
  const Text& t = it->second;
  switch (lang) {
    case Lang::kZhCN: return substitute(t.zh_cn, args);
    case Lang::kZhTW: return substitute(t.zh_tw, args);
    case Lang::kEn: return substitute(t.en, args);
  }
  return std::string(key);
}

Lang from_accept_language(std::string_view header) {
  // The first language we know wins; q-values are rarely used by browsers for order.
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(pos, end - pos);
    if (auto semi = item.find(';'); semi != std::string_view::npos) item = item.substr(0, semi);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    std::string lower;
    for (char ch : item) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    if (lower == "zh-tw" || lower == "zh-hk" || lower == "zh-mo" || lower == "zh-hant" ||
        lower.rfind("zh-hant", 0) == 0)
      return Lang::kZhTW;
    if (lower.rfind("zh", 0) == 0) return Lang::kZhCN;
    if (lower.rfind("en", 0) == 0) return Lang::kEn;
    pos = end + 1;
  }
  return Lang::kZhCN;
}

}  // namespace kehu::messages
