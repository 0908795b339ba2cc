// The one table from error codes to HTTP statuses, and the error body.
#include "platform/http/http.hpp"

namespace kehu::http {

namespace {
// Field message keys may carry their own arguments: "field.too_long|max=100".
std::string translate_field(const std::string& key, messages::Lang lang, std::map<std::string, std::string> args) {
  auto bar = key.find('|');
  if (bar == std::string::npos) return messages::translate(key, lang, args);
  std::string_view rest = std::string_view(key).substr(bar + 1);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    auto item = rest.substr(0, amp);
    if (auto eq = item.find('='); eq != std::string_view::npos)
      args[std::string(item.substr(0, eq))] = std::string(item.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return messages::translate(std::string_view(key).substr(0, bar), lang, args);
}
}  // namespace

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed:
    case ErrorCode::kBadRequest:
    case ErrorCode::kUnknownField: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPasswordChangeRequired:
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrfFailed: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kStaleVersion:
    case ErrorCode::kDuplicate:
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kValidationFailed:
    case ErrorCode::kCreditLimitExceeded: return 422;
    case ErrorCode::kLocked: return 423;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response render_error(const Error& e, const Request& req) {
  nlohmann::json err = {
      {"code", error_code_name(e.code)},
      {"message", messages::translate(e.message, req.lang, e.args)},
      {"request_id", req.request_id},
  };
  if (!e.fields.empty()) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, key] : e.fields) fields[name] = translate_field(key, req.lang, e.args);
    err["fields"] = std::move(fields);
  }
  for (const auto& [k, v] : e.details.items()) {
    if (k == "warnings" && v.is_object()) {
      nlohmann::json w = nlohmann::json::object();
      for (const auto& [f, key] : v.items()) w[f] = translate_field(key.get<std::string>(), req.lang, e.args);
      err["warnings"] = std::move(w);
    } else {
      err[k] = v;
    }
  }
  return Response::json(status_of(e.code), {{"error", std::move(err)}});
}

}  // namespace kehu::http
