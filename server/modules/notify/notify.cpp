#include "modules/notify/notify.hpp"

#include <memory>

#include "platform/core/clock.hpp"
#include "platform/core/messages.hpp"
#include "platform/http/params.hpp"

namespace kehu::notify {
namespace {

using auth::Principal;
using http::Request;
using http::Response;

constexpr const char* kInsert =
    "INSERT INTO notifications(user_id, kind, entity, entity_id, message, args, created_at) VALUES (?,?,?,?,?,?,?) "
    "ON CONFLICT DO NOTHING";
constexpr const char* kList =
    "SELECT id, kind, entity, entity_id, message, args, read_at, created_at FROM notifications WHERE user_id = ? "
    "AND (? = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ? OFFSET ?";

}  // namespace

bool notify(db::Conn& c, UserId user, const std::string& kind, const std::string& entity, std::int64_t entity_id,
            const std::string& message, const std::map<std::string, std::string>& args) {
  return c.exec(kInsert, {user.value, kind, entity, entity_id, message, nlohmann::json(args).dump(),
                          clock::to_iso_utc(clock::now())})
             .changes > 0;
}

void register_routes(http::Router& r, auth::Auth& a) {
  db::Database* db = &a.db();
  r.get("/api/v1/notifications", auth::guard(a, [db](Request& req, const Principal& p) -> Result<Response> {
          KEHU_TRY(auto page, http::parse_page(req));
          const auto unread_param = req.query_param("unread");
          if (unread_param && !unread_param->empty() && *unread_param != "true" && *unread_param != "false")
            return Error(ErrorCode::kBadRequest, "error.bad_parameter").field("unread", "param.invalid");
          const bool unread = unread_param && *unread_param == "true";
          return db->read([&](db::Conn& c) -> Result<Response> {
            nlohmann::json items = nlohmann::json::array();
            c.query(kList, {p.user.value, unread ? 1 : 0, page.second, (page.first - 1) * page.second}, [&](const db::Row& row) {
              std::map<std::string, std::string> args;
              auto j = nlohmann::json::parse(row.text(5), nullptr, false);
              if (j.is_object())
                for (const auto& [k, v] : j.items())
                  if (v.is_string()) args[k] = v.get<std::string>();
              items.push_back({{"id", row.i64(0)}, {"kind", row.text(1)},
                               {"entity", row.is_null(2) ? nlohmann::json() : nlohmann::json(row.text(2))},
                               {"entity_id", row.is_null(3) ? nlohmann::json() : nlohmann::json(row.i64(3))},
                               {"message", messages::translate(row.text(4), req.lang, args)},
                               {"read", !row.is_null(6)}, {"created_at", row.text(7)}});
            });
            const auto unread_count =
                c.scalar_i64("SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {p.user.value}).value_or(0);
            return Response::ok({{"items", std::move(items)}, {"unread", unread_count}, {"page", page.first}, {"page_size", page.second}});
          });
        }));
  r.post("/api/v1/notifications/{id}/read", auth::guard(a, [db](Request& req, const Principal& p) -> Result<Response> {
           KEHU_TRY(auto id, req.id_param("id"));
           return db->write([&](db::Conn& c) -> Result<Response> {
             // someone else's notification does not exist for the caller
             if (!c.scalar_i64("SELECT 1 FROM notifications WHERE id = ? AND user_id = ?", {id, p.user.value})) return not_found();
             c.exec("UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ?", {clock::to_iso_utc(clock::now()), id});
             return Response::no_content();
           });
         }));
  r.post("/api/v1/notifications/read-all", auth::guard(a, [db](Request&, const Principal& p) -> Result<Response> {
           return db->write([&](db::Conn& c) -> Result<Response> {
             const auto n = c.exec("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                                   {clock::to_iso_utc(clock::now()), p.user.value})
                                .changes;
             return Response::ok({{"marked", n}});
           });
         }));
}

}  // namespace kehu::notify
