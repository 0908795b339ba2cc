#include "modules/service/survey_store.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "modules/customers/customers.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/sql.hpp"
#include "platform/text/utf8.hpp"

namespace kehu::service {
namespace {

constexpr const char* kTemplateSelect =
    "SELECT t.id, t.name, t.description, t.active, t.is_default, t.questions, t.copied_from, t.version, t.created_by, "
    "u.name, t.created_at, t.updated_at, (SELECT count(*) FROM survey_invitations i WHERE i.template_id = t.id), "
    "(SELECT count(*) FROM survey_invitations i WHERE i.template_id = t.id AND i.status = 'answered') "
    "FROM survey_templates t LEFT JOIN users u ON u.id = t.created_by ";
constexpr const char* kTemplateInsert =
    "INSERT INTO survey_templates(name, description, active, is_default, questions, copied_from, created_by, "
    "created_at, "
    "updated_at) VALUES (?,?,?,?,?,?,?,?,?)";
constexpr const char* kTemplateUpdate =
    "UPDATE survey_templates SET name = ?, description = ?, active = ?, is_default = ?, questions = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kDefaultTemplate = "SELECT id FROM survey_templates WHERE is_default = 1 AND active = 1";
constexpr const char* kClearDefault =
    "UPDATE survey_templates SET is_default = 0, version = version + 1, updated_at = ? WHERE id = ?";
constexpr const char* kTemplateQuestions = "SELECT questions, active FROM survey_templates WHERE id = ?";

// A pending link past its expiry reads as expired before the hourly job writes it. The `?` is
// "now" and always the statement's first parameter.
constexpr const char* kStatusExpr =
    "(CASE WHEN i.status = 'pending' AND i.expires_at IS NOT NULL AND i.expires_at <= ? THEN 'expired' ELSE i.status "
    "END)";
constexpr const char* kInvitationFrom =
    " FROM survey_invitations i JOIN survey_templates t ON t.id = i.template_id JOIN customers c ON c.id = "
    "i.customer_id "
    "LEFT JOIN contacts k ON k.id = i.contact_id LEFT JOIN users ab ON ab.id = i.answered_by "
    "LEFT JOIN users ou ON ou.id = i.owner_id LEFT JOIN teams tm ON tm.id = i.team_id "
    "LEFT JOIN users cb ON cb.id = i.created_by ";
constexpr const char* kInvitationColumns =
    "SELECT i.id, i.template_id, t.name, i.customer_id, c.name, i.contact_id, k.name, i.complaint_id, i.channel, ";
constexpr const char* kInvitationColumns2 =
    ", i.expires_at, i.answered_at, i.answered_via, i.answered_by, ab.name, i.owner_id, ou.name, i.team_id, tm.name, "
    "i.version, i.created_by, cb.name, i.created_at, i.updated_at";
constexpr const char* kInvitationInsert =
    "INSERT INTO survey_invitations(template_id, customer_id, contact_id, complaint_id, channel, token_digest, "
    "expires_at, "
    "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kContactOf = "SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL";
constexpr const char* kComplaintOf = "SELECT 1 FROM complaints WHERE id = ? AND customer_id = ?";
constexpr const char* kCustomerExists = "SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kPendingOfComplaint =
    "SELECT id FROM survey_invitations WHERE complaint_id = ? AND status = 'pending' ORDER BY id";
constexpr const char* kByDigest =
    "SELECT i.id, i.status, i.expires_at, t.name, t.description, t.questions, c.name FROM survey_invitations i "
    "JOIN survey_templates t ON t.id = i.template_id JOIN customers c ON c.id = i.customer_id "
    "WHERE i.token_digest = ? AND c.deleted_at IS NULL";
constexpr const char* kOwnerNow =
    "SELECT c.owner_id, u.team_id FROM survey_invitations i JOIN customers c ON c.id = i.customer_id "
    "JOIN users u ON u.id = c.owner_id WHERE i.id = ?";
constexpr const char* kMarkAnswered =
    "UPDATE survey_invitations SET status = 'answered', answered_at = ?, answered_day = ?, answered_via = ?, "
    "answered_by = ?, owner_id = ?, team_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = "
    "'pending'";
constexpr const char* kAnswerInsert =
    "INSERT INTO survey_answers(invitation_id, question_key, type, score, choices, text) VALUES (?,?,?,?,?,?)";
constexpr const char* kAnswersOf =
    "SELECT question_key, type, score, choices, text FROM survey_answers WHERE invitation_id = ?";
constexpr const char* kMarkExpired =
    "UPDATE survey_invitations SET status = 'expired', version = version + 1, updated_at = ? WHERE id = ? "
    "AND status = 'pending'";
constexpr const char* kDueToExpire =
    "SELECT id FROM survey_invitations WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ? ORDER "
    "BY id";

const std::string kCopySuffix = "（副本）";

nlohmann::json opt_text(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); }
nlohmann::json opt_int(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); }

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

