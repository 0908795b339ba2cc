// In-app notifications: a message for a user about a record (an escalated complaint…), read
// on the bell in the header. E-mail and chat robots come later behind the same call.
#pragma once
#include <map>
#include <string>

#include "platform/auth/auth.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::notify {

// Stores a notification unless the same (user, kind, entity, id, message) exists; true when new.
// `message` is a message key; `args` fill its placeholders.
bool notify(db::Conn& c, UserId user, const std::string& kind, const std::string& entity, std::int64_t entity_id,
            const std::string& message, const std::map<std::string, std::string>& args = {});

// GET /api/v1/notifications, POST /api/v1/notifications/{id}/read, POST /api/v1/notifications/read-all
void register_routes(http::Router& r, auth::Auth& a);

}  // namespace kehu::notify
