// Transport-neutral request and response. Handlers see only these types; RESTinio is
// confined to server.cpp.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/core/messages.hpp"
#include "platform/core/result.hpp"

namespace kehu::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };
std::string_view method_name(Method m);
inline bool is_write(Method m) { return m == Method::kPost || m == Method::kPut || m == Method::kPatch || m == Method::kDelete; }

constexpr std::size_t kMaxJsonBody = 1024 * 1024;
constexpr int kMaxJsonDepth = 32;

struct Request {
  Method method = Method::kGet;
  std::string path;          // decoded path without the query
  std::string target;        // raw request target
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;               // lower-case names
  std::string body;
  std::string remote_ip;
  std::string request_id;
  messages::Lang lang = messages::Lang::kZhCN;
  std::map<std::string, std::string> params;  // from the route pattern
  // Filled by the auth layer for the audit trail and logs; http does not read it.
  std::string actor;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  // Strict JSON object body: 415 if not application/json, 400 if malformed, duplicate
  // keys, too deep or not an object; 413 when over kMaxJsonBody.
  Result<nlohmann::json> json_object() const;
  // A path parameter as a positive id; 404 when it is not one.
  Result<std::int64_t> id_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(int status, const nlohmann::json& body);
  static Response ok(const nlohmann::json& body) { return json(200, body); }
  static Response created(const nlohmann::json& body) { return json(201, body); }
  static Response no_content();
  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

using Handler = std::function<Result<Response>(Request&)>;

// Error -> HTTP status (the one table) and the JSON body in the caller's language.
int status_of(ErrorCode code);
Response render_error(const Error& e, const Request& req);

// Strict JSON parsing shared by bodies and tests.
Result<nlohmann::json> parse_json_strict(std::string_view text, int max_depth = kMaxJsonDepth);

std::string url_decode(std::string_view s, bool plus_is_space);

}  // namespace kehu::http
