#include "modules/service/complaint.hpp"

#include <algorithm>

#include "platform/text/email.hpp"
#include "platform/text/phone.hpp"

namespace kehu::service {
namespace {

constexpr std::int64_t kMaxHours = 24 * 365;
const std::vector<std::string_view> kGrades = {"A", "B", "C"};

bool is_lead(auth::Role r) { return r == auth::Role::kAdmin || r == auth::Role::kDirector || r == auth::Role::kManager; }

std::vector<std::string_view> views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

}  // namespace

const std::vector<Transition>& transitions() {
  static const std::vector<Transition> t = {
      {Action::kAccept, {"received"}, "accepted", false},
      {Action::kInvestigate, {"accepted", "reopened"}, "investigating", false},
      {Action::kPropose, {"investigating"}, "proposed", false},
      {Action::kApprove, {"proposed"}, "approved", true},
      {Action::kSendBack, {"proposed"}, "investigating", true},
      {Action::kStart, {"approved"}, "resolving", false},
      {Action::kInform, {"resolving"}, "informed", false},
      {Action::kRate, {"informed"}, "rated", false},
      {Action::kClose, {"rated"}, "closed", false},
      {Action::kReject, {"received", "accepted", "investigating"}, "rejected", false},
      {Action::kReopen, {"closed", "rejected"}, "reopened", false},
  };
  return t;
}

namespace {
constexpr std::pair<Action, std::string_view> kActionNames[] = {
    {Action::kAccept, "accept"}, {Action::kInvestigate, "investigate"}, {Action::kPropose, "propose"},
    {Action::kApprove, "approve"}, {Action::kSendBack, "send_back"}, {Action::kStart, "start"},
    {Action::kInform, "inform"}, {Action::kRate, "rate"}, {Action::kClose, "close"},
    {Action::kReject, "reject"}, {Action::kReopen, "reopen"}};
}  // namespace

std::optional<Action> parse_action(std::string_view s) {
  for (const auto& [a, n] : kActionNames)
    if (n == s) return a;
  return std::nullopt;
}

std::string_view action_name(Action a) {
  for (const auto& [x, n] : kActionNames)
    if (x == a) return n;
  return "";
}

std::optional<std::string_view> next_status(std::string_view status, Action a) {
  for (const auto& t : transitions())
    if (t.action == a && std::find(t.from.begin(), t.from.end(), status) != t.from.end()) return t.to;
  return std::nullopt;
}

bool may_act(auth::Role role, bool handles, Action a) {
  if (role == auth::Role::kAuditor) return false;
  const bool lead_step = a == Action::kApprove || a == Action::kSendBack;
  if (lead_step) return is_lead(role);
  if (is_lead(role) || role == auth::Role::kService) return true;
  return role == auth::Role::kAccountManager && handles;
}

std::vector<std::string_view> allowed_actions(std::string_view status, auth::Role role, bool handles) {
  std::vector<std::string_view> out;
  for (const auto& t : transitions())
    if (next_status(status, t.action) && may_act(role, handles, t.action)) out.push_back(action_name(t.action));
  return out;
}

// --- the response promise --------------------------------------------------------------------

SlaSettings default_sla() {
  SlaSettings s;
  s.targets["A"]["critical"] = {4, 24};
  s.targets["A"]["high"] = {8, 48};
  s.targets["B"]["critical"] = {8, 48};
  return s;
}

nlohmann::json to_json(const SlaSettings& s) {
  auto target = [](const Target& t) {
    return nlohmann::json{{"first_response_hours", t.first_response_hours}, {"resolution_hours", t.resolution_hours}};
  };
  nlohmann::json targets = nlohmann::json::object();
  for (const auto& [g, by] : s.targets)
    for (const auto& [sev, t] : by) targets[g][sev] = target(t);
  return {{"base", target(s.base)}, {"targets", targets}, {"working_hours", s.working_hours}};
}

SlaSettings sla_from_json(const nlohmann::json& j) {
  SlaSettings s = default_sla();
  if (!j.is_object()) return s;
  auto target = [](const nlohmann::json& o, Target t) {
    if (o.is_object()) {
      if (o.contains("first_response_hours") && o["first_response_hours"].is_number_integer())
        t.first_response_hours = o["first_response_hours"].get<std::int64_t>();
      if (o.contains("resolution_hours") && o["resolution_hours"].is_number_integer())
        t.resolution_hours = o["resolution_hours"].get<std::int64_t>();
    }
    return t;
  };
  if (j.contains("base")) s.base = target(j["base"], s.base);
  if (j.contains("targets") && j["targets"].is_object()) {
    s.targets.clear();
    for (const auto& [g, by] : j["targets"].items())
      if (by.is_object())
        for (const auto& [sev, t] : by.items()) s.targets[g][sev] = target(t, s.base);
  }
  if (j.contains("working_hours") && j["working_hours"].is_boolean()) s.working_hours = j["working_hours"].get<bool>();
  return s;
}

Result<SlaSettings> read_sla_input(const nlohmann::json& body, std::int64_t& version) {
  http::Fields f(body);
  SlaSettings s;
  auto read_target = [&](const std::string& key, const nlohmann::json& o, Target& out) {
    if (!o.is_object()) return f.fail(key, "field.wrong_type|type=object");
    for (const auto& [k, v] : o.items())
      if (k != "first_response_hours" && k != "resolution_hours") f.fail(key + "." + k, "field.unknown");
    for (const char* k : {"first_response_hours", "resolution_hours"}) {
      if (!o.contains(k)) {
        f.fail(key + "." + k, "field.required");
        continue;
      }
      const auto& v = o[k];
      if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > kMaxHours) {
        f.fail(key + "." + k, "field.between|min=1|max=8760");
        continue;
      }
      (std::string_view(k) == "first_response_hours" ? out.first_response_hours : out.resolution_hours) = v.get<std::int64_t>();
    }
    if (out.resolution_hours < out.first_response_hours) f.fail(key + ".resolution_hours", "service.resolution_before_answer");
  };
  auto base = f.raw("base");
  if (!base.value) f.fail("base", "field.required");
  else read_target("base", *base.value, s.base);
  auto targets = f.raw("targets");
  if (targets.value) {
    if (!targets.value->is_object()) {
      f.fail("targets", "field.wrong_type|type=object");
    } else {
      for (const auto& [g, by] : targets.value->items()) {
        if (std::find(kGrades.begin(), kGrades.end(), g) == kGrades.end()) {
          f.fail("targets." + g, "field.unknown");
          continue;
        }
        if (!by.is_object()) {
          f.fail("targets." + g, "field.wrong_type|type=object");
          continue;
        }
        for (const auto& [sev, t] : by.items()) {
          if (std::find(kSeverities.begin(), kSeverities.end(), sev) == kSeverities.end()) {
            f.fail("targets." + g + "." + sev, "field.unknown");
            continue;
          }
          Target out;
          read_target("targets." + g + "." + sev, t, out);
          s.targets[g][sev] = out;
        }
      }
    }
  }
  auto working = f.boolean("working_hours", true);
  if (working.value) s.working_hours = *working.value;
  auto v = f.integer("version", {.required = true, .min = 1});
  KEHU_CHECK(f.finish());
  version = *v.value;
  return s;
}

