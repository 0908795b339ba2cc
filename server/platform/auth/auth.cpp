#include "platform/auth/auth.hpp"

#include <algorithm>

#include "platform/auth/secrets.hpp"
#include "platform/core/clock.hpp"

namespace kehu::auth {
namespace {

constexpr const char* kUserByName =
    "SELECT id, username, name, role, team_id, password_hash, must_change_password, active, failed_logins, "
    "first_failed_at, locked_until FROM users WHERE username = ?";
constexpr const char* kRecordFailure =
    "UPDATE users SET failed_logins = ?, first_failed_at = ?, locked_until = ? WHERE id = ?";
constexpr const char* kResetFailures =
    "UPDATE users SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL WHERE id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?,?,?,?,?)";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteExpired = "DELETE FROM sessions WHERE expires_at < ?";
constexpr const char* kSessionPrincipal =
    "SELECT u.id, u.username, u.name, u.role, CASE WHEN u.role = 'manager' THEN coalesce((SELECT id FROM teams WHERE leader_id = u.id ORDER BY id LIMIT 1), u.team_id) ELSE u.team_id END, u.must_change_password, s.csrf_token "
    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1";
constexpr const char* kTokenPrincipal =
    "SELECT u.id, u.username, u.name, u.role, CASE WHEN u.role = 'manager' THEN coalesce((SELECT id FROM teams WHERE leader_id = u.id ORDER BY id LIMIT 1), u.team_id) ELSE u.team_id END, u.must_change_password, t.id, t.last_used_at "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = 1";
constexpr const char* kTouchToken = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?";
constexpr const char* kPasswordHash = "SELECT password_hash FROM users WHERE id = ?";
constexpr const char* kSetPassword =
    "UPDATE users SET password_hash = ?, must_change_password = 0, version = version + 1, updated_at = ? WHERE id = ?";
constexpr const char* kDeleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr const char* kInsertToken =
    "INSERT INTO api_tokens(user_id, name, token_hash, created_at) VALUES (?,?,?,?)";
constexpr const char* kListTokens =
    "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY id";
constexpr const char* kRevokeToken =
    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL";

Principal principal_from(const db::Row& r) {
  Principal p;
  p.user = UserId(r.i64(0));
  p.username = r.text(1);
  p.name = r.text(2);
  p.role = parse_role(r.text(3)).value_or(Role::kAuditor);
  if (auto t = r.opt_i64(4)) p.team = TeamId(*t);
  p.must_change_password = r.i64(5) != 0;
  return p;
}

Error unauthenticated() { return Error(ErrorCode::kUnauthenticated, "auth.unauthenticated"); }

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength) return "auth.password_too_short|min=" + std::to_string(kMinPasswordLength);
  if (password.size() > 200) return "field.too_long|max=200";
  const bool all_digits = std::all_of(password.begin(), password.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool all_alpha = std::all_of(password.begin(), password.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (all_digits || all_alpha) return "auth.password_too_simple";
  return std::nullopt;
}

bool Auth::ip_blocked(const std::string& ip) {
  std::lock_guard lock(ip_mutex_);
  auto it = ip_failures_.find(ip);
  if (it == ip_failures_.end()) return false;
  const auto now = clock::unix_seconds(clock::now());
  if (now - it->second.second > kFailureWindowSeconds) {
    ip_failures_.erase(it);
    return false;
  }
  return it->second.first >= kMaxFailuresPerIp;
}

void Auth::ip_failed(const std::string& ip) {
  std::lock_guard lock(ip_mutex_);
  const auto now = clock::unix_seconds(clock::now());
  auto& [count, start] = ip_failures_[ip];
  if (now - start > kFailureWindowSeconds) {
    count = 0;
    start = now;
  }
  ++count;
  if (ip_failures_.size() > 100000) ip_failures_.clear();  // bounded memory under a spray
}

Result<LoginResult> Auth::login(std::string_view username, std::string_view password, const audit::Actor& actor) {
  if (ip_blocked(actor.ip)) return Error(ErrorCode::kRateLimited, "auth.too_many_attempts");
  struct Row {
    Principal p;
    std::string hash;
    bool active;
    std::int64_t failures;
    std::optional<std::int64_t> first_failed, locked_until;
  };
  auto row = db_.read([&](db::Conn& c) {
    return c.one(kUserByName, {username}, [](const db::Row& r) {
      Row x;
      x.p.user = UserId(r.i64(0));
      x.p.username = r.text(1);
      x.p.name = r.text(2);
      x.p.role = parse_role(r.text(3)).value_or(Role::kAuditor);
      if (auto t = r.opt_i64(4)) x.p.team = TeamId(*t);
      x.hash = r.text(5);
      x.p.must_change_password = r.i64(6) != 0;
      x.active = r.i64(7) != 0;
      x.failures = r.i64(8);
      x.first_failed = r.opt_i64(9);
      x.locked_until = r.opt_i64(10);
      return x;
    });
  });
  const auto now = clock::unix_seconds(clock::now());
  if (!row) {
    // Same work as a real check so that timing does not tell which usernames exist.
    (void)verify_password("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY", password);
    ip_failed(actor.ip);
    return unauthenticated();
  }
  if (row->locked_until && *row->locked_until > now) {
    return Error(ErrorCode::kLocked, "auth.locked").arg("minutes", std::to_string((*row->locked_until - now + 59) / 60));
  }
  if (!row->active || !verify_password(row->hash, password)) {
    ip_failed(actor.ip);
    const bool window_open = row->first_failed && now - *row->first_failed <= kFailureWindowSeconds;
    const std::int64_t failures = window_open ? row->failures + 1 : 1;
    const std::int64_t first = window_open ? *row->first_failed : now;
    const bool lock = failures >= kMaxFailures;
    db_.write([&](db::Conn& c) {
      c.exec(kRecordFailure, {lock ? 0 : failures, lock ? std::optional<std::int64_t>() : first,
                              lock ? std::optional<std::int64_t>(now + kLockSeconds) : std::optional<std::int64_t>(),
                              row->p.user.value});
      audit::Actor a = actor;
      a.user_id = row->p.user.value;
      audit::record(c, a, lock ? "locked" : "login_failed", "user", row->p.user.value,
                    {{"failures", failures}});
    });
    if (lock) return Error(ErrorCode::kLocked, "auth.locked").arg("minutes", std::to_string(kLockSeconds / 60));
    return unauthenticated();
  }
  LoginResult out;
  out.principal = row->p;
  out.session_token = random_token();
  out.principal.csrf_token = random_token();
  db_.write([&](db::Conn& c) {
    c.exec(kDeleteExpired, {now});
    c.exec(kResetFailures, {row->p.user.value});
    c.exec(kInsertSession, {token_digest(out.session_token), row->p.user.value, out.principal.csrf_token, now,
                            now + kSessionSeconds});
    audit::Actor a = actor;
    a.user_id = row->p.user.value;
    audit::record(c, a, "login", "user", row->p.user.value);
  });
  return out;
}

void Auth::logout(const http::Request& req) {
  auto token = req.cookie(kSessionCookie);
  if (!token) return;
  db_.write([&](db::Conn& c) { c.exec(kDeleteSession, {token_digest(*token)}); });
}

Result<Principal> Auth::authenticate(const http::Request& req) {
  const auto now = clock::unix_seconds(clock::now());
  if (auto authz = req.header("authorization"); authz && authz->substr(0, 7) == "Bearer ") {
    const std::string digest = token_digest(authz->substr(7));
    std::optional<std::string> last_used;
    std::int64_t token_id = 0;
    auto p = db_.read([&](db::Conn& c) {
      return c.one(kTokenPrincipal, {digest}, [&](const db::Row& r) {
        token_id = r.i64(6);
        last_used = r.opt_text(7);
        return principal_from(r);
      });
    });
    if (!p) return unauthenticated();
    p->via_token = true;
    const auto stamp = clock::to_iso_utc(clock::now());
    if (!last_used || last_used->substr(0, 15) != stamp.substr(0, 15))  // at most every ten minutes
      db_.write([&](db::Conn& c) { c.exec(kTouchToken, {stamp, token_id}); });
    return std::move(*p);
  }
  auto token = req.cookie(kSessionCookie);
  if (!token) return unauthenticated();
  auto p = db_.read([&](db::Conn& c) {
    return c.one(kSessionPrincipal, {token_digest(*token), now}, [](const db::Row& r) {
      Principal x = principal_from(r);
      x.csrf_token = r.text(6);
      return x;
    });
  });
  if (!p) return unauthenticated();
  if (http::is_write(req.method)) {
    auto csrf = req.header("x-csrf-token");
    if (!csrf || !constant_time_equal(*csrf, p->csrf_token)) return Error(ErrorCode::kCsrfFailed, "auth.csrf_failed");
  }
  return std::move(*p);
}

Status Auth::change_password(const Principal& p, std::string_view old_password, std::string_view new_password,
                             const http::Request& req) {
  const auto actor = actor_of(req, p);
  const auto cookie = req.cookie(kSessionCookie);
  const std::string current = cookie ? token_digest(*cookie) : std::string();
  auto hash = db_.read([&](db::Conn& c) { return c.scalar_text(kPasswordHash, {p.user.value}); });
  if (!hash || !verify_password(*hash, old_password))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("old_password", "auth.wrong_password");
  if (auto problem = password_problem(new_password))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("new_password", *problem);
  if (old_password == new_password)
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("new_password", "auth.password_unchanged");
  const auto new_hash = hash_password(new_password);
  db_.write([&](db::Conn& c) {
    c.exec(kSetPassword, {new_hash, clock::to_iso_utc(clock::now()), p.user.value});
    // Other sessions of this user end; the current one stays.
    c.exec(kDeleteOtherSessions, {p.user.value, current});
    audit::record(c, actor, "password_changed", "user", p.user.value);
  });
  return ok_status();
}

Result<std::pair<ApiToken, std::string>> Auth::create_token(const Principal& p, std::string_view name,
                                                            const audit::Actor& actor) {
  const std::string token = "kehu_" + random_token();
  ApiToken t;
  t.name = std::string(name);
  t.created_at = clock::to_iso_utc(clock::now());
  db_.write([&](db::Conn& c) {
    t.id = c.exec(kInsertToken, {p.user.value, name, token_digest(token), t.created_at}).last_id;
    audit::record(c, actor, "create", "api_token", t.id, {{"name", t.name}});
  });
  return std::make_pair(t, token);
}

std::vector<ApiToken> Auth::list_tokens(const Principal& p) {
  return db_.read([&](db::Conn& c) {
    return c.rows(kListTokens, {p.user.value}, [](const db::Row& r) {
      return ApiToken{r.i64(0), r.text(1), r.text(2), r.opt_text(3)};
    });
  });
}

Status Auth::revoke_token(const Principal& p, std::int64_t id, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    if (c.exec(kRevokeToken, {clock::to_iso_utc(clock::now()), id, p.user.value}).changes == 0) return not_found();
    audit::record(c, actor, "revoke", "api_token", id);
    return ok_status();
  });
}

audit::Actor actor_of(const http::Request& req, const Principal& p) {
  return audit::Actor{p.user.value, req.request_id, req.remote_ip};
}

http::Handler guard(Auth& auth, AuthedHandler handler, GuardOptions options) {
  return [&auth, handler = std::move(handler), options = std::move(options)](http::Request& req) -> Result<http::Response> {
    // The caller's principal and the handler's reads come from one snapshot (issue 6).
    db::Database::ReadScope reads(auth.db());
    KEHU_TRY(Principal p, auth.authenticate(req));
    req.actor = std::to_string(p.user.value);
    if (p.must_change_password && !options.allow_pending_password_change)
      return Error(ErrorCode::kPasswordChangeRequired, "auth.password_change_required");
    if (!options.roles.empty() && std::find(options.roles.begin(), options.roles.end(), p.role) == options.roles.end())
      return forbidden();
    return handler(req, p);
  };
}

}  // namespace kehu::auth
