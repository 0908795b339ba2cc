#include "platform/http/router.hpp"

namespace kehu::http {
namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    auto next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    if (next > pos) out.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

bool is_param(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler) {
  Route r{method, pattern, {}, 0, std::move(handler)};
  for (auto seg : split(pattern)) {
    r.segments.emplace_back(seg);
    if (!is_param(seg)) ++r.literals;
  }
  routes_.push_back(std::move(r));
}

Router::Match Router::match(Request& req) const {
  // Split the raw (still percent-encoded) path, then decode each segment once: an encoded
  // "/" (%2F) stays inside its segment instead of creating a new one, and nothing is
  // decoded twice ("%2541" is the text "%41", not "A").
  const std::string_view raw = req.target.empty() ? std::string_view(req.path)
                                                  : std::string_view(req.target).substr(0, req.target.find('?'));
  std::vector<std::string> segs;
  for (auto seg : split(raw)) segs.push_back(req.target.empty() ? std::string(seg) : url_decode(seg, false));
  const Route* best = nullptr;
  std::string allow;
  int best_literals_any = -1;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i)
      ok = is_param(r.segments[i]) || r.segments[i] == segs[i];
    if (!ok) continue;
    if (r.literals < best_literals_any) continue;
    if (r.literals > best_literals_any) {
      best_literals_any = r.literals;
      best = nullptr;
      allow.clear();
    }
    const bool method_ok = r.method == req.method || (req.method == Method::kHead && r.method == Method::kGet);
    if (method_ok && !best) best = &r;
    if (!allow.empty()) allow += ", ";
    allow += method_name(r.method);
  }
  Match m;
  if (best) {
    for (std::size_t i = 0; i < segs.size(); ++i) {
      const auto& seg = best->segments[i];
      if (is_param(seg)) req.params[seg.substr(1, seg.size() - 2)] = segs[i];
    }
    m.handler = &best->handler;
  } else {
    m.allow = std::move(allow);
  }
  return m;
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace kehu::http