Target target_for(const SlaSettings& s, const std::optional<std::string>& grade, std::string_view severity) {
  if (grade) {
    auto g = s.targets.find(*grade);
    if (g != s.targets.end()) {
      auto t = g->second.find(std::string(severity));
      if (t != g->second.end()) return t->second;
    }
  }
  return s.base;
}

Due due_times(const SlaSettings& s, const Target& t, clock::TimePoint received, const calendar::WorkingCalendar& cal) {
  auto after = [&](std::int64_t hours) {
    const std::chrono::seconds amount(hours * 3600);
    return s.working_hours ? cal.add_working_time(received, amount) : received + amount;
  };
  return {after(t.first_response_hours), after(t.resolution_hours), after(2 * t.first_response_hours)};
}

// --- input -------------------------------------------------------------------------------------

namespace {

void read_common(http::Fields& f, ComplaintInput& in, const std::vector<std::string>& categories, bool channel_required) {
  auto channel = f.choice("channel", kChannels, channel_required);
  auto category = f.choice("category", views(categories), true);
  auto severity = f.choice("severity", kSeverities, false);
  auto description = f.text("description", {.required = true, .max = 5000, .multiline = true});
  auto product = f.integer("product_id", {.min = 1});
  auto order = f.integer("order_id", {.min = 1});
  in.channel = channel.value.value_or("web");
  in.category = category.value.value_or("");
  in.severity = severity.value.value_or("medium");
  in.description = description.value.value_or("");
  in.product_id = product.value;
  in.order_id = order.value;
}

}  // namespace

