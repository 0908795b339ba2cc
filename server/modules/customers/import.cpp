#include "modules/customers/import.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "platform/io/csv.hpp"
#include "platform/text/company_name.hpp"
#include "platform/text/fold.hpp"
#include "platform/text/search_keys.hpp"
#include "platform/text/sort_key.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::customers {
namespace {

using messages::Lang;

struct ColumnInfo {
  Column column;
  std::string_view field, zh_cn, zh_tw;
  std::vector<std::string_view> aliases;
};

// The template headers (zh-CN, zh-TW; en is the field name) and other headers seen in
// spreadsheets. Traditional spellings need not be listed: headers are folded first.
const ColumnInfo kColumns[] = {
    {Column::kName, "name", "客户名称", "客戶名稱", {"名称", "公司名称", "企业名称", "单位名称", "客户", "客户名", "公司", "customer", "company", "customer name", "company name"}},
    {Column::kType, "type", "客户类型", "客戶類型", {"类型", "类别", "客户类别"}},
    {Column::kShortName, "short_name", "简称", "簡稱", {"客户简称", "公司简称"}},
    {Column::kCreditCode, "credit_code", "统一社会信用代码", "統一社會信用代碼", {"信用代码", "社会信用代码", "统一信用代码", "uscc"}},
    {Column::kIndustry, "industry", "行业", "產業", {"所属行业", "行业类别", "产业"}},
    {Column::kSize, "size", "规模", "規模", {"企业规模", "公司规模"}},
    {Column::kProvince, "province", "省份", "省份", {"省", "所在省份", "所在省", "省直辖市"}},
    {Column::kCity, "city", "城市", "城市", {"市", "所在城市", "地市"}},
    {Column::kDistrict, "district", "区县", "區", {"区", "县", "区县", "所在区县"}},
    {Column::kAddress, "address", "详细地址", "詳細地址", {"地址", "街道地址"}},
    {Column::kStatus, "status", "状态", "狀態", {"客户状态"}},
    {Column::kGrade, "grade", "等级", "等級", {"客户等级", "级别"}},
    {Column::kSource, "source", "客户来源", "客戶來源", {"来源"}},
    {Column::kTags, "tags", "标签", "標籤", {"tag"}},
    {Column::kCooperationStart, "cooperation_start", "合作开始日期", "合作開始日期", {"合作日期", "开始合作日期", "合作时间"}},
    {Column::kNotes, "notes", "备注", "備註", {"说明", "note"}},
    {Column::kOwner, "owner", "负责人", "負責人", {"负责人用户名", "客户经理", "owner username"}},
    {Column::kContactName, "contact_name", "联系人", "聯絡人", {"联系人姓名", "联系人名称", "姓名", "contact"}},
    {Column::kContactTitle, "contact_title", "职务", "職務", {"联系人职务", "职位", "title"}},
    {Column::kContactMobile, "contact_mobile", "手机", "手機", {"手机号", "手机号码", "联系人手机", "移动电话", "mobile"}},
    {Column::kContactEmail, "contact_email", "电子邮箱", "電子郵件", {"邮箱", "电子邮件", "联系人邮箱", "email", "e-mail"}},
    {Column::kContactWechat, "contact_wechat", "微信", "微信", {"微信号", "wechat"}},
    {Column::kContactBirthday, "contact_birthday", "生日", "生日", {"联系人生日", "出生日期", "birthday"}},
};
static_assert(std::size(kColumns) == kColumnCount);

const ColumnInfo& info(Column c) { return kColumns[static_cast<std::size_t>(c)]; }
std::size_t at(Column c) { return static_cast<std::size_t>(c); }

// Folded, without spaces and the usual decorations: "客戶名稱 *" → 客户名称, "Contact_Name" → contactname.
std::string header_key(std::string_view header) {
  std::string s = text::fold(header);
  if (!s.empty() && s.back() == ')') {
    if (auto open = s.rfind('('); open != std::string::npos && open > 0) s.erase(open);
  }
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '_' && c != '-' && c != '/' && c != '*' && c != '.') out += c;
  return out;
}

