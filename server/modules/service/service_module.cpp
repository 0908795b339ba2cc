#include "modules/service/service.hpp"
#include "modules/service/request.hpp"
#include "modules/service/request_store.hpp"
#include "modules/service/service_internal.hpp"
#include "modules/service/survey.hpp"
#include "modules/service/survey_store.hpp"

namespace kehu::service {

void register_messages() {
  register_complaint_messages();
  register_request_messages();
  register_survey_messages();
  // requests and surveys: added when those areas land
}

std::vector<jobs::Job> jobs() {
  std::vector<jobs::Job> all;
  for (auto& j : complaint_jobs()) all.push_back(std::move(j));
  for (auto& j : request_jobs()) all.push_back(std::move(j));
  for (auto& j : survey_jobs()) all.push_back(std::move(j));
  return all;
}

Module::Module(auth::Auth& a) : auth_(a) {}
Module::~Module() = default;

void Module::register_routes(http::Router& r) {
  register_complaint_routes(r, auth_);
  register_request_routes(r, auth_);
  register_survey_routes(r, auth_);
}

Result<std::int64_t> plan_service_request(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                          const nlohmann::json* done) {
  const auto actor = auth::actor_of(http::Request{}, as);
  KEHU_TRY(auto in, read_request_input(body, InputMode::kCreate, today()));
  RequestStore store(db);
  KEHU_TRY(auto r, store.create(as, in, today(), actor));
  const auto id = r["id"].get<std::int64_t>();
  if (done) {
    auto body_done = *done;
    body_done["version"] = r["version"];
    KEHU_TRY(auto d, read_done_input(body_done, today()));
    KEHU_CHECK(store.done(as, id, d, today(), actor));
  }
  return id;
}

Status survey_by_phone(db::Database& db, CustomerId customer, const nlohmann::json& answers, const auth::Principal& as) {
  const auto actor = auth::actor_of(http::Request{}, as);
  SurveyStore store(db);
  const auto templates = store.list_templates(true, 1, 50);
  std::optional<std::int64_t> template_id;
  for (const auto& t : templates["items"])
    if (t.value("is_default", false)) template_id = t["id"].get<std::int64_t>();
  if (!template_id) return not_found();
  KEHU_TRY(auto in, read_invite_input({{"template_id", *template_id}, {"customer_id", customer.value}, {"channel", "phone"}}));
  KEHU_TRY(auto inv, store.invite(as, in, actor));
  KEHU_CHECK(store.answer_by_staff(as, inv["id"].get<std::int64_t>(), inv["version"].get<std::int64_t>(), answers, actor));
  return ok_status();
}

}  // namespace kehu::service
