#include "modules/customers/customer_store.hpp"

#include <algorithm>
#include <map>

#include "platform/core/clock.hpp"
#include "platform/db/sql.hpp"
#include "platform/text/company_name.hpp"
#include "platform/text/search_keys.hpp"
#include "platform/text/sort_key.hpp"

namespace kehu::customers {
namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.type, c.name, c.short_name, c.credit_code, c.industry, c.size, "
    "c.province_code, rp.name, c.city_code, rc.name, c.district_code, rd.name, c.address, c.lat, c.lng, "
    "c.source, c.status, c.grade, c.tags, c.cooperation_start, c.credit_limit, c.bank_name, c.bank_account, "
    "c.tax_number, c.website, c.notes, c.custom, c.owner_id, o.name, c.department, c.leader_id, coalesce(l.name,''), "
    "c.version, c.created_at, c.updated_at, c.deleted_at, c.parent_id, coalesce(pc.name, ''), c.dealer_level, "
    "c.return_window_days "
    "FROM customers c ";
// The names a customer row shows. CROSS JOIN keeps `c` the outer loop: otherwise SQLite may
// start from users and test every customer of every owner against the scope (19 ms a page).
constexpr const char* kJoins =
    "CROSS JOIN users o ON o.id = c.owner_id LEFT JOIN users l ON l.id = c.leader_id "
    "LEFT JOIN customers pc ON pc.id = c.parent_id "
    "LEFT JOIN regions rp ON rp.code = c.province_code LEFT JOIN regions rc ON rc.code = c.city_code "
    "LEFT JOIN regions rd ON rd.code = c.district_code ";
constexpr const char* kCount = "SELECT count(*) FROM (SELECT 1 FROM customers c ";


constexpr const char* kInsert =
    "INSERT INTO customers(type, name, short_name, name_key, sort_key, credit_code, industry, size, province_code, city_code, "
    "district_code, address, lat, lng, source, status, grade, tags, cooperation_start, credit_limit, bank_name, "
    "bank_account, tax_number, website, notes, custom, owner_id, department, leader_id, parent_id, dealer_level, "
    "return_window_days, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kUpdate =
    "UPDATE customers SET type=?, name=?, short_name=?, name_key=?, sort_key=?, credit_code=?, industry=?, size=?, province_code=?, "
    "city_code=?, district_code=?, address=?, lat=?, lng=?, source=?, status=?, grade=?, tags=?, cooperation_start=?, "
    "credit_limit=?, bank_name=?, bank_account=?, tax_number=?, website=?, notes=?, custom=?, owner_id=?, department=?, "
    "leader_id=?, parent_id=?, dealer_level=?, return_window_days=?, version = version + 1, updated_at=? WHERE id=? AND version=?";
constexpr const char* kSoftDelete =
    "UPDATE customers SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND deleted_at IS NULL";
constexpr const char* kRestore =
    "UPDATE customers SET deleted_at = NULL, version = version + 1, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL";
constexpr const char* kPurge = "DELETE FROM customers WHERE id = ? AND deleted_at IS NOT NULL";
constexpr const char* kSearchDelete = "DELETE FROM customer_search WHERE rowid = ?";
constexpr const char* kSearchInsert = "INSERT INTO customer_search(rowid, keys) VALUES (?, ?)";
constexpr const char* kMembers =
    "SELECT m.user_id, u.name, m.access FROM customer_members m JOIN users u ON u.id = m.user_id WHERE m.customer_id = ? "
    "ORDER BY u.name";
constexpr const char* kContactSelect =
    "SELECT id, customer_id, name, title, mobile, landline, email, wechat, birthday, hobbies, family, personality, "
    "left_company, left_on, is_primary, version FROM contacts ";
constexpr const char* kContactInsert =
    "INSERT INTO contacts(customer_id, name, title, mobile, landline, email, wechat, birthday, hobbies, family, "
    "personality, left_company, left_on, is_primary, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kContactUpdate =
    "UPDATE contacts SET name=?, title=?, mobile=?, landline=?, email=?, wechat=?, birthday=?, hobbies=?, family=?, "
    "personality=?, left_company=?, left_on=?, is_primary=?, version = version + 1, updated_at=? WHERE id=? AND version=?";
constexpr const char* kContactDelete = "UPDATE contacts SET deleted_at = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr const char* kRegion = "SELECT name, level, parent FROM regions WHERE code = ?";
constexpr const char* kUserRole = "SELECT role, team_id, active FROM users WHERE id = ?";
constexpr const char* kDupCredit =
    "SELECT c.id, c.name, o.name FROM customers c JOIN users o ON o.id = c.owner_id WHERE c.credit_code = ? "
    "AND c.deleted_at IS NULL AND (? IS NULL OR c.id <> ?) LIMIT 5";
constexpr const char* kDupName =
    "SELECT c.id, c.name, o.name FROM customers c JOIN users o ON o.id = c.owner_id WHERE c.name_key = ? "
    "AND c.type = 'company' AND c.deleted_at IS NULL AND (? IS NULL OR c.id <> ?) LIMIT 5";
constexpr const char* kDupMobile =
    "SELECT c.id, c.name, o.name FROM contacts k JOIN customers c ON c.id = k.customer_id JOIN users o ON o.id = c.owner_id "
    "WHERE k.mobile = ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL AND (? IS NULL OR c.id <> ?) LIMIT 5";
constexpr const char* kTimeline =
    "SELECT a.id, a.at, a.user_id, coalesce(u.name,''), a.action, a.entity, a.entity_id, a.changes FROM audit_log a "
    "LEFT JOIN users u ON u.id = a.user_id WHERE (a.entity = 'customer' AND a.entity_id = ?1) OR (a.entity = 'contact' "
    "AND a.entity_id IN (SELECT id FROM contacts WHERE customer_id = ?1)) ORDER BY a.id DESC LIMIT ?2";
// Ancestors of a customer (itself at depth 0), bounded against cycles.
constexpr const char* kAncestors =
    "WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.parent_id, up.depth + 1 FROM customers c "
    "JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL AND up.depth < 16) SELECT id FROM up";
// The subtree's rows, from a JSON object {id: depth} of descendants_with_depth().
constexpr const char* kTreeNodes =
    "SELECT c.id, c.parent_id, c.name, c.dealer_level, o.name, CAST(d.value AS INTEGER) FROM json_each(?) d "
    "JOIN customers c ON c.id = CAST(d.key AS INTEGER) JOIN users o ON o.id = c.owner_id WHERE ";
constexpr int kMaxTreeDepth = 5;
constexpr const char* kHandoverInsert =
    "INSERT INTO customer_handovers(customer_id, from_user_id, to_user_id, reason, by_user_id, at) VALUES (?,?,?,?,?,?)";
constexpr const char* kHandovers =
    "SELECT h.id, h.customer_id, h.from_user_id, f.name, h.to_user_id, t.name, h.reason, h.by_user_id, "
    "coalesce(b.name,''), h.at FROM customer_handovers h JOIN users f ON f.id = h.from_user_id JOIN users t ON "
    "t.id = h.to_user_id LEFT JOIN users b ON b.id = h.by_user_id WHERE h.customer_id = ? ORDER BY h.id DESC";

using db::Sql;

void add_scope(Sql& sql, const auth::Scope& s) {
  auto scope = scope_condition(s);
  if (scope.clause == "1 = 1") return;
  sql.where += sql.where.empty() ? "WHERE " : " AND ";
  sql.where += scope.clause;
  sql.params.insert(sql.params.end(), scope.params.begin(), scope.params.end());
}

std::string now_iso() { return clock::to_iso_utc(clock::now()); }

Customer customer_from(const db::Row& r) {
  Customer c;
  int i = 0;
  c.id = CustomerId(r.i64(i++));
  c.type = r.text(i++);
  c.name = r.text(i++);
  c.short_name = r.opt_text(i++);
  c.credit_code = r.opt_text(i++);
  c.industry = r.opt_text(i++);
  c.size = r.opt_text(i++);
  c.province_code = r.opt_text(i++);
  c.province = r.opt_text(i++);
  c.city_code = r.opt_text(i++);
  c.city = r.opt_text(i++);
  c.district_code = r.opt_text(i++);
  c.district = r.opt_text(i++);
  c.address = r.opt_text(i++);
  c.lat = r.opt_f64(i++);
  c.lng = r.opt_f64(i++);
  c.source = r.opt_text(i++);
  c.status = r.text(i++);
  c.grade = r.opt_text(i++);
  c.tags = nlohmann::json::parse(r.text(i++), nullptr, false).get<std::vector<std::string>>();
  if (auto d = r.opt_text(i++)) c.cooperation_start = clock::parse_date(*d);
  c.credit_limit = r.i64(i++);
  c.bank_name = r.opt_text(i++);
  c.bank_account = r.opt_text(i++);
  c.tax_number = r.opt_text(i++);
  c.website = r.opt_text(i++);
  c.notes = r.opt_text(i++);
  c.custom = nlohmann::json::parse(r.text(i++), nullptr, false);
  c.owner = UserId(r.i64(i++));
  c.owner_name = r.text(i++);
  c.department = r.opt_text(i++);
  if (auto l = r.opt_i64(i++)) c.leader = UserId(*l);
  c.leader_name = r.text(i++);
  c.version = r.i64(i++);
  c.created_at = r.text(i++);
  c.updated_at = r.text(i++);
  c.deleted_at = r.opt_text(i++);
  if (auto p = r.opt_i64(i++)) c.parent = CustomerId(*p);
  c.parent_name = r.text(i++);
  c.dealer_level = r.opt_text(i++);
  c.return_window_days = r.i64(i++);
  return c;
}

Contact contact_from(const db::Row& r) {
  Contact c;
  c.id = ContactId(r.i64(0));
  c.customer = CustomerId(r.i64(1));
  c.name = r.text(2);
  c.title = r.opt_text(3);
  c.mobile = r.opt_text(4);
  c.landline = r.opt_text(5);
  c.email = r.opt_text(6);
  c.wechat = r.opt_text(7);
  if (auto b = r.opt_text(8)) {
    auto j = nlohmann::json::parse(*b, nullptr, false);
    Birthday bd;
    bd.lunar = j.value("calendar", "solar") == "lunar";
    if (!bd.lunar) bd.date = clock::parse_date(j.value("date", ""));
    bd.month = j.value("month", 0);
    bd.day = j.value("day", 0);
    bd.leap = j.value("leap", false);
    if (j.contains("year")) bd.year = j["year"].get<int>();
    c.birthday = bd;
  }
  c.hobbies = r.opt_text(9);
  c.family = r.opt_text(10);
  c.personality = r.opt_text(11);
  c.left_company = r.i64(12) != 0;
  if (auto d = r.opt_text(13)) c.left_on = clock::parse_date(*d);
  c.is_primary = r.i64(14) != 0;
  c.version = r.i64(15);
  return c;
}

std::optional<std::string> birthday_text(const Contact& c) {
  if (!c.birthday) return std::nullopt;
  return birthday_json(*c.birthday).dump();
}

std::optional<std::string> date_text(const std::optional<clock::Date>& d) {
  if (!d) return std::nullopt;
  return clock::format_date(*d);
}

std::optional<std::int64_t> opt_user(const std::optional<UserId>& u) {
  return u ? std::optional<std::int64_t>(u->value) : std::nullopt;
}

db::Params customer_params(const Customer& c) {
  return {c.type, c.name, c.short_name, text::company_name_key(c.name), text::pinyin_sort_key(c.name), c.credit_code, c.industry, c.size,
          c.province_code, c.city_code, c.district_code, c.address, c.lat, c.lng, c.source, c.status, c.grade,
          nlohmann::json(c.tags).dump(), date_text(c.cooperation_start), c.credit_limit, c.bank_name, c.bank_account,
          c.tax_number, c.website, c.notes, c.custom.dump(), c.owner.value, c.department, opt_user(c.leader),
          c.parent ? std::optional<std::int64_t>(c.parent->value) : std::nullopt, c.dealer_level, c.return_window_days};
}

db::Params contact_params(const Contact& k) {
  return {k.name, k.title, k.mobile, k.landline, k.email, k.wechat, birthday_text(k), k.hobbies, k.family,
          k.personality, k.left_company, date_text(k.left_on), k.is_primary};
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

}  // namespace

ListResult CustomerStore::list(const auth::Scope& s, const ListFilter& f) {
  // `base`: the filters without the scope (a broad search reads each half of the scope on its
  // own); `sql`: base and the scope, then the search.
  Sql base;
  base.add(f.deleted ? "c.deleted_at IS NOT NULL" : "c.deleted_at IS NULL");
  std::optional<std::string> match;
  if (f.q) {
    match = text::build_match_query(*f.q);
    if (!match) return {};
  }
  if (f.grade) base.add("c.grade = ?", {*f.grade});
  if (f.status) base.add("c.status = ?", {*f.status});
  if (f.industry) base.add("c.industry = ?", {*f.industry});
  if (f.size) base.add("c.size = ?", {*f.size});
  if (f.type) base.add("c.type = ?", {*f.type});
  if (f.province_code) base.add("c.province_code = ?", {*f.province_code});
  if (f.city_code) base.add("c.city_code = ?", {*f.city_code});
  if (f.tag) base.add("EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = ?)", {*f.tag});
  if (f.owner_id) base.add("c.owner_id = ?", {*f.owner_id});
  if (f.team_id) base.add("c.owner_id IN (SELECT id FROM users WHERE team_id = ?)", {*f.team_id});
  if (f.created_from) base.add("c.created_at >= ?", {*f.created_from});
  if (f.created_to) base.add("c.created_at < date(?, '+1 day')", {*f.created_to});
  Sql sql = base;
  add_scope(sql, s);
  // Sort columns come from the allow-list in customer.hpp, never from the request text.
  static const std::map<std::string, std::string> kSortColumns = {
      {"name", "c.sort_key"}, {"created_at", "c.created_at"}, {"updated_at", "c.updated_at"},
      {"grade", "c.grade"}, {"status", "c.status"}, {"cooperation_start", "c.cooperation_start"},
      {"credit_limit", "c.credit_limit"}};
  // A manager's or team's customers are few (thousands): filter them through the owner
  // index, then sort. The unary + keeps SQLite from walking a company-wide index in sort
  // order instead (56 ms for a page at a million customers); the director's lists walk it.
  const std::string sort_prefix = s.visibility == auth::Scope::Visibility::kAll ? "" : "+";
  const std::string order = " ORDER BY " + sort_prefix + kSortColumns.at(f.sort.field) + (f.sort.descending ? " DESC" : " ASC") +
                            ", c.id" + (f.sort.descending ? " DESC" : " ASC");
  return db_.read([&](db::Conn& c) {
    ListResult out;
    bool broad = false;
    if (match) {
      // An account manager's search starts from the manager's own customers (a few thousand
      // entries of a covering index) and keeps those in the matches, instead of looking up
      // every match (3,342 customers for 王伟 at a million: 4.4 → 2.2 ms). A team's search
      // does so when it matches more customers than a manager has (two pinyin initials match
      // tens of thousands); the unary + stops SQLite from starting from the matches.
      constexpr std::int64_t kBroad = 5000;
      broad = s.visibility == auth::Scope::Visibility::kOwn ||
              (s.visibility == auth::Scope::Visibility::kTeam &&
               c.scalar_i64("SELECT count(*) FROM (SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT ?)",
                            {*match, kBroad + 1})
                       .value_or(0) > kBroad);
      sql.add(std::string(broad ? "+" : "") + "c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)", {*match});
      // A plain search over all customers with more index matches than the cap plus every
      // customer in the recycle bin has more live matches than the cap: no row need be read
      // to say so.
      const bool plain = s.visibility == auth::Scope::Visibility::kAll && !f.deleted && !f.grade && !f.status &&
                         !f.industry && !f.size && !f.type && !f.province_code && !f.city_code && !f.tag && !f.owner_id &&
                         !f.team_id && !f.created_from && !f.created_to;
      if (plain) {
        const auto deleted = c.scalar_i64("SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL").value_or(0);
        const auto limit = kCountCap + deleted;
        if (c.scalar_i64("SELECT count(*) FROM (SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT ?)",
                         {*match, limit + 1}).value_or(0) > limit) {
          out.total = kCountCap;
          out.capped = true;
        }
      }
    }
    // A search reads its matches once (id and sort value, up to the cap) and sorts them here:
    // the count and the page come from the same pass, half the row reads of two queries.
    if (f.q && !out.capped) {
      struct Hit {
        std::int64_t id;
        std::optional<std::string> text;
        std::int64_t number;
      };
      const bool numeric = f.sort.field == "credit_limit";
      const std::string hit = "SELECT c.id, " + kSortColumns.at(f.sort.field) + " FROM customers c ";
      auto to_hit = [&](const db::Row& r) {
        return Hit{r.i64(0), numeric ? std::nullopt : r.opt_text(1), numeric ? r.i64(1) : 0};
      };
      std::vector<Hit> hits;
      bool have_hits = false;
      const auto halves = scope_halves(s);
      if (broad && halves && !f.deleted) {
        // The matches' ids from the search index, in order, then each half of the scope read
        // on its own and kept where its id is a match, here rather than in SQL: an IN
        // (subquery) built a temporary index of every match on each search (23,793 for "ww":
        // 3 ms for the owned half, against 0.5 ms to read the ids and 0.4 ms for the half).
        // A search matching more than kMatchSet customers leaves it to SQLite.
        constexpr std::int64_t kMatchSet = 200000;
        std::vector<std::int64_t> matches;
        c.query("SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT ?", {*match, kMatchSet + 1},
                [&](const db::Row& r) { matches.push_back(r.i64(0)); });
        if (static_cast<std::int64_t>(matches.size()) <= kMatchSet) {
          if (!std::is_sorted(matches.begin(), matches.end())) std::sort(matches.begin(), matches.end());
          auto keep = [&](const db::Row& r) {
            if (std::binary_search(matches.begin(), matches.end(), r.i64(0))) hits.push_back(to_hit(r));
          };
          Sql owned = base, shared = base;
          owned.add(halves->owned.clause, halves->owned.params);
          shared.add(halves->shared.clause, halves->shared.params);
          // The owned half from the covering owner index (0015_covering_list_indexes.sql).
          c.query(hit + "INDEXED BY customers_list_owner " + owned.where, owned.params, keep);
          c.query(hit + shared.where, shared.params, keep);
          // A customer both owned and shared within the scope comes once.
          std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.id < b.id; });
          hits.erase(std::unique(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.id == b.id; }),
                     hits.end());
          have_hits = true;
        }
      }
      if (!have_hits) {
        // Others look their matches up by id: a rowid lookup costs less than one in an index
        // keyed by id (SQLite compares records there, integers here).
        auto hit_params = sql.params;
        hit_params.emplace_back(kCountCap + 1);
        hits = c.rows(hit + sql.where + " LIMIT ?", hit_params, to_hit);
      }
      if (static_cast<std::int64_t>(hits.size()) <= kCountCap) {
        // SQLite's order: NULL first, then by value (BINARY), then by id; DESC reverses all.
        auto less = [&](const Hit& a, const Hit& b) {
          if (numeric && a.number != b.number) return a.number < b.number;
          if (!numeric && a.text != b.text) return !a.text || (b.text && *a.text < *b.text);
          return a.id < b.id;
        };
        std::sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) { return f.sort.descending ? less(b, a) : less(a, b); });
        out.total = static_cast<std::int64_t>(hits.size());
        nlohmann::json ids = nlohmann::json::array();
        for (auto i = (f.page - 1) * f.page_size; i < out.total && i < f.page * f.page_size; ++i)
          ids.push_back(hits[static_cast<std::size_t>(i)].id);
        if (!ids.empty())
          out.items = c.rows(std::string(kSelect) + kJoins + "WHERE c.id IN (SELECT value FROM json_each(?))" + order,
                             {ids.dump()}, customer_from);
        return out;
      }
      out.total = kCountCap;  // more matches than the cap: the pass above counted them
      out.capped = true;
    } else if (!out.capped) {
      auto count_params = sql.params;
      count_params.emplace_back(kCountCap + 1);
      out.total = c.scalar_i64(kCount + sql.where + " LIMIT ?)", count_params).value_or(0);
      out.capped = out.total > kCountCap;
      if (out.capped) out.total = kCountCap;
    }
    auto params = sql.params;
    params.emplace_back(f.page_size);
    params.emplace_back((f.page - 1) * f.page_size);
    // The page's ids first, from customers alone; then the names for those 50 only (a search
    // matching thousands no longer joins users and regions for every match). A search with
    // more matches than the cap, over all customers by name or by last change, walks that
    // index and keeps the matches (5 ms) instead of sorting tens of thousands (33 ms).
    static const std::map<std::string, std::string> kSortIndexes = {{"name", "customers_live_sort"},
                                                                     {"updated_at", "customers_live_updated"}};
    const auto sort_index = kSortIndexes.find(f.sort.field);
    const bool walk = out.capped && f.q && !f.deleted && sort_index != kSortIndexes.end() &&
                      s.visibility == auth::Scope::Visibility::kAll;
    const std::string page = "SELECT c.id FROM customers c " + (walk ? "INDEXED BY " + sort_index->second + " " : std::string()) +
                             sql.where + order + " LIMIT ? OFFSET ?";
    out.items = c.rows(std::string(kSelect).replace(std::string(kSelect).rfind("FROM customers c "), 17,
                                                    "FROM (" + page + ") page CROSS JOIN customers c ON c.id = page.id ") +
                           kJoins + order,
                       params, customer_from);
    return out;
  });
}

