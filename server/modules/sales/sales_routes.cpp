// HTTP <-> sales: products, orders, payments, the customer's sales summary.
#include <algorithm>

#include "modules/sales/order_store.hpp"
#include "modules/sales/plan.hpp"
#include "modules/sales/product.hpp"
#include "modules/sales/return.hpp"
#include "modules/sales/sales.hpp"
#include "modules/sales/sell_through.hpp"
#include "platform/http/params.hpp"

namespace kehu::sales {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

clock::Date today() { return clock::local_date(clock::now()); }

Result<std::optional<clock::Date>> date_param(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<clock::Date>();
  auto d = clock::parse_date(*v);
  if (!d) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(name, "field.invalid_date");
  return std::optional<clock::Date>(*d);
}

Result<clock::Date> month_param(const Request& req) {
  auto it = req.params.find("month");
  auto m = it == req.params.end() ? std::nullopt : parse_month(it->second);
  if (!m) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("month", "sales.month_invalid");
  return *m;
}

struct Routes {
  ProductStore& products;
  OrderStore& orders;
  PlanStore& plans;
  ReturnStore& returns;
  SellThroughStore& sell_through;

  Result<Response> create_return(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_return_input(body));
    KEHU_TRY(auto j, returns.create(p, in, today(), auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> decide_return(Request& req, const Principal& p, bool approve) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto d, read_decision(body, !approve));
    KEHU_TRY(auto j, returns.decide(p, id, approve, d, auth::actor_of(req, p)));
    return Response::ok(j);
  }
  Result<Response> approve_return(Request& req, const Principal& p) { return decide_return(req, p, true); }
  Result<Response> reject_return(Request& req, const Principal& p) { return decide_return(req, p, false); }

  Result<Response> get_return(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, returns.get(auth::scope_of(p), id));
    return Response::ok(j);
  }

  Result<Response> list_returns(Request& req, const Principal& p) {
    std::optional<std::string> status;
    std::optional<std::int64_t> customer;
    if (auto st = req.query_param("status"); st && !st->empty()) {
      if (std::find(kReturnStatuses.begin(), kReturnStatuses.end(), *st) == kReturnStatuses.end())
        return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("status", "param.invalid");
      status = std::string(*st);
    }
    if (auto c = req.query_param("customer_id"); c && !c->empty()) { KEHU_TRY(customer, http::parse_id_param(*c, "customer_id")); }
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(returns.list(auth::scope_of(p), status, customer, page.first, page.second));
  }

