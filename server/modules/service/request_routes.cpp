// HTTP <-> service requests, the per-customer service summary, the return-visit settings.
#include <memory>

#include "modules/service/request_params.hpp"
#include "modules/service/request_return_visits.hpp"
#include "modules/service/request_store.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::service {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;
using namespace request_params;

// Who may write requests (the store narrows it down per customer); the auditor only reads.
const std::vector<Role> kWriters = {Role::kAdmin, Role::kDirector, Role::kManager, Role::kAccountManager,
                                    Role::kService};

struct RequestRoutes {
  RequestStore store;
  db::Database& db;

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    const auto day = today();
    KEHU_TRY(auto in, read_request_input(body, InputMode::kCreate, day));
    KEHU_TRY(auto j, store.create(p, in, day, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(p, id, today()));
    return Response::ok(j);
  }

  Result<Response> update(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    const auto day = today();
    KEHU_TRY(auto in, read_request_input(body, InputMode::kUpdate, day));
    KEHU_TRY(auto j, store.update(p, id, in, day, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> done(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    const auto day = today();
    KEHU_TRY(auto in, read_done_input(body, day));
    KEHU_TRY(auto j, store.done(p, id, in, day, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> cancel(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_cancel_input(body));
    KEHU_TRY(auto j, store.cancel(p, id, in, today(), auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    RequestFilter f;
    KEHU_TRY(f.customer_id, id_query(req, "customer_id"));
    KEHU_TRY(f.staff_id, id_query(req, "staff_id"));
    KEHU_TRY(f.type, choice_param(req, "type", kRequestTypes));
    KEHU_TRY(f.status, choice_param(req, "status", kRequestStatuses));
    KEHU_TRY(f.from, date_param(req, "from"));
    KEHU_TRY(f.to, date_param(req, "to"));
    KEHU_TRY(auto mine, flag_param(req, "mine"));
    f.mine = mine.value_or(false);
    KEHU_TRY(f.overdue, flag_param(req, "overdue"));
    KEHU_TRY(auto sort, http::parse_sort(req, kRequestSorts, {"scheduled_on", true}));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.list(p, f, sort, page.first, page.second, today()));
  }

  // The fourteen types with their labels in the caller's language (for pickers).
  Result<Response> types(Request& req, const Principal&) {
    nlohmann::json items = nlohmann::json::array();
    for (auto t : kRequestTypes) {
      const std::string key(t);
      items.push_back({{"key", key},
                       {"label", messages::translate("service.request_type." + key, req.lang)},
                       {"repeatable", t == kRepeatableType}});
    }
    return Response::ok({{"items", std::move(items)}});
  }

  Result<Response> summary(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.summary(p, id, today()));
    return Response::ok(j);
  }

  Result<Response> settings(Request&, const Principal&) {
    return Response::ok(db.read([](db::Conn& c) { return to_json(load_return_visit_settings(c)); }));
  }

  Result<Response> save_settings(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto s, read_return_visit_settings(body));
    KEHU_TRY(auto j, save_return_visit_settings(db, s, auth::actor_of(req, p)));
    return Response::ok(j);
  }
};

}  // namespace

void register_request_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<RequestRoutes>(RequestRoutes{RequestStore(a.db()), a.db()});  // shared by the handlers
  auto h = [&a, routes](Result<Response> (RequestRoutes::*fn)(Request&, const Principal&),
                        std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); },
                       {std::move(roles), false});
  };
  r.get("/api/v1/service-requests", h(&RequestRoutes::list));
  r.post("/api/v1/service-requests", h(&RequestRoutes::create, kWriters));
  r.get("/api/v1/service-requests/types", h(&RequestRoutes::types));
  r.get("/api/v1/service-requests/{id}", h(&RequestRoutes::get));
  r.patch("/api/v1/service-requests/{id}", h(&RequestRoutes::update, kWriters));
  r.post("/api/v1/service-requests/{id}/done", h(&RequestRoutes::done, kWriters));
  r.post("/api/v1/service-requests/{id}/cancel", h(&RequestRoutes::cancel, kWriters));
  r.get("/api/v1/customers/{id}/service-summary", h(&RequestRoutes::summary));
  r.get("/api/v1/service/return-visit-settings", h(&RequestRoutes::settings));
  r.put("/api/v1/service/return-visit-settings", h(&RequestRoutes::save_settings, {Role::kAdmin, Role::kDirector}));
}

std::vector<jobs::Job> request_jobs() {
  jobs::Job return_visits;
  return_visits.name = "service.return_visits";
  return_visits.every = std::chrono::hours(1);
  return_visits.run = [](db::Database& db, clock::TimePoint now) -> Result<std::int64_t> {
    const auto day = clock::local_date(now);
    return db.write([&](db::Conn& c) -> Result<std::int64_t> { return add_order_return_visits(c, day); });
  };
  return {std::move(return_visits)};
}

}  // namespace kehu::service