std::optional<Customer> CustomerStore::get(db::Conn& c, const auth::Scope& s, CustomerId id, bool include_deleted) {
  Sql sql;
  sql.add("c.id = ?", {id.value});
  if (!include_deleted) sql.add("c.deleted_at IS NULL");
  add_scope(sql, s);
  auto cu = c.one(std::string(kSelect) + kJoins + sql.where, sql.params, customer_from);
  if (cu) {
    c.query(kMembers, {id.value}, [&](const db::Row& r) { cu->members.push_back({UserId(r.i64(0)), r.text(1), r.text(2)}); });
  }
  return cu;
}

std::optional<Customer> CustomerStore::get(const auth::Scope& s, CustomerId id, bool include_deleted) {
  return db_.read([&](db::Conn& c) { return get(c, s, id, include_deleted); });
}

Status CustomerStore::check_access(db::Conn& c, const auth::Scope& s, CustomerId id, Access a, bool include_deleted) {
  return check_customer_access(c, s, id, a, include_deleted);
}

Status CustomerStore::check_references(db::Conn& c, Customer& cu) {
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  struct Level {
    const std::optional<std::string>& code;
    std::optional<std::string>& name;
    int level;
    const char* field;
    const std::optional<std::string>* parent;
  };
  Level levels[] = {{cu.province_code, cu.province, 1, "province_code", nullptr},
                    {cu.city_code, cu.city, 2, "city_code", &cu.province_code},
                    {cu.district_code, cu.district, 3, "district_code", &cu.city_code}};
  for (auto& l : levels) {
    if (!l.code) continue;
    bool ok = false;
    c.query(kRegion, {*l.code}, [&](const db::Row& r) {
      ok = r.i64(1) == l.level && (!l.parent || !*l.parent || r.opt_text(2) == **l.parent);
      l.name = r.text(0);
    });
    if (!ok) e.field(l.field, "customer.region_invalid");
  }
  if (cu.district_code && !cu.city_code) e.field("city_code", "field.required");
  if (cu.city_code && !cu.province_code) e.field("province_code", "field.required");
  if (cu.leader) {
    auto role = c.scalar_text("SELECT role FROM users WHERE id = ? AND active = 1", {cu.leader->value});
    if (!role) e.field("leader_id", "customer.user_invalid");
  }
  if (!cu.custom.empty()) {
    for (const auto& [key, value] : cu.custom.items()) {
      auto type = c.scalar_text("SELECT type FROM customer_fields WHERE key = ?", {key});
      if (!type) e.field("custom." + key, "field.unknown");
      else if (!value.is_null() && ((*type == "number" && !value.is_number()) || (*type != "number" && !value.is_string())))
        e.field("custom." + key, "field.invalid");
      else if (value.is_string() && value.get<std::string>().size() > 1000) e.field("custom." + key, "field.too_long|max=1000");
    }
  }
  if (!e.fields.empty()) return e;
  return ok_status();
}

