#include "modules/sales/money_rules.hpp"

#include <gtest/gtest.h>

namespace kehu::sales {
namespace {
clock::Date d(int y, int m, int day) { return {y, m, day}; }
}  // namespace

TEST(OrderTotals, SumsLinesAndDiscount) {
  struct Case {
    std::vector<LineAmounts> lines;
    std::int64_t discount;
    bool ok;
    std::int64_t subtotal, total;
  };
  for (const auto& c : std::vector<Case>{
           {{{2, 12345}, {3, 100}}, 0, true, 24990, 24990},
           {{{2, 12345}, {3, 100}}, 990, true, 24990, 24000},
           {{{1, 100}}, 101, false, 0, 0},          // discount above subtotal
           {{{0, 100}}, 0, false, 0, 0},            // zero quantity
           {{{-1, 100}}, 0, false, 0, 0},
           {{{1, -1}}, 0, false, 0, 0},
           {{{kMaxQuantity, kMaxUnitPrice}}, 0, true, kMaxQuantity * kMaxUnitPrice, kMaxQuantity * kMaxUnitPrice},
           {{{kMaxQuantity + 1, 1}}, 0, false, 0, 0},
           {{{1, 0}}, 0, true, 0, 0},               // a free sample
       }) {
    auto r = order_totals(c.lines, c.discount);
    ASSERT_EQ(r.ok(), c.ok);
    if (c.ok) {
      EXPECT_EQ(r->subtotal, c.subtotal);
      EXPECT_EQ(r->total, c.total);
    }
  }
}

TEST(FormatYuan, GroupsThousandsAndKeepsCents) {
  EXPECT_EQ(format_yuan(0), "¥0.00");
  EXPECT_EQ(format_yuan(5), "¥0.05");
  EXPECT_EQ(format_yuan(123456789), "¥1,234,567.89");
  EXPECT_EQ(format_yuan(100000), "¥1,000.00");
  EXPECT_EQ(format_yuan(-1200), "-¥12.00");
  EXPECT_EQ(format_yuan(INT64_MIN), "-¥92,233,720,368,547,758.08");
}

TEST(Settlement, FollowsPaymentsAndCredits) {
  EXPECT_EQ(settlement(1000, 0, 0), Settlement::kUnpaid);
  EXPECT_EQ(settlement(1000, 1, 0), Settlement::kPartlyPaid);
  EXPECT_EQ(settlement(1000, 400, 600), Settlement::kPaid);
  EXPECT_EQ(settlement(0, 0, 0), Settlement::kPaid);
  EXPECT_EQ(outstanding(1000, 300, 200), 500);
}

TEST(Credit, LimitIncludesTheOrderLessItsPayment) {
  EXPECT_TRUE(check_credit(10000, 4000, 6000, 0).within);
  auto over = check_credit(10000, 4000, 6001, 0);
  EXPECT_FALSE(over.within);
  EXPECT_EQ(over.outstanding_after, 10001);
  EXPECT_TRUE(check_credit(10000, 4000, 6001, 1).within);
  EXPECT_TRUE(check_credit(0, 50000, 3000, 3000).within);  // paid in full: no credit needed
  EXPECT_FALSE(check_credit(0, 0, 1, 0).within);           // no credit line at all
}

TEST(Aging, BucketsByAgeOfTheOrder) {
  const auto today = d(2027, 3, 31);
  auto a = aging({{d(2027, 3, 1), 100},    // 30 days
                  {d(2027, 2, 28), 200},   // 31
                  {d(2027, 1, 30), 300},   // 60
                  {d(2027, 1, 29), 400},   // 61
                  {d(2026, 12, 31), 500},  // 90
                  {d(2026, 12, 30), 600},  // 91
                  {d(2026, 1, 1), 0}},     // settled
                 today);
  EXPECT_EQ(a[0], 100);
  EXPECT_EQ(a[1], 500);
  EXPECT_EQ(a[2], 900);
  EXPECT_EQ(a[3], 600);
}

TEST(Periods, MonthEndsLeapYearsAndLastYear) {
  EXPECT_EQ(days_between(d(2024, 2, 28), d(2024, 3, 1)), 2);
  EXPECT_EQ(days_between(d(2023, 2, 28), d(2023, 3, 1)), 1);
  EXPECT_EQ(days_between(d(2026, 12, 31), d(2027, 1, 1)), 1);
  EXPECT_EQ(same_day_last_year(d(2024, 2, 29)), d(2023, 2, 28));
  EXPECT_EQ(same_day_last_year(d(2027, 3, 31)), d(2026, 3, 31));
  EXPECT_EQ(month_start(d(2027, 3, 31)), d(2027, 3, 1));
  EXPECT_EQ(year_start(d(2027, 3, 31)), d(2027, 1, 1));
  for (std::int64_t n = -1000; n < 100000; n += 37) EXPECT_EQ(day_number(from_day_number(n)), n);
}

TEST(WorkingDays, WeekdaysOfTheMonth) {
  EXPECT_EQ(working_days(d(2027, 2, 1)).total, 20);   // February 2027 starts on a Monday
  EXPECT_EQ(working_days(d(2027, 2, 1)).elapsed, 1);
  EXPECT_EQ(working_days(d(2027, 2, 7)).elapsed, 5);  // a Sunday
  EXPECT_EQ(working_days(d(2024, 2, 29)).total, 21);  // leap February
  EXPECT_EQ(working_days(d(2024, 2, 29)).elapsed, 21);
  EXPECT_EQ(working_days(d(2026, 11, 23)).total, 21);
  // with the holiday calendar: the Spring Festival week off, a Saturday worked (调休)
  calendar::WorkingCalendar cal;
  for (int day = 16; day <= 20; ++day) cal.set({2026, 2, day}, calendar::DayKind::kHoliday);
  cal.set({2026, 2, 14}, calendar::DayKind::kWorkday);
  EXPECT_EQ(working_days(d(2026, 2, 28)).total, 20);
  EXPECT_EQ(working_days(d(2026, 2, 28), cal).total, 16);
  EXPECT_EQ(working_days(d(2026, 2, 14), cal).elapsed, 11);  // 10 weekdays and the Saturday
  EXPECT_EQ(per_mille(1, 3), 333);
  EXPECT_EQ(per_mille(5, 0), 0);
  EXPECT_EQ(per_mille(150, 100), 1500);
}

TEST(UsualInterval, MedianGapBetweenPurchaseDays) {
  EXPECT_FALSE(usual_interval({d(2027, 1, 1), d(2027, 2, 1)}));
  EXPECT_EQ(usual_interval({d(2027, 1, 1), d(2027, 1, 31), d(2027, 3, 2)}), 30);
  // One long gap does not move the median.
  EXPECT_EQ(usual_interval({d(2026, 1, 1), d(2026, 1, 11), d(2026, 1, 21), d(2026, 1, 31), d(2026, 12, 31)}), 10);
  EXPECT_EQ(usual_interval({d(2026, 1, 1), d(2026, 1, 11), d(2026, 1, 31), d(2026, 2, 10), d(2026, 3, 12)}), 15);
}

}  // namespace kehu::sales
