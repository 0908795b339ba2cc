#include "app/wiring.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "modules/calendar/calendar.hpp"
#include "modules/care/care.hpp"
#include "modules/notify/notify.hpp"
#include "modules/service/service.hpp"
#include "modules/customers/customers.hpp"
#include "modules/users/user_routes.hpp"
#include "platform/auth/auth_messages.hpp"
#include "platform/auth/auth_routes.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/messages.hpp"

namespace kehu::app {

const std::string& openapi_json();  // docs/openapi.json, compiled in

void register_messages() {
  http::register_messages();
  auth::register_messages();
  customers::register_messages();
  sales::register_messages();
  calendar::register_messages();
  care::register_messages();
  service::register_messages();
}

std::vector<jobs::Job> all_jobs() { return service::jobs(); }

namespace {

// The server's migrations one at a time, each logged before and after: one that rebuilds an
// index (0016: about 3.5 minutes at a million customers) would otherwise leave a server that
// neither listens nor says why.
void migrate_logged(db::Database& db) {
  const int current = db.schema_version();
  for (const auto& m : db::sqlite_migrations()) {
    if (m.version <= current) continue;
    spdlog::info("migration {}: applying (the server listens when the migrations are done)", m.name);
    const auto started = std::chrono::steady_clock::now();
    db.migrate({m});
    spdlog::info("migration {}: applied in {:.1f} s", m.name,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
}

}  // namespace

std::unique_ptr<App> build(const std::string& db_path) {
  auto app = std::make_unique<App>();
  app->db = db::Database::open({.path = db_path});
  migrate_logged(*app->db);
  app->auth = std::make_unique<auth::Auth>(*app->db);
  register_messages();

  auto& r = app->router;
  r.get("/healthz", [](http::Request&) -> Result<http::Response> { return http::Response::ok({{"status", "ok"}}); });
  db::Database* db = app->db.get();
  r.get("/readyz", [db](http::Request&) -> Result<http::Response> {
    if (!db->ping()) return Error(ErrorCode::kInternal, "error.internal");
    return http::Response::ok({{"status", "ready"}});
  });
  r.get("/api/v1/openapi.json", [](http::Request&) -> Result<http::Response> {
    http::Response res;
    res.body = openapi_json();
    res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    return res;
  });
  auth::register_routes(r, *app->auth);
  users::register_routes(r, *app->auth);
  app->customers = std::make_unique<customers::Module>(*app->auth);
  app->customers->register_routes(r);
  app->sales = std::make_unique<sales::Module>(*app->auth);
  app->sales->register_routes(r);
  calendar::register_routes(r, *app->auth);
  app->care = std::make_unique<care::Module>(*app->auth);
  app->care->register_routes(r);
  notify::register_routes(r, *app->auth);
  app->service = std::make_unique<service::Module>(*app->auth);
  app->service->register_routes(r);
  return app;
}

}  // namespace kehu::app
