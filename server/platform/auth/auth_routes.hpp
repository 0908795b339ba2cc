#pragma once
#include "platform/auth/auth.hpp"
#include "platform/http/router.hpp"

namespace kehu::auth {
// /api/v1/auth/login, logout, me, password, tokens.
void register_routes(http::Router& r, Auth& auth);
}  // namespace kehu::auth
