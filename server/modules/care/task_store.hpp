// Care tasks in the database: the daily reminder sweep, the task list, follow-ups, the
// overdue-contact rule by grade (and for new customers), and the settings row.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "modules/care/settings.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

struct TaskFilter {
  std::optional<std::string> status, kind;
  std::optional<clock::Date> due_before;  // inclusive
  std::optional<std::int64_t> customer_id, user_id;
  bool team = false;  // a lead: the tasks of everyone whose customers they see
};

struct OverdueFilter {
  std::optional<std::int64_t> owner_id;
  std::optional<std::int64_t> customer_id;
  bool mine = false;
};

// Turns the due reminders of the customers `user` owns into tasks, once a day (or when forced
// or when the settings changed since). Returns how many tasks were made.
std::int64_t sweep_reminders(db::Conn& c, UserId user, clock::Date today, bool force);

class TaskStore {
 public:
  explicit TaskStore(db::Database& db) : db_(db) {}
  std::int64_t sweep(UserId user, clock::Date today, bool force);
  nlohmann::json list(const auth::Principal& p, const TaskFilter& f, std::int64_t page, std::int64_t page_size);
  Result<nlohmann::json> get(const auth::Principal& p, std::int64_t id);
  // A follow-up task by hand, on a customer the caller may write (assigned to the caller).
  Result<nlohmann::json> add_follow_up(const auth::Principal& p, std::int64_t customer_id, const std::string& text,
                                       clock::Date due, const audit::Actor& actor);
  // done or dismissed by the assignee or a lead who sees the customer; 409 stale or closed.
  Result<nlohmann::json> close(const auth::Principal& p, std::int64_t id, bool done, std::int64_t version,
                               const audit::Actor& actor);
  // Customers overdue for contact in the caller's scope, most overdue first.
  nlohmann::json overdue(const auth::Principal& p, const OverdueFilter& f, clock::Date today, std::int64_t page,
                         std::int64_t page_size);
  // One customer's care at a glance: last and next contact, whether it is overdue, open
  // tasks and promises, gifts this year, and whether a staff change needs a new relationship.
  Result<nlohmann::json> customer_summary(const auth::Principal& p, std::int64_t customer_id, clock::Date today);
  // The daily work list of the caller.
  nlohmann::json today(const auth::Principal& p, clock::Date today);

  nlohmann::json settings();
  Result<nlohmann::json> save_settings(const CareSettings& s, std::int64_t version, const audit::Actor& actor);

 private:
  db::Database& db_;
};

}  // namespace kehu::care
