#include "platform/calendar/working_days.hpp"

#include <gtest/gtest.h>

namespace kehu::calendar {
namespace {

using namespace std::chrono_literals;

clock::Date date(const char* s) { return *clock::parse_date(s); }
clock::TimePoint at(const char* s) { return *clock::parse_iso(s); }

// The State Council's 2026 notice, 元旦 and 春节.
WorkingCalendar cn2026() {
  WorkingCalendar c;
  for (const char* d : {"2026-01-01", "2026-01-02", "2026-01-03"}) c.set(date(d), DayKind::kHoliday);
  c.set(date("2026-01-04"), DayKind::kWorkday);
  for (int day = 15; day <= 23; ++day) c.set({2026, 2, day}, DayKind::kHoliday);
  c.set(date("2026-02-14"), DayKind::kWorkday);
  c.set(date("2026-02-28"), DayKind::kWorkday);
  return c;
}

TEST(WorkingDays, WeekAndExceptions) {
  const WorkingCalendar plain;
  EXPECT_TRUE(plain.is_working_day(date("2027-02-05")));   // Friday
  EXPECT_FALSE(plain.is_working_day(date("2027-02-06")));  // Saturday
  EXPECT_FALSE(plain.is_working_day(date("2027-02-07")));  // Sunday
  const auto c = cn2026();
  EXPECT_FALSE(c.is_working_day(date("2026-01-01")));  // Thursday, 元旦
  EXPECT_FALSE(c.is_working_day(date("2026-01-02")));  // Friday, 元旦
  EXPECT_TRUE(c.is_working_day(date("2026-01-04")));   // Sunday, 调休上班
  EXPECT_TRUE(c.is_working_day(date("2026-02-14")));   // Saturday, 调休上班
  EXPECT_FALSE(c.is_working_day(date("2026-02-23")));  // Monday, 春节
  EXPECT_TRUE(c.is_working_day(date("2026-02-24")));
  EXPECT_FALSE(c.is_working_day(date("2026-02-21")));  // Saturday inside the holiday
}

TEST(WorkingDays, AddWorkingDays) {
  const auto c = cn2026();
  const auto s = [&](const char* d, int n) { return clock::format_date(c.add_working_days(date(d), n)); };
  EXPECT_EQ(s("2026-02-13", 0), "2026-02-13");
  EXPECT_EQ(s("2026-02-13", 1), "2026-02-14");  // the Saturday make-up day
  EXPECT_EQ(s("2026-02-13", 2), "2026-02-24");  // over the Spring Festival
  EXPECT_EQ(s("2026-02-24", -1), "2026-02-14");
  EXPECT_EQ(s("2026-02-24", -2), "2026-02-13");
  EXPECT_EQ(s("2025-12-31", 1), "2026-01-04");  // New Year: Thursday to Saturday off, Sunday works
  EXPECT_EQ(s("2026-02-21", 1), "2026-02-24");  // from a holiday
  EXPECT_EQ(s("2027-02-05", 5), "2027-02-12");  // no exceptions: a plain week
}

TEST(WorkingDays, WorkingHoursBetween) {
  const WorkingCalendar plain;
  // Friday 17:00 → Monday 10:00 (China time): one hour on Friday, one on Monday.
  EXPECT_EQ(plain.working_hours_between(at("2027-01-29T17:00:00+08:00"), at("2027-02-01T10:00:00+08:00")), 2h);
  // The same instants in UTC.
  EXPECT_EQ(plain.working_hours_between(at("2027-01-29T09:00:00Z"), at("2027-02-01T02:00:00Z")), 2h);
  // Inside one day, before opening, after closing.
  EXPECT_EQ(plain.working_hours_between(at("2027-02-01T08:00:00+08:00"), at("2027-02-01T20:00:00+08:00")), 9h);
  EXPECT_EQ(plain.working_hours_between(at("2027-02-01T10:30:00+08:00"), at("2027-02-01T11:00:00+08:00")), 30min);
  EXPECT_EQ(plain.working_hours_between(at("2027-02-01T19:00:00+08:00"), at("2027-02-02T08:00:00+08:00")), 0s);
  // A whole week: five days of nine hours.
  EXPECT_EQ(plain.working_hours_between(at("2027-02-01T00:00:00+08:00"), at("2027-02-08T00:00:00+08:00")), 45h);
  // Backwards or empty.
  EXPECT_EQ(plain.working_hours_between(at("2027-02-02T10:00:00+08:00"), at("2027-02-01T10:00:00+08:00")), 0s);
  // Across the 2026 Spring Festival: Friday 13th 17:00 → Tuesday 24th 10:00, with the
  // Saturday 14th a working day: 1 h + 9 h + 1 h.
  const auto c = cn2026();
  EXPECT_EQ(c.working_hours_between(at("2026-02-13T17:00:00+08:00"), at("2026-02-24T10:00:00+08:00")), 11h);
  // Other hours.
  const WorkingCalendar short_day(WorkHours{8 * 60 + 30, 17 * 60 + 30, 480});
  EXPECT_EQ(short_day.working_hours_between(at("2027-02-01T08:00:00+08:00"), at("2027-02-01T09:00:00+08:00")), 30min);
}

TEST(WorkingDays, AddWorkingTime) {
  const WorkingCalendar plain;
  const auto s = [&](const char* from, std::chrono::seconds amount) {
    return clock::to_iso_utc(plain.add_working_time(at(from), amount));
  };
  // Friday 17:00 + 2 h → Monday 10:00 (02:00Z).
  EXPECT_EQ(s("2027-01-29T17:00:00+08:00", 2h), "2027-02-01T02:00:00Z");
  // Exactly to closing time stays on Friday.
  EXPECT_EQ(s("2027-01-29T17:00:00+08:00", 1h), "2027-01-29T10:00:00Z");
  // From the weekend: counting starts on Monday morning.
  EXPECT_EQ(s("2027-01-30T12:00:00+08:00", 30min), "2027-02-01T01:30:00Z");
  // 24 working hours from Monday 09:00: Monday, Tuesday (18 h), 6 h on Wednesday → 15:00.
  EXPECT_EQ(s("2027-02-01T09:00:00+08:00", 24h), "2027-02-03T07:00:00Z");
  EXPECT_EQ(s("2027-02-01T09:00:00+08:00", 0s), "2027-02-01T01:00:00Z");
  // Round trip with working_hours_between.
  const auto c = cn2026();
  const auto from = at("2026-02-13T17:00:00+08:00");
  const auto due = c.add_working_time(from, 11h);
  EXPECT_EQ(clock::to_iso_utc(due), "2026-02-24T02:00:00Z");
  EXPECT_EQ(c.working_hours_between(from, due), 11h);
}

}  // namespace
}  // namespace kehu::calendar
