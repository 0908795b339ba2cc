// Care tasks: what lands on a user's list. Reminders (birthdays, festivals, anniversaries,
// milestones, personal events) become tasks a set number of days ahead; regional events and
// staff changes create them directly; a user may add a follow-up by hand.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

inline const std::vector<std::string_view> kTaskKinds = {"birthday",       "festival",       "anniversary",
                                                         "milestone",      "personal_event", "regional_event",
                                                         "staff_change",   "follow_up",      "return_visit"};

struct NewTask {
  UserId user;  // the assignee: normally the customer's owner
  std::optional<CustomerId> customer;
  std::optional<std::int64_t> contact_id;
  std::string kind;                     // one of kTaskKinds
  std::optional<std::string> subject;   // festival or event name, or a follow-up's text
  std::optional<clock::Date> event_date;
  clock::Date due;
  std::optional<std::string> source_key;  // idempotence: a second task with the same key is not made
  std::optional<std::int64_t> regional_event_id, staff_change_id;
};

// Inserts the task unless one with the same source_key exists; the new id, or nullopt.
std::optional<std::int64_t> add_task(db::Conn& c, const NewTask& t);

// A logged contact (or gift) completes the customer's open reminder-type tasks due at most 30
// days after the log's day (a task naming a contact only when that contact was logged).
// Staff-change tasks close through the staff change instead. Returns how many were closed.
std::int64_t close_tasks_for_log(db::Conn& c, CustomerId customer, const std::vector<std::int64_t>& contact_ids,
                                 std::int64_t log_id, clock::Date log_day);

nlohmann::json task_json(const db::Row& r);  // a row of kTaskSelect
extern const char* const kTaskSelect;        // "SELECT … FROM care_tasks t …" ending before WHERE

}  // namespace kehu::care
