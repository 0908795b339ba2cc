// Complaints in the database: scope, the status machine's steps with their timeline, the
// response promise and escalation, the public intake and status page, the analysis.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "modules/service/complaint.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"

namespace kehu::service {

struct ComplaintFilter {
  std::optional<std::string> status, category, severity;
  std::optional<std::int64_t> customer_id, assignee_id;
  bool open = false;      // not closed or rejected
  bool breached = false;  // first answer late (or still missing past its due time)
  bool mine = false;      // assigned to the caller
  std::optional<std::string> q;  // reference or text in the description
  std::int64_t page = 1, page_size = 20;
};

class ComplaintStore {
 public:
  explicit ComplaintStore(db::Database& db, std::filesystem::path files = {}) : db_(db), files_(std::move(files)) {}

  Result<nlohmann::json> create(const auth::Principal& p, const ComplaintInput& in, const audit::Actor& actor);
  // The public form: a received complaint with a reference and a status-link secret (only its
  // digest is kept); {complaint json, token}.
  Result<std::pair<nlohmann::json, std::string>> create_public(const ComplaintInput& in, const audit::Actor& actor);
  Result<nlohmann::json> get(const auth::Principal& p, std::int64_t id);
  nlohmann::json list(const auth::Principal& p, const ComplaintFilter& f);
  Result<nlohmann::json> act(const auth::Principal& p, std::int64_t id, Action a, const ActionInput& in,
                             const audit::Actor& actor);
  // The prevention action of a closed complaint is done.
  Result<nlohmann::json> prevention_done(const auth::Principal& p, std::int64_t id, std::int64_t version,
                                         const audit::Actor& actor);
  // A file for a complaint (5 MiB at most; PNG, JPEG, GIF, WebP or PDF by content) by anyone
  // who works it. The attachment's JSON.
  Result<nlohmann::json> add_attachment(const auth::Principal& p, std::int64_t id, const std::string& file_name,
                                        std::string_view bytes, const audit::Actor& actor);
  struct Download {
    std::string file_name, content_type, bytes;
  };
  Result<Download> attachment(const auth::Principal& p, std::int64_t id, std::int64_t attachment_id);
  // What the customer sees with the status link: no internal notes, no staff names.
  Result<nlohmann::json> public_status(const std::string& reference, const std::string& token);
  nlohmann::json analysis(const auth::Principal& p, clock::Date from, clock::Date to);

  nlohmann::json settings();
  Result<nlohmann::json> save_settings(const SlaSettings& s, std::int64_t version, const audit::Actor& actor);
  std::vector<std::string> category_keys(bool active_only = true);
  nlohmann::json categories();
  Result<nlohmann::json> save_category(std::optional<std::int64_t> id, const nlohmann::json& body, const audit::Actor& actor);

  // Jobs. Escalation: a complaint still without a first answer past its due time goes to the
  // team lead (level 1), past twice the target to the director (level 2), with in-app
  // notifications. Return visits: closed complaints `return_visit_days` ago get a task.
  std::int64_t escalate(clock::TimePoint now);
  std::int64_t return_visits(clock::Date today);

 private:
  db::Database& db_;
  std::filesystem::path files_;
};

}  // namespace kehu::service
