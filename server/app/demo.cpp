// The demo company: 华南润滑油 sells lubricants through dealers in three regions.
#include "app/demo.hpp"

#include "modules/customers/customers.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "tools/datagen/datagen.hpp"

namespace kehu::app {
namespace {

struct DemoUser {
  const char* username;
  const char* name;
  auth::Role role;
  int team;  // index into kTeams, -1 none
};

constexpr const char* kTeams[] = {"华南事业部", "华东事业部", "华北事业部"};
const DemoUser kUsers[] = {
    {"zhao.director", "赵建国", auth::Role::kDirector, -1},
    {"wang.lead", "王强", auth::Role::kManager, 0},
    {"chen.lead", "陈静", auth::Role::kManager, 1},
    {"liu.lead", "刘洋", auth::Role::kManager, 2},
    {"li.am", "李娜", auth::Role::kAccountManager, 0},
    {"huang.am", "黄磊", auth::Role::kAccountManager, 0},
    {"zhou.am", "周敏", auth::Role::kAccountManager, 0},
    {"wu.am", "吴涛", auth::Role::kAccountManager, 0},
    {"xu.am", "徐丽", auth::Role::kAccountManager, 1},
    {"sun.am", "孙鹏", auth::Role::kAccountManager, 1},
    {"ma.am", "马超", auth::Role::kAccountManager, 1},
    {"zhu.am", "朱婷", auth::Role::kAccountManager, 1},
    {"hu.am", "胡斌", auth::Role::kAccountManager, 2},
    {"guo.am", "郭芳", auth::Role::kAccountManager, 2},
    {"he.am", "何军", auth::Role::kAccountManager, 2},
    {"lin.am", "林雪", auth::Role::kAccountManager, 2},
    {"luo.service", "罗晓燕", auth::Role::kService, -1},
    {"gao.service", "高峰", auth::Role::kService, -1},
    {"zheng.audit", "郑审计", auth::Role::kAuditor, -1},
};
const audit::Actor kDemoActor{std::nullopt, "demo", "local"};

nlohmann::json contact_body(datagen::Rng& rng, const datagen::Region& region, bool primary) {
  auto person = datagen::person_name(rng);
  nlohmann::json c = {{"name", person.full}, {"title", datagen::job_title(rng)}, {"mobile", datagen::mobile(rng)},
                      {"is_primary", primary}};
  if (rng.chance(0.4)) c["landline"] = datagen::landline(rng, region);
  if (rng.chance(0.5)) c["email"] = datagen::email(rng, person.pinyin);
  if (rng.chance(0.6)) c["wechat"] = datagen::wechat(rng);
  if (rng.chance(0.7)) {
    auto b = datagen::birthday(rng);
    if (b.lunar) c["birthday"] = {{"calendar", "lunar"}, {"month", b.month}, {"day", b.day}, {"leap", b.leap}, {"year", b.year}};
    else {
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", b.year, b.month, b.day);
      c["birthday"] = {{"calendar", "solar"}, {"date", date}};
    }
  }
  if (rng.chance(0.5)) c["hobbies"] = datagen::hobby(rng);
  return c;
}

}  // namespace

DemoSummary create_demo(db::Database& db, int customers) {
  DemoSummary out;
  out.password = auth::random_password();
  std::vector<auth::Principal> managers;
  db.write([&](db::Conn& c) {
    std::vector<TeamId> teams;
    for (const char* t : kTeams) teams.push_back(auth::create_team(c, t, std::nullopt, kDemoActor).value().id);
    for (const auto& u : kUsers) {
      std::optional<TeamId> team;
      if (u.team >= 0) team = teams[static_cast<std::size_t>(u.team)];
      auto user = auth::create_user(c, {u.username, u.name, out.password, u.role, team, false}, kDemoActor).value();
      if (u.role == auth::Role::kManager) {
        auto t = *auth::find_team(c, *team);
        (void)auth::update_team(c, *team, std::nullopt, std::optional<UserId>(user.id), t.version, kDemoActor).value();
      }
      if (u.role == auth::Role::kAccountManager) {
        auth::Principal p;
        p.user = user.id;
        p.role = u.role;
        p.team = team;
        managers.push_back(p);
      }
      ++out.users;
    }
    out.teams = static_cast<int>(teams.size());
  });

  datagen::Rng rng(20261123);
  for (int i = 0; i < customers; ++i) {
    const auto& owner = managers[rng.below(managers.size())];
    auto region = datagen::region(rng);
    auto company = datagen::company(rng, region);
    nlohmann::json body = {{"type", "company"}, {"name", company.name}, {"short_name", company.short_name},
                           {"industry", company.industry}, {"size", company.size}, {"province_code", region.province_code},
                           {"address", company.address}, {"source", datagen::source(rng)},
                           {"status", datagen::status(rng)}, {"grade", datagen::grade(rng)},
                           {"credit_limit", static_cast<std::int64_t>(rng.below(50)) * 1000000},
                           {"confirm_duplicate", true}};
    if (!region.city_code.empty()) body["city_code"] = region.city_code;
    if (!region.district_code.empty()) body["district_code"] = region.district_code;
    if (!company.credit_code.empty()) body["credit_code"] = company.credit_code;
    if (rng.chance(0.7)) {
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-01", 2015 + static_cast<int>(rng.below(11)), 1 + static_cast<int>(rng.below(12)));
      body["cooperation_start"] = date;
    }
    nlohmann::json tags = nlohmann::json::array();
    if (rng.chance(0.1)) tags.push_back("重点客户");
    if (rng.chance(0.15)) tags.push_back("经销商");
    if (rng.chance(0.05)) tags.push_back("新客户");
    body["tags"] = tags;
    nlohmann::json contacts = nlohmann::json::array();
    const int n = 1 + static_cast<int>(rng.below(3));
    for (int k = 0; k < n; ++k) contacts.push_back(contact_body(rng, region, k == 0));
    body["contacts"] = contacts;
    auto created = customers::create_customer(db, body, owner);
    if (!created) {
      body.erase("contacts");  // a rare generated value the archive rejects: keep the customer
      created = customers::create_customer(db, body, owner);
    }
    if (created) {
      ++out.customers;
      out.contacts += created ? n : 0;
    }
  }
  return out;
}

}  // namespace kehu::app
