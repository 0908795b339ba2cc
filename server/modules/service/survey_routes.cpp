// HTTP <-> satisfaction surveys: templates, invitations, answers taken by staff, results, and
// the public answer page (no session: the one-time token is the credential; it travels in the
// query string, which the access log never prints).
#include <algorithm>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "modules/service/service_internal.hpp"
#include "modules/service/survey_store.hpp"
#include "platform/http/fields.hpp"
#include "platform/http/params.hpp"

namespace kehu::service {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

constexpr int kPublicPostsPerHour = 30;
constexpr std::int64_t kWindowSeconds = 3600;
constexpr std::size_t kMaxTrackedAddresses = 100000;

Error bad_query(std::string_view name, std::string key = "param.invalid") {
  return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(std::string(name), std::move(key));
}

Result<std::optional<std::int64_t>> query_id(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>();
  KEHU_TRY(auto id, http::parse_id_param(*v, name));
  return std::optional<std::int64_t>(id);
}

Result<std::optional<clock::Date>> query_date(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<clock::Date>();
  auto d = clock::parse_date(*v);
  if (!d) return bad_query(name, "field.invalid_date");
  return std::optional<clock::Date>(*d);
}

Result<std::optional<std::string>> query_choice(const Request& req, std::string_view name,
                                                const std::vector<std::string_view>& allowed) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) return bad_query(name);
  return std::optional<std::string>(std::string(*v));
}

Result<std::optional<bool>> query_bool(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return bad_query(name);
}

// At most 30 answer submissions per address and hour (a fixed window, like the login limiter),
// counted before the body is read, so a flood of bad bodies is limited too.
class PublicLimiter {
 public:
  bool allow(const std::string& ip) {
    const auto now = clock::unix_seconds(clock::now());
    std::lock_guard lock(mutex_);
    if (hits_.size() >= kMaxTrackedAddresses && !hits_.count(ip)) hits_.clear();  // bounded under a spray
    auto& [count, start] = hits_[ip];
    if (count == 0 || now - start >= kWindowSeconds) {
      count = 0;
      start = now;
    }
    if (count >= kPublicPostsPerHour) return false;
    ++count;
    return true;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::pair<int, std::int64_t>> hits_;  // count, window start
};

struct SurveyRoutes {
  explicit SurveyRoutes(db::Database& db) : store(db) {}
  SurveyStore store;
  PublicLimiter limiter;

  // --- templates ---
  Result<Response> list_templates(Request& req, const Principal&) {
    KEHU_TRY(auto active, query_bool(req, "active"));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.list_templates(active, page.first, page.second));
  }

