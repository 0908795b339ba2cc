// Service requests: the pure rules (months added and clamped, times, the schedule window,
// input reading) as tables, and the return-visit job on a fresh SQLite database.
#include "modules/service/request.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "modules/customers/customers.hpp"
#include "modules/sales/sales.hpp"
#include "modules/service/request_return_visits.hpp"
#include "modules/service/service_internal.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/migrations.hpp"

namespace kehu::service {
namespace {

clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);

TEST(ServiceRequestRules, AddMonthsClampsToTheMonthEnd) {
  struct Case {
    clock::Date from;
    std::int64_t months;
    clock::Date want;
  };
  const Case cases[] = {
      {d(2027, 3, 15), 3, d(2027, 6, 15)},    {d(2027, 1, 31), 1, d(2027, 2, 28)},
      {d(2028, 1, 31), 1, d(2028, 2, 29)},    {d(2027, 11, 30), 3, d(2028, 2, 29)},
      {d(2027, 8, 31), 1, d(2027, 9, 30)},    {d(2027, 12, 31), 24, d(2029, 12, 31)},
      {d(2027, 10, 31), 12, d(2028, 10, 31)}, {d(2027, 5, 31), 13, d(2028, 6, 30)},
      {d(2027, 12, 15), 1, d(2028, 1, 15)},   {d(2099, 11, 30), 3, d(2100, 2, 28)},
      {d(2027, 2, 28), 12, d(2028, 2, 28)},   {d(2028, 2, 29), 12, d(2029, 2, 28)},
  };
  for (const auto& c : cases)
    EXPECT_EQ(clock::format_date(add_months(c.from, c.months)), clock::format_date(c.want))
        << clock::format_date(c.from) << " + " << c.months;
}

TEST(ServiceRequestRules, Times) {
  for (const char* good : {"00:00", "09:30", "23:59", "12:05"}) EXPECT_TRUE(valid_time(good)) << good;
  for (const char* bad : {"24:00", "9:30", "09:60", "0930", "09:3a", "", "09:30:00", " 9:30", "-1:00"})
    EXPECT_FALSE(valid_time(bad)) << bad;
}

TEST(ServiceRequestRules, ScheduleWindowAndOverdue) {
  EXPECT_TRUE(schedule_in_range(kToday, kToday));
  EXPECT_TRUE(schedule_in_range(d(2026, 2, 1), kToday));    // 365 days back
  EXPECT_FALSE(schedule_in_range(d(2026, 1, 31), kToday));  // 366
  EXPECT_TRUE(schedule_in_range(d(2029, 1, 31), kToday));   // 730 ahead
  EXPECT_FALSE(schedule_in_range(d(2029, 2, 1), kToday));   // 731
  EXPECT_TRUE(is_overdue("planned", d(2027, 1, 31), kToday));
  EXPECT_FALSE(is_overdue("planned", kToday, kToday));
  EXPECT_FALSE(is_overdue("done", d(2027, 1, 31), kToday));
  EXPECT_FALSE(is_overdue("cancelled", d(2027, 1, 31), kToday));
  EXPECT_EQ(kRequestTypes.size(), 14u);
  for (auto t : kRequestTypes) EXPECT_TRUE(is_request_type(t));
  EXPECT_FALSE(is_request_type("repair"));
}

nlohmann::json good_body() {
  return {{"customer_id", 3},      {"type", "inspection"},         {"title", "油液检测"},
          {"description", "抽样"}, {"scheduled_on", "2027-02-10"}, {"scheduled_time", "14:30"},
          {"staff_ids", {4, 5}},   {"repeat_every_months", 3}};
}

TEST(ServiceRequestInput, ReadsAGoodCreateBody) {
  auto in = read_request_input(good_body(), InputMode::kCreate, kToday);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->customer_id, 3);
  EXPECT_EQ(*in->type.value, "inspection");
  EXPECT_EQ(*in->title.value, "油液检测");
  EXPECT_EQ(*in->scheduled_on.value, d(2027, 2, 10));
  EXPECT_EQ(*in->scheduled_time.value, "14:30");
  EXPECT_EQ(*in->staff_ids.value, (std::vector<std::int64_t>{4, 5}));
  EXPECT_EQ(*in->repeat_every_months.value, 3);
  auto minimal = read_request_input({{"customer_id", 3},
                                     {"type", "consulting"},
                                     {"title", "电话咨询"},
                                     {"scheduled_on", "2027-02-01"},
                                     {"staff_ids", {4}}},
                                    InputMode::kCreate, kToday);
  ASSERT_TRUE(minimal.ok());
  EXPECT_FALSE(minimal->description.value);
  EXPECT_FALSE(minimal->repeat_every_months.value);
}