Error already_answered() {
  Error e(ErrorCode::kAlreadyExists, "survey.already_answered");
  e.details["reason"] = "already_answered";
  return e;
}

std::string link_path(const std::string& token) { return "/survey?token=" + token; }
std::string api_path(const std::string& token) { return "/api/v1/public/surveys?token=" + token; }

// --- templates ---

nlohmann::json template_row(const db::Row& r) {
  auto questions = nlohmann::json::parse(r.text(5), nullptr, false);
  if (questions.is_discarded()) questions = nlohmann::json::array();
  return {{"id", r.i64(0)},
          {"name", r.text(1)},
          {"description", opt_text(r, 2)},
          {"active", r.i64(3) != 0},
          {"is_default", r.i64(4) != 0},
          {"questions", questions_to_json(questions_from_json(questions))},
          {"copied_from", opt_int(r, 6)},
          {"version", r.i64(7)},
          {"created_by", opt_int(r, 8)},
          {"created_by_name", opt_text(r, 9)},
          {"created_at", r.text(10)},
          {"updated_at", r.text(11)},
          {"invitations", r.i64(12)},
          {"responses", r.i64(13)},
          {"in_use", r.i64(12) > 0}};
}

std::optional<nlohmann::json> load_template(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kTemplateSelect) + "WHERE t.id = ?", {id}, template_row);
}

nlohmann::json template_audit(const nlohmann::json& t) {
  return {{"name", t["name"]},
          {"description", t["description"]},
          {"active", t["active"]},
          {"is_default", t["is_default"]},
          {"questions", t["questions"]}};
}

// Moves the default flag away from the current default (audited), before `id` takes it.
void clear_default(db::Conn& c, std::int64_t id, const std::string& now, const audit::Actor& actor) {
  auto old = c.scalar_i64(kDefaultTemplate);
  if (!old || *old == id) return;
  c.exec(kClearDefault, {now, *old});
  audit::record(c, actor, "update", "survey_template", *old, {{"is_default", {{"from", true}, {"to", false}}}});
}

// --- invitations ---

std::string invitation_select(const std::string& where) {
  return std::string(kInvitationColumns) + kStatusExpr + kInvitationColumns2 + kInvitationFrom + where;
}

nlohmann::json invitation_row(const db::Row& r) {
  return {{"id", r.i64(0)},
          {"template_id", r.i64(1)},
          {"template_name", r.text(2)},
          {"customer_id", r.i64(3)},
          {"customer_name", r.text(4)},
          {"contact_id", opt_int(r, 5)},
          {"contact_name", opt_text(r, 6)},
          {"complaint_id", opt_int(r, 7)},
          {"channel", r.text(8)},
          {"status", r.text(9)},
          {"expires_at", opt_text(r, 10)},
          {"answered_at", opt_text(r, 11)},
          {"answered_via", opt_text(r, 12)},
          {"answered_by", opt_int(r, 13)},
          {"answered_by_name", opt_text(r, 14)},
          {"owner_id", opt_int(r, 15)},
          {"owner_name", opt_text(r, 16)},
          {"team_id", opt_int(r, 17)},
          {"team_name", opt_text(r, 18)},
          {"version", r.i64(19)},
          {"created_by", opt_int(r, 20)},
          {"created_by_name", opt_text(r, 21)},
          {"created_at", r.text(22)},
          {"updated_at", r.text(23)}};
}

