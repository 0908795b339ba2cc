#include "modules/customers/customer_field.hpp"

#include "platform/core/clock.hpp"
#include "platform/http/fields.hpp"

namespace kehu::customers {
namespace {

constexpr const char* kList = "SELECT id, key, label, type, options, version FROM customer_fields ORDER BY id";
constexpr const char* kInsert = "INSERT INTO customer_fields(key, label, type, options, created_at) VALUES (?,?,?,?,?)";
constexpr const char* kExists = "SELECT 1 FROM customer_fields WHERE key = ?";

bool valid_key(const std::string& k) {
  if (k.empty() || k.size() > 40 || !(k[0] >= 'a' && k[0] <= 'z')) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

nlohmann::json list(db::Database& db) {
  return db.read([](db::Conn& c) {
    nlohmann::json items = nlohmann::json::array();
    c.query(kList, {}, [&](const db::Row& r) {
      items.push_back({{"id", r.i64(0)}, {"key", r.text(1)}, {"label", r.text(2)}, {"type", r.text(3)},
                       {"options", nlohmann::json::parse(r.text(4), nullptr, false)}, {"version", r.i64(5)}});
    });
    return items;
  });
}

}  // namespace

void register_field_routes(http::Router& r, auth::Auth& a) {
  r.get("/api/v1/customer-fields", auth::guard(a, [&a](http::Request&, const auth::Principal&) -> Result<http::Response> {
    return http::Response::ok({{"items", list(a.db())}});
  }));
  r.post("/api/v1/customer-fields", auth::guard(a, {auth::Role::kAdmin}, [&a](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto key = f.text("key", {.required = true, .max = 40});
    auto label = f.text("label", {.required = true, .max = 50});
    auto type = f.choice("type", {"text", "number", "date", "select"}, true);
    auto options = f.text_list("options", 50, 50);
    if (key.value && !valid_key(*key.value)) f.fail("key", "customer.field_key_invalid");
    if (type.value && *type.value == "select" && (!options.value || options.value->empty())) f.fail("options", "field.required");
    KEHU_CHECK(f.finish());
    return a.db().write([&](db::Conn& c) -> Result<http::Response> {
      if (c.scalar_i64(kExists, {*key.value}))
        return Error(ErrorCode::kAlreadyExists, "customer.field_exists").field("key", "customer.field_exists");
      const nlohmann::json opts = options.value.value_or(std::vector<std::string>{});
      const auto id = c.exec(kInsert, {*key.value, *label.value, *type.value, opts.dump(), clock::to_iso_utc(clock::now())}).last_id;
      nlohmann::json out = {{"id", id}, {"key", *key.value}, {"label", *label.value}, {"type", *type.value},
                            {"options", opts}, {"version", 1}};
      audit::record(c, auth::actor_of(req, p), "create", "customer_field", id, out);
      return http::Response::created(out);
    });
  }));
}

}  // namespace kehu::customers
