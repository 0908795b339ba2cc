#include "modules/care/ical.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {

TEST(Ical, EscapesText) {
  EXPECT_EQ(ical_escape("a,b;c\\d\ne\r"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(ical_escape(std::string("x\x01y")), "xy");
}

TEST(Ical, FoldsAt75OctetsWithoutSplittingCharacters) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 40; ++i) line += "客";  // 3 octets each
  const auto folded = ical_fold(line);
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find("\r\n", start);
    auto piece = folded.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(piece.size(), 75u);
    // each piece after the first starts with the folding space, then a whole character
    if (start > 0) {
      ASSERT_EQ(piece[0], ' ');
      EXPECT_NE(static_cast<unsigned char>(piece[1]) & 0xC0, 0x80);
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  // unfolding gives the line back
  std::string unfolded;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += folded[i];
  }
  EXPECT_EQ(unfolded, line);
  EXPECT_EQ(ical_fold("short"), "short");
}

TEST(Ical, WritesAllDayEvents) {
  const auto text = write_ical("日历", {{"task-1@kehu", {2027, 2, 28}, "跟进, 报价", "", "TASK"}},
                               *clock::parse_iso("2027-02-01T01:00:00Z"));
  EXPECT_NE(text.find("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20270201T010000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("SUMMARY:跟进\\, 报价\r\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 15), "END:VCALENDAR\r\n");
}

TEST(Ical, LunarLabels) {
  EXPECT_EQ(lunar_label(8, 15, false, "zh-CN"), "八月十五");
  EXPECT_EQ(lunar_label(1, 1, false, "zh-CN"), "正月初一");
  EXPECT_EQ(lunar_label(12, 27, false, "zh-CN"), "腊月廿七");
  EXPECT_EQ(lunar_label(12, 30, false, "zh-TW"), "臘月三十");
  EXPECT_EQ(lunar_label(11, 20, false, "zh-CN"), "冬月二十");
  EXPECT_EQ(lunar_label(2, 10, true, "zh-CN"), "闰二月初十");
  EXPECT_EQ(lunar_label(6, 19, true, "zh-TW"), "閏六月十九");
  EXPECT_EQ(lunar_label(6, 19, true, "en"), "lunar leap 6/19");
  EXPECT_EQ(lunar_label(13, 1, false, "zh-CN"), "");
}

}  // namespace
}  // namespace kehu::care
