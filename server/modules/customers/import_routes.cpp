// HTTP <-> customer imports. The body of POST /imports is the file itself (text/csv).
#include <cctype>
#include <memory>

#include "modules/customers/import_store.hpp"
#include "platform/http/fields.hpp"
#include "platform/http/params.hpp"

namespace kehu::customers {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

// What browsers and scripts send for a .csv file (Windows: application/vnd.ms-excel).
bool csv_media_type(const Request& req) {
  auto ct = req.header("content-type");
  if (!ct) return true;
  std::string media;
  for (char c : ct->substr(0, ct->find(';')))
    if (c != ' ' && c != '\t') media += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ok : {"", "text/csv", "text/plain", "application/csv", "text/comma-separated-values",
                         "application/octet-stream", "application/vnd.ms-excel"})
    if (media == ok) return true;
  return false;
}

Result<bool> bool_query(const Request& req, std::string_view name, bool fallback) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  return http::bad_query(name);
}

template <class E>
Result<std::optional<E>> enum_query(const Request& req, std::string_view name, const std::vector<std::string_view>& names) {
  KEHU_TRY(auto v, http::choice_query(req, name, names));
  if (!v) return std::optional<E>();
  return std::optional<E>(static_cast<E>(std::find(names.begin(), names.end(), *v) - names.begin()));
}

Result<ImportOptions> read_options(const Request& req, const Principal& p) {
  ImportOptions o;
  KEHU_TRY(o.dry_run, bool_query(req, "dry_run", true));
  KEHU_TRY(o.valid_rows, bool_query(req, "valid_rows", false));
  KEHU_TRY(auto key, enum_query<DuplicateKey>(req, "duplicate_key", kDuplicateKeys));
  KEHU_TRY(auto mode, enum_query<ImportMode>(req, "mode", kImportModes));
  KEHU_TRY(auto encoding, http::choice_query(req, "encoding", kImportEncodings));
  KEHU_TRY(auto owner, http::id_query(req, "owner_id"));
  o.key = key.value_or(DuplicateKey::kName);
  o.mode = mode.value_or(ImportMode::kSkip);
  if (encoding && *encoding != "auto") o.encoding = io::parse_encoding(*encoding);
  if (owner) {
    // As on create: only the roles that assign work name an owner.
    if (!sets_credit_terms(p.role)) return http::bad_query("owner_id", "field.forbidden");
    o.owner = UserId(*owner);
  }
  return o;
}

Response csv_file(std::string body, const char* file_name) {
  Response r;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
  r.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"") + file_name + "\"");
  return r;
}

struct ImportRoutes {
  explicit ImportRoutes(db::Database& db) : store(db) {}
  ImportStore store;

  Result<Response> template_csv(Request& req, const Principal& p) {
    return csv_file(import_template(req.lang, sets_credit_terms(p.role)), "customer-import-template.csv");
  }

  Result<Response> create(Request& req, const Principal& p) {
    if (!csv_media_type(req)) return Error(ErrorCode::kUnsupportedMediaType, "customer.import_media_type");
    KEHU_TRY(auto o, read_options(req, p));
    KEHU_TRY(auto report, store.run(p, req.body, o, auth::actor_of(req, p)));
    auto j = to_json(report, req.lang);
    if (report.refused && !o.dry_run) {
      // Refused: the report, with the usual error object beside it.
      j["error"] = {{"code", error_code_name(ErrorCode::kValidationFailed)},
                    {"message", messages::translate("customer.import_refused", req.lang, {{"invalid", std::to_string(report.invalid)}})},
                    {"request_id", req.request_id}};
      return Response::json(422, j);
    }
    return Response::json(o.dry_run ? 200 : 201, j);
  }

  Result<Response> list(Request& req, const Principal& p) {
    KEHU_TRY(auto page, http::parse_page(req));
    return Response::ok(store.list(p, page.first, page.second));
  }

  Result<Response> errors(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto csv, store.errors_file(p, id, req.lang, auth::actor_of(req, p)));
    auto r = csv_file(std::move(csv), "customer-import-errors.csv");
    r.headers.emplace_back("Cache-Control", "private, no-store");
    return r;
  }

  Result<Response> undo(Request& req, const Principal& p) {
    KEHU_TRY(auto id, req.id_param("id"));
    KEHU_TRY(auto body, req.json_object());
    http::Fields f(body);
    auto version = f.integer("version", {.required = true, .min = 1});
    KEHU_CHECK(f.finish());
    KEHU_TRY(auto j, store.undo(p, id, *version.value, auth::actor_of(req, p)));
    return Response::ok(j);
  }
};

}  // namespace

void register_import_routes(http::Router& r, auth::Auth& a) {
  auto routes = std::make_shared<ImportRoutes>(a.db());
  auto h = [&a, routes](Result<Response> (ImportRoutes::*fn)(Request&, const Principal&)) {
    return auth::guard(a, [routes, fn](Request& req, const Principal& p) { return ((*routes).*fn)(req, p); });
  };
  r.get("/api/v1/customers/import-template.csv", h(&ImportRoutes::template_csv));
  r.post("/api/v1/customers/imports", h(&ImportRoutes::create));
  r.get("/api/v1/customers/imports", h(&ImportRoutes::list));
  r.get("/api/v1/customers/imports/{id}/errors.csv", h(&ImportRoutes::errors));
  r.post("/api/v1/customers/imports/{id}/undo", h(&ImportRoutes::undo));
}

}  // namespace kehu::customers
