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

inline Error bad_param(std::string_view name, std::string key = "param.invalid") {
  return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(std::string(name), std::move(key));
}

inline Result<std::optional<clock::Date>> date_param(const http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<clock::Date>();
  auto d = clock::parse_date(*v);
  if (!d) return bad_param(name, "field.invalid_date");
  return std::optional<clock::Date>(*d);
}

inline Result<std::optional<std::int64_t>> id_query(const http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>();
  KEHU_TRY(auto id, http::parse_id_param(*v, name));
  return std::optional<std::int64_t>(id);
}

// Absent or empty: nullopt; true/1 or false/0; anything else 400.
inline Result<std::optional<bool>> flag_param(const http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return bad_param(name);
}

inline Result<std::optional<std::string>> choice_param(const http::Request& req, std::string_view name,
                                                       const std::vector<std::string_view>& allowed) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) return bad_param(name);
  return std::optional<std::string>(std::string(*v));
}

}  // namespace kehu::service::request_params
