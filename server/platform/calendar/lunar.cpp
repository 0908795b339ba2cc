#include "platform/calendar/lunar.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include "platform/calendar/lunar_table.hpp"

namespace kehu::calendar {
namespace {

using table::LunarYearRow;

const LunarYearRow* row_of(int lunar_year) {
  if (lunar_year < kFirstLunarYear || lunar_year > kLastLunarYear) return nullptr;
  return &table::lunar_years()[static_cast<std::size_t>(lunar_year - kFirstLunarYear)];
}

int length_at(const LunarYearRow& r, std::size_t i) { return r.lengths[i] == '1' ? 30 : 29; }

// The month at a position: (number, leap).
std::pair<int, bool> month_at(const LunarYearRow& r, std::size_t i) {
  const auto index = static_cast<int>(i);
  if (r.leap_month != 0 && index == r.leap_month) return {r.leap_month, true};
  return {index + 1 - (r.leap_month != 0 && index > r.leap_month ? 1 : 0), false};
}

// Position of (month, leap) among the year's months (the leap month follows its namesake).
std::optional<std::size_t> index_of(const LunarYearRow& r, int month, bool leap) {
  if (month < 1 || month > 12) return std::nullopt;
  if (leap) {
    if (r.leap_month != month) return std::nullopt;
    return static_cast<std::size_t>(month);
  }
  return static_cast<std::size_t>(month - 1 + (r.leap_month != 0 && month > r.leap_month ? 1 : 0));
}

}  // namespace

bool in_range(const clock::Date& d) {
  return clock::valid_date(d.year, d.month, d.day) && d >= kFirstDate && d <= kLastDate;
}

std::optional<LunarDate> to_lunar(const clock::Date& d) {
  if (!in_range(d)) return std::nullopt;
  const std::int64_t n = clock::day_number(d);
  // The last year that starts on or before n.
  const auto years = table::lunar_years();
  auto it = std::upper_bound(years.begin(), years.end(), n,
                             [](std::int64_t v, const LunarYearRow& r) { return v < r.new_year; });
  if (it == years.begin()) return std::nullopt;
  const LunarYearRow& r = *(it - 1);
  std::int64_t offset = n - r.new_year;
  for (std::size_t i = 0; i < r.lengths.size(); ++i) {
    const int len = length_at(r, i);
    if (offset < len) {
      LunarDate out;
      out.year = kFirstLunarYear + static_cast<int>(it - 1 - years.begin());
      const auto [month, leap] = month_at(r, i);
      out.month = month;
      out.leap = leap;
      out.day = static_cast<int>(offset) + 1;
      return out;
    }
    offset -= len;
  }
  return std::nullopt;  // past the last year of the table
}

std::optional<clock::Date> to_solar(const LunarDate& d) {
  const LunarYearRow* r = row_of(d.year);
  if (!r || d.day < 1) return std::nullopt;
  auto index = index_of(*r, d.month, d.leap);
  if (!index || d.day > length_at(*r, *index)) return std::nullopt;
  std::int64_t n = r->new_year;
  for (std::size_t i = 0; i < *index; ++i) n += length_at(*r, i);
  const clock::Date out = clock::from_day_number(n + d.day - 1);
  if (!in_range(out)) return std::nullopt;
  return out;
}

int leap_month(int lunar_year) {
  const LunarYearRow* r = row_of(lunar_year);
  return r ? r->leap_month : 0;
}

int month_days(int lunar_year, int month, bool leap) {
  const LunarYearRow* r = row_of(lunar_year);
  if (!r) return 0;
  auto index = index_of(*r, month, leap);
  return index ? length_at(*r, *index) : 0;
}

std::optional<clock::Date> new_year(int lunar_year) { return to_solar({lunar_year, 1, 1, false}); }

std::vector<LunarMonth> months_of(int lunar_year) {
  std::vector<LunarMonth> out;
  const LunarYearRow* r = row_of(lunar_year);
  if (!r) return out;
  std::int64_t n = r->new_year;
  for (std::size_t i = 0; i < r->lengths.size(); ++i) {
    LunarMonth m;
    std::tie(m.month, m.leap) = month_at(*r, i);
    m.days = length_at(*r, i);
    m.first = clock::from_day_number(n);
    if (in_range(m.first)) out.push_back(m);
    n += m.days;
  }
  return out;
}

std::optional<clock::Date> lunar_birthday_in(int lunar_year, const LunarMonthDay& md) {
  if (md.month < 1 || md.month > 12 || md.day < 1 || md.day > 30) return std::nullopt;
  const bool leap = md.leap && leap_month(lunar_year) == md.month;
  const int days = month_days(lunar_year, md.month, leap);
  if (days == 0) return std::nullopt;
  return to_solar({lunar_year, md.month, std::min(md.day, days), leap});
}

std::optional<clock::Date> next_lunar_anniversary(const LunarMonthDay& md, const clock::Date& from) {
  auto today = to_lunar(from);
  if (!today) return std::nullopt;
  // Every date of the previous lunar year lies before `from`; this year's or next year's.
  for (int year = today->year; year <= today->year + 1; ++year) {
    auto d = lunar_birthday_in(year, md);
    if (d && *d >= from) return d;
  }
  return std::nullopt;
}

}  // namespace kehu::calendar
