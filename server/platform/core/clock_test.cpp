#include "platform/core/clock.hpp"

#include <gtest/gtest.h>

namespace kehu::clock {

TEST(Clock, ParsesDatesStrictly) {
  struct Case { const char* in; bool ok; };
  for (auto c : {Case{"2024-02-29", true}, Case{"2023-02-29", false}, Case{"2023-02-30", false},
                 Case{"2023-13-01", false}, Case{"2023/01/05", false}, Case{"2023-1-05", false},
                 Case{"2023-01-05", true}, Case{"+023-01-05", false}}) {
    EXPECT_EQ(parse_date(c.in).has_value(), c.ok) << c.in;
  }
}

TEST(Clock, IsoNeedsAnOffset) {
  EXPECT_FALSE(parse_iso("2027-02-01T09:00:00"));
  EXPECT_FALSE(parse_iso("2027-02-01T09:00:00+25:00"));
  auto t = parse_iso("2027-02-01T09:00:00+08:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(to_iso_utc(*t), "2027-02-01T01:00:00Z");
  EXPECT_EQ(to_iso_utc(*parse_iso("1999-12-31T23:59:59.5-01:00")), "2000-01-01T00:59:59Z");
}

TEST(Clock, FixedTimeIsSeenEverywhere) {
  set_fixed(parse_iso("2027-02-01T09:00:00+08:00"));
  EXPECT_EQ(to_iso_utc(now()), "2027-02-01T01:00:00Z");
  EXPECT_EQ(format_date(local_date(now())), "2027-02-01");
  set_fixed(parse_iso("2027-02-01T23:30:00Z"));
  EXPECT_EQ(format_date(local_date(now())), "2027-02-02");  // already the 2nd in Shanghai
  set_fixed(std::nullopt);
  EXPECT_NE(to_iso_utc(now()).substr(0, 4), "2027");
}

}  // namespace kehu::clock
