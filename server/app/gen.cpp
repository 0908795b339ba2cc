// `kehu gen`: users, products and the customer archive (customers, contacts, the search
// index, the distribution tree), then per chunk of customers their activity
// (gen_activity.cpp); finally ANALYZE, a checkpoint and the manifest for the benchmark.
#include "app/gen.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/gen_internal.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/migrations.hpp"
#include "platform/text/company_name.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/search_keys.hpp"
#include "platform/text/sort_key.hpp"

namespace kehu::app {
namespace gen {

std::string date_text(std::int32_t day) { return clock::format_date(clock::from_day_number(day)); }

std::string at_text(std::int32_t day, int hour, int minute) {
  const std::int64_t s = static_cast<std::int64_t>(day) * 86400 + (hour * 60 + minute) * 60 - 8 * 3600;
  return clock::to_iso_utc(clock::from_unix_seconds(s));
}

namespace {

Scale scale_of(const std::string& name) {
  // customers, account managers, teams, order lines, contact logs, complaints
  if (name == "W1M") return {name, 1'000'000, 200, 20, 10'000'000, 5'000'000, 200'000};
  if (name == "W100K") return {name, 100'000, 20, 2, 1'000'000, 500'000, 20'000};
  if (name == "tiny") return {name, 500, 2, 1, 5'000, 2'500, 100};
  throw std::invalid_argument("unknown scale '" + name + "': use tiny, W100K or W1M");
}

constexpr const char* kTeamNames[] = {"华南", "华东", "华北", "华中", "西南", "西北", "东北", "京津", "长三角", "珠三角",
                                      "川渝", "闽台", "港澳", "鲁豫", "湘赣", "云贵", "晋冀", "苏皖", "浙沪", "粤桂"};

struct ProductLine {
  const char* name;
  const char* category;
  std::vector<std::pair<const char*, std::int64_t>> specs;  // spec, price in fen
  const char* unit;
};
const ProductLine kProducts[] = {
    {"CH-4 15W-40 柴油机油", "柴油机油", {{"4L", 16800}, {"18L", 68000}, {"200L", 698000}}, "桶"},
    {"CI-4 10W-40 柴油机油", "柴油机油", {{"4L", 21800}, {"18L", 86000}, {"200L", 889000}}, "桶"},
    {"CK-4 5W-40 全合成柴油机油", "柴油机油", {{"4L", 32800}, {"18L", 128000}}, "桶"},
    {"SN 5W-30 汽油机油", "汽油机油", {{"1L", 6800}, {"4L", 23800}}, "桶"},
    {"SP 0W-20 全合成汽油机油", "汽油机油", {{"1L", 11800}, {"4L", 39800}}, "桶"},
    {"SP 5W-40 全合成汽油机油", "汽油机油", {{"1L", 10800}, {"4L", 36800}}, "桶"},
    {"GL-5 85W-90 齿轮油", "齿轮油", {{"4L", 14500}, {"18L", 59000}, {"200L", 612000}}, "桶"},
    {"L-HM 46 抗磨液压油", "液压油", {{"18L", 42000}, {"200L", 436000}}, "桶"},
    {"L-HM 68 抗磨液压油", "液压油", {{"18L", 43000}, {"200L", 446000}}, "桶"},
    {"-35℃ 长效防冻液", "防冻液", {{"2kg", 4500}, {"10kg", 19800}}, "桶"},
    {"-45℃ 长效防冻液", "防冻液", {{"2kg", 5500}, {"10kg", 23800}}, "桶"},
    {"3# 锂基润滑脂", "润滑脂", {{"0.8kg", 2600}, {"15kg", 38000}}, "桶"},
    {"极压复合锂基脂", "润滑脂", {{"0.8kg", 3800}, {"15kg", 52000}}, "桶"},
    {"DOT4 刹车油", "刹车油", {{"1L", 4800}}, "瓶"},
    {"ATF 自动变速箱油", "变速箱油", {{"1L", 7800}, {"4L", 28800}}, "桶"},
};
constexpr const char* kBrands[] = {"恒力", "长城"};

std::int32_t today_of(const GenOptions& o) {
  if (o.until.empty()) return static_cast<std::int32_t>(clock::day_number(clock::local_date(clock::now())));
  auto d = clock::parse_date(o.until);
  if (!d) throw std::invalid_argument("--until must be YYYY-MM-DD");
  return static_cast<std::int32_t>(clock::day_number(*d));
}

void write_users(db::Conn& c, State& s, const std::string& password) {
  const auto hash = auth::hash_password(password);  // one hash for all: argon2id is slow on purpose
  auto add_user = [&](const std::string& username, const std::string& name, const char* role, std::int64_t team) {
    return c.exec("INSERT INTO users(username, name, role, team_id, password_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
                  {username, name, role, team ? db::Param(team) : db::Param(nullptr), hash, s.now_iso, s.now_iso})
        .last_id;
  };
  add_user("admin", "系统管理员", "admin", 0);
  s.director = add_user("gen.director", "赵总", "director", 0);
  s.service = add_user("gen.service", "客服中心", "service", 0);
  add_user("gen.auditor", "审计", "auditor", 0);
  auto name_rng = datagen::Rng(s.rng.next());
  for (std::int64_t t = 0; t < s.scale.teams; ++t) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "%02lld", static_cast<long long>(t + 1));
    const std::string team_name = std::string(kTeamNames[t % std::size(kTeamNames)]) + "大区" + (t >= 20 ? suffix : "");
    const auto team = c.exec("INSERT INTO teams(name, created_at, updated_at) VALUES (?,?,?)", {team_name, s.now_iso, s.now_iso}).last_id;
    const auto lead = add_user(std::string("gen.lead") + suffix, datagen::person_name(name_rng).full, "manager", team);
    c.exec("UPDATE teams SET leader_id = ? WHERE id = ?", {lead, team});
    s.leads.push_back({lead, std::string("gen.lead") + suffix, team});
  }
  for (std::int64_t a = 0; a < s.scale.account_managers; ++a) {
    char username[40];
    std::snprintf(username, sizeof username, "gen.am%03lld", static_cast<long long>(a + 1));
    const auto team = s.leads[static_cast<std::size_t>(a % s.scale.teams)].team;
    s.account_managers.push_back({add_user(username, datagen::person_name(name_rng).full, "account_manager", team), username, team});
  }
}

void write_products(db::Conn& c, State& s) {
  for (const char* brand : kBrands) {
    for (const auto& p : kProducts) {
      for (const auto& [spec, price] : p.specs) {
        const std::int64_t brand_price = brand == kBrands[0] ? price : price * 9 / 10;
        const std::string name = std::string(brand) + " " + p.name;
        const auto id = c.exec("INSERT INTO products(brand, name, spec, unit, category, price, unit_cost, sort_key, search_keys, "
                               "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                               {brand, name, spec, p.unit, p.category, brand_price, brand_price * 6 / 10, text::pinyin_sort_key(name),
                                text::build_index_text({{name}, {}, {}}), s.now_iso, s.now_iso})
                            .last_id;
        s.products.push_back({id, name, brand, spec, p.unit, brand_price});
      }
    }
  }
}

// Pass 1: who owns which customer, the tree, grades, and how much activity each gets
// (a long tail: a few big dealers, many small customers).
void plan_customers(State& s) {
  const auto n = s.scale.customers;
  const auto am = static_cast<std::int64_t>(s.account_managers.size());
  const std::int64_t generals = std::max<std::int64_t>(1, n / 400), seconds = n / 100, thirds = n / 50;
  s.customers.resize(static_cast<std::size_t>(n));
  std::vector<double> order_weight(s.customers.size()), log_weight(s.customers.size());
  double order_total = 0, log_total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    auto& cu = s.customers[static_cast<std::size_t>(i)];
    cu.owner = s.account_managers[static_cast<std::size_t>(i % am)].id;
    cu.level = i < generals ? 'g' : i < generals + seconds ? 's' : i < generals + seconds + thirds ? 't' : 0;
    const auto g = cu.level == 'g' ? (s.rng.chance(0.6) ? "A" : "B") : cu.level ? (s.rng.chance(0.3) ? "A" : "B") : datagen::grade(s.rng);
    cu.grade = g[0];
    cu.since = s.today - static_cast<std::int32_t>(30 + s.rng.below(365 * 5));
    cu.until = s.today;
    const double u = s.rng.unit();
    if (!cu.level && u < 0.15) cu.until = 0;  // prospect: no orders
    else if (!cu.level && u < 0.25) cu.until = s.today - static_cast<std::int32_t>(100 + s.rng.below(600));  // dormant or lost
    cu.debtor = s.rng.chance(0.05);
    cu.planned = cu.level == 'g' || cu.level == 's';
    // Heavy tail: most customers buy a little, a few buy a lot.
    const double tail = 1.0 / (0.02 + s.rng.unit());
    const double base = cu.level == 'g' ? 40 : cu.level == 's' ? 12 : cu.level == 't' ? 5 : cu.grade == 'A' ? 4 : cu.grade == 'B' ? 2 : 1;
    order_weight[static_cast<std::size_t>(i)] = cu.until > cu.since ? base * tail : 0;
    order_total += order_weight[static_cast<std::size_t>(i)];
    log_weight[static_cast<std::size_t>(i)] = (cu.grade == 'A' ? 3.0 : cu.grade == 'B' ? 1.5 : 1.0) * (cu.level ? 2 : 1);
    log_total += log_weight[static_cast<std::size_t>(i)];
  }
  const double orders_wanted = static_cast<double>(s.scale.order_lines) / 3.0;  // three lines per order on average
  for (std::size_t i = 0; i < s.customers.size(); ++i) {
    const double o = orders_wanted * order_weight[i] / order_total;
    s.customers[i].orders = static_cast<std::int32_t>(o) + (s.rng.unit() < o - static_cast<std::int32_t>(o) ? 1 : 0);
    const double l = static_cast<double>(s.scale.contact_logs) * log_weight[i] / log_total;
    s.customers[i].logs = static_cast<std::int32_t>(l) + (s.rng.unit() < l - static_cast<std::int32_t>(l) ? 1 : 0);
  }
}

// A parent of the same owner in [start, start + len): same index modulo the managers.
std::int64_t parent_index(State& s, std::int64_t i, std::int64_t start, std::int64_t len) {
  const auto am = static_cast<std::int64_t>(s.account_managers.size());
  const auto offset = ((i - start) % am + am) % am;
  if (offset >= len) return start + static_cast<std::int64_t>(s.rng.below(static_cast<std::uint64_t>(len)));
  const auto choices = (len - 1 - offset) / am + 1;
  return start + offset + am * static_cast<std::int64_t>(s.rng.below(static_cast<std::uint64_t>(choices)));
}

std::string birthday_json(const datagen::Birthday& b) {
  if (!b.lunar) {
    char d[16];
    std::snprintf(d, sizeof d, "%04d-%02d-%02d", b.year, b.month, b.day);
    return nlohmann::json{{"calendar", "solar"}, {"date", d}}.dump();
  }
  return nlohmann::json{{"calendar", "lunar"}, {"month", b.month}, {"day", b.day}, {"leap", b.leap}, {"year", b.year}}.dump();
}

constexpr const char* kInsertCustomer =
    "INSERT INTO customers(id, type, name, short_name, name_key, sort_key, credit_code, industry, size, province_code, "
    "city_code, district_code, address, source, status, grade, cooperation_start, credit_limit, owner_id, parent_id, "
    "dealer_level, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertContact =
    "INSERT INTO contacts(customer_id, name, title, mobile, landline, email, wechat, birthday, hobbies, is_primary, "
    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

void write_customers(db::Conn& c, State& s, std::size_t from, std::size_t to) {
  const auto n = s.scale.customers;
  const std::int64_t generals = std::max<std::int64_t>(1, n / 400), seconds = n / 100;
  for (std::size_t k = from; k < to; ++k) {
    auto& cu = s.customers[k];
    const auto i = static_cast<std::int64_t>(k);
    const auto id = s.first_customer + i;
    const auto region = datagen::region(s.rng);
    const bool person = !cu.level && s.rng.chance(0.08);
    auto company = datagen::company(s.rng, region);
    datagen::PersonName boss = datagen::person_name(s.rng);
    const std::string name = person ? boss.full : company.name;
    std::optional<std::int64_t> parent;
    if (cu.level == 's') parent = s.first_customer + parent_index(s, i, 0, generals);
    if (cu.level == 't') parent = s.first_customer + parent_index(s, i, generals, seconds);
    // A sub-dealer belongs to its dealer's manager (only tiny scales lack a same-owner parent).
    if (parent) cu.owner = s.customers[static_cast<std::size_t>(*parent - s.first_customer)].owner;
    const char* status = cu.until == 0 ? "prospect" : cu.until < s.today ? (s.rng.chance(0.6) ? "dormant" : "lost") : "active";
    const std::int64_t credit = cu.until == 0 ? 0
                                : cu.level == 'g' ? 100'000'000
                                : cu.level        ? 20'000'000
                                : cu.grade == 'A' ? 5'000'000
                                : cu.grade == 'B' ? 2'000'000
                                                  : 500'000;
    const auto created = at_text(cu.since - 10, 9 + static_cast<int>(s.rng.below(9)), static_cast<int>(s.rng.below(60)));
    text::SearchSource src;
    src.names.push_back(name);
    if (!person && !company.short_name.empty()) src.names.push_back(company.short_name);
    if (!person && !company.credit_code.empty()) src.codes.push_back(company.credit_code);
    c.exec(kInsertCustomer,
           {id, person ? "person" : "company", name, person || company.short_name.empty() ? db::Param(nullptr) : db::Param(company.short_name),
            text::company_name_key(name), text::pinyin_sort_key(name),
            person || company.credit_code.empty() ? db::Param(nullptr) : db::Param(company.credit_code), company.industry,
            person ? db::Param(nullptr) : db::Param(company.size), region.province_code,
            region.city_code.empty() ? db::Param(nullptr) : db::Param(region.city_code),
            region.district_code.empty() ? db::Param(nullptr) : db::Param(region.district_code), company.address,
            datagen::source(s.rng), status, std::string(1, cu.grade),
            cu.until ? db::Param(date_text(cu.since)) : db::Param(nullptr), credit, cu.owner, parent,
            cu.level ? db::Param(cu.level == 'g' ? "general" : cu.level == 's' ? "second" : "third") : db::Param(nullptr), s.director, created, created});
    // One to three contacts; the first is the primary one.
    const double u = s.rng.unit();
    const int contacts = u < 0.3 ? 1 : u < 0.7 ? 2 : 3;
    for (int j = 0; j < contacts; ++j) {
      const auto p = j == 0 && person ? boss : datagen::person_name(s.rng);
      std::string mobile = "+86" + datagen::mobile(s.rng);
      std::optional<std::string> landline;
      if (s.rng.chance(0.3)) {
        const auto region_code = region.province_code == "810000" ? "HK" : region.province_code == "820000" ? "MO" : region.province_code == "710000" ? "TW" : "CN";
        if (auto ph = text::parse_phone(datagen::landline(s.rng, region), region_code)) landline = ph->e164;
      }
      std::optional<std::string> birthday;
      if (s.rng.chance(0.6)) birthday = birthday_json(datagen::birthday(s.rng));
      const auto contact = c.exec(kInsertContact, {id, p.full, datagen::job_title(s.rng), mobile, landline,
                                                   s.rng.chance(0.3) ? db::Param(datagen::email(s.rng, p.pinyin)) : db::Param(nullptr),
                                                   s.rng.chance(0.5) ? db::Param(datagen::wechat(s.rng)) : db::Param(nullptr), birthday,
                                                   s.rng.chance(0.3) ? db::Param(datagen::hobby(s.rng)) : db::Param(nullptr), j == 0,
                                                   created, created})
                               .last_id;
      if (j == 0) cu.first_contact = static_cast<std::int32_t>(contact);
      ++s.contact_name_counts[p.full + "|" + p.pinyin];
      src.names.push_back(p.full);
      src.numbers.push_back(mobile);
      if (landline) src.numbers.push_back(*landline);
    }
    cu.contacts = contacts;
    s.count_contacts += contacts;
    c.exec("INSERT INTO customer_search(rowid, keys) VALUES (?, ?)", {id, text::build_index_text(src)});
  }
}

std::string initials(const std::string& pinyin) {
  std::string out;
  bool start = true;
  for (char ch : pinyin) {
    if (ch == ' ') start = true;
    else if (start) out += ch, start = false;
  }
  return out;
}

nlohmann::json sample_ids(State& s, std::int64_t owner, bool planned) {
  std::vector<std::int64_t> ids;
  for (std::size_t k = 0; k < s.customers.size(); ++k) {
    const auto& cu = s.customers[k];
    if ((owner == 0 || cu.owner == owner) && cu.until != 0 && (!planned || cu.planned)) ids.push_back(s.first_customer + static_cast<std::int64_t>(k));
  }
  // a deterministic shuffle, then the first 100
  for (std::size_t k = ids.size(); k > 1; --k) std::swap(ids[k - 1], ids[s.rng.below(k)]);
  if (ids.size() > 100) ids.resize(100);
  return ids;
}

void write_import_csv(const GenOptions& o) {
  std::ofstream out(o.import_csv, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + o.import_csv);
  out << "name,type,short_name,credit_code,industry,size,province,city,address,status,grade,source,contact_name,"
         "contact_title,contact_mobile,contact_birthday\r\n";
  auto quote = [](const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char ch : v) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  datagen::Rng rng(o.seed ^ 0x1A2B3C4D5E6Full);
  for (int i = 0; i < o.import_rows; ++i) {
    const auto region = datagen::region(rng);
    const auto company = datagen::company(rng, region);
    const auto p = datagen::person_name(rng);
    const auto b = datagen::birthday(rng);
    char birthday[16] = "";
    if (!b.lunar && rng.chance(0.5)) std::snprintf(birthday, sizeof birthday, "%04d-%02d-%02d", b.year, b.month, b.day);
    out << quote(company.name) << ",company," << quote(company.short_name) << ',' << company.credit_code << ','
        << company.industry << ',' << company.size << ',' << region.province << ',' << region.city << ','
        << quote(company.address) << ',' << datagen::status(rng) << ',' << datagen::grade(rng) << ','
        << datagen::source(rng) << ',' << p.full << ',' << datagen::job_title(rng) << ',' << datagen::mobile(rng) << ','
        << birthday << "\r\n";
  }
}

}  // namespace
}  // namespace gen

