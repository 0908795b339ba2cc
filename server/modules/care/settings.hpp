// Care settings: the contact rules by grade and how many days ahead each reminder comes.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/core/result.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

struct CareSettings {
  // The longest allowed gap without contact, per customer grade (days).
  std::map<std::string, std::int64_t> contact_gap_days{{"A", 30}, {"B", 60}, {"C", 90}};
  // New customers are followed up within this many days of their first order.
  std::int64_t new_customer_days = 7;
  // Days ahead a reminder becomes a task.
  std::int64_t birthday_lead_days = 3;
  std::int64_t festival_lead_days = 7;
  std::int64_t anniversary_lead_days = 7;  // cooperation anniversaries
  std::int64_t milestone_lead_days = 7;    // store opening, company anniversary, project completion
  std::int64_t personal_event_lead_days = 1;
  // Customers of these grades get a festival greeting task (others see the festival only).
  std::vector<std::string> festival_grades{"A", "B"};
};

nlohmann::json to_json(const CareSettings& s);
// Unknown or missing keys in stored JSON fall back to the defaults.
CareSettings settings_from_json(const nlohmann::json& j);
// Reads a full settings body (PUT); every key required except `version`.
Result<CareSettings> read_settings_input(const nlohmann::json& body, std::int64_t& version);

struct StoredSettings {
  CareSettings settings;
  std::int64_t version = 1;
  std::string updated_at;
};
StoredSettings load_settings(db::Conn& c);

}  // namespace kehu::care
