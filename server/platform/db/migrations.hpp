#pragma once
#include <vector>

#include "platform/db/database.hpp"

namespace kehu::db {
// Every migration of server/migrations/sqlite, compiled in, in order.
const std::vector<Migration>& sqlite_migrations();
}  // namespace kehu::db
