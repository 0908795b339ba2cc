// Contact logs and promises in the database: scope, care state, tasks closed by a contact, audit.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "modules/care/contact_log.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"

namespace kehu::care {

struct LogFilter {
  std::optional<std::int64_t> customer_id, user_id;
  std::optional<std::string> kind;
  std::optional<clock::Date> from, to;
};

struct PromiseFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> status;
  std::optional<clock::Date> due_before;  // inclusive
  bool mine = false;
};

// Writes a log inside the caller's transaction (the visit report uses it too): checks write
// access and the contacts, stores the promises, keeps care_state current, closes the tasks the
// contact answers, audits. The new log's id.
Result<std::int64_t> insert_log(db::Conn& c, const auth::Principal& p, const LogInput& in, const audit::Actor& actor);

class LogStore {
 public:
  explicit LogStore(db::Database& db) : db_(db) {}
  Result<nlohmann::json> create(const auth::Principal& p, const LogInput& in, const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Scope& s, std::int64_t id);
  // The author or a lead may correct a log; 409 on a stale version.
  Result<nlohmann::json> update(const auth::Principal& p, std::int64_t id, const LogInput& in, const audit::Actor& actor);
  Status remove(const auth::Principal& p, std::int64_t id, std::int64_t version, const audit::Actor& actor);
  nlohmann::json list(const auth::Scope& s, const LogFilter& f, std::int64_t page, std::int64_t page_size);

  Result<nlohmann::json> add_promise(const auth::Principal& p, std::int64_t customer_id, const PromiseInput& in,
                                     const audit::Actor& actor);
  // kept or dropped, with a note; 409 when stale or no longer open.
  Result<nlohmann::json> close_promise(const auth::Principal& p, std::int64_t id, bool kept, std::int64_t version,
                                       const std::optional<std::string>& note, const audit::Actor& actor);
  nlohmann::json promises(const auth::Principal& p, const PromiseFilter& f, std::int64_t page, std::int64_t page_size);

  static std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id);
  static std::optional<nlohmann::json> load_promise(db::Conn& c, std::int64_t id);

 private:
  db::Database& db_;
};

}  // namespace kehu::care