const std::unordered_map<std::string, Column>& header_index() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string, Column>();
    for (const auto& ci : kColumns) {
      for (auto h : {ci.field, ci.zh_cn, ci.zh_tw}) m->emplace(header_key(h), ci.column);
      for (auto h : ci.aliases) m->emplace(header_key(h), ci.column);
    }
    return m;
  }();
  return *index;
}

// --- choices: the stored key from a key or a label (zh-CN and zh-TW labels of the UI) ---

struct Choice {
  std::string_view key;
  std::string_view zh_cn, zh_tw;
  std::vector<std::string_view> aliases;
};

const std::vector<Choice> kTypeChoices = {{"company", "企业", "公司", {"企業", "单位", "法人"}},
                                          {"person", "个人", "個人", {"自然人"}}};
const std::vector<Choice> kSizeChoices = {{"large", "大型", "大型", {"大"}},
                                          {"medium", "中型", "中型", {"中"}},
                                          {"small", "小型", "小型", {"小", "微型"}}};
const std::vector<Choice> kStatusChoices = {{"prospect", "潜在", "潛在", {"潜在客户", "潛在客戶"}},
                                            {"active", "合作中", "合作中", {"活跃", "活躍"}},
                                            {"dormant", "休眠", "休眠", {}},
                                            {"lost", "已流失", "已流失", {"流失"}}};
const std::vector<Choice> kGradeChoices = {{"A", "A 级", "A 級", {"a", "a级", "a級"}},
                                           {"B", "B 级", "B 級", {"b", "b级", "b級"}},
                                           {"C", "C 级", "C 級", {"c", "c级", "c級"}}};
const std::vector<Choice> kIndustryChoices = {
    {"manufacturing", "制造业", "製造業", {"制造"}}, {"retail", "零售", "零售業", {"零售业"}},
    {"wholesale", "批发", "批發業", {"批发业"}},     {"transport", "交通运输", "運輸業", {"运输", "运输业"}},
    {"construction", "建筑业", "營造業", {"建筑"}},  {"agriculture", "农业", "農業", {}},
    {"mining", "采矿业", "礦業", {"采矿", "矿业"}},  {"energy", "能源", "能源", {}},
    {"automotive", "汽车", "汽車", {}},              {"logistics", "物流", "物流", {}},
    {"food", "食品", "食品", {}},                    {"chemicals", "化工", "化工", {}},
    {"services", "服务业", "服務業", {"服务"}},      {"government", "政府机构", "政府機關", {"政府"}},
    {"other", "其他", "其他", {}}};
const std::vector<Choice> kSourceChoices = {
    {"referral", "转介绍", "轉介紹", {"介绍", "推荐"}}, {"visit", "上门拜访", "登門拜訪", {"拜访"}},
    {"exhibition", "展会", "展覽", {"展览"}},          {"web", "网络", "網路", {"网站"}},
    {"phone", "电话", "電話", {}},                     {"advertising", "广告", "廣告", {}},
    {"partner", "合作伙伴", "合作夥伴", {}},            {"other", "其他", "其他", {}}};

const std::vector<Choice>* choices_of(Column c) {
  switch (c) {
    case Column::kType: return &kTypeChoices;
    case Column::kSize: return &kSizeChoices;
    case Column::kStatus: return &kStatusChoices;
    case Column::kGrade: return &kGradeChoices;
    case Column::kIndustry: return &kIndustryChoices;
    case Column::kSource: return &kSourceChoices;
    default: return nullptr;
  }
}

std::string lower_no_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

using ChoiceIndex = std::unordered_map<std::string, std::string_view>;
const ChoiceIndex& choice_index(Column c) {
  static const auto* indexes = [] {
    auto* all = new std::array<ChoiceIndex, kColumnCount>();
    for (const auto& ci : kColumns) {
      const auto* list = choices_of(ci.column);
      if (!list) continue;
      auto& m = (*all)[at(ci.column)];
      for (const auto& ch : *list) {
        for (auto v : {ch.key, ch.zh_cn, ch.zh_tw}) m.emplace(lower_no_spaces(v), ch.key);
        for (auto v : ch.aliases) m.emplace(lower_no_spaces(v), ch.key);
      }
    }
    return all;
  }();
  return (*indexes)[at(c)];
}

