// Reading a JSON object into typed fields, collecting every problem at once. Each accessor
// marks its key as known; finish() answers 400 unknown_field for keys nobody read and
// 422 validation_failed with per-field messages for bad values. Field<T> tells apart
// "absent" (leave unchanged), null (clear) and a value.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"

namespace kehu::http {

template <class T>
struct Field {
  bool present = false;
  std::optional<T> value;  // present && !value: explicit null
  bool is_null() const { return present && !value; }
};

struct TextRule {
  bool required = false;      // must be present, non-null, not blank
  std::size_t max = 100;      // code points
  bool multiline = false;     // allows \n \r \t
};

struct IntRule {
  bool required = false;
  std::int64_t min = 0;
  std::int64_t max = INT64_MAX;
};

class Fields {
 public:
  explicit Fields(const nlohmann::json& object) : j_(object) {}

  Field<std::string> text(std::string_view key, TextRule rule = {});
  Field<std::int64_t> integer(std::string_view key, IntRule rule = {});
  Field<double> number(std::string_view key, double min, double max, bool required = false);
  Field<bool> boolean(std::string_view key, bool required = false);
  Field<std::string> choice(std::string_view key, const std::vector<std::string_view>& allowed, bool required = false);
  Field<clock::Date> date(std::string_view key, bool required = false);
  Field<std::vector<std::string>> text_list(std::string_view key, std::size_t max_items, std::size_t max_len);
  // A list of objects (order lines, plan lines…): between min_items and max_items, else
  // `list_error` on the key. `read(item, i)` reads one object's fields from `item`; its
  // problems are reported as "key[i].field" (unknown fields inside an item are a 400 like
  // at the top level). The caller keeps an item only when all its required values are set.
  void objects(std::string_view key, std::size_t min_items, std::size_t max_items, std::string list_error,
               const std::function<void(Fields& item, std::size_t i)>& read);
  // Any JSON value; the caller validates it.
  Field<nlohmann::json> raw(std::string_view key);

  // Record a problem found by the caller (message key, may carry "|arg=v").
  void fail(std::string_view key, std::string message_key);
  void forbid(std::string_view key);  // present -> 400 unknown_field
  bool has_errors() const { return !errors_.empty(); }
  Status finish() const;

 private:
  const nlohmann::json* get(std::string_view key, bool required);
  const nlohmann::json& j_;
  std::set<std::string, std::less<>> known_;
  std::set<std::string, std::less<>> forbidden_;
  std::map<std::string, std::string> errors_;
  std::map<std::string, std::string> nested_unknown_;  // "lines[0].x" -> message key
};

// Checks single-line (or multiline) human text: valid UTF-8 is guaranteed by the JSON
// parser; rejects control characters and bidi overrides; counts code points.
std::optional<std::string> check_text(std::string_view value, const TextRule& rule);

}  // namespace kehu::http
