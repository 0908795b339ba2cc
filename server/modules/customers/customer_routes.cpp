// HTTP <-> customer archive. Handlers parse, call the store, render; rules live in
// customer.cpp and SQL in customer_store.cpp.
#include "modules/customers/customers.hpp"
#include "modules/customers/customer_field.hpp"
#include "modules/customers/customer_store.hpp"
#include "modules/customers/import_store.hpp"
#include "modules/customers/region_store.hpp"
#include "platform/http/fields.hpp"
#include "platform/http/params.hpp"

namespace kehu::customers {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

Personal personal_for(const Principal& p) {
  return auth::scope_of(p).sees_personal_data ? Personal::kShow : Personal::kMask;
}

Result<ListFilter> read_filter(const Request& req) {
  ListFilter f;
  auto text = [&](const char* name, std::optional<std::string>& out) {
    if (auto v = req.query_param(name); v && !v->empty()) out = std::string(*v);
  };
  text("q", f.q);
  text("grade", f.grade);
  text("status", f.status);
  text("industry", f.industry);
  text("size", f.size);
  text("type", f.type);
  text("province_code", f.province_code);
  text("city_code", f.city_code);
  text("tag", f.tag);
  if (f.q && f.q->size() > 200) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("q", "param.invalid");
  for (auto [name, value] : {std::pair{"created_from", &f.created_from}, std::pair{"created_to", &f.created_to}}) {
    text(name, *value);
    if (*value && !clock::parse_date(**value)) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(name, "field.invalid_date");
  }
  if (auto v = req.query_param("owner_id"); v && !v->empty()) { KEHU_TRY(f.owner_id, http::parse_id_param(*v, "owner_id")); }
  if (auto v = req.query_param("team_id"); v && !v->empty()) { KEHU_TRY(f.team_id, http::parse_id_param(*v, "team_id")); }
  KEHU_TRY(auto page, http::parse_page(req));
  f.page = page.first;
  f.page_size = page.second;
  KEHU_TRY(f.sort, http::parse_sort(req, kSortFields, {"updated_at", true}));
  return f;
}

Response render_list(const ListResult& r, const ListFilter& f, Personal personal) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : r.items) items.push_back(to_json(c, personal));
  return Response::ok({{"items", std::move(items)}, {"total", r.total}, {"total_capped", r.capped}, {"page", f.page}, {"page_size", f.page_size}});
}

struct Routes {
  CustomerStore& store;

