// Sessions, API tokens, login throttling, and the guard every API handler runs behind.
#pragma once
#include <functional>
#include <initializer_list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/http.hpp"

namespace kehu::auth {

constexpr const char* kSessionCookie = "kehu_session";
constexpr int kMaxFailures = 5;              // per account within the window
constexpr int kFailureWindowSeconds = 900;
constexpr int kLockSeconds = 900;
constexpr int kMaxFailuresPerIp = 30;
constexpr int kSessionSeconds = 12 * 3600;
constexpr std::size_t kMinPasswordLength = 10;

struct LoginResult {
  Principal principal;
  std::string session_token;  // goes into the cookie, never stored in clear
};

struct ApiToken {
  std::int64_t id = 0;
  std::string name, created_at;
  std::optional<std::string> last_used_at;
};

class Auth {
 public:
  explicit Auth(db::Database& db) : db_(db) {}

  Result<LoginResult> login(std::string_view username, std::string_view password, const audit::Actor& actor);
  void logout(const http::Request& req);
  // Cookie (with CSRF check on writes) or Bearer token.
  Result<Principal> authenticate(const http::Request& req);
  // Ends the user's other sessions; the session of `req` stays.
  Status change_password(const Principal& p, std::string_view old_password, std::string_view new_password,
                         const http::Request& req);

  Result<std::pair<ApiToken, std::string>> create_token(const Principal& p, std::string_view name, const audit::Actor& actor);
  std::vector<ApiToken> list_tokens(const Principal& p);
  Status revoke_token(const Principal& p, std::int64_t id, const audit::Actor& actor);

  db::Database& db() { return db_; }

 private:
  bool ip_blocked(const std::string& ip);
  void ip_failed(const std::string& ip);
  db::Database& db_;
  std::mutex ip_mutex_;
  std::unordered_map<std::string, std::pair<int, std::int64_t>> ip_failures_;  // count, window start
};

// Checks a new password: length and not only one kind of character.
std::optional<std::string> password_problem(std::string_view password);

audit::Actor actor_of(const http::Request& req, const Principal& p);

struct GuardOptions {
  std::vector<Role> roles;                    // empty: any signed-in role
  bool allow_pending_password_change = false;
};
using AuthedHandler = std::function<Result<http::Response>(http::Request&, const Principal&)>;
http::Handler guard(Auth& auth, AuthedHandler handler, GuardOptions options = {});
inline http::Handler guard(Auth& auth, std::initializer_list<Role> roles, AuthedHandler handler) {
  return guard(auth, std::move(handler), GuardOptions{roles, false});
}

}  // namespace kehu::auth
