// Staff changes at a customer (客户人事变动): a contact left; the relationship is rebuilt with
// the successor. Marking the contact left (the archive's table) goes through
// customers::mark_contact_left; the owner gets a care task due in three days. A change is
// `rebuilt` once a successor is recorded and a contact with the successor is logged.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

constexpr std::int64_t kStaffChangeTaskDays = 3;  // the owner's task is due three days on
constexpr int kStaffChangeFirstYear = 1990;

clock::Date staff_change_task_due(clock::Date today);
// A leaving day: not in the future, not before 1990.
bool left_on_ok(clock::Date left_on, clock::Date today);
// "staff:<staff change id>"
std::string staff_change_source_key(std::int64_t id);

struct LeftInput {
  clock::Date left_on;
  std::optional<std::int64_t> successor_id;
  std::optional<std::string> note;
};
Result<LeftInput> read_left_input(const nlohmann::json& body, clock::Date today);

struct SuccessorInput {
  std::int64_t successor_id = 0;
  std::int64_t version = 0;
};
Result<SuccessorInput> read_successor_input(const nlohmann::json& body);

class StaffChangeStore {
 public:
  explicit StaffChangeStore(db::Database& db) : db_(db) {}
  // POST /contacts/{id}/left
  Result<nlohmann::json> contact_left(const auth::Principal& p, std::int64_t contact_id, const LeftInput& in,
                                      clock::Date today, const audit::Actor& actor);
  Result<nlohmann::json> set_successor(const auth::Principal& p, std::int64_t id, const SuccessorInput& in,
                                       const audit::Actor& actor);
  Result<nlohmann::json> list(const auth::Scope& s, CustomerId customer);

 private:
  db::Database& db_;
};

// Called when a contact log with `contact_ids` is written for `customer` (inside its
// transaction): the open staff changes whose successor took part become `rebuilt`.
void staff_changes_on_log(db::Conn& c, CustomerId customer, const std::vector<std::int64_t>& contact_ids);
// Whether the customer has an open staff change (for its care summary).
bool needs_rebuilding(db::Conn& c, CustomerId customer);

}  // namespace kehu::care
