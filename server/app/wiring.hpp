// The composition root: the only place that knows every module.
#pragma once
#include <memory>

#include "modules/customers/customers.hpp"
#include "modules/care/care.hpp"
#include "modules/service/service.hpp"
#include "modules/sales/sales.hpp"
#include "platform/auth/auth.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/jobs/jobs.hpp"

namespace kehu::app {

struct App {
  std::unique_ptr<db::Database> db;
  std::unique_ptr<auth::Auth> auth;
  std::unique_ptr<customers::Module> customers;
  std::unique_ptr<sales::Module> sales;
  std::unique_ptr<care::Module> care;
  std::unique_ptr<service::Module> service;
  http::Router router;
};

// Opens the database, applies migrations, registers every module's messages and routes.
std::unique_ptr<App> build(const std::string& db_path);
void register_messages();
// Every module's scheduled jobs.
std::vector<jobs::Job> all_jobs();

}  // namespace kehu::app