  Result<Response> list(Request& req, const Principal& p, bool deleted) {
    KEHU_TRY(auto f, read_filter(req));
    f.deleted = deleted;
    return render_list(store.list(auth::scope_of(p), f), f, personal_for(p));
  }

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_customer_input(body, InputMode::kCreate, p.role));
    KEHU_TRY(auto c, store.create(auth::scope_of(p), in, auth::actor_of(req, p)));
    auto j = to_json(c, personal_for(p));
    j["contacts"] = nlohmann::json::array();
    for (const auto& k : store.db().read([&](db::Conn& conn) { return store.contacts(conn, c.id); }))
      j["contacts"].push_back(to_json(k, personal_for(p)));
    return Response::created(j);
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    const auto scope = auth::scope_of(p);
    auto out = store.db().read([&](db::Conn& c) -> std::optional<nlohmann::json> {
      auto cu = store.get(c, scope, CustomerId(id));
      if (!cu) return std::nullopt;
      auto j = to_json(*cu, personal_for(p));
      j["contacts"] = nlohmann::json::array();
      for (const auto& k : store.contacts(c, cu->id)) j["contacts"].push_back(to_json(k, personal_for(p)));
      j["can_edit"] = store.check_access(c, scope, cu->id, Access::kWrite).ok();
      return j;
    });
    if (!out) return not_found();
    return Response::ok(*out);
  }

  Result<Response> update(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_customer_input(body, InputMode::kUpdate, p.role));
    KEHU_TRY(auto c, store.update(auth::scope_of(p), CustomerId(id), in, auth::actor_of(req, p)));
    return Response::ok(to_json(c, personal_for(p)));
  }

  Result<Response> remove(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    auto v = req.query_param("version");
    if (!v) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("version", "field.required");
    KEHU_TRY(auto version, http::parse_id_param(*v, "version"));
    KEHU_CHECK(store.remove(auth::scope_of(p), CustomerId(id), version, auth::actor_of(req, p)));
    return Response::no_content();
  }

  Result<Response> restore(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto c, store.restore(auth::scope_of(p), CustomerId(id), auth::actor_of(req, p)));
    return Response::ok(to_json(c, personal_for(p)));
  }

  Result<Response> purge(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_CHECK(store.purge(CustomerId(id), auth::actor_of(req, p)));
    return Response::no_content();
  }

  Result<Response> timeline(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    if (!store.get(auth::scope_of(p), CustomerId(id), true)) return not_found();
    nlohmann::json items = nlohmann::json::array();
    const bool mask = personal_for(p) == Personal::kMask;
    for (auto e : store.timeline(CustomerId(id), 200)) {
      if (mask) e.changes = audit::mask_personal(e.changes);
      items.push_back(audit::to_json(e));
    }
    return Response::ok({{"items", std::move(items)}});
  }

  Result<Response> handovers(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    if (!store.get(auth::scope_of(p), CustomerId(id), true)) return not_found();
    return Response::ok({{"items", store.handovers(CustomerId(id))}});
  }

  Result<Response> subtree(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto tree, store.subtree(auth::scope_of(p), CustomerId(id)));
    return Response::ok(tree);
  }

  Result<Response> list_contacts(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    const auto scope = auth::scope_of(p);
    auto items = store.db().read([&](db::Conn& c) -> std::optional<nlohmann::json> {
      if (!store.check_access(c, scope, CustomerId(id), Access::kRead).ok()) return std::nullopt;
      nlohmann::json out = nlohmann::json::array();
      for (const auto& k : store.contacts(c, CustomerId(id))) out.push_back(to_json(k, personal_for(p)));
      return out;
    });
    if (!items) return not_found();
    return Response::ok({{"items", *items}, {"total", items->size()}});
  }

  Result<Response> add_contact(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_contact_input(body, InputMode::kCreate));
    KEHU_TRY(auto k, store.add_contact(auth::scope_of(p), CustomerId(id), in, auth::actor_of(req, p)));
    return Response::created(to_json(k, personal_for(p)));
  }

  Result<Response> update_contact(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_contact_input(body, InputMode::kUpdate));
    KEHU_TRY(auto k, store.update_contact(auth::scope_of(p), ContactId(id), body, in, auth::actor_of(req, p)));
    return Response::ok(to_json(k, personal_for(p)));
  }

  Result<Response> remove_contact(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    auto v = req.query_param("version");
    if (!v) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("version", "field.required");
    KEHU_TRY(auto version, http::parse_id_param(*v, "version"));
    KEHU_CHECK(store.remove_contact(auth::scope_of(p), ContactId(id), version, auth::actor_of(req, p)));
    return Response::no_content();
  }

  Result<Response> add_member(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto user = f.integer("user_id", {.required = true, .min = 1});
    auto access = f.choice("access", {"write", "read"}, true);
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto c, store.add_member(auth::scope_of(p), CustomerId(id), UserId(*user.value), *access.value,
                                      auth::actor_of(req, p)));
    return Response::ok(to_json(c, personal_for(p)));
  }

  Result<Response> remove_member(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto user, req.id_param("user_id"));
    KEHU_TRY(auto c, store.remove_member(auth::scope_of(p), CustomerId(id), UserId(user), auth::actor_of(req, p)));
    return Response::ok(to_json(c, personal_for(p)));
  }

  Result<Response> handover(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto ids = f.raw("customer_ids");
    auto from = f.integer("from_user_id", {.required = true, .min = 1});
    auto to = f.integer("to_user_id", {.required = true, .min = 1});
    auto reason = f.text("reason", {.max = 500, .multiline = true});
    std::vector<CustomerId> list;
    if (ids.value) {
      if (!ids.value->is_array() || ids.value->empty() || ids.value->size() > 1000) f.fail("customer_ids", "field.wrong_type|type=list");
      else
        for (const auto& v : *ids.value) {
          if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
            f.fail("customer_ids", "field.wrong_type|type=list");
            break;
          }
          list.emplace_back(v.get<std::int64_t>());
        }
    }
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto moved, store.handover(p, list, !ids.value, UserId(*from.value), UserId(*to.value), reason.value,
                                        auth::actor_of(req, p)));
    return Response::ok({{"moved", moved}});
  }
};

}  // namespace

