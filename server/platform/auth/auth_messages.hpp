#pragma once
namespace kehu::auth {
void register_messages();
}  // namespace kehu::auth
