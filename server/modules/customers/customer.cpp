#include "modules/customers/customer.hpp"

#include "platform/text/credit_code.hpp"
#include "platform/text/email.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::customers {
namespace {

using http::Fields;


nlohmann::json jopt(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); }
nlohmann::json jopt(const std::optional<double>& d) { return d ? nlohmann::json(*d) : nlohmann::json(); }
nlohmann::json jdate(const std::optional<clock::Date>& d) {
  return d ? nlohmann::json(clock::format_date(*d)) : nlohmann::json();
}

void read_phone(Fields& f, const nlohmann::json& body, const char* key, http::Field<std::string>& out) {
  out = f.text(key, {.max = 40});
  if (!out.value) return;
  auto p = text::parse_phone(*out.value);
  if (!p) {
    f.fail(key, "contact.phone_invalid");
    out.value.reset();
    return;
  }
  out.value = p->e164;
  (void)body;
}

std::optional<Birthday> read_birthday(Fields& f, const http::Field<nlohmann::json>& raw) {
  if (!raw.value) return std::nullopt;
  const auto& j = *raw.value;
  auto bad = [&](const char* key) -> std::optional<Birthday> {
    f.fail("birthday", key);
    return std::nullopt;
  };
  if (!j.is_object()) return bad("contact.birthday_invalid");
  Fields b(j);
  auto calendar = b.choice("calendar", {"solar", "lunar"}, true);
  auto date = b.date("date");
  auto month = b.integer("month", {.min = 1, .max = 12});
  auto day = b.integer("day", {.min = 1, .max = 30});
  auto leap = b.boolean("leap");
  auto year = b.integer("year", {.min = 1900, .max = 2100});
  if (!b.finish().ok() || !calendar.value) return bad("contact.birthday_invalid");
  Birthday out;
  const auto today = clock::local_date(clock::now());
  if (*calendar.value == "solar") {
    if (!date.value || month.present || day.present || leap.present) return bad("contact.birthday_invalid");
    if (date.value->year < 1900 || *date.value > today) return bad("contact.birthday_range");
    out.date = date.value;
  } else {
    if (date.present || !month.value || !day.value) return bad("contact.birthday_invalid");
    out.lunar = true;
    out.month = static_cast<int>(*month.value);
    out.day = static_cast<int>(*day.value);
    out.leap = leap.value.value_or(false);
    if (year.value) {
      if (*year.value > today.year) return bad("contact.birthday_range");
      out.year = static_cast<int>(*year.value);
    }
  }
  return out;
}

}  // namespace

Result<Contact> read_contact_input(const nlohmann::json& body, InputMode mode) {
  if (!body.is_object()) return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("contacts", "field.invalid");
  Fields f(body);
  Contact c;
  auto name = f.text("name", {.required = mode == InputMode::kCreate, .max = 100});
  if (name.is_null()) f.fail("name", "field.required");
  auto title = f.text("title", {.max = 100});
  http::Field<std::string> mobile, landline;
  read_phone(f, body, "mobile", mobile);
  read_phone(f, body, "landline", landline);
  auto email = f.text("email", {.max = 254});
  if (email.value && !text::valid_email(*email.value)) f.fail("email", "contact.email_invalid");
  auto wechat = f.text("wechat", {.max = 50});
  auto birthday = read_birthday(f, f.raw("birthday"));
  auto hobbies = f.text("hobbies", {.max = 1000, .multiline = true});
  auto family = f.text("family", {.max = 2000, .multiline = true});
  auto personality = f.text("personality", {.max = 2000, .multiline = true});
  auto left = f.boolean("left_company");
  auto left_on = f.date("left_on");
  auto primary = f.boolean("is_primary");
  auto version = f.integer("version", {.required = mode == InputMode::kUpdate, .min = 1});
  f.forbid("id");
  f.forbid("customer_id");
  KEHU_CHECK(f.finish());
  c.name = name.value.value_or("");
  c.title = title.value;
  c.mobile = mobile.value;
  c.landline = landline.value;
  c.email = email.value;
  c.wechat = wechat.value;
  c.birthday = birthday;
  c.hobbies = hobbies.value;
  c.family = family.value;
  c.personality = personality.value;
  c.left_company = left.value.value_or(false);
  c.left_on = left_on.value;
  c.is_primary = primary.value.value_or(false);
  c.version = version.value.value_or(1);
  return c;
}