std::vector<SurveyQuestion> template_questions(db::Conn& c, std::int64_t template_id) {
  auto text = c.scalar_text(kTemplateQuestions, {template_id});
  if (!text) return {};
  auto j = nlohmann::json::parse(*text, nullptr, false);
  return j.is_discarded() ? std::vector<SurveyQuestion>{} : questions_from_json(j);
}

nlohmann::json answer_value(const std::string& type, const db::Row& r) {
  if (type == "score5" || type == "nps") return opt_int(r, 2);
  if (type == "text") return opt_text(r, 4);
  auto choices = r.is_null(3) ? nlohmann::json::array() : nlohmann::json::parse(r.text(3), nullptr, false);
  if (choices.is_discarded() || !choices.is_array()) choices = nlohmann::json::array();
  if (type == "single") return choices.empty() ? nlohmann::json() : choices[0];
  return choices;
}

// The invitation with its answers (in the template's order), as of `now`.
std::optional<nlohmann::json> load_invitation(db::Conn& c, std::int64_t id, const std::string& now) {
  auto j = c.one(invitation_select("WHERE i.id = ?"), {now, id}, invitation_row);
  if (!j) return j;
  std::map<std::string, nlohmann::json> given;
  c.query(kAnswersOf, {id}, [&](const db::Row& r) { given[r.text(0)] = answer_value(r.text(1), r); });
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& q : template_questions(c, (*j)["template_id"].get<std::int64_t>())) {
    auto it = given.find(q.key);
    if (it == given.end()) continue;
    answers.push_back({{"key", q.key}, {"text", q.text}, {"type", question_type_name(q.type)}, {"value", it->second}});
  }
  (*j)["answers"] = answers;
  return j;
}

nlohmann::json invitation_audit(const nlohmann::json& j) {
  return {{"template_id", j["template_id"]},   {"customer_id", j["customer_id"]}, {"contact_id", j["contact_id"]},
          {"complaint_id", j["complaint_id"]}, {"channel", j["channel"]},         {"status", j["status"]},
          {"expires_at", j["expires_at"]}};
}

struct NewInvitation {
  std::int64_t template_id = 0, customer_id = 0;
  std::optional<std::int64_t> contact_id, complaint_id, created_by;
  std::string channel = "link";
};

// Stores an invitation (checked by the caller) and audits it; for a link also the one-time
// token, shown in the result only.
nlohmann::json insert_invitation(db::Conn& c, const NewInvitation& in, const audit::Actor& actor) {
  const auto now_tp = clock::now();
  const auto now = clock::to_iso_utc(now_tp);
  std::optional<std::string> token, digest, expires;
  if (in.channel == "link") {
    token = auth::random_token(32);
    digest = auth::token_digest(*token);
    expires = clock::to_iso_utc(now_tp + std::chrono::hours(24 * kSurveyLinkDays));
  }
  const auto id = c.exec(kInvitationInsert, {in.template_id, in.customer_id, in.contact_id, in.complaint_id, in.channel,
                                             digest, expires, in.created_by, now, now})
                      .last_id;
  auto j = *load_invitation(c, id, now);
  audit::record(c, actor, "create", "survey_invitation", id,
                audit::diff(nlohmann::json::object(), invitation_audit(j)));
  if (token) {
    j["token"] = *token;
    j["path"] = link_path(*token);
    j["api_path"] = api_path(*token);
  }
  return j;
}

// Stores checked answers and marks the invitation answered, crediting the customer's owner and
// the owner's team of this moment. False when it was not pending any more.
bool store_answers(db::Conn& c, std::int64_t id, const std::vector<SurveyAnswer>& answers, const std::string& via,
                   std::optional<std::int64_t> by, const audit::Actor& actor) {
  const auto now_tp = clock::now();
  const auto now = clock::to_iso_utc(now_tp);
  std::optional<std::int64_t> owner, team;
  c.query(kOwnerNow, {id}, [&](const db::Row& r) {
    owner = r.opt_i64(0);
    team = r.opt_i64(1);
  });
  if (c.exec(kMarkAnswered, {now, clock::format_date(clock::local_date(now_tp)), via, by, owner, team, now, id})
          .changes == 0)
    return false;
  for (const auto& a : answers) {
    std::optional<std::string> choices;
    if (a.type == QuestionType::kSingle || a.type == QuestionType::kMultiple)
      choices = nlohmann::json(a.choices).dump();
    c.exec(kAnswerInsert, {id, a.key, question_type_name(a.type), a.score, choices, a.text});
  }
  audit::record(c, actor, "answer", "survey_invitation", id,
                {{"status", {{"from", "pending"}, {"to", "answered"}}},
                 {"answered_via", {{"from", nullptr}, {"to", via}}},
                 {"answers", {{"from", nullptr}, {"to", answers.size()}}}});
  return true;
}