std::vector<Match> CustomerStore::duplicates(db::Conn& c, const auth::Scope& s, const Customer& cu,
                                             const std::vector<Contact>& contacts, std::optional<CustomerId> except) {
  std::vector<Match> out;
  const std::optional<std::int64_t> ex = except ? std::optional<std::int64_t>(except->value) : std::nullopt;
  auto collect = [&](const char* sql, const std::string& key, const char* reason) {
    c.query(sql, {key, ex, ex}, [&](const db::Row& r) {
      const CustomerId id(r.i64(0));
      if (std::any_of(out.begin(), out.end(), [&](const Match& m) { return m.id == id && m.reason == reason; })) return;
      out.push_back({id, r.text(1), r.text(2), reason});
    });
  };
  if (cu.credit_code) collect(kDupCredit, *cu.credit_code, "credit_code");
  if (cu.type == "company") collect(kDupName, text::company_name_key(cu.name), "name");
  for (const auto& k : contacts)
    if (k.mobile) collect(kDupMobile, *k.mobile, "mobile");
  // Matches outside the caller's scope are reported without id and name.
  for (auto& m : out) {
    if (!check_access(c, s, *m.id, Access::kRead).ok()) {
      m.id.reset();
      m.name.clear();
    }
  }
  return out;
}

namespace {
Error duplicate_error(const std::vector<Match>& matches) {
  Error e(ErrorCode::kDuplicate, "customer.duplicate");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : matches)
    list.push_back({{"id", m.id ? nlohmann::json(m.id->value) : nlohmann::json()},
                    {"name", m.id ? nlohmann::json(m.name) : nlohmann::json()},
                    {"owner_name", m.owner_name},
                    {"reason", m.reason},
                    {"visible", m.id.has_value()}});
  e.details["matches"] = list;
  return e;
}

