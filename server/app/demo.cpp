// The demo company: 华南润滑油 sells lubricants through dealers in three regions.
#include "app/demo.hpp"

#include "modules/care/care.hpp"
#include "modules/customers/customers.hpp"
#include "modules/service/service.hpp"
#include "modules/sales/sales.hpp"
#include "platform/core/clock.hpp"

#include <map>
#include <tuple>
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

struct DemoProduct {
  const char* name;
  const char* spec;
  const char* unit;
  const char* category;
  std::int64_t price;  // fen
};
const DemoProduct kProducts[] = {
    {"恒力 CH-4 15W-40 柴油机油", "4L", "桶", "柴油机油", 16800},
    {"恒力 CH-4 15W-40 柴油机油", "18L", "桶", "柴油机油", 68000},
    {"恒力 CH-4 15W-40 柴油机油", "200L", "桶", "柴油机油", 698000},
    {"恒力 CI-4 10W-40 柴油机油", "18L", "桶", "柴油机油", 86000},
    {"恒力 SN 5W-30 汽油机油", "1L", "瓶", "汽油机油", 6800},
    {"恒力 SN 5W-30 汽油机油", "4L", "桶", "汽油机油", 23800},
    {"恒力 SP 0W-20 全合成汽油机油", "4L", "桶", "汽油机油", 39800},
    {"恒力 GL-5 85W-90 齿轮油", "4L", "桶", "齿轮油", 14500},
    {"恒力 GL-5 85W-90 齿轮油", "18L", "桶", "齿轮油", 59000},
    {"恒力 L-HM 46 抗磨液压油", "18L", "桶", "液压油", 42000},
    {"恒力 L-HM 46 抗磨液压油", "200L", "桶", "液压油", 436000},
    {"恒力 -35℃ 长效防冻液", "2kg", "桶", "防冻液", 4500},
    {"恒力 -35℃ 长效防冻液", "10kg", "桶", "防冻液", 19800},
    {"恒力 3# 锂基润滑脂", "0.8kg", "罐", "润滑脂", 2600},
    {"恒力 3# 锂基润滑脂", "15kg", "桶", "润滑脂", 38000},
};
// Lubricants sell in spring and autumn, little around the Spring Festival.
constexpr int kSeason[12] = {5, 4, 9, 10, 9, 7, 6, 7, 9, 10, 9, 7};

// About two years of orders for an active customer, paid except for the last weeks.
int demo_orders(datagen::Rng& rng, db::Database& db, CustomerId customer, const auth::Principal& owner,
                const std::string& grade, const std::vector<std::int64_t>& products, const auth::Principal& director) {
  std::optional<std::int64_t> last_order;
  const std::int64_t today_n = clock::day_number(clock::local_date(clock::now()));
  const int interval = grade == "A" ? 14 : grade == "B" ? 30 : 55;
  const int scale = grade == "A" ? 6 : grade == "B" ? 3 : 1;
  int made = 0;
  for (std::int64_t day = today_n - 730 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(interval)));
       day <= today_n; day += interval / 2 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(interval)))) {
    const auto date = clock::from_day_number(day);
    if (static_cast<int>(rng.below(10)) >= kSeason[date.month - 1]) continue;
    nlohmann::json lines = nlohmann::json::array();
    std::int64_t total = 0;
    const int n = 1 + static_cast<int>(rng.below(3));
    for (int k = 0; k < n; ++k) {
      const auto idx = rng.below(products.size());
      const std::int64_t qty = (1 + static_cast<std::int64_t>(rng.below(10))) * scale;
      lines.push_back({{"product_id", products[idx]}, {"quantity", qty}});
      total += qty * kProducts[idx].price;
    }
    nlohmann::json body = {{"customer_id", customer.value}, {"date", clock::format_date(date)}, {"lines", lines}};
    const auto age = today_n - day;
    if (age > 45 || rng.chance(0.3)) body["payment"] = {{"amount", total}, {"method", rng.chance(0.7) ? "bank_transfer" : "acceptance_bill"}};
    else if (rng.chance(0.5)) body["payment"] = {{"amount", total / 2}, {"method", "bank_transfer"}};
    auto created = sales::create_order(db, body, owner);
    if (!created && created.error().code == ErrorCode::kCreditLimitExceeded) {
      body["payment"] = {{"amount", total}, {"method", "bank_transfer"}};
      created = sales::create_order(db, body, owner);
    }
    if (created) {
      ++made;
      last_order = *created;
    }
  }
  // A few returns and exchanges of the latest order, half of them approved.
  if (last_order && rng.chance(0.04)) {
    static const char* kReasons[] = {"桶身破损，漏油", "客户订错规格", "包装受潮", "批次颜色异常，送检"};
    static const char* kKinds[] = {"return", "exchange", "damaged_package", "repair"};
    const auto k = rng.below(4);
    (void)sales::request_return(db, {{"order_id", *last_order}, {"kind", kKinds[k]}, {"reason", kReasons[k]},
                                     {"lines", {{{"line_no", 1}, {"quantity", 1}}}}},
                                owner, rng.chance(0.5) ? &director : nullptr);
  }
  return made;
}

