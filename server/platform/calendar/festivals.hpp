// The festivals of a Gregorian year that a Chinese CRM greets customers on: the
// traditional lunar ones, 清明 (a solar term), and the Gregorian 元旦 and 国庆.
#pragma once
#include <string_view>
#include <vector>

#include "platform/core/clock.hpp"

namespace kehu::calendar {

enum class Festival {
  kNewYear,         // 元旦, 1 January
  kNewYearsEve,     // 除夕, the last day of lunar month 12
  kSpringFestival,  // 春节, lunar 1/1
  kLantern,         // 元宵, lunar 1/15
  kQingming,        // 清明, the solar term
  kDragonBoat,      // 端午, lunar 5/5
  kQixi,            // 七夕, lunar 7/7
  kMidAutumn,       // 中秋, lunar 8/15
  kNationalDay,     // 国庆, 1 October
  kDoubleNinth,     // 重阳, lunar 9/9
  kLaba,            // 腊八, lunar 12/8
};

// snake_case for the API: "spring_festival", "mid_autumn", "new_years_eve"…
std::string_view festival_name(Festival f);

struct FestivalDate {
  Festival festival;
  clock::Date date;
};

// Every festival falling inside the Gregorian year (1900–2100), sorted by date. A lunar
// festival is taken from whichever lunar year puts it inside the Gregorian year: 腊八 and
// 除夕 in January/February belong to the previous lunar year. 腊八 may fall twice in a
// Gregorian year (early January and late December: both listed) or not at all (1909: on
// 1908-12-30 and 1910-01-18). Empty outside the range.
std::vector<FestivalDate> festivals(int year);

}  // namespace kehu::calendar
