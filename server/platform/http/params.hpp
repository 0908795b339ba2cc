// Query parameters: ids, pages, sorts. Bad values are 400 with the parameter named.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/core/clock.hpp"
#include "platform/http/http.hpp"

namespace kehu::http {

constexpr std::int64_t kMaxPageSize = 200;

Result<std::int64_t> parse_id_param(std::string_view value, std::string_view name);
// (page, page_size): page ≥ 1, 1 ≤ page_size ≤ 200, defaults 1 and 20.
Result<std::pair<std::int64_t, std::int64_t>> parse_page(const Request& req);

struct Sort {
  std::string field;  // one of the allowed names
  bool descending = false;
};
// `sort=-updated_at`: the field must be in `allowed`; otherwise 400.
Result<Sort> parse_sort(const Request& req, const std::vector<std::string_view>& allowed, Sort fallback);

// 400 naming a query parameter.
Error bad_query(std::string_view name, std::string key = "param.invalid");
// Optional query filters; absent or empty is "not given", a bad value 400 naming it.
Result<std::optional<std::int64_t>> id_query(const Request& req, std::string_view name);
Result<std::optional<clock::Date>> date_query(const Request& req, std::string_view name);
Result<std::optional<std::string>> choice_query(const Request& req, std::string_view name,
                                                const std::vector<std::string_view>& allowed);
// "true" / "1" or "false" / "0"; absent is false.
Result<bool> flag_query(const Request& req, std::string_view name);

}  // namespace kehu::http
