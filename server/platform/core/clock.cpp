#include "platform/core/clock.hpp"

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace kehu::clock {
namespace {

std::atomic<bool> g_fixed{false};
std::atomic<std::int64_t> g_fixed_us{0};

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc();
}

// days from civil (Howard Hinnant)
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp + (mp < 10 ? 3 : -9);
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

TimePoint now() {
  if (g_fixed.load(std::memory_order_relaxed)) {
    return TimePoint(std::chrono::microseconds(g_fixed_us.load(std::memory_order_relaxed)));
  }
  return std::chrono::system_clock::now();
}

std::optional<TimePoint> fixed_time() {
  if (!g_fixed) return std::nullopt;
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(std::chrono::microseconds(g_fixed_us.load())));
}

void set_fixed(std::optional<TimePoint> t) {
  if (t) {
    g_fixed_us = std::chrono::duration_cast<std::chrono::microseconds>(t->time_since_epoch()).count();
    g_fixed = true;
  } else {
    g_fixed = false;
  }
}

bool configure_from_env() {
  const char* mode = std::getenv("KEHU_TEST_MODE");
  const char* now_env = std::getenv("KEHU_NOW");
  if (!mode || std::strcmp(mode, "1") != 0 || !now_env || !*now_env) return false;
  auto t = parse_iso(now_env);
  if (!t) return false;
  set_fixed(*t);
  return true;
}

std::string to_iso_utc(TimePoint t) {
  const auto secs = std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
  const auto days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  const auto rem = secs - days * 86400;
  const Date d = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
  return buf;
}

bool valid_date(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int max = m == 2 && leap ? 29 : kDays[m - 1];
  return d <= max;
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  Date d;
  if (!parse_int(s.substr(0, 4), d.year) || !parse_int(s.substr(5, 2), d.month) ||
      !parse_int(s.substr(8, 2), d.day))
    return std::nullopt;
  if (!valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<TimePoint> parse_iso(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)
  if (s.size() < 20) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  int hh, mm, ss;
  if (s[13] != ':' || s[16] != ':' || !parse_int(s.substr(11, 2), hh) || !parse_int(s.substr(14, 2), mm) ||
      !parse_int(s.substr(17, 2), ss) || hh > 23 || mm > 59 || ss > 60)
    return std::nullopt;
  std::size_t pos = 19;
  std::int64_t micros = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 6) micros = micros * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 6; ++i) micros *= 10;
  }
  if (pos >= s.size()) return std::nullopt;  // an offset is required
  int offset_min = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    if (pos + 1 != s.size()) return std::nullopt;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om;
    if (s.size() != pos + 6 || s[pos + 3] != ':' || !parse_int(s.substr(pos + 1, 2), oh) ||
        !parse_int(s.substr(pos + 4, 2), om) || oh > 14 || om > 59)
      return std::nullopt;
    offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const std::int64_t days = days_from_civil(date->year, static_cast<unsigned>(date->month),
                                            static_cast<unsigned>(date->day));
  const std::int64_t secs = days * 86400 + hh * 3600 + mm * 60 + ss - offset_min * 60;
  return TimePoint(std::chrono::seconds(secs) + std::chrono::microseconds(micros));
}

std::int64_t unix_seconds(TimePoint t) {
  return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

TimePoint from_unix_seconds(std::int64_t s) { return TimePoint(std::chrono::seconds(s)); }

std::int64_t day_number(const Date& d) {
  return days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
}

Date from_day_number(std::int64_t n) { return civil_from_days(n); }

Date local_date(TimePoint t, int utc_offset_minutes) {
  const auto secs = unix_seconds(t) + utc_offset_minutes * 60;
  const auto days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  return civil_from_days(days);
}

}  // namespace kehu::clock
