// The calendar subscription: each user's secret feed URL (only its digest is stored) serving
// an iCalendar of their visits, care tasks, promises, contacts' birthdays and festivals for
// the next year. Lunar birthdays are written out as single dated events, one per year.
#include <algorithm>
#include <memory>

#include "modules/care/care_internal.hpp"
#include "platform/http/params.hpp"
#include "modules/care/ical.hpp"
#include "modules/care/reminders.hpp"
#include "modules/care/task.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/calendar/festivals.hpp"
#include "platform/core/messages.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

constexpr std::int64_t kPastDays = 30, kFutureDays = 366;

constexpr const char* kFeedOf = "SELECT created_at FROM calendar_feeds WHERE user_id = ?";
constexpr const char* kUserOfToken =
    "SELECT f.user_id, u.name FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_digest = ? AND u.active = 1";
constexpr const char* kSave =
    "INSERT INTO calendar_feeds(user_id, token_digest, created_at) VALUES (?,?,?) ON CONFLICT(user_id) DO UPDATE SET "
    "token_digest = excluded.token_digest, created_at = excluded.created_at";
constexpr const char* kTasks =
    "SELECT t.id, t.kind, t.subject, t.due_date, c.name, k.name FROM care_tasks t LEFT JOIN customers c ON c.id = t.customer_id "
    "LEFT JOIN contacts k ON k.id = t.contact_id WHERE t.user_id = ? AND t.status = 'open' AND t.due_date >= ? "
    "AND t.due_date <= ? AND t.kind NOT IN ('birthday', 'festival') ORDER BY t.due_date, t.id";
constexpr const char* kVisits =
    "SELECT v.id, v.date, v.purpose, c.name, v.status FROM visits v JOIN customers c ON c.id = v.customer_id "
    "WHERE v.user_id = ? AND v.status IN ('submitted', 'approved') AND v.date >= ? AND v.date <= ? ORDER BY v.date, v.id";
constexpr const char* kPromises =
    "SELECT p.id, p.text, p.due_date, c.name FROM promises p JOIN customers c ON c.id = p.customer_id "
    "WHERE c.owner_id = ? AND c.deleted_at IS NULL AND p.status = 'open' AND p.due_date >= ? AND p.due_date <= ?";
constexpr const char* kBirthdays =
    "SELECT k.id, k.name, k.birthday, c.name FROM contacts k JOIN customers c ON c.id = k.customer_id "
    "WHERE c.owner_id = ? AND c.deleted_at IS NULL AND k.deleted_at IS NULL AND k.left_company = 0 AND k.birthday IS NOT NULL";

messages::Lang lang_of(std::string_view s) {
  if (s == "en") return messages::Lang::kEn;
  if (s == "zh-TW") return messages::Lang::kZhTW;
  return messages::Lang::kZhCN;
}
std::string lang_code(messages::Lang l) { return l == messages::Lang::kEn ? "en" : l == messages::Lang::kZhTW ? "zh-TW" : "zh-CN"; }

std::string t(std::string_view key, messages::Lang lang, const std::map<std::string, std::string>& args = {}) {
  return messages::translate(key, lang, args);
}

// The user's agenda between `first` and `last` (inclusive): visits, tasks, promises, birthdays
// and festivals. Birthdays and festivals are taken from `first` on.
std::vector<IcalEvent> events_of(db::Conn& c, UserId user, clock::Date first, clock::Date last, messages::Lang lang) {
  const auto from = clock::format_date(first);
  const auto to = clock::format_date(last);
  const auto today = first;
  std::vector<IcalEvent> out;
  c.query(kVisits, {user.value, from, to}, [&](const db::Row& r) {
    auto d = clock::parse_date(r.text(1));
    if (!d) return;
    out.push_back({"visit-" + std::to_string(r.i64(0)) + "@kehu", *d,
                   t("care.feed.visit", lang, {{"customer", r.text(3)}, {"purpose", r.text(2)}}),
                   r.text(4) == "submitted" ? t("care.feed.visit_submitted", lang) : "", "VISIT"});
  });
  c.query(kTasks, {user.value, from, to}, [&](const db::Row& r) {
    auto d = clock::parse_date(r.text(3));
    if (!d) return;
    const auto kind = r.text(1);
    const auto subject = r.is_null(2) ? std::string() : r.text(2);
    std::string what = kind == "follow_up" ? subject
                       : kind == "anniversary" ? t("care.feed.anniversary", lang, {{"years", subject}})
                                               : t("care.task." + kind, lang);
    if ((kind == "milestone" || kind == "personal_event" || kind == "regional_event") && !subject.empty())
      what = t("care.event." + subject, lang);
    std::string summary = r.is_null(4) ? what : r.text(4) + " · " + what;
    if (!r.is_null(5)) summary += " · " + r.text(5);
    out.push_back({"task-" + std::to_string(r.i64(0)) + "@kehu", *d, summary, "", "TASK"});
  });
  c.query(kPromises, {user.value, from, to}, [&](const db::Row& r) {
    auto d = clock::parse_date(r.text(2));
    if (!d) return;
    out.push_back({"promise-" + std::to_string(r.i64(0)) + "@kehu", *d,
                   t("care.feed.promise", lang, {{"customer", r.text(3)}, {"text", r.text(1)}}), "", "PROMISE"});
  });
  c.query(kBirthdays, {user.value}, [&](const db::Row& r) {
    auto b = parse_birthday(r.text(2));
    if (!b) return;
    auto d = next_birthday(*b, today);
    if (!d || last < *d) return;
    std::map<std::string, std::string> args = {{"name", r.text(1)}, {"customer", r.text(3)}};
    args["lunar"] = b->lunar ? lunar_label(b->month, b->day, b->leap, lang_code(lang)) : "";
    out.push_back({"birthday-" + std::to_string(r.i64(0)) + "-" + clock::format_date(*d) + "@kehu", *d,
                   t(b->lunar ? "care.feed.lunar_birthday" : "care.feed.birthday", lang, args), "", "BIRTHDAY"});
  });
  for (int y = today.year; y <= last.year; ++y)
    for (const auto& f : calendar::festivals(y)) {
      if (f.date < today || last < f.date) continue;
      const std::string name(calendar::festival_name(f.festival));
      out.push_back({"festival-" + name + "-" + clock::format_date(f.date) + "@kehu", f.date,
                     t("care.festival." + name, lang), "", "FESTIVAL"});
    }
  return out;
}