TEST(ServiceRequestInput, NamesEveryBadField) {
  struct Case {
    nlohmann::json change;
    const char* field;
  };
  const Case cases[] = {
      {{{"customer_id", 0}}, "customer_id"},
      {{{"customer_id", "3"}}, "customer_id"},
      {{{"type", "repair"}}, "type"},
      {{{"type", nullptr}}, "type"},
      {{{"title", ""}}, "title"},
      {{{"title", std::string(101, 'x')}}, "title"},
      {{{"description", std::string(2001, 'x')}}, "description"},
      {{{"scheduled_on", "2027-02-30"}}, "scheduled_on"},
      {{{"scheduled_on", "2026-01-31"}}, "scheduled_on"},
      {{{"scheduled_on", "2029-02-01"}}, "scheduled_on"},
      {{{"scheduled_time", "25:00"}}, "scheduled_time"},
      {{{"staff_ids", nlohmann::json::array()}}, "staff_ids"},
      {{{"staff_ids", nullptr}}, "staff_ids"},
      {{{"staff_ids", "4"}}, "staff_ids"},
      {{{"staff_ids", {4, 4}}}, "staff_ids[1]"},
      {{{"staff_ids", {4, -1}}}, "staff_ids[1]"},
      {{{"repeat_every_months", 0}}, "repeat_every_months"},
      {{{"repeat_every_months", 25}}, "repeat_every_months"},
      {{{"type", "on_site"}, {"repeat_every_months", 3}}, "repeat_every_months"},
  };
  for (const auto& c : cases) {
    auto body = good_body();
    body.update(c.change);
    auto in = read_request_input(body, InputMode::kCreate, kToday);
    ASSERT_FALSE(in.ok()) << c.change.dump();
    EXPECT_EQ(in.error().code, ErrorCode::kValidationFailed) << c.change.dump();
    EXPECT_TRUE(in.error().fields.count(c.field)) << c.change.dump();
  }
  auto missing = read_request_input({{"customer_id", 3}}, InputMode::kCreate, kToday);
  ASSERT_FALSE(missing.ok());
  for (const char* f : {"type", "title", "scheduled_on", "staff_ids"})
    EXPECT_TRUE(missing.error().fields.count(f)) << f;
  auto unknown = good_body();
  unknown["status"] = "done";
  EXPECT_EQ(read_request_input(unknown, InputMode::kCreate, kToday).error().code, ErrorCode::kUnknownField);
}

TEST(ServiceRequestInput, PatchKeepsWhatIsAbsent) {
  auto in =
      read_request_input({{"version", 2}, {"title", "改期"}, {"scheduled_time", nullptr}}, InputMode::kUpdate, kToday);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(*in->version, 2);
  EXPECT_FALSE(in->type.present);
  EXPECT_TRUE(in->scheduled_time.is_null());
  EXPECT_FALSE(in->staff_ids.present);
  EXPECT_FALSE(in->repeat_every_months.present);
  // without a type in the body the store checks the stored one
  EXPECT_TRUE(read_request_input({{"version", 1}, {"repeat_every_months", 6}}, InputMode::kUpdate, kToday).ok());
  EXPECT_EQ(read_request_input({{"title", "x"}}, InputMode::kUpdate, kToday).error().fields.count("version"), 1u);
  EXPECT_EQ(read_request_input({{"version", 1}, {"customer_id", 4}}, InputMode::kUpdate, kToday).error().code,
            ErrorCode::kUnknownField);
  for (const char* key : {"type", "title", "scheduled_on", "staff_ids"}) {
    auto r = read_request_input({{"version", 1}, {key, nullptr}}, InputMode::kUpdate, kToday);
    ASSERT_FALSE(r.ok()) << key;
    EXPECT_TRUE(r.error().fields.count(key)) << key;
  }
}

