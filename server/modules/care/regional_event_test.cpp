#include "modules/care/regional_event.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {
clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);
}  // namespace

TEST(RegionalEventRules, DueDateAndWindow) {
  EXPECT_EQ(regional_task_due(d(2027, 1, 30), kToday), kToday);        // it happened: call today
  EXPECT_EQ(regional_task_due(d(2027, 2, 3), kToday), d(2027, 2, 3));  // forecast: call on the day
  EXPECT_EQ(regional_task_due(kToday, kToday), kToday);
  struct Case {
    clock::Date date;
    bool ok;
  };
  for (const auto& c : std::vector<Case>{{d(2027, 1, 2), true},
                                         {d(2027, 1, 1), false},
                                         {d(2027, 3, 3), true},
                                         {d(2027, 3, 4), false},
                                         {kToday, true}}) {
    EXPECT_EQ(regional_date_ok(c.date, kToday), c.ok) << clock::format_date(c.date);
  }
  EXPECT_EQ(regional_source_key(12, 345), "regional:12:345");
}

TEST(RegionalEventInput, FieldsAreChecked) {
  auto ok = read_regional_event_input({{"kind", "typhoon"},
                                       {"title", "台风“海燕”"},
                                       {"province_code", "440000"},
                                       {"city_code", "440100"},
                                       {"date", "2027-01-31"}},
                                      kToday);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->region.city_code, "440100");
  struct Case {
    nlohmann::json change;
    const char* field;
  };
  for (const auto& c : std::vector<Case>{
           {{{"kind", "fire"}}, "kind"},
           {{{"title", ""}}, "title"},
           {{{"province_code", "44"}}, "province_code"},
           {{{"province_code", "44000a"}}, "province_code"},
           {{{"city_code", "4401000"}}, "city_code"},
           {{{"date", "2026-12-31"}}, "date"},
           {{{"date", nullptr}}, "date"},
       }) {
    nlohmann::json body = {{"kind", "flood"}, {"title", "暴雨"}, {"province_code", "440000"}, {"date", "2027-02-01"}};
    body.update(c.change);
    auto r = read_regional_event_input(body, kToday);
    ASSERT_FALSE(r.ok()) << body.dump();
    EXPECT_TRUE(r.error().fields.count(c.field)) << body.dump();
  }
  EXPECT_TRUE(read_region_input({{"province_code", "810000"}}).ok());  // Hong Kong
  EXPECT_FALSE(read_region_input({{"province_code", "440000"}, {"kind", "typhoon"}}).ok());
}

}  // namespace kehu::care
