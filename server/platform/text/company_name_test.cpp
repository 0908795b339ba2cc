#include "platform/text/company_name.hpp"

#include <gtest/gtest.h>

namespace kehu::text {
namespace {

struct Case {
  const char* name;
  const char* key;
};

TEST(CompanyNameKey, Table) {
  const Case cases[] = {
      {"广州张伟贸易有限公司", "广州张伟贸易"},
      {"廣州張偉貿易有限責任公司", "广州张伟贸易"},
      {"广州 张伟贸易 有限公司", "广州张伟贸易"},
      {"广州张伟贸易（集团）有限公司", "广州张伟贸易"},
      {"广州张伟贸易集团有限公司", "广州张伟贸易"},
      {"广州张伟贸易股份有限公司", "广州张伟贸易"},
      {"广州张伟贸易有限公司深圳分公司", "广州张伟贸易有限公司深圳分公司"},
      {"广州张伟贸易公司", "广州张伟贸易"},
      {"深圳·明华，科技、有限公司", "深圳明华科技"},
      {"北京某某投资中心（有限合伙）", "北京某某投资中心"},
      {"有限公司", "有限公司"},
      {"公司", "公司"},
      {"ACME Co., Ltd.", "acme"},
      {"Acme Co Ltd", "acme"},
      {"ACME COMPANY LIMITED", "acme"},
      {"Acme Limited", "acme"},
      {"Acme, Inc.", "acme"},
      {"Acme Corp.", "acme"},
      {"Acme Corporation", "acme"},
      {"Acme LLC", "acme"},
      {"Ａｃｍｅ　Ｉｎｃ", "acme"},
      {"Zinc", "zinc"},
      {"Zinc Inc", "zinc"},
      {"Ltd", "ltd"},
      {"Acme Holdings Ltd", "acmeholdings"},
      {"张伟贸易 Co., Ltd.", "张伟贸易"},
      {"张伟贸易有限公司 Co Ltd", "张伟贸易"},
      {"  ", ""},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(company_name_key(c.name), c.key) << c.name;
}

}  // namespace
}  // namespace kehu::text
