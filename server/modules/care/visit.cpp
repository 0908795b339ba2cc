#include "modules/care/visit.hpp"

#include "platform/http/fields.hpp"

namespace kehu::care {

std::string_view status_name(VisitStatus s) { return kVisitStatuses[static_cast<std::size_t>(s)]; }

std::optional<VisitStatus> parse_visit_status(std::string_view s) {
  for (std::size_t i = 0; i < kVisitStatuses.size(); ++i)
    if (kVisitStatuses[i] == s) return static_cast<VisitStatus>(i);
  return std::nullopt;
}

std::string_view action_name(VisitAction a) { return kVisitActions[static_cast<std::size_t>(a)]; }

std::optional<VisitStatus> next_status(VisitStatus from, VisitAction a) {
  using S = VisitStatus;
  using A = VisitAction;
  switch (a) {
    case A::kEdit:
      if (from == S::kSubmitted || from == S::kRejected) return S::kSubmitted;
      break;
    case A::kApprove:
      if (from == S::kSubmitted) return S::kApproved;
      break;
    case A::kReject:
      if (from == S::kSubmitted) return S::kRejected;
      break;
    case A::kReport:
      if (from == S::kApproved) return S::kReported;
      break;
    case A::kReview:
      if (from == S::kReported) return S::kReviewed;
      break;
  }
  return std::nullopt;
}

bool is_overdue(VisitStatus s, clock::Date date, clock::Date today) {
  return (s == VisitStatus::kApproved || s == VisitStatus::kSubmitted) && date < today;
}

bool may_lead(const auth::Principal& p, const VisitParties& v) {
  using R = auth::Role;
  if (p.role == R::kAdmin || p.role == R::kDirector) return true;
  return p.role == R::kManager && p.team && v.team && *p.team == *v.team && p.user != v.planner;
}

bool may_act(const auth::Principal& p, const VisitParties& v, VisitAction a) {
  switch (a) {
    case VisitAction::kEdit:
    case VisitAction::kReport:
      return p.user == v.planner;
    case VisitAction::kApprove:
    case VisitAction::kReject:
    case VisitAction::kReview:
      return may_lead(p, v);
  }
  return false;
}

bool report_allowed(clock::Date date, clock::Date today) { return date <= today; }

bool plan_date_ok(clock::Date date, clock::Date today) {
  return date >= today && clock::day_number(date) - clock::day_number(today) <= kMaxPlanAheadDays;
}

std::vector<VisitAction> available_actions(const auth::Principal& p, const VisitParties& v, VisitStatus s,
                                           clock::Date date, clock::Date today) {
  std::vector<VisitAction> out;
  for (auto a :
       {VisitAction::kEdit, VisitAction::kApprove, VisitAction::kReject, VisitAction::kReport, VisitAction::kReview}) {
    if (!next_status(s, a) || !may_act(p, v, a)) continue;
    if (a == VisitAction::kReport && !report_allowed(date, today)) continue;
    out.push_back(a);
  }
  return out;
}

namespace {

// Participants: up to 10 names (duplicates dropped), each at most 50 characters.
std::optional<std::vector<std::string>> read_participants(http::Fields& f) {
  auto list = f.text_list("participants", 100, 50);
  if (!list.value) return std::nullopt;
  if (list.value->size() > kMaxParticipants) {
    f.fail("participants", "care.visit_too_many_participants|max=" + std::to_string(kMaxParticipants));
    return std::nullopt;
  }
  return list.value;
}

}  // namespace

Result<PlanInput> read_plan_input(const nlohmann::json& body, clock::Date today) {
  http::Fields f(body);
  auto customer = f.integer("customer_id", {.required = true, .min = 1});
  auto date = f.date("date", true);
  auto purpose = f.text("purpose", {.required = true, .max = 500, .multiline = true});
  auto participants = read_participants(f);
  auto leader = f.boolean("leader_visit");
  if (date.value && !plan_date_ok(*date.value, today)) f.fail("date", "care.visit_date_range");
  KEHU_CHECK(f.finish());
  PlanInput in;
  in.customer_id = *customer.value;
  in.date = *date.value;
  in.purpose = *purpose.value;
  if (participants) in.participants = *participants;
  in.leader_visit = leader.value.value_or(false);
  return in;
}

Result<PlanChange> read_plan_change(const nlohmann::json& body, clock::Date today) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto date = f.date("date");
  auto purpose = f.text("purpose", {.max = 500, .multiline = true});
  auto participants = read_participants(f);
  auto leader = f.boolean("leader_visit");
  // The plan's date and purpose cannot be cleared.
  if (date.is_null()) f.fail("date", "field.required");
  if (purpose.present && !purpose.value) f.fail("purpose", "field.required");
  if (date.value && !plan_date_ok(*date.value, today)) f.fail("date", "care.visit_date_range");
  KEHU_CHECK(f.finish());
  PlanChange ch;
  ch.version = *version.value;
  ch.date = date.value;
  ch.purpose = purpose.value;
  if (participants)
    ch.participants = *participants;
  else if (body.contains("participants"))
    ch.participants = std::vector<std::string>{};  // null clears
  ch.leader_visit = leader.value;
  return ch;
}

Result<VisitDecision> read_visit_decision(const nlohmann::json& body, bool comment_required) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  auto comment = f.text("comment", {.required = comment_required, .max = 2000, .multiline = true});
  KEHU_CHECK(f.finish());
  return VisitDecision{*version.value, comment.value};
}

Result<ReportInput> read_report_input(const nlohmann::json& body) {
  http::Fields f(body);
  auto version = f.integer("version", {.required = true, .min = 1});
  const http::TextRule long_text{.required = false, .max = 2000, .multiline = true};
  auto findings = f.text("findings", {.required = true, .max = 2000, .multiline = true});
  auto needs = f.text("needs", long_text);
  auto problems = f.text("problems", long_text);
  auto follow_ups = f.text("follow_ups", long_text);
  auto next = f.date("next_visit_date");
  KEHU_CHECK(f.finish());
  ReportInput in;
  in.version = *version.value;
  in.findings = *findings.value;
  in.needs = needs.value;
  in.problems = problems.value;
  in.follow_ups = follow_ups.value;
  in.next_visit_date = next.value;
  return in;
}

}  // namespace kehu::care
