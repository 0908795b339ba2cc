#include "modules/service/request_return_visits.hpp"

#include "modules/care/care.hpp"
#include "modules/sales/sales.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/http/fields.hpp"

namespace kehu::service {
namespace {

constexpr const char* kLoad =
    "SELECT after_order_days, after_complaint_days, version, updated_at FROM return_visit_settings WHERE id = 1";
constexpr const char* kSave =
    "UPDATE return_visit_settings SET after_order_days = ?, after_complaint_days = ?, version = version + 1, "
    "updated_at = ? WHERE id = 1 AND version = ?";

nlohmann::json audit_view(const ReturnVisitSettings& s) {
  return {{"after_order_days", s.after_order_days}, {"after_complaint_days", s.after_complaint_days}};
}

}  // namespace

nlohmann::json to_json(const ReturnVisitSettings& s) {
  return {{"after_order_days", s.after_order_days},
          {"after_complaint_days", s.after_complaint_days},
          {"version", s.version},
          {"updated_at", s.updated_at}};
}

ReturnVisitSettings load_return_visit_settings(db::Conn& c) {
  ReturnVisitSettings s;
  c.query(kLoad, {}, [&](const db::Row& r) {
    s.after_order_days = r.i64(0);
    s.after_complaint_days = r.i64(1);
    s.version = r.i64(2);
    s.updated_at = r.text(3);
  });
  return s;
}

Result<ReturnVisitSettings> read_return_visit_settings(const nlohmann::json& body) {
  http::Fields f(body);
  auto order = f.integer("after_order_days", {.required = true, .min = 1, .max = kMaxReturnVisitDelay});
  auto complaint = f.integer("after_complaint_days", {.required = true, .min = 1, .max = kMaxReturnVisitDelay});
  auto version = f.integer("version", {.required = true, .min = 1});
  KEHU_CHECK(f.finish());
  ReturnVisitSettings s;
  s.after_order_days = *order.value;
  s.after_complaint_days = *complaint.value;
  s.version = *version.value;
  return s;
}

Result<nlohmann::json> save_return_visit_settings(db::Database& db, const ReturnVisitSettings& s,
                                                  const audit::Actor& actor) {
  return db.write([&](db::Conn& c) -> Result<nlohmann::json> {
    const auto before = load_return_visit_settings(c);
    if (c.exec(kSave, {s.after_order_days, s.after_complaint_days, now_iso(), s.version}).changes == 0)
      return stale_version();
    const auto after = load_return_visit_settings(c);
    audit::record(c, actor, "update", "return_visit_settings", 1, audit::diff(audit_view(before), audit_view(after)));
    return to_json(after);
  });
}

DayRange return_visit_order_days(clock::Date today, std::int64_t delay) {
  const auto last = clock::day_number(today) - delay;
  return {clock::from_day_number(last - kReturnVisitCatchUpDays), clock::from_day_number(last)};
}

std::int64_t add_order_return_visits(db::Conn& c, clock::Date today) {
  const auto settings = load_return_visit_settings(c);
  const auto days = return_visit_order_days(today, settings.after_order_days);
  std::int64_t made = 0;
  for (const auto& o : sales::orders_dated_between(c, days.from, days.to)) {
    const auto id = std::to_string(o.id);
    if (care::add_return_visit_task(c, o.customer, today, "return_visit:order:" + id, "order:" + id)) ++made;
  }
  return made;
}

}  // namespace kehu::service
