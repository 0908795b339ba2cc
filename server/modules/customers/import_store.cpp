#include "modules/customers/import_store.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>
#include <unordered_map>

#include "platform/core/clock.hpp"
#include "platform/db/sql.hpp"
#include "platform/io/csv.hpp"
#include "platform/text/company_name.hpp"
#include "platform/text/search_keys.hpp"
#include "platform/text/sort_key.hpp"

namespace kehu::customers {
namespace {

constexpr std::size_t kBatchRows = 4096;

constexpr const char* kInsertImport =
    "INSERT INTO customer_imports(user_id, owner_id, at, encoding, duplicate_key, mode, header) VALUES (?,?,?,?,?,?,?)";
constexpr const char* kFinishImport =
    "UPDATE customer_imports SET rows = ?, created = ?, updated = ?, skipped = ?, invalid = ?, seconds = ? WHERE id = ?";
constexpr const char* kInsertCustomer =
    "INSERT INTO customers(type, name, short_name, name_key, sort_key, credit_code, industry, size, province_code, "
    "city_code, district_code, address, source, status, grade, tags, cooperation_start, notes, owner_id, created_by, "
    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kInsertContact =
    "INSERT INTO contacts(customer_id, name, title, mobile, email, wechat, birthday, is_primary, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?)";
constexpr const char* kSearchInsert = "INSERT INTO customer_search(rowid, keys) VALUES (?, ?)";
constexpr const char* kSearchDelete = "DELETE FROM customer_search WHERE rowid = ?";
constexpr const char* kInsertImportRow =
    "INSERT INTO customer_import_rows(import_id, customer_id, kind, before, version_after) VALUES (?,?,?,?,?)";
constexpr const char* kImportRowBefore = "SELECT before FROM customer_import_rows WHERE import_id = ? AND customer_id = ?";
constexpr const char* kUpdateImportRow =
    "UPDATE customer_import_rows SET before = ?, version_after = ? WHERE import_id = ? AND customer_id = ?";
constexpr const char* kInsertReject = "INSERT INTO customer_import_rejects(import_id, row, cells, errors) VALUES (?,?,?,?)";
// Duplicate lookups, each on an index (customers_credit_code, customers_name_key,
// contacts_mobile, contacts_email). Names match companies only, as on create.
constexpr const char* kDupCredit = "SELECT id FROM customers WHERE credit_code = ? AND deleted_at IS NULL ORDER BY id LIMIT 1";
constexpr const char* kDupName =
    "SELECT id FROM customers WHERE name_key = ? AND type = 'company' AND deleted_at IS NULL ORDER BY id LIMIT 1";
constexpr const char* kDupMobile =
    "SELECT c.id FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.mobile = ? AND k.deleted_at IS NULL "
    "AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1";
constexpr const char* kDupEmail =
    "SELECT c.id FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.email = ? COLLATE NOCASE "
    "AND k.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1";
// The columns an import writes, read back for undo in this order.
constexpr const char* kCustomerSnapshot =
    "SELECT type, name, short_name, name_key, sort_key, credit_code, industry, size, province_code, city_code, "
    "district_code, address, source, status, grade, tags, cooperation_start, notes, owner_id FROM customers WHERE id = ?";
constexpr const char* kCustomerUpdate =
    "UPDATE customers SET type=?, name=?, short_name=?, name_key=?, sort_key=?, credit_code=?, industry=?, size=?, "
    "province_code=?, city_code=?, district_code=?, address=?, source=?, status=?, grade=?, tags=?, cooperation_start=?, "
    "notes=?, owner_id=?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kContactSnapshot = "SELECT name, title, mobile, email, wechat, birthday FROM contacts WHERE id = ?";
constexpr const char* kContactUpdate =
    "UPDATE contacts SET name=?, title=?, mobile=?, email=?, wechat=?, birthday=?, version = version + 1, updated_at = ? "
    "WHERE id = ?";
constexpr const char* kContactRemove = "UPDATE contacts SET deleted_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kSoftDelete =
    "UPDATE customers SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND deleted_at IS NULL";
constexpr const char* kHandoverInsert =
    "INSERT INTO customer_handovers(customer_id, from_user_id, to_user_id, reason, by_user_id, at) VALUES (?,?,?,?,?,?)";
constexpr const char* kUserRole = "SELECT role, team_id, active FROM users WHERE id = ?";
constexpr const char* kUserByName = "SELECT id FROM users WHERE username = ?";
constexpr const char* kImportSelect =
    "SELECT i.id, i.at, i.user_id, u.name, i.rows, i.created, i.updated, i.skipped, i.invalid, i.duplicate_key, i.mode, "
    "i.undone_at, i.version, i.encoding, i.owner_id, o.name, i.seconds FROM customer_imports i "
    "JOIN users u ON u.id = i.user_id JOIN users o ON o.id = i.owner_id ";
constexpr const char* kImportCount = "SELECT count(*) FROM customer_imports i ";
constexpr const char* kLatestOpen = "SELECT max(id) FROM customer_imports WHERE user_id = ? AND undone_at IS NULL";
constexpr const char* kRejects = "SELECT cells, errors FROM customer_import_rejects WHERE import_id = ? ORDER BY row";
constexpr const char* kImportRows =
    "SELECT customer_id, kind, before, version_after FROM customer_import_rows WHERE import_id = ? ORDER BY customer_id DESC";

std::string now_iso() { return clock::to_iso_utc(clock::now()); }

std::optional<std::string> date_text(const std::optional<clock::Date>& d) {
  return d ? std::optional<std::string>(clock::format_date(*d)) : std::nullopt;
}
std::optional<std::string> birthday_text(const Contact& k) {
  return k.birthday ? std::optional<std::string>(birthday_json(*k.birthday).dump()) : std::nullopt;
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

// Who may own customers, and who a caller may give them to (as CustomerStore's create).
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

// The search document from the stored rows (as CustomerStore::reindex).
void reindex(db::Conn& c, CustomerId id) {
  text::SearchSource src;
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

// Column values as JSON (text or null; owner_id an integer) and back, for undo.
nlohmann::json snapshot(db::Conn& c, const char* sql, std::int64_t id, int int_column = -1) {
  nlohmann::json out = nlohmann::json::array();
  c.query(sql, {id}, [&](const db::Row& r) {
    for (int i = 0; i < r.columns(); ++i) {
      if (r.is_null(i)) out.push_back(nullptr);
      else if (i == int_column) out.push_back(r.i64(i));
      else out.push_back(r.text(i));
    }
  });
  return out;
}
db::Params params_of(const nlohmann::json& values) {
  db::Params p;
  for (const auto& v : values) {
    if (v.is_null()) p.emplace_back(nullptr);
    else if (v.is_number_integer()) p.emplace_back(v.get<std::int64_t>());
    else p.emplace_back(v.get<std::string>());
  }
  return p;
}

db::Params customer_values(const Customer& cu) {
  return {cu.type, cu.name, cu.short_name, text::company_name_key(cu.name), text::pinyin_sort_key(cu.name),
          cu.credit_code, cu.industry, cu.size, cu.province_code, cu.city_code, cu.district_code, cu.address, cu.source,
          cu.status, cu.grade, nlohmann::json(cu.tags).dump(), date_text(cu.cooperation_start), cu.notes, cu.owner.value};
}
db::Params contact_values(const Contact& k) { return {k.name, k.title, k.mobile, k.email, k.wechat, birthday_text(k)}; }

// Rows of the file in a batch: the cells copied into one buffer.
struct Batch {
  struct Record {
    std::size_t row, first, count;
  };
  std::string arena;
  std::vector<std::pair<std::size_t, std::size_t>> cells;  // offset, size in arena
  std::vector<Record> records;
  std::vector<PreparedRow> prepared;

  void add(std::size_t row, const std::vector<std::string_view>& fields) {
    records.push_back({row, cells.size(), fields.size()});
    for (auto f : fields) {
      cells.emplace_back(arena.size(), f.size());
      arena.append(f);
    }
  }
  void cells_of(std::size_t i, std::vector<std::string_view>& out) const {
    out.clear();
    const auto& r = records[i];
    for (std::size_t k = 0; k < r.count; ++k) {
      const auto& [off, size] = cells[r.first + k];
      out.push_back(std::string_view(arena).substr(off, size));
    }
  }
  std::vector<std::string> strings_of(std::size_t i) const {
    std::vector<std::string_view> v;
    cells_of(i, v);
    return {v.begin(), v.end()};
  }
};

bool blank(const std::vector<std::string_view>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](std::string_view f) {
    return f.find_first_not_of(" \t\r\n") == std::string_view::npos;
  });
}

Batch read_batch(io::CsvReader& reader) {
  Batch b;
  std::vector<std::string_view> fields;
  while (b.records.size() < kBatchRows && reader.next(fields)) {
    if (blank(fields)) continue;
    b.add(reader.record(), fields);
  }
  return b;
}

// Reads and checks the rows of a batch on several threads (pure work: text folding, keys).
void prepare_batch(Batch& b, const HeaderMap& header, const RegionIndex& regions, auth::Role role, DuplicateKey key) {
  const std::size_t n = b.records.size();
  b.prepared.resize(n);
  auto work = [&](std::size_t from, std::size_t to) {
    std::vector<std::string_view> cells;
    for (std::size_t i = from; i < to; ++i) {
      b.cells_of(i, cells);
      b.prepared[i] = prepare_row(b.records[i].row, cells, header, regions, role, key);
    }
  };
  const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  if (workers == 1 || n < 64) return work(0, n);
  const std::size_t chunk = (n + workers - 1) / workers;
  std::vector<std::future<void>> others;
  for (std::size_t from = chunk; from < n; from += chunk)
    others.push_back(std::async(std::launch::async, work, from, std::min(n, from + chunk)));
  work(0, std::min(n, chunk));
  for (auto& f : others) f.get();
}

Column key_column(DuplicateKey k) {
  switch (k) {
    case DuplicateKey::kCreditCode: return Column::kCreditCode;
    case DuplicateKey::kName: return Column::kName;
    case DuplicateKey::kMobile: return Column::kContactMobile;
    case DuplicateKey::kEmail: return Column::kContactEmail;
  }
  return Column::kName;
}

// One import applied row by row on a connection. With `write` false (a dry run), or once
// rows are known to be refused, nothing is written but every lookup still runs, so the
// counts are the ones a stored import would have.
class ImportRun {
 public:
  ImportRun(db::Conn& c, CustomerStore& customers, const auth::Principal& p, const ImportOptions& o,
            const audit::Actor& actor, ImportReport& report, bool write)
      : c_(c), customers_(customers), p_(p), scope_(auth::scope_of(p)), o_(o), actor_(actor), rep_(report),
        write_(write), now_(now_iso()) {}

