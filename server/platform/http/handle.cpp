// One request end to end, independent of the transport: routing, the error table,
// exceptions caught once, security headers.
#include <spdlog/spdlog.h>

#include "platform/http/server.hpp"
#include "platform/http/static_files.hpp"

namespace kehu::http {
namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'";

void add_security_headers(Response& r, const Request& req) {
  r.headers.emplace_back("Content-Security-Policy", kCsp);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("X-Request-Id", req.request_id);
  if (req.path.rfind("/api/", 0) == 0) r.headers.emplace_back("Cache-Control", "no-store");
}

Response dispatch(const Router& router, const ServerOptions& options, Request& req) {
  if (req.target.size() > options.max_url) return render_error(Error(ErrorCode::kBadRequest, "error.url_too_long"), req);
  auto m = router.match(req);
  if (m.handler) {
    auto result = (*m.handler)(req);
    if (!result.ok()) return render_error(result.error(), req);
    return std::move(result).value();
  }
  if (!m.allow.empty()) {
    auto r = render_error(Error(ErrorCode::kMethodNotAllowed, "error.method_not_allowed"), req);
    r.headers.emplace_back("Allow", m.allow);
    return r;
  }
  if (auto file = serve_static(options.static_dir, req)) return std::move(*file);
  return render_error(not_found(), req);
}

}  // namespace

Response handle(const Router& router, const ServerOptions& options, Request& req) {
  Response r;
  try {
    r = dispatch(router, options, req);
  } catch (const std::exception& e) {
    spdlog::error("request_id={} {} {} failed: {}", req.request_id, method_name(req.method), req.path, e.what());
    r = render_error(Error(ErrorCode::kInternal, "error.internal"), req);
  }
  if (req.target.size() > options.max_url) r.status = 414;
  add_security_headers(r, req);
  return r;
}

}  // namespace kehu::http
