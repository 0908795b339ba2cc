// The HTTP server: the only user of RESTinio. Adds request ids, security headers, limits,
// the error table at the edge, the access log, and static files for the web UI.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "platform/http/router.hpp"

namespace kehu::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string static_dir;     // built web UI; empty: none
  std::size_t threads = 4;
  std::size_t max_url = 16 * 1024;
  std::size_t max_header_bytes = 64 * 1024;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();
  // Starts listening; throws when the address cannot be bound.
  void start();
  // Blocks until SIGINT/SIGTERM.
  void wait_for_signal();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Handles one request end to end (routing, errors, headers); exposed for tests.
Response handle(const Router& router, const ServerOptions& options, Request& req);

}  // namespace kehu::http