  Status start(UserId owner) {
    KEHU_CHECK(check_owner(c_, scope_, owner));
    owner_ = owner;
    if (write_) {
      import_id_ = c_.exec(kInsertImport, {p_.user.value, owner.value, now_, io::encoding_name(rep_.encoding),
                                           name_of(o_.key), name_of(o_.mode), nlohmann::json(rep_.header.headers).dump()})
                       .last_id;
    }
    return ok_status();
  }

  void apply(const Batch& b) {
    for (std::size_t i = 0; i < b.records.size(); ++i) apply_row(b, i);
  }

  void finish(double seconds) {
    if (!writing()) return;
    c_.exec(kFinishImport, {rep_.rows, rep_.created, rep_.updated, rep_.skipped, rep_.invalid, seconds, import_id_});
    audit::record(c_, actor_, "import", "customer_import", import_id_,
                  {{"rows", rep_.rows}, {"created", rep_.created}, {"updated", rep_.updated}, {"skipped", rep_.skipped},
                   {"invalid", rep_.invalid}, {"duplicate_key", name_of(o_.key)}, {"mode", name_of(o_.mode)},
                   {"encoding", io::encoding_name(rep_.encoding)}, {"owner_id", owner_.value}});
    rep_.id = import_id_;
    rep_.version = 1;
  }

