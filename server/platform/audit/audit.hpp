// The audit trail: every write and export, who, when, what, before -> after. Recorded in
// the same transaction as the change it describes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/db/database.hpp"

namespace kehu::audit {

struct Actor {
  std::optional<std::int64_t> user_id;
  std::string request_id;
  std::string ip;
};

struct Entry {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string user_name;
  std::string action;   // "create", "update", "delete", "restore", "handover", "login_failed", ...
  std::string entity;   // "customer", "contact", "user", ...
  std::optional<std::int64_t> entity_id;
  nlohmann::json changes = nlohmann::json::object();  // {"field":{"from":…,"to":…}} or details
};

void record(db::Conn& c, const Actor& actor, std::string_view action, std::string_view entity,
            std::optional<std::int64_t> entity_id, const nlohmann::json& changes = nlohmann::json::object());

// {"field":{"from":a,"to":b}} for every key whose value differs between two objects.
nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after);

// The same changes with personal data (phones, e-mail, WeChat, birthdays, family, bank
// accounts, ID numbers) masked, for callers who may read the trail but not that data.
nlohmann::json mask_personal(const nlohmann::json& changes);

struct Filter {
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> user_id;
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};
std::vector<Entry> list(db::Conn& c, const Filter& f);
// Column order: a.id, a.at, a.user_id, user name, a.action, a.entity, a.entity_id, a.changes —
// for stores that select audit rows of their own (a customer's timeline).
Entry entry_from_row(const db::Row& r);
std::int64_t count(db::Conn& c, const Filter& f);
nlohmann::json to_json(const Entry& e);

}  // namespace kehu::audit