// Half a year of contacts with an active customer: calls, WeChat, visits, a gift before the
// festivals, promises and next-contact dates. Some key customers have gone quiet (overdue).
int demo_contacts(datagen::Rng& rng, db::Database& db, CustomerId customer, const auth::Principal& owner,
                  const std::string& grade) {
  static const char* kSummaries[] = {
      "电话沟通下月订货计划，客户预计加量两成", "微信确认到货情况，客户反馈包装完好", "上门拜访，了解门店库存与竞品价格",
      "客户咨询全合成机油新品价格与返利", "催收上月货款，客户承诺月底前付清", "介绍秋季促销政策，客户有意参加",
      "售后回访，客户对服务满意", "与老板面谈年度合作框架", "客户反映物流偏慢，已协调仓库优先发货",
      "陪同技术人员为车队做油品检测"};
  static const char* kKinds[] = {"call", "call", "call", "wechat", "wechat", "visit", "visit", "meeting", "sms", "email"};
  std::vector<std::int64_t> contacts;
  db.read([&](db::Conn& c) {
    c.query("SELECT id FROM contacts WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, id",
            {customer.value}, [&](const db::Row& r) { contacts.push_back(r.i64(0)); });
  });
  const std::int64_t today_n = clock::day_number(clock::local_date(clock::now()));
  const int interval = grade == "A" ? 18 : grade == "B" ? 40 : 75;
  // One in seven key customers has not been contacted for a while.
  const std::int64_t quiet = rng.chance(0.15) ? 35 + static_cast<std::int64_t>(rng.below(40)) : 0;
  int made = 0;
  for (std::int64_t day = today_n - 180 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(interval)));
       day <= today_n - quiet; day += interval / 2 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(interval)))) {
    const auto date = clock::from_day_number(day);
    const bool last = day + interval / 2 > today_n - quiet;
    nlohmann::json body = {{"customer_id", customer.value},
                           {"kind", kKinds[rng.below(std::size(kKinds))]},
                           {"at", clock::format_date(date) + "T" + std::to_string(10 + rng.below(8)) + ":00:00+08:00"},
                           {"summary", kSummaries[rng.below(std::size(kSummaries))]}};
    if (day == today_n && body["at"].get<std::string>() > clock::to_iso_utc(clock::now())) body.erase("at");
    if (!contacts.empty()) body["contact_ids"] = {contacts[0]};
    // a gift in the weeks before the Mid-Autumn Festival or the Spring Festival
    if ((date.month == 9 || date.month == 1) && rng.chance(0.3)) {
      body["kind"] = "gift";
      body["summary"] = date.month == 9 ? "中秋节礼品：月饼礼盒" : "春节礼品：茶叶礼盒";
      body["gift"] = {{"item", date.month == 9 ? "月饼礼盒" : "茶叶礼盒"}, {"cost", 20000 + 10000 * rng.below(5)},
                      {"reason", date.month == 9 ? "中秋问候" : "春节问候"}};
    }
    if (last) {
      body["next_contact_date"] = clock::format_date(clock::from_day_number(day + interval));
      if (rng.chance(0.25))
        body["promises"] = {{{"text", "下周前寄送新品样品和报价单"}, {"due_date", clock::format_date(clock::from_day_number(day + 7))}}};
    }
    if (care::log_contact(db, body, owner).ok()) ++made;
  }
  return made;
}