  bool refused() const { return rep_.invalid > 0 && !o_.valid_rows; }

 private:
  bool writing() const { return write_ && !refused(); }

  void apply_row(const Batch& b, std::size_t i) {
    const PreparedRow& pr = b.prepared[i];
    ++rep_.rows;
    if (!pr.errors.empty()) return reject(b, i, pr.errors);
    std::optional<UserId> owner;
    if (!pr.owner_username.empty()) {
      auto o = owner_for(pr.owner_username);
      if (!o) return reject(b, i, {{pr.row, rep_.header.index[static_cast<std::size_t>(Column::kOwner)], "owner",
                                    o.error().fields.begin()->second}});
      owner = *o;
    }
    if (o_.mode != ImportMode::kCreate && !pr.duplicate_value.empty()) {
      const Column kc = key_column(o_.key);
      auto [it, fresh] = seen_.emplace(pr.duplicate_value, pr.row);
      if (!fresh)
        return reject(b, i, {{pr.row, rep_.header.index[static_cast<std::size_t>(kc)], std::string(field_of(kc)),
                              "customer.import_duplicate_in_file|row=" + std::to_string(it->second)}});
      if (auto match = find_duplicate(pr.duplicate_value)) {
        if (o_.mode == ImportMode::kSkip) {
          ++rep_.skipped;
          return;
        }
        if (!check_customer_access(c_, scope_, *match, Access::kWrite, false).ok())
          return reject(b, i, {{pr.row, rep_.header.index[static_cast<std::size_t>(kc)], std::string(field_of(kc)),
                                "customer.import_duplicate_locked"}});
        if (update(pr, *match, owner)) ++rep_.updated;
        else ++rep_.skipped;
        return;
      }
    }
    create(pr, owner.value_or(owner_));
    ++rep_.created;
  }

