#include "modules/calendar/month_view.hpp"

#include <gtest/gtest.h>

namespace kehu::calendar {
namespace {

Holiday row(const char* date, DayKind kind, const char* name) {
  Holiday h;
  h.id = 1;
  h.date = *clock::parse_date(date);
  h.kind = kind;
  h.name = name;
  return h;
}

TEST(MonthView, February2026) {
  const std::vector<Holiday> rows = {
      row("2026-02-14", DayKind::kWorkday, "春节"),
      row("2026-02-16", DayKind::kHoliday, "春节"),
      row("2026-02-17", DayKind::kHoliday, "春节"),
      row("2026-03-01", DayKind::kHoliday, "other month"),
  };
  const auto days = month_view(2026, 2, rows);
  ASSERT_EQ(days.size(), 28u);
  const auto& d1 = days[0];
  EXPECT_EQ(clock::format_date(d1.date), "2026-02-01");
  EXPECT_EQ(d1.weekday, 7);  // Sunday
  EXPECT_FALSE(d1.working_day);
  const auto& lichun = days[3];
  EXPECT_EQ(solar_term_name(*lichun.term), "lichun");
  EXPECT_TRUE(lichun.working_day);
  const auto& sat = days[13];  // Saturday 14th: a make-up working day
  EXPECT_EQ(sat.weekday, 6);
  EXPECT_TRUE(sat.working_day);
  ASSERT_TRUE(sat.holiday);
  EXPECT_EQ(sat.holiday->kind, DayKind::kWorkday);
  const auto& eve = days[15];  // 除夕, Monday 16th, a holiday
  EXPECT_EQ(eve.weekday, 1);
  EXPECT_FALSE(eve.working_day);
  ASSERT_EQ(eve.festivals.size(), 1u);
  EXPECT_EQ(festival_name(eve.festivals[0]), "new_years_eve");
  const auto& spring = days[16];
  EXPECT_EQ(spring.lunar, (LunarDate{2026, 1, 1, false}));
  EXPECT_EQ(festival_name(spring.festivals.at(0)), "spring_festival");

  const auto j = to_json(spring);
  EXPECT_EQ(j["date"], "2026-02-17");
  EXPECT_EQ(j["lunar"], (nlohmann::json{{"year", 2026}, {"month", 1}, {"day", 1}, {"leap", false}}));
  EXPECT_EQ(j["festivals"], nlohmann::json::array({"spring_festival"}));
  EXPECT_EQ(j["holiday"]["kind"], "holiday");
  EXPECT_EQ(j["holiday"]["name"], "春节");
  EXPECT_TRUE(j["solar_term"].is_null());
  EXPECT_EQ(j["working_day"], false);
}

TEST(MonthView, TwoFestivalsOneDay) {
  // 2020: 中秋 fell on 国庆.
  const auto days = month_view(2020, 10, {});
  ASSERT_EQ(days[0].festivals.size(), 2u);
  EXPECT_EQ(festival_name(days[0].festivals[0]), "mid_autumn");
  EXPECT_EQ(festival_name(days[0].festivals[1]), "national_day");
}

TEST(MonthView, RangeEdges) {
  EXPECT_EQ(month_view(1900, 1, {}).size(), 31u);
  EXPECT_EQ(month_view(2100, 12, {}).size(), 31u);
  EXPECT_TRUE(month_view(2101, 1, {}).empty());
}

}  // namespace
}  // namespace kehu::calendar
