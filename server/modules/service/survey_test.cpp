// Survey rules without a database: template input, answer validation per question type, and
// the satisfaction / NPS arithmetic with its rounding.
#include "modules/service/survey.hpp"

#include <gtest/gtest.h>

namespace kehu::service {
namespace {

using nlohmann::json;
using T = QuestionType;

const std::vector<SurveyQuestion> kQuestions = {
    {"overall", "整体满意度", T::kScore5, true, {}},
    {"delivery", "交货", T::kScore5, false, {}},
    {"nps", "推荐意愿", T::kNps, true, {}},
    {"channel", "您从哪里了解到我们？", T::kSingle, false, {"朋友介绍", "展会", "网络"}},
    {"needs", "您关心哪些方面？", T::kMultiple, false, {"价格", "质量", "交期"}},
    {"suggestions", "意见建议", T::kText, false, {}},
};

json base() { return {{"overall", 5}, {"nps", 9}}; }

// The fields named by a failed read, or {} when it passed.
std::map<std::string, std::string> problems(const json& answers) {
  auto r = read_answers(answers, kQuestions);
  if (r.ok()) return {};
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  return r.error().fields;
}

}  // namespace

TEST(SurveyAnswers, ValidAnswersComeBackInTemplateOrder) {
  json a = {{"suggestions", "<script>alert(1)</script>\n下次早点送货"},
            {"needs", {"交期", "价格"}},
            {"channel", "展会"},
            {"nps", 0},
            {"delivery", 1},
            {"overall", 4}};
  auto r = read_answers(a, kQuestions);
  ASSERT_TRUE(r.ok()) << r.error().fields.begin()->first;
  ASSERT_EQ(r->size(), 6u);
  EXPECT_EQ((*r)[0], (SurveyAnswer{"overall", T::kScore5, 4, {}, std::nullopt}));
  EXPECT_EQ((*r)[1], (SurveyAnswer{"delivery", T::kScore5, 1, {}, std::nullopt}));
  EXPECT_EQ((*r)[2], (SurveyAnswer{"nps", T::kNps, 0, {}, std::nullopt}));
  EXPECT_EQ((*r)[3], (SurveyAnswer{"channel", T::kSingle, std::nullopt, {"展会"}, std::nullopt}));
  EXPECT_EQ((*r)[4], (SurveyAnswer{"needs", T::kMultiple, std::nullopt, {"交期", "价格"}, std::nullopt}));
  // text is kept verbatim: markup is data, never interpreted here
  EXPECT_EQ((*r)[5].text, std::optional<std::string>("<script>alert(1)</script>\n下次早点送货"));
}

TEST(SurveyAnswers, OptionalQuestionsMayBeLeftOut) {
  auto r = read_answers(base(), kQuestions);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
  // null, blank text and an empty list are no answer
  json a = base();
  a["delivery"] = nullptr;
  a["suggestions"] = "   ";
  a["needs"] = json::array();
  r = read_answers(a, kQuestions);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
}

TEST(SurveyAnswers, EveryBadValueIsNamed) {
  struct Case {
    const char* what;
    json change;  // merged into a valid body; null removes
    std::string field;
  };
  const std::string long_text(kSurveyMaxAnswerText + 1, 'x');
  const std::string max_text(kSurveyMaxAnswerText, 'x');
  const std::vector<Case> cases = {
      {"required score missing", {{"overall", nullptr}}, "answers.overall"},
      {"required nps missing", {{"nps", nullptr}}, "answers.nps"},
      {"score 0", {{"overall", 0}}, "answers.overall"},
      {"score 6", {{"overall", 6}}, "answers.overall"},
      {"score -1", {{"delivery", -1}}, "answers.delivery"},
      {"score 4.5", {{"overall", 4.5}}, "answers.overall"},
      {"score as text", {{"overall", "5"}}, "answers.overall"},
      {"score as bool", {{"overall", true}}, "answers.overall"},
      {"score 2^64-1", {{"overall", json(UINT64_MAX)}}, "answers.overall"},
      {"nps 11", {{"nps", 11}}, "answers.nps"},
      {"nps -1", {{"nps", -1}}, "answers.nps"},
      {"single not an option", {{"channel", "电视"}}, "answers.channel"},
      {"single as list", {{"channel", {"展会"}}}, "answers.channel"},
      {"multiple not a list", {{"needs", "价格"}}, "answers.needs"},
      {"multiple twice", {{"needs", {"价格", "价格"}}}, "answers.needs"},
      {"multiple unknown option", {{"needs", {"价格", "服务"}}}, "answers.needs"},
      {"multiple with a number", {{"needs", {"价格", 1}}}, "answers.needs"},
      {"text too long", {{"suggestions", long_text}}, "answers.suggestions"},
      {"text with a control character",
       {{"suggestions",
         "a\x01"
         "b"}},
       "answers.suggestions"},
      {"text with a bidi override", {{"suggestions", "a\u202Eb"}}, "answers.suggestions"},
      {"text as number", {{"suggestions", 5}}, "answers.suggestions"},
      {"unknown question", {{"colour", "red"}}, "answers.colour"},
      {"unreadable key", {{"Bad Key!", 1}}, "answers"},
  };
  for (const auto& c : cases) {
    json a = base();
    for (const auto& [k, v] : c.change.items()) {
      if (v.is_null())
        a.erase(k);
      else
        a[k] = v;
    }
    auto p = problems(a);
    EXPECT_EQ(p.size(), 1u) << c.what;
    EXPECT_TRUE(p.count(c.field)) << c.what << ": " << (p.empty() ? "passed" : p.begin()->first);
  }
  // bodies arrive parsed from text, where 0 and other non-negative numbers are unsigned
  for (const char* text : {R"({"overall": 0, "nps": 9})", R"({"overall": 5, "nps": 18446744073709551615})",
                           R"({"overall": 5, "nps": -0.0})", R"({"overall": 5e0, "nps": 9})"}) {
    EXPECT_EQ(problems(json::parse(text)).size(), 1u) << text;
  }
  EXPECT_TRUE(problems(json::parse(R"({"overall": 1, "nps": 0})")).empty());
  // the limit itself is fine
  json ok = base();
  ok["suggestions"] = max_text;
  EXPECT_TRUE(problems(ok).empty());
  // several problems at once
  EXPECT_EQ(problems(json{{"overall", 9}}).size(), 2u);  // overall out of range, nps missing
  // not an object at all
  EXPECT_TRUE(problems(json::array()).count("answers"));
  EXPECT_TRUE(problems(json("5")).count("answers"));
}

TEST(SurveyTemplates, ReadsQuestionsAndNamesEveryProblem) {
  json good = {{"name", "季度回访"},
               {"questions",
                {{{"key", "overall"}, {"text", "整体满意度"}, {"type", "score5"}, {"required", true}},
                 {{"key", "pick"}, {"text", "选择"}, {"type", "single"}, {"options", {"甲", "乙"}}}}}};
  auto r = read_template_input(good, SurveyTemplateMode::kCreate);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->questions->size(), 2u);
  EXPECT_EQ((*r->questions)[1], (SurveyQuestion{"pick", "选择", T::kSingle, false, {"甲", "乙"}}));
  EXPECT_EQ(questions_from_json(questions_to_json(*r->questions)), *r->questions);

