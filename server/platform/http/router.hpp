// The router facade: METHOD + "/api/v1/customers/{id}" -> Handler. Literal segments win
// over parameters, so "/customers/recycle-bin" is not read as an id. A path that exists
// for other methods answers 405 with Allow.
#pragma once
#include <string>
#include <vector>

#include "platform/http/http.hpp"

namespace kehu::http {

class Router {
 public:
  void add(Method method, std::string pattern, Handler handler);
  void get(std::string p, Handler h) { add(Method::kGet, std::move(p), std::move(h)); }
  void post(std::string p, Handler h) { add(Method::kPost, std::move(p), std::move(h)); }
  void patch(std::string p, Handler h) { add(Method::kPatch, std::move(p), std::move(h)); }
  void put(std::string p, Handler h) { add(Method::kPut, std::move(p), std::move(h)); }
  void del(std::string p, Handler h) { add(Method::kDelete, std::move(p), std::move(h)); }

  struct Match {
    const Handler* handler = nullptr;  // null: not found or method not allowed
    std::string allow;                 // non-empty: the path exists with these methods
  };
  // Fills req.params on a match.
  Match match(Request& req) const;

  struct RouteInfo {
    Method method;
    std::string pattern;
  };
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" for parameters
    int literals = 0;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace kehu::http
