// Sort keys for names in pinyin order (the zh-CN convention): 安 < 白 < 张 < 赵, and
// Latin names among them by their letters. Stored beside the name so SQL can ORDER BY it.
#pragma once
#include <string>
#include <string_view>

namespace kehu::text {

// fold(name), each CJK character replaced by its primary toneless reading followed by a
// space, other characters lower-cased: "张伟 Ltd" -> "zhang wei ltd".
std::string pinyin_sort_key(std::string_view name);

}  // namespace kehu::text
