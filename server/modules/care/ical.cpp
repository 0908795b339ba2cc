#include "modules/care/ical.hpp"

#include <array>

namespace kehu::care {
namespace {

std::string date_value(clock::Date d) {
  auto s = clock::format_date(d);
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

std::string stamp_value(clock::TimePoint t) {
  auto s = clock::to_iso_utc(t);  // 2027-02-01T01:00:00Z
  std::string out;
  for (char ch : s)
    if (ch != '-' && ch != ':') out += ch;
  return out;
}

}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\\') out += "\\\\";
    else if (ch == ';') out += "\\;";
    else if (ch == ',') out += "\\,";
    else if (ch == '\n') out += "\\n";
    else if (ch == '\r') continue;
    else if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') continue;  // no other control characters
    else out += ch;
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  std::string out;
  std::size_t width = 0, limit = 75;
  for (std::size_t i = 0; i < line.size();) {
    // the length of this UTF-8 character
    const auto b = static_cast<unsigned char>(line[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (width + n > limit) {
      out += "\r\n ";
      width = 0;
      limit = 74;  // the leading space counts
    }
    out.append(line.substr(i, n));
    width += n;
    i += n;
  }
  return out;
}

std::string write_ical(const std::string& calendar_name, const std::vector<IcalEvent>& events, clock::TimePoint stamp) {
  std::string out;
  auto line = [&](std::string_view l) {
    out += ical_fold(l);
    out += "\r\n";
  };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//kehu//CRM care calendar//ZH");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ical_escape(calendar_name));
  line("X-WR-TIMEZONE:Asia/Shanghai");
  const auto dtstamp = stamp_value(stamp);
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + ical_escape(e.uid));
    line("DTSTAMP:" + dtstamp);
    line("DTSTART;VALUE=DATE:" + date_value(e.date));
    line("DTEND;VALUE=DATE:" + date_value(clock::from_day_number(clock::day_number(e.date) + 1)));
    line("SUMMARY:" + ical_escape(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + ical_escape(e.description));
    if (!e.category.empty()) line("CATEGORIES:" + ical_escape(e.category));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

std::string lunar_label(int month, int day, bool leap, std::string_view lang) {
  if (month < 1 || month > 12 || day < 1 || day > 30) return {};
  if (lang == "en") return std::string("lunar ") + (leap ? "leap " : "") + std::to_string(month) + "/" + std::to_string(day);
  const bool tw = lang == "zh-TW";
  static const std::array<const char*, 12> kMonths = {"正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"};
  static const std::array<const char*, 10> kDigits = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::string m = month == 12 && tw ? "臘" : kMonths[month - 1];
  std::string d;
  if (day <= 10) d = std::string("初") + kDigits[day - 1];
  else if (day < 20) d = std::string("十") + kDigits[day - 11];
  else if (day == 20) d = "二十";
  else if (day < 30) d = std::string("廿") + kDigits[day - 21];
  else d = "三十";
  return std::string(leap ? (tw ? "閏" : "闰") : "") + m + "月" + d;
}

}  // namespace kehu::care
