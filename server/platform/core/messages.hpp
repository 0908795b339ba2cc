// Message catalogue: a key -> text in zh-CN, zh-TW and en. Platform registers the generic
// keys; each module registers its own at start-up. Messages may contain {name} placeholders.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace kehu::messages {

enum class Lang { kZhCN, kZhTW, kEn };

struct Text {
  std::string zh_cn;
  std::string zh_tw;
  std::string en;
};

void add(std::string key, Text text);
// Unknown keys come back as the key itself.
std::string translate(std::string_view key, Lang lang,
                      const std::map<std::string, std::string>& args = {});
// From an Accept-Language header; zh-CN when nothing matches.
Lang from_accept_language(std::string_view header);

}  // namespace kehu::messages
