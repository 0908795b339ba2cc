#include "modules/customers/region_store.hpp"

namespace kehu::customers {
namespace {

constexpr const char* kChildren =
    "SELECT code, name, name_tw, name_en, parent, level FROM regions WHERE (?1 IS NULL AND parent IS NULL) OR parent = ?1 "
    "ORDER BY code";
constexpr const char* kAll = "SELECT code, name, name_tw, name_en, parent, level FROM regions ORDER BY level, code";

std::string pick_name(const db::Row& r, messages::Lang lang) {
  if (lang == messages::Lang::kZhTW && !r.is_null(2)) return r.text(2);
  if (lang == messages::Lang::kEn && !r.is_null(3)) return r.text(3);
  return r.text(1);
}

}  // namespace

nlohmann::json RegionStore::children(const std::optional<std::string>& parent, messages::Lang lang) {
  return db_.read([&](db::Conn& c) {
    nlohmann::json items = nlohmann::json::array();
    c.query(kChildren, {parent}, [&](const db::Row& r) {
      items.push_back({{"code", r.text(0)}, {"name", pick_name(r, lang)},
                       {"parent", r.is_null(4) ? nlohmann::json() : nlohmann::json(r.text(4))}, {"level", r.i64(5)}});
    });
    return items;
  });
}

const nlohmann::json& RegionStore::tree(messages::Lang lang) {
  std::lock_guard lock(mutex_);
  if (auto it = trees_.find(lang); it != trees_.end()) return it->second;
  std::map<std::string, nlohmann::json> nodes;
  std::vector<std::pair<std::string, std::string>> order;  // code, parent
  db_.read([&](db::Conn& c) {
    c.query(kAll, {}, [&](const db::Row& r) {
      nodes[r.text(0)] = {{"code", r.text(0)}, {"name", pick_name(r, lang)}};
      order.emplace_back(r.text(0), r.text(4));
    });
  });
  // Attach deepest first so children are complete when their parent is attached.
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto& [code, parent] = *it;
    if (parent.empty()) continue;
    auto p = nodes.find(parent);
    if (p == nodes.end()) continue;
    auto& children = p->second["children"];
    if (!children.is_array()) children = nlohmann::json::array();
    children.insert(children.begin(), std::move(nodes[code]));
  }
  nlohmann::json roots = nlohmann::json::array();
  for (const auto& [code, parent] : order)
    if (parent.empty()) roots.push_back(std::move(nodes[code]));
  return trees_[lang] = std::move(roots);
}

void register_region_routes(http::Router& r, auth::Auth& a, RegionStore& regions) {
  r.get("/api/v1/regions", auth::guard(a, [&regions](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    std::optional<std::string> parent;
    if (auto p = req.query_param("parent"); p && !p->empty()) parent = std::string(*p);
    return http::Response::ok({{"items", regions.children(parent, req.lang)}});
  }));
  r.get("/api/v1/regions/tree", auth::guard(a, [&regions](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    return http::Response::ok({{"items", regions.tree(req.lang)}});
  }));
}

}  // namespace kehu::customers
