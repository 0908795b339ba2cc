#include "modules/sales/product.hpp"

#include "modules/sales/money_rules.hpp"
#include "platform/http/fields.hpp"

namespace kehu::sales {

bool sees_cost(auth::Role r) { return r == auth::Role::kAdmin || r == auth::Role::kDirector || r == auth::Role::kManager; }
bool manages_products(auth::Role r) { return sees_cost(r); }

Result<Product> read_product(const nlohmann::json& body, const Product* existing) {
  const bool create = existing == nullptr;
  // On update a required text that is sent must not be blank ("" would otherwise be ignored).
  http::Fields f(body);
  Product p = existing ? *existing : Product{};
  auto brand = f.text("brand", {.required = create || body.contains("brand"), .max = 50});
  auto name = f.text("name", {.required = create || body.contains("name"), .max = 100});
  auto spec = f.text("spec", {.required = create || body.contains("spec"), .max = 50});
  auto unit = f.text("unit", {.required = create || body.contains("unit"), .max = 10});
  auto category = f.text("category", {.max = 50});
  auto price = f.integer("price", {.required = create, .min = 0, .max = kMaxUnitPrice});
  auto cost = f.integer("unit_cost", {.min = 0, .max = kMaxUnitPrice});
  auto active = f.boolean("active");
  auto version = f.integer("version", {.required = !create, .min = 1});
  for (auto* k : {"brand", "name", "spec", "unit", "price"})
    if (!create && body.contains(k) && body[k].is_null()) f.fail(k, "field.required");
  f.forbid("id");
  KEHU_CHECK(f.finish());
  if (brand.value) p.brand = *brand.value;
  if (name.value) p.name = *name.value;
  if (spec.value) p.spec = *spec.value;
  if (unit.value) p.unit = *unit.value;
  if (category.present) p.category = category.value;
  if (price.value) p.price = *price.value;
  if (cost.present) p.unit_cost = cost.value;
  if (active.value) p.active = *active.value;
  if (version.value) p.version = *version.value;
  return p;
}

nlohmann::json to_json(const Product& p, bool with_cost) {
  nlohmann::json j = {{"id", p.id},       {"brand", p.brand},  {"name", p.name},
                      {"spec", p.spec},   {"unit", p.unit},    {"category", p.category ? nlohmann::json(*p.category) : nlohmann::json()},
                      {"price", p.price}, {"active", p.active}, {"version", p.version}, {"updated_at", p.updated_at}};
  if (with_cost) j["unit_cost"] = p.unit_cost ? nlohmann::json(*p.unit_cost) : nlohmann::json();
  return j;
}

}  // namespace kehu::sales
