// Strict JSON: nlohmann already rejects comments, NaN, trailing commas, single quotes,
// invalid UTF-8 and lone surrogates. On top: duplicate keys and nesting depth, checked
// while parsing so a 100,000-deep document is refused before it is built.
#include <set>
#include <vector>

#include "platform/http/http.hpp"

namespace kehu::http {
namespace {
struct Abort {
  ErrorCode code;
  const char* key;
};
}  // namespace

Result<nlohmann::json> parse_json_strict(std::string_view text, int max_depth) {
  if (text.empty()) return Error(ErrorCode::kMalformed, "error.empty_body");
  std::vector<std::set<std::string>> keys;  // one set per open object
  std::string last_key;                      // the member whose value is being parsed
  auto cb = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) -> bool {
    using E = nlohmann::json::parse_event_t;
    if (depth >= max_depth) throw Abort{ErrorCode::kMalformed, "error.too_deep"};
    switch (event) {
      case E::object_start: keys.emplace_back(); break;
      case E::object_end: if (!keys.empty()) keys.pop_back(); break;
      case E::key:
        if (!keys.empty() && !keys.back().insert(parsed.get<std::string>()).second)
          throw Abort{ErrorCode::kMalformed, "error.duplicate_key"};
        last_key = parsed.get<std::string>();
        break;
      default: break;
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true,
                                 /*ignore_comments=*/false);
  } catch (const Abort& a) {
    return Error(a.code, a.key);
  } catch (const nlohmann::json::out_of_range& e) {
    // 406: a well-formed number too big for a double (1e309). The syntax is fine, the
    // value is not: 422 naming the member, like any other out-of-range amount.
    if (e.id == 406) {
      Error err(ErrorCode::kValidationFailed, "error.validation_failed");
      if (!last_key.empty()) err.field(last_key, "field.out_of_range");
      return err;
    }
    return Error(ErrorCode::kMalformed, "error.malformed_json");
  } catch (const nlohmann::json::exception&) {
    return Error(ErrorCode::kMalformed, "error.malformed_json");
  }
}

}  // namespace kehu::http