// Whether `p` may send a survey to (or take answers from) the customer: its writers, and the
// service desk, which reads every customer. kNotFound outside the scope.
Status may_survey(db::Conn& c, const auth::Principal& p, CustomerId customer) {
  auto st = customers::check_access(c, auth::scope_of(p), customer, customers::Access::kWrite);
  if (st.ok() || st.error().code != ErrorCode::kForbidden) return st;
  if (p.role == auth::Role::kService) return ok_status();
  return st;
}

bool is_expired(const nlohmann::json& inv) { return inv["status"] == "expired"; }

}  // namespace

// --- templates -------------------------------------------------------------------------------------

nlohmann::json SurveyStore::list_templates(std::optional<bool> active, std::int64_t page, std::int64_t page_size) {
  db::Sql sql;
  if (active) sql.add("t.active = ?", {*active});
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64("SELECT count(*) FROM survey_templates t " + sql.where, sql.params).value_or(0);
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kTemplateSelect) + sql.where +
                " ORDER BY t.is_default DESC, t.active DESC, t.id DESC LIMIT ? OFFSET ?",
            params, [&](const db::Row& r) { items.push_back(template_row(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

Result<nlohmann::json> SurveyStore::get_template(std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto j = load_template(c, id);
    if (!j) return not_found();
    return *j;
  });
}

Result<nlohmann::json> SurveyStore::create_template(const auth::Principal& p, const SurveyTemplateInput& in,
                                                    const audit::Actor& actor) {
  const bool active = in.active.value.value_or(true);
  const bool is_default = in.is_default.value.value_or(false);
  if (is_default && !active) return validation("active", "survey.default_must_stay_active");
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    const auto now = now_iso();
    if (is_default) clear_default(c, 0, now, actor);
    const auto id = c.exec(kTemplateInsert, {*in.name.value, in.description.value, active, is_default,
                                             questions_to_json(*in.questions).dump(), nullptr, p.user.value, now, now})
                        .last_id;
    auto j = *load_template(c, id);
    audit::record(c, actor, "create", "survey_template", id, audit::diff(nlohmann::json::object(), template_audit(j)));
    return j;
  });
}

Result<nlohmann::json> SurveyStore::update_template(std::int64_t id, const SurveyTemplateInput& in,
                                                    const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load_template(c, id);
    if (!before) return not_found();
    if ((*before)["version"].get<std::int64_t>() != *in.version) return stale_version();
    if (in.questions && (*before)["in_use"].get<bool>() && questions_to_json(*in.questions) != (*before)["questions"])
      return validation("questions", "survey.template_in_use");
    const bool was_default = (*before)["is_default"].get<bool>();
    const bool active = in.active.value.value_or((*before)["active"].get<bool>());
    if (in.is_default.value && !*in.is_default.value && was_default)
      return validation("is_default", "survey.default_required");
    const bool is_default = in.is_default.value.value_or(was_default);
    if (is_default && !active) return validation("active", "survey.default_must_stay_active");
    std::optional<std::string> description;
    if (in.description.present)
      description = in.description.value;
    else if (!(*before)["description"].is_null())
      description = (*before)["description"].get<std::string>();
    const auto questions = in.questions ? questions_to_json(*in.questions) : (*before)["questions"];
    const auto now = now_iso();
    if (is_default && !was_default) clear_default(c, id, now, actor);
    if (c.exec(kTemplateUpdate, {in.name.value.value_or((*before)["name"].get<std::string>()), description, active,
                                 is_default, questions.dump(), now, id, *in.version})
            .changes == 0)
      return stale_version();
    auto after = *load_template(c, id);
    audit::record(c, actor, "update", "survey_template", id,
                  audit::diff(template_audit(*before), template_audit(after)));
    return after;
  });
}

