#include "modules/care/settings.hpp"

#include <algorithm>

#include "platform/http/fields.hpp"

namespace kehu::care {
namespace {

const std::vector<std::string> kGradeKeys = {"A", "B", "C"};
constexpr std::int64_t kMaxGap = 3650, kMaxLead = 60;

struct LeadField {
  const char* key;
  std::int64_t CareSettings::*member;
};
constexpr LeadField kLeads[] = {{"birthday_lead_days", &CareSettings::birthday_lead_days},
                                {"festival_lead_days", &CareSettings::festival_lead_days},
                                {"anniversary_lead_days", &CareSettings::anniversary_lead_days},
                                {"milestone_lead_days", &CareSettings::milestone_lead_days},
                                {"personal_event_lead_days", &CareSettings::personal_event_lead_days}};

}  // namespace

nlohmann::json to_json(const CareSettings& s) {
  nlohmann::json j = {{"contact_gap_days", s.contact_gap_days},
                      {"new_customer_days", s.new_customer_days},
                      {"festival_grades", s.festival_grades}};
  for (const auto& l : kLeads) j[l.key] = s.*(l.member);
  return j;
}

CareSettings settings_from_json(const nlohmann::json& j) {
  CareSettings s;
  if (!j.is_object()) return s;
  auto int_at = [&](const nlohmann::json& o, const std::string& k, std::int64_t& out) {
    if (o.contains(k) && o[k].is_number_integer()) out = o[k].get<std::int64_t>();
  };
  if (j.contains("contact_gap_days") && j["contact_gap_days"].is_object())
    for (const auto& g : kGradeKeys) int_at(j["contact_gap_days"], g, s.contact_gap_days[g]);
  int_at(j, "new_customer_days", s.new_customer_days);
  for (const auto& l : kLeads) int_at(j, l.key, s.*(l.member));
  if (j.contains("festival_grades") && j["festival_grades"].is_array()) {
    s.festival_grades.clear();
    for (const auto& g : j["festival_grades"])
      if (g.is_string()) s.festival_grades.push_back(g.get<std::string>());
  }
  return s;
}

Result<CareSettings> read_settings_input(const nlohmann::json& body, std::int64_t& version) {
  http::Fields f(body);
  CareSettings s;
  auto gaps = f.raw("contact_gap_days");
  if (!gaps.value || !gaps.value->is_object()) {
    f.fail("contact_gap_days", "field.required");
  } else {
    for (const auto& [k, v] : gaps.value->items()) {
      const bool grade = std::find(kGradeKeys.begin(), kGradeKeys.end(), k) != kGradeKeys.end();
      if (!grade) f.fail("contact_gap_days." + k, "field.unknown");
      else if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > kMaxGap)
        f.fail("contact_gap_days." + k, "field.between|min=1|max=3650");
      else s.contact_gap_days[k] = v.get<std::int64_t>();
    }
    for (const auto& g : kGradeKeys)
      if (!gaps.value->contains(g)) f.fail("contact_gap_days." + g, "field.required");
  }
  auto nc = f.integer("new_customer_days", {.required = true, .min = 1, .max = 365});
  if (nc.value) s.new_customer_days = *nc.value;
  for (const auto& l : kLeads) {
    auto v = f.integer(l.key, {.required = true, .min = 0, .max = kMaxLead});
    if (v.value) s.*(l.member) = *v.value;
  }
  auto fg = f.text_list("festival_grades", kGradeKeys.size(), 1);
  if (fg.value) {
    for (const auto& g : *fg.value)
      if (std::find(kGradeKeys.begin(), kGradeKeys.end(), g) == kGradeKeys.end()) f.fail("festival_grades", "field.invalid_choice|allowed=A, B, C");
    s.festival_grades = *fg.value;
  } else {
    f.fail("festival_grades", "field.required");
  }
  auto v = f.integer("version", {.required = true, .min = 1});
  KEHU_CHECK(f.finish());
  version = *v.value;
  return s;
}

StoredSettings load_settings(db::Conn& c) {
  StoredSettings out;
  c.query("SELECT settings, version, updated_at FROM care_settings WHERE id = 1", {}, [&](const db::Row& r) {
    out.settings = settings_from_json(nlohmann::json::parse(r.text(0), nullptr, false));
    out.version = r.i64(1);
    out.updated_at = r.text(2);
  });
  return out;
}

}  // namespace kehu::care
