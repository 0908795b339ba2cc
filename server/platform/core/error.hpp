// Errors as values: a small closed set of codes, mapped to HTTP in one table
// (platform/http/error_table.cpp). `message` is a message key translated at the edge
// (core/messages.hpp); `fields` maps a field name to a message key.
#pragma once
#include <map>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace kehu {

enum class ErrorCode {
  kMalformed,              // 400 body is not valid JSON / not the expected shape
  kBadRequest,             // 400 bad query parameter, unknown sort field
  kUnknownField,           // 400 a field the caller may not set, or that does not exist
  kUnauthenticated,        // 401
  kPasswordChangeRequired, // 403
  kForbidden,              // 403
  kCsrfFailed,             // 403
  kNotFound,               // 404 absent or outside the caller's scope
  kMethodNotAllowed,       // 405
  kStaleVersion,           // 409
  kDuplicate,              // 409 a likely duplicate; `details.matches`
  kAlreadyExists,          // 409 unique constraint
  kTooLarge,               // 413
  kUnsupportedMediaType,   // 415
  kValidationFailed,       // 422
  kCreditLimitExceeded,    // 422 an order would take the debt over the credit limit; `details.credit`
  kLocked,                 // 423
  kRateLimited,            // 429
  kInternal,               // 500
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;                       // message key, e.g. "customer.not_found"
  std::map<std::string, std::string> fields; // field -> message key
  nlohmann::json details = nlohmann::json::object();  // extra payload, e.g. matches
  std::map<std::string, std::string> args;   // values substituted into messages: {max}

  Error() = default;
  Error(ErrorCode c, std::string msg) : code(c), message(std::move(msg)) {}

  Error& field(std::string name, std::string key) {
    fields[std::move(name)] = std::move(key);
    return *this;
  }
  Error& arg(std::string name, std::string value) {
    args[std::move(name)] = std::move(value);
    return *this;
  }
};

std::string_view error_code_name(ErrorCode code);

inline Error not_found() { return Error(ErrorCode::kNotFound, "error.not_found"); }
inline Error forbidden() { return Error(ErrorCode::kForbidden, "error.forbidden"); }
inline Error bad_request(std::string key) { return Error(ErrorCode::kBadRequest, std::move(key)); }
inline Error stale_version() { return Error(ErrorCode::kStaleVersion, "error.stale_version"); }

}  // namespace kehu