  void reject(const Batch& b, std::size_t i, const std::vector<RowError>& errors) {
    ++rep_.invalid;
    for (const auto& e : errors)
      if (rep_.errors.size() < kMaxReportedErrors) rep_.errors.push_back(e);
    if (!writing() || !o_.valid_rows) return;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors) list.push_back({{"c", e.file_column}, {"f", e.field}, {"k", e.key}});
    c_.exec(kInsertReject, {import_id_, static_cast<std::int64_t>(b.records[i].row), nlohmann::json(b.strings_of(i)).dump(),
                            list.dump()});
  }

  // The owner named in a row: leads may name someone in their scope; others only themselves.
  Result<UserId> owner_for(const std::string& username) {
    if (auto it = owners_.find(username); it != owners_.end()) return it->second;
    Result<UserId> r = [&]() -> Result<UserId> {
      if (!sets_credit_terms(p_.role)) {  // the roles that assign work
        if (username == p_.username) return p_.user;
        return validation("owner", "customer.import_owner_forbidden");
      }
      auto id = c_.scalar_i64(kUserByName, {username});
      if (!id) return validation("owner", "customer.import_owner_unknown");
      auto st = check_owner(c_, scope_, UserId(*id));
      if (!st) return validation("owner", st.error().fields.begin()->second);
      return UserId(*id);
    }();
    owners_.emplace(username, r);
    return r;
  }

  std::optional<CustomerId> find_duplicate(const std::string& value) {
    const char* sql = o_.key == DuplicateKey::kCreditCode ? kDupCredit
                      : o_.key == DuplicateKey::kName     ? kDupName
                      : o_.key == DuplicateKey::kMobile   ? kDupMobile
                                                          : kDupEmail;
    auto id = c_.scalar_i64(sql, {value});
    return id ? std::optional<CustomerId>(CustomerId(*id)) : std::nullopt;
  }

  void create(const PreparedRow& pr, UserId owner) {
    if (!writing()) return;
    const Customer& cu = pr.customer;
    const std::int64_t id =
        c_.exec(kInsertCustomer, {cu.type, cu.name, cu.short_name, pr.name_key, pr.sort_key, cu.credit_code, cu.industry,
                                  cu.size, cu.province_code, cu.city_code, cu.district_code, cu.address, cu.source, cu.status,
                                  cu.grade, nlohmann::json(cu.tags).dump(), date_text(cu.cooperation_start), cu.notes,
                                  owner.value, p_.user.value, now_, now_})
            .last_id;
    if (pr.contact) {
      const Contact& k = *pr.contact;
      c_.exec(kInsertContact, {id, k.name, k.title, k.mobile, k.email, k.wechat, birthday_text(k), 1, now_, now_});
    }
    c_.exec(kSearchInsert, {id, pr.index_text});
    // Small on purpose: the import's own audit row says how; the customer's timeline says which import.
    audit::record(c_, actor_, "create", "customer", id,
                  {{"name", {{"from", nullptr}, {"to", cu.name}}}, {"import_id", {{"from", nullptr}, {"to", import_id_}}}});
    c_.exec(kInsertImportRow, {import_id_, id, "created", nullptr, 1});
  }

