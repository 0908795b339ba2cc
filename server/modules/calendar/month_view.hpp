// One month of the calendar for the UI's month grid: each day's lunar date, solar term,
// festivals, and the region's holiday or make-up working day.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "modules/calendar/holiday.hpp"
#include "platform/calendar/solar_terms.hpp"

namespace kehu::calendar {

struct CalendarDay {
  clock::Date date;
  int weekday = 1;  // ISO: 1 Monday … 7 Sunday
  LunarDate lunar;
  std::optional<SolarTerm> term;
  std::vector<Festival> festivals;
  std::optional<Holiday> holiday;  // the region's row for the date, if any
  bool working_day = true;
};

// `rows`: the region's holiday rows (any dates; those of the month are used). The month
// must lie inside 1900-01 … 2100-12.
std::vector<CalendarDay> month_view(int year, int month, const std::vector<Holiday>& rows);
// {"date","weekday","lunar":{year,month,day,leap},"solar_term":"qingming"|null,
//  "festivals":["qingming"],"holiday":{"id","kind","name"}|null,"working_day":bool}
nlohmann::json to_json(const CalendarDay& d);

}  // namespace kehu::calendar
