// HTTP <-> contact logs and promises.
#include <memory>

#include "modules/care/care_internal.hpp"
#include "platform/http/params.hpp"
#include "modules/care/contact_log_store.hpp"
#include "platform/http/fields.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

const std::vector<std::string_view> kPromiseStatuses = {"open", "kept", "dropped"};

struct LogRoutes {
  LogStore store;

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_log_input(body, LogMode::kCreate, clock::now()));
    KEHU_TRY(auto j, store.create(p, in, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(auth::scope_of(p), id));
    return Response::ok(j);
  }

  Result<Response> update(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_log_input(body, LogMode::kUpdate, clock::now()));
    KEHU_TRY(auto j, store.update(p, id, in, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> remove(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto version, http::id_query(req, "version"));
    if (!version) return http::bad_query("version", "field.required");
    KEHU_CHECK(store.remove(p, id, *version, auth::actor_of(req, p)));
    return Response::no_content();
  }

  Result<Response> list(Request& req, const Principal& p) {
    LogFilter f;
    KEHU_TRY(f.customer_id, http::id_query(req, "customer_id"));
    KEHU_TRY(f.user_id, http::id_query(req, "user_id"));
    KEHU_TRY(f.kind, http::choice_query(req, "kind", kContactKinds));
    KEHU_TRY(f.from, http::date_query(req, "from"));
    KEHU_TRY(f.to, http::date_query(req, "to"));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.list(auth::scope_of(p), f, page.first, page.second));
  }

  Result<Response> add_promise(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    std::int64_t customer = 0;
    KEHU_TRY(auto in, read_promise_input(body, today(), customer));
    KEHU_TRY(auto j, store.add_promise(p, customer, in, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> close_promise(Request& req, const Principal& p, bool kept) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto version = f.integer("version", {.required = true, .min = 1});
    auto note = f.text("note", {.required = !kept, .max = 500, .multiline = true});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.close_promise(p, id, kept, *version.value, note.value, auth::actor_of(req, p)));
    return Response::ok(j);
  }
  Result<Response> keep(Request& req, const Principal& p) { return close_promise(req, p, true); }
  Result<Response> drop(Request& req, const Principal& p) { return close_promise(req, p, false); }

  Result<Response> promises(Request& req, const Principal& p) {
    PromiseFilter f;
    KEHU_TRY(f.customer_id, http::id_query(req, "customer_id"));
    KEHU_TRY(f.status, http::choice_query(req, "status", kPromiseStatuses));
    KEHU_TRY(f.due_before, http::date_query(req, "due_before"));
    KEHU_TRY(f.mine, http::flag_query(req, "mine"));
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.promises(p, f, page.first, page.second));
  }
};

}  // namespace

void register_log_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<LogRoutes>(LogRoutes{LogStore(a.db())});  // shared by the handlers
  auto h = [&a, routes](Result<Response> (LogRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); });
  };
  r.get("/api/v1/contact-logs", h(&LogRoutes::list));
  r.post("/api/v1/contact-logs", h(&LogRoutes::create));
  r.get("/api/v1/contact-logs/{id}", h(&LogRoutes::get));
  r.patch("/api/v1/contact-logs/{id}", h(&LogRoutes::update));
  r.del("/api/v1/contact-logs/{id}", h(&LogRoutes::remove));
  r.get("/api/v1/promises", h(&LogRoutes::promises));
  r.post("/api/v1/promises", h(&LogRoutes::add_promise));
  r.post("/api/v1/promises/{id}/keep", h(&LogRoutes::keep));
  r.post("/api/v1/promises/{id}/drop", h(&LogRoutes::drop));
}

}  // namespace kehu::care
