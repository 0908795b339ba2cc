// HTTP <-> staff changes at a customer: a contact left, the successor, the history.
#include "modules/care/care_event.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/care/staff_change.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

struct StaffChangeRoutes {
  StaffChangeStore store;

  Result<Response> left(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_left_input(body, today()));
    KEHU_TRY(auto j, store.contact_left(p, id, in, today(), auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> successor(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_successor_input(body));
    KEHU_TRY(auto j, store.set_successor(p, id, in, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.list(auth::scope_of(p), CustomerId(id)));
    return Response::ok(j);
  }
};

}  // namespace

void register_staff_change_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<StaffChangeRoutes>(StaffChangeRoutes{StaffChangeStore(a.db())});
  auto h = [&a, routes](Result<Response> (StaffChangeRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return (routes.get()->*fn)(req, p); });
  };
  r.post("/api/v1/contacts/{id}/left", h(&StaffChangeRoutes::left));
  r.post("/api/v1/staff-changes/{id}/successor", h(&StaffChangeRoutes::successor));
  r.get("/api/v1/customers/{id}/staff-changes", h(&StaffChangeRoutes::list));
}

}  // namespace kehu::care
