// Which reminders are due: birthdays (solar, or lunar — a different solar date each year),
// festivals, cooperation anniversaries, milestones and personal events. Pure: the store reads
// the archive and turns the answers into care tasks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/care/settings.hpp"
#include "platform/core/clock.hpp"

namespace kehu::care {

// A contact's birthday as the archive stores it: {"calendar":"solar","date":"1980-05-04"} or
// {"calendar":"lunar","month":8,"day":15,"leap":false}.
struct BirthdayRule {
  bool lunar = false;
  int month = 0, day = 0;
  bool leap = false;
};
std::optional<BirthdayRule> parse_birthday(const std::string& stored_json);

// The first day on or after `from` on which the birthday is celebrated. A solar 29 February
// falls on 28 February in common years; a lunar birthday follows calendar::lunar_birthday_in
// (a leap-month birthday uses the ordinary month in years without that leap month; day 30 of
// a 29-day month is the 29th).
std::optional<clock::Date> next_birthday(const BirthdayRule& b, clock::Date from);
// The next yearly return of a solar date (anniversaries), on or after `from`, excluding the
// date itself in its own year (the first anniversary is one year later).
std::optional<clock::Date> next_anniversary(clock::Date original, clock::Date from);

struct Reminder {
  std::string kind;      // birthday, festival, anniversary, milestone, personal_event
  std::string subject;   // festival name / event kind / years of cooperation
  clock::Date date;      // the day itself
  std::string key;       // idempotence key (without the assignee)
};

// Reminders whose day lies within [today, today + lead] for each kind.
std::optional<Reminder> birthday_reminder(std::int64_t contact_id, const BirthdayRule& b, clock::Date today,
                                          const CareSettings& s);
std::optional<Reminder> anniversary_reminder(std::int64_t customer_id, clock::Date cooperation_start, clock::Date today,
                                             const CareSettings& s);
// kind: store_opening, company_anniversary, project_completion (milestones) or wedding,
// illness, accident, other (personal events). A yearly event returns every year.
std::optional<Reminder> event_reminder(std::int64_t event_id, const std::string& kind, clock::Date date, bool yearly,
                                       clock::Date today, const CareSettings& s);
// The festivals within the festival lead time (one Reminder per festival; the store makes a
// task per customer of the festival grades).
std::vector<Reminder> festival_reminders(clock::Date today, const CareSettings& s);

}  // namespace kehu::care
