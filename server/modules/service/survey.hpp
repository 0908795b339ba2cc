// Satisfaction surveys (满意度调查): templates of questions (score 1–5, 0–10 likelihood to
// recommend, single or multiple choice, free text), invitations sent to a customer as a
// one-time link or taken by phone, the answers, and the arithmetic of the results
// (satisfaction % and NPS against the documents' 90% target). Pure rules and input reading
// here; SQL in survey_store; HTTP in survey_routes.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/core/ids.hpp"
#include "platform/core/result.hpp"
#include "platform/db/database.hpp"
#include "platform/http/fields.hpp"

namespace kehu::service {

// --- the complaint flow's entry point ----------------------------------------------------------

// Sends the default survey template to a customer after a complaint was closed, inside the
// caller's write transaction: a link invitation (30 days) for `customer`, naming the complaint
// and the contact (dropped when it is not a current contact of that customer). An older
// pending invitation for the same complaint (closed, reopened, closed again) expires. Audited
// as `survey_invitation` / `create` with `actor` (a user-less actor when defaulted).
// → {"id","token","path","api_path","expires_at"}; kNotFound when the customer does not exist.
Result<nlohmann::json> invite_after_complaint(db::Conn& c, std::int64_t complaint_id, CustomerId customer,
                                              std::optional<std::int64_t> contact_id, const audit::Actor& actor = {});

// --- templates -------------------------------------------------------------------------------------

enum class QuestionType { kScore5, kNps, kSingle, kMultiple, kText };
inline const std::vector<std::string_view> kSurveyQuestionTypes = {"score5", "nps", "single", "multiple", "text"};
std::string_view question_type_name(QuestionType t);
std::optional<QuestionType> parse_question_type(std::string_view s);

constexpr std::size_t kSurveyMaxQuestions = 30;
constexpr std::size_t kSurveyMaxOptions = 20;
constexpr std::size_t kSurveyMaxOptionLength = 100;
constexpr std::size_t kSurveyMaxQuestionText = 500;
constexpr std::size_t kSurveyMaxAnswerText = 2000;
constexpr std::size_t kSurveyMaxKeyLength = 40;
constexpr int kSurveyLinkDays = 30;
constexpr std::int64_t kSurveyTargetPerMille = 900;  // the documents' target: 90% satisfied

struct SurveyQuestion {
  std::string key;   // [a-z][a-z0-9_]*, ≤ 40, unique in the template
  std::string text;  // as written (zh-CN), ≤ 500
  QuestionType type = QuestionType::kScore5;
  bool required = false;
  std::vector<std::string> options;  // single / multiple only: 2–20 distinct, each ≤ 100
  friend bool operator==(const SurveyQuestion&, const SurveyQuestion&) = default;
};

bool valid_question_key(std::string_view key);
nlohmann::json questions_to_json(const std::vector<SurveyQuestion>& qs);
// The stored form back (trusted: it was checked on the way in).
std::vector<SurveyQuestion> questions_from_json(const nlohmann::json& j);

enum class SurveyTemplateMode { kCreate, kUpdate };
struct SurveyTemplateInput {
  http::Field<std::string> name, description;
  http::Field<bool> active, is_default;
  std::optional<std::vector<SurveyQuestion>> questions;  // create: always; update: when sent
  std::optional<std::int64_t> version;                   // update only
};
// name (≤ 100), description (≤ 2,000), active, is_default, questions (1–30; problems named
// questions[i].key / .text / .type / .options), version on update.
Result<SurveyTemplateInput> read_template_input(const nlohmann::json& body, SurveyTemplateMode mode);

// --- invitations -----------------------------------------------------------------------------------

inline const std::vector<std::string_view> kSurveyChannels = {"link", "phone"};
inline const std::vector<std::string_view> kSurveyStatuses = {"pending", "answered", "expired"};

struct SurveyInviteInput {
  std::int64_t template_id = 0, customer_id = 0;
  std::optional<std::int64_t> contact_id, complaint_id;
  std::string channel = "link";
};
// {"template_id","customer_id","contact_id"?,"complaint_id"?,"channel"?: "link" (default) | "phone"}
Result<SurveyInviteInput> read_invite_input(const nlohmann::json& body);

// --- answers ----------------------------------------------------------------------------------------

struct SurveyAnswer {
  std::string key;
  QuestionType type = QuestionType::kScore5;
  std::optional<std::int64_t> score;  // score5 / nps
  std::vector<std::string> choices;   // single (one) / multiple
  std::optional<std::string> text;    // text, verbatim
  friend bool operator==(const SurveyAnswer&, const SurveyAnswer&) = default;
};

// Checks `answers` (the body's "answers" object: question key -> value) against the
// template: score5 an integer 1–5, nps 0–10, single one of the options, multiple a list of
// distinct options, text ≤ 2,000 characters (newlines allowed, no control characters). A null,
// "" / blank text or [] is no answer; a required question needs one. Every problem is a 422
// naming `answers.<key>` (a key that is no question of the template too; an unreadable key is
// reported on `answers`). The answers come back in the template's order.
Result<std::vector<SurveyAnswer>> read_answers(const nlohmann::json& answers, const std::vector<SurveyQuestion>& qs);

// --- results arithmetic ----------------------------------------------------------------------------

// Counts over a set of answers.
struct SurveyTally {
  std::int64_t responses = 0;  // answered invitations (the caller counts them)
  std::int64_t score5 = 0;     // score5 answers
  std::int64_t satisfied = 0;  // of which 4 or 5
  std::int64_t nps_answers = 0;
  std::int64_t promoters = 0;   // 9–10
  std::int64_t passives = 0;    // 7–8
  std::int64_t detractors = 0;  // 0–6
  void add(const SurveyAnswer& a);
  void add(QuestionType type, std::int64_t score);
};

// num / den rounded to the nearest integer, halves away from zero; den > 0.
std::int64_t round_half_away(std::int64_t num, std::int64_t den);
// Satisfied share of score5 answers in per mille (875 = 87.5%); nullopt without answers.
std::optional<std::int64_t> satisfaction_per_mille(const SurveyTally& t);
// Net promoter score in tenths of a percent (−1000 … 1000); nullopt without NPS answers.
std::optional<std::int64_t> nps_per_mille(const SurveyTally& t);
// Tenths as a JSON number with one decimal (875 → 87.5), null when absent.
nlohmann::json tenths_json(std::optional<std::int64_t> v);
// {"responses","satisfaction_pct","nps","promoters","passives","detractors","met"} for a tally.
nlohmann::json tally_json(const SurveyTally& t);

}  // namespace kehu::service
