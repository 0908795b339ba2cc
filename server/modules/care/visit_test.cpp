#include "modules/care/visit.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {

using A = VisitAction;
using S = VisitStatus;
using R = auth::Role;

clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);

auth::Principal who(R role, std::int64_t user, std::optional<std::int64_t> team) {
  auth::Principal p;
  p.user = UserId(user);
  p.role = role;
  if (team) p.team = TeamId(*team);
  return p;
}

}  // namespace

TEST(VisitStateMachine, EveryStatusAndAction) {
  struct Case {
    S from;
    A action;
    std::optional<S> to;
  };
  const std::optional<S> no;
  for (const auto& c : std::vector<Case>{
           {S::kSubmitted, A::kEdit, S::kSubmitted},
           {S::kSubmitted, A::kApprove, S::kApproved},
           {S::kSubmitted, A::kReject, S::kRejected},
           {S::kSubmitted, A::kReport, no},  // not before it is approved
           {S::kSubmitted, A::kReview, no},
           {S::kApproved, A::kEdit, no},  // an approved plan is fixed
           {S::kApproved, A::kApprove, no},
           {S::kApproved, A::kReject, no},
           {S::kApproved, A::kReport, S::kReported},
           {S::kApproved, A::kReview, no},
           {S::kRejected, A::kEdit, S::kSubmitted},  // edited and resubmitted
           {S::kRejected, A::kApprove, no},
           {S::kRejected, A::kReject, no},
           {S::kRejected, A::kReport, no},
           {S::kRejected, A::kReview, no},
           {S::kReported, A::kEdit, no},
           {S::kReported, A::kApprove, no},
           {S::kReported, A::kReject, no},
           {S::kReported, A::kReport, no},  // one report per visit
           {S::kReported, A::kReview, S::kReviewed},
           {S::kReviewed, A::kEdit, no},  // the end
           {S::kReviewed, A::kApprove, no},
           {S::kReviewed, A::kReject, no},
           {S::kReviewed, A::kReport, no},
           {S::kReviewed, A::kReview, no},
       }) {
    EXPECT_EQ(next_status(c.from, c.action), c.to) << status_name(c.from) << " " << action_name(c.action);
  }
}

TEST(VisitStateMachine, NamesRoundTrip) {
  for (auto s : {S::kSubmitted, S::kApproved, S::kRejected, S::kReported, S::kReviewed})
    EXPECT_EQ(parse_visit_status(status_name(s)), s);
  EXPECT_FALSE(parse_visit_status("done"));
  EXPECT_EQ(action_name(A::kReview), "review");
}

TEST(VisitOverdue, PlannedDayPassedWithoutReport) {
  struct Case {
    S status;
    clock::Date date;
    bool overdue;
  };
  for (const auto& c : std::vector<Case>{
           {S::kApproved, d(2027, 1, 31), true},
           {S::kSubmitted, d(2027, 1, 31), true},  // never decided, day gone
           {S::kApproved, kToday, false},          // today: still time to go
           {S::kApproved, d(2027, 2, 2), false},
           {S::kRejected, d(2027, 1, 1), false},
           {S::kReported, d(2027, 1, 1), false},
           {S::kReviewed, d(2027, 1, 1), false},
       }) {
    EXPECT_EQ(is_overdue(c.status, c.date, kToday), c.overdue)
        << status_name(c.status) << " " << clock::format_date(c.date);
  }
}

