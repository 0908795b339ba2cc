#include "modules/service/survey.hpp"

#include <algorithm>
#include <set>

#include "platform/text/utf8.hpp"

namespace kehu::service {
namespace {

Error answer_error(const std::string& field, std::string key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, std::move(key));
}

bool blank(std::string_view s) {
  for (char32_t cp : text::decode(s))
    if (!text::is_space(cp)) return false;
  return true;
}

// One question object of a template body.
void read_question(http::Fields& q, std::vector<SurveyQuestion>& out, std::set<std::string>& keys) {
  auto key = q.text("key", {.required = true, .max = kSurveyMaxKeyLength});
  if (key.value && !valid_question_key(*key.value))
    q.fail("key", "survey.key_invalid");
  else if (key.value && !keys.insert(*key.value).second)
    q.fail("key", "survey.key_duplicate");
  auto text = q.text("text", {.required = true, .max = kSurveyMaxQuestionText, .multiline = false});
  auto type = q.choice("type", kSurveyQuestionTypes, true);
  auto required = q.boolean("required");
  const auto parsed = type.value ? parse_question_type(*type.value) : std::nullopt;
  const bool typed = parsed.has_value();
  const QuestionType t = parsed.value_or(QuestionType::kText);
  std::vector<std::string> options;
  const bool choice = typed && (t == QuestionType::kSingle || t == QuestionType::kMultiple);
  auto raw = q.raw("options");
  if (raw.value && typed && !choice) {
    q.fail("options", "survey.options_not_allowed");
  } else if (choice) {
    if (!raw.value || !raw.value->is_array() || raw.value->size() < 2 || raw.value->size() > kSurveyMaxOptions) {
      q.fail("options", "survey.options_count|min=2&max=" + std::to_string(kSurveyMaxOptions));
    } else {
      for (const auto& o : *raw.value) {
        if (!o.is_string()) {
          q.fail("options", "field.wrong_type|type=text");
          break;
        }
        const auto& s = o.get_ref<const std::string&>();
        if (auto problem = http::check_text(s, {.required = true, .max = kSurveyMaxOptionLength})) {
          q.fail("options", *problem);
          break;
        }
        auto trimmed = text::trim(s);
        if (std::find(options.begin(), options.end(), trimmed) != options.end()) {
          q.fail("options", "survey.option_duplicate");
          break;
        }
        options.push_back(std::move(trimmed));
      }
    }
  }
  if (!q.has_errors() && key.value && text.value && typed)
    out.push_back({*key.value, *text.value, t, required.value.value_or(false), std::move(options)});
}

}  // namespace

std::string_view question_type_name(QuestionType t) { return kSurveyQuestionTypes[static_cast<std::size_t>(t)]; }

std::optional<QuestionType> parse_question_type(std::string_view s) {
  for (std::size_t i = 0; i < kSurveyQuestionTypes.size(); ++i)
    if (kSurveyQuestionTypes[i] == s) return static_cast<QuestionType>(i);
  return std::nullopt;
}

