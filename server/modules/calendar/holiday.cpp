#include "modules/calendar/holiday.hpp"

#include "platform/http/fields.hpp"

namespace kehu::calendar {

std::string_view kind_code(DayKind k) { return k == DayKind::kWorkday ? "workday" : "holiday"; }

std::optional<DayKind> parse_kind(std::string_view code) {
  if (code == "holiday") return DayKind::kHoliday;
  if (code == "workday") return DayKind::kWorkday;
  return std::nullopt;
}

Result<Holiday> read_holiday(const nlohmann::json& body, const Holiday* existing) {
  const bool create = existing == nullptr;
  http::Fields f(body);
  Holiday h = existing ? *existing : Holiday{};
  auto region = f.choice("region", {"CN", "TW", "HK"}, create);
  auto date = f.date("date", create);
  auto kind = f.choice("kind", {"holiday", "workday"}, create);
  auto name = f.text("name", {.required = create || body.contains("name"), .max = 50});
  auto version = f.integer("version", {.required = !create, .min = 1});
  for (const char* k : {"region", "date", "kind"})
    if (!create && body.contains(k) && body[k].is_null()) f.fail(k, "field.required");
  if (date.value && !in_range(*date.value)) f.fail("date", "calendar.out_of_range");
  for (const char* k : {"id", "created_at", "updated_at"}) f.forbid(k);
  KEHU_CHECK(f.finish());
  if (region.value) h.region = *parse_region(*region.value);
  if (date.value) h.date = *date.value;
  if (kind.value) h.kind = *parse_kind(*kind.value);
  if (name.value) h.name = *name.value;
  if (version.value) h.version = *version.value;
  return h;
}

nlohmann::json to_json(const Holiday& h) {
  return {{"id", h.id},
          {"region", region_code(h.region)},
          {"date", clock::format_date(h.date)},
          {"kind", kind_code(h.kind)},
          {"name", h.name},
          {"version", h.version},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

}  // namespace kehu::calendar
