#include "platform/calendar/solar_terms.hpp"

#include "platform/calendar/lunar_table.hpp"

namespace kehu::calendar {

std::string_view solar_term_name(SolarTerm t) {
  static constexpr std::string_view kNames[kSolarTermCount] = {
      "xiaohan", "dahan",   "lichun",    "yushui",      "jingzhe", "chunfen", "qingming", "guyu",
      "lixia",   "xiaoman", "mangzhong", "xiazhi",      "xiaoshu", "dashu",   "liqiu",    "chushu",
      "bailu",   "qiufen",  "hanlu",     "shuangjiang", "lidong",  "xiaoxue", "daxue",    "dongzhi",
  };
  return kNames[static_cast<int>(t)];
}

std::vector<SolarTermDate> solar_terms(int year) {
  const auto days = table::solar_term_days(year);
  std::vector<SolarTermDate> out;
  out.reserve(days.size());
  for (std::size_t k = 0; k < days.size(); ++k)
    out.push_back({static_cast<SolarTerm>(k), {year, static_cast<int>(k / 2 + 1), days[k]}});
  return out;
}

std::optional<SolarTerm> solar_term_on(const clock::Date& d) {
  const auto days = table::solar_term_days(d.year);
  if (days.empty() || d.month < 1 || d.month > 12) return std::nullopt;
  // Two terms a month: k = 2(month−1) and 2(month−1)+1.
  for (std::size_t k = static_cast<std::size_t>(2 * (d.month - 1)); k < static_cast<std::size_t>(2 * d.month); ++k)
    if (days[k] == d.day) return static_cast<SolarTerm>(k);
  return std::nullopt;
}

}  // namespace kehu::calendar