void apply_contact(const nlohmann::json& body, const Contact& p, Contact& t) {
  auto has = [&](const char* k) { return body.contains(k); };
  if (has("name")) t.name = p.name;
  if (has("title")) t.title = p.title;
  if (has("mobile")) t.mobile = p.mobile;
  if (has("landline")) t.landline = p.landline;
  if (has("email")) t.email = p.email;
  if (has("wechat")) t.wechat = p.wechat;
  if (has("birthday")) t.birthday = p.birthday;
  if (has("hobbies")) t.hobbies = p.hobbies;
  if (has("family")) t.family = p.family;
  if (has("personality")) t.personality = p.personality;
  if (has("left_company")) t.left_company = p.left_company;
  if (has("left_on")) t.left_on = p.left_on;
  if (has("is_primary")) t.is_primary = p.is_primary;
  if (t.left_company && !t.left_on) t.left_on = clock::local_date(clock::now());
  if (!t.left_company) t.left_on.reset();
}

bool sets_credit_terms(auth::Role role) {
  return role == auth::Role::kAdmin || role == auth::Role::kDirector || role == auth::Role::kManager;
}

Result<CustomerInput> read_customer_input(const nlohmann::json& body, InputMode mode, auth::Role role) {
  const bool create = mode == InputMode::kCreate;
  Fields f(body);
  CustomerInput in;
  in.type = f.choice("type", kTypes);
  in.name = f.text("name", {.required = create, .max = 100});
  if (in.name.is_null()) f.fail("name", "field.required");
  in.short_name = f.text("short_name", {.max = 50});
  in.credit_code = f.text("credit_code", {.max = 30});
  in.industry = f.choice("industry", kIndustries);
  in.size = f.choice("size", kSizes);
  in.province_code = f.text("province_code", {.max = 12});
  in.city_code = f.text("city_code", {.max = 12});
  in.district_code = f.text("district_code", {.max = 12});
  in.address = f.text("address", {.max = 200});
  in.lat = f.number("lat", -90, 90);
  in.lng = f.number("lng", -180, 180);
  in.source = f.choice("source", kSources);
  in.status = f.choice("status", kStatuses);
  if (in.status.is_null()) f.fail("status", "field.required");
  in.grade = f.choice("grade", kGrades);
  in.tags = f.text_list("tags", kMaxTags, 20);
  in.cooperation_start = f.date("cooperation_start");
  // Credit terms bound what an account manager may sell on credit: only leads set them.
  if (sets_credit_terms(role)) {
    in.credit_limit = f.integer("credit_limit", {.min = 0, .max = 10'000'000'000'000});
    in.return_window_days = f.integer("return_window_days", {.min = 0, .max = 365});
  } else {
    f.forbid("credit_limit");
    f.forbid("return_window_days");
  }
  in.bank_name = f.text("bank_name", {.max = 100});
  in.bank_account = f.text("bank_account", {.max = 40});
  in.tax_number = f.text("tax_number", {.max = 30});
  in.website = f.text("website", {.max = 300});
  in.notes = f.text("notes", {.max = 10000, .multiline = true});
  in.custom = f.raw("custom");
  in.department = f.text("department", {.max = 100});
  in.leader_id = f.integer("leader_id", {.min = 1});
  in.parent_id = f.integer("parent_id", {.min = 1});
  in.dealer_level = f.choice("dealer_level", kDealerLevels);
  if (role == auth::Role::kAccountManager) f.forbid("owner_id");
  else in.owner_id = f.integer("owner_id", {.min = 1});
  in.version = f.integer("version", {.required = !create, .min = 1});
  auto confirm_dup = f.boolean("confirm_duplicate");
  auto confirm_warn = f.boolean("confirm_warnings");
  in.confirm_duplicate = confirm_dup.value.value_or(false);
  in.confirm_warnings = confirm_warn.value.value_or(false);
  for (const char* k : {"id", "created_at", "updated_at", "created_by", "deleted_at", "members", "owner_name",
                        "leader_name", "province", "city", "district", "parent_name"})
    f.forbid(k);
  http::Field<nlohmann::json> contacts;
  if (create) contacts = f.raw("contacts");
  else f.forbid("contacts");

  if (in.website.value && !text::valid_http_url(*in.website.value)) f.fail("website", "customer.website_invalid");
  if (in.bank_account.value) {
    for (char ch : *in.bank_account.value)
      if (!(ch >= '0' && ch <= '9') && ch != ' ' && ch != '-') {
        f.fail("bank_account", "customer.bank_account_invalid");
        break;
      }
  }
  if (in.custom.value && !in.custom.value->is_object()) f.fail("custom", "field.wrong_type|type=object");
  Error warnings(ErrorCode::kValidationFailed, "customer.confirm_warnings");
  if (in.credit_code.value) {
    std::string code = *in.credit_code.value;
    for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    in.credit_code.value = code;
    switch (text::check_credit_code(code)) {
      case text::CreditCodeCheck::kValid: break;
      case text::CreditCodeCheck::kBadFormat: f.fail("credit_code", "customer.credit_code_format"); break;
      case text::CreditCodeCheck::kBadCheckDigit:
        if (!in.confirm_warnings) warnings.details["warnings"]["credit_code"] = "customer.credit_code_check_digit";
        break;
    }
  }
  if (contacts.value) {
    if (!contacts.value->is_array() || contacts.value->size() > kMaxContactsOnCreate) {
      f.fail("contacts", "field.wrong_type|type=list");
    } else {
      for (std::size_t i = 0; i < contacts.value->size(); ++i) {
        auto c = read_contact_input((*contacts.value)[i], InputMode::kCreate);
        if (!c) {
          const auto& e = c.error();
          if (e.code == ErrorCode::kUnknownField) return std::move(c).error();
          for (const auto& [field, msg] : e.fields) f.fail("contacts[" + std::to_string(i) + "]." + field, msg);
        } else {
          in.contacts.push_back(std::move(c).value());
        }
      }
    }
  }
  KEHU_CHECK(f.finish());
  if (warnings.details.contains("warnings")) return warnings;
  return in;
}

