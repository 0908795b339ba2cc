// HTTP <-> customer milestones and personal events; register_event_routes registers the
// three kinds of events (milestones, regional events, staff changes).
#include "modules/care/care_event.hpp"
#include "modules/care/care_internal.hpp"
#include "platform/http/params.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

struct CareEventRoutes {
  CareEventStore store;

  Result<Response> list(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.list(auth::scope_of(p), CustomerId(id)));
    return Response::ok(j);
  }

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_care_event_input(body));
    KEHU_TRY(auto j, store.create(p, CustomerId(id), in, today(), auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> update(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto ch, read_care_event_change(body));
    KEHU_TRY(auto j, store.update(auth::scope_of(p), id, ch, today(), auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> remove(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    auto v = req.query_param("version");
    if (!v) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("version", "field.required");
    KEHU_TRY(auto version, http::parse_id_param(*v, "version"));
    KEHU_CHECK(store.remove(auth::scope_of(p), id, version, auth::actor_of(req, p)));
    return Response::no_content();
  }
};

}  // namespace

void register_care_event_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<CareEventRoutes>(CareEventRoutes{CareEventStore(a.db())});
  auto h = [&a, routes](Result<Response> (CareEventRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return (routes.get()->*fn)(req, p); });
  };
  r.get("/api/v1/customers/{id}/care-events", h(&CareEventRoutes::list));
  r.post("/api/v1/customers/{id}/care-events", h(&CareEventRoutes::create));
  r.patch("/api/v1/care-events/{id}", h(&CareEventRoutes::update));
  r.del("/api/v1/care-events/{id}", h(&CareEventRoutes::remove));
}

void register_event_routes(http::Router& r, auth::Auth& a) {
  register_care_event_routes(r, a);
  register_regional_event_routes(r, a);
  register_staff_change_routes(r, a);
}

}  // namespace kehu::care
