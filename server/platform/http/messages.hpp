#pragma once
namespace kehu::http {
// Registers the generic error and field messages (zh-CN, zh-TW, en).
void register_messages();
}  // namespace kehu::http
