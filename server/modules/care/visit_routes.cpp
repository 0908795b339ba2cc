// HTTP <-> visit plans and reports.
#include "modules/care/care.hpp"
#include "modules/care/care_internal.hpp"
#include "modules/care/contact_log_store.hpp"
#include "modules/care/visit_store.hpp"
#include "platform/http/params.hpp"

namespace kehu::care {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

struct VisitRoutes {
  VisitStore store;

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_plan_input(body, today()));
    KEHU_TRY(auto j, store.create(p, in, today(), auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    VisitFilter f;
    KEHU_TRY(f.status, http::choice_query(req, "status", kVisitStatuses));
    KEHU_TRY(f.customer_id, http::id_query(req, "customer_id"));
    KEHU_TRY(f.from, http::date_query(req, "from"));
    KEHU_TRY(f.to, http::date_query(req, "to"));
    KEHU_TRY(f.mine, http::flag_query(req, "mine"));
    KEHU_TRY(auto overdue, http::choice_query(req, "overdue", {"true", "false", "1", "0"}));
    if (overdue) f.overdue = *overdue == "true" || *overdue == "1";
    KEHU_TRY(f.awaiting, http::choice_query(req, "awaiting", {"decision", "review"}));
    KEHU_TRY(f.sort, http::parse_sort(req, kVisitSortFields, {"date", true}));
    KEHU_TRY(auto page, http::parse_page(req));
    f.page = page.first;
    f.page_size = page.second;
    return Response::ok(store.list(p, f, today()));
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(p, id, today()));
    return Response::ok(j);
  }

  Result<Response> update(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto ch, read_plan_change(body, today()));
    KEHU_TRY(auto j, store.update(p, id, ch, today(), auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> decide(Request& req, const Principal& p, VisitAction a) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto d, read_visit_decision(body, a != VisitAction::kApprove));
    KEHU_TRY(auto j, store.decide(p, id, a, d, today(), auth::actor_of(req, p)));
    return Response::ok(j);
  }
  Result<Response> approve(Request& req, const Principal& p) { return decide(req, p, VisitAction::kApprove); }
  Result<Response> reject(Request& req, const Principal& p) { return decide(req, p, VisitAction::kReject); }
  Result<Response> review(Request& req, const Principal& p) { return decide(req, p, VisitAction::kReview); }

  Result<Response> report(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_report_input(body));
    KEHU_TRY(auto j, store.report(p, id, in, today(), auth::actor_of(req, p)));
    return Response::ok(j);
  }
};

}  // namespace

void register_visit_routes(http::Router& r, auth::Auth& a) {
  // A report is also a contact log of kind `visit` (same transaction: both or neither).
  auto log_visit = [](db::Conn& c, const auth::Principal& p, const nlohmann::json& v, const audit::Actor& actor) -> Status {
    nlohmann::json body = {{"customer_id", v["customer_id"]}, {"kind", "visit"}, {"summary", v["findings"]}, {"visit_id", v["id"]}};
    if (!v["next_visit_date"].is_null()) body["next_contact_date"] = v["next_visit_date"];
    // dated on the visit's day when it was earlier than today (the last contact is the visit)
    if (v["date"].get<std::string>() < clock::format_date(today())) body["at"] = v["date"].get<std::string>() + "T10:00:00+08:00";
    KEHU_TRY(auto in, read_log_input(body, LogMode::kCreate, clock::now()));
    KEHU_CHECK(insert_log(c, p, in, actor));
    return ok_status();
  };
  auto routes = std::make_shared<VisitRoutes>(VisitRoutes{VisitStore(a.db(), log_visit)});
  auto h = [&a, routes](Result<Response> (VisitRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return (routes.get()->*fn)(req, p); });
  };
  r.get("/api/v1/visits", h(&VisitRoutes::list));
  r.post("/api/v1/visits", h(&VisitRoutes::create));
  r.get("/api/v1/visits/{id}", h(&VisitRoutes::get));
  r.patch("/api/v1/visits/{id}", h(&VisitRoutes::update));
  r.post("/api/v1/visits/{id}/approve", h(&VisitRoutes::approve));
  r.post("/api/v1/visits/{id}/reject", h(&VisitRoutes::reject));
  r.post("/api/v1/visits/{id}/report", h(&VisitRoutes::report));
  r.post("/api/v1/visits/{id}/review", h(&VisitRoutes::review));
}

Result<std::int64_t> plan_visit(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                const auth::Principal* lead) {
  KEHU_TRY(auto in, read_plan_input(body, today()));
  VisitStore store(db);
  KEHU_TRY(auto v, store.create(as, in, today(), auth::actor_of(http::Request{}, as)));
  const auto id = v["id"].get<std::int64_t>();
  if (lead) {
    KEHU_TRY(auto d, read_visit_decision({{"version", v["version"]}, {"comment", "同意"}}, false));
    KEHU_CHECK(store.decide(*lead, id, VisitAction::kApprove, d, today(), auth::actor_of(http::Request{}, *lead)));
  }
  return id;
}

}  // namespace kehu::care