  Result<Response> get_plan(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto month, month_param(req));
    KEHU_TRY(auto j, plans.get(auth::scope_of(p), CustomerId(id), month, today()));
    return Response::ok(j);
  }

  Result<Response> put_plan(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto month, month_param(req));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_plan_input(body));
    KEHU_TRY(auto r, plans.put(auth::scope_of(p), CustomerId(id), month, in, today(), auth::actor_of(req, p)));
    return r.second ? Response::created(r.first) : Response::ok(r.first);
  }

  Result<Response> get_sell_through(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto month, month_param(req));
    KEHU_TRY(auto j, sell_through.get(auth::scope_of(p), CustomerId(id), month));
    return Response::ok(j);
  }

  Result<Response> put_sell_through(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto month, month_param(req));
    if (today() < month) return Error(ErrorCode::kValidationFailed, "error.validation_failed").field("month", "sales.month_in_future");
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_sell_through_input(body));
    KEHU_TRY(auto r, sell_through.put(auth::scope_of(p), CustomerId(id), month, in, auth::actor_of(req, p)));
    return r.second ? Response::created(r.first) : Response::ok(r.first);
  }

  Result<Response> year_plans(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    int year = today().year;
    if (auto y = req.query_param("year"); y && !y->empty()) {
      auto d = parse_month(std::string(*y) + "-01");
      if (!d || y->size() != 4) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("year", "param.invalid");
      year = d->year;
    }
    KEHU_TRY(auto j, plans.year(auth::scope_of(p), CustomerId(id), year));
    return Response::ok(j);
  }

  Result<Response> list_products(Request& req, const Principal& p) {
    ProductFilter f;
    if (auto q = req.query_param("q"); q && !q->empty()) f.q = std::string(*q);
    if (auto c = req.query_param("category"); c && !c->empty()) f.category = std::string(*c);
    if (auto a = req.query_param("active"); a && !a->empty()) {
      if (*a != "true" && *a != "false" && *a != "1" && *a != "0")
        return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("active", "param.invalid");
      f.active = *a == "true" || *a == "1";
    }
    KEHU_TRY(auto page, http::parse_page(req));
    f.page = page.first;
    f.page_size = page.second;
    KEHU_TRY(f.sort, http::parse_sort(req, kProductSortFields, {"name", false}));
    auto [items, total] = products.list(f);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& x : items) out.push_back(to_json(x, sees_cost(p.role)));
    return Response::ok({{"items", out}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
  }

  Result<Response> create_product(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_product(body, nullptr));
    KEHU_TRY(auto created, products.create(in, auth::actor_of(req, p)));
    return Response::created(to_json(created, true));
  }

  Result<Response> get_product(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    auto x = products.get(id);
    if (!x) return not_found();
    return Response::ok(to_json(*x, sees_cost(p.role)));
  }

  Result<Response> update_product(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    auto existing = products.get(id);
    if (!existing) return not_found();
    KEHU_TRY(auto in, read_product(body, &*existing));
    KEHU_TRY(auto updated, products.update(id, in, auth::actor_of(req, p)));
    return Response::ok(to_json(updated, true));
  }

  Result<Response> list_orders(Request& req, const Principal& p) {
    OrderFilter f;
    if (auto c = req.query_param("customer_id"); c && !c->empty()) { KEHU_TRY(f.customer_id, http::parse_id_param(*c, "customer_id")); }
    KEHU_TRY(f.from, date_param(req, "from"));
    KEHU_TRY(f.to, date_param(req, "to"));
    if (auto st = req.query_param("settlement"); st && !st->empty()) {
      if (*st != "paid" && *st != "unpaid" && *st != "partly_paid")
        return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("settlement", "param.invalid");
      f.settlement = std::string(*st);
    }
    KEHU_TRY(auto page, http::parse_page(req));
    f.page = page.first;
    f.page_size = page.second;
    KEHU_TRY(f.sort, http::parse_sort(req, kOrderSortFields, {"date", true}));
    auto list = orders.list(auth::scope_of(p), f);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& o : list.items) items.push_back(to_json(o, false));
    return Response::ok({{"items", std::move(items)}, {"total", list.count}, {"page", f.page}, {"page_size", f.page_size},
                         {"sum_total", list.sum_total}, {"sum_outstanding", list.sum_outstanding}});
  }

  Result<Response> create_order(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_order_input(body));
    KEHU_TRY(auto o, orders.create(p, in, auth::actor_of(req, p)));
    return Response::created(to_json(o, true));
  }

  Result<Response> credit_check(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_order_input(body));
    KEHU_TRY(auto j, orders.credit_check(p, in));
    return Response::ok(j);
  }

  Result<Response> get_order(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    auto o = orders.get(auth::scope_of(p), id);
    if (!o) return not_found();
    return Response::ok(to_json(*o, true));
  }

  Result<Response> update_order(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto ch, read_order_change(body));
    KEHU_TRY(auto o, orders.update(auth::scope_of(p), id, ch, auth::actor_of(req, p)));
    return Response::ok(to_json(o, true));
  }

  Result<Response> add_payment(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_payment_input(body, today()));
    KEHU_TRY(auto pay, orders.add_payment(auth::scope_of(p), id, in, auth::actor_of(req, p)));
    return Response::created(to_json(pay));
  }

  Result<Response> summary(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto f, orders.figures(auth::scope_of(p), CustomerId(id), today()));
    return Response::ok(to_json(f));
  }
};

}  // namespace

nlohmann::json to_json(const CustomerFigures& f) {
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  nlohmann::json monthly = nlohmann::json::array();
  for (const auto& m : f.monthly) monthly.push_back({{"month", m.month}, {"amount", m.amount}, {"running_total", m.running_total}});
  return {{"credit_limit", f.credit_limit},
          {"outstanding", f.outstanding},
          {"available_credit", std::max<std::int64_t>(0, f.credit_limit - f.outstanding)},
          {"mtd_amount", f.mtd_amount},
          {"ytd_amount", f.ytd_amount},
          {"lifetime_amount", f.lifetime_amount},
          {"mtd_last_year", f.mtd_last_year},
          {"ytd_last_year", f.ytd_last_year},
          {"last_purchase_date", f.last_purchase_date ? nlohmann::json(clock::format_date(*f.last_purchase_date)) : nlohmann::json()},
          {"days_since_last_purchase", opt(f.days_since_last_purchase)},
          {"usual_interval_days", opt(f.usual_interval_days)},
          {"order_count", f.order_count},
          {"aging", {{"d0_30", f.aging[0]}, {"d31_60", f.aging[1]}, {"d61_90", f.aging[2]}, {"over_90", f.aging[3]}}},
          {"monthly", monthly},
          {"subtree", {{"customers", f.subtree.customers}, {"mtd_amount", f.subtree.mtd_amount},
                       {"ytd_amount", f.subtree.ytd_amount}, {"lifetime_amount", f.subtree.lifetime_amount},
                       {"outstanding", f.subtree.outstanding},
                       {"sell_through_mtd_quantity", f.subtree.sell_through_mtd_quantity},
                       {"sell_through_ytd_quantity", f.subtree.sell_through_ytd_quantity}}}};
}

Result<CustomerFigures> customer_figures(db::Database& db, const auth::Scope& s, CustomerId id, clock::Date day) {
  return OrderStore(db).figures(s, id, day);
}

