// Service requests in the database: the customer's scope in every statement, who may write,
// the staff, the repeat of an inspection, the per-customer summary, audit.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "modules/service/request.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/params.hpp"

namespace kehu::service {

struct RequestFilter {
  std::optional<std::int64_t> customer_id, staff_id;
  std::optional<std::string> type, status;
  std::optional<clock::Date> from, to;  // the scheduled day, inclusive
  bool mine = false;                    // the caller is one of the staff
  std::optional<bool> overdue;          // planned and scheduled before today (false: the others)
};

inline const std::vector<std::string_view> kRequestSorts = {"scheduled_on", "done_on", "created_at", "updated_at"};

class RequestStore {
 public:
  explicit RequestStore(db::Database& db) : db_(db) {}

  // Service staff and leads (service, admin, director, manager) for any customer they see;
  // account managers for customers they may write; others 403. Outside the scope 404.
  Result<nlohmann::json> create(const auth::Principal& p, const RequestInput& in, clock::Date today,
                                const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Principal& p, std::int64_t id, clock::Date today);
  // Only while planned (422 otherwise); a stale version is 409 (checked first).
  Result<nlohmann::json> update(const auth::Principal& p, std::int64_t id, const RequestInput& in, clock::Date today,
                                const audit::Actor& actor);
  // planned → done; a repeating inspection gets its successor in the same transaction.
  Result<nlohmann::json> done(const auth::Principal& p, std::int64_t id, const DoneInput& in, clock::Date today,
                              const audit::Actor& actor);
  Result<nlohmann::json> cancel(const auth::Principal& p, std::int64_t id, const CancelInput& in, clock::Date today,
                                const audit::Actor& actor);
  nlohmann::json list(const auth::Principal& p, const RequestFilter& f, const http::Sort& sort, std::int64_t page,
                      std::int64_t page_size, clock::Date today);
  // Counts by type and status, overdue, cost this year and in all, the next planned and the
  // last done request of one customer (404 outside the scope).
  Result<nlohmann::json> summary(const auth::Principal& p, std::int64_t customer_id, clock::Date today);

  static std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id, clock::Date today);

 private:
  db::Database& db_;
};

}  // namespace kehu::service