std::optional<std::string_view> choice_key(Column c, std::string_view value) {
  const auto& m = choice_index(c);
  auto it = m.find(lower_no_spaces(value));
  if (it == m.end()) it = m.find(lower_no_spaces(text::fold(value)));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::string_view label_of(const Choice& ch, Lang lang) {
  return lang == Lang::kZhCN ? ch.zh_cn : lang == Lang::kZhTW ? ch.zh_tw : ch.key;
}

// ASCII white space, NBSP and the ideographic space at both ends (Fields trims the rest).
std::string_view trim_view(std::string_view s) {
  auto space_at_start = [&](std::size_t& n) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return (n = 1), true;
    if (s.substr(0, 2) == "\xC2\xA0") return (n = 2), true;
    if (s.substr(0, 3) == "\xE3\x80\x80") return (n = 3), true;
    return false;
  };
  auto space_at_end = [&](std::size_t& n) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return (n = 1), true;
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return (n = 2), true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return (n = 3), true;
    return false;
  };
  std::size_t n = 0;
  while (space_at_start(n)) s.remove_prefix(n);
  while (space_at_end(n)) s.remove_suffix(n);
  return s;
}

// Where a field error of read_customer_input belongs.
std::optional<Column> column_of_field(std::string_view f) {
  static const std::unordered_map<std::string_view, Column> kFields = {
      {"name", Column::kName}, {"type", Column::kType}, {"short_name", Column::kShortName},
      {"credit_code", Column::kCreditCode}, {"industry", Column::kIndustry}, {"size", Column::kSize},
      {"province_code", Column::kProvince}, {"city_code", Column::kCity}, {"district_code", Column::kDistrict},
      {"address", Column::kAddress}, {"status", Column::kStatus}, {"grade", Column::kGrade},
      {"source", Column::kSource}, {"tags", Column::kTags}, {"cooperation_start", Column::kCooperationStart},
      {"notes", Column::kNotes}, {"contacts[0].name", Column::kContactName},
      {"contacts[0].title", Column::kContactTitle}, {"contacts[0].mobile", Column::kContactMobile},
      {"contacts[0].email", Column::kContactEmail}, {"contacts[0].wechat", Column::kContactWechat},
      {"contacts[0].birthday", Column::kContactBirthday}};
  auto it = kFields.find(f);
  if (it == kFields.end()) return std::nullopt;
  return it->second;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 广东省 → 广东, 广西壮族自治区 → 广西, 广州市 → 广州, 天河区 → 天河 (kept only when two or
// more characters remain).
std::string short_region_name(const std::string& name) {
  static const std::string_view kSuffixes[] = {"特别行政区", "特別行政區", "壮族自治区", "壯族自治區", "回族自治区",
                                               "回族自治區", "维吾尔自治区", "維吾爾自治區", "自治区", "自治區",
                                               "地区", "地區", "省", "市", "区", "區", "县", "縣", "盟"};
  for (auto suf : kSuffixes) {
    if (name.size() > suf.size() && name.compare(name.size() - suf.size(), suf.size(), suf) == 0) {
      std::string s = name.substr(0, name.size() - suf.size());
      return text::code_points(s) >= 2 ? s : std::string();
    }
  }
  return std::string();
}

}  // namespace

std::string_view name_of(DuplicateKey k) { return kDuplicateKeys[static_cast<std::size_t>(k)]; }
std::string_view name_of(ImportMode m) { return kImportModes[static_cast<std::size_t>(m)]; }
std::string_view field_of(Column c) { return info(c).field; }

std::string_view header_of(Column c, Lang lang) {
  const auto& ci = info(c);
  return lang == Lang::kZhCN ? ci.zh_cn : lang == Lang::kZhTW ? ci.zh_tw : ci.field;
}

std::optional<Column> column_for_header(std::string_view header) {
  if (!text::valid_utf8(header)) return std::nullopt;
  const auto& index = header_index();
  auto it = index.find(header_key(header));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

HeaderMap map_header(const std::vector<std::string>& headers) {
  HeaderMap h;
  h.headers = headers;
  h.index.fill(-1);
  h.columns.resize(headers.size());
  for (std::size_t i = 0; i < headers.size(); ++i) {
    auto c = column_for_header(headers[i]);
    if (c && h.index[at(*c)] < 0) {
      h.index[at(*c)] = static_cast<int>(i);
      h.columns[i] = c;
    } else if (!trim_view(headers[i]).empty()) {
      h.unmapped.push_back(headers[i]);
    }
  }
  return h;
}

// --- regions ---

void RegionIndex::put(int level, const std::string& parent, const std::string& key, const std::string& code) {
  if (key.empty()) return;
  auto [it, inserted] = by_name_.emplace(std::to_string(level) + "|" + parent + "|" + key, code);
  if (!inserted && it->second != code) it->second.clear();  // two regions answer to this name
}

void RegionIndex::add(const std::string& code, const std::string& name, const std::string& name_tw,
                      const std::string& name_en, const std::string& parent, int level) {
  by_code_[code] = {parent, level};
  const std::string scope = level == 1 ? std::string() : parent;
  for (const auto& n : {name, name_tw}) {
    if (n.empty()) continue;
    for (const auto& key : {n, short_region_name(n)}) {
      put(level, scope, key, code);
      if (level == 2) put(level, "*", key, code);  // a city without its province
    }
  }
  if (level == 1 && !name_en.empty()) put(1, "", lower_no_spaces(name_en), code);
}

std::optional<std::string> RegionIndex::find(int level, const std::string& parent, std::string_view text) const {
  if (all_digits(text)) {
    auto it = by_code_.find(std::string(text));
    if (it == by_code_.end() || it->second.level != level) return std::nullopt;
    if (level > 1 && parent != "*" && it->second.parent != parent) return std::nullopt;
    return std::string(text);
  }
  const std::string prefix = std::to_string(level) + "|" + parent + "|";
  for (const auto& key : {std::string(text), lower_no_spaces(text)}) {
    auto it = by_name_.find(prefix + key);
    if (it != by_name_.end()) return it->second.empty() ? std::nullopt : std::optional<std::string>(it->second);
  }
  // Rare spellings (臺灣, full-width letters, extra spaces): fold and try again.
  std::string folded = text::fold(text);
  folded.erase(std::remove(folded.begin(), folded.end(), ' '), folded.end());
  auto it = by_name_.find(prefix + folded);
  if (it == by_name_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

RegionIndex::Resolved RegionIndex::resolve(std::string_view province, std::string_view city,
                                           std::string_view district) const {
  Resolved r;
  const char* kUnknown = "customer.import_region_unknown";
  const char* kMismatch = "customer.import_region_mismatch";
  if (!province.empty()) {
    r.province = find(1, "", province);
    if (!r.province) r.errors.emplace_back(Column::kProvince, kUnknown);
  }
  if (!city.empty()) {
    if (r.province) {
      r.city = find(2, *r.province, city);
      if (!r.city) r.errors.emplace_back(Column::kCity, find(2, "*", city) ? kMismatch : kUnknown);
    } else if (province.empty()) {
      r.city = find(2, "*", city);
      if (r.city) r.province = by_code_.at(*r.city).parent;
      else r.errors.emplace_back(Column::kCity, kUnknown);
    }
  }
  if (!district.empty()) {
    if (r.city) {
      r.district = find(3, *r.city, district);
      if (!r.district) {
        const bool elsewhere = all_digits(district) && by_code_.count(std::string(district)) &&
                               by_code_.at(std::string(district)).level == 3;
        r.errors.emplace_back(Column::kDistrict, elsewhere ? kMismatch : kUnknown);
      }
    } else if (city.empty()) {
      r.errors.emplace_back(Column::kCity, "field.required");
    }
  }
  return r;
}

// --- rows ---

std::string normalize_date(std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (auto sp = s.find(' '); sp != std::string_view::npos) {  // "2024/3/5 0:00" from Excel
    auto rest = trim_view(s.substr(sp));
    if (!rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= '0' && c <= '9') || c == ':'; }))
      s = s.substr(0, sp);
  }
  int parts[3] = {0, 0, 0};
  std::size_t digits[3] = {0, 0, 0};
  int k = 0;
  std::size_t i = 0;
  bool closed = false;  // "日" ended the day
  while (i < s.size() && k < 3) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      parts[k] = parts[k] * 10 + (c - '0');
      if (++digits[k] > 4) return std::string(raw);
      ++i;
      continue;
    }
    std::size_t len = 0;
    if (c == '-' || c == '/' || c == '.') len = 1;
    else if (s.substr(i, 3) == "年" || s.substr(i, 3) == "月") len = 3;
    else if (s.substr(i, 3) == "日" && k == 2) len = 3, closed = true;
    if (len == 0 || digits[k] == 0) return std::string(raw);
    i += len;
    ++k;
  }
  if (k == 3 && closed) --k;  // "2024年3月5日"
  if (i != s.size() || k != 2 || digits[0] != 4 || digits[1] == 0 || digits[1] > 2 || digits[2] == 0 || digits[2] > 2)
    return std::string(raw);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return buf;
}

