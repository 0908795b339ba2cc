// The 24 solar terms (二十四节气) of the Gregorian years 1900–2100: the day each falls on
// in China time (UTC+8), from the generated table (lunar_table.inc).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "platform/core/clock.hpp"

namespace kehu::calendar {

// In the order they fall in a Gregorian year: 小寒 (early January) … 冬至 (late December).
enum class SolarTerm {
  kXiaohan,
  kDahan,
  kLichun,
  kYushui,
  kJingzhe,
  kChunfen,
  kQingming,
  kGuyu,
  kLixia,
  kXiaoman,
  kMangzhong,
  kXiazhi,
  kXiaoshu,
  kDashu,
  kLiqiu,
  kChushu,
  kBailu,
  kQiufen,
  kHanlu,
  kShuangjiang,
  kLidong,
  kXiaoxue,
  kDaxue,
  kDongzhi,
};
inline constexpr int kSolarTermCount = 24;

// snake_case pinyin for the API: "xiaohan", "lichun", "qingming", "dongzhi"…
std::string_view solar_term_name(SolarTerm t);

struct SolarTermDate {
  SolarTerm term;
  clock::Date date;
};

// All 24 terms of a Gregorian year, starting with 小寒; empty outside 1900–2100.
std::vector<SolarTermDate> solar_terms(int year);
// The term that falls on a date, if any.
std::optional<SolarTerm> solar_term_on(const clock::Date& d);

}  // namespace kehu::calendar
