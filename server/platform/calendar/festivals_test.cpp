#include "platform/calendar/festivals.hpp"

#include <gtest/gtest.h>

#include <map>

#include "platform/calendar/lunar.hpp"

namespace kehu::calendar {
namespace {

std::vector<std::string> render(int year) {
  std::vector<std::string> out;
  for (const auto& f : festivals(year))
    out.push_back(std::string(festival_name(f.festival)) + " " + clock::format_date(f.date));
  return out;
}

TEST(Festivals, Year2027) {
  EXPECT_EQ(render(2027), (std::vector<std::string>{
                              "new_year 2027-01-01",
                              "laba 2027-01-15",  // of lunar 2026
                              "new_years_eve 2027-02-05",
                              "spring_festival 2027-02-06",
                              "lantern 2027-02-20",
                              "qingming 2027-04-05",
                              "dragon_boat 2027-06-09",
                              "qixi 2027-08-08",
                              "mid_autumn 2027-09-15",
                              "national_day 2027-10-01",
                              "double_ninth 2027-10-08",
                          }));
}

TEST(Festivals, KnownDates) {
  // Matching the State Council's holiday notices of those years.
  auto date_of = [](int year, Festival f) {
    for (const auto& x : festivals(year))
      if (x.festival == f) return clock::format_date(x.date);
    return std::string("none");
  };
  EXPECT_EQ(date_of(2024, Festival::kDragonBoat), "2024-06-10");
  EXPECT_EQ(date_of(2024, Festival::kMidAutumn), "2024-09-17");
  EXPECT_EQ(date_of(2025, Festival::kNewYearsEve), "2025-01-28");
  EXPECT_EQ(date_of(2025, Festival::kMidAutumn), "2025-10-06");
  EXPECT_EQ(date_of(2026, Festival::kSpringFestival), "2026-02-17");
  EXPECT_EQ(date_of(2026, Festival::kDragonBoat), "2026-06-19");
  EXPECT_EQ(date_of(2026, Festival::kMidAutumn), "2026-09-25");
  EXPECT_EQ(date_of(2030, Festival::kSpringFestival), "2030-02-03");
  EXPECT_EQ(date_of(1900, Festival::kLaba), "1900-01-08");  // of lunar 1899
  EXPECT_EQ(date_of(1909, Festival::kLaba), "none");
  EXPECT_EQ(date_of(2100, Festival::kSpringFestival), "2100-02-09");
}

TEST(Festivals, EveryYearSortedAndComplete) {
  std::map<int, int> years_by_laba_count;
  for (int y = kFirstDate.year; y <= kLastDate.year; ++y) {
    const auto list = festivals(y);
    int laba = 0, eve = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      ASSERT_EQ(list[i].date.year, y);
      if (i) {
        ASSERT_LE(list[i - 1].date, list[i].date) << y;
      }
      laba += list[i].festival == Festival::kLaba;
      eve += list[i].festival == Festival::kNewYearsEve;
    }
    // Ten festivals, and 腊八 zero to two times: 1909 has none: 1908-12-30, then 1910-01-18.
    ASSERT_EQ(list.size(), 10u + static_cast<std::size_t>(laba)) << y;
    ASSERT_LE(laba, 2) << y;
    ASSERT_EQ(eve, 1) << y;
    ++years_by_laba_count[laba];
  }
  EXPECT_GT(years_by_laba_count[0], 0);
  EXPECT_GT(years_by_laba_count[2], 0);
  EXPECT_TRUE(festivals(1899).empty());
  EXPECT_TRUE(festivals(2101).empty());
}

}  // namespace
}  // namespace kehu::calendar