std::vector<std::string> split_tags(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0, i = 0;
  auto flush = [&](std::size_t end) {
    auto t = trim_view(s.substr(start, end - start));
    if (!t.empty()) out.emplace_back(t);
  };
  while (i < s.size()) {
    std::size_t sep = 0;
    if (s[i] == ';' || s[i] == ',') sep = 1;
    else if (s.substr(i, 3) == "；" || s.substr(i, 3) == "，" || s.substr(i, 3) == "、") sep = 3;
    if (sep) {
      flush(i);
      i += sep;
      start = i;
    } else {
      ++i;
    }
  }
  flush(s.size());
  return out;
}

PreparedRow prepare_row(std::size_t row, const std::vector<std::string_view>& cells, const HeaderMap& header,
                        const RegionIndex& regions, auth::Role role, DuplicateKey key) {
  PreparedRow p;
  p.row = row;
  auto fail = [&](Column c, std::string message) {
    p.errors.push_back({row, header.index[at(c)], std::string(field_of(c)), std::move(message)});
  };
  const std::size_t width = header.headers.size();
  if (cells.size() > width &&
      std::any_of(cells.begin() + static_cast<long>(width), cells.end(), [](auto v) { return !trim_view(v).empty(); })) {
    p.errors.push_back({row, static_cast<int>(width), "",
                        "customer.import_extra_cells|count=" + std::to_string(cells.size()) + "&header=" + std::to_string(width)});
  } else if (cells.size() < width) {
    p.errors.push_back({row, -1, "",
                        "customer.import_missing_cells|count=" + std::to_string(cells.size()) + "&header=" + std::to_string(width)});
  }
  auto cell = [&](Column c) -> std::string_view {
    const int i = header.index[at(c)];
    if (i < 0 || static_cast<std::size_t>(i) >= cells.size()) return {};
    // A cell of an error file we wrote comes back with our ' in front of =, +, -, @.
    auto v = trim_view(io::formula_unsafe(cells[static_cast<std::size_t>(i)]));
    if (!v.empty()) p.given[at(c)] = true;
    return v;
  };

  nlohmann::json body = nlohmann::json::object();
  auto text_field = [&](const char* name, Column c) {
    if (auto v = cell(c); !v.empty()) body[name] = std::string(v);
  };
  auto choice_field = [&](const char* name, Column c) {
    auto v = cell(c);
    if (v.empty()) return;
    if (auto k = choice_key(c, v)) body[name] = std::string(*k);
    else fail(c, "customer.import_invalid_choice|field=" + std::string(field_of(c)));
  };
  text_field("name", Column::kName);
  choice_field("type", Column::kType);
  text_field("short_name", Column::kShortName);
  text_field("credit_code", Column::kCreditCode);
  choice_field("industry", Column::kIndustry);
  choice_field("size", Column::kSize);
  {
    auto resolved = regions.resolve(cell(Column::kProvince), cell(Column::kCity), cell(Column::kDistrict));
    for (auto& [c, k] : resolved.errors) fail(c, k);
    if (resolved.errors.empty()) {
      if (resolved.province) body["province_code"] = *resolved.province;
      if (resolved.city) body["city_code"] = *resolved.city;
      if (resolved.district) body["district_code"] = *resolved.district;
    }
  }
  text_field("address", Column::kAddress);
  choice_field("status", Column::kStatus);
  choice_field("grade", Column::kGrade);
  choice_field("source", Column::kSource);
  if (auto v = cell(Column::kTags); !v.empty()) body["tags"] = split_tags(v);
  if (auto v = cell(Column::kCooperationStart); !v.empty()) body["cooperation_start"] = normalize_date(v);
  text_field("notes", Column::kNotes);
  p.owner_username = std::string(cell(Column::kOwner));

  nlohmann::json contact = nlohmann::json::object();
  auto contact_field = [&](const char* name, Column c) {
    if (auto v = cell(c); !v.empty()) contact[name] = std::string(v);
  };
  contact_field("name", Column::kContactName);
  contact_field("title", Column::kContactTitle);
  contact_field("mobile", Column::kContactMobile);
  contact_field("email", Column::kContactEmail);
  contact_field("wechat", Column::kContactWechat);
  if (auto v = cell(Column::kContactBirthday); !v.empty())
    contact["birthday"] = {{"calendar", "solar"}, {"date", normalize_date(v)}};
  if (!contact.empty()) body["contacts"] = nlohmann::json::array({std::move(contact)});

  // The same reading and checks as POST /api/v1/customers.
  auto in = read_customer_input(body, InputMode::kCreate, role);
  if (!in) {
    const auto& e = in.error();
    auto report = [&](const std::string& field, const std::string& message) {
      if (auto c = column_of_field(field)) fail(*c, message);
      else p.errors.push_back({row, -1, field, message});
    };
    for (const auto& [field, message] : e.fields) report(field, message);
    if (e.details.contains("warnings"))
      for (const auto& [field, message] : e.details["warnings"].items()) report(field, message.get<std::string>());
    if (e.fields.empty() && !e.details.contains("warnings")) p.errors.push_back({row, -1, "", e.message});
  }
  if (!p.errors.empty()) return p;

  apply(*in, p.customer);
  if (!in->contacts.empty()) {
    p.contact = std::move(in->contacts.front());
    p.contact->is_primary = true;
  }
  const Customer& cu = p.customer;
  p.name_key = text::company_name_key(cu.name);
  p.sort_key = text::pinyin_sort_key(cu.name);
  // The search document, as CustomerStore::reindex builds it from the stored rows.
  text::SearchSource src;
  src.names.push_back(cu.name);
  if (cu.short_name) src.names.push_back(*cu.short_name);
  if (cu.credit_code) src.codes.push_back(*cu.credit_code);
  if (p.contact) {
    src.names.push_back(p.contact->name);
    if (p.contact->mobile) src.numbers.push_back(*p.contact->mobile);
  }
  p.index_text = text::build_index_text(src);
  switch (key) {
    case DuplicateKey::kCreditCode: p.duplicate_value = cu.credit_code.value_or(""); break;
    case DuplicateKey::kName:  // as on create: only companies are matched by name (many people share one)
      p.duplicate_value = cu.type == "company" ? p.name_key : "";
      break;
    case DuplicateKey::kMobile: p.duplicate_value = p.contact && p.contact->mobile ? *p.contact->mobile : ""; break;
    case DuplicateKey::kEmail:
      p.duplicate_value = p.contact && p.contact->email ? lower_no_spaces(*p.contact->email) : "";
      break;
  }
  return p;
}

