#pragma once
#include <string_view>

namespace kehu::users {
// Usernames: 2–64 of [A-Za-z0-9._-], starting with a letter or digit.
bool valid_username(std::string_view s);
}  // namespace kehu::users
