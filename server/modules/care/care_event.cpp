#include "modules/care/care_event.hpp"

#include "platform/http/fields.hpp"

namespace kehu::care {

bool is_personal_event(std::string_view kind) { return kind == "wedding" || kind == "illness" || kind == "accident"; }

std::optional<std::pair<std::string, std::string>> care_event_problem(const CareEventShape& e, clock::Date today) {
  if (e.date.year < kCareEventFirstYear ||
      clock::day_number(e.date) - clock::day_number(today) > kCareEventMaxAheadDays)
    return std::make_pair(std::string("date"), std::string("care.event_date_range"));
  if (is_personal_event(e.kind) && !e.has_contact)
    return std::make_pair(std::string("contact_id"), std::string("care.event_contact_required"));
  if (e.kind == "other" && !e.has_note)
    return std::make_pair(std::string("note"), std::string("care.event_note_required"));
  return std::nullopt;
}

namespace {
constexpr http::TextRule kNoteRule{.required = false, .max = 2000, .multiline = true};
}

Result<CareEventInput> read_care_event_input(const nlohmann::json& body) {
  http::Fields f(body);
  auto kind = f.choice("kind", kCareEventKinds, true);
  auto date = f.date("date", true);
  auto contact = f.integer("contact_id", {.min = 1});
  auto yearly = f.boolean("yearly");
  auto note = f.text("note", kNoteRule);
  KEHU_CHECK(f.finish());
  CareEventInput in;
  in.kind = *kind.value;
  in.date = *date.value;
  in.contact_id = contact.value;
  in.yearly = yearly.value.value_or(in.kind == "company_anniversary");
  in.note = note.value;
  return in;
}

Result<CareEventChange> read_care_event_change(const nlohmann::json& body) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto kind = f.choice("kind", kCareEventKinds);
  auto date = f.date("date");
  auto contact = f.integer("contact_id", {.min = 1});
  auto yearly = f.boolean("yearly");
  auto note = f.text("note", kNoteRule);
  if (kind.is_null()) f.fail("kind", "field.required");
  if (date.is_null()) f.fail("date", "field.required");
  if (yearly.is_null()) f.fail("yearly", "field.required");
  KEHU_CHECK(f.finish());
  CareEventChange ch;
  ch.version = *version.value;
  ch.kind = kind.value;
  ch.date = date.value;
  ch.contact_present = contact.present;
  ch.contact_id = contact.value;
  ch.yearly = yearly.value;
  ch.note_present = note.present;
  ch.note = note.value;
  return ch;
}

}  // namespace kehu::care