struct FeedRoutes {
  db::Database& db;

  Result<Response> status(Request&, const Principal& p) {
    return db.read([&](db::Conn& c) -> Result<Response> {
      auto created = c.one(kFeedOf, {p.user.value}, [](const db::Row& r) { return r.text(0); });
      return Response::ok({{"active", created.has_value()}, {"created_at", created ? nlohmann::json(*created) : nlohmann::json()}});
    });
  }

  // A new secret (the old URL stops working). The secret is shown once.
  Result<Response> regenerate(Request& req, const Principal& p) {
    const auto token = auth::random_token(24);
    const auto now = now_iso();
    KEHU_CHECK(db.write([&](db::Conn& c) -> Status {
      const bool had = c.one(kFeedOf, {p.user.value}, [](const db::Row&) { return true; }).has_value();
      c.exec(kSave, {p.user.value, auth::token_digest(token), now});
      audit::record(c, auth::actor_of(req, p), had ? "regenerate" : "create", "calendar_feed", p.user.value, nlohmann::json::object());
      return ok_status();
    }));
    return Response::created({{"active", true},
                              {"created_at", now},
                              {"token", token},
                              {"path", "/api/v1/feeds/calendar.ics?token=" + token}});
  }

  // The same agenda as JSON for the calendar page: ?from=&to= (at most 62 days).
  Result<Response> agenda(Request& req, const Principal& p) {
    KEHU_TRY(auto from, http::date_query(req, "from"));
    KEHU_TRY(auto to, http::date_query(req, "to"));
    if (!from) return http::bad_query("from", "field.required");
    if (!to) return http::bad_query("to", "field.required");
    const auto span = clock::day_number(*to) - clock::day_number(*from);
    if (span < 0 || span > 62) return http::bad_query("to", "care.agenda_span");
    return db.read([&](db::Conn& c) -> Result<Response> {
      auto events = events_of(c, p.user, *from, *to, req.lang);
      std::stable_sort(events.begin(), events.end(), [](const IcalEvent& a, const IcalEvent& b) { return a.date < b.date; });
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : events)
        items.push_back({{"date", clock::format_date(e.date)}, {"category", e.category}, {"summary", e.summary},
                         {"uid", e.uid}, {"note", e.description}});
      return Response::ok({{"from", clock::format_date(*from)}, {"to", clock::format_date(*to)}, {"items", std::move(items)}});
    });
  }

  Result<Response> remove(Request& req, const Principal& p) {
    KEHU_CHECK(db.write([&](db::Conn& c) -> Status {
      if (c.exec("DELETE FROM calendar_feeds WHERE user_id = ?", {p.user.value}).changes > 0)
        audit::record(c, auth::actor_of(req, p), "delete", "calendar_feed", p.user.value, nlohmann::json::object());
      return ok_status();
    }));
    return Response::no_content();
  }

  // Public: the token is the credential. Unknown tokens are 404 (nothing to learn from it).
  Result<Response> feed(Request& req) {
    auto token = req.query_param("token");
    if (!token || token->empty() || token->size() > 100) return not_found();
    const auto lang = lang_of(req.query_param("lang").value_or("zh-CN"));
    const auto today = care::today();
    return db.read([&](db::Conn& c) -> Result<Response> {
      std::optional<std::pair<std::int64_t, std::string>> user;
      c.query(kUserOfToken, {auth::token_digest(*token)}, [&](const db::Row& r) { user = {{r.i64(0), r.text(1)}}; });
      if (!user) return not_found();
      Response res;
      const auto first = clock::from_day_number(clock::day_number(today) - kPastDays);
      const auto last = clock::from_day_number(clock::day_number(today) + kFutureDays);
      auto events = events_of(c, UserId(user->first), first, last, lang);
      res.body = write_ical(t("care.feed.name", lang, {{"name", user->second}}), events, clock::now());
      res.headers.emplace_back("Content-Type", "text/calendar; charset=utf-8");
      res.headers.emplace_back("Cache-Control", "private, max-age=300");
      return res;
    });
  }
};

}  // namespace

