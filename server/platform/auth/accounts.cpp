#include "platform/auth/accounts.hpp"

#include "platform/auth/secrets.hpp"
#include "platform/core/clock.hpp"

namespace kehu::auth {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.name, u.role, u.team_id, coalesce(t.name,''), u.active, u.must_change_password, "
    "u.version, u.created_at, u.updated_at FROM users u LEFT JOIN teams t ON t.id = u.team_id ";
constexpr const char* kInsertUser =
    "INSERT INTO users(username, name, role, team_id, password_hash, must_change_password, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?)";
constexpr const char* kUpdateUser =
    "UPDATE users SET name = ?, role = ?, team_id = ?, active = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND version = ?";
constexpr const char* kSetPassword =
    "UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, "
    "version = version + 1, updated_at = ? WHERE id = ?";
constexpr const char* kEndSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kTeamColumns =
    "SELECT t.id, t.name, t.leader_id, coalesce(l.name,''), (SELECT count(*) FROM users m WHERE m.team_id = t.id), "
    "t.version FROM teams t LEFT JOIN users l ON l.id = t.leader_id ";
constexpr const char* kInsertTeam = "INSERT INTO teams(name, leader_id, created_at, updated_at) VALUES (?,?,?,?)";
constexpr const char* kUpdateTeam =
    "UPDATE teams SET name = ?, leader_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

User user_from(const db::Row& r) {
  User u;
  u.id = UserId(r.i64(0));
  u.username = r.text(1);
  u.name = r.text(2);
  u.role = parse_role(r.text(3)).value_or(Role::kAuditor);
  if (auto t = r.opt_i64(4)) u.team = TeamId(*t);
  u.team_name = r.text(5);
  u.active = r.i64(6) != 0;
  u.must_change_password = r.i64(7) != 0;
  u.version = r.i64(8);
  u.created_at = r.text(9);
  u.updated_at = r.text(10);
  return u;
}

Team team_from(const db::Row& r) {
  Team t;
  t.id = TeamId(r.i64(0));
  t.name = r.text(1);
  if (auto l = r.opt_i64(2)) t.leader = UserId(*l);
  t.leader_name = r.text(3);
  t.member_count = r.i64(4);
  t.version = r.i64(5);
  return t;
}

std::string now_iso() { return clock::to_iso_utc(clock::now()); }

std::optional<std::int64_t> opt_id(const std::optional<TeamId>& t) {
  return t ? std::optional<std::int64_t>(t->value) : std::nullopt;
}

nlohmann::json jid(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

Result<User> create_user(db::Conn& c, const NewUser& u, const audit::Actor& actor) {
  if (find_user_by_name(c, u.username))
    return Error(ErrorCode::kAlreadyExists, "user.username_taken").field("username", "user.username_taken");
  if (u.team && !find_team(c, *u.team))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("team_id", "user.no_such_team");
  const auto now = now_iso();
  const auto id = c.exec(kInsertUser, {u.username, u.name, role_name(u.role), opt_id(u.team), hash_password(u.password),
                                       u.must_change_password, now, now})
                      .last_id;
  audit::record(c, actor, "create", "user", id,
                {{"username", u.username}, {"name", u.name}, {"role", role_name(u.role)}, {"team_id", jid(opt_id(u.team))}});
  return *find_user(c, UserId(id));
}

std::optional<User> find_user(db::Conn& c, UserId id) {
  return c.one(std::string(kUserColumns) + "WHERE u.id = ?", {id.value}, user_from);
}

std::optional<User> find_user_by_name(db::Conn& c, std::string_view username) {
  return c.one(std::string(kUserColumns) + "WHERE u.username = ?", {username}, user_from);
}

std::vector<User> list_users(db::Conn& c, const UserFilter& f) {
  std::optional<std::string> like;
  if (f.q) {
    std::string escaped;
    for (char ch : *f.q) {
      if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    like = "%" + escaped + "%";
  }
  static const std::string kSql = std::string(kUserColumns) +
      "WHERE (?1 IS NULL OR u.name LIKE ?1 ESCAPE '\\' OR u.username LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR u.role = ?2) "
      "AND (?3 IS NULL OR u.team_id = ?3) AND (?4 IS NULL OR u.active = ?4) ORDER BY u.id";
  std::optional<std::string> role;
  if (f.role) role = std::string(role_name(*f.role));
  return c.rows(kSql, {like, role, f.team_id, f.active}, user_from);
}

Result<User> update_user(db::Conn& c, UserId id, const UserChange& ch, const audit::Actor& actor) {
  auto before = find_user(c, id);
  if (!before) return not_found();
  if (before->version != ch.version) return stale_version();
  User after = *before;
  if (ch.name) after.name = *ch.name;
  if (ch.role) after.role = *ch.role;
  if (ch.team) after.team = *ch.team;
  if (ch.active) after.active = *ch.active;
  if (after.team && !find_team(c, *after.team))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("team_id", "user.no_such_team");
  if (c.exec(kUpdateUser, {after.name, role_name(after.role), opt_id(after.team), after.active, now_iso(), id.value, ch.version})
          .changes == 0)
    return stale_version();
  if (!after.active) c.exec(kEndSessions, {id.value});
  auto fresh = *find_user(c, id);
  audit::record(c, actor, "update", "user", id.value, audit::diff(to_json(*before), to_json(fresh)));
  return fresh;
}

Status set_password(db::Conn& c, UserId id, std::string_view password, bool must_change, const audit::Actor& actor) {
  if (c.exec(kSetPassword, {hash_password(password), must_change, now_iso(), id.value}).changes == 0) return not_found();
  c.exec(kEndSessions, {id.value});
  audit::record(c, actor, "password_reset", "user", id.value);
  return ok_status();
}

Result<Team> create_team(db::Conn& c, std::string_view name, std::optional<UserId> leader, const audit::Actor& actor) {
  if (find_team_by_name(c, name)) return Error(ErrorCode::kAlreadyExists, "team.name_taken").field("name", "team.name_taken");
  if (leader && !find_user(c, *leader))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("leader_id", "team.no_such_user");
  const auto now = now_iso();
  std::optional<std::int64_t> leader_id;
  if (leader) leader_id = leader->value;
  const auto id = c.exec(kInsertTeam, {name, leader_id, now, now}).last_id;
  audit::record(c, actor, "create", "team", id, {{"name", name}, {"leader_id", jid(leader_id)}});
  return *find_team(c, TeamId(id));
}

std::vector<Team> list_teams(db::Conn& c) { return c.rows(std::string(kTeamColumns) + "ORDER BY t.id", {}, team_from); }

std::optional<Team> find_team(db::Conn& c, TeamId id) {
  return c.one(std::string(kTeamColumns) + "WHERE t.id = ?", {id.value}, team_from);
}

std::optional<Team> find_team_by_name(db::Conn& c, std::string_view name) {
  return c.one(std::string(kTeamColumns) + "WHERE t.name = ?", {name}, team_from);
}

Result<Team> update_team(db::Conn& c, TeamId id, std::optional<std::string> name,
                         std::optional<std::optional<UserId>> leader, std::int64_t version, const audit::Actor& actor) {
  auto before = find_team(c, id);
  if (!before) return not_found();
  if (before->version != version) return stale_version();
  Team after = *before;
  if (name) after.name = *name;
  if (leader) after.leader = *leader;
  if (after.leader && !find_user(c, *after.leader))
    return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("leader_id", "team.no_such_user");
  if (name && *name != before->name && find_team_by_name(c, *name))
    return Error(ErrorCode::kAlreadyExists, "team.name_taken").field("name", "team.name_taken");
  std::optional<std::int64_t> leader_id;
  if (after.leader) leader_id = after.leader->value;
  if (c.exec(kUpdateTeam, {after.name, leader_id, now_iso(), id.value, version}).changes == 0) return stale_version();
  auto fresh = *find_team(c, id);
  audit::record(c, actor, "update", "team", id.value, audit::diff(to_json(*before), to_json(fresh)));
  return fresh;
}

nlohmann::json to_json(const User& u) {
  return {{"id", u.id.value},
          {"username", u.username},
          {"name", u.name},
          {"role", role_name(u.role)},
          {"team_id", u.team ? nlohmann::json(u.team->value) : nlohmann::json()},
          {"team_name", u.team_name},
          {"active", u.active},
          {"must_change_password", u.must_change_password},
          {"version", u.version},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

nlohmann::json to_json(const Team& t) {
  return {{"id", t.id.value},
          {"name", t.name},
          {"leader_id", t.leader ? nlohmann::json(t.leader->value) : nlohmann::json()},
          {"leader_name", t.leader_name},
          {"member_count", t.member_count},
          {"version", t.version}};
}

std::optional<TeamId> team_led_by(db::Conn& c, UserId user) {
  auto id = c.scalar_i64("SELECT id FROM teams WHERE leader_id = ? ORDER BY id LIMIT 1", {user.value});
  if (!id) return std::nullopt;
  return TeamId(*id);
}

}  // namespace kehu::auth
