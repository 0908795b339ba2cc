#include "modules/calendar/calendar.hpp"

namespace kehu::calendar {

std::optional<Region> parse_region(std::string_view code) {
  if (code == "CN") return Region::kCN;
  if (code == "TW") return Region::kTW;
  if (code == "HK") return Region::kHK;
  return std::nullopt;
}

std::string_view region_code(Region r) {
  switch (r) {
    case Region::kCN:
      return "CN";
    case Region::kTW:
      return "TW";
    case Region::kHK:
      return "HK";
  }
  return "CN";
}

nlohmann::json to_json(const LunarDate& d) {
  return {{"year", d.year}, {"month", d.month}, {"day", d.day}, {"leap", d.leap}};
}

nlohmann::json festivals_json(int year) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : festivals(year))
    out.push_back({{"name", festival_name(f.festival)}, {"date", clock::format_date(f.date)}});
  return out;
}

nlohmann::json lunar_table_json() {
  nlohmann::json out = nlohmann::json::array();
  for (int y = kFirstLunarYear; y <= kLastLunarYear; ++y) {
    const auto months = months_of(y);
    // Lunar 1899 reaches into the range with its last month only: not a whole year.
    if (months.empty() || months.front().month != 1 || months.front().leap) continue;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : months)
      list.push_back({{"month", m.month}, {"leap", m.leap}, {"first", clock::format_date(m.first)}, {"days", m.days}});
    out.push_back({{"year", y}, {"leap_month", leap_month(y)}, {"months", std::move(list)}});
  }
  return out;
}

}  // namespace kehu::calendar