void apply(const CustomerInput& in, Customer& c) {
  auto set = [](const http::Field<std::string>& f, std::optional<std::string>& target) {
    if (f.present) target = f.value;
  };
  if (in.type.value) c.type = *in.type.value;
  if (in.name.value) c.name = *in.name.value;
  set(in.short_name, c.short_name);
  set(in.credit_code, c.credit_code);
  set(in.industry, c.industry);
  set(in.size, c.size);
  set(in.province_code, c.province_code);
  set(in.city_code, c.city_code);
  set(in.district_code, c.district_code);
  set(in.address, c.address);
  if (in.lat.present) c.lat = in.lat.value;
  if (in.lng.present) c.lng = in.lng.value;
  set(in.source, c.source);
  if (in.status.value) c.status = *in.status.value;
  set(in.grade, c.grade);
  if (in.tags.present) c.tags = in.tags.value.value_or(std::vector<std::string>{});
  if (in.cooperation_start.present) c.cooperation_start = in.cooperation_start.value;
  if (in.credit_limit.present) c.credit_limit = in.credit_limit.value.value_or(0);
  if (in.return_window_days.present) c.return_window_days = in.return_window_days.value.value_or(30);
  set(in.bank_name, c.bank_name);
  set(in.bank_account, c.bank_account);
  set(in.tax_number, c.tax_number);
  set(in.website, c.website);
  set(in.notes, c.notes);
  if (in.custom.present) c.custom = in.custom.value.value_or(nlohmann::json::object());
  set(in.department, c.department);
  if (in.leader_id.present) c.leader = in.leader_id.value ? std::optional<UserId>(UserId(*in.leader_id.value)) : std::nullopt;
  if (in.owner_id.value) c.owner = UserId(*in.owner_id.value);
  if (in.parent_id.present)
    c.parent = in.parent_id.value ? std::optional<CustomerId>(CustomerId(*in.parent_id.value)) : std::nullopt;
  set(in.dealer_level, c.dealer_level);
}

std::string mask_text(std::string_view s) {
  if (s.empty()) return std::string();
  auto cps = text::decode(s);
  const std::size_t keep = cps.size() > 4 ? 2 : 1;
  std::u32string out(cps.begin(), cps.begin() + static_cast<long>(keep));
  out += U"******";
  return text::encode(out);
}

