// Products: brand, name, specification (规格), unit, list price and optional unit cost.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/params.hpp"
#include "platform/audit/audit.hpp"

namespace kehu::sales {

struct Product {
  std::int64_t id = 0;
  std::string brand, name, spec, unit;
  std::optional<std::string> category;
  std::int64_t price = 0;
  std::optional<std::int64_t> unit_cost;
  bool active = true;
  std::int64_t version = 1;
  std::string updated_at;
};

inline const std::vector<std::string_view> kProductSortFields = {"name", "brand", "price", "updated_at"};

// Reads a create (all required but category/unit_cost) or update (version required) body.
Result<Product> read_product(const nlohmann::json& body, const Product* existing);
// Unit cost is for roles that see margins.
bool sees_cost(auth::Role r);
bool manages_products(auth::Role r);
nlohmann::json to_json(const Product& p, bool with_cost);

struct ProductFilter {
  std::optional<std::string> q, category;
  std::optional<bool> active;
  http::Sort sort{"name", false};
  std::int64_t page = 1, page_size = 20;
};

class ProductStore {
 public:
  explicit ProductStore(db::Database& db) : db_(db) {}
  std::pair<std::vector<Product>, std::int64_t> list(const ProductFilter& f);
  std::optional<Product> get(std::int64_t id);
  std::optional<Product> get(db::Conn& c, std::int64_t id);
  Result<Product> create(const Product& p, const audit::Actor& actor);
  Result<Product> update(std::int64_t id, const Product& p, const audit::Actor& actor);

 private:
  db::Database& db_;
};

}  // namespace kehu::sales
