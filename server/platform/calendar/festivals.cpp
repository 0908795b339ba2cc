#include "platform/calendar/festivals.hpp"

#include <algorithm>

#include "platform/calendar/lunar.hpp"
#include "platform/calendar/solar_terms.hpp"

namespace kehu::calendar {
namespace {

struct LunarFestival {
  Festival festival;
  int month, day;
};
constexpr LunarFestival kLunarFestivals[] = {
    {Festival::kSpringFestival, 1, 1}, {Festival::kLantern, 1, 15},   {Festival::kDragonBoat, 5, 5},
    {Festival::kQixi, 7, 7},           {Festival::kMidAutumn, 8, 15}, {Festival::kDoubleNinth, 9, 9},
    {Festival::kLaba, 12, 8},
};

}  // namespace

std::string_view festival_name(Festival f) {
  // In the order of the enum.
  static constexpr std::string_view kNames[] = {
      "new_year", "new_years_eve", "spring_festival", "lantern",      "qingming", "dragon_boat",
      "qixi",     "mid_autumn",    "national_day",    "double_ninth", "laba",
  };
  static_assert(std::size(kNames) == static_cast<std::size_t>(Festival::kLaba) + 1);
  return kNames[static_cast<int>(f)];
}

std::vector<FestivalDate> festivals(int year) {
  std::vector<FestivalDate> out;
  if (year < kFirstDate.year || year > kLastDate.year) return out;
  out.push_back({Festival::kNewYear, {year, 1, 1}});
  out.push_back({Festival::kNationalDay, {year, 10, 1}});
  for (const auto& t : solar_terms(year))
    if (t.term == SolarTerm::kQingming) out.push_back({Festival::kQingming, t.date});
  // Lunar year `year` starts inside the Gregorian year; `year - 1` reaches into its start.
  for (int ly = year - 1; ly <= year; ++ly) {
    for (const auto& f : kLunarFestivals) {
      auto d = to_solar({ly, f.month, f.day, false});
      if (d && d->year == year) out.push_back({f.festival, *d});
    }
    // 除夕: the day before the next 正月初一 (the last day of month 12, or of a leap 12th).
    if (auto next = new_year(ly + 1)) {
      const clock::Date eve = clock::from_day_number(clock::day_number(*next) - 1);
      if (eve.year == year) out.push_back({Festival::kNewYearsEve, eve});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const FestivalDate& a, const FestivalDate& b) {
    return a.date != b.date ? a.date < b.date : a.festival < b.festival;
  });
  return out;
}

}  // namespace kehu::calendar