nlohmann::json birthday_json(const Birthday& b) {
  if (!b.lunar) return {{"calendar", "solar"}, {"date", jdate(b.date)}};
  nlohmann::json j = {{"calendar", "lunar"}, {"month", b.month}, {"day", b.day}, {"leap", b.leap}};
  if (b.year) j["year"] = *b.year;
  return j;
}

nlohmann::json to_json(const Contact& c, Personal personal) {
  const bool show = personal == Personal::kShow;
  auto phone = [&](const std::optional<std::string>& p) -> nlohmann::json {
    if (!p) return nullptr;
    return show ? *p : text::mask_phone(*p);
  };
  auto secret = [&](const std::optional<std::string>& s) -> nlohmann::json {
    if (!s) return nullptr;
    return show ? nlohmann::json(*s) : nlohmann::json(mask_text(*s));
  };
  return {{"id", c.id.value},
          {"customer_id", c.customer.value},
          {"name", c.name},
          {"title", jopt(c.title)},
          {"mobile", phone(c.mobile)},
          {"landline", phone(c.landline)},
          {"email", secret(c.email)},
          {"wechat", secret(c.wechat)},
          {"birthday", c.birthday && show ? birthday_json(*c.birthday) : nlohmann::json()},
          {"hobbies", jopt(c.hobbies)},
          {"family", show ? jopt(c.family) : nlohmann::json()},
          {"personality", jopt(c.personality)},
          {"left_company", c.left_company},
          {"left_on", jdate(c.left_on)},
          {"is_primary", c.is_primary},
          {"version", c.version},
          {"masked", !show}};
}

nlohmann::json to_json(const Customer& c, Personal personal) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& m : c.members) members.push_back({{"user_id", m.user.value}, {"name", m.name}, {"access", m.access}});
  const bool show = personal == Personal::kShow;
  return {{"id", c.id.value},
          {"type", c.type},
          {"name", c.name},
          {"short_name", jopt(c.short_name)},
          {"credit_code", jopt(c.credit_code)},
          {"industry", jopt(c.industry)},
          {"size", jopt(c.size)},
          {"province_code", jopt(c.province_code)},
          {"province", jopt(c.province)},
          {"city_code", jopt(c.city_code)},
          {"city", jopt(c.city)},
          {"district_code", jopt(c.district_code)},
          {"district", jopt(c.district)},
          {"address", jopt(c.address)},
          {"lat", jopt(c.lat)},
          {"lng", jopt(c.lng)},
          {"source", jopt(c.source)},
          {"status", c.status},
          {"grade", jopt(c.grade)},
          {"tags", c.tags},
          {"cooperation_start", jdate(c.cooperation_start)},
          {"credit_limit", c.credit_limit},
          {"return_window_days", c.return_window_days},
          {"bank_name", jopt(c.bank_name)},
          {"bank_account", c.bank_account ? nlohmann::json(show ? *c.bank_account : mask_text(*c.bank_account)) : nlohmann::json()},
          {"tax_number", jopt(c.tax_number)},
          {"website", jopt(c.website)},
          {"notes", jopt(c.notes)},
          {"custom", c.custom},
          {"owner_id", c.owner.value},
          {"owner_name", c.owner_name},
          {"department", jopt(c.department)},
          {"leader_id", c.leader ? nlohmann::json(c.leader->value) : nlohmann::json()},
          {"leader_name", c.leader_name},
          {"parent_id", c.parent ? nlohmann::json(c.parent->value) : nlohmann::json()},
          {"parent_name", c.parent_name},
          {"dealer_level", jopt(c.dealer_level)},
          {"members", std::move(members)},
          {"version", c.version},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at},
          {"deleted_at", jopt(c.deleted_at)}};
}

nlohmann::json audit_json(const Customer& c) {
  auto j = to_json(c, Personal::kShow);
  for (const char* k : {"id", "version", "created_at", "updated_at", "deleted_at", "owner_name", "leader_name",
                        "members", "province", "city", "district", "parent_name"})
    j.erase(k);
  return j;
}

nlohmann::json audit_json(const Contact& c) {
  auto j = to_json(c, Personal::kShow);
  for (const char* k : {"id", "version", "masked"}) j.erase(k);
  return j;
}

}  // namespace kehu::customers
