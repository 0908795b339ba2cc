#include <gtest/gtest.h>

#include "platform/http/http.hpp"

namespace kehu::http {

TEST(JsonStrict, RejectsWhatBadInputsListsAsMalformed) {
  for (std::string bad : {"", "{", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":1} // c", "{'a':1}", "{\"a\":\"\xC3\x28\"}",
                          "{\"a\":\"\xC0\xAF\"}", "{\"a\":\"\\uD800\"}", "{\"name\":\"A\",\"name\":\"B\"}"}) {
    auto r = parse_json_strict(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
  }
}

TEST(JsonStrict, DeepNestingIsRefusedWithoutRecursion) {
  std::string deep(100000, '[');
  auto r = parse_json_strict(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "error.too_deep");
  std::string ok = std::string(32, '[') + std::string(32, ']');
  EXPECT_TRUE(parse_json_strict(ok).ok());
  EXPECT_FALSE(parse_json_strict(std::string(33, '[') + std::string(33, ']')).ok());
}

TEST(JsonStrict, DuplicateKeysOnlyWithinOneObject) {
  EXPECT_TRUE(parse_json_strict(R"({"a":{"x":1},"b":{"x":2}})").ok());
  EXPECT_FALSE(parse_json_strict(R"({"a":{"x":1,"x":2}})").ok());
}

TEST(ErrorTable, OneStatusPerCode) {
  EXPECT_EQ(status_of(ErrorCode::kMalformed), 400);
  EXPECT_EQ(status_of(ErrorCode::kUnknownField), 400);
  EXPECT_EQ(status_of(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(status_of(ErrorCode::kCsrfFailed), 403);
  EXPECT_EQ(status_of(ErrorCode::kNotFound), 404);
  EXPECT_EQ(status_of(ErrorCode::kStaleVersion), 409);
  EXPECT_EQ(status_of(ErrorCode::kDuplicate), 409);
  EXPECT_EQ(status_of(ErrorCode::kTooLarge), 413);
  EXPECT_EQ(status_of(ErrorCode::kUnsupportedMediaType), 415);
  EXPECT_EQ(status_of(ErrorCode::kValidationFailed), 422);
  EXPECT_EQ(status_of(ErrorCode::kCreditLimitExceeded), 422);
  EXPECT_EQ(status_of(ErrorCode::kRateLimited), 429);
  EXPECT_EQ(status_of(ErrorCode::kInternal), 500);
}

TEST(ErrorTable, RendersTranslatedFieldsWithArguments) {
  messages::add("field.too_long", {"最多 {max} 个字符", "最多 {max} 個字元", "At most {max} characters"});
  Request req;
  req.lang = messages::Lang::kEn;
  req.request_id = "r1";
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  e.field("name", "field.too_long|max=100");
  auto res = render_error(e, req);
  EXPECT_EQ(res.status, 422);
  auto j = nlohmann::json::parse(res.body);
  EXPECT_EQ(j["error"]["code"], "validation_failed");
  EXPECT_EQ(j["error"]["fields"]["name"], "At most 100 characters");
  EXPECT_EQ(j["error"]["request_id"], "r1");
}

}  // namespace kehu::http
