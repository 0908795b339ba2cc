// The one clock of the program. Production reads the system clock; tests set KEHU_NOW
// (honoured only with KEHU_TEST_MODE=1) to make the whole program believe it is that time.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kehu::clock {

using TimePoint = std::chrono::system_clock::time_point;

TimePoint now();
// Fix the clock (tests). Cleared with std::nullopt.
void set_fixed(std::optional<TimePoint> t);
// The fixed time, if one is set (to restore it after a temporary change).
std::optional<TimePoint> fixed_time();
// Reads KEHU_TEST_MODE / KEHU_NOW; returns true when a fixed time was installed.
bool configure_from_env();

// "2026-11-23T04:46:10Z"
std::string to_iso_utc(TimePoint t);
// ISO 8601 with an offset or Z; nullopt when malformed or without offset.
std::optional<TimePoint> parse_iso(std::string_view s);
std::int64_t unix_seconds(TimePoint t);
TimePoint from_unix_seconds(std::int64_t s);

struct Date {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};
bool valid_date(int y, int m, int d);
// Strict YYYY-MM-DD.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(const Date& d);
// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
std::int64_t day_number(const Date& d);
Date from_day_number(std::int64_t n);
// The company's calendar date of a moment (fixed UTC+8: Asia/Shanghai has no DST).
Date local_date(TimePoint t, int utc_offset_minutes = 480);

}  // namespace kehu::clock
