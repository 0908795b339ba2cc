// The survey store on a fresh SQLite database: the complaint flow's invitation, the expiry
// job, frozen questions and the default template, answers and results in the caller's scope.
#include "modules/service/survey_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "modules/customers/customers.hpp"
#include "modules/service/service.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/migrations.hpp"

namespace kehu::service {
namespace {

using nlohmann::json;
const audit::Actor kActor{std::nullopt, "test", "local"};

class SurveyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth::init_crypto();
    start_ = *clock::parse_iso("2027-02-01T09:00:00+08:00");
    clock::set_fixed(start_);
    dir_ = std::filesystem::temp_directory_path() /
           ("kehu_survey_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
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
      service_ = principal(c, "svc", auth::Role::kService, std::nullopt);
      auditor_ = principal(c, "aud", auth::Role::kAuditor, std::nullopt);
    });
    store_ = std::make_unique<SurveyStore>(*db_);
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
    clock::set_fixed(std::nullopt);
  }

  auth::Principal principal(db::Conn& c, const std::string& name, auth::Role role, std::optional<TeamId> team) {
    auto u = auth::create_user(c, {name, name, "password-123", role, team, false}, kActor).value();
    auth::Principal p;
    p.user = u.id;
    p.role = role;
    p.team = team;
    return p;
  }

  std::int64_t customer(const auth::Principal& owner, const std::string& name, json contacts = json()) {
    json body = {{"type", "company"}, {"name", name}};
    if (!contacts.is_null()) body["contacts"] = contacts;
    auto id = customers::create_customer(*db_, body, owner);
    EXPECT_TRUE(id.ok());
    return id->value;
  }

  std::int64_t contact_of(std::int64_t customer_id) {
    return db_->read([&](db::Conn& c) {
      return c.scalar_i64("SELECT id FROM contacts WHERE customer_id = ? ORDER BY id", {customer_id}).value_or(0);
    });
  }

  // A complaint filed through the complaint flow's own entry point.
  std::int64_t complaint(std::int64_t customer_id) {
    auto id = file_complaint(*db_,
                             {{"customer_id", customer_id},
                              {"channel", "phone"},
                              {"category", "delivery"},
                              {"severity", "low"},
                              {"description", "送货晚了两天"}},
                             am1_);
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }

  std::int64_t default_template() {
    return db_->read(
        [](db::Conn& c) { return c.scalar_i64("SELECT id FROM survey_templates WHERE is_default = 1").value_or(0); });
  }

  json invite(const auth::Principal& p, std::int64_t customer_id, const std::string& channel = "link") {
    SurveyInviteInput in;
    in.template_id = default_template();
    in.customer_id = customer_id;
    in.channel = channel;
    auto r = store_->invite(p, in, kActor);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : json();
  }

  static json full_answers(int score, int nps) {
    return {{"overall", score}, {"product_quality", score}, {"delivery", score}, {"service", score}, {"nps", nps}};
  }

  std::string status_of(std::int64_t id) {
    return db_->read(
        [&](db::Conn& c) { return *c.scalar_text("SELECT status FROM survey_invitations WHERE id = ?", {id}); });
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<SurveyStore> store_;
  clock::TimePoint start_;
  auth::Principal lead_, am1_, am3_, director_, service_, auditor_;
};

