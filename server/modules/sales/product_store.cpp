#include "modules/sales/product.hpp"
#include "platform/core/clock.hpp"
#include "platform/text/fold.hpp"
#include "platform/text/search_keys.hpp"
#include "platform/text/sort_key.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kColumns =
    "SELECT id, brand, name, spec, unit, category, price, unit_cost, active, version, updated_at FROM products p ";
constexpr const char* kInsert =
    "INSERT INTO products(brand, name, spec, unit, category, price, unit_cost, active, sort_key, search_keys, created_at, "
    "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE products SET brand=?, name=?, spec=?, unit=?, category=?, price=?, unit_cost=?, active=?, sort_key=?, "
    "search_keys=?, version = version + 1, updated_at=? WHERE id=? AND version=?";
// Search is a plain LIKE on a folded text: a catalogue has hundreds of products, not millions.
constexpr const char* kWhere =
    "WHERE (?1 IS NULL OR lower(p.brand || ' ' || p.name || ' ' || p.spec || ' ' || coalesce(p.category,'')) "
    "LIKE ?1 ESCAPE '\\' OR p.search_keys LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR p.category = ?2) AND (?3 IS NULL OR p.active = ?3) ";

Product from_row(const db::Row& r) {
  Product p;
  p.id = r.i64(0);
  p.brand = r.text(1);
  p.name = r.text(2);
  p.spec = r.text(3);
  p.unit = r.text(4);
  p.category = r.opt_text(5);
  p.price = r.i64(6);
  p.unit_cost = r.opt_i64(7);
  p.active = r.i64(8) != 0;
  p.version = r.i64(9);
  p.updated_at = r.text(10);
  return p;
}

std::string like_pattern(const std::string& q) {
  std::string out = "%";
  for (char c : text::fold(q)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// Name first: sort=name orders by the name (then brand, spec); search reads the whole key.
std::string search_keys(const Product& p) {
  return " " + text::build_index_text({.names = {p.brand, p.name, p.spec}}) + " ";
}

std::string sort_key(const Product& p) { return text::pinyin_sort_key(p.name + " " + p.brand + " " + p.spec); }

Error already_exists() {
  return Error(ErrorCode::kAlreadyExists, "sales.product_exists").field("name", "sales.product_exists");
}

}  // namespace

std::pair<std::vector<Product>, std::int64_t> ProductStore::list(const ProductFilter& f) {
  static const std::map<std::string, std::string> kSort = {
      {"name", "p.sort_key"}, {"brand", "p.brand"}, {"price", "p.price"}, {"updated_at", "p.updated_at"}};
  std::optional<std::string> like;
  if (f.q) like = like_pattern(*f.q);
  const db::Params params{like, f.category, f.active};
  const std::string order =
      "ORDER BY " + kSort.at(f.sort.field) + (f.sort.descending ? " DESC" : " ASC") + ", p.id LIMIT ?4 OFFSET ?5";
  return db_.read([&](db::Conn& c) {
    auto total = c.scalar_i64(std::string("SELECT count(*) FROM products p ") + kWhere, params).value_or(0);
    db::Params page = params;
    page.emplace_back(f.page_size);
    page.emplace_back((f.page - 1) * f.page_size);
    return std::make_pair(c.rows(std::string(kColumns) + kWhere + order, page, from_row), total);
  });
}

std::optional<Product> ProductStore::get(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kColumns) + "WHERE id = ?", {id}, from_row);
}

std::optional<Product> ProductStore::get(std::int64_t id) {
  return db_.read([&](db::Conn& c) { return get(c, id); });
}

Result<Product> ProductStore::create(const Product& p, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Product> {
    const auto now = clock::to_iso_utc(clock::now());
    std::int64_t id = 0;
    try {
      id = c.exec(kInsert, {p.brand, p.name, p.spec, p.unit, p.category, p.price, p.unit_cost, p.active, sort_key(p), search_keys(p), now, now})
               .last_id;
    } catch (const db::ConstraintError& e) {
      if (e.kind == db::ConstraintError::Kind::kUnique) return already_exists();
      throw;
    }
    auto fresh = *get(c, id);
    audit::record(c, actor, "create", "product", id, audit::diff({}, to_json(fresh, true)));
    return fresh;
  });
}

Result<Product> ProductStore::update(std::int64_t id, const Product& p, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Product> {
    auto before = get(c, id);
    if (!before) return not_found();
    if (before->version != p.version) return stale_version();
    try {
      if (c.exec(kUpdate, {p.brand, p.name, p.spec, p.unit, p.category, p.price, p.unit_cost, p.active, sort_key(p),
                           search_keys(p), clock::to_iso_utc(clock::now()), id, p.version})
              .changes == 0)
        return stale_version();
    } catch (const db::ConstraintError& e) {
      if (e.kind == db::ConstraintError::Kind::kUnique) return already_exists();
      throw;
    }
    auto fresh = *get(c, id);
    auto b = to_json(*before, true), a = to_json(fresh, true);
    b.erase("version"); b.erase("updated_at"); a.erase("version"); a.erase("updated_at");
    audit::record(c, actor, "update", "product", id, audit::diff(b, a));
    return fresh;
  });
}

}  // namespace kehu::sales