// --- merging into an existing customer ---

namespace {
template <class T>
void merge_value(std::optional<T>& target, const std::optional<T>& value, bool given, ImportMode mode) {
  if (!given || !value) return;
  if (mode == ImportMode::kOverwrite || !target) target = value;
}
}  // namespace

Customer merge_customer(const Customer& existing, const PreparedRow& row, ImportMode mode) {
  Customer c = existing;
  const Customer& in = row.customer;
  const auto& g = row.given;
  const bool overwrite = mode == ImportMode::kOverwrite;
  if (overwrite && g[at(Column::kName)]) c.name = in.name;
  if (overwrite && g[at(Column::kType)]) c.type = in.type;
  if (overwrite && g[at(Column::kStatus)]) c.status = in.status;
  merge_value(c.short_name, in.short_name, g[at(Column::kShortName)], mode);
  merge_value(c.credit_code, in.credit_code, g[at(Column::kCreditCode)], mode);
  merge_value(c.industry, in.industry, g[at(Column::kIndustry)], mode);
  merge_value(c.size, in.size, g[at(Column::kSize)], mode);
  const bool region = g[at(Column::kProvince)] || g[at(Column::kCity)] || g[at(Column::kDistrict)];
  if (region && in.province_code && (overwrite || !c.province_code)) {
    c.province_code = in.province_code;
    c.city_code = in.city_code;
    c.district_code = in.district_code;
  }
  merge_value(c.address, in.address, g[at(Column::kAddress)], mode);
  merge_value(c.grade, in.grade, g[at(Column::kGrade)], mode);
  merge_value(c.source, in.source, g[at(Column::kSource)], mode);
  if (g[at(Column::kTags)] && !in.tags.empty() && (overwrite || c.tags.empty())) c.tags = in.tags;
  merge_value(c.cooperation_start, in.cooperation_start, g[at(Column::kCooperationStart)], mode);
  merge_value(c.notes, in.notes, g[at(Column::kNotes)], mode);
  return c;
}