void register_feed_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<FeedRoutes>(FeedRoutes{a.db()});
  auto h = [&a, routes](Result<Response> (FeedRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); });
  };
  r.get("/api/v1/me/calendar-feed", h(&FeedRoutes::status));
  r.post("/api/v1/me/calendar-feed", h(&FeedRoutes::regenerate));
  r.del("/api/v1/me/calendar-feed", h(&FeedRoutes::remove));
  r.get("/api/v1/me/agenda", h(&FeedRoutes::agenda));
  r.get("/api/v1/feeds/calendar.ics", [routes](Request& req) { return routes->feed(req); });
}

void register_feed_messages() {
  using messages::add;
  add("care.agenda_span", {"时间范围须在 0 到 62 天之间", "時間範圍須在 0 到 62 天之間", "The range must be 0 to 62 days"});
  add("care.feed.name", {"客户关怀日历 · {name}", "客戶關懷日曆 · {name}", "Customer care · {name}"});
  add("care.feed.visit", {"拜访 {customer}：{purpose}", "拜訪 {customer}：{purpose}", "Visit {customer}: {purpose}"});
  add("care.feed.visit_submitted", {"待审批的拜访计划", "待審核的拜訪計畫", "Visit plan awaiting approval"});
  add("care.feed.promise", {"承诺到期 · {customer}：{text}", "承諾到期 · {customer}：{text}", "Promise due · {customer}: {text}"});
  add("care.feed.birthday", {"{name} 生日（{customer}）", "{name} 生日（{customer}）", "{name}'s birthday ({customer})"});
  add("care.feed.lunar_birthday", {"{name} 农历生日 {lunar}（{customer}）", "{name} 農曆生日 {lunar}（{customer}）",
                                   "{name}'s birthday, {lunar} ({customer})"});
  add("care.feed.anniversary", {"合作 {years} 周年", "合作 {years} 週年", "{years} years of cooperation"});
  add("care.task.anniversary", {"合作周年", "合作週年", "Cooperation anniversary"});
  add("care.task.milestone", {"客户纪念日", "客戶紀念日", "Customer milestone"});
  add("care.task.personal_event", {"个人事件", "個人事件", "Personal event"});
  add("care.task.regional_event", {"地区事件关怀", "地區事件關懷", "Regional event care"});
  add("care.task.staff_change", {"人事变动：重建关系", "人事變動：重建關係", "Staff change: rebuild the relationship"});
  add("care.task.follow_up", {"跟进", "跟進", "Follow-up"});
  add("care.task.birthday", {"生日", "生日", "Birthday"});
  add("care.task.festival", {"节日问候", "節日問候", "Festival greeting"});
  const std::pair<const char*, messages::Text> events[] = {
      {"store_opening", {"开业纪念日", "開業紀念日", "Store opening"}},
      {"company_anniversary", {"公司周年庆", "公司週年慶", "Company anniversary"}},
      {"project_completion", {"项目竣工", "專案竣工", "Project completion"}},
      {"wedding", {"婚礼", "婚禮", "Wedding"}},
      {"illness", {"生病慰问", "生病慰問", "Illness"}},
      {"accident", {"意外慰问", "意外慰問", "Accident"}},
      {"typhoon", {"台风", "颱風", "Typhoon"}},
      {"flood", {"洪涝", "洪澇", "Flood"}},
      {"earthquake", {"地震", "地震", "Earthquake"}},
      {"epidemic", {"疫情", "疫情", "Epidemic"}},
      {"snowstorm", {"雪灾", "雪災", "Snowstorm"}},
      {"heatwave", {"高温", "高溫", "Heatwave"}},
      {"drought", {"干旱", "乾旱", "Drought"}},
      {"other", {"其他", "其他", "Other"}},
  };
  for (const auto& [k, v] : events) add(std::string("care.event.") + k, v);
  const std::pair<const char*, messages::Text> festivals[] = {
      {"new_year", {"元旦", "元旦", "New Year's Day"}},
      {"laba", {"腊八节", "臘八節", "Laba Festival"}},
      {"new_years_eve", {"除夕", "除夕", "Chinese New Year's Eve"}},
      {"spring_festival", {"春节", "春節", "Spring Festival"}},
      {"lantern", {"元宵节", "元宵節", "Lantern Festival"}},
      {"qingming", {"清明节", "清明節", "Qingming Festival"}},
      {"dragon_boat", {"端午节", "端午節", "Dragon Boat Festival"}},
      {"qixi", {"七夕", "七夕", "Qixi Festival"}},
      {"mid_autumn", {"中秋节", "中秋節", "Mid-Autumn Festival"}},
      {"national_day", {"国庆节", "國慶日", "National Day"}},
      {"double_ninth", {"重阳节", "重陽節", "Double Ninth Festival"}},
  };
  for (const auto& [k, v] : festivals) add(std::string("care.festival.") + k, v);
}

}  // namespace kehu::care