TEST(VisitPermissions, WhoMayDoWhat) {
  const VisitParties plan{UserId(10), TeamId(1)};  // planned by user 10 of team 1
  struct Case {
    auth::Principal p;
    A action;
    bool allowed;
    const char* why;
  };
  for (const auto& c : std::vector<Case>{
           {who(R::kAccountManager, 10, 1), A::kEdit, true, "the planner edits"},
           {who(R::kAccountManager, 10, 1), A::kReport, true, "the planner reports"},
           {who(R::kAccountManager, 10, 1), A::kApprove, false, "nobody approves his own plan"},
           {who(R::kAccountManager, 11, 1), A::kEdit, false, "a colleague does not edit"},
           {who(R::kAccountManager, 11, 1), A::kReport, false, "a colleague does not report"},
           {who(R::kManager, 20, 1), A::kApprove, true, "the team's lead approves"},
           {who(R::kManager, 20, 1), A::kReject, true, "the team's lead rejects"},
           {who(R::kManager, 20, 1), A::kReview, true, "the team's lead reviews"},
           {who(R::kManager, 20, 1), A::kEdit, false, "the lead does not edit a member's plan"},
           {who(R::kManager, 21, 2), A::kApprove, false, "another team's lead"},
           {who(R::kManager, 22, std::nullopt), A::kApprove, false, "a manager without a team"},
           {who(R::kDirector, 30, std::nullopt), A::kApprove, true, "a director"},
           {who(R::kAdmin, 1, std::nullopt), A::kReview, true, "an admin"},
           {who(R::kService, 40, 1), A::kApprove, false, "service staff"},
           {who(R::kAuditor, 41, 1), A::kReview, false, "an auditor"},
       }) {
    EXPECT_EQ(may_act(c.p, plan, c.action), c.allowed) << c.why;
  }
  // A lead's own plan goes to a director: he does not approve it himself.
  const VisitParties own{UserId(20), TeamId(1)};
  EXPECT_FALSE(may_lead(who(R::kManager, 20, 1), own));
  EXPECT_TRUE(may_lead(who(R::kDirector, 30, std::nullopt), own));
  // A plan without a team (a director's) is decided by directors and admins only.
  const VisitParties no_team{UserId(30), std::nullopt};
  EXPECT_FALSE(may_lead(who(R::kManager, 20, 1), no_team));
  EXPECT_TRUE(may_lead(who(R::kAdmin, 1, std::nullopt), no_team));
}

TEST(VisitActions, ButtonsForTheCaller) {
  const VisitParties plan{UserId(10), TeamId(1)};
  auto names = [](const std::vector<A>& as) {
    std::string out;
    for (auto a : as) out += std::string(out.empty() ? "" : ",") + std::string(action_name(a));
    return out;
  };
  const auto planner = who(R::kAccountManager, 10, 1);
  const auto lead = who(R::kManager, 20, 1);
  EXPECT_EQ(names(available_actions(planner, plan, S::kSubmitted, d(2027, 2, 5), kToday)), "edit");
  EXPECT_EQ(names(available_actions(lead, plan, S::kSubmitted, d(2027, 2, 5), kToday)), "approve,reject");
  EXPECT_EQ(names(available_actions(planner, plan, S::kApproved, d(2027, 2, 5), kToday)), "");  // not yet
  EXPECT_EQ(names(available_actions(planner, plan, S::kApproved, kToday, kToday)), "report");
  EXPECT_EQ(names(available_actions(lead, plan, S::kReported, d(2027, 1, 5), kToday)), "review");
  EXPECT_EQ(names(available_actions(planner, plan, S::kRejected, d(2027, 1, 5), kToday)), "edit");
  EXPECT_EQ(names(available_actions(lead, plan, S::kReviewed, d(2027, 1, 5), kToday)), "");
}

TEST(VisitDates, PlanWindowAndReportDay) {
  EXPECT_TRUE(plan_date_ok(kToday, kToday));
  EXPECT_FALSE(plan_date_ok(d(2027, 1, 31), kToday));
  EXPECT_TRUE(plan_date_ok(d(2028, 2, 1), kToday));  // 365 days
  EXPECT_TRUE(plan_date_ok(d(2028, 2, 2), kToday));  // 366 days
  EXPECT_FALSE(plan_date_ok(d(2028, 2, 3), kToday));
  EXPECT_TRUE(report_allowed(kToday, kToday));
  EXPECT_TRUE(report_allowed(d(2027, 1, 20), kToday));
  EXPECT_FALSE(report_allowed(d(2027, 2, 2), kToday));
}

