#include "modules/care/reminders.hpp"

#include "platform/calendar/festivals.hpp"
#include "platform/calendar/lunar.hpp"

namespace kehu::care {
namespace {

std::int64_t days(clock::Date a, clock::Date b) { return clock::day_number(b) - clock::day_number(a); }

bool within(clock::Date d, clock::Date today, std::int64_t lead) {
  const auto n = days(today, d);
  return n >= 0 && n <= lead;
}

// The solar month/day in `year`; 29 February becomes the 28th in common years.
std::optional<clock::Date> in_year(int year, int month, int day) {
  if (clock::valid_date(year, month, day)) return clock::Date{year, month, day};
  if (month == 2 && day == 29) return clock::Date{year, 2, 28};
  return std::nullopt;
}

bool is_milestone(const std::string& kind) {
  return kind == "store_opening" || kind == "company_anniversary" || kind == "project_completion";
}

}  // namespace

std::optional<BirthdayRule> parse_birthday(const std::string& stored_json) {
  auto j = nlohmann::json::parse(stored_json, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  BirthdayRule b;
  if (j.value("calendar", "") == "lunar") {
    if (!j.contains("month") || !j["month"].is_number_integer() || !j.contains("day") || !j["day"].is_number_integer())
      return std::nullopt;
    b.lunar = true;
    b.month = j["month"].get<int>();
    b.day = j["day"].get<int>();
    b.leap = j.value("leap", false);
    if (b.month < 1 || b.month > 12 || b.day < 1 || b.day > 30) return std::nullopt;
    return b;
  }
  if (!j.contains("date") || !j["date"].is_string()) return std::nullopt;
  auto d = clock::parse_date(j["date"].get<std::string>());
  if (!d) return std::nullopt;
  b.month = d->month;
  b.day = d->day;
  return b;
}

std::optional<clock::Date> next_birthday(const BirthdayRule& b, clock::Date from) {
  if (b.lunar) return calendar::next_lunar_anniversary({b.month, b.day, b.leap}, from);
  for (int y = from.year; y <= from.year + 1; ++y) {
    auto d = in_year(y, b.month, b.day);
    if (d && !(*d < from)) return d;
  }
  return std::nullopt;
}

std::optional<clock::Date> next_anniversary(clock::Date original, clock::Date from) {
  for (int y = std::max(from.year, original.year + 1); y <= std::max(from.year, original.year + 1) + 1; ++y) {
    auto d = in_year(y, original.month, original.day);
    if (d && !(*d < from)) return d;
  }
  return std::nullopt;
}

std::optional<Reminder> birthday_reminder(std::int64_t contact_id, const BirthdayRule& b, clock::Date today,
                                          const CareSettings& s) {
  auto d = next_birthday(b, today);
  if (!d || !within(*d, today, s.birthday_lead_days)) return std::nullopt;
  return Reminder{"birthday", b.lunar ? "lunar" : "solar", *d,
                  "birthday:" + std::to_string(contact_id) + ":" + clock::format_date(*d)};
}

std::optional<Reminder> anniversary_reminder(std::int64_t customer_id, clock::Date cooperation_start, clock::Date today,
                                             const CareSettings& s) {
  auto d = next_anniversary(cooperation_start, today);
  if (!d || !within(*d, today, s.anniversary_lead_days)) return std::nullopt;
  return Reminder{"anniversary", std::to_string(d->year - cooperation_start.year), *d,
                  "anniversary:" + std::to_string(customer_id) + ":" + clock::format_date(*d)};
}

std::optional<Reminder> event_reminder(std::int64_t event_id, const std::string& kind, clock::Date date, bool yearly,
                                       clock::Date today, const CareSettings& s) {
  const bool milestone = is_milestone(kind);
  const auto lead = milestone ? s.milestone_lead_days : s.personal_event_lead_days;
  std::optional<clock::Date> d = date;
  if (yearly && date < today) d = next_anniversary(date, today);
  if (!d || !within(*d, today, lead)) return std::nullopt;
  return Reminder{milestone ? "milestone" : "personal_event", kind, *d,
                  "event:" + std::to_string(event_id) + ":" + clock::format_date(*d)};
}

std::vector<Reminder> festival_reminders(clock::Date today, const CareSettings& s) {
  std::vector<Reminder> out;
  for (int y = today.year; y <= today.year + 1; ++y)
    for (const auto& f : calendar::festivals(y))
      if (within(f.date, today, s.festival_lead_days)) {
        const std::string name(calendar::festival_name(f.festival));
        out.push_back({"festival", name, f.date, "festival:" + name + ":" + clock::format_date(f.date)});
      }
  return out;
}

}  // namespace kehu::care
