// Query parameters of the service-request routes: optional dates, ids, flags and choices; a
// bad value is 400 naming the parameter. (A nested namespace, so other areas of the module
// may keep helpers of the same names.)
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/core/clock.hpp"
#include "platform/http/http.hpp"
#include "platform/http/params.hpp"

namespace kehu::service::request_params {

// The shared query helpers (platform/http/params.hpp) under the names these routes use.
using http::id_query;
inline Error bad_param(std::string_view name, std::string key = "param.invalid") { return http::bad_query(name, std::move(key)); }
inline Result<std::optional<clock::Date>> date_param(const http::Request& req, std::string_view name) {
  return http::date_query(req, name);
}
inline Result<std::optional<std::string>> choice_param(const http::Request& req, std::string_view name,
                                                       const std::vector<std::string_view>& allowed) {
  return http::choice_query(req, name, allowed);
}

// Absent or empty: nullopt (the filter is off); true/1 or false/0; anything else 400.
inline Result<std::optional<bool>> flag_param(const http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return bad_param(name);
}

}  // namespace kehu::service::request_params
