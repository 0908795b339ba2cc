#include "platform/http/fields.hpp"

#include <gtest/gtest.h>

namespace kehu::http {

TEST(Fields, CollectsEveryProblemAndUnknownKeys) {
  auto body = nlohmann::json::parse(R"({"name":"  ","age":"3","vip":"true","extra":1})");
  Fields f(body);
  (void)f.text("name", {.required = true});
  (void)f.integer("age");
  (void)f.boolean("vip");
  auto st = f.finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnknownField);  // unknown keys are reported first
  EXPECT_TRUE(st.error().fields.count("extra"));

  auto body2 = nlohmann::json::parse(R"({"name":"  ","age":"3","vip":"true"})");
  Fields g(body2);
  (void)g.text("name", {.required = true});
  (void)g.integer("age");
  (void)g.boolean("vip");
  auto st2 = g.finish();
  ASSERT_FALSE(st2.ok());
  EXPECT_EQ(st2.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(st2.error().fields.size(), 3u);
}

TEST(Fields, ObjectsReportProblemsPerItem) {
  auto body = nlohmann::json::parse(R"({"lines":[{"q":1},{"q":-1},"x",{"q":2,"extra":true}]})");
  Fields f(body);
  std::vector<std::int64_t> kept;
  f.objects("lines", 1, 10, "lines.bad", [&](Fields& item, std::size_t) {
    auto q = item.integer("q", {.required = true, .min = 1});
    if (q.value) kept.push_back(*q.value);
  });
  auto st = f.finish();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUnknownField);  // "lines[3].extra"
  EXPECT_TRUE(st.error().fields.count("lines[3].extra"));

  auto body2 = nlohmann::json::parse(R"({"lines":[{"q":1},{"q":-1},"x"]})");
  Fields g(body2);
  g.objects("lines", 1, 10, "lines.bad", [&](Fields& item, std::size_t) { (void)item.integer("q", {.min = 1}); });
  auto st2 = g.finish();
  ASSERT_FALSE(st2.ok());
  EXPECT_EQ(st2.error().code, ErrorCode::kValidationFailed);
  EXPECT_TRUE(st2.error().fields.count("lines[1].q"));
  EXPECT_TRUE(st2.error().fields.count("lines[2]"));

  for (const char* bad : {R"({"lines":[]})", R"({"lines":"x"})", R"({})"}) {
    auto b = nlohmann::json::parse(bad);
    Fields h(b);
    h.objects("lines", 1, 10, "lines.bad", [](Fields&, std::size_t) {});
    EXPECT_EQ(h.finish().error().fields.at("lines"), "lines.bad") << bad;
  }
}

TEST(Fields, TextLimitsCountCodePoints) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "张";
  EXPECT_FALSE(check_text(hundred, {.max = 100}));
  EXPECT_TRUE(check_text(hundred + "张", {.max = 100}));
  EXPECT_TRUE(check_text(std::string("a\0b", 3), {}));
  EXPECT_TRUE(check_text("a\u202Eb", {}));
  EXPECT_TRUE(check_text("line\nbreak", {}));
  EXPECT_FALSE(check_text("line\nbreak", {.multiline = true}));
}

TEST(Fields, AbsentNullAndValueAreDistinct) {
  auto body = nlohmann::json::parse(R"({"a":null,"b":"x","n":12,"f":1.5})");
  Fields f(body);
  auto a = f.text("a"), b = f.text("b"), c = f.text("c");
  EXPECT_TRUE(a.is_null());
  EXPECT_EQ(*b.value, "x");
  EXPECT_FALSE(c.present);
  EXPECT_EQ(*f.integer("n").value, 12);
  EXPECT_FALSE(f.integer("f").value);
  EXPECT_FALSE(f.finish().ok());
}

}  // namespace kehu::http
