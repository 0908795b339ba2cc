// Importing customers from CSV: the columns and their Chinese/English headers, reading one
// row into the same CustomerInput as POST /api/v1/customers (same validation), region
// names to codes, the report, the template and the error file. Pure: no SQL
// (import_store.cpp) and no HTTP (import_routes.cpp).
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/customers/customer.hpp"
#include "platform/core/messages.hpp"
#include "platform/io/encoding.hpp"

namespace kehu::customers {

constexpr std::size_t kMaxImportBytes = 50 * 1024 * 1024;
constexpr std::size_t kMaxImportRows = 200'000;
constexpr std::size_t kMaxReportedErrors = 1000;

enum class DuplicateKey { kCreditCode, kName, kMobile, kEmail };
enum class ImportMode { kSkip, kFillEmpty, kOverwrite, kCreate };
inline const std::vector<std::string_view> kDuplicateKeys = {"credit_code", "name", "mobile", "email"};
inline const std::vector<std::string_view> kImportModes = {"skip", "fill_empty", "overwrite", "create"};
inline const std::vector<std::string_view> kImportEncodings = {"auto", "utf-8", "gb18030", "big5"};
std::string_view name_of(DuplicateKey k);
std::string_view name_of(ImportMode m);

struct ImportOptions {
  bool dry_run = true;
  DuplicateKey key = DuplicateKey::kName;
  ImportMode mode = ImportMode::kSkip;
  bool valid_rows = false;                 // store the valid rows even when others are invalid
  std::optional<io::Encoding> encoding;    // nullopt: detect
  std::optional<UserId> owner;             // nullopt: the caller
};

// The importable columns, in template order.
enum class Column {
  kName, kType, kShortName, kCreditCode, kIndustry, kSize, kProvince, kCity, kDistrict, kAddress, kStatus, kGrade,
  kSource, kTags, kCooperationStart, kNotes, kOwner, kContactName, kContactTitle, kContactMobile, kContactEmail,
  kContactWechat, kContactBirthday, kCount
};
constexpr std::size_t kColumnCount = static_cast<std::size_t>(Column::kCount);
std::string_view field_of(Column c);  // "contact_mobile"
// The template's header of a column in a language (en: the field name).
std::string_view header_of(Column c, messages::Lang lang);

// Which file column holds which field. Headers are matched after folding (traditional →
// simplified, full-width, case) with spaces, _, -, / and a trailing * or (…) removed,
// against the field names and Chinese headers (客户名称/名称/公司名称/客戶名稱 …). A second
// column for a field already mapped is left unmapped.
struct HeaderMap {
  std::vector<std::string> headers;                 // as in the file
  std::vector<std::optional<Column>> columns;       // per file column
  std::array<int, kColumnCount> index{};            // file column of each field, -1 when absent
  std::vector<std::string> unmapped;
  bool has(Column c) const { return index[static_cast<std::size_t>(c)] >= 0; }
};
HeaderMap map_header(const std::vector<std::string>& headers);
std::optional<Column> column_for_header(std::string_view header);

// Regions by name (广东省, 广东, 廣東, Guangdong) or GB/T 2260 code, loaded once from the
// regions table. Cities are looked up inside the province when one is given, else by a
// unique name (the province then follows from the city); districts inside the city.
class RegionIndex {
 public:
  void add(const std::string& code, const std::string& name, const std::string& name_tw, const std::string& name_en,
           const std::string& parent, int level);
  struct Resolved {
    std::optional<std::string> province, city, district;  // codes
    std::vector<std::pair<Column, std::string>> errors;    // column, message key
  };
  Resolved resolve(std::string_view province, std::string_view city, std::string_view district) const;

 private:
  struct Region {
    std::string parent;
    int level = 0;
  };
  std::optional<std::string> find(int level, const std::string& parent, std::string_view text) const;
  void put(int level, const std::string& parent, const std::string& key, const std::string& code);
  std::unordered_map<std::string, Region> by_code_;
  // level|parent|name → code; "" when two regions share the key
  std::unordered_map<std::string, std::string> by_name_;
};

// One problem of one row. `key` is a message key, optionally with "|name=value" args.
struct RowError {
  std::size_t row = 0;      // CSV record number, the header being 1
  int file_column = -1;     // -1: not tied to a column of the file
  std::string field;        // import field ("contact_mobile"), may be empty
  std::string key;
};

// A data row read and checked like a create body; errors empty when valid.
struct PreparedRow {
  std::size_t row = 0;
  std::vector<RowError> errors;
  Customer customer;                  // owner not set
  std::optional<Contact> contact;     // the row's contact, primary
  std::array<bool, kColumnCount> given{};  // non-empty cells
  std::string name_key, sort_key, index_text;
  std::string duplicate_value;        // the chosen key's value, "" when the row has none
  std::string owner_username;
};

// Reads one record (cells as in the file) as `role` would create it. `regions` resolves the
// region columns; `key` picks the duplicate value.
PreparedRow prepare_row(std::size_t row, const std::vector<std::string_view>& cells, const HeaderMap& header,
                        const RegionIndex& regions, auth::Role role, DuplicateKey key);

// An existing customer and contact with a row's values merged in: kOverwrite takes every
// value the row gives (empty cells never clear anything), kFillEmpty only those whose
// field is empty now. The three region columns move together. Name, type and status are
// never empty, so kFillEmpty leaves them. The owner is the caller's business.
Customer merge_customer(const Customer& existing, const PreparedRow& row, ImportMode mode);
Contact merge_contact(const Contact& existing, const Contact& incoming, const PreparedRow& row, ImportMode mode);

// YYYY-MM-DD, YYYY/M/D, YYYY-M-D, YYYY.M.D and YYYY年M月D日 → YYYY-MM-DD; anything else as is.
std::string normalize_date(std::string_view s);
// Tags separated by ; ； , ， or 、, trimmed, empty ones dropped.
std::vector<std::string> split_tags(std::string_view s);

struct ImportReport {
  std::optional<std::int64_t> id;
  std::int64_t version = 0;
  bool dry_run = true;
  bool refused = false;  // invalid rows and valid_rows=false: nothing stored
  io::Encoding encoding = io::Encoding::kUtf8;
  DuplicateKey key = DuplicateKey::kName;
  ImportMode mode = ImportMode::kSkip;
  HeaderMap header;
  std::int64_t rows = 0, created = 0, updated = 0, skipped = 0, invalid = 0;
  std::vector<RowError> errors;  // at most kMaxReportedErrors
  double seconds = 0;
};
nlohmann::json to_json(const ImportReport& r, messages::Lang lang);
// A message key with "|a=b&c=d" args, translated.
std::string translate_key(std::string_view key, messages::Lang lang);

// The template: BOM, the header in `lang` and one example row (owner only for leads).
std::string import_template(messages::Lang lang, bool with_owner);
// The rejected rows: BOM, the file's header plus an error column, each row's cells and its
// problems; every cell formula-safe.
std::string errors_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::vector<RowError>>& errors, messages::Lang lang);

}  // namespace kehu::customers
