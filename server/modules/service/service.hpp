// Service (客户服务): complaints with the response promise and escalation, cause and
// prevention, public intake, service requests, satisfaction surveys, return visits. The
// module's public face: other modules and the app include only this header.
#pragma once
#include <memory>
#include <vector>

#include "platform/auth/auth.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"
#include "platform/jobs/jobs.hpp"

namespace kehu::service {

void register_messages();

class Module {
 public:
  explicit Module(auth::Auth& auth);
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  void register_routes(http::Router& r);

 private:
  auth::Auth& auth_;
};

// The module's scheduled jobs: complaint escalation, return visits, recurring service
// requests, survey expiry.
std::vector<jobs::Job> jobs();

// Files a complaint from an API-shaped body as `as` would (same checks and audit). For the
// demo and data tools; the new complaint's id.
Result<std::int64_t> file_complaint(db::Database& db, const nlohmann::json& body, const auth::Principal& as);
// A service request from an API-shaped body, marked done with `done` (outcome, cost…) when
// given; the request's id. For the demo and data tools.
Result<std::int64_t> plan_service_request(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                          const nlohmann::json* done = nullptr);
// A satisfaction survey taken by phone with the default template: {key: value} answers.
Status survey_by_phone(db::Database& db, CustomerId customer, const nlohmann::json& answers, const auth::Principal& as);

// Takes a step ("accept", "close"…) on a complaint with an API-shaped body (its version is
// filled in), as `as` would.
Status complaint_step(db::Database& db, std::int64_t id, const std::string& step, nlohmann::json body,
                      const auth::Principal& as);

}  // namespace kehu::service
