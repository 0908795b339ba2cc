#include "platform/text/email.hpp"

#include "platform/text/utf8.hpp"

namespace kehu::text {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_local_char(char c) {
  return is_alnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t labels = 0;
  bool last_all_digits = false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    last_all_digits = true;
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return false;
      if (c < '0' || c > '9') last_all_digits = false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2 && !last_all_digits;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool valid_host(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') {  // IPv6 literal
    if (host.size() < 4 || host.back() != ']') return false;
    for (char c : host.substr(1, host.size() - 2)) {
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') return false;
    }
    return true;
  }
  if (host.front() == '.' || host.front() == '-') return false;
  for (char c : host) {
    if (!is_alnum(c) && c != '-' && c != '.' && static_cast<unsigned char>(c) < 0x80) return false;
  }
  return host.find("..") == std::string_view::npos;
}

bool valid_port(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  int n = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 65535;
}

}  // namespace

bool valid_email(std::string_view s) {
  if (s.size() > 254) return false;
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = s.substr(0, at);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : local) {
    if (!is_local_char(c)) return false;
  }
  return valid_domain(s.substr(at + 1));
}

bool valid_http_url(std::string_view s) {
  if (s.size() > 2048 || !valid_utf8(s) || has_control_or_bidi(s)) return false;
  for (char c : s) {
    if (c == ' ' || c == '\\') return false;
  }
  std::string_view rest;
  if (starts_with_ci(s, "http://")) {
    rest = s.substr(7);
  } else if (starts_with_ci(s, "https://")) {
    rest = s.substr(8);
  } else {
    return false;
  }
  const std::size_t end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) return false;
  std::string_view host = authority;
  const std::size_t colon = authority.rfind(':');
  const std::size_t bracket = authority.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    if (!valid_port(authority.substr(colon + 1))) return false;
    host = authority.substr(0, colon);
  }
  return valid_host(host);
}

}  // namespace kehu::text
