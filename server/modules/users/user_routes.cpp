#include "modules/users/user_routes.hpp"

#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "modules/users/user_rules.hpp"
#include "platform/http/fields.hpp"
#include "platform/http/params.hpp"

namespace kehu::users {
namespace {

using auth::Principal;
using auth::Role;
using http::parse_id_param;
using http::parse_page;
using http::Request;
using http::Response;

std::vector<std::string_view> role_choices() { return {std::begin(auth::kRoleNames), std::end(auth::kRoleNames)}; }

Result<Response> list_users(auth::Auth& a, Request& req, const Principal&) {
  auth::UserFilter f;
  if (auto q = req.query_param("q"); q && !q->empty()) f.q = std::string(*q);
  if (auto r = req.query_param("role"); r && !r->empty()) {
    f.role = auth::parse_role(*r);
    if (!f.role) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("role", "param.invalid");
  }
  if (auto t = req.query_param("team_id"); t && !t->empty()) {
    KEHU_TRY(f.team_id, parse_id_param(*t, "team_id"));
  }
  if (auto act = req.query_param("active"); act && !act->empty()) f.active = *act == "true" || *act == "1";
  auto users = a.db().read([&](db::Conn& c) { return auth::list_users(c, f); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : users) items.push_back(auth::to_json(u));
  return Response::ok({{"items", items}, {"total", items.size()}});
}

Result<Response> create_user(auth::Auth& a, Request& req, const Principal& p) {
  KEHU_TRY(auto body, req.json_object());
  http::Fields f(body);
  auto username = f.text("username", {.required = true, .max = 64});
  auto name = f.text("name", {.required = true, .max = 100});
  auto role = f.choice("role", role_choices(), true);
  auto team = f.integer("team_id", {.min = 1});
  auto password = f.text("password", {.required = true, .max = 200, .multiline = true});
  if (username.value && !valid_username(*username.value)) f.fail("username", "user.invalid_username");
  if (password.value)
    if (auto problem = auth::password_problem(*password.value)) f.fail("password", *problem);
  KEHU_CHECK(f.finish());
  auth::NewUser u{*username.value, *name.value, *password.value, *auth::parse_role(*role.value), std::nullopt, true};
  if (team.value) u.team = TeamId(*team.value);
  KEHU_TRY(auto created, a.db().write([&](db::Conn& c) { return auth::create_user(c, u, auth::actor_of(req, p)); }));
  return Response::created(auth::to_json(created));
}

Result<Response> get_user(auth::Auth& a, Request& req, const Principal&) {
  KEHU_TRY(auto id, req.id_param("id"));
  auto u = a.db().read([&](db::Conn& c) { return auth::find_user(c, UserId(id)); });
  if (!u) return not_found();
  return Response::ok(auth::to_json(*u));
}

Result<Response> update_user(auth::Auth& a, Request& req, const Principal& p) {
  KEHU_TRY(auto id, req.id_param("id"));
  KEHU_TRY(auto body, req.json_object());
  http::Fields f(body);
  auth::UserChange ch;
  auto name = f.text("name", {.max = 100});
  auto role = f.choice("role", role_choices());
  auto team = f.integer("team_id", {.min = 1});
  auto active = f.boolean("active");
  auto version = f.integer("version", {.required = true, .min = 1});
  if (name.is_null()) f.fail("name", "field.required");
  KEHU_CHECK(f.finish());
  ch.name = name.value;
  if (role.value) ch.role = auth::parse_role(*role.value);
  if (team.present) ch.team = team.value ? std::optional<TeamId>(TeamId(*team.value)) : std::nullopt;
  ch.active = active.value;
  ch.version = *version.value;
  if (UserId(id) == p.user && ((ch.active && !*ch.active) || (ch.role && *ch.role != Role::kAdmin)))
    return Error(ErrorCode::kValidationFailed, "user.cannot_demote_self").field("role", "user.cannot_demote_self");
  KEHU_TRY(auto u, a.db().write([&](db::Conn& c) { return auth::update_user(c, UserId(id), ch, auth::actor_of(req, p)); }));
  return Response::ok(auth::to_json(u));
}

Result<Response> reset_password(auth::Auth& a, Request& req, const Principal& p) {
  KEHU_TRY(auto id, req.id_param("id"));
  KEHU_TRY(auto body, req.json_object());
  http::Fields f(body);
  auto password = f.text("password", {.required = true, .max = 200, .multiline = true});
  if (password.value)
    if (auto problem = auth::password_problem(*password.value)) f.fail("password", *problem);
  KEHU_CHECK(f.finish());
  KEHU_CHECK(a.db().write([&](db::Conn& c) {
    return auth::set_password(c, UserId(id), *password.value, true, auth::actor_of(req, p));
  }));
  return Response::no_content();
}

Result<Response> list_teams(auth::Auth& a, Request&, const Principal&) {
  auto teams = a.db().read([](db::Conn& c) { return auth::list_teams(c); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : teams) items.push_back(auth::to_json(t));
  return Response::ok({{"items", items}, {"total", items.size()}});
}

Result<Response> create_team(auth::Auth& a, Request& req, const Principal& p) {
  KEHU_TRY(auto body, req.json_object());
  http::Fields f(body);
  auto name = f.text("name", {.required = true, .max = 100});
  auto leader = f.integer("leader_id", {.min = 1});
  KEHU_CHECK(f.finish());
  std::optional<UserId> l;
  if (leader.value) l = UserId(*leader.value);
  KEHU_TRY(auto t, a.db().write([&](db::Conn& c) { return auth::create_team(c, *name.value, l, auth::actor_of(req, p)); }));
  return Response::created(auth::to_json(t));
}

Result<Response> update_team(auth::Auth& a, Request& req, const Principal& p) {
  KEHU_TRY(auto id, req.id_param("id"));
  KEHU_TRY(auto body, req.json_object());
  http::Fields f(body);
  auto name = f.text("name", {.max = 100});
  auto leader = f.integer("leader_id", {.min = 1});
  auto version = f.integer("version", {.required = true, .min = 1});
  if (name.is_null()) f.fail("name", "field.required");
  KEHU_CHECK(f.finish());
  std::optional<std::optional<UserId>> l;
  if (leader.present) l = leader.value ? std::optional<UserId>(UserId(*leader.value)) : std::nullopt;
  KEHU_TRY(auto t, a.db().write([&](db::Conn& c) {
    return auth::update_team(c, TeamId(id), name.value, l, *version.value, auth::actor_of(req, p));
  }));
  return Response::ok(auth::to_json(t));
}

Result<Response> list_audit(auth::Auth& a, Request& req, const Principal& p) {
  audit::Filter f;
  if (auto e = req.query_param("entity"); e && !e->empty()) f.entity = std::string(*e);
  if (auto e = req.query_param("entity_id"); e && !e->empty()) { KEHU_TRY(f.entity_id, parse_id_param(*e, "entity_id")); }
  if (auto u = req.query_param("user_id"); u && !u->empty()) { KEHU_TRY(f.user_id, parse_id_param(*u, "user_id")); }
  KEHU_TRY(auto page, parse_page(req));
  f.limit = page.second;
  f.offset = (page.first - 1) * page.second;
  auto [entries, total] = a.db().read([&](db::Conn& c) { return std::make_pair(audit::list(c, f), audit::count(c, f)); });
  nlohmann::json items = nlohmann::json::array();
  // Auditors read the trail, not the personal data in it; admins see everything anyway.
  const bool mask = !auth::scope_of(p).sees_personal_data;
  for (auto e : entries) {
    if (mask) e.changes = audit::mask_personal(e.changes);
    items.push_back(audit::to_json(e));
  }
  return Response::ok({{"items", std::move(items)}, {"total", total}, {"page", page.first}, {"page_size", page.second}});
}

}  // namespace

void register_routes(http::Router& r, auth::Auth& a) {
  using auth::guard;
  auto bind = [&a](Result<Response> (*fn)(auth::Auth&, Request&, const Principal&)) {
    return [&a, fn](Request& req, const Principal& p) { return fn(a, req, p); };
  };
  const std::initializer_list<Role> admin = {Role::kAdmin};
  r.get("/api/v1/users", guard(a, bind(list_users)));
  r.post("/api/v1/users", guard(a, admin, bind(create_user)));
  r.get("/api/v1/users/{id}", guard(a, bind(get_user)));
  r.patch("/api/v1/users/{id}", guard(a, admin, bind(update_user)));
  r.post("/api/v1/users/{id}/password", guard(a, admin, bind(reset_password)));
  r.get("/api/v1/teams", guard(a, bind(list_teams)));
  r.post("/api/v1/teams", guard(a, admin, bind(create_team)));
  r.patch("/api/v1/teams/{id}", guard(a, admin, bind(update_team)));
  r.get("/api/v1/audit", guard(a, {Role::kAdmin, Role::kAuditor}, bind(list_audit)));
}

}  // namespace kehu::users
