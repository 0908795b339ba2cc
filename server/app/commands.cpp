#include "app/commands.hpp"

#include <pthread.h>
#include <unistd.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/demo.hpp"
#include "app/logging.hpp"
#include "app/wiring.hpp"
#include "modules/customers/import_store.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/server.hpp"

namespace kehu::app {
namespace {

const audit::Actor kCli{std::nullopt, "cli", "local"};

std::pair<std::string, std::uint16_t> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0) throw SettingsError("invalid listen address '" + listen + "': expected ADDR:PORT");
  const auto ps = listen.substr(colon + 1);
  auto r = std::from_chars(ps.data(), ps.data() + ps.size(), port);
  if (r.ec != std::errc() || r.ptr != ps.data() + ps.size() || port < 1 || port > 65535)
    throw SettingsError("invalid port in '" + listen + "': expected 1-65535");
  return {listen.substr(0, colon), static_cast<std::uint16_t>(port)};
}

std::unique_ptr<db::Database> open_existing(const Settings& s) {
  if (!std::filesystem::exists(s.db)) throw SettingsError("database '" + s.db + "' does not exist; run `kehu init --db " + s.db + "` first");
  auto db = db::Database::open({.path = s.db, .readers = 1});
  db->migrate(db::sqlite_migrations());
  return db;
}

void setup_clock() {
  if (clock::configure_from_env())
    spdlog::warn("KEHU_TEST_MODE: the clock is fixed at {} (KEHU_NOW); never use this in production",
                 clock::to_iso_utc(clock::now()));
}

}  // namespace

int init(const Settings& s) {
  auth::init_crypto();
  setup_clock();
  app::register_messages();
  auto db = db::Database::open({.path = s.db, .readers = 1});
  db->migrate(db::sqlite_migrations());
  const bool has_users = db->read([](db::Conn& c) { return c.scalar_i64("SELECT count(*) FROM users").value_or(0) > 0; });
  if (has_users) throw SettingsError("database '" + s.db + "' is already initialised");
  const auto password = auth::random_password();
  db->write([&](db::Conn& c) {
    return auth::create_user(c, {"admin", "系统管理员", password, auth::Role::kAdmin, std::nullopt, true}, kCli);
  }).value();
  std::cout << "Created " << s.db << "\n"
            << "First administrator: admin / " << password << "\n"
            << "(shown only now; you must change it at the first sign-in)\n";
  if (s.demo) {
    const auto demo = create_demo(*db, s.demo_customers);
    std::cout << "Demo company created: " << demo.users << " users in " << demo.teams << " teams, " << demo.customers
              << " customers, " << demo.contacts << " contacts, " << demo.products << " products, " << demo.orders
              << " orders, " << demo.plans << " monthly plans, " << demo.contact_logs << " contact logs, " << demo.visits << " visit plans, " << demo.complaints << " complaints, " << demo.service_requests << " service requests, "
              << demo.surveys << " survey answers.\n"
              << "Every demo user (e.g. director `zhao.director`, team lead `wang.lead`, account manager `li.am`) "
              << "signs in with: " << demo.password << "\n";
  }
  return 0;
}

