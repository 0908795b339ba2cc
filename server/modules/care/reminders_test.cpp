#include "modules/care/reminders.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {

clock::Date d(const char* s) { return *clock::parse_date(s); }
std::string str(const std::optional<clock::Date>& x) { return x ? clock::format_date(*x) : "none"; }

TEST(Birthday, ParsesTheArchiveForms) {
  auto s = parse_birthday(R"({"calendar":"solar","date":"1980-05-04"})");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->lunar);
  EXPECT_EQ(s->month, 5);
  EXPECT_EQ(s->day, 4);
  auto l = parse_birthday(R"({"calendar":"lunar","month":8,"day":15,"leap":true,"year":1970})");
  ASSERT_TRUE(l);
  EXPECT_TRUE(l->lunar && l->leap);
  EXPECT_FALSE(parse_birthday("not json"));
  EXPECT_FALSE(parse_birthday(R"({"calendar":"lunar","month":13,"day":1})"));
  EXPECT_FALSE(parse_birthday(R"({"calendar":"solar","date":"1980-02-30"})"));
}

TEST(Birthday, NextSolarBirthday) {
  struct Case {
    const char* birthday;
    const char* from;
    const char* expected;
  } cases[] = {
      {"1980-05-04", "2027-02-01", "2027-05-04"},
      {"1980-05-04", "2027-05-04", "2027-05-04"},  // today counts
      {"1980-05-04", "2027-05-05", "2028-05-04"},
      {"1980-02-29", "2027-02-01", "2027-02-28"},  // common year: the 28th
      {"1980-02-29", "2028-02-01", "2028-02-29"},  // leap year
      {"1980-12-31", "2027-12-31", "2027-12-31"},
      {"1980-01-01", "2027-12-31", "2028-01-01"},
  };
  for (const auto& c : cases) {
    auto b = parse_birthday(std::string(R"({"calendar":"solar","date":")") + c.birthday + "\"}");
    EXPECT_EQ(str(next_birthday(*b, d(c.from))), c.expected) << c.birthday << " from " << c.from;
  }
}

TEST(Birthday, LunarBirthdayMovesAcrossYears) {
  // 八月十五 is Mid-Autumn: 2026-09-25, 2027-09-15, 2028-10-03.
  BirthdayRule mid{true, 8, 15, false};
  EXPECT_EQ(str(next_birthday(mid, d("2026-01-01"))), "2026-09-25");
  EXPECT_EQ(str(next_birthday(mid, d("2026-09-26"))), "2027-09-15");
  EXPECT_EQ(str(next_birthday(mid, d("2027-09-16"))), "2028-10-03");
  // 腊月廿七 of lunar 2026 is 2027-02-03 (lunar 2026's 12th month starts 2027-01-08).
  EXPECT_EQ(str(next_birthday({true, 12, 27, false}, d("2027-02-01"))), "2027-02-03");
  // 腊月三十 in a year whose 12th month has 29 days: the 29th, 除夕 2027-02-05.
  EXPECT_EQ(str(next_birthday({true, 12, 30, false}, d("2027-02-01"))), "2027-02-05");
  // 正月初一 = Spring Festival 2027-02-06, 2030-02-03 (years ICU gets wrong).
  EXPECT_EQ(str(next_birthday({true, 1, 1, false}, d("2027-01-01"))), "2027-02-06");
  EXPECT_EQ(str(next_birthday({true, 1, 1, false}, d("2030-01-01"))), "2030-02-03");
  // A leap-6th-month birthday (闰六月, lunar 2025 has one): in 2025 the leap month, in 2026
  // (no leap 6th month) the ordinary 6th month.
  const BirthdayRule leap6{true, 6, 10, true};
  const auto in2025 = next_birthday(leap6, d("2025-01-01"));
  const auto ordinary2025 = next_birthday({true, 6, 10, false}, d("2025-01-01"));
  ASSERT_TRUE(in2025 && ordinary2025);
  EXPECT_GT(clock::day_number(*in2025) - clock::day_number(*ordinary2025), 25);  // a month later
  EXPECT_EQ(str(next_birthday(leap6, d("2026-01-01"))), str(next_birthday({true, 6, 10, false}, d("2026-01-01"))));
}

TEST(Reminders, ComeTheSetNumberOfDaysAhead) {
  CareSettings s;  // birthday 3 days ahead
  const BirthdayRule b{false, 2, 4, false};
  EXPECT_FALSE(birthday_reminder(7, b, d("2027-01-31"), s));  // 4 days ahead: not yet
  auto r = birthday_reminder(7, b, d("2027-02-01"), s);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->kind, "birthday");
  EXPECT_EQ(r->key, "birthday:7:2027-02-04");
  EXPECT_EQ(str(r->date), "2027-02-04");
  EXPECT_TRUE(birthday_reminder(7, b, d("2027-02-04"), s));   // the day itself
  EXPECT_FALSE(birthday_reminder(7, b, d("2027-02-05"), s));  // next year's is far
  s.birthday_lead_days = 0;
  EXPECT_FALSE(birthday_reminder(7, b, d("2027-02-03"), s));
}

TEST(Reminders, AnniversariesAndEvents) {
  CareSettings s;  // anniversary and milestone 7 days, personal events 1 day
  auto a = anniversary_reminder(3, d("2019-02-05"), d("2027-02-01"), s);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->subject, "8");  // the 8th year of cooperation
  EXPECT_EQ(a->key, "anniversary:3:2027-02-05");
  EXPECT_FALSE(anniversary_reminder(3, d("2027-02-05"), d("2027-02-01"), s));  // the start itself is no anniversary
  // a one-off milestone, a yearly one, a personal event with the short lead
  EXPECT_TRUE(event_reminder(1, "project_completion", d("2027-02-08"), false, d("2027-02-01"), s));
  EXPECT_FALSE(event_reminder(1, "project_completion", d("2026-02-08"), false, d("2027-02-01"), s));
  auto y = event_reminder(2, "store_opening", d("2015-02-03"), true, d("2027-02-01"), s);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->kind, "milestone");
  EXPECT_EQ(str(y->date), "2027-02-03");
  EXPECT_FALSE(event_reminder(4, "wedding", d("2027-02-03"), false, d("2027-02-01"), s));  // 2 days > 1
  auto w = event_reminder(4, "wedding", d("2027-02-02"), false, d("2027-02-01"), s);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kind, "personal_event");
}

TEST(Reminders, FestivalsWithinTheLead) {
  CareSettings s;  // 7 days
  auto f = festival_reminders(d("2027-02-01"), s);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].subject, "new_years_eve");
  EXPECT_EQ(str(f[0].date), "2027-02-05");
  EXPECT_EQ(f[1].subject, "spring_festival");
  EXPECT_EQ(f[1].key, "festival:spring_festival:2027-02-06");
  // across the year end: New Year's Day of the next year
  std::vector<std::string> ny;
  for (const auto& r : festival_reminders(d("2027-12-28"), s)) ny.push_back(r.subject + " " + str(r.date));
  EXPECT_EQ(ny, (std::vector<std::string>{"new_year 2028-01-01", "laba 2028-01-04"}));
}

}  // namespace
}  // namespace kehu::care
