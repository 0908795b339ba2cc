// HTTP <-> regional events: preview the customers in a region, create the event and its tasks.
#include "modules/care/care_event.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/care/regional_event.hpp"
#include "platform/http/params.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

struct RegionalEventRoutes {
  RegionalEventStore store;

  Result<Response> preview(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_region_input(body));
    KEHU_TRY(auto j, store.preview(p, in));
    return Response::ok(j);
  }

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_regional_event_input(body, today()));
    KEHU_TRY(auto j, store.create(p, in, today(), auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(p, id));
    return Response::ok(j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    RegionalEventFilter f;
    KEHU_TRY(f.kind, http::choice_query(req, "kind", kRegionalEventKinds));
    if (auto c = req.query_param("province_code"); c && !c->empty()) f.province_code = std::string(*c);
    KEHU_TRY(auto page, http::parse_page(req));
    f.page = page.first;
    f.page_size = page.second;
    return Response::ok(store.list(p, f));
  }
};

}  // namespace

void register_regional_event_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<RegionalEventRoutes>(RegionalEventRoutes{RegionalEventStore(a.db())});
  auto h = [&a, routes](Result<Response> (RegionalEventRoutes::*fn)(Request&, const Principal&),
                        std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return (routes.get()->*fn)(req, p); },
                       {roles, false});
  };
  // Creating (and previewing) is for those who look after customers; everyone may read.
  const std::vector<Role> carers = {Role::kAdmin, Role::kDirector, Role::kManager, Role::kAccountManager};
  r.get("/api/v1/regional-events", h(&RegionalEventRoutes::list));
  r.post("/api/v1/regional-events", h(&RegionalEventRoutes::create, carers));
  r.post("/api/v1/regional-events/preview", h(&RegionalEventRoutes::preview, carers));
  r.get("/api/v1/regional-events/{id}", h(&RegionalEventRoutes::get));
}

}  // namespace kehu::care