Result<ComplaintInput> read_complaint_input(const nlohmann::json& body, const std::vector<std::string>& categories) {
  http::Fields f(body);
  ComplaintInput in;
  auto customer = f.integer("customer_id", {.required = true, .min = 1});
  auto contact = f.integer("contact_id", {.min = 1});
  read_common(f, in, categories, true);
  auto severity = body.contains("severity");
  if (!severity) f.fail("severity", "field.required");
  KEHU_CHECK(f.finish());
  in.customer_id = customer.value;
  in.contact_id = contact.value;
  return in;
}

Result<ComplaintInput> read_public_complaint(const nlohmann::json& body, const std::vector<std::string>& categories) {
  http::Fields f(body);
  ComplaintInput in;
  auto name = f.text("name", {.required = true, .max = 50});
  auto company = f.text("company", {.max = 100});
  auto phone = f.text("phone", {.max = 30});
  auto email = f.text("email", {.max = 254});
  f.forbid("channel");
  f.forbid("severity");
  read_common(f, in, categories, false);
  std::optional<std::string> e164;
  if (phone.value) {
    auto parsed = text::parse_phone(*phone.value);
    if (parsed) e164 = parsed->e164;
    else f.fail("phone", "contact.phone_invalid");
  }
  if (email.value && !text::valid_email(*email.value)) f.fail("email", "contact.email_invalid");
  if (!phone.value && !email.value) f.fail("phone", "service.contact_required");
  KEHU_CHECK(f.finish());
  in.channel = "web";
  in.severity = "medium";
  in.reporter_name = name.value;
  in.reporter_company = company.value;
  in.reporter_phone = e164;
  in.reporter_email = email.value;
  return in;
}

Result<ActionInput> read_action_input(Action a, const nlohmann::json& body, const std::vector<std::string>& categories,
                                      clock::Date today) {
  http::Fields f(body);
  ActionInput in;
  auto version = f.integer("version", {.required = true, .min = 1});
  const bool note_required = a == Action::kReject || a == Action::kSendBack || a == Action::kReopen;
  auto note = f.text("note", {.required = note_required, .max = 2000, .multiline = true});
  in.note = note.value;
  if (a == Action::kPropose) in.resolution_plan = f.text("resolution_plan", {.required = true, .max = 5000, .multiline = true}).value;
  if (a == Action::kInform) in.result_note = f.text("result_note", {.required = true, .max = 5000, .multiline = true}).value;
  if (a == Action::kRate) {
    in.satisfaction = f.integer("satisfaction", {.required = true, .min = 1, .max = 5}).value;
    in.satisfaction_note = f.text("satisfaction_note", {.max = 2000, .multiline = true}).value;
  }
  if (a == Action::kClose) {
    in.root_cause = f.choice("root_cause", views(categories), true).value;
    in.root_cause_text = f.text("root_cause_text", {.required = true, .max = 2000, .multiline = true}).value;
    in.resolution = f.text("resolution", {.required = true, .max = 5000, .multiline = true}).value;
    in.prevention_action = f.text("prevention_action", {.required = true, .max = 2000, .multiline = true}).value;
    in.prevention_owner_id = f.integer("prevention_owner_id", {.required = true, .min = 1}).value;
    auto due = f.date("prevention_due", true);
    if (due.value && *due.value < today) f.fail("prevention_due", "service.due_in_past");
    in.prevention_due = due.value;
  }
  KEHU_CHECK(f.finish());
  in.version = *version.value;
  return in;
}

}  // namespace kehu::service