Contact merge_contact(const Contact& existing, const Contact& incoming, const PreparedRow& row, ImportMode mode) {
  Contact k = existing;
  const auto& g = row.given;
  if (mode == ImportMode::kOverwrite && g[at(Column::kContactName)] && !incoming.name.empty()) k.name = incoming.name;
  merge_value(k.title, incoming.title, g[at(Column::kContactTitle)], mode);
  merge_value(k.mobile, incoming.mobile, g[at(Column::kContactMobile)], mode);
  merge_value(k.email, incoming.email, g[at(Column::kContactEmail)], mode);
  merge_value(k.wechat, incoming.wechat, g[at(Column::kContactWechat)], mode);
  merge_value(k.birthday, incoming.birthday, g[at(Column::kContactBirthday)], mode);
  return k;
}

// --- rendering ---

std::string translate_key(std::string_view key, Lang lang) {
  std::map<std::string, std::string> args;
  const auto bar = key.find('|');
  std::string_view base = key.substr(0, bar);
  if (bar != std::string_view::npos) {
    std::string_view rest = key.substr(bar + 1);
    while (!rest.empty()) {
      const auto amp = rest.find('&');
      const auto item = rest.substr(0, amp);
      if (const auto eq = item.find('='); eq != std::string_view::npos)
        args[std::string(item.substr(0, eq))] = std::string(item.substr(eq + 1));
      if (amp == std::string_view::npos) break;
      rest.remove_prefix(amp + 1);
    }
  }
  if (base == "customer.import_invalid_choice") {
    std::string allowed;
    for (const auto& ci : kColumns) {
      if (ci.field != args["field"]) continue;
      for (const auto& ch : *choices_of(ci.column)) {
        if (!allowed.empty()) allowed += lang == Lang::kEn ? ", " : "、";
        allowed += label_of(ch, lang);
      }
    }
    args["allowed"] = allowed;
  }
  return messages::translate(base, lang, args);
}