TEST_F(SurveyStoreTest, TheComplaintFlowSendsTheDefaultSurveyAsALink) {
  const auto cust = customer(am1_, "甲公司", json::array({{{"name", "张伟"}}}));
  const auto other = customer(am1_, "乙公司", json::array({{{"name", "王芳"}}}));
  const auto complaint_id = complaint(cust);
  auto first = db_->write([&](db::Conn& c) {
    return invite_after_complaint(c, complaint_id, CustomerId(cust), contact_of(other));  // not their contact: dropped
  });
  ASSERT_TRUE(first.ok());
  const auto token = (*first)["token"].get<std::string>();
  EXPECT_EQ((*first)["path"], "/survey?token=" + token);
  EXPECT_EQ((*first)["api_path"], "/api/v1/public/surveys?token=" + token);
  EXPECT_EQ((*first)["expires_at"], "2027-03-03T01:00:00Z");  // 30 days
  const auto id = (*first)["id"].get<std::int64_t>();
  db_->read([&](db::Conn& c) {
    // only the digest is stored
    EXPECT_EQ(c.scalar_text("SELECT token_digest FROM survey_invitations WHERE id = ?", {id}),
              auth::token_digest(token));
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM survey_invitations WHERE token_digest = ?", {token}), 0);
    EXPECT_EQ(
        c.scalar_i64("SELECT contact_id IS NULL AND complaint_id = ? AND created_by IS NULL FROM survey_invitations "
                     "WHERE id = ?",
                     {complaint_id, id}),
        1);
  });
  auto page = store_->public_survey(token);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ((*page)["customer_name"], "甲公司");
  EXPECT_EQ((*page)["questions"].size(), 6u);

  // closed again after a reopening: the older link expires, the new one names the contact
  auto second = db_->write([&](db::Conn& c) {
    return invite_after_complaint(c, complaint_id, CustomerId(cust), contact_of(cust),
                                  audit::Actor{am1_.user.value, "r", "ip"});
  });
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(status_of(id), "expired");
  EXPECT_EQ(store_->public_survey(token).error().code, ErrorCode::kNotFound);
  auto inv = store_->get_invitation(auth::scope_of(am1_), (*second)["id"].get<std::int64_t>());
  ASSERT_TRUE(inv.ok());
  EXPECT_EQ((*inv)["contact_id"], contact_of(cust));
  EXPECT_EQ((*inv)["created_by"], am1_.user.value);

  auto missing = db_->write(
      [&](db::Conn& c) { return invite_after_complaint(c, complaint_id, CustomerId(999999), std::nullopt); });
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(SurveyStoreTest, TheJobExpiresPendingLinksAfterThirtyDays) {
  const auto cust = customer(am1_, "丙公司");
  const auto link = invite(am1_, cust)["id"].get<std::int64_t>();
  const auto phone = invite(am1_, cust, "phone")["id"].get<std::int64_t>();
  const auto answered = invite(am1_, cust);
  ASSERT_TRUE(store_->public_answer(answered["token"], full_answers(5, 10), kActor).ok());

  EXPECT_EQ(*SurveyStore::expire(*db_, start_ + std::chrono::hours(24 * 30) - std::chrono::seconds(1)), 0);
  EXPECT_EQ(*SurveyStore::expire(*db_, start_ + std::chrono::hours(24 * 30)), 1);
  EXPECT_EQ(*SurveyStore::expire(*db_, start_ + std::chrono::hours(24 * 31)), 0);  // idempotent
  EXPECT_EQ(status_of(link), "expired");
  EXPECT_EQ(status_of(phone), "pending");  // phone surveys have no link to expire
  EXPECT_EQ(status_of(answered["id"].get<std::int64_t>()), "answered");
  db_->read([&](db::Conn& c) {
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM audit_log WHERE entity = 'survey_invitation' AND action = 'expire' "
                           "AND entity_id = ?",
                           {link}),
              1);
  });
}

TEST_F(SurveyStoreTest, ALinkPastItsExpiryReadsAsExpiredBeforeTheJob) {
  const auto cust = customer(am1_, "丁公司");
  const auto inv = invite(am1_, cust);
  clock::set_fixed(start_ + std::chrono::hours(24 * 30));
  EXPECT_EQ(store_->public_survey(inv["token"]).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->public_answer(inv["token"], full_answers(5, 10), kActor).error().code, ErrorCode::kNotFound);
  auto staff = store_->answer_by_staff(am1_, inv["id"], 1, full_answers(5, 10), kActor);
  EXPECT_EQ(staff.error().message, "survey.expired");
  auto listed = store_->list_invitations(auth::scope_of(am1_), {.status = "expired"}, 1, 20);
  EXPECT_EQ(listed["total"], 1);
  EXPECT_EQ(status_of(inv["id"].get<std::int64_t>()), "pending");  // stored status untouched until the job
}

TEST_F(SurveyStoreTest, QuestionsFreezeOnceSentAndOneDefaultStaysActive) {
  const auto def = default_template();
  auto copy = store_->copy_template(lead_, def, std::nullopt, kActor);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ((*copy)["name"], "客户满意度调查（副本）");
  EXPECT_EQ((*copy)["is_default"], false);
  EXPECT_EQ((*copy)["copied_from"], def);
  const auto copy_id = (*copy)["id"].get<std::int64_t>();

  SurveyTemplateInput edit;
  edit.version = 1;
  edit.questions = std::vector<SurveyQuestion>{{"overall", "整体", QuestionType::kScore5, true, {}}};
  ASSERT_TRUE(store_->update_template(copy_id, edit, kActor).ok());  // never sent: editable

  const auto cust = customer(am1_, "戊公司");
  SurveyInviteInput in;
  in.template_id = copy_id;
  in.customer_id = cust;
  ASSERT_TRUE(store_->invite(am1_, in, kActor).ok());
  edit.version = 2;
  edit.questions = std::vector<SurveyQuestion>{{"overall", "整体满意度", QuestionType::kScore5, true, {}}};
  auto frozen = store_->update_template(copy_id, edit, kActor);
  ASSERT_FALSE(frozen.ok());
  EXPECT_TRUE(frozen.error().fields.count("questions"));
  // the same questions sent back with a rename are fine
  edit.questions = std::vector<SurveyQuestion>{{"overall", "整体", QuestionType::kScore5, true, {}}};
  edit.name.value = "新名称";
  ASSERT_TRUE(store_->update_template(copy_id, edit, kActor).ok());

  // the default cannot be switched off or deactivated; making another the default moves the flag
  SurveyTemplateInput off;
  off.version = 1;
  off.active.value = false;
  EXPECT_TRUE(store_->update_template(def, off, kActor).error().fields.count("active"));
  off.active.value.reset();
  off.is_default.value = false;
  EXPECT_TRUE(store_->update_template(def, off, kActor).error().fields.count("is_default"));
  SurveyTemplateInput make_default;
  make_default.version = 3;
  make_default.is_default.value = true;
  ASSERT_TRUE(store_->update_template(copy_id, make_default, kActor).ok());
  EXPECT_EQ(default_template(), copy_id);
  auto old = store_->get_template(def);
  EXPECT_EQ((*old)["is_default"], false);
  EXPECT_EQ((*old)["version"], 2);
  // a stale version changes nothing
  EXPECT_EQ(store_->update_template(def, off, kActor).error().code, ErrorCode::kStaleVersion);
}