struct Module::State {
  explicit State(auth::Auth& a) : auth(a), store(a.db()), routes{store}, regions(a.db()) {}
  auth::Auth& auth;
  CustomerStore store;
  Routes routes;
  RegionStore regions;
};

Module::Module(auth::Auth& a) : state_(std::make_unique<State>(a)) {}
Module::~Module() = default;

void Module::register_routes(http::Router& r) {
  auth::Auth& a = state_->auth;
  Routes* routes = &state_->routes;
  using auth::guard;
  auto h = [&a, routes](Result<Response> (Routes::*fn)(Request&, const Principal&), std::vector<Role> roles = {}) {
    return guard(a, [routes, fn](Request& req, const Principal& p) { return (routes->*fn)(req, p); }, {roles, false});
  };
  const std::vector<Role> assigners = {Role::kAdmin, Role::kDirector, Role::kManager};
  r.get("/api/v1/customers", guard(a, [routes](Request& req, const Principal& p) { return routes->list(req, p, false); }));
  r.post("/api/v1/customers", h(&Routes::create));
  r.get("/api/v1/customers/recycle-bin",
        guard(a, [routes](Request& req, const Principal& p) { return routes->list(req, p, true); }));
  r.post("/api/v1/customers/handover", h(&Routes::handover, assigners));
  r.get("/api/v1/customers/{id}", h(&Routes::get));
  r.patch("/api/v1/customers/{id}", h(&Routes::update));
  r.del("/api/v1/customers/{id}", h(&Routes::remove));
  r.post("/api/v1/customers/{id}/restore", h(&Routes::restore));
  r.del("/api/v1/customers/{id}/purge", h(&Routes::purge, {Role::kAdmin}));
  r.get("/api/v1/customers/{id}/timeline", h(&Routes::timeline));
  r.get("/api/v1/customers/{id}/handovers", h(&Routes::handovers));
  r.get("/api/v1/customers/{id}/subtree", h(&Routes::subtree));
  r.get("/api/v1/customers/{id}/contacts", h(&Routes::list_contacts));
  r.post("/api/v1/customers/{id}/contacts", h(&Routes::add_contact));
  r.post("/api/v1/customers/{id}/members", h(&Routes::add_member));
  r.del("/api/v1/customers/{id}/members/{user_id}", h(&Routes::remove_member));
  r.patch("/api/v1/contacts/{id}", h(&Routes::update_contact));
  r.del("/api/v1/contacts/{id}", h(&Routes::remove_contact));
  register_region_routes(r, a, state_->regions);
  register_import_routes(r, a);
  register_field_routes(r, a);
}

}  // namespace kehu::customers

namespace kehu::customers {

Result<CustomerId> create_customer(db::Database& db, const nlohmann::json& body, const auth::Principal& as) {
  CustomerStore store(db);
  KEHU_TRY(auto in, read_customer_input(body, InputMode::kCreate, as.role));
  KEHU_TRY(auto c, store.create(auth::scope_of(as), in, audit::Actor{as.user.value, "demo", "local"}));
  return c.id;
}

}  // namespace kehu::customers
