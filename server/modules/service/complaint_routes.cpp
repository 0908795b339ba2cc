// HTTP <-> complaints: staff routes, the public intake and status page, the analysis, the
// settings and categories, and the complaint jobs.
#include <deque>
#include <map>
#include <memory>
#include <mutex>

#include "modules/service/complaint_store.hpp"
#include "modules/service/service.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/files/files.hpp"
#include "platform/http/params.hpp"

namespace kehu::service {
namespace {

using auth::Principal;
using auth::Role;
using http::Request;
using http::Response;

constexpr std::size_t kMaxPublicBody = 16 * 1024;

// At most `limit` events per key in a sliding hour; in memory (a restart forgets, which is fine
// for slowing down a flood of public complaints from one address).
class HourlyLimiter {
 public:
  explicit HourlyLimiter(std::size_t limit) : limit_(limit) {}
  bool allow(const std::string& key, clock::TimePoint now) {
    std::lock_guard lock(mu_);
    if (hits_.size() > 10000) hits_.clear();  // bounded memory under a spray of addresses
    auto& q = hits_[key];
    while (!q.empty() && q.front() + std::chrono::hours(1) <= now) q.pop_front();
    if (q.size() >= limit_) return false;
    q.push_back(now);
    return true;
  }

 private:
  std::size_t limit_;
  std::mutex mu_;
  std::map<std::string, std::deque<clock::TimePoint>> hits_;
};


// Attachments live beside the database: "<database>.files/".
std::filesystem::path files_root(db::Database& db) { return db.file_path() + ".files"; }

struct ComplaintRoutes {
  ComplaintRoutes(db::Database& db, std::filesystem::path files) : store(db, std::move(files)) {}
  ComplaintStore store;
  HourlyLimiter public_limit{5};

  Result<Response> create(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_complaint_input(body, store.category_keys()));
    KEHU_TRY(auto j, store.create(p, in, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    ComplaintFilter f;
    KEHU_TRY(f.status, http::choice_query(req, "status", kStatuses));
    KEHU_TRY(f.severity, http::choice_query(req, "severity", kSeverities));
    if (auto c = req.query_param("category"); c && !c->empty()) f.category = std::string(*c);
    KEHU_TRY(f.customer_id, http::id_query(req, "customer_id"));
    KEHU_TRY(f.assignee_id, http::id_query(req, "assignee_id"));
    KEHU_TRY(f.open, http::flag_query(req, "open"));
    KEHU_TRY(f.breached, http::flag_query(req, "breached"));
    KEHU_TRY(f.mine, http::flag_query(req, "mine"));
    if (auto q = req.query_param("q"); q && !q->empty()) {
      if (q->size() > 100) return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("q", "param.invalid");
      f.q = std::string(*q);
    }
    KEHU_TRY(auto page, http::parse_page(req));
    f.page = page.first;
    f.page_size = page.second;
    return Response::ok(store.list(p, f));
  }

  Result<Response> get(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto j, store.get(p, id));
    return Response::ok(j);
  }

