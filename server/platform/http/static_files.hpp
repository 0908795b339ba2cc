// Static files of the built web UI: files under /assets/ are content-hashed and cached for
// a year; everything else (index.html, the SPA fallback) must be revalidated.
#pragma once
#include <optional>
#include <string>

#include "platform/http/http.hpp"

namespace kehu::http {

// nullopt when the request is not for a static file (API paths, unknown files with an
// extension); paths with ".." or NUL never leave the directory.
std::optional<Response> serve_static(const std::string& root, const Request& req);

}  // namespace kehu::http
