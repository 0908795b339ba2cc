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

struct ImportArgs {
  std::string file, as, duplicate_key = "name", mode = "skip", encoding = "auto", lang = "zh-CN";
  bool dry_run = false, valid_rows = false;
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
// `kehu import customers`: the same import as POST /api/v1/customers/imports, as user
// `as`; prints the report (JSON). Exit 0 when imported (or a dry run), 1 when refused or
// the file cannot be read as an import (the error as JSON).
int import_customers(const Settings& s, const ImportArgs& a);
// Runs the due scheduled jobs once; prints one JSON line per job.
int run_jobs(const Settings& s, bool force);

}  // namespace kehu::app
