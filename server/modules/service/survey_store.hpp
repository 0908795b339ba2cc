// Surveys in the database: templates (questions frozen once sent), invitations with the
// customer's scope, the one-time link's digest, answers by link or by staff, the results in
// the caller's scope, and the expiry job. Every write is audited in its transaction.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "modules/service/survey.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"

namespace kehu::service {

struct SurveyInvitationFilter {
  std::optional<std::int64_t> customer_id, complaint_id, template_id;
  std::optional<std::string> status, channel;
};

struct SurveyResultFilter {
  std::optional<clock::Date> from, to;  // the company date the answers came in, inclusive
  std::optional<std::int64_t> customer_id, owner_id, team_id, template_id;
};

class SurveyStore {
 public:
  explicit SurveyStore(db::Database& db) : db_(db) {}

  // Templates: everyone reads; the routes let admin, director and manager write.
  nlohmann::json list_templates(std::optional<bool> active, std::int64_t page, std::int64_t page_size);
  Result<nlohmann::json> get_template(std::int64_t id);
  Result<nlohmann::json> create_template(const auth::Principal& p, const SurveyTemplateInput& in,
                                         const audit::Actor& actor);
  // Questions only while the template was never sent (422 `questions` otherwise); the default
  // stays active (422 `active`); is_default moves the flag here (false is refused: choose another).
  Result<nlohmann::json> update_template(std::int64_t id, const SurveyTemplateInput& in, const audit::Actor& actor);
  // A new active, non-default template with the same questions (name defaults to "<name>（副本）").
  Result<nlohmann::json> copy_template(const auth::Principal& p, std::int64_t id,
                                       const std::optional<std::string>& name, const audit::Actor& actor);

  // Anyone who may write the customer, or the service desk. For a link: the invitation plus
  // "token", "path" and "api_path" (shown once).
  Result<nlohmann::json> invite(const auth::Principal& p, const SurveyInviteInput& in, const audit::Actor& actor);
  Result<nlohmann::json> get_invitation(const auth::Scope& s, std::int64_t id);
  nlohmann::json list_invitations(const auth::Scope& s, const SurveyInvitationFilter& f, std::int64_t page,
                                  std::int64_t page_size);
  // Answers taken by phone (or on the customer's behalf): 409 stale version, 409 already
  // answered, 422 expired or bad answers.
  Result<nlohmann::json> answer_by_staff(const auth::Principal& p, std::int64_t id, std::int64_t version,
                                         const nlohmann::json& answers, const audit::Actor& actor);

  // The public answer page: 404 unknown or expired token (or the customer deleted), 409
  // already answered.
  Result<nlohmann::json> public_survey(const std::string& token);
  Result<nlohmann::json> public_answer(const std::string& token, const nlohmann::json& answers,
                                       const audit::Actor& actor);

  nlohmann::json results(const auth::Scope& s, const SurveyResultFilter& f);

  // Marks pending links past their expiry as expired (audited); how many.
  static Result<std::int64_t> expire(db::Database& db, clock::TimePoint now);

 private:
  db::Database& db_;
};

}  // namespace kehu::service
