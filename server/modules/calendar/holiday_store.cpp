#include "modules/calendar/holiday_store.hpp"

#include "platform/core/clock.hpp"

namespace kehu::calendar {
namespace {

constexpr const char* kColumns = "SELECT id, region, date, kind, name, version, created_at, updated_at FROM holidays ";
constexpr const char* kBetween = "WHERE region = ? AND date >= ? AND date <= ? ORDER BY date, id";
constexpr const char* kById = "WHERE id = ?";
constexpr const char* kInsert =
    "INSERT INTO holidays(region, date, kind, name, created_at, updated_at) VALUES (?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE holidays SET region = ?, date = ?, kind = ?, name = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND version = ?";
constexpr const char* kDelete = "DELETE FROM holidays WHERE id = ?";
constexpr const char* kRegionDays = "SELECT date, kind FROM holidays WHERE region = ?";

Holiday from_row(const db::Row& r) {
  Holiday h;
  h.id = r.i64(0);
  h.region = parse_region(r.text(1)).value_or(Region::kCN);
  h.date = clock::parse_date(r.text(2)).value_or(clock::Date{});
  h.kind = parse_kind(r.text(3)).value_or(DayKind::kHoliday);
  h.name = r.text(4);
  h.version = r.i64(5);
  h.created_at = r.text(6);
  h.updated_at = r.text(7);
  return h;
}

std::optional<Holiday> get_in(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kColumns) + kById, {id}, from_row);
}

Error already_exists() {
  return Error(ErrorCode::kAlreadyExists, "calendar.holiday_exists").field("date", "calendar.holiday_exists");
}

// The audited view of a row: what an admin changes.
nlohmann::json audited(const Holiday& h) {
  auto j = to_json(h);
  for (const char* k : {"id", "version", "created_at", "updated_at"}) j.erase(k);
  return j;
}

}  // namespace

std::vector<Holiday> HolidayStore::between(db::Conn& c, Region region, const clock::Date& from, const clock::Date& to) {
  return c.rows(std::string(kColumns) + kBetween,
                {region_code(region), clock::format_date(from), clock::format_date(to)}, from_row);
}

std::vector<Holiday> HolidayStore::between(Region region, const clock::Date& from, const clock::Date& to) {
  return db_.read([&](db::Conn& c) { return between(c, region, from, to); });
}

std::optional<Holiday> HolidayStore::get(std::int64_t id) {
  return db_.read([&](db::Conn& c) { return get_in(c, id); });
}

Result<Holiday> HolidayStore::create(const Holiday& h, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Holiday> {
    const auto now = clock::to_iso_utc(clock::now());
    std::int64_t id = 0;
    try {
      id = c.exec(kInsert, {region_code(h.region), clock::format_date(h.date), kind_code(h.kind), h.name, now, now})
               .last_id;
    } catch (const db::ConstraintError& e) {
      if (e.kind == db::ConstraintError::Kind::kUnique) return already_exists();
      throw;
    }
    auto fresh = *get_in(c, id);
    audit::record(c, actor, "create", "holiday", id, audit::diff({}, audited(fresh)));
    return fresh;
  });
}

Result<Holiday> HolidayStore::update(std::int64_t id, const Holiday& h, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Holiday> {
    auto before = get_in(c, id);
    if (!before) return not_found();
    if (before->version != h.version) return stale_version();
    try {
      if (c.exec(kUpdate, {region_code(h.region), clock::format_date(h.date), kind_code(h.kind), h.name,
                           clock::to_iso_utc(clock::now()), id, h.version})
              .changes == 0)
        return stale_version();
    } catch (const db::ConstraintError& e) {
      if (e.kind == db::ConstraintError::Kind::kUnique) return already_exists();
      throw;
    }
    auto fresh = *get_in(c, id);
    audit::record(c, actor, "update", "holiday", id, audit::diff(audited(*before), audited(fresh)));
    return fresh;
  });
}

Status HolidayStore::remove(std::int64_t id, std::optional<std::int64_t> version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    auto before = get_in(c, id);
    if (!before) return not_found();
    if (version && before->version != *version) return stale_version();
    c.exec(kDelete, {id});
    audit::record(c, actor, "delete", "holiday", id, audit::diff(audited(*before), {}));
    return ok_status();
  });
}

WorkingCalendar load_working_calendar(db::Conn& c, Region region) {
  WorkingCalendar out;
  c.query(kRegionDays, {region_code(region)}, [&](const db::Row& r) {
    auto d = clock::parse_date(r.text(0));
    auto k = parse_kind(r.text(1));
    if (d && k) out.set(*d, *k);
  });
  return out;
}

}  // namespace kehu::calendar
