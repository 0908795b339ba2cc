// The customer archive's types and pure rules: reading input, defaults, masking, rendering.
// No SQL here (customer_store.cpp) and no HTTP (customer_routes.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/core/ids.hpp"
#include "platform/core/result.hpp"
#include "platform/http/fields.hpp"

namespace kehu::customers {

inline const std::vector<std::string_view> kTypes = {"company", "person"};
inline const std::vector<std::string_view> kSizes = {"large", "medium", "small"};
inline const std::vector<std::string_view> kStatuses = {"prospect", "active", "dormant", "lost"};
inline const std::vector<std::string_view> kGrades = {"A", "B", "C"};
inline const std::vector<std::string_view> kIndustries = {
    "manufacturing", "retail", "wholesale", "transport", "construction", "agriculture", "mining", "energy",
    "automotive", "logistics", "food", "chemicals", "services", "government", "other"};
inline const std::vector<std::string_view> kSources = {"referral", "visit", "exhibition", "web",
                                                       "phone", "advertising", "partner", "other"};
inline const std::vector<std::string_view> kDealerLevels = {"general", "second", "third", "retail"};
inline const std::vector<std::string_view> kSortFields = {"name", "created_at", "updated_at", "grade",
                                                          "status", "cooperation_start", "credit_limit"};
constexpr std::size_t kMaxTags = 20;
constexpr std::size_t kMaxContactsOnCreate = 50;

struct Birthday {
  bool lunar = false;
  std::optional<clock::Date> date;  // solar
  int month = 0, day = 0;           // lunar
  bool leap = false;
  std::optional<int> year;          // lunar birth year, if known
};

struct Contact {
  ContactId id;
  CustomerId customer;
  std::string name;
  std::optional<std::string> title, mobile, landline, email, wechat;
  std::optional<Birthday> birthday;
  std::optional<std::string> hobbies, family, personality;
  bool left_company = false;
  std::optional<clock::Date> left_on;
  bool is_primary = false;
  std::int64_t version = 1;
};

struct Member {
  UserId user;
  std::string name;
  std::string access;  // write | read
};

struct Customer {
  CustomerId id;
  std::string type = "company";
  std::string name;
  std::optional<std::string> short_name, credit_code, industry, size;
  std::optional<std::string> province_code, province, city_code, city, district_code, district, address;
  std::optional<double> lat, lng;
  std::optional<std::string> source;
  std::string status = "prospect";
  std::optional<std::string> grade;
  std::vector<std::string> tags;
  std::optional<clock::Date> cooperation_start;
  std::int64_t credit_limit = 0;
  std::int64_t return_window_days = 30;  // returns within this many days of the order need no special approval
  std::optional<std::string> bank_name, bank_account, tax_number, website, notes;
  nlohmann::json custom = nlohmann::json::object();
  UserId owner;
  std::string owner_name;
  std::optional<std::string> department;
  std::optional<UserId> leader;
  std::string leader_name;
  std::optional<CustomerId> parent;   // the dealer above (分销): general → second → third → retail
  std::string parent_name;
  std::optional<std::string> dealer_level;
  std::vector<Member> members;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> deleted_at;
};

// A parsed create or update body: only the fields present are applied.
struct CustomerInput {
  http::Field<std::string> type, name, short_name, credit_code, industry, size, province_code, city_code,
      district_code, address, source, status, grade, bank_name, bank_account, tax_number, website, notes, department,
      dealer_level;
  http::Field<double> lat, lng;
  http::Field<std::vector<std::string>> tags;
  http::Field<clock::Date> cooperation_start;
  http::Field<std::int64_t> credit_limit, return_window_days, owner_id, leader_id, parent_id, version;
  http::Field<nlohmann::json> custom;
  std::vector<Contact> contacts;  // create only
  bool confirm_duplicate = false;
  bool confirm_warnings = false;
};

enum class InputMode { kCreate, kUpdate };

// Credit limit and return window: set by leads (manager, director) and admin only; an
// account manager who sends them gets 400 unknown_field naming the field.
bool sets_credit_terms(auth::Role role);

// Reads and checks a body. Owner may be set only by roles that assign work; an account
// manager sending owner_id gets 400 unknown_field. Warnings (a wrong credit-code check
// digit) fail with 422 + details.warnings unless confirm_warnings is true.
Result<CustomerInput> read_customer_input(const nlohmann::json& body, InputMode mode, auth::Role role);
Result<Contact> read_contact_input(const nlohmann::json& body, InputMode mode);
// Apply the present fields to a record (regions and custom fields are checked by the store).
void apply(const CustomerInput& in, Customer& c);
void apply_contact(const nlohmann::json& body, const Contact& parsed, Contact& target);

// Personal data (phones, e-mail, WeChat, birthdays, family, bank account) for roles that need it.
enum class Personal { kShow, kMask };
nlohmann::json to_json(const Customer& c, Personal personal);
nlohmann::json to_json(const Contact& c, Personal personal);
nlohmann::json birthday_json(const Birthday& b);
// The audit view of a record: what a before -> after diff compares (no masking).
nlohmann::json audit_json(const Customer& c);
nlohmann::json audit_json(const Contact& c);

std::string mask_text(std::string_view s);  // "zhangwei@x.cn" -> "zh******"

}  // namespace kehu::customers
