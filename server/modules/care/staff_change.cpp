#include "modules/care/staff_change.hpp"

#include "platform/http/fields.hpp"

namespace kehu::care {

clock::Date staff_change_task_due(clock::Date today) {
  return clock::from_day_number(clock::day_number(today) + kStaffChangeTaskDays);
}

bool left_on_ok(clock::Date left_on, clock::Date today) {
  return left_on <= today && left_on.year >= kStaffChangeFirstYear;
}

std::string staff_change_source_key(std::int64_t id) { return "staff:" + std::to_string(id); }

Result<LeftInput> read_left_input(const nlohmann::json& body, clock::Date today) {
  http::Fields f(body);
  auto left_on = f.date("left_on", true);
  auto successor = f.integer("successor_id", {.min = 1});
  auto note = f.text("note", {.max = 2000, .multiline = true});
  if (left_on.value && !left_on_ok(*left_on.value, today)) f.fail("left_on", "care.staff_left_on_range");
  KEHU_CHECK(f.finish());
  return LeftInput{*left_on.value, successor.value, note.value};
}

Result<SuccessorInput> read_successor_input(const nlohmann::json& body) {
  http::Fields f(body);
  auto successor = f.integer("successor_id", {.required = true, .min = 1});
  auto version = f.integer("version", {.required = true, .min = 1});
  KEHU_CHECK(f.finish());
  return SuccessorInput{*successor.value, *version.value};
}

}  // namespace kehu::care