  Result<Response> act(Request& req, const Principal& p, Action a) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_action_input(a, body, store.category_keys(), today()));
    KEHU_TRY(auto j, store.act(p, id, a, in, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> analysis(Request& req, const Principal& p) {
    const auto t = today();
    KEHU_TRY(auto to_given, http::date_query(req, "to"));
    KEHU_TRY(auto from_given, http::date_query(req, "from"));
    const auto to = to_given.value_or(t);
    const auto from = from_given.value_or(clock::from_day_number(clock::day_number(to) - 364));
    if (to < from || clock::day_number(to) - clock::day_number(from) > 3 * 366)
      return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("from", "service.period_invalid");
    return Response::ok(store.analysis(p, from, to));
  }

  Result<Response> settings(Request&, const Principal&) { return Response::ok(store.settings()); }

  Result<Response> save_settings(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    std::int64_t version = 0;
    KEHU_TRY(auto s, read_sla_input(body, version));
    KEHU_TRY(auto j, store.save_settings(s, version, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  Result<Response> categories(Request&, const Principal&) { return Response::ok(store.categories()); }

  Result<Response> create_category(Request& req, const Principal& p) {
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto j, store.save_category(std::nullopt, body, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> update_category(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto j, store.save_category(id, body, auth::actor_of(req, p)));
    return Response::ok(j);
  }

  // The public form: no session; limited per address and in size; stored as plain text.
  Result<Response> public_create(Request& req) {
    if (req.body.size() > kMaxPublicBody) return Error(ErrorCode::kTooLarge, "error.too_large");
    KEHU_TRY(auto body, req.json_object());
    KEHU_TRY(auto in, read_public_complaint(body, store.category_keys()));
    // Counted when it would be stored: five complaints an hour from one address.
    if (!public_limit.allow(req.remote_ip, clock::now())) return Error(ErrorCode::kRateLimited, "service.too_many_complaints");
    const audit::Actor actor{std::nullopt, "public", req.remote_ip};
    KEHU_TRY(auto created, store.create_public(in, actor));
    const auto& [j, token] = created;
    const auto ref = j["reference"].get<std::string>();
    return Response::created({{"reference", ref},
                              {"status", j["status"]},
                              {"first_response_due", j["first_response_due"]},
                              {"token", token},
                              {"status_path", "/complaint-status/" + ref + "?token=" + token}});
  }

  Result<Response> public_status(Request& req) {
    auto it = req.params.find("reference");
    auto token = req.query_param("token");
    if (it == req.params.end() || !token || token->empty() || token->size() > 100) return not_found();
    KEHU_TRY(auto j, store.public_status(it->second, std::string(*token)));
    return Response::ok(j);
  }

  Result<Response> attach(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    const auto name = req.query_param("name").value_or("attachment");
    KEHU_TRY(auto j, store.add_attachment(p, id, std::string(name), req.body, auth::actor_of(req, p)));
    return Response::created(j);
  }

  Result<Response> download(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto aid, req.id_param("file"));
    KEHU_TRY(auto f, store.attachment(p, id, aid));
    Response res;
    res.body = std::move(f.bytes);
    // Never shown inline: a download, typed by its checked content (nosniff is on every
    // answer), sandboxed if opened.
    res.headers.emplace_back("Content-Type", f.content_type);
    res.headers.emplace_back("Content-Disposition", files::content_disposition(f.file_name));
    res.headers.emplace_back("Content-Security-Policy", "sandbox");
    res.headers.emplace_back("Cache-Control", "private, no-store");
    return res;
  }

  Result<Response> prevention_done(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto version = f.integer("version", {.required = true, .min = 1});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.prevention_done(p, id, *version.value, auth::actor_of(req, p)));
    return Response::ok(j);
  }
};

}  // namespace

void register_complaint_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<ComplaintRoutes>(a.db(), files_root(a.db()));
  auto h = [&a, routes](Result<Response> (ComplaintRoutes::*fn)(Request&, const Principal&), std::vector<Role> roles = {}) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); }, {roles, false});
  };
  r.get("/api/v1/complaints", h(&ComplaintRoutes::list));
  r.post("/api/v1/complaints", h(&ComplaintRoutes::create));
  r.get("/api/v1/complaints/analysis", h(&ComplaintRoutes::analysis));
  r.get("/api/v1/complaints/{id}", h(&ComplaintRoutes::get));
  for (const auto& t : transitions()) {
    const auto action = t.action;
    r.post("/api/v1/complaints/{id}/" + std::string(action_name(action)),
           auth::guard(a, [routes, action](Request& req, const Principal& p) { return routes->act(req, p, action); }));
  }
  r.post("/api/v1/complaints/{id}/prevention-done", h(&ComplaintRoutes::prevention_done));
  r.post("/api/v1/complaints/{id}/attachments", h(&ComplaintRoutes::attach));
  r.get("/api/v1/complaints/{id}/attachments/{file}", h(&ComplaintRoutes::download));
  r.get("/api/v1/complaint-categories", h(&ComplaintRoutes::categories));
  r.post("/api/v1/complaint-categories", h(&ComplaintRoutes::create_category, {Role::kAdmin}));
  r.patch("/api/v1/complaint-categories/{id}", h(&ComplaintRoutes::update_category, {Role::kAdmin}));
  r.get("/api/v1/service/settings", h(&ComplaintRoutes::settings));
  r.put("/api/v1/service/settings", h(&ComplaintRoutes::save_settings, {Role::kAdmin, Role::kDirector}));
  r.post("/api/v1/public/complaints", [routes](Request& req) { return routes->public_create(req); });
  r.get("/api/v1/public/complaints/{reference}", [routes](Request& req) { return routes->public_status(req); });
}

std::vector<jobs::Job> complaint_jobs() {
  return {
      {"service.escalate", std::chrono::minutes(5),
       [](db::Database& db, clock::TimePoint now) -> Result<std::int64_t> { return ComplaintStore(db).escalate(now); }},
      {"service.complaint_return_visits", std::chrono::hours(1),
       [](db::Database& db, clock::TimePoint now) -> Result<std::int64_t> {
         return ComplaintStore(db).return_visits(clock::local_date(now));
       }},
  };
}

Status complaint_step(db::Database& db, std::int64_t id, const std::string& step, nlohmann::json body,
                      const auth::Principal& as) {
  ComplaintStore store(db);
  auto a = parse_action(step);
  if (!a) return Error(ErrorCode::kBadRequest, "error.bad_parameter");
  KEHU_TRY(auto current, store.get(as, id));
  body["version"] = current["version"];
  KEHU_TRY(auto in, read_action_input(*a, body, store.category_keys(), today()));
  KEHU_CHECK(store.act(as, id, *a, in, auth::actor_of(http::Request{}, as)));
  return ok_status();
}

Result<std::int64_t> file_complaint(db::Database& db, const nlohmann::json& body, const auth::Principal& as) {
  ComplaintStore store(db);
  KEHU_TRY(auto in, read_complaint_input(body, store.category_keys()));
  KEHU_TRY(auto j, store.create(as, in, auth::actor_of(http::Request{}, as)));
  return j["id"].get<std::int64_t>();
}

}  // namespace kehu::service
