#include "platform/db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

namespace kehu::db {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kehu_db_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = Database::open({.path = (dir_ / "t.db").string(), .readers = 2});
    db_->migrate({{1, "init", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;"}});
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::int64_t count() {
    return db_->read([](Conn& c) { return c.scalar_i64("SELECT count(*) FROM t").value(); });
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, MigrationsRunOnce) {
  EXPECT_EQ(db_->schema_version(), 1);
  EXPECT_EQ(db_->migrate({{1, "init", "syntax error here"}, {2, "two", "CREATE TABLE u (x INTEGER) STRICT;"}}), 1);
  EXPECT_EQ(db_->schema_version(), 2);
}

TEST_F(DatabaseTest, FailedMigrationChangesNothing) {
  EXPECT_THROW(db_->migrate({{2, "bad", "CREATE TABLE v (x INTEGER) STRICT; nonsense;"}}), std::runtime_error);
  EXPECT_EQ(db_->schema_version(), 1);
  auto v = db_->read([](Conn& c) { return c.scalar_i64("SELECT count(*) FROM sqlite_master WHERE name='v'"); });
  EXPECT_EQ(v.value(), 0);
}

TEST_F(DatabaseTest, FailedResultRollsBack) {
  Result<int> r = db_->write([](Conn& c) -> Result<int> {
    c.exec("INSERT INTO t(name) VALUES (?)", {"a"});
    return Error(ErrorCode::kValidationFailed, "nope");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(count(), 0);
  Result<int> ok = db_->write([](Conn& c) -> Result<int> {
    return static_cast<int>(c.exec("INSERT INTO t(name) VALUES (?)", {"a"}).last_id);
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(count(), 1);
}

TEST_F(DatabaseTest, ExceptionRollsBackAndUniqueIsTyped) {
  db_->write([](Conn& c) { c.exec("INSERT INTO t(name) VALUES (?)", {"a"}); });
  try {
    db_->write([](Conn& c) {
      c.exec("INSERT INTO t(name) VALUES (?)", {"b"});
      c.exec("INSERT INTO t(name) VALUES (?)", {"a"});
    });
    FAIL() << "expected a constraint error";
  } catch (const ConstraintError& e) {
    EXPECT_EQ(e.kind, ConstraintError::Kind::kUnique);
  }
  EXPECT_EQ(count(), 1);
}

TEST_F(DatabaseTest, ParametersAreNeverSql) {
  const std::string evil = "Robert'); DROP TABLE t;--";
  db_->write([&](Conn& c) { c.exec("INSERT INTO t(name) VALUES (?)", {evil}); });
  auto name = db_->read([](Conn& c) { return c.scalar_text("SELECT name FROM t"); });
  EXPECT_EQ(name.value(), evil);
}

TEST_F(DatabaseTest, ReadersSeeCommittedWritesConcurrently) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 25; ++j) {
        db_->write([&](Conn& c) { c.exec("INSERT INTO t(name) VALUES (?)", {std::to_string(i * 100 + j)}); });
        (void)count();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(count(), 100);
}

// Writes that arrive while one is running share the next commit; each still stands or
// falls alone: a failed Result or an exception rolls back that write only.
TEST_F(DatabaseTest, ConcurrentWritesShareACommitAndFailAlone) {
  std::atomic<bool> first_running{false};
  std::thread slow([&] {
    db_->write([&](Conn& c) {
      c.exec("INSERT INTO t(name) VALUES ('slow')");
      first_running = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the others queue up meanwhile
    });
  });
  while (!first_running) std::this_thread::yield();
  const auto commits_before = db_->write_commits();
  std::vector<std::thread> threads;
  std::atomic<int> refused{0}, thrown{0}, stored{0};
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      const std::string name = "w" + std::to_string(i);
      if (i % 4 == 1) {  // a validation failure after writing: rolled back alone
        Result<int> r = db_->write([&](Conn& c) -> Result<int> {
          c.exec("INSERT INTO t(name) VALUES (?)", {name});
          return Error(ErrorCode::kValidationFailed, "nope");
        });
        if (!r.ok()) ++refused;
      } else if (i % 4 == 2) {  // a UNIQUE violation after a good insert: rolled back alone
        try {
          db_->write([&](Conn& c) {
            c.exec("INSERT INTO t(name) VALUES (?)", {name});
            c.exec("INSERT INTO t(name) VALUES ('slow')");
          });
        } catch (const ConstraintError&) {
          ++thrown;
        }
      } else {
        Result<int> r = db_->write([&](Conn& c) -> Result<int> {
          return static_cast<int>(c.exec("INSERT INTO t(name) VALUES (?)", {name}).last_id);
        });
        if (r.ok() && *r > 0) ++stored;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // all twelve are queued
  slow.join();
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused.load(), 3);
  EXPECT_EQ(thrown.load(), 3);
  EXPECT_EQ(stored.load(), 6);
  auto names = db_->read([](Conn& c) {
    return c.rows("SELECT name FROM t ORDER BY name", {}, [](const Row& r) { return r.text(0); });
  });
  EXPECT_EQ(names, (std::vector<std::string>{"slow", "w0", "w11", "w3", "w4", "w7", "w8"}));
  // twelve writes queued behind the slow one: fewer commits than writes
  EXPECT_LT(db_->write_commits() - commits_before, 12);
}

// A request's reads share one snapshot; its own write ends it, so it reads what it wrote.
TEST_F(DatabaseTest, ReadScopeSharesOneSnapshotUntilItsThreadWrites) {
  db_->write([](Conn& c) { c.exec("INSERT INTO t(name) VALUES ('before')"); });
  Database::ReadScope scope(*db_);
  EXPECT_EQ(count(), 1);
  // Another thread commits: this scope's snapshot does not move.
  std::thread([&] { db_->write([](Conn& c) { c.exec("INSERT INTO t(name) VALUES ('other')"); }); }).join();
  EXPECT_EQ(count(), 1);
  // A read on another thread (no scope there) sees the commit.
  std::int64_t elsewhere = 0;
  std::thread([&] { elsewhere = count(); }).join();
  EXPECT_EQ(elsewhere, 2);
  // This thread writes: its next read sees both commits.
  db_->write([](Conn& c) { c.exec("INSERT INTO t(name) VALUES ('mine')"); });
  EXPECT_EQ(count(), 3);
}

// The scope holds one connection: a read inside a read reuses it instead of waiting for a
// second one, and leaving the scope gives it back to the pool.
TEST_F(DatabaseTest, ReadScopeReusesItsConnectionAndGivesItBack) {
  {
    Database::ReadScope outer(*db_);
    Database::ReadScope inner(*db_);  // scopes nest
    const auto nested = db_->read([&](Conn&) {
      return db_->read([&](Conn&) { return db_->read([&](Conn& c) { return c.scalar_i64("SELECT 7").value(); }); });
    });
    EXPECT_EQ(nested, 7);
    // Two readers in the pool, one held here: two other threads at once still get theirs in turn.
    std::atomic<int> done{0};
    std::thread a([&] { done += static_cast<int>(count() == 0); });
    std::thread b([&] { done += static_cast<int>(count() == 0); });
    a.join();
    b.join();
    EXPECT_EQ(done.load(), 2);
  }
  // Left: both readers are free again, so two threads can each hold one at the same time.
  std::atomic<int> inside{0};
  std::atomic<int> max_inside{0};
  auto hold = [&] {
    db_->read([&](Conn&) {
      max_inside = std::max(max_inside.load(), ++inside);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      --inside;
    });
  };
  std::thread a(hold), b(hold);
  a.join();
  b.join();
  EXPECT_EQ(max_inside.load(), 2);
}

// A write inside a read of the scope leaves that read its connection (nobody else may take
// it meanwhile) and the scope's next read, after that read, sees the write.
TEST_F(DatabaseTest, ReadScopeWriteInsideAReadKeepsTheConnection) {
  Database::ReadScope scope(*db_);
  db_->read([&](Conn& c) {
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM t").value(), 0);
    db_->write([](Conn& w) { w.exec("INSERT INTO t(name) VALUES ('inner')"); });
    // Another thread reads meanwhile: with two readers it gets the free one, never ours.
    std::int64_t elsewhere = -1;
    std::thread([&] { elsewhere = count(); }).join();
    EXPECT_EQ(elsewhere, 1);
    EXPECT_EQ(c.scalar_i64("SELECT count(*) FROM t").value(), 0);  // still the read's snapshot
  });
  EXPECT_EQ(count(), 1);
}

// A failed read inside the scope leaves it usable, and the pool whole when it ends.
TEST_F(DatabaseTest, ReadScopeSurvivesAFailedStatement) {
  {
    Database::ReadScope scope(*db_);
    EXPECT_THROW(db_->read([](Conn& c) { c.scalar_i64("SELECT * FROM no_such_table"); }), std::runtime_error);
    EXPECT_EQ(count(), 0);
  }
  for (int i = 0; i < 4; ++i) EXPECT_EQ(count(), 0);
}

TEST_F(DatabaseTest, OnlineBackup) {
  db_->write([](Conn& c) { c.exec("INSERT INTO t(name) VALUES ('x')"); });
  const auto path = (dir_ / "backup.db").string();
  db_->backup_to(path);
  auto copy = Database::open({.path = path, .readers = 1});
  EXPECT_EQ(copy->read([](Conn& c) { return c.scalar_text("SELECT name FROM t").value(); }), "x");
}

}  // namespace
}  // namespace kehu::db
