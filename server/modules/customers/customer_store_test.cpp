// The store on a fresh SQLite database: the scope is applied in SQL for every kind of read
// and write, search finds by pinyin and fragments, versions guard updates.
#include "modules/customers/customer_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "platform/auth/accounts.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/migrations.hpp"

namespace kehu::customers {
namespace {

const audit::Actor kActor{std::nullopt, "test", "local"};

class CustomerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth::init_crypto();
    dir_ = std::filesystem::temp_directory_path() /
           ("kehu_store_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = db::Database::open({.path = (dir_ / "t.db").string(), .readers = 2, .synchronous_full = false});
    db_->migrate(db::sqlite_migrations());
    db_->write([&](db::Conn& c) {
      auto team_a = auth::create_team(c, "A", std::nullopt, kActor).value().id;
      auto team_b = auth::create_team(c, "B", std::nullopt, kActor).value().id;
      lead_ = principal(c, "lead", auth::Role::kManager, team_a);
      am1_ = principal(c, "am1", auth::Role::kAccountManager, team_a);
      am2_ = principal(c, "am2", auth::Role::kAccountManager, team_a);
      am3_ = principal(c, "am3", auth::Role::kAccountManager, team_b);
      service_ = principal(c, "svc", auth::Role::kService, std::nullopt);
    });
    store_ = std::make_unique<CustomerStore>(*db_);
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

  Customer create(const auth::Principal& p, const nlohmann::json& body) {
    auto in = read_customer_input(body, InputMode::kCreate, p.role);
    EXPECT_TRUE(in.ok());
    auto c = store_->create(auth::scope_of(p), *in, kActor);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return *c;
  }

  std::int64_t visible(const auth::Principal& p, std::optional<std::string> q = std::nullopt) {
    ListFilter f;
    f.q = std::move(q);
    return store_->list(auth::scope_of(p), f).total;
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<CustomerStore> store_;
  auth::Principal lead_, am1_, am2_, am3_, service_;
};

TEST_F(CustomerStoreTest, ScopeAppliesToListsCountsSearchAndReads) {
  auto mine = create(am1_, {{"name", "广州市张伟贸易有限公司"}, {"contacts", {{{"name", "张伟"}, {"mobile", "13800138000"}}}}});
  create(am3_, {{"name", "成都李娜物流有限公司"}});
  EXPECT_EQ(visible(am1_), 1);
  EXPECT_EQ(visible(am2_), 0);
  EXPECT_EQ(visible(lead_), 1);   // team A only
  EXPECT_EQ(visible(service_), 2);
  EXPECT_EQ(visible(am1_, "zw"), 1);
  EXPECT_EQ(visible(am2_, "zw"), 0);
  EXPECT_EQ(visible(service_, "0013"), 1);
  EXPECT_EQ(visible(service_, "廣州"), 1);
  EXPECT_TRUE(store_->get(auth::scope_of(am1_), mine.id));
  EXPECT_FALSE(store_->get(auth::scope_of(am2_), mine.id));
  EXPECT_FALSE(store_->get(auth::scope_of(am3_), mine.id));
}

TEST_F(CustomerStoreTest, MembersReadOrWriteAsGranted) {
  auto c = create(am1_, {{"name", "甲公司"}});
  ASSERT_TRUE(store_->add_member(auth::scope_of(am1_), c.id, am3_.user, "read", kActor).ok());
  EXPECT_EQ(visible(am3_), 1);
  auto in = read_customer_input({{"grade", "A"}, {"version", 2}}, InputMode::kUpdate, am3_.role);
  ASSERT_TRUE(in.ok());
  auto denied = store_->update(auth::scope_of(am3_), c.id, *in, kActor);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(store_->add_member(auth::scope_of(am1_), c.id, am3_.user, "write", kActor).ok());
  auto in3 = read_customer_input({{"grade", "A"}, {"version", 3}}, InputMode::kUpdate, am3_.role);
  EXPECT_TRUE(store_->update(auth::scope_of(am3_), c.id, *in3, kActor).ok());
}

TEST_F(CustomerStoreTest, StaleVersionChangesNothing) {
  auto c = create(am1_, {{"name", "乙公司"}, {"grade", "B"}});
  auto in = read_customer_input({{"grade", "A"}, {"version", c.version + 1}}, InputMode::kUpdate, am1_.role);
  auto r = store_->update(auth::scope_of(am1_), c.id, *in, kActor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(*store_->get(auth::scope_of(am1_), c.id)->grade, "B");
}

TEST_F(CustomerStoreTest, DuplicatesAreFoundBeforeAnythingIsStored) {
  create(am1_, {{"name", "广州张伟贸易有限公司"}});
  auto in = read_customer_input({{"name", "廣州張偉貿易有限責任公司"}}, InputMode::kCreate, am3_.role);
  auto r = store_->create(auth::scope_of(am3_), *in, kActor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kDuplicate);
  // am3 cannot see the match: reported without id and name.
  EXPECT_TRUE(r.error().details["matches"][0]["id"].is_null());
  EXPECT_EQ(visible(service_), 1);
}

TEST_F(CustomerStoreTest, HandoverMovesOwnershipWithinTheLeadsTeam) {
  auto c = create(am1_, {{"name", "丙公司"}});
  auto moved = store_->handover(lead_, {c.id}, false, am1_.user, am2_.user, std::string("调岗"), kActor);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(*moved, 1);
  EXPECT_EQ(visible(am1_), 0);
  EXPECT_EQ(visible(am2_), 1);
  auto outside = store_->handover(lead_, {c.id}, false, am2_.user, am3_.user, std::nullopt, kActor);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(visible(am3_), 0);
}

}  // namespace
}  // namespace kehu::customers