Result<nlohmann::json> SurveyStore::copy_template(const auth::Principal& p, std::int64_t id,
                                                  const std::optional<std::string>& name, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto source = load_template(c, id);
    if (!source) return not_found();
    std::string new_name = name.value_or((*source)["name"].get<std::string>());
    if (!name && text::code_points(new_name) + text::code_points(kCopySuffix) <= 100) new_name += kCopySuffix;
    const auto now = now_iso();
    std::optional<std::string> description;
    if (!(*source)["description"].is_null()) description = (*source)["description"].get<std::string>();
    const auto new_id = c.exec(kTemplateInsert, {new_name, description, true, false, (*source)["questions"].dump(), id,
                                                 p.user.value, now, now})
                            .last_id;
    auto j = *load_template(c, new_id);
    auto view = template_audit(j);
    view["copied_from"] = id;
    audit::record(c, actor, "create", "survey_template", new_id, audit::diff(nlohmann::json::object(), view));
    return j;
  });
}

// --- invitations -----------------------------------------------------------------------------------

Result<nlohmann::json> SurveyStore::invite(const auth::Principal& p, const SurveyInviteInput& in,
                                           const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(may_survey(c, p, CustomerId(in.customer_id)));
    Error e(ErrorCode::kValidationFailed, "error.validation_failed");
    auto tpl = c.one(kTemplateQuestions, {in.template_id}, [](const db::Row& r) { return r.i64(1) != 0; });
    if (!tpl)
      e.field("template_id", "survey.template_not_found");
    else if (!*tpl)
      e.field("template_id", "survey.template_inactive");
    if (in.contact_id && !c.scalar_i64(kContactOf, {*in.contact_id, in.customer_id}))
      e.field("contact_id", "survey.not_a_contact");
    if (in.complaint_id && !c.scalar_i64(kComplaintOf, {*in.complaint_id, in.customer_id}))
      e.field("complaint_id", "survey.not_a_complaint");
    if (!e.fields.empty()) return e;
    return insert_invitation(
        c, {in.template_id, in.customer_id, in.contact_id, in.complaint_id, p.user.value, in.channel}, actor);
  });
}

Result<nlohmann::json> SurveyStore::get_invitation(const auth::Scope& s, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto j = load_invitation(c, id, now_iso());
    if (!j) return not_found();
    KEHU_CHECK(
        customers::check_access(c, s, CustomerId((*j)["customer_id"].get<std::int64_t>()), customers::Access::kRead));
    return *j;
  });
}

