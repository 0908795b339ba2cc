// An iCalendar (RFC 5545) writer for the calendar subscription feed: all-day events, text
// escaped, lines folded at 75 octets without splitting a UTF-8 character, CRLF endings.
#pragma once
#include <string>
#include <vector>

#include "platform/core/clock.hpp"

namespace kehu::care {

struct IcalEvent {
  std::string uid;      // stable across refreshes: the phone updates rather than duplicates
  clock::Date date;     // an all-day event
  std::string summary;
  std::string description;
  std::string category;  // VISIT, TASK, BIRTHDAY, FESTIVAL, PROMISE
};

std::string ical_escape(std::string_view text);
// Folds one content line (without its CRLF) into 75-octet pieces.
std::string ical_fold(std::string_view line);
std::string write_ical(const std::string& calendar_name, const std::vector<IcalEvent>& events,
                       clock::TimePoint stamp);

// "八月十五", "闰二月初一" (zh-CN), "閏二月初一" (zh-TW), "lunar 8/15" (en).
std::string lunar_label(int month, int day, bool leap, std::string_view lang);

}  // namespace kehu::care