// Who may own customers, and who a caller may give them to.
Status check_owner(db::Conn& c, const auth::Scope& s, UserId owner) {
  std::optional<std::string> role;
  std::optional<std::int64_t> team;
  bool active = false;
  c.query(kUserRole, {owner.value}, [&](const db::Row& r) {
    role = r.text(0);
    team = r.opt_i64(1);
    active = r.i64(2) != 0;
  });
  if (!role || !active || (*role != "account_manager" && *role != "manager" && *role != "director"))
    return validation("owner_id", "customer.owner_invalid");
  if (s.visibility == auth::Scope::Visibility::kTeam && owner != s.user && (!s.team || team != s.team->value))
    return validation("owner_id", "customer.owner_outside_team");
  if (s.visibility == auth::Scope::Visibility::kOwn && owner != s.user) return validation("owner_id", "customer.owner_invalid");
  return ok_status();
}
}  // namespace

void CustomerStore::reindex(db::Conn& c, CustomerId id) {
  text::SearchSource src;
  std::optional<std::string> credit, tax;
  c.query("SELECT name, short_name, credit_code, tax_number FROM customers WHERE id = ?", {id.value}, [&](const db::Row& r) {
    src.names.push_back(r.text(0));
    if (auto s = r.opt_text(1)) src.names.push_back(*s);
    if (auto s = r.opt_text(2)) src.codes.push_back(*s);
    if (auto s = r.opt_text(3)) src.codes.push_back(*s);
  });
  c.query("SELECT name, mobile, landline FROM contacts WHERE customer_id = ? AND deleted_at IS NULL", {id.value},
          [&](const db::Row& r) {
            src.names.push_back(r.text(0));
            if (auto s = r.opt_text(1)) src.numbers.push_back(*s);
            if (auto s = r.opt_text(2)) src.numbers.push_back(*s);
          });
  c.exec(kSearchDelete, {id.value});
  c.exec(kSearchInsert, {id.value, text::build_index_text(src)});
}