nlohmann::json SurveyStore::list_invitations(const auth::Scope& s, const SurveyInvitationFilter& f, std::int64_t page,
                                             std::int64_t page_size) {
  const auto now = now_iso();
  db::Sql sql;
  sql.add("c.deleted_at IS NULL");
  auto scope = customers::scope_condition(s);
  sql.add(scope.clause, scope.params);
  if (f.customer_id) sql.add("i.customer_id = ?", {*f.customer_id});
  if (f.complaint_id) sql.add("i.complaint_id = ?", {*f.complaint_id});
  if (f.template_id) sql.add("i.template_id = ?", {*f.template_id});
  if (f.channel) sql.add("i.channel = ?", {*f.channel});
  if (f.status) sql.add(std::string(kStatusExpr) + " = ?", {now, *f.status});
  return db_.read([&](db::Conn& c) {
    const auto total =
        c.scalar_i64("SELECT count(*) FROM survey_invitations i JOIN customers c ON c.id = i.customer_id " + sql.where,
                     sql.params)
            .value_or(0);
    db::Params params{now};
    params.insert(params.end(), sql.params.begin(), sql.params.end());
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(invitation_select(sql.where + " ORDER BY i.id DESC LIMIT ? OFFSET ?"), params,
            [&](const db::Row& r) { items.push_back(invitation_row(r)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

Result<nlohmann::json> SurveyStore::answer_by_staff(const auth::Principal& p, std::int64_t id, std::int64_t version,
                                                    const nlohmann::json& answers, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    const auto now = now_iso();
    auto inv = load_invitation(c, id, now);
    if (!inv) return not_found();
    const CustomerId customer((*inv)["customer_id"].get<std::int64_t>());
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), customer, customers::Access::kRead));
    KEHU_CHECK(may_survey(c, p, customer));
    if ((*inv)["version"].get<std::int64_t>() != version) return stale_version();
    if ((*inv)["status"] == "answered") return already_answered();
    if (is_expired(*inv)) return Error(ErrorCode::kValidationFailed, "survey.expired");
    KEHU_TRY(auto checked, read_answers(answers, template_questions(c, (*inv)["template_id"].get<std::int64_t>())));
    if (!store_answers(c, id, checked, "staff", p.user.value, actor)) return stale_version();
    return *load_invitation(c, id, now);
  });
}

// --- the public page -------------------------------------------------------------------------------

namespace {

struct TokenRow {
  std::int64_t id = 0;
  std::string status;
  std::optional<std::string> expires_at;
  std::string name;
  std::optional<std::string> description;
  std::string questions, customer_name;
};

// The invitation behind a token: 404 unknown or expired, 409 answered.
Result<TokenRow> by_token(db::Conn& c, const std::string& token) {
  if (token.empty() || token.size() > 100) return not_found();
  auto row = c.one(kByDigest, {auth::token_digest(token)}, [](const db::Row& r) {
    return TokenRow{r.i64(0), r.text(1), r.opt_text(2), r.text(3), r.opt_text(4), r.text(5), r.text(6)};
  });
  if (!row) return not_found();
  if (row->status == "answered") return already_answered();
  if (row->status != "pending" || !row->expires_at || *row->expires_at <= now_iso()) return not_found();
  return *row;
}

std::vector<SurveyQuestion> parse_questions(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? std::vector<SurveyQuestion>{} : questions_from_json(j);
}

}  // namespace

Result<nlohmann::json> SurveyStore::public_survey(const std::string& token) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto row, by_token(c, token));
    return nlohmann::json{
        {"survey",
         {{"name", row.name}, {"description", row.description ? nlohmann::json(*row.description) : nlohmann::json()}}},
        {"customer_name", row.customer_name},
        {"questions", questions_to_json(parse_questions(row.questions))},
        {"expires_at", *row.expires_at}};
  });
}

Result<nlohmann::json> SurveyStore::public_answer(const std::string& token, const nlohmann::json& answers,
                                                  const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto row, by_token(c, token));
    KEHU_TRY(auto checked, read_answers(answers, parse_questions(row.questions)));
    if (!store_answers(c, row.id, checked, "link", std::nullopt, actor)) return already_answered();
    return nlohmann::json{{"status", "answered"}, {"answers", checked.size()}};
  });
}

// --- results -----------------------------------------------------------------------------------------

namespace {

struct QuestionStats {
  std::string key, text;
  QuestionType type = QuestionType::kScore5;
  std::int64_t answers = 0, sum = 0;
  std::vector<std::pair<std::string, std::int64_t>> distribution;  // in display order
  nlohmann::json latest = nlohmann::json::array();                 // text answers, newest first

  void count(const std::string& value) {
    for (auto& [k, n] : distribution)
      if (k == value) {
        ++n;
        return;
      }
    distribution.emplace_back(value, 1);
  }
};

constexpr std::size_t kLatestTexts = 20;

nlohmann::json average(std::int64_t sum, std::int64_t n) {
  if (n == 0) return nullptr;
  return static_cast<double>(round_half_away(100 * sum, n)) / 100.0;
}

}  // namespace

