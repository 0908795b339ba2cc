// HTTP <-> care tasks, the today list, the overdue list and the care settings.
#include <memory>

#include "modules/care/care_internal.hpp"
#include "platform/http/params.hpp"
#include "modules/care/task.hpp"
#include "modules/care/task_store.hpp"
#include "platform/http/fields.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

const std::vector<std::string_view> kTaskStatuses = {"open", "done", "dismissed"};

struct TaskRoutes {
  TaskStore store;

  Result<Response> today_list(Request&, const Principal& p) { return Response::ok(store.today(p, today())); }

  Result<Response> list(Request& req, const Principal& p) {
    TaskFilter f;
    KEHU_TRY(f.status, http::choice_query(req, "status", kTaskStatuses));
    KEHU_TRY(f.kind, http::choice_query(req, "kind", kTaskKinds));
    KEHU_TRY(f.due_before, http::date_query(req, "due_before"));
    KEHU_TRY(f.customer_id, http::id_query(req, "customer_id"));
    KEHU_TRY(f.user_id, http::id_query(req, "user_id"));
    KEHU_TRY(f.team, http::flag_query(req, "team"));
    KEHU_TRY(auto page, http::parse_page(req));
    store.sweep(p.user, today(), false);
    return Response::ok(store.list(p, f, page.first, page.second));
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(p, id));
    return Response::ok(j);
  }

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto customer = f.integer("customer_id", {.required = true, .min = 1});
    auto text = f.text("text", {.required = true, .max = 500, .multiline = true});
    auto due = f.date("due_date", true);
    if (due.value && *due.value < today()) f.fail("due_date", "care.due_in_past");
    if (due.value && due.value->year > 2100) f.fail("due_date", "field.invalid_date");
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.add_follow_up(p, *customer.value, *text.value, *due.value, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> close(Request& req, const Principal& p, bool done) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto version = f.integer("version", {.required = true, .min = 1});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.close(p, id, done, *version.value, auth::actor_of(req, p)));
    return Response::ok(j);
  }
  Result<Response> done(Request& req, const Principal& p) { return close(req, p, true); }
  Result<Response> dismiss(Request& req, const Principal& p) { return close(req, p, false); }

  Result<Response> refresh(Request&, const Principal& p) {
    return Response::ok({{"made", store.sweep(p.user, today(), true)}});
  }

  Result<Response> overdue(Request& req, const Principal& p) {
    OverdueFilter f;
    KEHU_TRY(f.owner_id, http::id_query(req, "owner_id"));
    KEHU_TRY(f.mine, http::flag_query(req, "mine"));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.overdue(p, f, today(), page.first, page.second));
  }

  Result<Response> customer_care(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.customer_summary(p, id, today()));
    return Response::ok(j);
  }

  Result<Response> settings(Request&, const Principal&) { return Response::ok(store.settings()); }

  Result<Response> save_settings(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    std::int64_t version = 0;
    KEHU_TRY(auto s, read_settings_input(body, version));
    KEHU_TRY(auto j, store.save_settings(s, version, auth::actor_of(req, p)));
    return Response::ok(j);
  }
};

}  // namespace

void register_task_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<TaskRoutes>(TaskRoutes{TaskStore(a.db())});
  auto h = [&a, routes](Result<Response> (TaskRoutes::*fn)(Request&, const Principal&), std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); }, {roles, false});
  };
  r.get("/api/v1/today", h(&TaskRoutes::today_list));
  r.get("/api/v1/tasks", h(&TaskRoutes::list));
  r.post("/api/v1/tasks", h(&TaskRoutes::create));
  r.post("/api/v1/tasks/refresh", h(&TaskRoutes::refresh));
  r.get("/api/v1/tasks/{id}", h(&TaskRoutes::get));
  r.post("/api/v1/tasks/{id}/done", h(&TaskRoutes::done));
  r.post("/api/v1/tasks/{id}/dismiss", h(&TaskRoutes::dismiss));
  r.get("/api/v1/care/overdue", h(&TaskRoutes::overdue));
  r.get("/api/v1/customers/{id}/care", h(&TaskRoutes::customer_care));
  r.get("/api/v1/care/settings", h(&TaskRoutes::settings));
  r.put("/api/v1/care/settings", h(&TaskRoutes::save_settings, {Role::kAdmin, Role::kDirector}));
}

}  // namespace kehu::care
