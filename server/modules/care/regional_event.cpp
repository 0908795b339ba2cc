#include "modules/care/regional_event.hpp"

#include "platform/http/fields.hpp"

namespace kehu::care {

clock::Date regional_task_due(clock::Date event_date, clock::Date today) { return std::max(event_date, today); }

bool regional_date_ok(clock::Date event_date, clock::Date today) {
  const auto diff = clock::day_number(event_date) - clock::day_number(today);
  return diff >= -kRegionalEventWindowDays && diff <= kRegionalEventWindowDays;
}

std::string regional_source_key(std::int64_t event_id, std::int64_t customer_id) {
  return "regional:" + std::to_string(event_id) + ":" + std::to_string(customer_id);
}

namespace {

// A region code: six digits (GB/T 2260); whether it exists is the store's question.
void read_region(http::Fields& f, RegionInput& out) {
  auto province = f.text("province_code", {.required = true, .max = 6});
  auto city = f.text("city_code", {.max = 6});
  auto six_digits = [](const std::string& s) {
    return s.size() == 6 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (province.value && !six_digits(*province.value)) f.fail("province_code", "care.region_invalid");
  if (city.value && !six_digits(*city.value)) f.fail("city_code", "care.region_invalid");
  if (province.value) out.province_code = *province.value;
  out.city_code = city.value;
}

}  // namespace

Result<RegionInput> read_region_input(const nlohmann::json& body) {
  http::Fields f(body);
  RegionInput in;
  read_region(f, in);
  KEHU_CHECK(f.finish());
  return in;
}

Result<RegionalEventInput> read_regional_event_input(const nlohmann::json& body, clock::Date today) {
  http::Fields f(body);
  RegionalEventInput in;
  auto kind = f.choice("kind", kRegionalEventKinds, true);
  auto title = f.text("title", {.required = true, .max = 100});
  read_region(f, in.region);
  auto date = f.date("date", true);
  auto note = f.text("note", {.max = 2000, .multiline = true});
  if (date.value && !regional_date_ok(*date.value, today)) f.fail("date", "care.regional_date_range");
  KEHU_CHECK(f.finish());
  in.kind = *kind.value;
  in.title = *title.value;
  in.date = *date.value;
  in.note = note.value;
  return in;
}

}  // namespace kehu::care
