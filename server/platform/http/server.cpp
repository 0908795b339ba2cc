// RESTinio adapter. Nothing else in kehu includes <restinio/...>.
#include "platform/http/server.hpp"

#include <restinio/all.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <csignal>

namespace kehu::http {
namespace {

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

// The largest body RESTinio reads: a 50 MiB customer import plus room to answer a slightly
// bigger one with a proper 413. Every other body keeps its own, smaller limit where it is
// read: JSON 1 MiB (Request::json_object), attachments 5 MiB, the public form 16 KiB.
// Bigger bodies get the connection closed at the headers (RESTinio has no per-route limit).
constexpr std::uint64_t kMaxBody = 51 * 1024 * 1024;

Method to_method(const restinio::http_method_id_t& m) {
  if (m == restinio::http_method_get()) return Method::kGet;
  if (m == restinio::http_method_head()) return Method::kHead;
  if (m == restinio::http_method_post()) return Method::kPost;
  if (m == restinio::http_method_put()) return Method::kPut;
  if (m == restinio::http_method_patch()) return Method::kPatch;
  if (m == restinio::http_method_delete()) return Method::kDelete;
  if (m == restinio::http_method_options()) return Method::kOptions;
  return Method::kOther;
}

std::string new_request_id() {
  unsigned char raw[8];
  randombytes_buf(raw, sizeof raw);
  static const char* kHex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : raw) {
    s += kHex[c >> 4];
    s += kHex[c & 15];
  }
  return s;
}

std::string status_reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 423: return "Locked";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    default: return status >= 500 ? "Internal Server Error" : "OK";
  }
}

void parse_query(std::string_view q, Request& req) {
  while (!q.empty()) {
    auto amp = q.find('&');
    auto item = q.substr(0, amp);
    if (!item.empty()) {
      auto eq = item.find('=');
      req.query.emplace_back(url_decode(item.substr(0, eq), true),
                             eq == std::string_view::npos ? std::string() : url_decode(item.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  const Router& router;
  std::optional<restinio::running_server_handle_t<Traits>> running;

  restinio::request_handling_status_t on_request(const restinio::request_handle_t& rq) {
    const auto started = std::chrono::steady_clock::now();
    Request req;
    req.method = to_method(rq->header().method());
    req.target = std::string(rq->header().request_target());
    const auto qpos = req.target.find('?');
    req.path = url_decode(std::string_view(req.target).substr(0, qpos), false);
    if (qpos != std::string::npos) parse_query(std::string_view(req.target).substr(qpos + 1), req);
    std::size_t header_bytes = 0;
    rq->header().for_each_field([&](const restinio::http_header_field_t& f) {
      std::string name(f.name());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      header_bytes += name.size() + f.value().size();
      req.headers[std::move(name)] = std::string(f.value());
    });
    req.body = rq->body();
    req.remote_ip = rq->remote_endpoint().address().to_string();
    req.request_id = new_request_id();
    if (auto al = req.header("accept-language")) req.lang = messages::from_accept_language(*al);

    Response res;
    if (header_bytes > options.max_header_bytes) {
      res = render_error(Error(ErrorCode::kBadRequest, "error.headers_too_large"), req);
      res.status = 431;
    } else {
      res = handle(router, options, req);
    }

    auto out = rq->create_response(restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)},
                                                                status_reason(res.status)});
    for (auto& [k, v] : res.headers) out.append_header(k, v);
    out.append_header(restinio::http_field::date, restinio::make_date_field_value(std::chrono::system_clock::now()));
    out.set_body(std::move(res.body));
    out.done();
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    // The query string is never logged: it can hold names and phone numbers.
    spdlog::info("request_id={} {} {} {} {}us user={}", req.request_id, method_name(req.method), req.path, res.status, us,
                 req.actor);
    return restinio::request_accepted();
  }
};

Server::Server(ServerOptions options, const Router& router) : impl_(new Impl{std::move(options), router, {}}) {}
Server::~Server() { stop(); }

void Server::start() {
  auto settings = restinio::server_settings_t<Traits>{}
                      .address(impl_->options.address)
                      .port(impl_->options.port)
                      .request_handler([this](auto rq) { return impl_->on_request(rq); })
                      .read_next_http_message_timelimit(std::chrono::seconds(30))
                      .write_http_response_timelimit(std::chrono::seconds(30))
                      .handle_request_timeout(std::chrono::seconds(60))
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_url_size(64 * 1024)
                                                    .max_field_name_size(4 * 1024)
                                                    .max_field_value_size(64 * 1024)
                                                    .max_field_count(100)
                                                    .max_body_size(kMaxBody));
  impl_->running.emplace(restinio::run_async<Traits>(restinio::own_io_context(), std::move(settings), impl_->options.threads));
}

void Server::wait_for_signal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  spdlog::info("signal {} received, stopping", sig);
}

void Server::stop() {
  if (impl_ && impl_->running) {
    (*impl_->running)->stop();
    (*impl_->running)->wait();
    impl_->running.reset();
  }
}

}  // namespace kehu::http
