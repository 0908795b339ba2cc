#include "modules/service/service.hpp"
#include "modules/service/service_internal.hpp"

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

}  // namespace kehu::service
