// The visit store on a fresh SQLite database: what the today list shows each caller.
#include "modules/care/visit_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "modules/customers/customers.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/migrations.hpp"

namespace kehu::care {
namespace {

const audit::Actor kActor{std::nullopt, "test", "local"};
clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);

class VisitStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth::init_crypto();
    dir_ = std::filesystem::temp_directory_path() /
           ("kehu_visit_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = db::Database::open({.path = (dir_ / "t.db").string(), .readers = 2, .synchronous_full = false});
    db_->migrate(db::sqlite_migrations());
    db_->write([&](db::Conn& c) {
      auto team_a = auth::create_team(c, "A", std::nullopt, kActor).value().id;
      auto team_b = auth::create_team(c, "B", std::nullopt, kActor).value().id;
      lead_ = principal(c, "lead", auth::Role::kManager, team_a);
      am1_ = principal(c, "am1", auth::Role::kAccountManager, team_a);
      am3_ = principal(c, "am3", auth::Role::kAccountManager, team_b);
      director_ = principal(c, "dir", auth::Role::kDirector, std::nullopt);
    });
    store_ = std::make_unique<VisitStore>(*db_);
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  auth::Principal principal(db::Conn& c, const std::string& name, auth::Role role, std::optional<TeamId> team) {
    auto u = auth::create_user(c, {name, name, "password-123", role, team, false}, kActor).value();
    auth::Principal p;
    p.user = u.id;
    p.role = role;
    p.team = team;
    return p;
  }

  std::int64_t customer(const auth::Principal& owner, const std::string& name) {
    auto id = customers::create_customer(*db_, {{"type", "company"}, {"name", name}}, owner);
    EXPECT_TRUE(id.ok());
    return id->value;
  }

  // A plan on `date` taken to `status` (the store trusts the date: the input reader bounds it).
  std::int64_t plan(const auth::Principal& planner, std::int64_t customer_id, clock::Date date, VisitStatus status) {
    PlanInput in{customer_id, date, "拜访 " + clock::format_date(date), {}, false};
    auto v = store_->create(planner, in, kToday, kActor);
    EXPECT_TRUE(v.ok());
    const auto id = (*v)["id"].get<std::int64_t>();
    if (status == VisitStatus::kSubmitted) return id;
    if (status == VisitStatus::kRejected) {
      EXPECT_TRUE(store_->decide(director_, id, VisitAction::kReject, {1, "no"}, kToday, kActor).ok());
      return id;
    }
    EXPECT_TRUE(store_->decide(director_, id, VisitAction::kApprove, {1, std::nullopt}, kToday, kActor).ok());
    if (status == VisitStatus::kApproved) return id;
    ReportInput r;
    r.version = 2;
    r.findings = "findings";
    EXPECT_TRUE(store_->report(planner, id, r, kToday, kActor).ok());
    if (status == VisitStatus::kReported) return id;
    EXPECT_TRUE(store_->decide(director_, id, VisitAction::kReview, {3, "ok"}, kToday, kActor).ok());
    return id;
  }

  nlohmann::json today_of(const auth::Principal& p) {
    return db_->read([&](db::Conn& c) { return visits_for_today(c, p, kToday); });
  }

  static std::vector<std::int64_t> ids(const nlohmann::json& items) {
    std::vector<std::int64_t> out;
    for (const auto& x : items) out.push_back(x["id"].get<std::int64_t>());
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<VisitStore> store_;
  auth::Principal lead_, am1_, am3_, director_;
};

TEST_F(VisitStoreTest, TodayListPerCaller) {
  const auto c1 = customer(am1_, "甲组客户一号有限公司");
  const auto c3 = customer(am3_, "乙组客户一号有限公司");
  const auto today = plan(am1_, c1, kToday, VisitStatus::kApproved);
  const auto today_undecided = plan(am1_, c1, kToday, VisitStatus::kSubmitted);
  const auto late = plan(am1_, c1, d(2027, 1, 28), VisitStatus::kApproved);
  const auto late_undecided = plan(am1_, c1, d(2027, 1, 30), VisitStatus::kSubmitted);
  const auto coming = plan(am1_, c1, d(2027, 2, 9), VisitStatus::kSubmitted);
  const auto reported = plan(am1_, c1, d(2027, 1, 20), VisitStatus::kReported);
  plan(am1_, c1, d(2027, 1, 10), VisitStatus::kReviewed);
  plan(am1_, c1, d(2027, 1, 12), VisitStatus::kRejected);
  const auto other_team = plan(am3_, c3, d(2027, 2, 3), VisitStatus::kSubmitted);

  auto mine = today_of(am1_);
  EXPECT_EQ(ids(mine["planned_today"]), (std::vector<std::int64_t>{today, today_undecided}));
  EXPECT_EQ(ids(mine["overdue_reports"]), (std::vector<std::int64_t>{late, late_undecided}));  // by date
  EXPECT_TRUE(mine["awaiting_decision"].empty());  // an account manager leads nobody
  EXPECT_TRUE(mine["awaiting_review"].empty());
  const auto& item = mine["planned_today"][0];
  EXPECT_EQ(item["customer_name"], "甲组客户一号有限公司");
  EXPECT_EQ(item["date"], "2027-02-01");
  EXPECT_EQ(item["status"], "approved");
  EXPECT_EQ(item["user_name"], "am1");

  auto lead = today_of(lead_);
  EXPECT_TRUE(lead["planned_today"].empty());
  EXPECT_EQ(ids(lead["awaiting_decision"]), (std::vector<std::int64_t>{late_undecided, today_undecided, coming}));
  EXPECT_EQ(ids(lead["awaiting_review"]), (std::vector<std::int64_t>{reported}));

  auto director = today_of(director_);
  EXPECT_EQ(ids(director["awaiting_decision"]),
            (std::vector<std::int64_t>{late_undecided, today_undecided, other_team, coming}));
  EXPECT_EQ(ids(director["awaiting_review"]), (std::vector<std::int64_t>{reported}));

  auto other = today_of(am3_);
  EXPECT_TRUE(other["planned_today"].empty());
  EXPECT_TRUE(other["overdue_reports"].empty());
}

TEST_F(VisitStoreTest, ReportHookRunsInTheTransaction) {
  const auto c1 = customer(am1_, "钩子测试有限公司");
  int calls = 0;
  VisitStore failing(*db_,
                     [&](db::Conn&, const auth::Principal&, const nlohmann::json& v, const audit::Actor&) -> Status {
                       ++calls;
                       EXPECT_EQ(v["status"], "reported");
                       return Error(ErrorCode::kValidationFailed, "error.validation_failed");
                     });
  const auto id = plan(am1_, c1, kToday, VisitStatus::kApproved);
  ReportInput r;
  r.version = 2;
  r.findings = "x";
  EXPECT_FALSE(failing.report(am1_, id, r, kToday, kActor).ok());
  EXPECT_EQ(calls, 1);
  auto v = store_->get(am1_, id, kToday);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ((*v)["status"], "approved");  // rolled back with the hook's failure
  EXPECT_TRUE(store_->report(am1_, id, r, kToday, kActor).ok());
}

}  // namespace
}  // namespace kehu::care