Status CustomerStore::check_parent(db::Conn& c, const auth::Scope& s, const Customer& cu) {
  if (!cu.parent) return ok_status();
  if (cu.id.valid() && *cu.parent == cu.id) return validation("parent_id", "customer.parent_cycle");
  if (!check_customer_access(c, s, *cu.parent, Access::kRead, false).ok()) return validation("parent_id", "customer.parent_invalid");
  int depth = 0;
  bool cycle = false;
  c.query(kAncestors, {cu.parent->value}, [&](const db::Row& r) {
    ++depth;
    if (cu.id.valid() && r.i64(0) == cu.id.value) cycle = true;
  });
  if (cycle) return validation("parent_id", "customer.parent_cycle");
  if (depth >= kMaxTreeDepth) return validation("parent_id", "customer.tree_too_deep");
  return ok_status();
}

Result<nlohmann::json> CustomerStore::subtree(const auth::Scope& s, CustomerId id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(check_customer_access(c, s, id, Access::kRead, false));
    auto scope = scope_condition(s);
    nlohmann::json depths = {{std::to_string(id.value), 0}};
    for (const auto& [d, depth] : descendants_with_depth(c, id)) depths[std::to_string(d.value)] = depth;
    db::Params params{depths.dump()};
    params.insert(params.end(), scope.params.begin(), scope.params.end());
    struct Node {
      std::int64_t id, parent;
      nlohmann::json json;
    };
    std::vector<Node> nodes;  // breadth first: parents before children
    c.query(std::string(kTreeNodes) + scope.clause + " ORDER BY 6, c.sort_key", params, [&](const db::Row& r) {
      nodes.push_back({r.i64(0), r.opt_i64(1).value_or(0),
                       {{"id", r.i64(0)}, {"name", r.text(2)},
                        {"dealer_level", r.is_null(3) ? nlohmann::json() : nlohmann::json(r.text(3))},
                        {"owner_name", r.text(4)}, {"depth", r.i64(5)}, {"children", nlohmann::json::array()}}});
    });
    // Attach children to parents from the deepest level up.
    std::map<std::int64_t, std::size_t> index;
    for (std::size_t i = 0; i < nodes.size(); ++i) index[nodes[i].id] = i;
    for (std::size_t i = nodes.size(); i-- > 1;) {
      auto p = index.find(nodes[i].parent);
      if (p == index.end()) continue;  // its parent is outside the scope: the branch is left out
      auto& children = nodes[p->second].json["children"];
      children.insert(children.begin(), std::move(nodes[i].json));
    }
    return nodes.empty() ? nlohmann::json::object() : std::move(nodes[0].json);
  });
}

