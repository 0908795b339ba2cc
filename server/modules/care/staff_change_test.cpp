#include "modules/care/staff_change.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {
clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);
}  // namespace

TEST(StaffChangeRules, TaskDueAndLeavingDay) {
  EXPECT_EQ(staff_change_task_due(kToday), d(2027, 2, 4));
  EXPECT_EQ(staff_change_task_due(d(2027, 2, 27)), d(2027, 3, 2));
  EXPECT_EQ(staff_change_task_due(d(2028, 2, 27)), d(2028, 3, 1));  // a leap year
  EXPECT_TRUE(left_on_ok(kToday, kToday));
  EXPECT_TRUE(left_on_ok(d(1990, 1, 1), kToday));
  EXPECT_FALSE(left_on_ok(d(1989, 12, 31), kToday));
  EXPECT_FALSE(left_on_ok(d(2027, 2, 2), kToday));
  EXPECT_EQ(staff_change_source_key(7), "staff:7");
}

TEST(StaffChangeInput, LeftAndSuccessor) {
  auto in = read_left_input({{"left_on", "2027-01-25"}, {"successor_id", 9}, {"note", "去了同行"}}, kToday);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->successor_id, 9);
  for (const auto& body : {nlohmann::json::object(), nlohmann::json{{"left_on", "2027-02-02"}},
                           nlohmann::json{{"left_on", "2027-01-25"}, {"successor_id", 0}},
                           nlohmann::json{{"left_on", "2027-01-25"}, {"contact_id", 3}}}) {
    EXPECT_FALSE(read_left_input(body, kToday).ok()) << body.dump();
  }
  EXPECT_TRUE(read_successor_input({{"successor_id", 3}, {"version", 1}}).ok());
  EXPECT_FALSE(read_successor_input({{"successor_id", 3}}).ok());
  EXPECT_FALSE(read_successor_input({{"version", 1}}).ok());
}

}  // namespace kehu::care