// Complaints over the last four months in every status, worked by the service desk with the
// clock set back to when each step happened; some were answered late.
int demo_complaints(datagen::Rng& rng, db::Database& db,
                    const std::vector<std::pair<CustomerId, auth::Principal>>& customers, const auth::Principal& desk,
                    const std::map<std::int64_t, auth::Principal>& leads, const auth::Principal& director) {
  struct Kind {
    const char* category;
    const char* description;
    const char* cause;
    const char* prevention;
  };
  static const Kind kKinds[] = {
      {"product_quality", "到货的 18L 柴油机油有两桶桶身渗漏，客户要求换货", "灌装线封口温度偏低", "灌装线每班点检封口温度"},
      {"product_quality", "客户反映防冻液颜色与上批不一致，担心质量问题", "原料批次更换未提前告知", "原料变更须提前通知经销商"},
      {"delivery", "订单承诺三天到货，实际延迟一周，影响客户门店销售", "承运商运力不足", "旺季前与第二家承运商签订协议"},
      {"delivery", "送货司机未按约定时间到达，客户仓库无人收货", "调度未与客户确认收货时间", "发货前一天电话确认收货时间"},
      {"service_attitude", "客户致电客服热线，等待二十分钟无人接听", "高峰时段坐席不足", "高峰时段增加两名坐席"},
      {"billing", "对账单金额与实际发货不符，多计一笔运费", "运费规则未同步到开票系统", "运费规则变更后复核开票系统"},
  };
  static const char* kChannels[] = {"phone", "phone", "phone", "wechat", "email", "visit"};
  static const char* kSeverities[] = {"low", "medium", "medium", "medium", "high", "critical"};
  // the furthest step: received … closed, rejected, reopened
  static const char* kPath[] = {"accept", "investigate", "propose", "approve", "start", "inform", "rate", "close"};
  const auto previous = clock::fixed_time();
  const auto real_now = clock::now();
  int made = 0;
  for (int i = 0; i < 80 && !customers.empty(); ++i) {
    const auto& [customer, owner] = customers[rng.below(customers.size())];
    const auto& kind = kKinds[rng.below(std::size(kKinds))];
    // recent ones are still open, older ones mostly closed
    const int days_ago = i < 12 ? static_cast<int>(rng.below(3)) : 3 + static_cast<int>(rng.below(118));
    auto t = real_now - std::chrono::hours(24 * days_ago) - std::chrono::hours(rng.below(8));
    if (t > real_now) t = real_now;
    clock::set_fixed(t);
    auto id = service::file_complaint(db,
                                      {{"customer_id", customer.value}, {"channel", kChannels[rng.below(std::size(kChannels))]},
                                       {"category", kind.category}, {"severity", kSeverities[rng.below(std::size(kSeverities))]},
                                       {"description", kind.description}},
                                      desk);
    if (!id) continue;
    ++made;
    // how far it got: the recent ones a few steps, the older ones to the end, a few rejected
    int steps = i < 12 ? static_cast<int>(rng.below(4)) : rng.chance(0.85) ? 8 : static_cast<int>(rng.below(8));
    if (i >= 12 && rng.chance(0.06)) steps = -1;  // rejected
    const bool late = rng.chance(0.15);           // the first answer came after the promise
    const auth::Principal& lead = owner.team && leads.count(owner.team->value) ? leads.at(owner.team->value) : director;
    auto advance = [&](int hours) {
      t += std::chrono::hours(hours);
      if (t > real_now) t = real_now;
      clock::set_fixed(t);
    };
    if (steps == -1) {
      advance(late ? 30 : 2);
      (void)service::complaint_step(db, *id, "reject", {{"note", "经核实非我司产品，已向客户说明"}}, desk);
      continue;
    }
    for (int k = 0; k < steps; ++k) {
      advance(k == 0 ? (late ? 30 : 1 + static_cast<int>(rng.below(5))) : 2 + static_cast<int>(rng.below(20)));
      const std::string step = kPath[k];
      nlohmann::json body = nlohmann::json::object();
      if (step == "propose") body["resolution_plan"] = "换货并承担往返运费，主管回访致歉";
      if (step == "inform") body["result_note"] = "已按方案处理完毕，电话告知客户";
      if (step == "rate") body["satisfaction"] = rng.chance(0.8) ? 4 + static_cast<int>(rng.below(2)) : 2 + static_cast<int>(rng.below(2));
      if (step == "close") {
        body["root_cause"] = kind.category;
        body["root_cause_text"] = kind.cause;
        body["resolution"] = "换货并补偿运费";
        body["prevention_action"] = kind.prevention;
        body["prevention_owner_id"] = lead.user.value;
        body["prevention_due"] = clock::format_date(clock::from_day_number(clock::day_number(clock::local_date(t)) + 30));
      }
      if (!service::complaint_step(db, *id, step, body, step == "approve" ? lead : desk).ok()) break;
    }
  }
  clock::set_fixed(previous);
  return made;
}

