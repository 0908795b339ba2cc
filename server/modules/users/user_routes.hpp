#pragma once
#include "platform/auth/auth.hpp"
#include "platform/http/router.hpp"

namespace kehu::users {
// /api/v1/users, /api/v1/teams (admin manages; everyone signed in may list for pickers),
// /api/v1/audit (admin, auditor).
void register_routes(http::Router& r, auth::Auth& auth);
}  // namespace kehu::users
