#pragma once
#include <stdexcept>
#include <string>

namespace kehu::app {

struct Settings {
  std::string db = "kehu.db";
  std::string listen = "127.0.0.1:8080";
  std::string web;  // default: web/dist beside the working directory, if present
  int threads = 4;
  bool demo = false;
  int demo_customers = 2000;
};

struct UserArgs {
  std::string username, password, role, team, name;
  bool must_change = false;
};

// A bad setting: printed as one line, exit code 2.
struct SettingsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int serve(const Settings& s);
int init(const Settings& s);
int user_add(const Settings& s, const UserArgs& u);
int user_passwd(const Settings& s, const UserArgs& u);
int user_list(const Settings& s);
int user_disable(const Settings& s, const UserArgs& u);
int backup(const Settings& s, const std::string& file);
int print_routes();
// Runs the due scheduled jobs once; prints one JSON line per job.
int run_jobs(const Settings& s, bool force);

}  // namespace kehu::app
