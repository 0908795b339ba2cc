#include "modules/service/complaint.hpp"

#include <gtest/gtest.h>

namespace kehu::service {
namespace {

// Every (status, step) pair: the allowed ones lead to the listed status, all others are refused.
TEST(ComplaintStatusMachine, EveryTransitionAllowedOrRefused) {
  const std::map<std::pair<std::string, std::string>, std::string> allowed = {
      {{"received", "accept"}, "accepted"},          {{"received", "reject"}, "rejected"},
      {{"accepted", "investigate"}, "investigating"}, {{"accepted", "reject"}, "rejected"},
      {{"investigating", "propose"}, "proposed"},    {{"investigating", "reject"}, "rejected"},
      {{"proposed", "approve"}, "approved"},         {{"proposed", "send_back"}, "investigating"},
      {{"approved", "start"}, "resolving"},          {{"resolving", "inform"}, "informed"},
      {{"informed", "rate"}, "rated"},               {{"rated", "close"}, "closed"},
      {{"closed", "reopen"}, "reopened"},            {{"rejected", "reopen"}, "reopened"},
      {{"reopened", "investigate"}, "investigating"},
  };
  const char* actions[] = {"accept", "investigate", "propose", "approve", "send_back", "start",
                           "inform", "rate",        "close",   "reject",  "reopen"};
  int checked = 0;
  for (auto status : kStatuses)
    for (const char* name : actions) {
      auto a = parse_action(name);
      ASSERT_TRUE(a) << name;
      EXPECT_EQ(action_name(*a), name);
      auto next = next_status(status, *a);
      auto it = allowed.find({std::string(status), name});
      if (it == allowed.end()) {
        EXPECT_FALSE(next) << status << " --" << name << "-> " << (next ? *next : "");
      } else {
        ASSERT_TRUE(next) << status << " --" << name;
        EXPECT_EQ(*next, it->second) << status << " --" << name;
      }
      ++checked;
    }
  EXPECT_EQ(checked, 11 * 11);
  EXPECT_FALSE(parse_action("delete"));
}

TEST(ComplaintStatusMachine, WhoMayTakeEachStep) {
  using auth::Role;
  // approving or sending back a resolution: leads only
  for (auto a : {Action::kApprove, Action::kSendBack}) {
    EXPECT_TRUE(may_act(Role::kManager, false, a));
    EXPECT_TRUE(may_act(Role::kDirector, false, a));
    EXPECT_TRUE(may_act(Role::kAdmin, false, a));
    EXPECT_FALSE(may_act(Role::kService, false, a));
    EXPECT_FALSE(may_act(Role::kAccountManager, true, a));
  }
  // the other steps: the service desk, leads, and the customer's own account manager
  for (auto a : {Action::kAccept, Action::kInvestigate, Action::kClose, Action::kReject, Action::kReopen}) {
    EXPECT_TRUE(may_act(Role::kService, false, a));
    EXPECT_TRUE(may_act(Role::kAccountManager, true, a));
    EXPECT_FALSE(may_act(Role::kAccountManager, false, a));
    EXPECT_FALSE(may_act(Role::kAuditor, true, a));
  }
  EXPECT_EQ(allowed_actions("proposed", Role::kService, false), std::vector<std::string_view>{});
  EXPECT_EQ(allowed_actions("proposed", Role::kManager, false), (std::vector<std::string_view>{"approve", "send_back"}));
  EXPECT_EQ(allowed_actions("received", Role::kAccountManager, true), (std::vector<std::string_view>{"accept", "reject"}));
  EXPECT_TRUE(allowed_actions("received", Role::kAuditor, true).empty());
}

TEST(ComplaintPromise, TargetsByGradeAndSeverity) {
  const auto s = default_sla();
  EXPECT_EQ(target_for(s, std::string("A"), "critical").first_response_hours, 4);
  EXPECT_EQ(target_for(s, std::string("A"), "high").first_response_hours, 8);
  EXPECT_EQ(target_for(s, std::string("A"), "low").first_response_hours, 24);
  EXPECT_EQ(target_for(s, std::string("C"), "critical").first_response_hours, 24);
  EXPECT_EQ(target_for(s, std::nullopt, "critical").first_response_hours, 24);
  // round trip through the stored JSON
  const auto back = sla_from_json(to_json(s));
  EXPECT_EQ(to_json(back), to_json(s));
}

TEST(ComplaintPromise, CalendarAndWorkingHours) {
  auto s = default_sla();
  calendar::WorkingCalendar cal;
  // Friday 2027-02-05 17:00 +08:00
  const auto received = *clock::parse_iso("2027-02-05T17:00:00+08:00");
  auto due = due_times(s, {24, 72}, received, cal);
  EXPECT_EQ(clock::to_iso_utc(due.first_response), "2027-02-06T09:00:00Z");  // Saturday 17:00 local
  EXPECT_EQ(clock::to_iso_utc(due.escalate_director), "2027-02-07T09:00:00Z");
  s.working_hours = true;
  due = due_times(s, {4, 24}, received, cal);
  // 1 hour on Friday, 3 on Monday morning: Monday 12:00 local
  EXPECT_EQ(clock::to_iso_utc(due.first_response), "2027-02-08T04:00:00Z");
  // a holiday on Monday pushes it to Tuesday
  cal.set({2027, 2, 8}, calendar::DayKind::kHoliday);
  due = due_times(s, {4, 24}, received, cal);
  EXPECT_EQ(clock::to_iso_utc(due.first_response), "2027-02-09T04:00:00Z");
}

TEST(ComplaintInput, StepsNeedTheirFields) {
  const std::vector<std::string> cats = {"product_quality", "delivery"};
  const clock::Date today{2027, 2, 1};
  EXPECT_FALSE(read_action_input(Action::kReject, {{"version", 1}}, cats, today).ok());
  EXPECT_TRUE(read_action_input(Action::kReject, {{"version", 1}, {"note", "重复投诉"}}, cats, today).ok());
  EXPECT_FALSE(read_action_input(Action::kRate, {{"version", 1}, {"satisfaction", 0}}, cats, today).ok());
  EXPECT_TRUE(read_action_input(Action::kRate, {{"version", 1}, {"satisfaction", 5}}, cats, today).ok());
  nlohmann::json close = {{"version", 2}, {"root_cause", "delivery"}, {"root_cause_text", "承运商延误"}, {"resolution", "补发"},
                          {"prevention_action", "更换承运商"}, {"prevention_owner_id", 3}, {"prevention_due", "2027-03-01"}};
  EXPECT_TRUE(read_action_input(Action::kClose, close, cats, today).ok());
  close["root_cause"] = "weather";
  auto bad = read_action_input(Action::kClose, close, cats, today);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.error().fields.count("root_cause"));
  // the plan is only read by the step that needs it
  EXPECT_EQ(read_action_input(Action::kAccept, {{"version", 1}, {"resolution_plan", "x"}}, cats, today).error().code,
            ErrorCode::kUnknownField);
}

}  // namespace
}  // namespace kehu::service
