#include "app/calendar_command.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>
#include <optional>

#include "modules/calendar/calendar.hpp"

namespace kehu::app {
namespace {

int fail(const std::string& message) {
  std::cerr << "kehu: calendar: " << message << "\n";
  return 2;
}

std::optional<int> parse_int(const std::string& s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

CalendarCommand::CalendarCommand(CLI::App& cli) {
  root_ = cli.add_subcommand("calendar", "Chinese lunar calendar and festivals (1900–2100), as JSON");
  root_->require_subcommand(1);
  festivals_ = root_->add_subcommand("festivals", "Festivals of a Gregorian year");
  festivals_->add_option("YEAR", year_, "Gregorian year, 1900–2100");
  lunar_ = root_->add_subcommand("lunar", "The lunar date of a Gregorian date");
  lunar_->add_option("DATE", date_, "YYYY-MM-DD");
  solar_ = root_->add_subcommand("solar", "The Gregorian date of a lunar date");
  solar_->add_option("--lunar-year", lunar_year_, "Lunar year");
  solar_->add_option("--month", month_, "Lunar month, 1–12");
  solar_->add_option("--day", day_, "Lunar day, 1–30");
  solar_->add_flag("--leap", leap_, "In the leap month");
  dump_ = root_->add_subcommand("dump", "Every lunar year's month starts (checked against an independent table)");
}

bool CalendarCommand::parsed() const { return root_->parsed(); }

int CalendarCommand::run() const {
  using namespace kehu::calendar;
  if (festivals_->parsed()) {
    auto year = parse_int(year_);
    if (!year || *year < kFirstDate.year || *year > kLastDate.year)
      return fail("YEAR must be 1900–2100: '" + year_ + "'");
    std::cout << festivals_json(*year).dump() << "\n";
    return 0;
  }
  if (lunar_->parsed()) {
    auto d = clock::parse_date(date_);
    if (!d) return fail("not a date (YYYY-MM-DD): '" + date_ + "'");
    auto l = to_lunar(*d);
    if (!l) return fail(date_ + " is outside 1900-01-01 … 2100-12-31");
    std::cout << to_json(*l).dump() << "\n";
    return 0;
  }
  if (solar_->parsed()) {
    auto year = parse_int(lunar_year_), month = parse_int(month_), day = parse_int(day_);
    if (!year) return fail("--lunar-year needs a year: '" + lunar_year_ + "'");
    if (!month || *month < 1 || *month > 12) return fail("--month needs 1–12: '" + month_ + "'");
    if (!day || *day < 1 || *day > 30) return fail("--day needs 1–30: '" + day_ + "'");
    auto d = to_solar({*year, *month, *day, leap_});
    if (!d) {
      if (leap_ && leap_month(*year) != *month) return fail("lunar " + lunar_year_ + " has no leap month " + month_);
      return fail("no such lunar date in 1900–2100: " + lunar_year_ + "/" + month_ + "/" + day_ +
                  (leap_ ? " (leap)" : ""));
    }
    std::cout << nlohmann::json{{"date", clock::format_date(*d)}}.dump() << "\n";
    return 0;
  }
  // dump: one lunar year per line, the whole a JSON array.
  const auto years = lunar_table_json();
  std::cout << "[\n";
  for (std::size_t i = 0; i < years.size(); ++i) std::cout << years[i].dump() << (i + 1 < years.size() ? ",\n" : "\n");
  std::cout << "]\n";
  return 0;
}

}  // namespace kehu::app