  Result<Response> get_template(Request& req, const Principal&) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get_template(id));
    return Response::ok(j);
  }

  Result<Response> create_template(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_template_input(body, SurveyTemplateMode::kCreate));
    KEHU_TRY(auto j, store.create_template(p, in, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> update_template(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_template_input(body, SurveyTemplateMode::kUpdate));
    KEHU_TRY(auto j, store.update_template(id, in, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> copy_template(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    std::optional<std::string> name;
    if (!req.body.empty()) {
      KEHU_TRY(auto body, req.json_object());
      http::Fields f(body);
      auto n = f.text("name", {.max = 100});
      KEHU_CHECK(f.finish());
      name = n.value;
    }
    KEHU_TRY(auto j, store.copy_template(p, id, name, auth::actor_of(req, p)));
    return Response::created(j);
  }

  // --- invitations ---
  Result<Response> invite(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_invite_input(body));
    KEHU_TRY(auto j, store.invite(p, in, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> list_invitations(Request& req, const Principal& p) {
    SurveyInvitationFilter f;
    KEHU_TRY(f.customer_id, query_id(req, "customer_id"));
    KEHU_TRY(f.complaint_id, query_id(req, "complaint_id"));
    KEHU_TRY(f.template_id, query_id(req, "template_id"));
    KEHU_TRY(f.status, query_choice(req, "status", kSurveyStatuses));
    KEHU_TRY(f.channel, query_choice(req, "channel", kSurveyChannels));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.list_invitations(auth::scope_of(p), f, page.first, page.second));
  }

  Result<Response> get_invitation(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get_invitation(auth::scope_of(p), id));
    return Response::ok(j);
  }

  Result<Response> answer(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto answers = f.raw("answers");
    if (!answers.value) f.fail("answers", "field.required");
    auto version = f.integer("version", {.required = true, .min = 1});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.answer_by_staff(p, id, *version.value, *answers.value, auth::actor_of(req, p)));
    return Response::created(j);
  }

  // --- results ---
  Result<Response> results(Request& req, const Principal& p) {
    SurveyResultFilter f;
    KEHU_TRY(f.from, query_date(req, "from"));
    KEHU_TRY(f.to, query_date(req, "to"));
    if (f.from && f.to && *f.to < *f.from) return bad_query("to", "survey.to_before_from");
    KEHU_TRY(f.customer_id, query_id(req, "customer_id"));
    KEHU_TRY(f.owner_id, query_id(req, "owner_id"));
    KEHU_TRY(f.team_id, query_id(req, "team_id"));
    KEHU_TRY(f.template_id, query_id(req, "template_id"));
    return Response::ok(store.results(auth::scope_of(p), f));
  }

  // --- the public answer page ---
  Result<Response> public_get(Request& req) {
    KEHU_TRY(auto j, store.public_survey(std::string(req.query_param("token").value_or(""))));
    return Response::ok(j);
  }

  Result<Response> public_post(Request& req) {
    if (!limiter.allow(req.remote_ip)) return Error(ErrorCode::kRateLimited, "survey.too_many_submissions");
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto answers = f.raw("answers");
    if (!answers.value) f.fail("answers", "field.required");
    KEHU_CHECK(f.finish());
    const audit::Actor actor{std::nullopt, req.request_id, req.remote_ip};
    KEHU_TRY(auto j, store.public_answer(std::string(req.query_param("token").value_or("")), *answers.value, actor));
    return Response::created(j);
  }
};

}  // namespace

void register_survey_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<SurveyRoutes>(a.db());  // shared by the handlers
  auto h = [&a, routes](Result<Response> (SurveyRoutes::*fn)(Request&, const Principal&),
                        std::initializer_list<Role> roles = {}) {
    return auth::guard(a, roles, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); });
  };
  const std::initializer_list<Role> leads = {Role::kAdmin, Role::kDirector, Role::kManager};
  r.get("/api/v1/surveys/templates", h(&SurveyRoutes::list_templates));
  r.post("/api/v1/surveys/templates", h(&SurveyRoutes::create_template, leads));
  r.get("/api/v1/surveys/templates/{id}", h(&SurveyRoutes::get_template));
  r.patch("/api/v1/surveys/templates/{id}", h(&SurveyRoutes::update_template, leads));
  r.post("/api/v1/surveys/templates/{id}/copy", h(&SurveyRoutes::copy_template, leads));
  r.get("/api/v1/surveys/invitations", h(&SurveyRoutes::list_invitations));
  r.post("/api/v1/surveys/invitations", h(&SurveyRoutes::invite));
  r.get("/api/v1/surveys/invitations/{id}", h(&SurveyRoutes::get_invitation));
  r.post("/api/v1/surveys/invitations/{id}/answers", h(&SurveyRoutes::answer));
  r.get("/api/v1/surveys/results", h(&SurveyRoutes::results));
  r.get("/api/v1/public/surveys", [routes](Request& req) { return routes->public_get(req); });
  r.post("/api/v1/public/surveys", [routes](Request& req) { return routes->public_post(req); });
}

std::vector<jobs::Job> survey_jobs() {
  return {jobs::Job{"service.survey_expiry", std::chrono::hours(1),
                    [](db::Database& db, clock::TimePoint now) { return SurveyStore::expire(db, now); }}};
}

}  // namespace kehu::service
