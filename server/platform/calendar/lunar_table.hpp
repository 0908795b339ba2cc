// Access to the generated tables (lunar_table.inc, compiled once in lunar_table.cpp).
// Internal to platform/calendar.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace kehu::calendar::table {

struct LunarYearRow {
  std::int32_t new_year;     // day number (days since 1970-01-01) of 正月初一
  int leap_month;            // 0: none
  std::string_view lengths;  // month lengths in order, leap month after its namesake: "1" = 30, "0" = 29
};

// One row per lunar year, kFirstLunarYear … kLastLunarYear (lunar.hpp).
std::span<const LunarYearRow> lunar_years();

inline constexpr int kFirstTermYear = 1900;
inline constexpr int kLastTermYear = 2100;
// The day of month of the 24 solar terms of a Gregorian year (k = 0 小寒 in January …
// k = 23 冬至 in December; term k falls in month k/2 + 1); empty outside the table.
std::span<const std::uint8_t> solar_term_days(int year);

}  // namespace kehu::calendar::table
