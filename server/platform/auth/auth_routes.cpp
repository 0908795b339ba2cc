#include "platform/auth/auth_routes.hpp"

#include "platform/auth/accounts.hpp"
#include "platform/http/fields.hpp"

namespace kehu::auth {
namespace {

std::string session_cookie(const std::string& value, int max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

nlohmann::json me_json(db::Database& db, const Principal& p) {
  auto u = db.read([&](db::Conn& c) { return find_user(c, p.user); });
  nlohmann::json j = u ? to_json(*u) : nlohmann::json::object();
  return {{"user", j}, {"csrf_token", p.via_token ? "" : p.csrf_token}};
}

}  // namespace

void register_routes(http::Router& r, Auth& auth) {
  r.post("/api/v1/auth/login", [&auth](http::Request& req) -> Result<http::Response> {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto username = f.text("username", {.required = true, .max = 100});
    auto password = f.text("password", {.required = true, .max = 200, .multiline = true});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto login, auth.login(*username.value, *password.value, audit::Actor{std::nullopt, req.request_id, req.remote_ip}));
    req.actor = std::to_string(login.principal.user.value);
    return http::Response::ok(me_json(auth.db(), login.principal))
        .with_header("Set-Cookie", session_cookie(login.session_token, kSessionSeconds));
  });
  r.post("/api/v1/auth/logout", [&auth](http::Request& req) -> Result<http::Response> {
    KEHU_TRY(auto p, auth.authenticate(req));
    auth.logout(req);
    auth.db().write([&](db::Conn& c) { audit::record(c, actor_of(req, p), "logout", "user", p.user.value); });
    return http::Response::no_content().with_header("Set-Cookie", session_cookie("", 0));
  });
  r.get("/api/v1/auth/me", guard(auth, [&auth](http::Request&, const Principal& p) -> Result<http::Response> {
    return http::Response::ok(me_json(auth.db(), p));
  }, {.allow_pending_password_change = true}));
  r.post("/api/v1/auth/password", guard(auth, [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto old_pw = f.text("old_password", {.required = true, .max = 200, .multiline = true});
    auto new_pw = f.text("new_password", {.required = true, .max = 200, .multiline = true});
    KEHU_CHECK(f.finish());
    KEHU_CHECK(auth.change_password(p, *old_pw.value, *new_pw.value, req));
    return http::Response::no_content();
  }, {.allow_pending_password_change = true}));
  r.get("/api/v1/auth/tokens", guard(auth, [&auth](http::Request&, const Principal& p) -> Result<http::Response> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& t : auth.list_tokens(p))
      items.push_back({{"id", t.id}, {"name", t.name}, {"created_at", t.created_at},
                       {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json()}});
    return http::Response::ok({{"items", std::move(items)}});
  }));
  r.post("/api/v1/auth/tokens", guard(auth, [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto name = f.text("name", {.required = true, .max = 100});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto created, auth.create_token(p, *name.value, actor_of(req, p)));
    return http::Response::created({{"id", created.first.id}, {"name", created.first.name},
                                    {"created_at", created.first.created_at}, {"token", created.second}});
  }));
  r.del("/api/v1/auth/tokens/{id}", guard(auth, [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_CHECK(auth.revoke_token(p, id, actor_of(req, p)));
    return http::Response::no_content();
  }));
}

}  // namespace kehu::auth
