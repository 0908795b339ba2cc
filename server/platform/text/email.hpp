// Pragmatic checks for e-mail addresses and web-site URLs entered by users.
#pragma once
#include <string_view>

namespace kehu::text {

// valid_email(s): exactly one '@'; a local part of 1–64 characters from A–Z a–z 0–9 and
// !#$%&'*+/=?^_`{|}~.- with no leading, trailing or doubled dot; a domain of at least two
// dot-separated labels, each 1–63 ASCII letters, digits or hyphens, not starting or
// ending with a hyphen, the last label not all digits; at most 254 bytes in total. No
// quoted local parts, IP literals, spaces, CR/LF or non-ASCII (IDNs must be punycode).
// Rejects "a@b", "a..b@x.com"; accepts "zhang.wei@example.com.cn", "a+b@x.cn".
bool valid_email(std::string_view s);

// valid_http_url(s): "http://" or "https://" (scheme case-insensitive), a non-empty host
// (letters, digits, '-', '.', non-ASCII for IDNs, or a bracketed IPv6 literal), an
// optional port 1–65535, then an optional path/query/fragment; no user info ('@' before
// the host), no spaces, control characters or backslashes anywhere; at most 2048 bytes.
// Rejects javascript:, data:, file:, ftp: and scheme-relative "//host".
bool valid_http_url(std::string_view s);

}  // namespace kehu::text
