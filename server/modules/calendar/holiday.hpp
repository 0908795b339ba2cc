// One row of the holiday table: a date of a region that breaks the weekly rhythm — a
// public holiday (放假) or a make-up working day (调休上班) — with the holiday's name.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "modules/calendar/calendar.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"

namespace kehu::calendar {

struct Holiday {
  std::int64_t id = 0;
  Region region = Region::kCN;
  clock::Date date;
  DayKind kind = DayKind::kHoliday;
  std::string name;  // "春节", "国庆节"…; on a make-up working day the holiday it makes up for
  std::int64_t version = 1;
  std::string created_at, updated_at;
};

std::string_view kind_code(DayKind k);  // "holiday", "workday"
std::optional<DayKind> parse_kind(std::string_view code);

// A create body (region, date, kind, name required) or an update body (version required,
// the rest optional) over `existing`.
Result<Holiday> read_holiday(const nlohmann::json& body, const Holiday* existing);
nlohmann::json to_json(const Holiday& h);

}  // namespace kehu::calendar