nlohmann::json to_json(const ImportReport& r, Lang lang) {
  nlohmann::json columns = nlohmann::json::array();
  for (std::size_t i = 0; i < r.header.columns.size(); ++i)
    if (const auto& c = r.header.columns[i])
      columns.push_back({{"index", i}, {"header", r.header.headers[i]}, {"field", field_of(*c)}});
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : r.errors) {
    const bool in_file = e.file_column >= 0 && static_cast<std::size_t>(e.file_column) < r.header.headers.size();
    errors.push_back({{"row", e.row},
                      {"column", in_file ? nlohmann::json(r.header.headers[static_cast<std::size_t>(e.file_column)]) : nlohmann::json()},
                      {"field", e.field.empty() ? nlohmann::json() : nlohmann::json(e.field)},
                      {"message", translate_key(e.key, lang)}});
  }
  return {{"id", r.id ? nlohmann::json(*r.id) : nlohmann::json()},
          {"version", r.id ? nlohmann::json(r.version) : nlohmann::json()},
          {"dry_run", r.dry_run},
          {"encoding", io::encoding_name(r.encoding)},
          {"duplicate_key", name_of(r.key)},
          {"mode", name_of(r.mode)},
          {"columns", columns},
          {"unmapped", r.header.unmapped},
          {"rows", r.rows},
          {"created", r.created},
          {"updated", r.updated},
          {"skipped", r.skipped},
          {"invalid", r.invalid},
          {"errors", errors},
          {"seconds", static_cast<double>(static_cast<std::int64_t>(r.seconds * 1000 + 0.5)) / 1000.0}};
}