  // fill_empty / overwrite into an existing customer; false when nothing would change.
  bool update(const PreparedRow& pr, CustomerId id, std::optional<UserId> owner) {
    const auth::Scope all{auth::Scope::Visibility::kAll};
    auto before = customers_.get(c_, all, id);
    if (!before) return false;
    Customer after = merge_customer(*before, pr, o_.mode);
    if (owner && o_.mode == ImportMode::kOverwrite) after.owner = *owner;
    std::optional<Contact> contact_before, contact_after;
    if (pr.contact) {
      auto existing = customers_.contacts(c_, id);
      auto same = std::find_if(existing.begin(), existing.end(), [&](const Contact& k) {
        return pr.contact->mobile ? k.mobile == pr.contact->mobile : k.name == pr.contact->name;
      });
      if (same != existing.end()) {
        auto merged = merge_contact(*same, *pr.contact, pr, o_.mode);
        if (audit_json(merged) != audit_json(*same)) {
          contact_before = *same;
          contact_after = merged;
        }
      } else if (o_.mode == ImportMode::kOverwrite || existing.empty()) {
        contact_after = *pr.contact;
        contact_after->is_primary =
            std::none_of(existing.begin(), existing.end(), [](const Contact& k) { return k.is_primary; });
      }
    }
    if (audit_json(*before) == audit_json(after) && !contact_after) return false;
    if (!writing()) return true;

    nlohmann::json undo = {{"customer", snapshot(c_, kCustomerSnapshot, id.value, 18)}, {"contacts", nlohmann::json::array()}};
    auto values = customer_values(after);
    values.emplace_back(now_);
    values.emplace_back(id.value);
    values.emplace_back(before->version);
    c_.exec(kCustomerUpdate, values);
    if (after.owner != before->owner)
      c_.exec(kHandoverInsert, {id.value, before->owner.value, after.owner.value, "import", p_.user.value, now_});
    if (contact_after && contact_before) {
      undo["contacts"].push_back({{"id", contact_before->id.value}, {"before", snapshot(c_, kContactSnapshot, contact_before->id.value)}});
      auto kv = contact_values(*contact_after);
      kv.emplace_back(now_);
      kv.emplace_back(contact_before->id.value);
      c_.exec(kContactUpdate, kv);
      audit::record(c_, actor_, "update", "contact", contact_before->id.value,
                    audit::diff(audit_json(*contact_before), audit_json(*contact_after)));
    } else if (contact_after) {
      const Contact& k = *contact_after;
      const auto kid = c_.exec(kInsertContact, {id.value, k.name, k.title, k.mobile, k.email, k.wechat, birthday_text(k),
                                                k.is_primary, now_, now_})
                           .last_id;
      undo["contacts"].push_back({{"id", kid}, {"added", true}});
    }
    reindex(c_, id);
    auto fresh = customers_.get(c_, all, id);
    auto changes = audit::diff(audit_json(*before), audit_json(*fresh));
    changes["import_id"] = {{"from", nullptr}, {"to", import_id_}};
    audit::record(c_, actor_, "update", "customer", id.value, changes);
    // A customer changed twice by one import keeps its first snapshot (the values before the import).
    if (auto earlier = c_.scalar_text(kImportRowBefore, {import_id_, id.value})) {
      auto first = nlohmann::json::parse(*earlier);
      for (auto& k : undo["contacts"]) first["contacts"].push_back(k);
      c_.exec(kUpdateImportRow, {first.dump(), fresh->version, import_id_, id.value});
    } else {
      c_.exec(kInsertImportRow, {import_id_, id.value, "updated", undo.dump(), fresh->version});
    }
    return true;
  }

