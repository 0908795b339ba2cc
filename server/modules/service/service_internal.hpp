// Inside the service module: each area registers its routes, messages and jobs; the module
// object calls them all. Not for other modules (they include service/service.hpp).
#pragma once
#include <vector>

#include "platform/auth/auth.hpp"
#include "platform/core/clock.hpp"
#include "platform/http/router.hpp"
#include "platform/jobs/jobs.hpp"

namespace kehu::service {

inline clock::Date today() { return clock::local_date(clock::now()); }
inline std::string now_iso() { return clock::to_iso_utc(clock::now()); }

// Who works complaints and service requests: the service desk and leads see every customer's
// complaints (read-only archive access is enough); account managers their own customers'.
inline bool is_service_staff(auth::Role r) {
  return r == auth::Role::kService || r == auth::Role::kAdmin || r == auth::Role::kDirector || r == auth::Role::kManager;
}

void register_complaint_routes(http::Router& r, auth::Auth& a);  // complaints, public intake, analysis, settings
void register_request_routes(http::Router& r, auth::Auth& a);    // service requests
void register_survey_routes(http::Router& r, auth::Auth& a);     // surveys, the public answer page

void register_complaint_messages();
void register_request_messages();
void register_survey_messages();

std::vector<jobs::Job> complaint_jobs();  // escalation, return visits after closed complaints
std::vector<jobs::Job> request_jobs();    // return visits after orders, recurring requests
std::vector<jobs::Job> survey_jobs();     // invitation expiry

}  // namespace kehu::service