nlohmann::json SurveyStore::results(const auth::Scope& s, const SurveyResultFilter& f) {
  db::Sql sql;
  sql.add("i.status = 'answered' AND c.deleted_at IS NULL");
  auto scope = customers::scope_condition(s);
  sql.add(scope.clause, scope.params);
  if (f.from) sql.add("i.answered_day >= ?", {clock::format_date(*f.from)});
  if (f.to) sql.add("i.answered_day <= ?", {clock::format_date(*f.to)});
  if (f.customer_id) sql.add("i.customer_id = ?", {*f.customer_id});
  if (f.owner_id) sql.add("i.owner_id = ?", {*f.owner_id});
  if (f.team_id) sql.add("i.team_id = ?", {*f.team_id});
  if (f.template_id) sql.add("i.template_id = ?", {*f.template_id});

  struct Group {
    nlohmann::json id, name;
    SurveyTally tally;
  };
  return db_.read([&](db::Conn& c) {
    SurveyTally all;
    std::map<std::int64_t, Group> managers;  // by owner id
    std::map<std::int64_t, Group> teams;     // by team id (0: none)
    std::map<std::string, Group> months;     // "YYYY-MM"
    std::map<std::int64_t, std::tuple<std::int64_t, std::int64_t, std::string>>
        invitation_groups;  // owner, team, month
    std::set<std::int64_t> template_ids;
    if (f.template_id) template_ids.insert(*f.template_id);
    c.query(
        "SELECT i.id, i.owner_id, ou.name, i.team_id, tm.name, substr(i.answered_day, 1, 7), i.template_id "
        "FROM survey_invitations i JOIN customers c ON c.id = i.customer_id LEFT JOIN users ou ON ou.id = i.owner_id "
        "LEFT JOIN teams tm ON tm.id = i.team_id " +
            sql.where,
        sql.params, [&](const db::Row& r) {
          ++all.responses;
          const auto owner = r.is_null(1) ? 0 : r.i64(1);
          const auto team = r.is_null(3) ? 0 : r.i64(3);
          const auto month = r.text(5);
          auto& m = managers[owner];
          m.id = opt_int(r, 1);
          m.name = opt_text(r, 2);
          ++m.tally.responses;
          auto& t = teams[team];
          t.id = opt_int(r, 3);
          t.name = opt_text(r, 4);
          ++t.tally.responses;
          auto& mo = months[month];
          mo.id = month;
          ++mo.tally.responses;
          invitation_groups[r.i64(0)] = {owner, team, month};
          template_ids.insert(r.i64(6));
        });

    // The questions of the templates answered (or asked for), in template and question order.
    std::vector<QuestionStats> questions;
    auto find = [&](const std::string& key, const std::string& type) -> QuestionStats* {
      for (auto& q : questions)
        if (q.key == key && question_type_name(q.type) == type) return &q;
      return nullptr;
    };
    for (auto tid : template_ids)
      for (const auto& q : template_questions(c, tid)) {
        if (find(q.key, std::string(question_type_name(q.type)))) continue;
        QuestionStats st{q.key, q.text, q.type};
        if (q.type == QuestionType::kScore5)
          for (int v = 1; v <= 5; ++v) st.distribution.emplace_back(std::to_string(v), 0);
        if (q.type == QuestionType::kNps)
          for (int v = 0; v <= 10; ++v) st.distribution.emplace_back(std::to_string(v), 0);
        for (const auto& o : q.options) st.distribution.emplace_back(o, 0);
        questions.push_back(std::move(st));
      }

    c.query(
        "SELECT a.invitation_id, a.question_key, a.type, a.score, a.choices, a.text, c.name, i.answered_at "
        "FROM survey_answers a JOIN survey_invitations i ON i.id = a.invitation_id "
        "JOIN customers c ON c.id = i.customer_id " +
            sql.where + " ORDER BY i.answered_at DESC, i.id DESC",
        sql.params, [&](const db::Row& r) {
          const auto type_text = r.text(2);
          const auto type = parse_question_type(type_text);
          if (!type) return;
          auto* q = find(r.text(1), type_text);
          if (!q) {
            questions.push_back(QuestionStats{r.text(1), r.text(1), *type});
            q = &questions.back();
          }
          ++q->answers;
          if (!r.is_null(3)) {
            const auto score = r.i64(3);
            q->sum += score;
            q->count(std::to_string(score));
            all.add(*type, score);
            auto it = invitation_groups.find(r.i64(0));
            if (it != invitation_groups.end()) {
              managers[std::get<0>(it->second)].tally.add(*type, score);
              teams[std::get<1>(it->second)].tally.add(*type, score);
              months[std::get<2>(it->second)].tally.add(*type, score);
            }
          } else if (!r.is_null(5)) {
            if (q->latest.size() < kLatestTexts)
              q->latest.push_back({{"invitation_id", r.i64(0)},
                                   {"customer_name", r.text(6)},
                                   {"answered_at", r.text(7)},
                                   {"text", r.text(5)}});
          } else if (!r.is_null(4)) {
            auto choices = nlohmann::json::parse(r.text(4), nullptr, false);
            if (choices.is_array())
              for (const auto& o : choices)
                if (o.is_string()) q->count(o.get<std::string>());
          }
        });

    nlohmann::json by_question = nlohmann::json::array();
    for (const auto& q : questions) {
      nlohmann::json j = {
          {"key", q.key}, {"text", q.text}, {"type", question_type_name(q.type)}, {"answers", q.answers}};
      const bool scored = q.type == QuestionType::kScore5 || q.type == QuestionType::kNps;
      j["average"] = scored ? average(q.sum, q.answers) : nlohmann::json();
      nlohmann::json dist = nlohmann::json::object();
      for (const auto& [k, n] : q.distribution) dist[k] = n;
      j["distribution"] = dist;
      if (q.type == QuestionType::kText) j["latest"] = q.latest;
      by_question.push_back(std::move(j));
    }
    auto groups = [](const std::map<std::int64_t, Group>& m, const char* id_key, const char* name_key) {
      std::vector<const Group*> sorted;
      for (const auto& [k, g] : m) sorted.push_back(&g);
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const Group* a, const Group* b) { return a->tally.responses > b->tally.responses; });
      nlohmann::json out = nlohmann::json::array();
      for (const auto* g : sorted) {
        auto j = tally_json(g->tally);
        j[id_key] = g->id;
        j[name_key] = g->name;
        out.push_back(std::move(j));
      }
      return out;
    };
    nlohmann::json by_month = nlohmann::json::array();
    for (const auto& [k, g] : months) {
      auto j = tally_json(g.tally);
      j["month"] = k;
      by_month.push_back(std::move(j));
    }
    auto out = tally_json(all);
    out["target_pct"] = kSurveyTargetPerMille / 10;
    out["by_question"] = by_question;
    out["by_manager"] = groups(managers, "owner_id", "owner_name");
    out["by_team"] = groups(teams, "team_id", "team_name");
    out["by_month"] = by_month;
    return out;
  });
}

