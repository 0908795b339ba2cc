#include "modules/calendar/month_view.hpp"

#include <map>

namespace kehu::calendar {

std::vector<CalendarDay> month_view(int year, int month, const std::vector<Holiday>& rows) {
  std::vector<CalendarDay> out;
  WorkingCalendar work;
  std::map<clock::Date, const Holiday*> by_date;
  for (const auto& h : rows) {
    work.set(h.date, h.kind);
    by_date[h.date] = &h;
  }
  std::multimap<clock::Date, Festival> feasts;
  for (const auto& f : festivals(year)) feasts.emplace(f.date, f.festival);

  for (int day = 1; clock::valid_date(year, month, day); ++day) {
    const clock::Date date{year, month, day};
    auto lunar = to_lunar(date);
    if (!lunar) continue;  // outside the supported range
    CalendarDay d;
    d.date = date;
    d.weekday = static_cast<int>((clock::day_number(date) + 3) % 7 + 7) % 7 + 1;  // 1970-01-01: Thursday
    d.lunar = *lunar;
    d.term = solar_term_on(date);
    for (auto [it, end] = feasts.equal_range(date); it != end; ++it) d.festivals.push_back(it->second);
    if (auto it = by_date.find(date); it != by_date.end()) d.holiday = *it->second;
    d.working_day = work.is_working_day(date);
    out.push_back(std::move(d));
  }
  return out;
}

nlohmann::json to_json(const CalendarDay& d) {
  nlohmann::json feasts = nlohmann::json::array();
  for (auto f : d.festivals) feasts.push_back(festival_name(f));
  nlohmann::json holiday;
  if (d.holiday) holiday = {{"id", d.holiday->id}, {"kind", kind_code(d.holiday->kind)}, {"name", d.holiday->name}};
  return {{"date", clock::format_date(d.date)},
          {"weekday", d.weekday},
          {"lunar", to_json(d.lunar)},
          {"solar_term", d.term ? nlohmann::json(solar_term_name(*d.term)) : nlohmann::json()},
          {"festivals", std::move(feasts)},
          {"holiday", std::move(holiday)},
          {"working_day", d.working_day}};
}

}  // namespace kehu::calendar
