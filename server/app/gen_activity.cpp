// `kehu gen`, part 2: three years of orders with lines and payments (seasonal, a long tail,
// some debt), monthly plans of dealers, contact logs with the care state, visits and
// complaints, for a chunk of customers written by gen.cpp.
#include <algorithm>
#include <iterator>

#include "app/gen_internal.hpp"

namespace kehu::app::gen {
namespace {

// Lubricants sell in spring and autumn, little around the Spring Festival (out of 10).
constexpr int kSeason[12] = {5, 4, 9, 10, 9, 7, 6, 7, 9, 10, 9, 7};

std::vector<std::int32_t> days_between(State& s, std::int32_t from, std::int32_t to, int n, bool seasonal) {
  std::vector<std::int32_t> days;
  if (to < from || n <= 0) return days;
  days.reserve(static_cast<std::size_t>(n));
  const auto span = static_cast<std::uint64_t>(to - from + 1);
  while (static_cast<int>(days.size()) < n) {
    const auto d = from + static_cast<std::int32_t>(s.rng.below(span));
    if (seasonal && static_cast<int>(s.rng.below(10)) >= kSeason[clock::from_day_number(d).month - 1]) continue;
    days.push_back(d);
  }
  std::sort(days.begin(), days.end());
  return days;
}

constexpr const char* kInsertOrder =
    "INSERT INTO orders(customer_id, date, subtotal, discount, total, paid, created_by, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertLine =
    "INSERT INTO order_lines(order_id, line_no, product_id, product_name, brand, spec, unit, quantity, unit_price, amount) "
    "VALUES (?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertPayment =
    "INSERT INTO payments(order_id, customer_id, date, amount, method, created_by, created_at) VALUES (?,?,?,?,?,?,?)";

void write_orders(db::Conn& c, State& s, std::int64_t id, const GenCustomer& cu) {
  const auto from = std::max(cu.since, s.today - 3 * 365);
  for (const auto day : days_between(s, from, cu.until, cu.orders, true)) {
    const double u = s.rng.unit();
    const int lines = u < 0.15 ? 1 : u < 0.35 ? 2 : u < 0.65 ? 3 : u < 0.85 ? 4 : 5;
    const std::int64_t scale = cu.level == 'g' ? 20 : cu.level == 's' ? 8 : cu.level == 't' ? 3 : 1;
    struct Line { const GenProduct* p; std::int64_t qty; };
    std::vector<Line> picked;
    std::int64_t subtotal = 0;
    for (int k = 0; k < lines; ++k) {
      const auto& p = s.products[static_cast<std::size_t>(s.rng.below(s.products.size()))];
      const std::int64_t qty = (1 + static_cast<std::int64_t>(s.rng.below(10))) * scale;
      picked.push_back({&p, qty});
      subtotal += qty * p.price;
    }
    const std::int64_t discount = cu.level ? subtotal * 2 / 100 : 0;
    const std::int64_t total = subtotal - discount;
    const auto age = s.today - day;
    std::int64_t paid = total;
    if (age <= 60) paid = s.rng.chance(0.5) ? total : s.rng.chance(0.4) ? total / 2 : 0;
    else if (cu.debtor && s.rng.chance(0.5)) paid = s.rng.chance(0.5) ? total / 3 : 0;
    const auto at = at_text(day, 9 + static_cast<int>(s.rng.below(9)), static_cast<int>(s.rng.below(60)));
    const auto order = c.exec(kInsertOrder, {id, date_text(day), subtotal, discount, total, paid, cu.owner, at, at}).last_id;
    int line_no = 0;
    for (const auto& l : picked)
      c.exec(kInsertLine, {order, ++line_no, l.p->id, l.p->name, l.p->brand, l.p->spec, l.p->unit, l.qty, l.p->price, l.qty * l.p->price});
    s.count_lines += line_no;
    ++s.count_orders;
    if (paid > 0) {
      const auto pay_day = std::min(s.today, day + static_cast<std::int32_t>(s.rng.below(30)));
      const double m = s.rng.unit();
      c.exec(kInsertPayment, {order, id, date_text(pay_day), paid, m < 0.7 ? "bank_transfer" : m < 0.9 ? "acceptance_bill" : "wechat",
                              cu.owner, at_text(pay_day, 15, 0)});
      ++s.count_payments;
    }
  }
}

void write_plans(db::Conn& c, State& s, std::int64_t id, const GenCustomer& cu) {
  if (!cu.planned) return;
  const auto today = clock::from_day_number(s.today);
  for (int back = 11; back >= -1; --back) {
    int y = today.year, m = today.month - back;
    while (m < 1) m += 12, --y;
    while (m > 12) m -= 12, ++y;
    char month[8];
    std::snprintf(month, sizeof month, "%04d-%02d", y, m);
    const auto plan = c.exec("INSERT INTO plans(customer_id, month, schedule, support, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
                             {id, month, "上旬、中旬各进货一次", "返利 2%，旺季促销物料", cu.owner, s.now_iso, s.now_iso})
                         .last_id;
    const auto first = s.rng.below(s.products.size());
    for (std::size_t k = 0; k < 3; ++k) {
      const auto& p = s.products[(first + k * 7) % s.products.size()];
      const std::int64_t qty = (cu.level == 'g' ? 100 : 20) * (1 + static_cast<std::int64_t>(s.rng.below(10)));
      c.exec("INSERT INTO plan_lines(plan_id, product_id, quantity, amount) VALUES (?,?,?,?)", {plan, p.id, qty, qty * p.price});
    }
    ++s.count_plans;
  }
}

constexpr const char* kSummaries[] = {
    "电话沟通下月订货计划，客户预计加量两成", "微信确认到货情况，客户反馈包装完好", "上门拜访，了解门店库存与竞品价格",
    "客户咨询全合成机油新品价格与返利", "催收上月货款，客户承诺月底前付清", "介绍秋季促销政策，客户有意参加",
    "售后回访，客户对服务满意", "与老板面谈年度合作框架", "客户反映物流偏慢，已协调仓库优先发货", "陪同技术人员为车队做油品检测"};
constexpr const char* kKinds[] = {"call", "call", "call", "wechat", "wechat", "visit", "meeting", "sms", "email", "other"};

void write_logs(db::Conn& c, State& s, std::int64_t id, const GenCustomer& cu) {
  if (cu.logs <= 0) return;
  const int interval = cu.grade == 'A' ? 30 : cu.grade == 'B' ? 60 : 90;
  const auto from = std::max(cu.since, s.today - 3 * 365);
  const auto end = s.today - 1;
  // Most customers were contacted within their grade's interval; some have gone quiet.
  const auto last = cu.until == s.today && s.rng.chance(0.8) ? end - static_cast<std::int32_t>(s.rng.below(static_cast<std::uint64_t>(interval)))
                                                            : end - static_cast<std::int32_t>(s.rng.below(400));
  auto days = days_between(s, from, std::max(from, last - 1), cu.logs - 1, false);
  if (last >= from) days.push_back(last);
  std::string last_at, next;
  std::int32_t last_day = 0;
  for (std::size_t k = 0; k < days.size(); ++k) {
    const auto day = days[k];
    const auto date = clock::from_day_number(day);
    const bool gift = (date.month == 9 || date.month == 1) && s.rng.chance(0.2);
    const auto at = at_text(day, 9 + static_cast<int>(s.rng.below(9)), static_cast<int>(s.rng.below(60)));
    const bool latest = k + 1 == days.size();
    next = latest && s.rng.chance(0.3) ? date_text(day + interval) : "";
    const auto log = c.exec("INSERT INTO contact_logs(customer_id, kind, at, day, summary, next_contact_date, gift_item, gift_cost, "
                            "gift_reason, user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            {id, gift ? "gift" : kKinds[s.rng.below(std::size(kKinds))], at, date_text(day),
                             gift ? (date.month == 9 ? "中秋节礼品：月饼礼盒" : "春节礼品：茶叶礼盒") : kSummaries[s.rng.below(std::size(kSummaries))],
                             next.empty() ? db::Param(nullptr) : db::Param(next), gift ? db::Param(date.month == 9 ? "月饼礼盒" : "茶叶礼盒") : db::Param(nullptr),
                             gift ? db::Param(20000 + 10000 * static_cast<std::int64_t>(s.rng.below(5))) : db::Param(nullptr),
                             gift ? db::Param(date.month == 9 ? "中秋问候" : "春节问候") : db::Param(nullptr), cu.owner, at, at})
                         .last_id;
    if (cu.contacts > 0)
      c.exec("INSERT INTO contact_log_contacts(log_id, contact_id) VALUES (?,?)",
             {log, cu.first_contact + static_cast<std::int64_t>(s.rng.below(static_cast<std::uint64_t>(cu.contacts)))});
    ++s.count_logs;
    last_at = at;
    last_day = day;
  }
  if (!last_at.empty())
    c.exec("INSERT INTO care_state(customer_id, last_contact_at, last_contact_day, next_contact_date) VALUES (?,?,?,?)",
           {id, last_at, date_text(last_day), next.empty() ? db::Param(nullptr) : db::Param(next)});
}

void write_visits(db::Conn& c, State& s, std::int64_t id, const GenCustomer& cu, std::int64_t team) {
  if (!(cu.level || cu.grade == 'A') || !s.rng.chance(0.1)) return;
  const bool future = s.rng.chance(0.3);
  const auto day = future ? s.today + 1 + static_cast<std::int32_t>(s.rng.below(20)) : s.today - 1 - static_cast<std::int32_t>(s.rng.below(300));
  const char* status = future ? (s.rng.chance(0.5) ? "submitted" : "approved") : "reviewed";
  const auto at = at_text(std::min(day, s.today) - 3, 10, 0);
  c.exec("INSERT INTO visits(customer_id, date, purpose, status, findings, needs, reported_at, user_id, team_id, created_at, updated_at) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
         {id, date_text(day), "季度拜访：回顾进货与库存，沟通下季度计划", status, future ? db::Param(nullptr) : db::Param("门店库存偏低，竞品在做促销"),
          future ? db::Param(nullptr) : db::Param("希望增加旺季返利"), future ? db::Param(nullptr) : db::Param(at_text(day, 18, 0)), cu.owner,
          team, at, at});
  ++s.count_visits;
}

constexpr const char* kCategories[] = {"product_quality", "product_quality", "delivery", "service_attitude", "billing", "other"};
constexpr const char* kChannels[] = {"phone", "phone", "email", "web", "visit", "wechat", "social_media"};
constexpr const char* kDescriptions[] = {"到货桶身破损，漏油约两升", "发货延迟一周，影响门店销售", "机油颜色与上批次不一致，怀疑质量问题",
                                         "对账单金额与发票不符", "业务员答复不及时", "促销返利未按约定兑现"};
constexpr const char* kOpen[] = {"received", "accepted", "investigating", "proposed", "approved", "resolving", "informed", "rated"};

void write_complaint(db::Conn& c, State& s, std::int64_t id, const GenCustomer& cu, std::int64_t lead) {
  const auto from = std::max(cu.since, s.today - 3 * 365);
  if (from > s.today) return;
  const auto day = from + static_cast<std::int32_t>(s.rng.below(static_cast<std::uint64_t>(s.today - from + 1)));
  const int hour = 9 + static_cast<int>(s.rng.below(9));
  const auto minute = static_cast<std::int64_t>(day) * 1440 + hour * 60 - 480;  // UTC minutes
  auto iso = [](std::int64_t m) { return clock::to_iso_utc(clock::from_unix_seconds(m * 60)); };
  const auto created = iso(minute);
  const auto d = clock::from_day_number(day);
  char ref[32];
  std::snprintf(ref, sizeof ref, "TS-%04d%02d%02d-%04d", d.year, d.month, d.day, ++s.complaints_per_day[day]);
  const double sv = s.rng.unit();
  const char* severity = sv < 0.3 ? "low" : sv < 0.75 ? "medium" : sv < 0.95 ? "high" : "critical";
  const char* category = kCategories[s.rng.below(std::size(kCategories))];
  const auto age = s.today - day;
  std::string status = age > 30 ? (s.rng.chance(0.94) ? "closed" : "rejected") : kOpen[s.rng.below(std::size(kOpen))];
  const bool answered = status != "received";
  const auto answer = minute + 60 + static_cast<std::int64_t>(s.rng.below(30 * 60));  // some after the 24 h promise
  const bool closed = status == "closed";
  const auto close = answer + 1440 * (1 + static_cast<std::int64_t>(s.rng.below(10)));
  const auto product = s.products[static_cast<std::size_t>(s.rng.below(s.products.size()))].id;
  const auto cid = c.exec(
      "INSERT INTO complaints(reference, customer_id, contact_id, channel, category, severity, product_id, description, status, "
      "assignee_id, first_response_due, first_response_at, director_escalation_due, resolution_due, informed_at, closed_at, "
      "resolution, satisfaction, root_cause, root_cause_text, prevention_action, prevention_owner_id, prevention_due, "
      "reject_reason, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {std::string(ref), id, cu.contacts ? db::Param(static_cast<std::int64_t>(cu.first_contact)) : db::Param(nullptr),
       kChannels[s.rng.below(std::size(kChannels))], category, severity, product, kDescriptions[s.rng.below(std::size(kDescriptions))],
       status, s.service, iso(minute + 24 * 60), answered ? db::Param(iso(answer)) : db::Param(nullptr), iso(minute + 48 * 60),
       iso(minute + 72 * 60), closed ? db::Param(iso(close - 60)) : db::Param(nullptr), closed ? db::Param(iso(close)) : db::Param(nullptr),
       closed ? db::Param("补发新货并承担运费") : db::Param(nullptr),
       closed ? db::Param(3 + static_cast<std::int64_t>(s.rng.below(3))) : db::Param(nullptr), closed ? db::Param(category) : db::Param(nullptr),
       closed ? db::Param("仓库装车未加固") : db::Param(nullptr), closed ? db::Param("装车增加固定带，发货前拍照") : db::Param(nullptr),
       closed ? db::Param(lead) : db::Param(nullptr), closed ? db::Param(date_text(day + 30)) : db::Param(nullptr),
       status == "rejected" ? db::Param("经核实非产品问题") : db::Param(nullptr), s.service, created,
       closed ? iso(close) : answered ? iso(answer) : created})
                       .last_id;
  constexpr const char* kEvent =
      "INSERT INTO complaint_events(complaint_id, at, user_id, action, from_status, to_status, note, public) VALUES (?,?,?,?,?,?,?,1)";
  c.exec(kEvent, {cid, created, s.service, "file", nullptr, "received", nullptr});
  if (answered) c.exec(kEvent, {cid, iso(answer), s.service, "accept", "received", "accepted", nullptr});
  if (closed) c.exec(kEvent, {cid, iso(close), s.service, "close", "rated", "closed", "已解决"});
  if (status == "rejected") c.exec(kEvent, {cid, iso(answer + 60), s.service, "reject", "accepted", "rejected", "经核实非产品问题"});
  ++s.count_complaints;
}

}  // namespace

void write_activity(db::Conn& c, State& s, std::size_t from, std::size_t to) {
  const double complaint_chance = static_cast<double>(s.scale.complaints) / static_cast<double>(s.scale.customers);
  for (std::size_t k = from; k < to; ++k) {
    const auto& cu = s.customers[k];
    const auto id = s.first_customer + static_cast<std::int64_t>(k);
    const auto& am = s.account_managers[k % s.account_managers.size()];
    const auto lead = s.leads[static_cast<std::size_t>(k % s.account_managers.size()) % s.leads.size()].id;
    write_orders(c, s, id, cu);
    write_plans(c, s, id, cu);
    write_logs(c, s, id, cu);
    write_visits(c, s, id, cu, am.team);
    if (s.rng.chance(complaint_chance)) write_complaint(c, s, id, cu, lead);
  }
}

}  // namespace kehu::app::gen
