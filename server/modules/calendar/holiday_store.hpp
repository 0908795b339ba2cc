// The holiday table's SQL (migrations/sqlite/0005_calendar.sql). Writes are audited in
// the same transaction ("holiday" entries).
#pragma once
#include <optional>
#include <vector>

#include "modules/calendar/holiday.hpp"
#include "platform/audit/audit.hpp"
#include "platform/db/database.hpp"

namespace kehu::calendar {

class HolidayStore {
 public:
  explicit HolidayStore(db::Database& db) : db_(db) {}
  // The rows of a region between two dates (inclusive), by date.
  static std::vector<Holiday> between(db::Conn& c, Region region, const clock::Date& from, const clock::Date& to);
  std::vector<Holiday> between(Region region, const clock::Date& from, const clock::Date& to);
  std::optional<Holiday> get(std::int64_t id);
  // 409 already_exists when the region already has a row for that date.
  Result<Holiday> create(const Holiday& h, const audit::Actor& actor);
  // `h.version` must be the stored one (409 stale_version otherwise).
  Result<Holiday> update(std::int64_t id, const Holiday& h, const audit::Actor& actor);
  // Deleted for good (the table is configuration, kept in the audit trail); with a
  // version, a stale one is 409.
  Status remove(std::int64_t id, std::optional<std::int64_t> version, const audit::Actor& actor);

 private:
  db::Database& db_;
};

}  // namespace kehu::calendar
