// SQL of customer imports: running one (a stored import in one write transaction, a dry run
// on a reader), the list, the rejected rows, undo. The same code path serves the API and
// `kehu import customers`.
#pragma once
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "modules/customers/customer_store.hpp"
#include "modules/customers/import.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/auth.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::customers {

class ImportStore {
 public:
  explicit ImportStore(db::Database& db) : db_(db), customers_(db) {}

  // Reads `bytes` (the file) and imports it as `p` would create each row. File-level
  // problems (size, row count, encoding, an unclosed quote, no name column, no rows, the
  // owner) are errors; row problems go into the report. report.refused: some rows were
  // invalid and valid_rows was false, so nothing was stored.
  Result<ImportReport> run(const auth::Principal& p, std::string_view bytes, const ImportOptions& o,
                           const audit::Actor& actor);

  // {"items":[…],"total","page","page_size"}: the caller's imports; a lead's team's, all
  // for director, admin (and the read-only roles).
  nlohmann::json list(const auth::Principal& p, std::int64_t page, std::int64_t page_size);
  // The rejected rows of a stored import (kNotFound outside the list's scope). Audited as an export.
  Result<std::string> errors_file(const auth::Principal& p, std::int64_t id, messages::Lang lang,
                                  const audit::Actor& actor);
  // Undoes the caller's most recent import that is not undone: created customers go to the
  // recycle bin, updated ones get their previous values back (unless changed since).
  Result<nlohmann::json> undo(const auth::Principal& p, std::int64_t id, std::int64_t version,
                              const audit::Actor& actor);

 private:
  const RegionIndex& regions();
  db::Database& db_;
  CustomerStore customers_;
  std::once_flag regions_once_;
  RegionIndex regions_;
};

// GET import-template.csv, POST/GET imports, GET imports/{id}/errors.csv, POST imports/{id}/undo.
void register_import_routes(http::Router& r, auth::Auth& a);

}  // namespace kehu::customers
