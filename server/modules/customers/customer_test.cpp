#include "modules/customers/customer.hpp"

#include <gtest/gtest.h>

namespace kehu::customers {

TEST(CustomerInput, CreateNeedsANameAndNormalisesValues) {
  auto bad = read_customer_input(nlohmann::json::object(), InputMode::kCreate, auth::Role::kAccountManager);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.error().fields.count("name"));

  auto ok = read_customer_input(
      nlohmann::json{{"name", " 广州市张伟贸易有限公司 "}, {"credit_code", "91350100m000100y43"},
                     {"contacts", {{{"name", "张伟"}, {"mobile", "+86 138-0013-8000"}}}}},
      InputMode::kCreate, auth::Role::kAccountManager);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(*ok->name.value, "广州市张伟贸易有限公司");
  EXPECT_EQ(*ok->credit_code.value, "91350100M000100Y43");
  ASSERT_EQ(ok->contacts.size(), 1u);
  EXPECT_EQ(*ok->contacts[0].mobile, "+8613800138000");
}

TEST(CustomerInput, AccountManagersCannotChooseTheOwner) {
  auto r = read_customer_input({{"name", "甲"}, {"owner_id", 3}}, InputMode::kCreate, auth::Role::kAccountManager);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnknownField);
  EXPECT_TRUE(read_customer_input({{"name", "甲"}, {"owner_id", 3}}, InputMode::kCreate, auth::Role::kManager).ok());
}

TEST(CustomerInput, WrongCheckDigitIsAWarningUntilConfirmed) {
  auto r = read_customer_input({{"name", "甲"}, {"credit_code", "91350100M000100Y44"}}, InputMode::kCreate,
                               auth::Role::kDirector);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  EXPECT_TRUE(r.error().details["warnings"].contains("credit_code"));
  EXPECT_TRUE(read_customer_input({{"name", "甲"}, {"credit_code", "91350100M000100Y44"}, {"confirm_warnings", true}},
                                  InputMode::kCreate, auth::Role::kDirector)
                  .ok());
}

TEST(CustomerInput, BadValuesNameTheirField) {
  struct Case {
    nlohmann::json body;
    const char* field;
  };
  for (const auto& c : std::vector<Case>{
           {{{"name", "甲"}, {"website", "javascript:alert(1)"}}, "website"},
           {{{"name", "甲"}, {"credit_limit", -1}}, "credit_limit"},
           {{{"name", "甲"}, {"credit_limit", "100"}}, "credit_limit"},
           {{{"name", "甲"}, {"credit_limit", 10.5}}, "credit_limit"},
           {{{"name", "甲"}, {"cooperation_start", "2023-02-30"}}, "cooperation_start"},
           {{{"name", "甲"}, {"grade", "D"}}, "grade"},
           {{{"name", {"a"}}}, "name"},
           {{{"name", "甲"}, {"contacts", {{{"name", "乙"}, {"mobile", "1380013800"}}}}}, "contacts[0].mobile"},
           {{{"name", "甲"}, {"contacts", {{{"name", "乙"}, {"email", "a..b@x.com"}}}}}, "contacts[0].email"},
           {{{"name", "甲"}, {"contacts", {{{"name", "乙"}, {"birthday", {{"calendar", "solar"}, {"date", "1899-12-31"}}}}}}},
            "contacts[0].birthday"},
       }) {
    auto r = read_customer_input(c.body, InputMode::kCreate, auth::Role::kDirector);
    ASSERT_FALSE(r.ok()) << c.body.dump();
    EXPECT_TRUE(r.error().fields.count(c.field)) << c.body.dump();
  }
}

TEST(CustomerInput, UpdateNeedsVersionAndKeepsAbsentFields) {
  EXPECT_FALSE(read_customer_input({{"grade", "A"}}, InputMode::kUpdate, auth::Role::kDirector).ok());
  auto in = read_customer_input({{"grade", "A"}, {"notes", nullptr}, {"version", 3}}, InputMode::kUpdate, auth::Role::kDirector);
  ASSERT_TRUE(in.ok());
  Customer c;
  c.name = "甲";
  c.grade = "B";
  c.notes = "old";
  c.address = "keep";
  apply(*in, c);
  EXPECT_EQ(*c.grade, "A");
  EXPECT_FALSE(c.notes);
  EXPECT_EQ(*c.address, "keep");
  EXPECT_EQ(c.name, "甲");
}

TEST(Masking, PersonalDataHiddenForRolesWithoutNeed) {
  Contact k;
  k.name = "张伟";
  k.mobile = "+8613800138000";
  k.email = "zhangwei@example.cn";
  k.family = "两个孩子";
  k.birthday = Birthday{false, clock::Date{1980, 5, 4}};
  auto masked = to_json(k, Personal::kMask);
  EXPECT_EQ(masked["mobile"].get<std::string>().find("13800138000"), std::string::npos);
  EXPECT_NE(masked["mobile"].get<std::string>().find("****"), std::string::npos);
  EXPECT_TRUE(masked["birthday"].is_null());
  EXPECT_TRUE(masked["family"].is_null());
  EXPECT_EQ(masked["email"].get<std::string>().find("zhangwei"), std::string::npos);
  auto shown = to_json(k, Personal::kShow);
  EXPECT_EQ(shown["mobile"], "+8613800138000");
  EXPECT_EQ(shown["birthday"]["date"], "1980-05-04");
}

}  // namespace kehu::customers