int serve(const Settings& s) {
  setup_logging();
  auth::init_crypto();
  setup_clock();
  auto [address, port] = parse_listen(s.listen);
  if (s.demo && !std::filesystem::exists(s.db)) {
    Settings init_settings = s;
    init(init_settings);
  }
  if (!std::filesystem::exists(s.db)) throw SettingsError("database '" + s.db + "' does not exist; run `kehu init --db " + s.db + "` first");
  std::string web = s.web;
  if (web.empty() && std::filesystem::exists("web/dist/index.html")) web = "web/dist";
  if (!web.empty() && !std::filesystem::exists(std::filesystem::path(web) / "index.html"))
    throw SettingsError("web UI folder '" + web + "' has no index.html; build it with `make web`");

  // Signals go to the waiting thread only.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  auto app = build(s.db);
  http::ServerOptions options;
  options.address = address;
  options.port = port;
  options.static_dir = web;
  options.threads = static_cast<std::size_t>(s.threads);
  http::Server server(options, app->router);
  try {
    server.start();
  } catch (const std::exception& e) {
    throw SettingsError("cannot listen on " + s.listen + ": " + e.what());
  }
  spdlog::info("kehu serving http://{}:{} (database {}, web UI {})", address, port, s.db, web.empty() ? "none" : web);
  // The scheduler: every minute, the due jobs (escalation, return visits…).
  std::mutex mu;
  std::condition_variable cv;
  bool stopping = false;
  std::thread scheduler([&] {
    const auto jobs = all_jobs();
    std::unique_lock lock(mu);
    while (!stopping) {
      lock.unlock();
      try {
        for (const auto& r : jobs::run_due(*app->db, jobs, clock::now()))
          if (r.ran) spdlog::info("job {}: {} changed{}", r.name, r.changed, r.error.empty() ? "" : ", error " + r.error);
      } catch (const std::exception& e) {
        spdlog::error("jobs: {}", e.what());
      }
      lock.lock();
      cv.wait_for(lock, std::chrono::minutes(1), [&] { return stopping; });
    }
  });
  server.wait_for_signal();
  {
    std::lock_guard lock(mu);
    stopping = true;
  }
  cv.notify_all();
  scheduler.join();
  server.stop();
  return 0;
}

int user_add(const Settings& s, const UserArgs& u) {
  auth::init_crypto();
  auto db = open_existing(s);
  auto role = auth::parse_role(u.role);
  if (!role) throw SettingsError("unknown role '" + u.role + "': one of admin, director, manager, account_manager, service, auditor");
  if (auto problem = auth::password_problem(u.password)) throw SettingsError("password too weak: at least 10 characters, not only letters or digits");
  auto r = db->write([&](db::Conn& c) -> Result<auth::User> {
    std::optional<TeamId> team;
    if (!u.team.empty()) {
      if (auto t = auth::find_team_by_name(c, u.team)) team = t->id;
      else {
        KEHU_TRY(auto created, auth::create_team(c, u.team, std::nullopt, kCli));
        team = created.id;
      }
    }
    KEHU_TRY(auto user, auth::create_user(c, {u.username, u.name.empty() ? u.username : u.name, u.password, *role, team, false}, kCli));
    if (*role == auth::Role::kManager && team) {
      auto t = *auth::find_team(c, *team);
      if (!t.leader) KEHU_CHECK(auth::update_team(c, *team, std::nullopt, std::optional<UserId>(user.id), t.version, kCli));
    }
    return user;
  });
  if (!r) throw SettingsError("cannot add user '" + u.username + "': " + r.error().message);
  std::cout << "user " << r->username << " (id " << r->id.value << ", " << auth::role_name(r->role) << ") added\n";
  return 0;
}

int user_passwd(const Settings& s, const UserArgs& u) {
  auth::init_crypto();
  auto db = open_existing(s);
  if (auth::password_problem(u.password)) throw SettingsError("password too weak: at least 10 characters, not only letters or digits");
  auto r = db->write([&](db::Conn& c) -> Status {
    auto user = auth::find_user_by_name(c, u.username);
    if (!user) return not_found();
    return auth::set_password(c, user->id, u.password, u.must_change, kCli);
  });
  if (!r) throw SettingsError("no user '" + u.username + "'");
  std::cout << "password of " << u.username << " changed\n";
  return 0;
}

int user_list(const Settings& s) {
  auto db = open_existing(s);
  auto users = db->read([](db::Conn& c) { return auth::list_users(c, {}); });
  for (const auto& u : users)
    std::cout << u.id.value << "\t" << u.username << "\t" << auth::role_name(u.role) << "\t" << u.team_name << "\t"
              << (u.active ? "active" : "disabled") << "\t" << u.name << "\n";
  return 0;
}