TEST(VisitInput, PlanFieldsAreChecked) {
  auto ok = read_plan_input({{"customer_id", 5},
                             {"date", "2027-02-10"},
                             {"purpose", "年度回访"},
                             {"participants", {"王强", "王强", "李娜"}},
                             {"leader_visit", true}},
                            kToday);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->purpose, "年度回访");
  EXPECT_EQ(ok->participants, (std::vector<std::string>{"王强", "李娜"}));  // duplicates dropped
  EXPECT_TRUE(ok->leader_visit);

  struct Case {
    nlohmann::json body;
    const char* field;
  };
  nlohmann::json eleven = nlohmann::json::array();
  for (int i = 0; i < 11; ++i) eleven.push_back("同事" + std::to_string(i));
  for (const auto& c : std::vector<Case>{
           {{{"date", "2027-02-10"}, {"purpose", "x"}}, "customer_id"},
           {{{"customer_id", 5}, {"purpose", "x"}}, "date"},
           {{{"customer_id", 5}, {"date", "2027-01-31"}, {"purpose", "x"}}, "date"},  // in the past
           {{{"customer_id", 5}, {"date", "2027-02-30"}, {"purpose", "x"}}, "date"},
           {{{"customer_id", 5}, {"date", "2027-02-10"}, {"purpose", " "}}, "purpose"},
           {{{"customer_id", 5}, {"date", "2027-02-10"}, {"purpose", "x"}, {"participants", eleven}}, "participants"},
           {{{"customer_id", 5}, {"date", "2027-02-10"}, {"purpose", "x"}, {"participants", {""}}}, "participants"},
           {{{"customer_id", 5}, {"date", "2027-02-10"}, {"purpose", "x"}, {"leader_visit", "yes"}}, "leader_visit"},
       }) {
    auto r = read_plan_input(c.body, kToday);
    ASSERT_FALSE(r.ok()) << c.body.dump();
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed) << c.body.dump();
    EXPECT_TRUE(r.error().fields.count(c.field)) << c.body.dump();
  }
  auto unknown =
      read_plan_input({{"customer_id", 5}, {"date", "2027-02-10"}, {"purpose", "x"}, {"status", "approved"}}, kToday);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnknownField);
}

TEST(VisitInput, ChangesDecisionsAndReports) {
  auto ch = read_plan_change({{"version", 2}, {"participants", nullptr}}, kToday);
  ASSERT_TRUE(ch.ok());
  EXPECT_EQ(ch->participants, std::vector<std::string>{});  // null clears the list
  EXPECT_FALSE(ch->date);
  EXPECT_FALSE(read_plan_change({{"version", 2}, {"purpose", ""}}, kToday).ok());
  EXPECT_FALSE(read_plan_change({{"version", 2}, {"date", nullptr}}, kToday).ok());
  EXPECT_FALSE(read_plan_change({{"purpose", "x"}}, kToday).ok());  // version required
  EXPECT_FALSE(read_plan_change({{"version", 2}, {"customer_id", 3}}, kToday).ok());

  EXPECT_TRUE(read_visit_decision({{"version", 1}}, false).ok());
  auto reject = read_visit_decision({{"version", 1}}, true);
  ASSERT_FALSE(reject.ok());
  EXPECT_TRUE(reject.error().fields.count("comment"));

  auto rep = read_report_input({{"version", 3}, {"findings", "客户计划扩产"}, {"next_visit_date", "2027-03-01"}});
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->next_visit_date, d(2027, 3, 1));
  EXPECT_FALSE(read_report_input({{"version", 3}}).ok());
  EXPECT_FALSE(read_report_input({{"version", 3}, {"findings", "x"}, {"next_visit_date", "soon"}}).ok());
}

}  // namespace kehu::care
