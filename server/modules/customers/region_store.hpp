// The GB/T 2260 region table (provinces, cities, districts, with Hong Kong, Macau, Taiwan),
// seeded by migration 0002; read-only at run time.
#pragma once
#include <nlohmann/json.hpp>

#include "platform/auth/auth.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::customers {

class RegionStore {
 public:
  explicit RegionStore(db::Database& db) : db_(db) {}
  nlohmann::json children(const std::optional<std::string>& parent, messages::Lang lang);
  // Nested {code,name,children} for a cascader; built once per language.
  const nlohmann::json& tree(messages::Lang lang);

 private:
  db::Database& db_;
  std::mutex mutex_;
  std::map<messages::Lang, nlohmann::json> trees_;
};

void register_region_routes(http::Router& r, auth::Auth& a, RegionStore& regions);

}  // namespace kehu::customers
