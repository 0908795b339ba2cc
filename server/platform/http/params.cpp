#include "platform/http/params.hpp"

#include <charconv>

namespace kehu::http {
namespace {
Error bad_param(std::string_view name) {
  return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(std::string(name), "param.invalid");
}
bool parse_i64(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
}  // namespace

Result<std::int64_t> parse_id_param(std::string_view value, std::string_view name) {
  std::int64_t v;
  if (!parse_i64(value, v) || v <= 0) return bad_param(name);
  return v;
}

Result<std::pair<std::int64_t, std::int64_t>> parse_page(const Request& req) {
  std::int64_t page = 1, size = 20;
  if (auto p = req.query_param("page"); p && (!parse_i64(*p, page) || page < 1 || page > 1000000)) return bad_param("page");
  if (auto s = req.query_param("page_size"); s && (!parse_i64(*s, size) || size < 1 || size > kMaxPageSize))
    return bad_param("page_size");
  return std::make_pair(page, size);
}

Result<Sort> parse_sort(const Request& req, const std::vector<std::string_view>& allowed, Sort fallback) {
  auto s = req.query_param("sort");
  if (!s || s->empty()) return fallback;
  Sort out;
  std::string_view v = *s;
  if (v.front() == '-') {
    out.descending = true;
    v.remove_prefix(1);
  } else if (v.front() == '+') {
    v.remove_prefix(1);
  }
  for (auto a : allowed) {
    if (a == v) {
      out.field = std::string(a);
      return out;
    }
  }
  return bad_param("sort");
}

Error bad_query(std::string_view name, std::string key) {
  return Error(ErrorCode::kBadRequest, "error.bad_parameter").field(std::string(name), std::move(key));
}

Result<std::optional<std::int64_t>> id_query(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>();
  KEHU_TRY(auto id, parse_id_param(*v, name));
  return std::optional<std::int64_t>(id);
}

Result<std::optional<clock::Date>> date_query(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<clock::Date>();
  auto d = clock::parse_date(*v);
  if (!d) return bad_query(name, "field.invalid_date");
  return std::optional<clock::Date>(*d);
}

Result<std::optional<std::string>> choice_query(const Request& req, std::string_view name,
                                                const std::vector<std::string_view>& allowed) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) return bad_query(name);
  return std::optional<std::string>(std::string(*v));
}

Result<bool> flag_query(const Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty() || *v == "false" || *v == "0") return false;
  if (*v == "true" || *v == "1") return true;
  return bad_query(name);
}

}  // namespace kehu::http