std::string import_template(Lang lang, bool with_owner) {
  std::vector<std::string> header, example;
  // One row that imports as it is (a valid credit code, regions that exist).
  const std::map<Column, std::array<std::string_view, 3>> kExample = {
      {Column::kName, {"广州蓝鲸润滑油有限公司", "臺北藍鯨潤滑油股份有限公司", "Blue Whale Lubricants Ltd"}},
      {Column::kType, {"企业", "公司", "company"}},
      {Column::kShortName, {"蓝鲸润滑油", "藍鯨潤滑油", "Blue Whale"}},
      {Column::kCreditCode, {"91350100M000100Y43", "", "91350100M000100Y43"}},
      {Column::kIndustry, {"制造业", "製造業", "manufacturing"}},
      {Column::kSize, {"中型", "中型", "medium"}},
      {Column::kProvince, {"广东省", "臺灣省", "Guangdong"}},
      {Column::kCity, {"广州市", "臺北市", "440100"}},
      {Column::kDistrict, {"天河区", "信義區", "440106"}},
      {Column::kAddress, {"天河路 100 号", "信義路五段 7 號", "100 Tianhe Road"}},
      {Column::kStatus, {"潜在", "潛在", "prospect"}},
      {Column::kGrade, {"B", "B", "B"}},
      {Column::kSource, {"展会", "展覽", "exhibition"}},
      {Column::kTags, {"重点客户;华南", "重點客戶;北部", "key account;south"}},
      {Column::kCooperationStart, {"2026-03-01", "2026-03-01", "2026-03-01"}},
      {Column::kNotes, {"展会上结识", "展覽會上結識", "Met at the trade fair"}},
      {Column::kOwner, {"", "", ""}},
      {Column::kContactName, {"张伟", "陳志明", "Zhang Wei"}},
      {Column::kContactTitle, {"采购经理", "採購經理", "Purchasing manager"}},
      {Column::kContactMobile, {"13800138000", "+886 912 345 678", "13800138000"}},
      {Column::kContactEmail, {"zhangwei@example.com", "chen@example.com.tw", "zhangwei@example.com"}},
      {Column::kContactWechat, {"zhangwei_lan", "chen_lan", "zhangwei_lan"}},
      {Column::kContactBirthday, {"1985-06-18", "1985-06-18", "1985-06-18"}},
  };
  const std::size_t l = lang == Lang::kZhCN ? 0 : lang == Lang::kZhTW ? 1 : 2;
  for (const auto& ci : kColumns) {
    if (ci.column == Column::kOwner && !with_owner) continue;
    header.emplace_back(header_of(ci.column, lang));
    example.emplace_back(kExample.at(ci.column)[l]);
  }
  std::string out(io::kUtf8Bom);
  io::append_csv_record(out, header);
  io::append_csv_record(out, example);
  return out;
}

std::string errors_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::vector<RowError>>& errors, Lang lang) {
  std::string out(io::kUtf8Bom);
  auto head = header;
  head.push_back(messages::translate("customer.import_error_column", lang));
  io::append_csv_record(out, head);
  const std::string sep = lang == Lang::kEn ? "; " : "；";
  const std::string colon = lang == Lang::kEn ? ": " : "：";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto cells = rows[i];
    if (cells.size() < header.size()) cells.resize(header.size());
    std::string problems;
    for (const auto& e : errors[i]) {
      if (!problems.empty()) problems += sep;
      if (e.file_column >= 0 && static_cast<std::size_t>(e.file_column) < header.size())
        problems += header[static_cast<std::size_t>(e.file_column)] + colon;
      else if (!e.field.empty())
        problems += e.field + colon;
      problems += translate_key(e.key, lang);
    }
    cells.push_back(std::move(problems));
    io::append_csv_record(out, cells);
  }
  return out;
}

}  // namespace kehu::customers