  struct Case {
    const char* what;
    json question;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"bad key", {{"key", "Overall"}, {"text", "x"}, {"type", "score5"}}, "questions[1].key"},
      {"duplicate key", {{"key", "overall"}, {"text", "x"}, {"type", "score5"}}, "questions[1].key"},
      {"no text", {{"key", "b"}, {"type", "score5"}}, "questions[1].text"},
      {"unknown type", {{"key", "b"}, {"text", "x"}, {"type", "stars"}}, "questions[1].type"},
      {"options on a score",
       {{"key", "b"}, {"text", "x"}, {"type", "score5"}, {"options", {"a", "b"}}},
       "questions[1].options"},
      {"one option", {{"key", "b"}, {"text", "x"}, {"type", "multiple"}, {"options", {"a"}}}, "questions[1].options"},
      {"no options", {{"key", "b"}, {"text", "x"}, {"type", "single"}}, "questions[1].options"},
      {"same option twice",
       {{"key", "b"}, {"text", "x"}, {"type", "single"}, {"options", {"a", "a"}}},
       "questions[1].options"},
      {"required not a bool",
       {{"key", "b"}, {"text", "x"}, {"type", "text"}, {"required", "yes"}},
       "questions[1].required"},
  };
  for (const auto& c : cases) {
    json body = {{"name", "x"}, {"questions", {good["questions"][0], c.question}}};
    auto res = read_template_input(body, SurveyTemplateMode::kCreate);
    ASSERT_FALSE(res.ok()) << c.what;
    EXPECT_EQ(res.error().code, ErrorCode::kValidationFailed) << c.what;
    EXPECT_TRUE(res.error().fields.count(c.field)) << c.what << ": " << res.error().fields.begin()->first;
  }
  // 1–30 questions
  json none = {{"name", "x"}, {"questions", json::array()}};
  EXPECT_TRUE(read_template_input(none, SurveyTemplateMode::kCreate).error().fields.count("questions"));
  json many = {{"name", "x"}, {"questions", json::array()}};
  for (int i = 0; i < 31; ++i)
    many["questions"].push_back({{"key", "q" + std::to_string(i)}, {"text", "x"}, {"type", "score5"}});
  EXPECT_TRUE(read_template_input(many, SurveyTemplateMode::kCreate).error().fields.count("questions"));
  many["questions"].erase(30);
  EXPECT_TRUE(read_template_input(many, SurveyTemplateMode::kCreate).ok());
  // an unknown field inside a question is a 400 like at the top
  json extra = {{"name", "x"}, {"questions", {{{"key", "a"}, {"text", "x"}, {"type", "text"}, {"weight", 2}}}}};
  EXPECT_EQ(read_template_input(extra, SurveyTemplateMode::kCreate).error().code, ErrorCode::kUnknownField);
  // update: version required, questions optional
  auto upd = read_template_input(json{{"active", false}, {"version", 2}}, SurveyTemplateMode::kUpdate);
  ASSERT_TRUE(upd.ok());
  EXPECT_FALSE(upd->questions.has_value());
  EXPECT_TRUE(
      read_template_input(json{{"active", false}}, SurveyTemplateMode::kUpdate).error().fields.count("version"));
  EXPECT_TRUE(read_template_input(json{{"name", nullptr}, {"version", 1}}, SurveyTemplateMode::kUpdate)
                  .error()
                  .fields.count("name"));
}

