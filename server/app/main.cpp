// kehu: the server and the command-line tool.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/calendar_command.hpp"
#include "app/commands.hpp"
#include "app/gen.hpp"

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

  auto* gen = cli.add_subcommand("gen", "Generate a benchmark data set into a new database (deterministic)");
  kehu::app::GenOptions g;
  gen->add_option("--db", g.db, "The new database file")->required();
  gen->add_option("--scale", g.scale, "tiny, W100K or W1M")->check(CLI::IsMember({"tiny", "W100K", "W1M"}));
  gen->add_option("--seed", g.seed, "Random seed (default 42)");
  gen->add_option("--until", g.until, "Last day of the history, YYYY-MM-DD (default today)");
  gen->add_option("--password", g.password, "Password of every generated user (default random, see the manifest)");
  gen->add_option("--import-csv", g.import_csv, "Also write new customers as a CSV file for the import benchmark");
  gen->add_option("--import-rows", g.import_rows, "Rows of that file")->check(CLI::Range(0, 1000000));

  auto* import_cmd = cli.add_subcommand("import", "Import records from files");
  import_cmd->require_subcommand(1);
  kehu::app::ImportArgs imp;
  auto* import_customers = import_cmd->add_subcommand("customers", "Import customers from a CSV file (as POST /api/v1/customers/imports)");
  add_db(import_customers);
  import_customers->add_option("--file", imp.file, "The CSV file")->required();
  import_customers->add_option("--as", imp.as, "Import as this user (scope, owner, audit)")->required();
  import_customers->add_flag("--dry-run", imp.dry_run, "Check and report; store nothing");
  import_customers->add_option("--duplicate-key", imp.duplicate_key, "credit_code, name (default), mobile or email");
  import_customers->add_option("--mode", imp.mode, "skip (default), fill_empty, overwrite or create");
  import_customers->add_flag("--valid-rows", imp.valid_rows, "Store the valid rows even when others are invalid");
  import_customers->add_option("--encoding", imp.encoding, "auto (default), utf-8, gb18030 or big5");
  import_customers->add_option("--lang", imp.lang, "Language of the report's messages: zh-CN (default), zh-TW, en");

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
    if (gen->parsed()) return kehu::app::generate(g);
    if (init->parsed()) return kehu::app::init(s);
    if (uadd->parsed()) return kehu::app::user_add(s, u);
    if (upw->parsed()) return kehu::app::user_passwd(s, u);
    if (ulist->parsed()) return kehu::app::user_list(s);
    if (udis->parsed()) return kehu::app::user_disable(s, u);
    if (backup->parsed()) return kehu::app::backup(s, backup_file);
    if (routes->parsed()) return kehu::app::print_routes();
    if (jobs_run->parsed()) return kehu::app::run_jobs(s, force_jobs);
    if (import_customers->parsed()) return kehu::app::import_customers(s, imp);
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
