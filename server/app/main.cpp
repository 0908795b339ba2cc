// kehu: the server and the command-line tool.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/calendar_command.hpp"
#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"kehu 客户 — customer relationship management"};
  cli.require_subcommand(1);
  cli.set_config("--config", "", "Read settings from a TOML/INI file (KEHU_CONFIG)")->envname("KEHU_CONFIG");
  kehu::app::Settings s;
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", s.db, "SQLite database file (KEHU_DB)")->envname("KEHU_DB");
  };

  auto* serve = cli.add_subcommand("serve", "Serve the API and the web UI");
  add_db(serve);
  serve->add_option("--listen", s.listen, "ADDR:PORT to listen on (KEHU_LISTEN)")->envname("KEHU_LISTEN");
  serve->add_option("--web", s.web, "Folder of the built web UI (KEHU_WEB)")->envname("KEHU_WEB");
  serve->add_option("--threads", s.threads, "HTTP worker threads (KEHU_THREADS)")->envname("KEHU_THREADS")->check(CLI::Range(1, 64));
  serve->add_flag("--demo", s.demo, "Create a demo database first when the file does not exist");

  auto* init = cli.add_subcommand("init", "Create a database and the first admin");
  add_db(init);
  init->add_flag("--demo", s.demo, "Fill it with a believable demo company");
  init->add_option("--demo-customers", s.demo_customers, "How many demo customers (default 2000)")->check(CLI::Range(1, 2000000));

  auto* user = cli.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  kehu::app::UserArgs u;
  auto* uadd = user->add_subcommand("add", "Add a user");
  add_db(uadd);
  uadd->add_option("--username", u.username)->required();
  uadd->add_option("--password", u.password)->required();
  uadd->add_option("--role", u.role)->required();
  uadd->add_option("--team", u.team, "Team name (created when missing)");
  uadd->add_option("--name", u.name);
  auto* upw = user->add_subcommand("passwd", "Set a user's password");
  add_db(upw);
  upw->add_option("--username", u.username)->required();
  upw->add_option("--password", u.password)->required();
  upw->add_flag("--must-change", u.must_change);
  auto* ulist = user->add_subcommand("list", "List users");
  add_db(ulist);
  auto* udis = user->add_subcommand("disable", "Disable a user");
  add_db(udis);
  udis->add_option("--username", u.username)->required();

  auto* backup = cli.add_subcommand("backup", "Online backup of the database to FILE");
  add_db(backup);
  std::string backup_file;
  backup->add_option("FILE", backup_file)->required();

  auto* jobs = cli.add_subcommand("jobs", "Scheduled jobs");
  jobs->require_subcommand(1);
  auto* jobs_run = jobs->add_subcommand("run", "Run every due job once and exit (the server runs them every minute)");
  add_db(jobs_run);
  bool force_jobs = false;
  jobs_run->add_flag("--force", force_jobs, "Run every job, due or not");

  cli.add_subcommand("version", "Print the version");
  auto* routes = cli.add_subcommand("routes", "Print every API route (for the OpenAPI check)");
  kehu::app::CalendarCommand calendar(cli);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    if (serve->parsed()) return kehu::app::serve(s);
    if (init->parsed()) return kehu::app::init(s);
    if (uadd->parsed()) return kehu::app::user_add(s, u);
    if (upw->parsed()) return kehu::app::user_passwd(s, u);
    if (ulist->parsed()) return kehu::app::user_list(s);
    if (udis->parsed()) return kehu::app::user_disable(s, u);
    if (backup->parsed()) return kehu::app::backup(s, backup_file);
    if (routes->parsed()) return kehu::app::print_routes();
    if (jobs_run->parsed()) return kehu::app::run_jobs(s, force_jobs);
    if (calendar.parsed()) return calendar.run();
    std::cout << "kehu " << KEHU_VERSION << "\n";
    return 0;
  } catch (const kehu::app::SettingsError& e) {
    std::cerr << "kehu: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kehu: " << e.what() << "\n";
    return 1;
  }
}
