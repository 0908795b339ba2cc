#include "modules/customers/import.hpp"

#include <gtest/gtest.h>

#include "modules/customers/customers.hpp"
#include "platform/io/csv.hpp"

namespace kehu::customers {
namespace {

using messages::Lang;

RegionIndex sample_regions() {
  RegionIndex r;
  r.add("440000", "广东省", "廣東省", "Guangdong", "", 1);
  r.add("440100", "广州市", "廣州市", "", "440000", 2);
  r.add("440106", "天河区", "天河區", "", "440100", 3);
  r.add("440300", "深圳市", "深圳市", "", "440000", 2);
  r.add("450000", "广西壮族自治区", "廣西壯族自治區", "Guangxi", "", 1);
  r.add("450100", "南宁市", "南寧市", "", "450000", 2);
  r.add("710000", "台湾省", "臺灣省", "Taiwan", "", 1);
  r.add("710100", "台北市", "臺北市", "", "710000", 2);
  r.add("710107", "信义区", "信義區", "", "710100", 3);
  r.add("110000", "北京市", "北京市", "Beijing", "", 1);
  r.add("110100", "北京市", "北京市", "", "110000", 2);
  r.add("110105", "朝阳区", "朝陽區", "", "110100", 3);
  r.add("220000", "吉林省", "吉林省", "Jilin", "", 1);
  r.add("220200", "吉林市", "吉林市", "", "220000", 2);
  return r;
}

HeaderMap header(std::vector<std::string> h) { return map_header(h); }

TEST(ImportHeader, MapsEnglishAndChineseHeaders) {
  struct Case {
    std::string_view header;
    std::optional<Column> column;
  } cases[] = {
      {"name", Column::kName},          {"客户名称", Column::kName},       {"客戶名稱", Column::kName},
      {"公司名称", Column::kName},      {" Name ", Column::kName},        {"客户名称*", Column::kName},
      {"手机(必填)", Column::kContactMobile}, {"contact_mobile", Column::kContactMobile},
      {"Contact Mobile", Column::kContactMobile}, {"手機", Column::kContactMobile},
      {"统一社会信用代码", Column::kCreditCode}, {"統一社會信用代碼", Column::kCreditCode},
      {"类型", Column::kType},          {"聯絡人", Column::kContactName},  {"E-mail", Column::kContactEmail},
      {"合作開始日期", Column::kCooperationStart}, {"省份", Column::kProvince}, {"區", Column::kDistrict},
      {"备注", Column::kNotes},         {"備註", Column::kNotes},         {"颜色", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(column_for_header(c.header), c.column) << c.header;
}

TEST(ImportHeader, EveryTemplateHeaderMapsBackInEveryLanguage) {
  for (auto lang : {Lang::kZhCN, Lang::kZhTW, Lang::kEn})
    for (std::size_t i = 0; i < kColumnCount; ++i) {
      const auto c = static_cast<Column>(i);
      EXPECT_EQ(column_for_header(header_of(c, lang)), c) << header_of(c, lang);
    }
}

TEST(ImportHeader, ASecondColumnForAFieldAndUnknownHeadersAreUnmapped) {
  auto h = header({"名称", "客户名称", "颜色", "", "手机"});
  EXPECT_EQ(h.index[static_cast<std::size_t>(Column::kName)], 0);
  EXPECT_EQ(h.index[static_cast<std::size_t>(Column::kContactMobile)], 4);
  EXPECT_EQ(h.unmapped, (std::vector<std::string>{"客户名称", "颜色"}));
  EXPECT_FALSE(h.has(Column::kType));
}

TEST(ImportValues, Dates) {
  EXPECT_EQ(normalize_date("2024-03-05"), "2024-03-05");
  EXPECT_EQ(normalize_date("2024/3/5"), "2024-03-05");
  EXPECT_EQ(normalize_date("2024.12.31"), "2024-12-31");
  EXPECT_EQ(normalize_date("2024年3月5日"), "2024-03-05");
  EXPECT_EQ(normalize_date("2024/3/5 0:00"), "2024-03-05");
  EXPECT_EQ(normalize_date(" 2024-3-5 "), "2024-03-05");
  EXPECT_EQ(normalize_date("3/5/2024"), "3/5/2024");   // left for the date check to refuse
  EXPECT_EQ(normalize_date("2024-3-5-"), "2024-3-5-");
  EXPECT_EQ(normalize_date("昨天"), "昨天");
}

TEST(ImportValues, Tags) {
  EXPECT_EQ(split_tags("重点;华南；老客户,VIP，展会、 转介绍 ;;"),
            (std::vector<std::string>{"重点", "华南", "老客户", "VIP", "展会", "转介绍"}));
  EXPECT_TRUE(split_tags(" ; ").empty());
}

TEST(ImportRegions, NamesShortNamesTraditionalEnglishAndCodes) {
  const auto r = sample_regions();
  for (auto [p, c] : {std::pair{"广东省", "广州市"}, {"广东", "广州"}, {"廣東", "廣州市"}, {"Guangdong", "广州市"},
                      {"440000", "440100"}, {"广东省", "440100"}}) {
    auto x = r.resolve(p, c, "");
    EXPECT_TRUE(x.errors.empty()) << p << c;
    EXPECT_EQ(x.province, "440000") << p;
    EXPECT_EQ(x.city, "440100") << c;
  }
  EXPECT_EQ(r.resolve("广西", "南宁", "").city, "450100");
  EXPECT_EQ(r.resolve("台灣", "臺北市", "").city, "710100");  // 台灣 mixes both scripts: folded
  auto d = r.resolve("北京", "北京市", "朝阳区");
  EXPECT_EQ(d.district, "110105");
  // A unique city name brings its province; 吉林 names a province and a city.
  auto city_only = r.resolve("", "深圳市", "");
  EXPECT_EQ(city_only.province, "440000");
  EXPECT_EQ(r.resolve("吉林", "吉林", "").city, "220200");
}

TEST(ImportRegions, UnknownAndInconsistentRegionsNameTheirColumn) {
  const auto r = sample_regions();
  auto unknown = r.resolve("火星省", "", "");
  ASSERT_EQ(unknown.errors.size(), 1u);
  EXPECT_EQ(unknown.errors[0].first, Column::kProvince);
  auto mismatch = r.resolve("广西", "广州市", "");
  ASSERT_EQ(mismatch.errors.size(), 1u);
  EXPECT_EQ(mismatch.errors[0].first, Column::kCity);
  EXPECT_EQ(mismatch.errors[0].second, "customer.import_region_mismatch");
  auto wrong_code = r.resolve("450000", "440100", "");
  EXPECT_EQ(wrong_code.errors.size(), 1u);
  auto district = r.resolve("广东", "深圳", "天河区");
  ASSERT_EQ(district.errors.size(), 1u);
  EXPECT_EQ(district.errors[0].first, Column::kDistrict);
  auto no_city = r.resolve("广东", "", "天河区");
  ASSERT_EQ(no_city.errors.size(), 1u);
  EXPECT_EQ(no_city.errors[0].first, Column::kCity);
}

class ImportRow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { register_messages(); }
  PreparedRow prepare(std::vector<std::string> headers, std::vector<std::string_view> cells,
                      auth::Role role = auth::Role::kAccountManager, DuplicateKey key = DuplicateKey::kName) {
    h_ = map_header(headers);
    return prepare_row(2, cells, h_, regions_, role, key);
  }
  std::vector<std::string> fields(const PreparedRow& p) {
    std::vector<std::string> out;
    for (const auto& e : p.errors) out.push_back(e.field + ":" + e.key.substr(0, e.key.find('|')));
    return out;
  }
  RegionIndex regions_ = sample_regions();
  HeaderMap h_;
};

TEST_F(ImportRow, ReadsLabelsRegionsAndTheContact) {
  auto p = prepare({"客户名称", "类型", "规模", "状态", "等级", "行业", "来源", "省份", "城市", "区县", "标签", "合作开始日期",
                    "联系人", "手机", "生日", "邮箱"},
                   {" 广州蓝鲸润滑油有限公司 ", "企业", "中", "合作中", "a级", "制造业", "展會", "广东", "广州", "天河区",
                    "重点;华南", "2024/3/5", "张伟", "138 0013 8000", "1985-6-18", "ZhangWei@Example.com"},
                   auth::Role::kAccountManager, DuplicateKey::kEmail);
  ASSERT_TRUE(p.errors.empty()) << fields(p)[0];
  EXPECT_EQ(p.customer.name, "广州蓝鲸润滑油有限公司");
  EXPECT_EQ(p.customer.type, "company");
  EXPECT_EQ(p.customer.size, "medium");
  EXPECT_EQ(p.customer.status, "active");
  EXPECT_EQ(p.customer.grade, "A");
  EXPECT_EQ(p.customer.industry, "manufacturing");
  EXPECT_EQ(p.customer.source, "exhibition");
  EXPECT_EQ(p.customer.district_code, "440106");
  EXPECT_EQ(p.customer.tags, (std::vector<std::string>{"重点", "华南"}));
  EXPECT_EQ(clock::format_date(*p.customer.cooperation_start), "2024-03-05");
  ASSERT_TRUE(p.contact);
  EXPECT_TRUE(p.contact->is_primary);
  EXPECT_EQ(p.contact->mobile, "+8613800138000");
  EXPECT_EQ(p.duplicate_value, "zhangwei@example.com");
  EXPECT_EQ(p.name_key, "广州蓝鲸润滑油");
  EXPECT_NE(p.index_text.find("lanjing"), std::string::npos);
  EXPECT_NE(p.index_text.find("zw"), std::string::npos);
  EXPECT_NE(p.index_text.find("38000"), std::string::npos);
}

TEST_F(ImportRow, EmptyCellsAreAbsentAndStatusDefaults) {
  auto p = prepare({"name", "status", "grade", "contact_name"}, {"甲公司", "", " ", ""});
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(p.customer.status, "prospect");
  EXPECT_FALSE(p.customer.grade);
  EXPECT_FALSE(p.contact);
}

TEST_F(ImportRow, ProblemsNameTheirColumns) {
  auto p = prepare({"名称", "类型", "手机", "联系人", "省份", "合作开始日期", "生日"},
                   {"甲", "公司?", "1380013800", "", "火星", "2023-02-30", "2999-01-01"});
  EXPECT_EQ(fields(p), (std::vector<std::string>{"type:customer.import_invalid_choice", "province:customer.import_region_unknown",
                                                 "contact_birthday:contact.birthday_range",
                                                 "contact_mobile:contact.phone_invalid", "contact_name:field.required",
                                                 "cooperation_start:field.invalid_date"}));
  EXPECT_EQ(p.errors[0].file_column, 1);
  EXPECT_EQ(translate_key(p.errors[0].key, Lang::kZhCN), "无效的选项，可选：企业、个人");
  EXPECT_EQ(translate_key(p.errors[0].key, Lang::kEn), "Invalid choice; one of: company, person");
  // A wrong check digit is a warning on create; an import cannot confirm it, so it is a row error.
  EXPECT_EQ(fields(prepare({"名称", "统一社会信用代码"}, {"甲", "91350100M000100Y44"})),
            (std::vector<std::string>{"credit_code:customer.credit_code_check_digit"}));
}

TEST_F(ImportRow, TheSameRulesAsCreate) {
  EXPECT_EQ(fields(prepare({"name"}, {std::string(101, 'x')})), (std::vector<std::string>{"name:field.too_long"}));
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "张";
  EXPECT_TRUE(prepare({"name"}, {hundred}).errors.empty());
  EXPECT_EQ(fields(prepare({"name"}, {hundred + "张"})), (std::vector<std::string>{"name:field.too_long"}));
  EXPECT_EQ(fields(prepare({"name"}, {"a\x01" "b"})), (std::vector<std::string>{"name:field.control_chars"}));
  EXPECT_EQ(fields(prepare({"name", "联系人", "邮箱"}, {"甲", "乙", "a..b@x.com"})),
            (std::vector<std::string>{"contact_email:contact.email_invalid"}));
  EXPECT_EQ(fields(prepare({"name"}, {"=HYPERLINK(\"x\")"})), std::vector<std::string>{});  // stored as text
}

TEST_F(ImportRow, RaggedRows) {
  EXPECT_EQ(fields(prepare({"name", "type"}, {"甲", "企业", "多余"})),
            (std::vector<std::string>{":customer.import_extra_cells"}));
  EXPECT_TRUE(prepare({"name", "type"}, {"甲", "企业", ""}).errors.empty());  // empty trailing cells are harmless
  EXPECT_EQ(fields(prepare({"name", "type"}, {"甲"})), (std::vector<std::string>{":customer.import_missing_cells"}));
}

TEST_F(ImportRow, PeopleHaveNoNameKey) {
  EXPECT_EQ(prepare({"name", "type"}, {"张伟", "个人"}).duplicate_value, "");
  EXPECT_EQ(prepare({"name", "type"}, {"广州张伟贸易有限公司", "company"}).duplicate_value, "广州张伟贸易");
}

TEST_F(ImportRow, MergeFillsEmptyOrOverwrites) {
  Customer existing;
  existing.name = "甲公司";
  existing.status = "active";
  existing.grade = "A";
  auto row = prepare({"name", "grade", "size", "status", "地址"}, {"甲公司（新）", "C", "large", "lost", ""});
  auto filled = merge_customer(existing, row, ImportMode::kFillEmpty);
  EXPECT_EQ(filled.name, "甲公司");
  EXPECT_EQ(filled.grade, "A");
  EXPECT_EQ(filled.size, "large");
  EXPECT_EQ(filled.status, "active");
  auto over = merge_customer(existing, row, ImportMode::kOverwrite);
  EXPECT_EQ(over.name, "甲公司（新）");
  EXPECT_EQ(over.grade, "C");
  EXPECT_EQ(over.status, "lost");
  EXPECT_FALSE(over.address);  // an empty cell never clears
}

TEST(ImportFiles, TemplateImportsInEveryLanguage) {
  register_messages();
  const auto regions = sample_regions();
  for (auto lang : {Lang::kZhCN, Lang::kZhTW, Lang::kEn}) {
    auto csv = import_template(lang, true);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    auto t = io::read_csv(csv);
    ASSERT_EQ(t.records.size(), 2u);
    auto h = map_header(t.records[0]);
    EXPECT_TRUE(h.unmapped.empty());
    std::vector<std::string_view> cells(t.records[1].begin(), t.records[1].end());
    auto p = prepare_row(2, cells, h, regions, auth::Role::kManager, DuplicateKey::kName);
    EXPECT_TRUE(p.errors.empty()) << static_cast<int>(lang) << " " << (p.errors.empty() ? "" : p.errors[0].field);
  }
  EXPECT_EQ(import_template(Lang::kZhCN, false).find("负责人"), std::string::npos);
}

TEST(ImportFiles, ErrorFileIsFormulaSafeWithAnErrorColumn) {
  register_messages();
  auto csv = errors_csv({"名称", "手机"}, {{"=cmd|' /C calc'!A0", " +86138"}, {"乙"}},
                        {{{3, 1, "contact_mobile", "contact.phone_invalid"}}, {{4, -1, "", "customer.import_missing_cells|count=1&header=2"}}},
                        Lang::kZhCN);
  auto t = io::read_csv(csv);
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[0], (std::vector<std::string>{"名称", "手机", "错误"}));
  EXPECT_EQ(t.records[1][0], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(t.records[1][1], "' +86138");
  EXPECT_EQ(t.records[1][2].rfind("手机：电话号码无效", 0), 0u);
  EXPECT_EQ(t.records[2], (std::vector<std::string>{"乙", "", "该行只有 1 列，少于表头的 2 列"}));
}

}  // namespace
}  // namespace kehu::customers