// --- the job and the complaint flow -------------------------------------------------------------------

Result<std::int64_t> SurveyStore::expire(db::Database& db, clock::TimePoint now) {
  const auto at = clock::to_iso_utc(now);
  return db.write([&](db::Conn& c) -> Result<std::int64_t> {
    auto ids = c.rows(kDueToExpire, {at}, [](const db::Row& r) { return r.i64(0); });
    std::int64_t changed = 0;
    for (auto id : ids) {
      if (c.exec(kMarkExpired, {at, id}).changes == 0) continue;
      ++changed;
      audit::record(c, audit::Actor{std::nullopt, "job:service.survey_expiry", ""}, "expire", "survey_invitation", id,
                    {{"status", {{"from", "pending"}, {"to", "expired"}}}});
    }
    return changed;
  });
}

Result<nlohmann::json> invite_after_complaint(db::Conn& c, std::int64_t complaint_id, CustomerId customer,
                                              std::optional<std::int64_t> contact_id, const audit::Actor& actor) {
  if (!c.scalar_i64(kCustomerExists, {customer.value})) return not_found();
  auto tpl = c.scalar_i64(kDefaultTemplate);
  if (!tpl) return Error(ErrorCode::kValidationFailed, "survey.no_default_template");
  if (contact_id && !c.scalar_i64(kContactOf, {*contact_id, customer.value})) contact_id.reset();
  const auto now = now_iso();
  for (auto old : c.rows(kPendingOfComplaint, {complaint_id}, [](const db::Row& r) { return r.i64(0); }))
    if (c.exec(kMarkExpired, {now, old}).changes > 0)
      audit::record(c, actor, "expire", "survey_invitation", old,
                    {{"status", {{"from", "pending"}, {"to", "expired"}}}});
  auto j = insert_invitation(c, {*tpl, customer.value, contact_id, complaint_id, actor.user_id, "link"}, actor);
  return nlohmann::json{{"id", j["id"]},
                        {"token", j["token"]},
                        {"path", j["path"]},
                        {"api_path", j["api_path"]},
                        {"expires_at", j["expires_at"]}};
}

}  // namespace kehu::service