TEST(SurveyArithmetic, RoundingIsHalfAwayFromZero) {
  struct Case {
    std::int64_t num, den, expected;
  };
  for (const auto& c : std::vector<Case>{{0, 3, 0},
                                         {1, 3, 0},
                                         {2, 3, 1},
                                         {1, 2, 1},
                                         {3, 2, 2},
                                         {-1, 2, -1},
                                         {-3, 2, -2},
                                         {-1, 3, 0},
                                         {-2, 3, -1},
                                         {1000, 8, 125},
                                         {1000, 16, 63},
                                         {-1000, 16, -63},
                                         {2000, 3, 667},
                                         {-2000, 3, -667}})
    EXPECT_EQ(round_half_away(c.num, c.den), c.expected) << c.num << "/" << c.den;
}

TEST(SurveyArithmetic, SatisfactionAndNps) {
  struct Case {
    const char* what;
    std::vector<std::pair<T, int>> scores;
    std::optional<std::int64_t> satisfaction, nps;
    bool met;
  };
  auto s5 = [](std::initializer_list<int> v) {
    std::vector<std::pair<T, int>> out;
    for (int x : v) out.emplace_back(T::kScore5, x);
    return out;
  };
  auto nps = [](std::initializer_list<int> v) {
    std::vector<std::pair<T, int>> out;
    for (int x : v) out.emplace_back(T::kNps, x);
    return out;
  };
  auto both = [](std::vector<std::pair<T, int>> a, const std::vector<std::pair<T, int>>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<Case> cases = {
      {"no answers", {}, std::nullopt, std::nullopt, false},
      {"all fives", s5({5, 5, 5}), 1000, std::nullopt, true},
      {"4 counts as satisfied, 3 does not", s5({4, 3}), 500, std::nullopt, false},
      {"7 of 8", s5({5, 5, 5, 5, 4, 4, 4, 2}), 875, std::nullopt, false},
      {"9 of 10 meets the target exactly", s5({5, 5, 5, 5, 5, 4, 4, 4, 4, 1}), 900, std::nullopt, true},
      {"2 of 3 rounds up", s5({5, 5, 1}), 667, std::nullopt, false},
      {"1 of 3 rounds down", s5({5, 1, 1}), 333, std::nullopt, false},
      {"1 of 16: a half rounds up", s5({5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), 63, std::nullopt, false},
      {"all promoters", nps({9, 10, 10}), std::nullopt, 1000, false},
      {"all detractors", nps({0, 6, 3}), std::nullopt, -1000, false},
      {"all passives", nps({7, 8}), std::nullopt, 0, false},
      {"one of each", nps({10, 7, 6}), std::nullopt, 0, false},
      {"negative thirds", nps({9, 0, 0}), std::nullopt, -333, false},
      {"negative half rounds away from zero", nps({0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}), std::nullopt, -63,
       false},
      {"both kinds are independent", both(s5({5, 4}), nps({10, 0})), 1000, 0, true},
  };
  for (const auto& c : cases) {
    SurveyTally t;
    for (const auto& [type, score] : c.scores) t.add(type, score);
    EXPECT_EQ(satisfaction_per_mille(t), c.satisfaction) << c.what;
    EXPECT_EQ(nps_per_mille(t), c.nps) << c.what;
    EXPECT_EQ(tally_json(t)["met"].get<bool>(), c.met) << c.what;
  }
}

TEST(SurveyArithmetic, NpsBucketsAndJson) {
  SurveyTally t;
  for (int s = 0; s <= 10; ++s) t.add(T::kNps, s);
  EXPECT_EQ((std::vector<std::int64_t>{t.detractors, t.passives, t.promoters, t.nps_answers}),
            (std::vector<std::int64_t>{7, 2, 2, 11}));
  // choice and text answers do not count in either figure
  t.add(SurveyAnswer{"c", T::kSingle, std::nullopt, {"a"}, std::nullopt});
  t.add(SurveyAnswer{"t", T::kText, std::nullopt, {}, "x"});
  EXPECT_EQ(t.nps_answers + t.score5, 11);
  EXPECT_EQ(nps_per_mille(t), -455);  // (2 − 7) / 11 = −45.45…%
  auto j = tally_json(t);
  EXPECT_DOUBLE_EQ(j["nps"].get<double>(), -45.5);
  EXPECT_TRUE(j["satisfaction_pct"].is_null());
  EXPECT_EQ(tenths_json(875).dump(), "87.5");
  EXPECT_EQ(tenths_json(1000).get<double>(), 100.0);
  EXPECT_TRUE(tenths_json(std::nullopt).is_null());
}

}  // namespace kehu::service