TEST_F(SurveyStoreTest, WhoMaySendAndAnswer) {
  const auto cust = customer(am1_, "己公司");
  SurveyInviteInput in;
  in.template_id = default_template();
  in.customer_id = cust;
  EXPECT_EQ(store_->invite(am3_, in, kActor).error().code, ErrorCode::kNotFound);       // another team
  EXPECT_EQ(store_->invite(auditor_, in, kActor).error().code, ErrorCode::kForbidden);  // reads only
  EXPECT_TRUE(store_->invite(service_, in, kActor).ok());                               // the service desk
  EXPECT_TRUE(store_->invite(lead_, in, kActor).ok());
  in.channel = "phone";
  auto phone = store_->invite(service_, in, kActor);
  ASSERT_TRUE(phone.ok());
  EXPECT_FALSE(phone->contains("token"));
  const auto id = (*phone)["id"].get<std::int64_t>();
  EXPECT_EQ(store_->answer_by_staff(am3_, id, 1, full_answers(4, 8), kActor).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->answer_by_staff(auditor_, id, 1, full_answers(4, 8), kActor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(store_->answer_by_staff(service_, id, 2, full_answers(4, 8), kActor).error().code,
            ErrorCode::kStaleVersion);
  auto bad = store_->answer_by_staff(service_, id, 1, json{{"overall", 7}}, kActor);
  EXPECT_EQ(bad.error().code, ErrorCode::kValidationFailed);
  auto done = store_->answer_by_staff(service_, id, 1, full_answers(4, 8), kActor);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ((*done)["status"], "answered");
  EXPECT_EQ((*done)["answered_via"], "staff");
  EXPECT_EQ((*done)["owner_id"], am1_.user.value);
  EXPECT_EQ((*done)["answers"].size(), 5u);
  EXPECT_EQ(store_->answer_by_staff(service_, id, 2, full_answers(4, 8), kActor).error().code,
            ErrorCode::kAlreadyExists);
}

TEST_F(SurveyStoreTest, ResultsFollowTheScopeAndCreditTheOwnerOfTheDay) {
  const auto mine = customer(am1_, "庚公司");
  const auto theirs = customer(am3_, "辛公司");
  auto answer = [&](const auth::Principal& p, std::int64_t cust, int score, int nps) {
    auto inv = invite(p, cust);
    ASSERT_TRUE(store_->public_answer(inv["token"], full_answers(score, nps), kActor).ok());
  };
  answer(am1_, mine, 5, 10);
  answer(am1_, mine, 4, 9);
  answer(am3_, theirs, 2, 3);

  auto all = store_->results(auth::scope_of(director_), {});
  EXPECT_EQ(all["responses"], 3);
  EXPECT_EQ(all["score5_answers"], 12);
  EXPECT_DOUBLE_EQ(all["satisfaction_pct"].get<double>(), 66.7);  // 8 of 12
  EXPECT_DOUBLE_EQ(all["nps"].get<double>(), 33.3);               // (2 − 1) / 3
  EXPECT_EQ(all["met"], false);
  EXPECT_EQ(all["target_pct"], 90);
  EXPECT_EQ(all["by_manager"].size(), 2u);
  EXPECT_EQ(all["by_team"].size(), 2u);
  EXPECT_EQ(all["by_month"][0]["month"], "2027-02");
  const auto& overall = all["by_question"][0];
  EXPECT_EQ(overall["key"], "overall");
  EXPECT_DOUBLE_EQ(overall["average"].get<double>(), 3.67);
  EXPECT_EQ(overall["distribution"], (json{{"1", 0}, {"2", 1}, {"3", 0}, {"4", 1}, {"5", 1}}));

  auto own = store_->results(auth::scope_of(am1_), {});
  EXPECT_EQ(own["responses"], 2);
  EXPECT_DOUBLE_EQ(own["satisfaction_pct"].get<double>(), 100.0);
  EXPECT_EQ(own["met"], true);
  EXPECT_EQ(own["by_manager"][0]["owner_id"], am1_.user.value);
  auto team = store_->results(auth::scope_of(lead_), {});
  EXPECT_EQ(team["responses"], 2);
  auto filtered = store_->results(auth::scope_of(director_), {.owner_id = am3_.user.value});
  EXPECT_EQ(filtered["responses"], 1);
  auto later = store_->results(auth::scope_of(director_), {.from = clock::Date{2027, 2, 2}});
  EXPECT_EQ(later["responses"], 0);
  EXPECT_TRUE(later["satisfaction_pct"].is_null());
  EXPECT_EQ(later["by_question"].size(), 0u);
}

}  // namespace
}  // namespace kehu::service
