#include "platform/calendar/solar_terms.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kehu::calendar {
namespace {

std::string on(int year, SolarTerm t) {
  for (const auto& s : solar_terms(year))
    if (s.term == t) return clock::format_date(s.date);
  return "none";
}

TEST(SolarTerms, KnownDates) {
  // China time (UTC+8). 2021's winter solstice came at 23:59 on the 21st.
  EXPECT_EQ(on(2027, SolarTerm::kQingming), "2027-04-05");
  EXPECT_EQ(on(2026, SolarTerm::kDongzhi), "2026-12-22");
  EXPECT_EQ(on(2027, SolarTerm::kXiaohan), "2027-01-05");
  EXPECT_EQ(on(2027, SolarTerm::kLichun), "2027-02-04");
  EXPECT_EQ(on(2027, SolarTerm::kDongzhi), "2027-12-22");
  EXPECT_EQ(on(2024, SolarTerm::kLichun), "2024-02-04");
  EXPECT_EQ(on(2024, SolarTerm::kQingming), "2024-04-04");
  EXPECT_EQ(on(2025, SolarTerm::kQingming), "2025-04-04");
  EXPECT_EQ(on(2026, SolarTerm::kQingming), "2026-04-05");
  EXPECT_EQ(on(2021, SolarTerm::kDongzhi), "2021-12-21");
  EXPECT_EQ(on(2033, SolarTerm::kDongzhi), "2033-12-21");
  EXPECT_EQ(on(1900, SolarTerm::kXiaohan), "1900-01-06");
  EXPECT_EQ(on(2100, SolarTerm::kDongzhi), "2100-12-22");
}

TEST(SolarTerms, NamesInOrder) {
  const auto terms = solar_terms(2027);
  ASSERT_EQ(terms.size(), 24u);
  EXPECT_EQ(solar_term_name(terms.front().term), "xiaohan");
  EXPECT_EQ(solar_term_name(terms[2].term), "lichun");
  EXPECT_EQ(solar_term_name(terms[6].term), "qingming");
  EXPECT_EQ(solar_term_name(terms.back().term), "dongzhi");
  std::set<std::string_view> names;
  for (int k = 0; k < kSolarTermCount; ++k) names.insert(solar_term_name(static_cast<SolarTerm>(k)));
  EXPECT_EQ(names.size(), 24u);
}

TEST(SolarTerms, EveryYearIsPlausible) {
  // Two terms a month, the first on the 3rd–9th, the second on the 18th–24th, in order.
  for (int y = 1900; y <= 2100; ++y) {
    const auto terms = solar_terms(y);
    ASSERT_EQ(terms.size(), 24u) << y;
    for (int k = 0; k < 24; ++k) {
      const auto& t = terms[static_cast<std::size_t>(k)];
      ASSERT_EQ(static_cast<int>(t.term), k);
      ASSERT_EQ(t.date.month, k / 2 + 1) << y;
      ASSERT_TRUE(clock::valid_date(t.date.year, t.date.month, t.date.day));
      if (k % 2 == 0) {
        ASSERT_TRUE(t.date.day >= 3 && t.date.day <= 9) << y << " " << k << " " << t.date.day;
      } else {
        ASSERT_TRUE(t.date.day >= 18 && t.date.day <= 24) << y << " " << k << " " << t.date.day;
      }
      EXPECT_EQ(solar_term_on(t.date), t.term);
    }
  }
  EXPECT_TRUE(solar_terms(1899).empty());
  EXPECT_TRUE(solar_terms(2101).empty());
  EXPECT_FALSE(solar_term_on({2027, 4, 6}));
  EXPECT_FALSE(solar_term_on({2101, 4, 5}));
}

}  // namespace
}  // namespace kehu::calendar
