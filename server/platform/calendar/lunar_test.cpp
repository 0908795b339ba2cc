#include "platform/calendar/lunar.hpp"

#include <gtest/gtest.h>

#include "platform/calendar/lunar_table.hpp"

namespace kehu::calendar {
namespace {

clock::Date date(const char* s) { return *clock::parse_date(s); }
std::string str(const std::optional<clock::Date>& d) { return d ? clock::format_date(*d) : "none"; }

TEST(Lunar, SpringFestival) {
  // HKO conversion table; 2027 and 2030 are two of the dates ICU gets wrong.
  const std::pair<int, const char*> cases[] = {
      {1900, "1900-01-31"}, {1901, "1901-02-19"}, {1949, "1949-01-29"}, {1978, "1978-02-07"}, {2000, "2000-02-05"},
      {2020, "2020-01-25"}, {2023, "2023-01-22"}, {2024, "2024-02-10"}, {2025, "2025-01-29"}, {2026, "2026-02-17"},
      {2027, "2027-02-06"}, {2028, "2028-01-26"}, {2030, "2030-02-03"}, {2033, "2033-01-31"}, {2034, "2034-02-19"},
      {2050, "2050-01-23"}, {2057, "2057-02-04"}, {2099, "2099-01-21"}, {2100, "2100-02-09"},
  };
  for (const auto& [year, want] : cases) {
    SCOPED_TRACE(year);
    EXPECT_EQ(str(new_year(year)), want);
    EXPECT_EQ(to_lunar(date(want)), (LunarDate{year, 1, 1, false}));
    // The day before is the last day of the previous lunar year (除夕).
    const auto eve = to_lunar(clock::from_day_number(clock::day_number(date(want)) - 1));
    ASSERT_TRUE(eve);
    EXPECT_EQ(eve->year, year - 1);
    EXPECT_EQ(eve->month, 12);
    EXPECT_GE(eve->day, 29);
  }
}

TEST(Lunar, LeapMonths) {
  const std::pair<int, int> cases[] = {
      {1900, 8}, {1984, 10}, {2014, 9}, {2017, 6}, {2020, 4},  {2023, 2}, {2024, 0}, {2025, 6},
      {2026, 0}, {2027, 0},  {2028, 5}, {2031, 3}, {2033, 11}, {2099, 2}, {2100, 0},
  };
  for (const auto& [year, leap] : cases) EXPECT_EQ(leap_month(year), leap) << year;
  EXPECT_EQ(leap_month(1898), 0);
  EXPECT_EQ(leap_month(2101), 0);
  // 2023: 闰二月 starts 2023-03-22; 2025: 闰六月 starts 2025-07-25; 2020: 闰四月 2020-05-23.
  EXPECT_EQ(to_lunar(date("2023-03-22")), (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(to_lunar(date("2023-03-21")), (LunarDate{2023, 2, 30, false}));
  EXPECT_EQ(to_lunar(date("2025-07-25")), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(to_lunar(date("2020-05-23")), (LunarDate{2020, 4, 1, true}));
  EXPECT_EQ(str(to_solar({2025, 6, 1, true})), "2025-07-25");
  EXPECT_EQ(str(to_solar({2025, 6, 1, false})), "2025-06-25");
}

TEST(Lunar, Problem2033) {
  // The "2033 problem": the leap month is 闰十一月, not 闰七月 as old rules would give.
  EXPECT_EQ(leap_month(2033), 11);
  EXPECT_EQ(to_lunar(date("2033-11-22")), (LunarDate{2033, 11, 1, false}));
  EXPECT_EQ(to_lunar(date("2033-12-22")), (LunarDate{2033, 11, 1, true}));
  EXPECT_EQ(to_lunar(date("2034-01-20")), (LunarDate{2033, 12, 1, false}));
  EXPECT_EQ(month_days(2033, 11, true), 29);
  EXPECT_EQ(month_days(2033, 7, true), 0);
}

TEST(Lunar, Corrected2057) {
  // HKO's table starts month 9 of 2057 on 28 September (see scripts/gen_lunar.mjs).
  EXPECT_EQ(str(to_solar({2057, 9, 1, false})), "2057-09-28");
  EXPECT_EQ(month_days(2057, 8, false), 29);
  EXPECT_EQ(month_days(2057, 9, false), 30);
}

TEST(Lunar, MonthsOf) {
  const auto months = months_of(2033);
  ASSERT_EQ(months.size(), 13u);
  EXPECT_EQ(clock::format_date(months[0].first), "2033-01-31");
  EXPECT_EQ(months[10].month, 11);
  EXPECT_FALSE(months[10].leap);
  EXPECT_EQ(months[11].month, 11);
  EXPECT_TRUE(months[11].leap);
  EXPECT_EQ(clock::format_date(months[11].first), "2033-12-22");
  EXPECT_EQ(months[11].days, 29);
  EXPECT_EQ(months[12].month, 12);
  // Lunar 1899: only its 12th month starts inside the range.
  const auto first = months_of(1899);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].month, 12);
  EXPECT_EQ(clock::format_date(first[0].first), "1900-01-01");
  EXPECT_EQ(months_of(2100).size(), 12u);
  EXPECT_TRUE(months_of(2101).empty());
}

TEST(Lunar, MonthDays) {
  EXPECT_EQ(month_days(2027, 1, false), 30);
  EXPECT_EQ(month_days(2027, 3, false), 29);
  EXPECT_EQ(month_days(2027, 3, true), 0);
  EXPECT_EQ(month_days(2027, 13, false), 0);
  EXPECT_EQ(month_days(2023, 2, true), 29);
  EXPECT_EQ(month_days(1898, 1, false), 0);
}

TEST(Lunar, InvalidDates) {
  EXPECT_FALSE(to_solar({2024, 1, 1, true}));    // 2024 has no leap month
  EXPECT_FALSE(to_solar({2023, 3, 1, true}));    // 2023's leap month is the 2nd
  EXPECT_FALSE(to_solar({2027, 3, 30, false}));  // a 29-day month
  EXPECT_FALSE(to_solar({2027, 13, 1, false}));
  EXPECT_FALSE(to_solar({2027, 0, 1, false}));
  EXPECT_FALSE(to_solar({2027, 1, 0, false}));
  EXPECT_FALSE(to_solar({2027, 1, 31, false}));
  EXPECT_FALSE(to_lunar({2027, 2, 30}));
}

TEST(Lunar, RangeEdges) {
  EXPECT_EQ(to_lunar(date("1900-01-01")), (LunarDate{1899, 12, 1, false}));
  EXPECT_EQ(to_lunar(date("2100-12-31")), (LunarDate{2100, 12, 1, false}));
  EXPECT_FALSE(to_lunar(date("1899-12-31")));
  EXPECT_FALSE(to_lunar(date("2101-01-01")));
  EXPECT_EQ(str(to_solar({1899, 12, 1, false})), "1900-01-01");
  EXPECT_FALSE(to_solar({1899, 11, 29, false}));  // 1899-12-31
  EXPECT_EQ(str(to_solar({2100, 12, 1, false})), "2100-12-31");
  EXPECT_FALSE(to_solar({2100, 12, 2, false}));  // 2101-01-01
  EXPECT_FALSE(to_solar({2101, 1, 1, false}));
  EXPECT_FALSE(to_solar({1898, 1, 1, false}));
}

TEST(Lunar, TableIsConsistent) {
  // Each year follows the previous one without a gap and has 12 or 13 months of 29/30 days.
  const auto years = table::lunar_years();
  ASSERT_EQ(static_cast<int>(years.size()), kLastLunarYear - kFirstLunarYear + 1);
  for (std::size_t i = 0; i < years.size(); ++i) {
    const auto& r = years[i];
    SCOPED_TRACE(kFirstLunarYear + static_cast<int>(i));
    ASSERT_EQ(r.lengths.size(), r.leap_month ? 13u : 12u);
    ASSERT_GE(r.leap_month, 0);
    ASSERT_LE(r.leap_month, 12);
    int total = 0;
    for (char c : r.lengths) {
      ASSERT_TRUE(c == '0' || c == '1');
      total += c == '1' ? 30 : 29;
    }
    if (r.leap_month) {
      EXPECT_TRUE(total >= 383 && total <= 385) << total;
    } else {
      EXPECT_TRUE(total >= 353 && total <= 355) << total;
    }
    if (i + 1 < years.size()) {
      EXPECT_EQ(r.new_year + total, years[i + 1].new_year);
    }
    // 正月初一 falls between 21 January and 20 February.
    const auto d = clock::from_day_number(r.new_year);
    EXPECT_TRUE((d.month == 1 && d.day >= 21) || (d.month == 2 && d.day <= 20)) << clock::format_date(d);
  }
}

TEST(Lunar, EveryDayRoundTrips) {
  // Every Gregorian day of the range: to_solar(to_lunar(d)) == d, and the lunar dates run
  // on by one day (or start a new month at day 1).
  std::optional<LunarDate> prev;
  for (auto n = clock::day_number(kFirstDate); n <= clock::day_number(kLastDate); ++n) {
    const auto d = clock::from_day_number(n);
    const auto l = to_lunar(d);
    ASSERT_TRUE(l) << clock::format_date(d);
    ASSERT_EQ(to_solar(*l), d) << clock::format_date(d);
    if (prev) {
      if (l->day == 1) {
        ASSERT_GE(prev->day, 29);
        ASSERT_EQ(prev->day, month_days(prev->year, prev->month, prev->leap));
      } else {
        ASSERT_EQ(l->day, prev->day + 1);
        ASSERT_EQ(l->month, prev->month);
        ASSERT_EQ(l->leap, prev->leap);
        ASSERT_EQ(l->year, prev->year);
      }
    }
    prev = l;
  }
}

TEST(Lunar, EveryLunarDateRoundTrips) {
  int count = 0;
  for (int y = kFirstLunarYear; y <= kLastLunarYear; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (bool leap : {false, true}) {
        const int days = month_days(y, m, leap);
        if (leap && days == 0) continue;
        ASSERT_GE(days, 29);
        for (int d = 1; d <= days; ++d) {
          const LunarDate l{y, m, d, leap};
          const auto s = to_solar(l);
          if (!s) continue;  // outside 1900-01-01 … 2100-12-31
          ASSERT_EQ(to_lunar(*s), l) << y << "/" << m << "/" << d << (leap ? " leap" : "");
          ++count;
        }
      }
    }
  }
  EXPECT_EQ(count, clock::day_number(kLastDate) - clock::day_number(kFirstDate) + 1);
}

TEST(Lunar, BirthdayInYear) {
  struct Case {
    int year;
    LunarMonthDay md;
    const char* want;
  };
  const Case cases[] = {
      {2027, {1, 1, false}, "2027-02-06"},
      {2027, {8, 15, false}, "2027-09-15"},
      // 闰二月十五 (2023): in 2023 the leap month, in 2024 (no leap month) the ordinary 2nd.
      {2023, {2, 15, true}, "2023-04-05"},
      {2023, {2, 15, false}, "2023-03-06"},
      {2024, {2, 15, true}, "2024-03-24"},
      {2024, {2, 15, false}, "2024-03-24"},
      // 三十 in a 29-day month: the month's last day. 2027's third month has 29 days.
      {2027, {3, 30, false}, "2027-05-05"},
      {2027, {3, 29, false}, "2027-05-05"},
      {2027, {1, 30, false}, "2027-03-07"},
      // a 30th of a leap month in a year whose leap month has 29 days
      {2033, {11, 30, true}, "2034-01-19"},
      {2033, {11, 30, false}, "2033-12-21"},
      // outside the range or not a lunar date
      {2101, {1, 1, false}, "none"},
      {2100, {12, 5, false}, "none"},
      {2027, {13, 1, false}, "none"},
      {2027, {1, 31, false}, "none"},
      {2027, {0, 1, false}, "none"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.year) + " " + std::to_string(c.md.month) + "/" + std::to_string(c.md.day) +
                 (c.md.leap ? " leap" : ""));
    EXPECT_EQ(str(lunar_birthday_in(c.year, c.md)), c.want);
  }
}

TEST(Lunar, NextAnniversary) {
  const LunarMonthDay spring{1, 1, false};
  EXPECT_EQ(str(next_lunar_anniversary(spring, date("2027-02-06"))), "2027-02-06");
  EXPECT_EQ(str(next_lunar_anniversary(spring, date("2027-02-07"))), "2028-01-26");
  EXPECT_EQ(str(next_lunar_anniversary(spring, date("2027-01-01"))), "2027-02-06");
  // 腊月初八 from early January: still the previous lunar year's.
  EXPECT_EQ(str(next_lunar_anniversary({12, 8, false}, date("2027-01-01"))), "2027-01-15");
  EXPECT_EQ(str(next_lunar_anniversary({12, 8, false}, date("2027-01-16"))), "2028-01-04");
  // A leap-month birthday: next year has no 闰二月, so the ordinary second month.
  EXPECT_EQ(str(next_lunar_anniversary({2, 15, true}, date("2023-04-06"))), "2024-03-24");
  EXPECT_EQ(str(next_lunar_anniversary(spring, date("2100-02-10"))), "none");
  EXPECT_EQ(str(next_lunar_anniversary(spring, date("1899-12-31"))), "none");
  EXPECT_EQ(str(next_lunar_anniversary({3, 1, false}, date("1900-01-05"))), "1900-03-31");
}

}  // namespace
}  // namespace kehu::calendar
