// Users and teams: the people who sign in, and who leads whom. Used by the CLI and by the
// users module's admin routes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"

namespace kehu::auth {

struct User {
  UserId id;
  std::string username, name;
  Role role = Role::kAccountManager;
  std::optional<TeamId> team;
  std::string team_name;
  bool active = true;
  bool must_change_password = false;
  std::int64_t version = 1;
  std::string created_at, updated_at;
};

struct Team {
  TeamId id;
  std::string name;
  std::optional<UserId> leader;
  std::string leader_name;
  std::int64_t member_count = 0;
  std::int64_t version = 1;
};

struct NewUser {
  std::string username, name, password;
  Role role = Role::kAccountManager;
  std::optional<TeamId> team;
  bool must_change_password = false;
};

struct UserFilter {
  std::optional<std::string> q;
  std::optional<Role> role;
  std::optional<std::int64_t> team_id;
  std::optional<bool> active;
};

struct UserChange {
  std::optional<std::string> name;
  std::optional<Role> role;
  std::optional<std::optional<TeamId>> team;
  std::optional<bool> active;
  std::int64_t version = 0;
};

Result<User> create_user(db::Conn& c, const NewUser& u, const audit::Actor& actor);
std::optional<User> find_user(db::Conn& c, UserId id);
std::optional<User> find_user_by_name(db::Conn& c, std::string_view username);
std::vector<User> list_users(db::Conn& c, const UserFilter& f);
Result<User> update_user(db::Conn& c, UserId id, const UserChange& change, const audit::Actor& actor);
// Sets a new password; `must_change` forces a change at next login. Ends the user's sessions.
Status set_password(db::Conn& c, UserId id, std::string_view password, bool must_change, const audit::Actor& actor);

Result<Team> create_team(db::Conn& c, std::string_view name, std::optional<UserId> leader, const audit::Actor& actor);
std::vector<Team> list_teams(db::Conn& c);
std::optional<Team> find_team(db::Conn& c, TeamId id);
std::optional<Team> find_team_by_name(db::Conn& c, std::string_view name);
Result<Team> update_team(db::Conn& c, TeamId id, std::optional<std::string> name,
                         std::optional<std::optional<UserId>> leader, std::int64_t version, const audit::Actor& actor);

nlohmann::json to_json(const User& u);
nlohmann::json to_json(const Team& t);
// The team a manager leads, if any (a manager's scope is the team they lead or belong to).
std::optional<TeamId> team_led_by(db::Conn& c, UserId user);

}  // namespace kehu::auth
