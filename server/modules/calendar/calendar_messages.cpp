#include "modules/calendar/calendar.hpp"
#include "platform/core/messages.hpp"

namespace kehu::calendar {

void register_messages() {
  using messages::add;
  add("calendar.out_of_range", {"日期须在 1900-01-01 至 2100-12-31 之间", "日期須在 1900-01-01 至 2100-12-31 之間",
                                "The date must lie between 1900-01-01 and 2100-12-31"});
  add("calendar.year_out_of_range",
      {"年份须在 1900 至 2100 之间", "年份須在 1900 至 2100 之間", "The year must lie between 1900 and 2100"});
  add("calendar.month_invalid", {"月份须在 1 至 12 之间", "月份須在 1 至 12 之間", "The month must be 1 to 12"});
  add("calendar.day_invalid", {"农历日期须在初一至三十之间", "農曆日期須在初一至三十之間", "A lunar day is 1 to 30"});
  add("calendar.no_leap_month", {"该年没有这个闰月", "該年沒有這個閏月", "That year has no such leap month"});
  add("calendar.day_not_in_month", {"该月只有二十九天", "該月只有二十九天", "That month has only 29 days"});
  add("calendar.holiday_exists",
      {"该地区这一天已有记录", "該地區這一天已有記錄", "This region already has an entry for that date"});
}

}  // namespace kehu::calendar
