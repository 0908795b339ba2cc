// Working days and working hours: Monday–Friday, minus public holidays, plus the make-up
// working days (调休) that China's yearly holiday notice moves onto weekends. There is no
// formula for these: the caller supplies the exceptions (modules/calendar keeps them in
// an admin-editable table). Pure functions of the exceptions; for SLA deadlines.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>

#include "platform/core/clock.hpp"

namespace kehu::calendar {

enum class DayKind {
  kHoliday,  // no work, even on a weekday
  kWorkday,  // work, even on a Saturday or Sunday (调休上班)
};

// The working day as one span of company time, by default 09:00–18:00 at UTC+8 (nine
// hours; a lunch break is not subtracted).
struct WorkHours {
  int start_minute = 9 * 60;  // minutes after local midnight
  int end_minute = 18 * 60;   // > start_minute, ≤ 24 × 60
  int utc_offset_minutes = 480;
};

class WorkingCalendar {
 public:
  // Monday–Friday, no holidays, default hours.
  WorkingCalendar() = default;
  explicit WorkingCalendar(WorkHours hours) : hours_(hours) {}

  // Marks a date as a holiday or a make-up working day (the last call for a date wins).
  void set(const clock::Date& d, DayKind kind);
  const WorkHours& hours() const { return hours_; }

  bool is_working_day(const clock::Date& d) const;
  // The date `n` working days after `d` (before it when n < 0); `d` itself need not be a
  // working day. n = 0 gives `d`. Like a spreadsheet's WORKDAY().
  clock::Date add_working_days(const clock::Date& d, int n) const;
  // The working time inside [from, to): the overlap with each working day's hours.
  // Zero when `to` is not after `from`.
  std::chrono::seconds working_hours_between(clock::TimePoint from, clock::TimePoint to) const;
  // The moment when `amount` of working time has passed after `from` (an SLA deadline);
  // a deadline that ends a working day is that day's closing time, not the next morning.
  clock::TimePoint add_working_time(clock::TimePoint from, std::chrono::seconds amount) const;

 private:
  // The working span of a working day as moments.
  std::pair<clock::TimePoint, clock::TimePoint> span_of(std::int64_t day_number) const;
  std::int64_t local_day(clock::TimePoint t) const;
  bool is_working_day_number(std::int64_t day_number) const;

  WorkHours hours_;
  std::map<std::int64_t, DayKind> exceptions_;  // by clock::day_number
};

}  // namespace kehu::calendar