int generate(const GenOptions& o) {
  using namespace gen;
  if (std::filesystem::exists(o.db)) throw std::invalid_argument("database '" + o.db + "' exists; gen writes a new one");
  const auto started = std::chrono::steady_clock::now();
  auth::init_crypto();
  clock::configure_from_env();
  State s{scale_of(o.scale), datagen::Rng(o.seed), 0, "", {}, {}, 0, 0, {}, 0, {}, {}, {}};
  s.today = today_of(o);
  s.now_iso = at_text(s.today, 8, 0);
  const std::string password = o.password.empty() ? auth::random_password() : o.password;
  auto db = db::Database::open({.path = o.db, .readers = 1, .synchronous_full = false});
  db->migrate(db::sqlite_migrations());
  auto log = [&](const std::string& what) {
    const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "[gen " << static_cast<int>(secs) << "s] " << what << std::endl;
  };
  db->write([&](db::Conn& c) {
    c.exec_script("PRAGMA cache_size=-1048576");
    write_users(c, s, password);
    write_products(c, s);
    s.first_customer = c.scalar_i64("SELECT coalesce(max(id), 0) + 1 FROM customers").value_or(1);
  });
  plan_customers(s);
  log("planned " + std::to_string(s.customers.size()) + " customers");
  const std::size_t chunk = 5000;
  for (std::size_t from = 0; from < s.customers.size(); from += chunk) {
    const auto to = std::min(s.customers.size(), from + chunk);
    db->write([&](db::Conn& c) {
      write_customers(c, s, from, to);
      write_activity(c, s, from, to);
    });
    if ((from / chunk) % 20 == 19 || to == s.customers.size())
      log(std::to_string(to) + " customers, " + std::to_string(s.count_lines) + " order lines, " + std::to_string(s.count_logs) + " contact logs");
  }
  db->maintain("ANALYZE");
  db->maintain("PRAGMA wal_checkpoint(TRUNCATE)");
  log("analysed");
  if (!o.import_csv.empty() && o.import_rows > 0) write_import_csv(o);

  // The manifest: what the benchmark needs to know about this data set.
  std::pair<std::string, int> common{"", 0};
  for (const auto& [k, v] : s.contact_name_counts)
    if (v > common.second) common = {k, v};
  const auto bar = common.first.find('|');
  const auto busy = s.account_managers.front();
  std::string phone_fragment;
  db->read([&](db::Conn& c) {
    phone_fragment = c.scalar_text("SELECT substr(mobile, -4) FROM contacts WHERE customer_id = ? AND mobile IS NOT NULL",
                                   {s.first_customer + static_cast<std::int64_t>(s.rng.below(s.customers.size()))})
                         .value_or("8000");
  });
  nlohmann::json counts = {{"customers", s.customers.size()}, {"contacts", s.count_contacts}, {"orders", s.count_orders},
                           {"order_lines", s.count_lines}, {"payments", s.count_payments}, {"plans", s.count_plans},
                           {"contact_logs", s.count_logs}, {"visits", s.count_visits}, {"complaints", s.count_complaints},
                           {"account_managers", s.account_managers.size()}, {"teams", s.leads.size()},
                           {"products", s.products.size()}};
  nlohmann::json manifest = {
      {"scale", s.scale.name}, {"seed", o.seed}, {"until", date_text(s.today)}, {"counts", counts}, {"password", password},
      {"users", {{"director", "gen.director"}, {"account_manager", busy.username}, {"team_lead", s.leads.front().username}}},
      {"samples",
       {{"account_manager", {{"user_id", busy.id}, {"customer_ids", sample_ids(s, busy.id, false)}, {"customer_with_plan_ids", sample_ids(s, busy.id, true)}}},
        {"director", {{"customer_ids", sample_ids(s, 0, false)}, {"customer_with_plan_ids", sample_ids(s, 0, true)}}},
        {"product_ids", [&] { nlohmann::json a = nlohmann::json::array(); for (const auto& p : s.products) a.push_back(p.id); return a; }()},
        {"search", {{"common_name", common.first.substr(0, bar)}, {"initials", initials(common.first.substr(bar + 1))},
                    {"phone_fragment", phone_fragment}}},
        {"list_filters", {{"province_code", "440000"}, {"status", "active"}, {"sort", "name"}}}}},
      {"import_csv", o.import_csv}, {"import_rows", o.import_csv.empty() ? 0 : o.import_rows},
      {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}};
  std::ofstream(o.db + ".json") << manifest.dump(2) << "\n";
  std::cout << nlohmann::json{{"db", o.db}, {"manifest", o.db + ".json"}, {"counts", counts}, {"seconds", manifest["seconds"]}}.dump() << "\n";
  return 0;
}

}  // namespace kehu::app