// Service requests of the last months (some still planned, inspections repeating every three
// months) and satisfaction surveys taken by phone, by the service desk.
std::pair<int, int> demo_service(datagen::Rng& rng, db::Database& db,
                                 const std::vector<std::pair<CustomerId, auth::Principal>>& customers,
                                 const auth::Principal& desk) {
  static const char* kTypes[] = {"on_site", "technical_guidance", "delivery", "consulting", "promotion_support",
                                 "inspection", "market_research", "payment"};
  static const char* kTitles[] = {"上门检查设备润滑状况", "为维修技师讲解新品用油", "加急配送 20 桶柴油机油", "咨询液压油换油周期",
                                  "门店促销活动支持", "在用油品检测（油液分析）", "区域市场竞品调研", "对账与回款"};
  static const char* kSuggestions[] = {"希望交货再快一些", "业务员很专业，继续保持", "希望多一些促销支持", "", "价格能否再优惠"};
  const auto today_n = clock::day_number(clock::local_date(clock::now()));
  int requests = 0, surveys = 0;
  for (int i = 0; i < 60 && !customers.empty(); ++i) {
    const auto& [customer, owner] = customers[rng.below(customers.size())];
    const auto k = rng.below(std::size(kTypes));
    const bool past = rng.chance(0.7);
    const auto day = clock::from_day_number(today_n + (past ? -static_cast<std::int64_t>(5 + rng.below(150)) : static_cast<std::int64_t>(1 + rng.below(30))));
    nlohmann::json body = {{"customer_id", customer.value}, {"type", kTypes[k]}, {"title", kTitles[k]},
                           {"scheduled_on", clock::format_date(day)}, {"staff_ids", {desk.user.value, owner.user.value}}};
    if (std::string(kTypes[k]) == "inspection") body["repeat_every_months"] = 3;
    nlohmann::json done = {{"outcome", "已完成，客户确认"}, {"cost", 10000 * static_cast<std::int64_t>(rng.below(8))},
                           {"done_on", clock::format_date(day)}};
    if (service::plan_service_request(db, body, desk, past ? &done : nullptr).ok()) ++requests;
  }
  for (int i = 0; i < 50 && !customers.empty(); ++i) {
    const auto& customer = customers[rng.below(customers.size())].first;
    const auto score = [&] { return rng.chance(0.85) ? 4 + static_cast<int>(rng.below(2)) : 2 + static_cast<int>(rng.below(2)); };
    nlohmann::json answers = {{"overall", score()}, {"product_quality", score()}, {"delivery", score()}, {"service", score()},
                              {"nps", rng.chance(0.7) ? 9 + static_cast<int>(rng.below(2)) : 5 + static_cast<int>(rng.below(4))}};
    const std::string suggestion = kSuggestions[rng.below(std::size(kSuggestions))];
    if (!suggestion.empty()) answers["suggestions"] = suggestion;
    if (service::survey_by_phone(db, customer, answers, desk).ok()) ++surveys;
  }
  return {requests, surveys};
}