TEST(ServiceRequestInput, DoneAndCancel) {
  auto done = read_done_input({{"version", 1}, {"outcome", "油品正常"}}, kToday);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->cost, 0);
  EXPECT_EQ(done->done_on, kToday);
  auto full = read_done_input({{"version", 1}, {"outcome", "ok"}, {"cost", 35000}, {"done_on", "2027-01-30"}}, kToday);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->cost, 35000);
  EXPECT_EQ(full->done_on, d(2027, 1, 30));
  struct Case {
    nlohmann::json body;
    const char* field;
  };
  const Case bad[] = {
      {{{"version", 1}}, "outcome"},
      {{{"version", 1}, {"outcome", "  "}}, "outcome"},
      {{{"outcome", "ok"}}, "version"},
      {{{"version", 1}, {"outcome", "ok"}, {"cost", -1}}, "cost"},
      {{{"version", 1}, {"outcome", "ok"}, {"cost", 10.5}}, "cost"},
      {{{"version", 1}, {"outcome", "ok"}, {"cost", kMaxCost + 1}}, "cost"},
      {{{"version", 1}, {"outcome", "ok"}, {"done_on", "2027-02-02"}}, "done_on"},
      {{{"version", 1}, {"outcome", "ok"}, {"done_on", "1999-12-31"}}, "done_on"},
  };
  for (const auto& c : bad) {
    auto r = read_done_input(c.body, kToday);
    ASSERT_FALSE(r.ok()) << c.body.dump();
    EXPECT_TRUE(r.error().fields.count(c.field)) << c.body.dump();
  }
  EXPECT_TRUE(read_cancel_input({{"version", 1}, {"reason", "客户改期"}}).ok());
  EXPECT_TRUE(read_cancel_input({{"version", 1}}).error().fields.count("reason"));
  EXPECT_TRUE(read_cancel_input({{"version", 1}, {"reason", ""}}).error().fields.count("reason"));
}

TEST(ReturnVisitRules, OrderDaysAndSettingsInput) {
  auto r = return_visit_order_days(kToday, 7);
  EXPECT_EQ(clock::format_date(r.to), "2027-01-25");
  EXPECT_EQ(clock::format_date(r.from), "2027-01-18");
  r = return_visit_order_days(d(2027, 3, 1), 1);
  EXPECT_EQ(clock::format_date(r.to), "2027-02-28");
  EXPECT_EQ(clock::format_date(r.from), "2027-02-21");
  EXPECT_TRUE(read_return_visit_settings({{"after_order_days", 7}, {"after_complaint_days", 3}, {"version", 1}}).ok());
  EXPECT_TRUE(read_return_visit_settings({{"after_order_days", 0}, {"after_complaint_days", 3}, {"version", 1}})
                  .error()
                  .fields.count("after_order_days"));
  EXPECT_TRUE(read_return_visit_settings({{"after_order_days", 7}, {"after_complaint_days", 91}, {"version", 1}})
                  .error()
                  .fields.count("after_complaint_days"));
  EXPECT_TRUE(read_return_visit_settings({{"after_order_days", 7}, {"after_complaint_days", 3}})
                  .error()
                  .fields.count("version"));
}

// --- the return-visit job on a real database ------------------------------------------------

const audit::Actor kActor{std::nullopt, "test", "local"};

class ReturnVisitJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth::init_crypto();
    clock::set_fixed(clock::parse_iso("2027-02-01T09:00:00+08:00"));
    dir_ =
        std::filesystem::temp_directory_path() /
        ("kehu_service_request_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = db::Database::open({.path = (dir_ / "t.db").string(), .readers = 2, .synchronous_full = false});
    db_->migrate(db::sqlite_migrations());
    db_->write([&](db::Conn& c) {
      am_ = principal(c, "am1", auth::Role::kAccountManager);
      director_ = principal(c, "dir", auth::Role::kDirector);
    });
    auto product = sales::create_product(
        *db_, {{"brand", "长城"}, {"name", "液压油"}, {"spec", "18L"}, {"unit", "桶"}, {"price", 50000}}, director_);
    ASSERT_TRUE(product.ok());
    product_ = *product;
    // Credit terms are a lead's: the director creates the customer for the account manager.
    auto c = customers::create_customer(
        *db_,
        {{"type", "company"}, {"name", "回访测试客户"}, {"credit_limit", 100'000'000}, {"owner_id", am_.user.value}},
        director_);
    ASSERT_TRUE(c.ok());
    customer_ = c->value;
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
    clock::set_fixed(std::nullopt);
  }

  auth::Principal principal(db::Conn& c, const std::string& name, auth::Role role) {
    auto u = auth::create_user(c, {name, name, "password-123", role, std::nullopt, false}, kActor).value();
    auth::Principal p;
    p.user = u.id;
    p.role = role;
    return p;
  }

  std::int64_t order(const std::string& date) {
    auto id = sales::create_order(
        *db_, {{"customer_id", customer_}, {"date", date}, {"lines", {{{"product_id", product_}, {"quantity", 1}}}}},
        director_);
    EXPECT_TRUE(id.ok()) << date << " " << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }

  // Runs the job as the scheduler would (forced: due or not).
  std::int64_t run_job(const char* at) {
    auto reports = jobs::run_due(*db_, request_jobs(), *clock::parse_iso(at), true);
    EXPECT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].name, "service.return_visits");
    EXPECT_TRUE(reports[0].error.empty()) << reports[0].error;
    return reports[0].changed;
  }

  struct Task {
    std::int64_t user;
    std::string subject, due, source;
  };
  std::vector<Task> tasks() {
    return db_->read([](db::Conn& c) {
      return c.rows(
          "SELECT user_id, subject, due_date, source_key FROM care_tasks WHERE kind = 'return_visit' ORDER BY id", {},
          [](const db::Row& r) {
            return Task{r.i64(0), r.text(1), r.text(2), r.text(3)};
          });
    });
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
  auth::Principal am_, director_;
  std::int64_t product_ = 0, customer_ = 0;
};

TEST_F(ReturnVisitJobTest, OrdersOfTheDelayAndTheCatchUpWindowGetOneTaskEach) {
  const auto too_old = order("2027-01-17");
  const auto oldest_caught = order("2027-01-18");
  const auto exact = order("2027-01-25");
  const auto too_recent = order("2027-01-26");
  (void)too_old;
  (void)too_recent;
  EXPECT_EQ(run_job("2027-02-01T09:00:00+08:00"), 2);
  auto t = tasks();
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].subject, "order:" + std::to_string(oldest_caught));
  EXPECT_EQ(t[0].source, "return_visit:order:" + std::to_string(oldest_caught));
  EXPECT_EQ(t[1].subject, "order:" + std::to_string(exact));
  for (const auto& x : t) {
    EXPECT_EQ(x.user, am_.user.value);  // the customer's owner
    EXPECT_EQ(x.due, "2027-02-01");     // due today
  }
  // idempotent: the next run (and the next day's) makes no second task for the same order
  EXPECT_EQ(run_job("2027-02-01T10:00:00+08:00"), 0);
  EXPECT_EQ(run_job("2027-02-02T10:00:00+08:00"), 1);  // the 2027-01-26 order is now 7 days old
  EXPECT_EQ(tasks().size(), 3u);
  EXPECT_EQ(tasks()[2].due, "2027-02-02");
}

TEST_F(ReturnVisitJobTest, TheDelayComesFromTheSettings) {
  order("2027-01-29");
  EXPECT_EQ(run_job("2027-02-01T09:00:00+08:00"), 0);
  auto s = db_->read([](db::Conn& c) { return load_return_visit_settings(c); });
  EXPECT_EQ(s.after_order_days, 7);
  EXPECT_EQ(s.after_complaint_days, 3);
  s.after_order_days = 3;
  auto saved = save_return_visit_settings(*db_, s, kActor);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ((*saved)["version"], 2);
  EXPECT_EQ(save_return_visit_settings(*db_, s, kActor).error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(run_job("2027-02-01T09:00:00+08:00"), 1);
}

TEST_F(ReturnVisitJobTest, ADeletedCustomerGetsNoTask) {
  order("2027-01-25");
  db_->write([&](db::Conn& c) {
    c.exec("UPDATE customers SET deleted_at = '2027-01-31T00:00:00Z' WHERE id = ?", {customer_});
  });
  EXPECT_EQ(run_job("2027-02-01T09:00:00+08:00"), 0);
  EXPECT_TRUE(tasks().empty());
}

}  // namespace
}  // namespace kehu::service