  db::Conn& c_;
  CustomerStore& customers_;
  const auth::Principal& p_;
  const auth::Scope scope_;
  const ImportOptions& o_;
  const audit::Actor& actor_;
  ImportReport& rep_;
  const bool write_;
  const std::string now_;
  UserId owner_;
  std::int64_t import_id_ = 0;
  std::unordered_map<std::string, std::size_t> seen_;  // duplicate key → first row
  std::unordered_map<std::string, Result<UserId>> owners_;
};

Error file_error(std::string key) { return Error(ErrorCode::kValidationFailed, std::move(key)); }

// A large import touches index pages all over big tables (names, sort keys, contacts, the
// search index); with the connection's usual 64 MiB page cache they are read, spilled to the
// WAL and read again many times over (a 50,000-row import into a million customers: 16 s →
// 13 s). The writer gets a bigger cache while the import runs (4 KiB per row, at most
// 96 MiB, so the server stays under 500 MB resident; pages are only allocated when used)
// and its own back afterwards.
class CacheForImport {
 public:
  CacheForImport(db::Conn& c, std::size_t rows) : c_(c) {
    const std::int64_t kib = std::min<std::int64_t>(96 * 1024, static_cast<std::int64_t>(rows) * 4);
    const std::int64_t wanted = -std::max<std::int64_t>(kib, 16384);
    saved_ = c_.scalar_i64("PRAGMA cache_size").value_or(-16384);
    if (wanted < saved_) c_.exec_script("PRAGMA cache_size=" + std::to_string(wanted));
  }
  ~CacheForImport() {
    try {
      c_.exec_script("PRAGMA cache_size=" + std::to_string(saved_));
    } catch (const std::exception&) {  // the connection keeps the bigger cache; harmless
    }
  }

 private:
  db::Conn& c_;
  std::int64_t saved_ = 0;
};

}  // namespace

const RegionIndex& ImportStore::regions() {
  std::call_once(regions_once_, [this] {
    db_.read([this](db::Conn& c) {
      c.query("SELECT code, name, coalesce(name_tw, ''), coalesce(name_en, ''), coalesce(parent, ''), level FROM regions "
              "ORDER BY level, code",
              {}, [this](const db::Row& r) {
                regions_.add(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), static_cast<int>(r.i64(5)));
              });
    });
  });
  return regions_;
}