bool valid_question_key(std::string_view key) {
  if (key.empty() || key.size() > kSurveyMaxKeyLength || key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

nlohmann::json questions_to_json(const std::vector<SurveyQuestion>& qs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : qs) {
    nlohmann::json j = {
        {"key", q.key}, {"text", q.text}, {"type", question_type_name(q.type)}, {"required", q.required}};
    if (q.type == QuestionType::kSingle || q.type == QuestionType::kMultiple) j["options"] = q.options;
    out.push_back(std::move(j));
  }
  return out;
}

std::vector<SurveyQuestion> questions_from_json(const nlohmann::json& j) {
  std::vector<SurveyQuestion> out;
  if (!j.is_array()) return out;
  for (const auto& q : j) {
    SurveyQuestion x;
    x.key = q.value("key", "");
    x.text = q.value("text", "");
    x.type = parse_question_type(q.value("type", "text")).value_or(QuestionType::kText);
    x.required = q.value("required", false);
    if (q.contains("options") && q["options"].is_array())
      for (const auto& o : q["options"]) x.options.push_back(o.get<std::string>());
    out.push_back(std::move(x));
  }
  return out;
}

Result<SurveyTemplateInput> read_template_input(const nlohmann::json& body, SurveyTemplateMode mode) {
  const bool create = mode == SurveyTemplateMode::kCreate;
  http::Fields f(body);
  SurveyTemplateInput in;
  in.name = f.text("name", {.required = create, .max = 100});
  if (in.name.is_null()) f.fail("name", "field.required");
  in.description = f.text("description", {.max = 2000, .multiline = true});
  in.active = f.boolean("active");
  if (in.active.is_null()) f.fail("active", "field.required");
  in.is_default = f.boolean("is_default");
  if (in.is_default.is_null()) f.fail("is_default", "field.required");
  if (create || body.contains("questions")) {
    std::vector<SurveyQuestion> qs;
    std::set<std::string> keys;
    f.objects("questions", 1, kSurveyMaxQuestions,
              "survey.questions_count|min=1&max=" + std::to_string(kSurveyMaxQuestions),
              [&](http::Fields& q, std::size_t) { read_question(q, qs, keys); });
    in.questions = std::move(qs);
  }
  if (!create) {
    auto version = f.integer("version", {.required = true, .min = 1});
    in.version = version.value;
  }
  KEHU_CHECK(f.finish());
  return in;
}

Result<SurveyInviteInput> read_invite_input(const nlohmann::json& body) {
  http::Fields f(body);
  auto tpl = f.integer("template_id", {.required = true, .min = 1});
  auto customer = f.integer("customer_id", {.required = true, .min = 1});
  auto contact = f.integer("contact_id", {.min = 1});
  auto complaint = f.integer("complaint_id", {.min = 1});
  auto channel = f.choice("channel", kSurveyChannels);
  KEHU_CHECK(f.finish());
  SurveyInviteInput in;
  in.template_id = *tpl.value;
  in.customer_id = *customer.value;
  in.contact_id = contact.value;
  in.complaint_id = complaint.value;
  in.channel = channel.value.value_or("link");
  return in;
}

Result<std::vector<SurveyAnswer>> read_answers(const nlohmann::json& answers, const std::vector<SurveyQuestion>& qs) {
  if (!answers.is_object()) return answer_error("answers", "field.wrong_type|type=object");
  Error e(ErrorCode::kValidationFailed, "error.validation_failed");
  for (const auto& [k, v] : answers.items()) {
    const bool known = std::any_of(qs.begin(), qs.end(), [&](const SurveyQuestion& q) { return q.key == k; });
    if (known) continue;
    if (valid_question_key(k))
      e.field("answers." + k, "survey.unknown_question");
    else
      e.field("answers", "survey.unknown_question");
  }
  std::vector<SurveyAnswer> out;
  for (const auto& q : qs) {
    const std::string field = "answers." + q.key;
    auto it = answers.find(q.key);
    const nlohmann::json* v = it == answers.end() || it->is_null() ? nullptr : &*it;
    SurveyAnswer a{q.key, q.type, std::nullopt, {}, std::nullopt};
    bool answered = false;
    if (v) {
      switch (q.type) {
        case QuestionType::kScore5:
        case QuestionType::kNps: {
          const std::int64_t max = q.type == QuestionType::kScore5 ? 5 : 10;
          const std::int64_t min = q.type == QuestionType::kScore5 ? 1 : 0;
          // A non-negative JSON integer is parsed as unsigned: bound it before converting.
          if (!v->is_number_integer()) {
            e.field(field, "field.wrong_type|type=integer");
          } else if (v->is_number_unsigned() ? v->get<std::uint64_t>() < static_cast<std::uint64_t>(min) ||
                                                   v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                                             : (v->get<std::int64_t>() < min || v->get<std::int64_t>() > max)) {
            e.field(field, "field.between|min=" + std::to_string(min) + "&max=" + std::to_string(max));
          } else {
            a.score = v->get<std::int64_t>();
            answered = true;
          }
          break;
        }
        case QuestionType::kSingle:
          if (!v->is_string()) {
            e.field(field, "field.wrong_type|type=text");
          } else if (std::find(q.options.begin(), q.options.end(), v->get<std::string>()) == q.options.end()) {
            e.field(field, "survey.not_an_option");
          } else {
            a.choices.push_back(v->get<std::string>());
            answered = true;
          }
          break;
        case QuestionType::kMultiple: {
          if (!v->is_array()) {
            e.field(field, "field.wrong_type|type=list");
            break;
          }
          bool bad = false;
          for (const auto& o : *v) {
            if (!o.is_string()) {
              e.field(field, "field.wrong_type|type=list");
              bad = true;
              break;
            }
            const auto& s = o.get_ref<const std::string&>();
            if (std::find(q.options.begin(), q.options.end(), s) == q.options.end()) {
              e.field(field, "survey.not_an_option");
              bad = true;
              break;
            }
            if (std::find(a.choices.begin(), a.choices.end(), s) != a.choices.end()) {
              e.field(field, "survey.option_duplicate");
              bad = true;
              break;
            }
            a.choices.push_back(s);
          }
          if (!bad) answered = !a.choices.empty();
          break;
        }
        case QuestionType::kText:
          if (!v->is_string()) {
            e.field(field, "field.wrong_type|type=text");
          } else if (auto problem =
                         http::check_text(v->get_ref<const std::string&>(),
                                          {.required = false, .max = kSurveyMaxAnswerText, .multiline = true})) {
            e.field(field, *problem);
          } else if (!blank(v->get_ref<const std::string&>())) {
            a.text = v->get<std::string>();
            answered = true;
          }
          break;
      }
    }
    if (e.fields.count(field)) continue;
    if (!answered) {
      if (q.required) e.field(field, "field.required");
      continue;
    }
    out.push_back(std::move(a));
  }
  if (!e.fields.empty()) return e;
  return out;
}

void SurveyTally::add(QuestionType type, std::int64_t score) {
  if (type == QuestionType::kScore5) {
    ++score5;
    if (score >= 4) ++satisfied;
  } else if (type == QuestionType::kNps) {
    ++nps_answers;
    if (score >= 9)
      ++promoters;
    else if (score >= 7)
      ++passives;
    else
      ++detractors;
  }
}

void SurveyTally::add(const SurveyAnswer& a) {
  if (a.score) add(a.type, *a.score);
}

std::int64_t round_half_away(std::int64_t num, std::int64_t den) {
  const bool negative = num < 0;
  const std::int64_t n = negative ? -num : num;
  const std::int64_t q = (2 * n + den) / (2 * den);
  return negative ? -q : q;
}

std::optional<std::int64_t> satisfaction_per_mille(const SurveyTally& t) {
  if (t.score5 <= 0) return std::nullopt;
  return round_half_away(1000 * t.satisfied, t.score5);
}

std::optional<std::int64_t> nps_per_mille(const SurveyTally& t) {
  if (t.nps_answers <= 0) return std::nullopt;
  return round_half_away(1000 * (t.promoters - t.detractors), t.nps_answers);
}

nlohmann::json tenths_json(std::optional<std::int64_t> v) {
  if (!v) return nullptr;
  return static_cast<double>(*v) / 10.0;
}

nlohmann::json tally_json(const SurveyTally& t) {
  const auto sat = satisfaction_per_mille(t);
  return {{"responses", t.responses},
          {"satisfaction_pct", tenths_json(sat)},
          {"score5_answers", t.score5},
          {"satisfied_answers", t.satisfied},
          {"nps", tenths_json(nps_per_mille(t))},
          {"nps_answers", t.nps_answers},
          {"promoters", t.promoters},
          {"passives", t.passives},
          {"detractors", t.detractors},
          {"met", sat && *sat >= kSurveyTargetPerMille}};
}

}  // namespace kehu::service
