// Duplicate detection for organisations: two spellings of one company name map to the
// same key (simplified/traditional, spaces, punctuation, legal-form suffix).
#pragma once
#include <string>
#include <string_view>

namespace kehu::text {

// company_name_key(name): fold(name); punctuation (ASCII and CJK: （）·，、. etc.) and
// spaces dropped; trailing legal forms stripped repeatedly — 股份有限公司, 有限责任公司,
// 集团有限公司, 有限公司, 有限合伙, 普通合伙, 股份公司, 集团, 公司 (but 分公司 is kept: a
// branch is its own customer), and the English words co ltd, co., ltd., company limited,
// limited, ltd, inc, incorporated, corp, corporation, llc (only as whole words: "Zinc"
// keeps its "inc"). A suffix is never stripped when nothing would remain.
// 广州张伟贸易有限公司, 廣州張偉貿易有限責任公司, "广州 张伟贸易 有限公司" → 广州张伟贸易.
std::string company_name_key(std::string_view name);

}  // namespace kehu::text