Result<std::int64_t> request_return(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                    const auth::Principal* approver) {
  KEHU_TRY(auto in, read_return_input(body));
  ReturnStore store(db);
  KEHU_TRY(auto j, store.create(as, in, today(), auth::actor_of(http::Request{}, as)));
  const auto id = j["id"].get<std::int64_t>();
  if (approver) KEHU_CHECK(store.decide(*approver, id, true, {1, std::string("同意")}, auth::actor_of(http::Request{}, *approver)));
  return id;
}

Status save_plan(db::Database& db, CustomerId id, const std::string& month, const nlohmann::json& body,
                 const auth::Principal& as) {
  auto m = parse_month(month);
  if (!m) return Error(ErrorCode::kBadRequest, "sales.month_invalid");
  KEHU_TRY(auto in, read_plan_input(body));
  KEHU_CHECK(PlanStore(db).put(auth::scope_of(as), id, *m, in, today(), auth::actor_of(http::Request{}, as)));
  return ok_status();
}

Result<PlanProgress> plan_progress(db::Database& db, const auth::Scope& s, CustomerId id, clock::Date month,
                                   clock::Date day) {
  KEHU_TRY(auto j, PlanStore(db).get(s, id, month_start(month), day));
  PlanProgress p;
  p.has_plan = !j["id"].is_null();
  p.target_amount = j["target_amount"];
  p.actual_amount = j["actual_amount"];
  p.achieved_per_mille = j["achieved_per_mille"];
  p.expected_per_mille = j["expected_per_mille"];
  p.same_period_last_year = j["same_period_last_year"];
  return p;
}

struct Module::State {
  explicit State(auth::Auth& a)
      : auth(a),
        products(a.db()),
        orders(a.db()),
        plans(a.db()),
        returns(a.db()),
        sell_through(a.db()),
        routes{products, orders, plans, returns, sell_through} {}
  auth::Auth& auth;
  ProductStore products;
  OrderStore orders;
  PlanStore plans;
  ReturnStore returns;
  SellThroughStore sell_through;
  Routes routes;
};

Module::Module(auth::Auth& a) : state_(std::make_unique<State>(a)) {}
Module::~Module() = default;

void Module::register_routes(http::Router& r) {
  auth::Auth& a = state_->auth;
  Routes* routes = &state_->routes;
  auto h = [&a, routes](Result<Response> (Routes::*fn)(Request&, const Principal&), std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return (routes->*fn)(req, p); }, {roles, false});
  };
  const std::vector<Role> catalogue = {Role::kAdmin, Role::kDirector, Role::kManager};
  r.get("/api/v1/products", h(&Routes::list_products));
  r.post("/api/v1/products", h(&Routes::create_product, catalogue));
  r.get("/api/v1/products/{id}", h(&Routes::get_product));
  r.patch("/api/v1/products/{id}", h(&Routes::update_product, catalogue));
  r.get("/api/v1/orders", h(&Routes::list_orders));
  r.post("/api/v1/orders", h(&Routes::create_order));
  r.post("/api/v1/orders/credit-check", h(&Routes::credit_check));
  r.get("/api/v1/orders/{id}", h(&Routes::get_order));
  r.patch("/api/v1/orders/{id}", h(&Routes::update_order));
  r.post("/api/v1/orders/{id}/payments", h(&Routes::add_payment));
  r.get("/api/v1/customers/{id}/sales-summary", h(&Routes::summary));
  r.get("/api/v1/customers/{id}/plans", h(&Routes::year_plans));
  r.get("/api/v1/returns", h(&Routes::list_returns));
  r.post("/api/v1/returns", h(&Routes::create_return));
  r.get("/api/v1/returns/{id}", h(&Routes::get_return));
  r.post("/api/v1/returns/{id}/approve", h(&Routes::approve_return));
  r.post("/api/v1/returns/{id}/reject", h(&Routes::reject_return));
  r.get("/api/v1/customers/{id}/plans/{month}", h(&Routes::get_plan));
  r.put("/api/v1/customers/{id}/plans/{month}", h(&Routes::put_plan));
  r.get("/api/v1/customers/{id}/sell-through/{month}", h(&Routes::get_sell_through));
  r.put("/api/v1/customers/{id}/sell-through/{month}", h(&Routes::put_sell_through));
}

Result<std::int64_t> create_product(db::Database& db, const nlohmann::json& body, const auth::Principal& as) {
  KEHU_TRY(auto in, read_product(body, nullptr));
  KEHU_TRY(auto p, ProductStore(db).create(in, auth::actor_of(http::Request{}, as)));
  return p.id;
}

Result<std::int64_t> create_order(db::Database& db, const nlohmann::json& body, const auth::Principal& as) {
  KEHU_TRY(auto in, read_order_input(body));
  KEHU_TRY(auto o, OrderStore(db).create(as, in, auth::actor_of(http::Request{}, as)));
  return o.id;
}

}  // namespace kehu::sales
