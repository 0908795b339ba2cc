#include "platform/calendar/lunar_table.hpp"

#include "platform/calendar/lunar.hpp"

namespace kehu::calendar::table {
namespace {

#include "platform/calendar/lunar_table.inc"

static_assert(kTableFirstYear == kFirstLunarYear && kTableLastYear == kLastLunarYear);
static_assert(std::size(kLunarYears) == kLastLunarYear - kFirstLunarYear + 1);
static_assert(kTermFirstYear == kFirstTermYear && kTermLastYear == kLastTermYear);
static_assert(std::size(kSolarTermDays) == kLastTermYear - kFirstTermYear + 1);

}  // namespace

std::span<const LunarYearRow> lunar_years() { return kLunarYears; }

std::span<const std::uint8_t> solar_term_days(int year) {
  if (year < kFirstTermYear || year > kLastTermYear) return {};
  return kSolarTermDays[year - kFirstTermYear];
}

}  // namespace kehu::calendar::table