Result<Customer> CustomerStore::create(const auth::Scope& s, const CustomerInput& in, const audit::Actor& actor) {
  if (!s.can_write) return forbidden();
  return db_.write([&](db::Conn& c) -> Result<Customer> {
    Customer cu;
    cu.owner = s.user;
    apply(in, cu);
    KEHU_CHECK(check_owner(c, s, cu.owner));
    KEHU_CHECK(check_references(c, cu));
    KEHU_CHECK(check_parent(c, s, cu));
    if (!in.confirm_duplicate) {
      auto matches = duplicates(c, s, cu, in.contacts, std::nullopt);
      if (!matches.empty()) return duplicate_error(matches);
    }
    const auto now = now_iso();
    auto params = customer_params(cu);
    params.emplace_back(s.user.value);
    params.emplace_back(now);
    params.emplace_back(now);
    const CustomerId id(c.exec(kInsert, params).last_id);
    for (auto k : in.contacts) {
      auto kp = contact_params(k);
      kp.emplace(kp.begin(), id.value);
      kp.emplace_back(now);
      kp.emplace_back(now);
      k.id = ContactId(c.exec(kContactInsert, kp).last_id);
      k.customer = id;
      audit::record(c, actor, "create", "contact", k.id.value, audit::diff({}, audit_json(k)));
    }
    reindex(c, id);
    auto fresh = *get(c, auth::Scope{auth::Scope::Visibility::kAll}, id);
    audit::record(c, actor, "create", "customer", id.value, audit::diff({}, audit_json(fresh)));
    return fresh;
  });
}

