#include "platform/http/fields.hpp"

#include <cmath>

#include "platform/text/utf8.hpp"

namespace kehu::http {

std::optional<std::string> check_text(std::string_view value, const TextRule& rule) {
  if (!text::valid_utf8(value)) return "field.invalid_utf8";
  if (text::has_control_or_bidi(value, rule.multiline ? text::Newlines::kAllow : text::Newlines::kReject))
    return "field.control_chars";
  if (text::code_points(value) > rule.max) return "field.too_long|max=" + std::to_string(rule.max);
  if (rule.required && text::trim(value).empty()) return "field.required";
  return std::nullopt;
}

const nlohmann::json* Fields::get(std::string_view key, bool required) {
  known_.emplace(key);
  auto it = j_.find(key);
  if (it == j_.end()) {
    if (required) fail(key, "field.required");
    return nullptr;
  }
  if (it->is_null() && required) {
    fail(key, "field.required");
    return nullptr;
  }
  return &*it;
}

Field<std::string> Fields::text(std::string_view key, TextRule rule) {
  Field<std::string> f;
  const auto* v = get(key, rule.required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_string()) {
    fail(key, "field.wrong_type|type=text");
    return f;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (auto problem = check_text(s, rule)) {
    fail(key, *problem);
    return f;
  }
  std::string trimmed = rule.multiline ? s : text::trim(s);
  if (trimmed.empty() && !rule.required) return f;  // "" clears an optional field
  f.value = std::move(trimmed);
  return f;
}

Field<std::int64_t> Fields::integer(std::string_view key, IntRule rule) {
  Field<std::int64_t> f;
  const auto* v = get(key, rule.required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_number_integer()) {
    fail(key, "field.wrong_type|type=integer");
    return f;
  }
  std::int64_t n;
  if (v->is_number_unsigned()) {
    auto u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(INT64_MAX)) {
      fail(key, "field.out_of_range");
      return f;
    }
    n = static_cast<std::int64_t>(u);
  } else {
    n = v->get<std::int64_t>();
  }
  if (n < rule.min || n > rule.max) {
    fail(key, "field.between|min=" + std::to_string(rule.min) + "&max=" + std::to_string(rule.max));
    return f;
  }
  f.value = n;
  return f;
}

Field<double> Fields::number(std::string_view key, double min, double max, bool required) {
  Field<double> f;
  const auto* v = get(key, required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_number()) {
    fail(key, "field.wrong_type|type=number");
    return f;
  }
  double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    fail(key, "field.out_of_range");
    return f;
  }
  f.value = d;
  return f;
}

Field<bool> Fields::boolean(std::string_view key, bool required) {
  Field<bool> f;
  const auto* v = get(key, required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_boolean()) {
    fail(key, "field.wrong_type|type=boolean");
    return f;
  }
  f.value = v->get<bool>();
  return f;
}

Field<std::string> Fields::choice(std::string_view key, const std::vector<std::string_view>& allowed, bool required) {
  Field<std::string> f;
  const auto* v = get(key, required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_string()) {
    fail(key, "field.wrong_type|type=text");
    return f;
  }
  const auto& s = v->get_ref<const std::string&>();
  for (auto a : allowed) {
    if (a == s) {
      f.value = s;
      return f;
    }
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  fail(key, "field.invalid_choice|allowed=" + list);
  return f;
}

Field<clock::Date> Fields::date(std::string_view key, bool required) {
  Field<clock::Date> f;
  const auto* v = get(key, required);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_string()) {
    fail(key, "field.invalid_date");
    return f;
  }
  auto d = clock::parse_date(v->get_ref<const std::string&>());
  if (!d) {
    fail(key, "field.invalid_date");
    return f;
  }
  f.value = *d;
  return f;
}

Field<std::vector<std::string>> Fields::text_list(std::string_view key, std::size_t max_items, std::size_t max_len) {
  Field<std::vector<std::string>> f;
  const auto* v = get(key, false);
  if (!v) return f;
  f.present = true;
  if (v->is_null()) return f;
  if (!v->is_array() || v->size() > max_items) {
    fail(key, "field.wrong_type|type=list");
    return f;
  }
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) {
      fail(key, "field.wrong_type|type=list");
      return f;
    }
    if (auto problem = check_text(item.get_ref<const std::string&>(), {.required = true, .max = max_len})) {
      fail(key, *problem);
      return f;
    }
    auto t = text::trim(item.get_ref<const std::string&>());
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  f.value = std::move(out);
  return f;
}

Field<nlohmann::json> Fields::raw(std::string_view key) {
  Field<nlohmann::json> f;
  const auto* v = get(key, false);
  if (!v) return f;
  f.present = true;
  if (!v->is_null()) f.value = *v;
  return f;
}

void Fields::objects(std::string_view key, std::size_t min_items, std::size_t max_items, std::string list_error,
                     const std::function<void(Fields& item, std::size_t i)>& read) {
  const auto* v = get(key, false);
  if (!v || !v->is_array() || v->size() < min_items || v->size() > max_items) {
    fail(key, std::move(list_error));
    return;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string name = std::string(key) + "[" + std::to_string(i) + "]";
    const auto& item_json = (*v)[i];
    if (!item_json.is_object()) {
      fail(name, "field.wrong_type|type=object");
      continue;
    }
    Fields item(item_json);
    read(item, i);
    auto st = item.finish();
    if (st.ok()) continue;
    auto& target = st.error().code == ErrorCode::kUnknownField ? nested_unknown_ : errors_;
    for (const auto& [k, msg] : st.error().fields) target.try_emplace(name + "." + k, msg);
  }
}

void Fields::fail(std::string_view key, std::string message_key) {
  errors_.try_emplace(std::string(key), std::move(message_key));
}

void Fields::forbid(std::string_view key) {
  forbidden_.emplace(key);
}

Status Fields::finish() const {
  Error unknown(ErrorCode::kUnknownField, "error.unknown_field");
  for (const auto& [k, v] : j_.items()) {
    if (forbidden_.count(k)) unknown.field(k, "field.forbidden");
    else if (!known_.count(k)) unknown.field(k, "field.unknown");
  }
  for (const auto& [k, v] : nested_unknown_) unknown.field(k, v);
  if (!unknown.fields.empty()) return unknown;
  if (!errors_.empty()) {
    Error e(ErrorCode::kValidationFailed, "error.validation_failed");
    e.fields = errors_;
    return e;
  }
  return ok_status();
}

}  // namespace kehu::http
