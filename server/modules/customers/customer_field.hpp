// Admin-defined custom fields of the customer record (custom: {"key": value}).
#pragma once
#include <nlohmann/json.hpp>

#include "platform/auth/auth.hpp"
#include "platform/http/router.hpp"

namespace kehu::customers {

void register_field_routes(http::Router& r, auth::Auth& a);

}  // namespace kehu::customers
