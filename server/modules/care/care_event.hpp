// Customer milestones (store opening, company anniversary, project completion) and personal
// events of a contact (wedding, illness, accident): stored here, turned into reminder tasks by
// the care module's sweep. Soft-deleted; versioned; audited as entity `care_event`.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::auth {
class Auth;
}

namespace kehu::care {

inline const std::vector<std::string_view> kCareEventKinds = {
    "store_opening", "company_anniversary", "project_completion", "wedding", "illness", "accident", "other"};
constexpr int kCareEventFirstYear = 1900;
constexpr std::int64_t kCareEventMaxAheadDays = 3660;  // planned openings and completions: ten years ahead

// Personal events (wedding, illness, accident) belong to a contact of the customer.
bool is_personal_event(std::string_view kind);
// The message key of what is wrong with the combination, or nullopt: a personal event needs
// a contact, `other` needs a note, the date lies between 1900 and ten years ahead.
struct CareEventShape {
  std::string kind;
  clock::Date date;
  bool has_contact = false;
  bool has_note = false;
};
std::optional<std::pair<std::string, std::string>> care_event_problem(const CareEventShape& e, clock::Date today);

struct CareEventInput {
  std::string kind;
  clock::Date date;
  std::optional<std::int64_t> contact_id;
  bool yearly = false;
  std::optional<std::string> note;
};
// POST /customers/{id}/care-events. `yearly` defaults to true for a company anniversary.
Result<CareEventInput> read_care_event_input(const nlohmann::json& body);

struct CareEventChange {
  std::int64_t version = 0;
  std::optional<std::string> kind;
  std::optional<clock::Date> date;
  bool contact_present = false;
  std::optional<std::int64_t> contact_id;  // with contact_present: null clears
  std::optional<bool> yearly;
  bool note_present = false;
  std::optional<std::string> note;
};
Result<CareEventChange> read_care_event_change(const nlohmann::json& body);

class CareEventStore {
 public:
  explicit CareEventStore(db::Database& db) : db_(db) {}
  Result<nlohmann::json> list(const auth::Scope& s, CustomerId customer);
  Result<nlohmann::json> create(const auth::Principal& p, CustomerId customer, const CareEventInput& in,
                                clock::Date today, const audit::Actor& actor);
  Result<nlohmann::json> update(const auth::Scope& s, std::int64_t id, const CareEventChange& ch, clock::Date today,
                                const audit::Actor& actor);
  Status remove(const auth::Scope& s, std::int64_t id, std::int64_t version, const audit::Actor& actor);

 private:
  db::Database& db_;
};

// Each area of events registers its routes (care_event_routes.cpp registers all three
// through register_event_routes in care_internal.hpp).
void register_care_event_routes(http::Router& r, auth::Auth& a);
void register_regional_event_routes(http::Router& r, auth::Auth& a);
void register_staff_change_routes(http::Router& r, auth::Auth& a);

}  // namespace kehu::care