int user_disable(const Settings& s, const UserArgs& u) {
  auto db = open_existing(s);
  auto r = db->write([&](db::Conn& c) -> Result<auth::User> {
    auto user = auth::find_user_by_name(c, u.username);
    if (!user) return not_found();
    auth::UserChange ch;
    ch.active = false;
    ch.version = user->version;
    return auth::update_user(c, user->id, ch, kCli);
  });
  if (!r) throw SettingsError("no user '" + u.username + "'");
  std::cout << "user " << u.username << " disabled\n";
  return 0;
}

int backup(const Settings& s, const std::string& file) {
  if (std::filesystem::exists(file)) throw SettingsError("backup file '" + file + "' already exists");
  auto db = open_existing(s);
  db->backup_to(file);
  std::cout << "backup written to " << file << "\n";
  return 0;
}

int run_jobs(const Settings& s, bool force) {
  setup_clock();
  auto db = open_existing(s);
  register_messages();
  for (const auto& r : jobs::run_due(*db, all_jobs(), clock::now(), force)) {
    nlohmann::json line = {{"job", r.name}, {"ran", r.ran}, {"changed", r.changed}};
    if (!r.error.empty()) line["error"] = r.error;
    std::cout << line.dump() << "\n";
  }
  return 0;
}

int print_routes() {
  const auto dir = std::filesystem::temp_directory_path() / ("kehu-routes-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  spdlog::set_level(spdlog::level::off);  // stdout is the route list: no migration lines in it
  {
    auto app = build((dir / "routes.db").string());
    for (const auto& r : app->router.routes()) std::cout << http::method_name(r.method) << " " << r.pattern << "\n";
  }
  std::filesystem::remove_all(dir);
  return 0;
}

int import_customers(const Settings& s, const ImportArgs& a) {
  setup_clock();
  auto db = open_existing(s);
  register_messages();
  std::ifstream in(a.file, std::ios::binary);
  if (!in) throw SettingsError("cannot read '" + a.file + "'");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto choice = [](const std::string& v, const std::vector<std::string_view>& allowed, const char* name) {
    auto it = std::find(allowed.begin(), allowed.end(), v);
    if (it == allowed.end()) throw SettingsError(std::string("invalid --") + name + " '" + v + "'");
    return static_cast<int>(it - allowed.begin());
  };
  customers::ImportOptions o;
  o.dry_run = a.dry_run;
  o.valid_rows = a.valid_rows;
  o.key = static_cast<customers::DuplicateKey>(choice(a.duplicate_key, customers::kDuplicateKeys, "duplicate-key"));
  o.mode = static_cast<customers::ImportMode>(choice(a.mode, customers::kImportModes, "mode"));
  choice(a.encoding, customers::kImportEncodings, "encoding");
  if (a.encoding != "auto") o.encoding = io::parse_encoding(a.encoding);
  const auto lang = messages::from_accept_language(a.lang);
  auto p = db->read([&](db::Conn& c) -> std::optional<auth::Principal> {
    auto u = auth::find_user_by_name(c, a.as);
    if (!u || !u->active) return std::nullopt;
    auth::Principal p{u->id, u->username, u->name, u->role, u->team};
    if (u->role == auth::Role::kManager)
      if (auto led = auth::team_led_by(c, u->id)) p.team = *led;
    return p;
  });
  if (!p) throw SettingsError("no active user '" + a.as + "'");
  customers::ImportStore store(*db);
  auto r = store.run(*p, bytes.str(), o, audit::Actor{p->user.value, "cli", "local"});
  if (!r) {
    const auto& e = r.error();
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [k, v] : e.fields) fields[k] = customers::translate_key(v, lang);
    std::cout << nlohmann::json{{"error", {{"code", error_code_name(e.code)},
                                           {"message", messages::translate(e.message, lang, e.args)},
                                           {"fields", fields}}}}.dump(2)
              << "\n";
    return 1;
  }
  std::cout << customers::to_json(*r, lang).dump(2) << "\n";
  return !o.dry_run && r->refused ? 1 : 0;
}

}  // namespace kehu::app
