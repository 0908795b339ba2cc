#include "platform/calendar/working_days.hpp"

#include <algorithm>

namespace kehu::calendar {
namespace {
// 1970-01-01 was a Thursday; 0 = Monday … 6 = Sunday.
int weekday_of(std::int64_t day_number) {
  const auto w = (day_number + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}
}  // namespace

void WorkingCalendar::set(const clock::Date& d, DayKind kind) { exceptions_[clock::day_number(d)] = kind; }

bool WorkingCalendar::is_working_day_number(std::int64_t n) const {
  if (auto it = exceptions_.find(n); it != exceptions_.end()) return it->second == DayKind::kWorkday;
  return weekday_of(n) < 5;
}

bool WorkingCalendar::is_working_day(const clock::Date& d) const { return is_working_day_number(clock::day_number(d)); }

clock::Date WorkingCalendar::add_working_days(const clock::Date& d, int n) const {
  std::int64_t day = clock::day_number(d);
  const int step = n < 0 ? -1 : 1;
  // Terminates: past the last exception every week has five working days.
  for (int left = n < 0 ? -n : n; left > 0;) {
    day += step;
    if (is_working_day_number(day)) --left;
  }
  return clock::from_day_number(day);
}

std::pair<clock::TimePoint, clock::TimePoint> WorkingCalendar::span_of(std::int64_t day_number) const {
  const std::int64_t midnight = day_number * 86400 - std::int64_t{hours_.utc_offset_minutes} * 60;
  return {clock::from_unix_seconds(midnight + std::int64_t{hours_.start_minute} * 60),
          clock::from_unix_seconds(midnight + std::int64_t{hours_.end_minute} * 60)};
}

std::int64_t WorkingCalendar::local_day(clock::TimePoint t) const {
  return clock::day_number(clock::local_date(t, hours_.utc_offset_minutes));
}

std::chrono::seconds WorkingCalendar::working_hours_between(clock::TimePoint from, clock::TimePoint to) const {
  std::chrono::seconds total{0};
  if (to <= from) return total;
  for (std::int64_t day = local_day(from), last = local_day(to); day <= last; ++day) {
    if (!is_working_day_number(day)) continue;
    const auto [open, close] = span_of(day);
    const auto a = std::max(open, from), b = std::min(close, to);
    if (a < b) total += std::chrono::duration_cast<std::chrono::seconds>(b - a);
  }
  return total;
}

clock::TimePoint WorkingCalendar::add_working_time(clock::TimePoint from, std::chrono::seconds amount) const {
  if (amount <= std::chrono::seconds{0}) return from;
  auto left = std::chrono::duration_cast<clock::TimePoint::duration>(amount);
  for (std::int64_t day = local_day(from);; ++day) {
    if (!is_working_day_number(day)) continue;
    const auto [open, close] = span_of(day);
    const auto a = std::max(open, from);
    if (a >= close) continue;
    if (close - a >= left) return a + left;
    left -= close - a;
  }
}

}  // namespace kehu::calendar