Result<Customer> CustomerStore::update(const auth::Scope& s, CustomerId id, const CustomerInput& in, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Customer> {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite));
    auto before = *get(c, s, id);
    if (before.version != *in.version.value) return stale_version();
    Customer after = before;
    apply(in, after);
    if (after.owner != before.owner) KEHU_CHECK(check_owner(c, s, after.owner));
    KEHU_CHECK(check_references(c, after));
    if (after.parent != before.parent) KEHU_CHECK(check_parent(c, s, after));
    const bool identity_changed = after.name != before.name || after.credit_code != before.credit_code;
    if (identity_changed && !in.confirm_duplicate) {
      auto matches = duplicates(c, s, after, {}, id);
      if (!matches.empty()) return duplicate_error(matches);
    }
    auto params = customer_params(after);
    params.emplace_back(now_iso());
    params.emplace_back(id.value);
    params.emplace_back(before.version);
    if (c.exec(kUpdate, params).changes == 0) return stale_version();
    reindex(c, id);
    auto fresh = *get(c, auth::Scope{auth::Scope::Visibility::kAll}, id);
    auto changes = audit::diff(audit_json(before), audit_json(fresh));
    if (after.owner != before.owner) {
      c.exec(kHandoverInsert, {id.value, before.owner.value, after.owner.value, "edit", actor.user_id, now_iso()});
    }
    audit::record(c, actor, "update", "customer", id.value, changes);
    return fresh;
  });
}

Status CustomerStore::remove(const auth::Scope& s, CustomerId id, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite));
    const auto now = now_iso();
    if (c.exec(kSoftDelete, {now, now, id.value, version}).changes == 0) return stale_version();
    audit::record(c, actor, "delete", "customer", id.value);
    return ok_status();
  });
}

Result<Customer> CustomerStore::restore(const auth::Scope& s, CustomerId id, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Customer> {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite, true));
    if (c.exec(kRestore, {now_iso(), id.value}).changes == 0) return Error(ErrorCode::kValidationFailed, "customer.not_deleted");
    audit::record(c, actor, "restore", "customer", id.value);
    return *get(c, s, id);
  });
}

Status CustomerStore::purge(CustomerId id, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    auto name = c.scalar_text("SELECT name FROM customers WHERE id = ? AND deleted_at IS NOT NULL", {id.value});
    if (!name) return not_found();
    c.exec(kSearchDelete, {id.value});
    c.exec(kPurge, {id.value});
    audit::record(c, actor, "purge", "customer", id.value, {{"name", *name}});
    return ok_status();
  });
}

std::vector<Contact> CustomerStore::contacts(db::Conn& c, CustomerId id) {
  return c.rows(std::string(kContactSelect) + "WHERE customer_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, id",
                {id.value}, contact_from);
}

Result<Contact> CustomerStore::add_contact(const auth::Scope& s, CustomerId id, const Contact& in, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Contact> {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite));
    const auto now = now_iso();
    auto kp = contact_params(in);
    kp.emplace(kp.begin(), id.value);
    kp.emplace_back(now);
    kp.emplace_back(now);
    const auto cid = c.exec(kContactInsert, kp).last_id;
    reindex(c, id);
    c.exec("UPDATE customers SET updated_at = ? WHERE id = ?", {now, id.value});
    auto k = *c.one(std::string(kContactSelect) + "WHERE id = ?", {cid}, contact_from);
    audit::record(c, actor, "create", "contact", cid, audit::diff({}, audit_json(k)));
    return k;
  });
}

Result<Contact> CustomerStore::update_contact(const auth::Scope& s, ContactId id, const nlohmann::json& body,
                                              const Contact& parsed, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Contact> {
    auto before = c.one(std::string(kContactSelect) + "WHERE id = ? AND deleted_at IS NULL", {id.value}, contact_from);
    if (!before) return not_found();
    KEHU_CHECK(check_access(c, s, before->customer, Access::kWrite));
    if (before->version != parsed.version) return stale_version();
    Contact after = *before;
    apply_contact(body, parsed, after);
    auto kp = contact_params(after);
    kp.emplace_back(now_iso());
    kp.emplace_back(id.value);
    kp.emplace_back(before->version);
    if (c.exec(kContactUpdate, kp).changes == 0) return stale_version();
    reindex(c, before->customer);
    auto fresh = *c.one(std::string(kContactSelect) + "WHERE id = ?", {id.value}, contact_from);
    audit::record(c, actor, "update", "contact", id.value, audit::diff(audit_json(*before), audit_json(fresh)));
    return fresh;
  });
}

