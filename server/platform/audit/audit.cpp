#include "platform/audit/audit.hpp"

#include "platform/core/clock.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::audit {
namespace {

constexpr const char* kInsert =
    "INSERT INTO audit_log(at, user_id, action, entity, entity_id, changes, request_id, ip) VALUES (?,?,?,?,?,?,?,?)";
// Optional filters as (? IS NULL OR col = ?) keep one statement for every combination.
constexpr const char* kList =
    "SELECT a.id, a.at, a.user_id, coalesce(u.name,''), a.action, a.entity, a.entity_id, a.changes "
    "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
    "WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2) AND (?3 IS NULL OR a.user_id = ?3) "
    "ORDER BY a.id DESC LIMIT ?4 OFFSET ?5";
constexpr const char* kCount =
    "SELECT count(*) FROM audit_log a "
    "WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2) AND (?3 IS NULL OR a.user_id = ?3)";

}  // namespace

void record(db::Conn& c, const Actor& actor, std::string_view action, std::string_view entity,
            std::optional<std::int64_t> entity_id, const nlohmann::json& changes) {
  c.exec(kInsert, {clock::to_iso_utc(clock::now()), actor.user_id, action, entity, entity_id,
                   changes.empty() ? std::optional<std::string>() : std::optional<std::string>(changes.dump()),
                   actor.request_id, actor.ip});
}

nlohmann::json diff(const nlohmann::json& before, const nlohmann::json& after) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : after.items()) {
    auto it = before.find(k);
    const nlohmann::json& old = it == before.end() ? nlohmann::json() : *it;
    if (old != v) out[k] = {{"from", old}, {"to", v}};
  }
  for (const auto& [k, v] : before.items())
    if (!after.contains(k)) out[k] = {{"from", v}, {"to", nullptr}};
  return out;
}

nlohmann::json mask_personal(const nlohmann::json& changes) {
  static const char* kPhones[] = {"mobile", "landline"};
  static const char* kHidden[] = {"email", "wechat", "birthday", "family", "bank_account", "id_number"};
  auto mask_value = [](const nlohmann::json& v, bool phone) -> nlohmann::json {
    if (v.is_null()) return v;
    if (phone && v.is_string()) return text::mask_phone(v.get<std::string>());
    return "******";
  };
  nlohmann::json out = changes;
  if (!out.is_object()) return out;
  for (auto& [key, change] : out.items()) {
    bool phone = false, hidden = false;
    for (auto* k : kPhones) phone = phone || key == k;
    for (auto* k : kHidden) hidden = hidden || key == k;
    if (!phone && !hidden) continue;
    if (change.is_object() && (change.contains("from") || change.contains("to"))) {
      if (change.contains("from")) change["from"] = mask_value(change["from"], phone);
      if (change.contains("to")) change["to"] = mask_value(change["to"], phone);
    } else {
      change = mask_value(change, phone);
    }
  }
  return out;
}

std::vector<Entry> list(db::Conn& c, const Filter& f) {
  return c.rows(kList, {f.entity, f.entity_id, f.user_id, f.limit, f.offset}, entry_from_row);
}

Entry entry_from_row(const db::Row& r) {
  Entry e;
  e.id = r.i64(0);
  e.at = r.text(1);
  e.user_id = r.opt_i64(2);
  e.user_name = r.text(3);
  e.action = r.text(4);
  e.entity = r.text(5);
  e.entity_id = r.opt_i64(6);
  if (auto ch = r.opt_text(7)) e.changes = nlohmann::json::parse(*ch, nullptr, false);
  return e;
}

std::int64_t count(db::Conn& c, const Filter& f) {
  return c.scalar_i64(kCount, {f.entity, f.entity_id, f.user_id}).value_or(0);
}

nlohmann::json to_json(const Entry& e) {
  return {{"id", e.id}, {"at", e.at}, {"user_id", e.user_id ? nlohmann::json(*e.user_id) : nlohmann::json()},
          {"user_name", e.user_name}, {"action", e.action}, {"entity", e.entity},
          {"entity_id", e.entity_id ? nlohmann::json(*e.entity_id) : nlohmann::json()}, {"changes", e.changes}};
}

}  // namespace kehu::audit