// Plans for the last three months and the next one, around what the dealer buys.
int demo_plans(datagen::Rng& rng, db::Database& db, CustomerId dealer, const auth::Principal& owner,
               const std::vector<std::int64_t>& products) {
  const auto today = clock::local_date(clock::now());
  int made = 0;
  for (int back = -1; back <= 2; ++back) {
    int y = today.year, m = today.month - back;
    while (m < 1) { m += 12; --y; }
    while (m > 12) { m -= 12; ++y; }
    nlohmann::json lines = nlohmann::json::array();
    for (std::size_t k = 0; k < 3; ++k) {
      const auto idx = (static_cast<std::size_t>(dealer.value) + k * 5) % products.size();
      lines.push_back({{"product_id", products[idx]}, {"quantity", 10 + static_cast<std::int64_t>(rng.below(40))}});
    }
    nlohmann::json body = {{"lines", lines}, {"schedule", "上旬、中旬各到货一次"},
                           {"support", rng.chance(0.5) ? "厂家派促销员两周，门头广告补贴" : "季度返利 2%"}};
    if (sales::save_plan(db, dealer, clock::format_date({y, m, 1}).substr(0, 7), body, owner).ok()) ++made;
  }
  return made;
}

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
      c["birthday"] = {{"calendar", "solar"}, {"date", clock::format_date({b.year, b.month, b.day})}};
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
  std::map<std::int64_t, auth::Principal> leads;  // per team
  db.write([&](db::Conn& c) {
    std::vector<TeamId> teams;
    for (const char* t : kTeams) teams.push_back(auth::create_team(c, t, std::nullopt, kDemoActor).value().id);
    for (const auto& u : kUsers) {
      std::optional<TeamId> team;
      if (u.team >= 0) team = teams[static_cast<std::size_t>(u.team)];
      auto user = auth::create_user(c, {u.username, u.name, out.password, u.role, team, false}, kDemoActor).value();
      if (u.role == auth::Role::kManager) {
        auth::Principal lead;
        lead.user = user.id;
        lead.role = u.role;
        lead.team = team;
        leads[team->value] = lead;
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

  auth::Principal director;
  std::vector<std::int64_t> products;
  db.read([&](db::Conn& c) {
    auto u = auth::find_user_by_name(c, "zhao.director");
    director.user = u->id;
    director.role = u->role;
  });
  for (const auto& p : kProducts) {
    auto id = sales::create_product(db, {{"brand", "恒力"}, {"name", p.name}, {"spec", p.spec}, {"unit", p.unit},
                                         {"category", p.category}, {"price", p.price}, {"unit_cost", p.price * 62 / 100}},
                                    director);
    if (id) products.push_back(*id);
  }
  out.products = static_cast<int>(products.size());
  // Orders only for demo-sized data sets; large ones are for archive and search tests.
  const bool with_orders = customers <= 5000;

  std::map<std::int64_t, std::vector<CustomerId>> general_dealers;  // per owner
  std::map<std::int64_t, int> visits_planned;                      // per owner
  std::vector<std::pair<CustomerId, auth::Principal>> active;       // for the complaints
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
      body["cooperation_start"] =
          clock::format_date({2015 + static_cast<int>(rng.below(11)), 1 + static_cast<int>(rng.below(12)), 1});
    }
    nlohmann::json tags = nlohmann::json::array();
    if (rng.chance(0.1)) tags.push_back("重点客户");
    // The distribution tree: some customers are general dealers; some later customers of the
    // same manager are their second-tier dealers or retail outlets.
    auto& dealers = general_dealers[owner.user.value];
    const bool general = rng.chance(0.12);
    if (general) {
      tags.push_back("经销商");
      body["dealer_level"] = "general";
    } else if (!dealers.empty() && rng.chance(0.25)) {
      body["parent_id"] = dealers[rng.below(dealers.size())].value;
      body["dealer_level"] = rng.chance(0.6) ? "second" : "retail";
    }
    if (rng.chance(0.05)) tags.push_back("新客户");
    body["tags"] = tags;
    nlohmann::json contacts = nlohmann::json::array();
    const int n = 1 + static_cast<int>(rng.below(3));
    for (int k = 0; k < n; ++k) contacts.push_back(contact_body(rng, region, k == 0));
    body["contacts"] = contacts;
    // The director opens the account with its credit limit (a lead's decision) for the owner.
    body["owner_id"] = owner.user.value;
    auto created = customers::create_customer(db, body, director);
    if (!created) {
      body.erase("contacts");  // a rare generated value the archive rejects: keep the customer
      created = customers::create_customer(db, body, director);
    }
    if (created) {
      ++out.customers;
      out.contacts += n;
      if (general) general_dealers[owner.user.value].push_back(*created);
      if (with_orders && body["status"] == "active" && products.size() == std::size(kProducts)) {
        out.orders += demo_orders(rng, db, *created, owner, body["grade"].get<std::string>(), products, director);
        out.contact_logs += demo_contacts(rng, db, *created, owner, body["grade"].get<std::string>());
        active.emplace_back(*created, owner);
        // The first active customers of each manager get visit plans: today's and this
        // week's approved by the team lead, two more waiting for the lead's decision.
        auto& planned = visits_planned[owner.user.value];
        if (planned < 4 && owner.team && leads.count(owner.team->value)) {
          static const char* kPurposes[] = {"季度对账并商谈下季度备货", "新品推介与门店陈列检查", "年度返利政策沟通",
                                            "陪同技术服务工程师做油品检测"};
          const auto day = clock::from_day_number(clock::day_number(clock::local_date(clock::now())) + (planned == 0 ? 0 : 2 + planned));
          nlohmann::json visit = {{"customer_id", created->value}, {"date", clock::format_date(day)},
                                  {"purpose", kPurposes[planned]}, {"leader_visit", planned == 3}};
          if (care::plan_visit(db, visit, owner, planned < 2 ? &leads[owner.team->value] : nullptr).ok()) ++out.visits;
          ++planned;
        }
        if (general) out.plans += demo_plans(rng, db, *created, owner, products);
      }
    }
  }
  auth::Principal desk;
  db.read([&](db::Conn& c) {
    auto u = auth::find_user_by_name(c, "luo.service");
    desk.user = u->id;
    desk.role = u->role;
  });
  out.complaints = demo_complaints(rng, db, active, desk, leads, director);
  std::tie(out.service_requests, out.surveys) = demo_service(rng, db, active, desk);
  return out;
}

}  // namespace kehu::app