Status CustomerStore::remove_contact(const auth::Scope& s, ContactId id, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Status {
    auto before = c.one(std::string(kContactSelect) + "WHERE id = ? AND deleted_at IS NULL", {id.value}, contact_from);
    if (!before) return not_found();
    KEHU_CHECK(check_access(c, s, before->customer, Access::kWrite));
    if (c.exec(kContactDelete, {now_iso(), id.value, version}).changes == 0) return stale_version();
    reindex(c, before->customer);
    audit::record(c, actor, "delete", "contact", id.value, {{"name", before->name}});
    return ok_status();
  });
}

Result<Customer> CustomerStore::add_member(const auth::Scope& s, CustomerId id, UserId user, const std::string& access,
                                           const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Customer> {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite));
    auto role = c.scalar_text("SELECT role FROM users WHERE id = ? AND active = 1", {user.value});
    if (!role || (*role != "account_manager" && *role != "manager" && *role != "director"))
      return validation("user_id", "customer.user_invalid");
    c.exec("INSERT INTO customer_members(customer_id, user_id, access) VALUES (?,?,?) "
           "ON CONFLICT(customer_id, user_id) DO UPDATE SET access = excluded.access",
           {id.value, user.value, access});
    c.exec("UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), id.value});
    audit::record(c, actor, "add_member", "customer", id.value, {{"members", {{"from", nullptr}, {"to", {{"user_id", user.value}, {"access", access}}}}}});
    return *get(c, auth::Scope{auth::Scope::Visibility::kAll}, id);
  });
}

Result<Customer> CustomerStore::remove_member(const auth::Scope& s, CustomerId id, UserId user, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<Customer> {
    KEHU_CHECK(check_access(c, s, id, Access::kWrite));
    if (c.exec("DELETE FROM customer_members WHERE customer_id = ? AND user_id = ?", {id.value, user.value}).changes == 0)
      return not_found();
    c.exec("UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), id.value});
    audit::record(c, actor, "remove_member", "customer", id.value, {{"members", {{"from", {{"user_id", user.value}}}, {"to", nullptr}}}});
    return *get(c, auth::Scope{auth::Scope::Visibility::kAll}, id);
  });
}

Result<std::int64_t> CustomerStore::handover(const auth::Principal& p, const std::vector<CustomerId>& ids, bool all,
                                             UserId from, UserId to, const std::optional<std::string>& reason,
                                             const audit::Actor& actor) {
  const auto s = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<std::int64_t> {
    if (from == to) return validation("to_user_id", "customer.handover_same_user");
    auto from_role = c.scalar_text("SELECT role FROM users WHERE id = ?", {from.value});
    if (!from_role) return validation("from_user_id", "customer.user_invalid");
    KEHU_CHECK(check_owner(c, s, to));
    std::vector<CustomerId> targets = ids;
    if (all) {
      Sql sql;
      sql.add("c.owner_id = ?", {from.value});
      sql.add("c.deleted_at IS NULL");
      add_scope(sql, s);
      c.query(std::string("SELECT c.id FROM customers c ") + sql.where, sql.params,
              [&](const db::Row& r) { targets.emplace_back(r.i64(0)); });
    }
    const auto now = now_iso();
    std::int64_t moved = 0;
    for (auto id : targets) {
      KEHU_CHECK(check_access(c, s, id, Access::kWrite));
      auto owner = c.scalar_i64("SELECT owner_id FROM customers WHERE id = ?", {id.value});
      if (!owner || *owner != from.value) return validation("customer_ids", "customer.handover_not_owner");
      c.exec("UPDATE customers SET owner_id = ?, version = version + 1, updated_at = ? WHERE id = ?", {to.value, now, id.value});
      c.exec("DELETE FROM customer_members WHERE customer_id = ? AND user_id = ?", {id.value, to.value});
      c.exec(kHandoverInsert, {id.value, from.value, to.value, reason, p.user.value, now});
      audit::record(c, actor, "handover", "customer", id.value,
                    {{"owner_id", {{"from", from.value}, {"to", to.value}}}, {"reason", reason ? nlohmann::json(*reason) : nlohmann::json()}});
      ++moved;
    }
    return moved;
  });
}

nlohmann::json CustomerStore::handovers(CustomerId id) {
  return db_.read([&](db::Conn& c) {
    nlohmann::json items = nlohmann::json::array();
    c.query(kHandovers, {id.value}, [&](const db::Row& r) {
      items.push_back({{"id", r.i64(0)}, {"customer_id", r.i64(1)}, {"from_user_id", r.i64(2)}, {"from_name", r.text(3)},
                       {"to_user_id", r.i64(4)}, {"to_name", r.text(5)},
                       {"reason", r.opt_text(6) ? nlohmann::json(*r.opt_text(6)) : nlohmann::json()},
                       {"by_user_id", r.opt_i64(7) ? nlohmann::json(*r.opt_i64(7)) : nlohmann::json()},
                       {"by_name", r.text(8)}, {"at", r.text(9)}});
    });
    return items;
  });
}

std::vector<audit::Entry> CustomerStore::timeline(CustomerId id, std::int64_t limit) {
  return db_.read([&](db::Conn& c) {
    return c.rows(kTimeline, {id.value, limit}, audit::entry_from_row);
  });
}

}  // namespace kehu::customers
