// Secrets: argon2id password hashes, random tokens, token digests (libsodium).
#pragma once
#include <string>
#include <string_view>

namespace kehu::auth {

void init_crypto();  // once at start
std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// URL-safe random text with `bytes` bytes of entropy.
std::string random_token(std::size_t bytes = 32);
// Digest stored instead of a session or API token (BLAKE2b-256, hex).
std::string token_digest(std::string_view token);
bool constant_time_equal(std::string_view a, std::string_view b);
// SHA-256 of some bytes, hex (for stored files).
std::string sha256_hex(std::string_view bytes);
// A readable random password for first admin / resets: 16 characters.
std::string random_password();

}  // namespace kehu::auth