Result<ImportReport> ImportStore::run(const auth::Principal& p, std::string_view bytes, const ImportOptions& o,
                                      const audit::Actor& actor) {
  const auto started = std::chrono::steady_clock::now();
  const auto too_large = [] {
    return Error(ErrorCode::kTooLarge, "customer.import_too_large")
        .arg("mb", std::to_string(kMaxImportBytes / 1024 / 1024))
        .arg("rows", std::to_string(kMaxImportRows));
  };
  if (bytes.size() > kMaxImportBytes) return too_large();
  const auto scope = auth::scope_of(p);
  if (!scope.can_write) return forbidden();

  ImportReport report;
  report.dry_run = o.dry_run;
  report.key = o.key;
  report.mode = o.mode;
  if (o.encoding) {
    report.encoding = *o.encoding;
  } else {
    auto detected = io::detect_encoding(bytes);
    if (!detected.encoding) return file_error("customer.import_encoding_unsupported");
    report.encoding = *detected.encoding;
  }
  auto decoded = io::to_utf8(bytes, report.encoding);
  if (decoded.error) {
    Error e = file_error("customer.import_encoding");
    e.arg("encoding", std::string(io::encoding_name(report.encoding))).arg("line", std::to_string(decoded.error->line));
    e.details["line"] = decoded.error->line;
    return e;
  }
  const std::string text = std::move(decoded.text);

  // First pass: the header, the number of rows, and a quote that never closes.
  io::CsvReader counter(text);
  std::vector<std::string_view> fields;
  std::vector<std::string> header;
  if (counter.next(fields)) header.assign(fields.begin(), fields.end());
  if (header.empty() || blank(fields)) {
    if (counter.error()) return file_error("customer.import_unclosed_quote").arg("row", "1").arg("column", std::to_string(counter.error()->field));
    return file_error("customer.import_empty");
  }
  std::size_t rows = 0;
  while (counter.next(fields))
    if (!blank(fields) && ++rows > kMaxImportRows) return too_large();
  if (const auto& err = counter.error()) {
    Error e = file_error("customer.import_unclosed_quote");
    e.arg("row", std::to_string(err->record)).arg("column", std::to_string(err->field));
    e.details["row"] = err->record;
    e.details["column"] = err->field;
    return e;
  }
  report.header = map_header(header);
  if (!report.header.has(Column::kName)) {
    Error e = file_error("customer.import_no_name_column");
    e.details["unmapped"] = report.header.unmapped;
    return e;
  }
  if (rows == 0) return file_error("customer.import_empty");

  const RegionIndex& region_index = regions();
  auto body = [&](db::Conn& c, bool write) -> Status {
    ImportRun run(c, customers_, p, o, actor, report, write);
    KEHU_CHECK(run.start(o.owner.value_or(p.user)));
    io::CsvReader reader(text);
    reader.next(fields);  // the header
    auto prepare = [&](Batch b) {
      prepare_batch(b, report.header, region_index, p.role, o.key);
      return b;
    };
    // Reading and checking the next batch overlaps with writing this one.
    auto next = std::async(std::launch::async, prepare, read_batch(reader));
    while (true) {
      Batch current = next.get();
      if (current.records.empty()) break;
      Batch following = read_batch(reader);
      const bool more = !following.records.empty();
      if (more) next = std::async(std::launch::async, prepare, std::move(following));
      run.apply(current);
      if (!more) break;
    }
    report.refused = run.refused();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    run.finish(report.seconds);
    return ok_status();
  };

  if (o.dry_run) {
    // One read transaction: a consistent view, and no lock round trip per lookup (inside a
    // request this joins the request's own read scope).
    db::Database::ReadScope one_snapshot(db_);
    KEHU_CHECK(db_.read([&](db::Conn& c) { return body(c, false); }));
  } else {
    // A refused import rolls back whatever was written before the first invalid row.
    const Status st = db_.write([&](db::Conn& c) -> Status {
      CacheForImport cache(c, rows);
      KEHU_CHECK(body(c, true));
      if (report.refused) return file_error("customer.import_refused");
      return ok_status();
    });
    if (!st.ok() && !report.refused) return st.error();
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (report.refused) report.id.reset();
  return report;
}

nlohmann::json ImportStore::list(const auth::Principal& p, std::int64_t page, std::int64_t page_size) {
  const auto s = auth::scope_of(p);
  db::Sql sql;
  using V = auth::Scope::Visibility;
  if (s.visibility == V::kTeam)
    sql.add("(i.user_id = ? OR i.user_id IN (SELECT id FROM users WHERE team_id = ?))",
            {s.user.value, s.team ? s.team->value : -1});
  else if (s.visibility != V::kAll)
    sql.add("i.user_id = ?", {s.user.value});
  return db_.read([&](db::Conn& c) {
    const auto latest = c.scalar_i64(kLatestOpen, {p.user.value});
    nlohmann::json items = nlohmann::json::array();
    auto params = sql.params;
    params.emplace_back(page_size);
    params.emplace_back((page - 1) * page_size);
    c.query(kImportSelect + sql.where + " ORDER BY i.id DESC LIMIT ? OFFSET ?", params, [&](const db::Row& r) {
      const auto id = r.i64(0);
      const bool open = r.is_null(11);
      items.push_back({{"id", id},
                       {"at", r.text(1)},
                       {"user_id", r.i64(2)},
                       {"user_name", r.text(3)},
                       {"rows", r.i64(4)},
                       {"created", r.i64(5)},
                       {"updated", r.i64(6)},
                       {"skipped", r.i64(7)},
                       {"invalid", r.i64(8)},
                       {"duplicate_key", r.text(9)},
                       {"mode", r.text(10)},
                       {"undone_at", open ? nlohmann::json() : nlohmann::json(r.text(11))},
                       {"can_undo", open && r.i64(2) == p.user.value && latest && *latest == id},
                       {"version", r.i64(12)},
                       {"encoding", r.text(13)},
                       {"owner_id", r.i64(14)},
                       {"owner_name", r.text(15)},
                       {"seconds", r.f64(16)}});
    });
    const auto total = c.scalar_i64(kImportCount + sql.where, sql.params).value_or(0);
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
  });
}

Result<std::string> ImportStore::errors_file(const auth::Principal& p, std::int64_t id, messages::Lang lang,
                                             const audit::Actor& actor) {
  const auto s = auth::scope_of(p);
  return db_.write([&](db::Conn& c) -> Result<std::string> {
    std::optional<std::int64_t> user;
    std::optional<std::int64_t> team;
    std::string header_json;
    c.query("SELECT i.user_id, u.team_id, i.header FROM customer_imports i JOIN users u ON u.id = i.user_id WHERE i.id = ?",
            {id}, [&](const db::Row& r) {
              user = r.i64(0);
              team = r.opt_i64(1);
              header_json = r.text(2);
            });
    using V = auth::Scope::Visibility;
    const bool visible = user && (s.visibility == V::kAll || *user == p.user.value ||
                                  (s.visibility == V::kTeam && s.team && team == s.team->value));
    if (!visible) return not_found();
    const auto header = nlohmann::json::parse(header_json).get<std::vector<std::string>>();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::vector<RowError>> errors;
    c.query(kRejects, {id}, [&](const db::Row& r) {
      rows.push_back(nlohmann::json::parse(r.text(0)).get<std::vector<std::string>>());
      std::vector<RowError> list;
      for (const auto& e : nlohmann::json::parse(r.text(1)))
        list.push_back({0, e.value("c", -1), e.value("f", ""), e.value("k", "")});
      errors.push_back(std::move(list));
    });
    audit::record(c, actor, "export_errors", "customer_import", id, {{"rows", rows.size()}});
    return customers::errors_csv(header, rows, errors, lang);
  });
}

Result<nlohmann::json> ImportStore::undo(const auth::Principal& p, std::int64_t id, std::int64_t version,
                                         const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    std::optional<std::int64_t> user, current;
    bool undone = false;
    c.query("SELECT user_id, version, undone_at FROM customer_imports WHERE id = ?", {id}, [&](const db::Row& r) {
      user = r.i64(0);
      current = r.i64(1);
      undone = !r.is_null(2);
    });
    if (!user || *user != p.user.value) return not_found();
    if (*current != version) return stale_version();
    if (undone) return Error(ErrorCode::kStaleVersion, "customer.import_already_undone");
    if (c.scalar_i64(kLatestOpen, {p.user.value}) != id) return Error(ErrorCode::kStaleVersion, "customer.import_not_latest");

    struct Item {
      std::int64_t customer;
      std::string kind;
      std::optional<std::string> before;
      std::int64_t version_after;
    };
    auto items = c.rows(kImportRows, {id}, [](const db::Row& r) {
      return Item{r.i64(0), r.text(1), r.opt_text(2), r.i64(3)};
    });
    const auto now = now_iso();
    const auth::Scope all{auth::Scope::Visibility::kAll};
    std::int64_t deleted = 0, restored = 0, kept = 0;
    for (const auto& it : items) {
      if (it.kind == "created") {
        if (c.exec(kSoftDelete, {now, now, it.customer}).changes == 0) continue;  // already in the recycle bin
        audit::record(c, actor, "delete", "customer", it.customer, {{"import_id", {{"from", id}, {"to", nullptr}}}});
        ++deleted;
        continue;
      }
      auto before = customers_.get(c, all, CustomerId(it.customer));
      const auto saved = nlohmann::json::parse(it.before.value_or("{}"));
      auto values = params_of(saved.at("customer"));
      values.emplace_back(now);
      values.emplace_back(it.customer);
      values.emplace_back(it.version_after);
      if (!before || c.exec(kCustomerUpdate, values).changes == 0) {
        ++kept;  // changed since the import: left as it is
        continue;
      }
      for (const auto& k : saved.value("contacts", nlohmann::json::array())) {
        const auto kid = k.at("id").get<std::int64_t>();
        if (k.value("added", false)) {
          c.exec(kContactRemove, {now, kid});
        } else {
          auto kv = params_of(k.at("before"));
          kv.emplace_back(now);
          kv.emplace_back(kid);
          c.exec(kContactUpdate, kv);
        }
      }
      reindex(c, CustomerId(it.customer));
      auto after = customers_.get(c, all, CustomerId(it.customer));
      auto changes = audit::diff(audit_json(*before), audit_json(*after));
      changes["import_id"] = {{"from", id}, {"to", nullptr}};
      audit::record(c, actor, "update", "customer", it.customer, changes);
      ++restored;
    }
    c.exec("UPDATE customer_imports SET undone_at = ?, undone_by = ?, version = version + 1 WHERE id = ?",
           {now, p.user.value, id});
    audit::record(c, actor, "undo", "customer_import", id, {{"deleted", deleted}, {"restored", restored}, {"kept", kept}});
    return nlohmann::json{{"id", id}, {"undone_at", now}, {"version", version + 1},
                          {"deleted", deleted}, {"restored", restored}, {"kept", kept}};
  });
}

}  // namespace kehu::customers
