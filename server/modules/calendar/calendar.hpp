// The calendar module's public face: the admin-editable holiday table per region (public
// holidays and make-up working days, 调休) as a WorkingCalendar for other modules (service
// SLAs, plan progress), the JSON shapes of lunar dates and festivals shared by the routes
// and the command line, and the routes under /api/v1/calendar.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "platform/auth/auth.hpp"
#include "platform/calendar/festivals.hpp"
#include "platform/calendar/lunar.hpp"
#include "platform/calendar/working_days.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::calendar {

// Holiday rules differ: the mainland, Taiwan and Hong Kong each keep their own rows.
enum class Region { kCN, kTW, kHK };
std::optional<Region> parse_region(std::string_view code);  // "CN", "TW", "HK"
std::string_view region_code(Region r);

// The region's working days: Monday–Friday, minus its holidays, plus its make-up working
// days, with the default hours (09:00–18:00, UTC+8).
WorkingCalendar load_working_calendar(db::Conn& c, Region region);

// {"year":2027,"month":1,"day":1,"leap":false}
nlohmann::json to_json(const LunarDate& d);
// [{"name":"spring_festival","date":"2027-02-06"}, …] sorted by date.
nlohmann::json festivals_json(int year);
// Every lunar year of the table whose months start in range, one object each:
// {"year":1900,"leap_month":8,"months":[{"month":1,"leap":false,"first":"1900-01-31","days":29},…]}
nlohmann::json lunar_table_json();

void register_messages();
// GET /calendar/lunar, /solar, /festivals, /month, /holidays (anyone signed in);
// POST /calendar/holidays, PATCH|DELETE /calendar/holidays/{id} (admin).
void register_routes(http::Router& r, auth::Auth& auth);

}  // namespace kehu::calendar
