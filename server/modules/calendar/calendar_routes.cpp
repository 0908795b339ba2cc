// HTTP <-> calendar: lunar conversions, festivals, the month grid, the holiday table.
#include <charconv>

#include "modules/calendar/calendar.hpp"
#include "modules/calendar/holiday_store.hpp"
#include "modules/calendar/month_view.hpp"
#include "platform/http/params.hpp"

namespace kehu::calendar {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

clock::Date today() { return clock::local_date(clock::now()); }

Error bad_param(const char* name, const char* key = "param.invalid") {
  return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(name, key);
}
Error invalid(const char* name, std::string key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(name, std::move(key));
}

// An integer query parameter; `fallback` when absent (nullopt: required).
Result<int> int_param(const Request& req, const char* name, std::optional<int> fallback) {
  auto v = req.query_param(name);
  if (!v || v->empty()) {
    if (fallback) return *fallback;
    return bad_param(name, "field.required");
  }
  int out = 0;
  auto r = std::from_chars(v->data(), v->data() + v->size(), out);
  if (r.ec != std::errc() || r.ptr != v->data() + v->size()) return bad_param(name);
  return out;
}

Result<int> year_param(const Request& req, const char* name = "year") {
  KEHU_TRY(int year, int_param(req, name, today().year));
  if (year < kFirstDate.year || year > kLastDate.year) return invalid(name, "calendar.year_out_of_range");
  return year;
}

Result<Region> region_param(const Request& req) {
  auto v = req.query_param("region");
  if (!v || v->empty()) return Region::kCN;
  auto r = parse_region(*v);
  if (!r) return bad_param("region");
  return *r;
}

Result<Response> lunar(Request& req, const Principal&) {
  auto v = req.query_param("date");
  if (!v || v->empty()) return bad_param("date", "field.required");
  auto d = clock::parse_date(*v);
  if (!d) return bad_param("date", "field.invalid_date");
  auto l = to_lunar(*d);
  if (!l) return invalid("date", "calendar.out_of_range");
  return Response::ok(to_json(*l));
}

Result<Response> solar(Request& req, const Principal&) {
  KEHU_TRY(int year, int_param(req, "lunar_year", std::nullopt));
  KEHU_TRY(int month, int_param(req, "month", std::nullopt));
  KEHU_TRY(int day, int_param(req, "day", std::nullopt));
  bool leap = false;
  if (auto v = req.query_param("leap"); v && !v->empty()) {
    if (*v != "true" && *v != "false" && *v != "1" && *v != "0") return bad_param("leap");
    leap = *v == "true" || *v == "1";
  }
  if (year < kFirstLunarYear || year > kLastLunarYear) return invalid("lunar_year", "calendar.year_out_of_range");
  if (month < 1 || month > 12) return invalid("month", "calendar.month_invalid");
  if (day < 1 || day > 30) return invalid("day", "calendar.day_invalid");
  if (leap && leap_month(year) != month) return invalid("leap", "calendar.no_leap_month");
  if (day > month_days(year, month, leap)) return invalid("day", "calendar.day_not_in_month");
  auto d = to_solar({year, month, day, leap});
  if (!d) return invalid("lunar_year", "calendar.out_of_range");
  return Response::ok({{"date", clock::format_date(*d)}});
}

Result<Response> list_festivals(Request& req, const Principal&) {
  KEHU_TRY(int year, year_param(req));
  return Response::ok({{"year", year}, {"items", festivals_json(year)}});
}

struct Routes {
  HolidayStore store;

  Result<Response> month(Request& req, const Principal&) {
    KEHU_TRY(int year, year_param(req));
    KEHU_TRY(int m, int_param(req, "month", today().month));
    if (m < 1 || m > 12) return invalid("month", "calendar.month_invalid");
    KEHU_TRY(auto region, region_param(req));
    const clock::Date first{year, m, 1};
    const auto rows = store.between(region, first, {year, m, 31});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : month_view(year, m, rows)) items.push_back(to_json(d));
    return Response::ok({{"year", year}, {"month", m}, {"region", region_code(region)}, {"items", std::move(items)}});
  }

  Result<Response> list_holidays(Request& req, const Principal&) {
    KEHU_TRY(int year, year_param(req));
    KEHU_TRY(auto region, region_param(req));
    nlohmann::json items = nlohmann::json::array();
    for (const auto& h : store.between(region, {year, 1, 1}, {year, 12, 31})) items.push_back(to_json(h));
    return Response::ok({{"year", year}, {"region", region_code(region)}, {"items", std::move(items)}});
  }

  Result<Response> create_holiday(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto h, read_holiday(body, nullptr));
    KEHU_TRY(auto created, store.create(h, auth::actor_of(req, p)));
    return Response::created(to_json(created));
  }

  Result<Response> update_holiday(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    auto existing = store.get(id);
    if (!existing) return not_found();
    KEHU_TRY(auto h, read_holiday(body, &*existing));
    KEHU_TRY(auto updated, store.update(id, h, auth::actor_of(req, p)));
    return Response::ok(to_json(updated));
  }

  Result<Response> delete_holiday(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    std::optional<std::int64_t> version;
    if (auto v = req.query_param("version"); v && !v->empty()) {
      KEHU_TRY(version, http::parse_id_param(*v, "version"));
    }
    KEHU_CHECK(store.remove(id, version, auth::actor_of(req, p)));
    return Response::no_content();
  }
};

}  // namespace

void register_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<Routes>(Routes{HolidayStore(a.db())});
  auto h = [&a, routes](Result<Response> (Routes::*fn)(Request&, const Principal&), std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); },
                       {std::move(roles), false});
  };
  auto plain = [&a](Result<Response> (*fn)(Request&, const Principal&)) { return auth::guard(a, fn); };
  const std::vector<Role> admin = {Role::kAdmin};
  r.get("/api/v1/calendar/lunar", plain(lunar));
  r.get("/api/v1/calendar/solar", plain(solar));
  r.get("/api/v1/calendar/festivals", plain(list_festivals));
  r.get("/api/v1/calendar/month", h(&Routes::month));
  r.get("/api/v1/calendar/holidays", h(&Routes::list_holidays));
  r.post("/api/v1/calendar/holidays", h(&Routes::create_holiday, admin));
  r.patch("/api/v1/calendar/holidays/{id}", h(&Routes::update_holiday, admin));
  r.del("/api/v1/calendar/holidays/{id}", h(&Routes::delete_holiday, admin));
}

}  // namespace kehu::calendar
