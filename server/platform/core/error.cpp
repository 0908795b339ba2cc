#include "platform/core/error.hpp"

namespace kehu {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kUnknownField: return "unknown_field";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPasswordChangeRequired: return "password_change_required";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kCsrfFailed: return "csrf_failed";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kStaleVersion: return "stale_version";
    case ErrorCode::kDuplicate: return "duplicate";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kValidationFailed: return "validation_failed";
    case ErrorCode::kCreditLimitExceeded: return "credit_limit_exceeded";
    case ErrorCode::kLocked: return "locked";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace kehu
