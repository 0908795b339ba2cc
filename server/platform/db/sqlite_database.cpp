// SQLite backend: WAL, foreign keys, synchronous=FULL, one writer + a pool of readers.
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>

#include "platform/db/database.hpp"

namespace kehu::db {
namespace {

[[noreturn]] void fail(sqlite3* h, int rc, std::string_view what) {
  const int ext = sqlite3_extended_errcode(h);
  std::string msg = std::string(what) + ": " + sqlite3_errmsg(h);
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    auto kind = ConstraintError::Kind::kOther;
    if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) kind = ConstraintError::Kind::kUnique;
    else if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) kind = ConstraintError::Kind::kForeignKey;
    else if (ext == SQLITE_CONSTRAINT_CHECK) kind = ConstraintError::Kind::kCheck;
    throw ConstraintError(kind, msg);
  }
  throw std::runtime_error(msg);
}

class SqliteConn final : public Conn {
 public:
  SqliteConn(const std::string& path, bool readonly, bool sync_full) {
    const int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &h_, flags, nullptr) != SQLITE_OK) {
      std::string msg = h_ ? sqlite3_errmsg(h_) : "out of memory";
      sqlite3_close(h_);
      throw std::runtime_error("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(h_, 10000);
    sqlite3_extended_result_codes(h_, 1);
    if (!readonly) {
      exec_script("PRAGMA journal_mode=WAL");
      exec_script("PRAGMA journal_size_limit=67108864");
    }
    exec_script(sync_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    exec_script("PRAGMA foreign_keys=ON");
    exec_script("PRAGMA temp_store=MEMORY");
    // Memory: 16 MiB of page cache per connection (a writer and 4 readers) and a shared
    // 128 MiB map keep the server under 500 MB resident at a million customers (issue 6);
    // the OS page cache holds the rest of the file.
    exec_script("PRAGMA cache_size=-16384");
    exec_script("PRAGMA mmap_size=134217728");
  }
  ~SqliteConn() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(h_);
  }

  ExecResult exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      sqlite3_reset(st);
      fail(h_, rc, "exec");
    }
    sqlite3_reset(st);
    return ExecResult{sqlite3_changes64(h_), sqlite3_last_insert_rowid(h_)};
  }

  void query(std::string_view sql, const Params& params, const std::function<void(const Row&)>& on_row) override {
    sqlite3_stmt* st = prepare(sql, params);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() { sqlite3_reset(s); }
    } reset{st};
    int rc;
    Row row(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) on_row(row);
    if (rc != SQLITE_DONE) fail(h_, rc, "query");
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(h_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "error";
      sqlite3_free(err);
      const int ext = sqlite3_extended_errcode(h_);
      if ((ext & 0xff) == SQLITE_CONSTRAINT) fail(h_, ext, "script");
      throw std::runtime_error("sql: " + msg);
    }
  }

  sqlite3* handle() { return h_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(sql);
    sqlite3_stmt* st;
    if (it != cache_.end()) {
      st = it->second;
    } else {
      if (sqlite3_prepare_v3(h_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st,
                             nullptr) != SQLITE_OK)
        fail(h_, SQLITE_ERROR, "prepare");
      if (cache_.size() > 512) {
        for (auto& [k, v] : cache_) sqlite3_finalize(v);
        cache_.clear();
      }
      cache_.emplace(std::string(sql), st);
    }
    sqlite3_clear_bindings(st);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(st))
      throw std::logic_error("parameter count mismatch for: " + std::string(sql));
    for (int i = 0; i < static_cast<int>(params.size()); ++i) {
      const auto& v = params[static_cast<std::size_t>(i)].value();
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v)) rc = sqlite3_bind_null(st, i + 1);
      else if (auto p = std::get_if<std::int64_t>(&v)) rc = sqlite3_bind_int64(st, i + 1, *p);
      else if (auto d = std::get_if<double>(&v)) rc = sqlite3_bind_double(st, i + 1, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(st, i + 1, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
      if (rc != SQLITE_OK) fail(h_, rc, "bind");
    }
    return st;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* h_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> cache_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const Options& o) : options_(o) {
    writer_ = std::make_unique<SqliteConn>(o.path, false, o.synchronous_full);
    for (int i = 0; i < std::max(1, o.readers); ++i) {
      readers_.push_back(std::make_unique<SqliteConn>(o.path, false, o.synchronous_full));
      free_.push_back(readers_.back().get());
    }
    // Checkpoints in the background. SQLite's own runs inside the commit that fills the WAL
    // to 1,000 pages, so every few dozen creates one of them also copied the WAL into the
    // database file and waited for its fsync while holding the writer. Here the commit only
    // signals; a thread with its own connection copies the pages (PASSIVE: it never blocks
    // the writer or a reader), on the other core. A WAL that still grows far beyond that
    // (the thread cannot keep up) is checkpointed by the writer as before.
    checkpointer_conn_ = std::make_unique<SqliteConn>(o.path, false, o.synchronous_full);
    sqlite3_wal_hook(writer_->handle(), &SqliteDatabase::on_wal_commit, this);
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
  }
  ~SqliteDatabase() override {
    {
      std::lock_guard lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_cv_.notify_one();
    checkpointer_.join();
  }

  int schema_version() override {
    return read([](Conn& c) {
      auto exists = c.scalar_i64("SELECT count(*) FROM sqlite_master WHERE name='schema_migrations'");
      if (!exists || *exists == 0) return 0;
      return static_cast<int>(c.scalar_i64("SELECT coalesce(max(version),0) FROM schema_migrations").value_or(0));
    });
  }

  int migrate(const std::vector<Migration>& migrations) override {
    std::lock_guard lock(write_mutex_);
    writer_->exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))) STRICT");
    const auto current = writer_->scalar_i64("SELECT coalesce(max(version),0) FROM schema_migrations").value_or(0);
    int applied = 0;
    for (const auto& m : migrations) {
      if (m.version <= current) continue;
      writer_->exec_script("BEGIN IMMEDIATE");
      try {
        writer_->exec_script(m.sql);
        writer_->exec("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", {m.version, m.name});
        writer_->exec_script("COMMIT");
      } catch (...) {
        writer_->exec_script("ROLLBACK");
        throw;
      }
      ++applied;
    }
    return applied;
  }

  void backup_to(const std::string& path) override {
    sqlite3* dest = nullptr;
    if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
      sqlite3_close(dest);
      throw std::runtime_error("cannot open backup file " + path);
    }
    with_reader([&](Conn& c) {
      auto* src = static_cast<SqliteConn&>(c).handle();
      sqlite3_backup* b = sqlite3_backup_init(dest, "main", src, "main");
      if (!b) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(dest));
      int rc;
      while ((rc = sqlite3_backup_step(b, 1024)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        sqlite3_sleep(5);
      }
      sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE) throw std::runtime_error(std::string("backup: ") + sqlite3_errmsg(dest));
    });
    sqlite3_close(dest);
  }

  const std::string& file_path() const override { return options_.path; }

  void maintain(std::string_view sql) override {
    std::lock_guard lock(write_mutex_);
    writer_->exec_script(sql);
  }

  bool ping() override {
    try {
      return read([](Conn& c) { return c.scalar_i64("SELECT 1").value_or(0) == 1; });
    } catch (const std::exception&) {
      return false;
    }
  }

 protected:
  // The read scope of this thread (ReadScope): its depth, and the connection it holds with
  // a read transaction open, if a read has run since the scope began or since a write.
  struct Pinned {
    SqliteDatabase* db = nullptr;
    int depth = 0;
    SqliteConn* conn = nullptr;
    int busy = 0;        // reads running on `conn` (a read inside a read reuses it)
    bool stale = false;  // a write ran while a read was using `conn`: end it when that read ends
  };
  static Pinned& pinned() {
    thread_local Pinned p;
    return p;
  }

  void enter_read_scope() override {
    auto& p = pinned();
    if (p.depth > 0 && p.db != this) return;  // a scope on another database: not ours to pin
    p.db = this;
    ++p.depth;
  }

  void leave_read_scope() override {
    auto& p = pinned();
    if (p.db != this || p.depth == 0) return;
    if (--p.depth == 0) {
      unpin(p);
      p.db = nullptr;
    }
  }

  // Ends the pinned read transaction and gives its connection back to the pool.
  void unpin(Pinned& p) {
    if (!p.conn) return;
    SqliteConn* c = p.conn;
    p.conn = nullptr;
    try {
      c->exec("ROLLBACK", {});  // a read transaction: nothing to keep, only the snapshot to end
    } catch (const std::exception&) {
      // No transaction was open (a statement failed to start it): nothing to end.
    }
    give_back(c);
  }

  void unpin_for_write() {
    auto& p = pinned();
    if (p.db != this) return;
    if (p.busy > 0) p.stale = true;
    else unpin(p);
  }

  SqliteConn* take_reader() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !free_.empty(); });
    SqliteConn* c = free_.back();
    free_.pop_back();
    return c;
  }

  void give_back(SqliteConn* c) {
    {
      std::lock_guard lock(pool_mutex_);
      free_.push_back(c);
    }
    pool_cv_.notify_one();
  }

  void with_reader(const std::function<void(Conn&)>& f) override {
    auto& p = pinned();
    if (p.db == this && p.depth > 0) {
      if (!p.conn) {
        SqliteConn* c = take_reader();
        try {
          c->exec("BEGIN", {});
        } catch (...) {
          give_back(c);
          throw;
        }
        p.conn = c;
      }
      ++p.busy;
      struct Done {
        SqliteDatabase* self;
        Pinned& p;
        ~Done() {
          if (--p.busy == 0 && p.stale) {
            p.stale = false;
            self->unpin(p);
          }
        }
      } done{this, p};
      f(*p.conn);
      return;
    }
    SqliteConn* c = take_reader();
    struct Giveback {
      SqliteDatabase* self;
      SqliteConn* c;
      ~Giveback() { self->give_back(c); }
    } give{this, c};
    f(*c);
  }

  // Group commit. Writes that arrive while another is running wait in a queue; the thread that
  // finds no batch running takes every waiting write (at most kMaxBatch) and runs them in one
  // transaction, each inside its own savepoint: a write whose function fails or throws is
  // rolled back alone, the others commit together with one fsync. Every caller returns only
  // after the commit that holds its write (or its rollback). Under load a create shares its
  // commit, its index pages and its WAL frames with the writes beside it.
  void with_writer(const std::function<bool(Conn&)>& f) override {
    // A read scope on this thread lets its snapshot go while the write waits (its reader is
    // free for others meanwhile) and starts a new one at its next read, after the commit.
    // A write inside a read of the scope cannot take the connection from under that read:
    // the snapshot then ends when the read does.
    unpin_for_write();
    struct UnpinAfter {
      SqliteDatabase* self;
      ~UnpinAfter() { self->unpin_for_write(); }
    } unpin_after{this};
    WriteJob job{&f};
    std::unique_lock lock(queue_mutex_);
    queue_.push_back(&job);
    while (!job.done) {
      if (leading_) {
        queue_cv_.wait(lock);
        continue;
      }
      leading_ = true;
      const auto n = std::min(queue_.size(), kMaxBatch);
      std::vector<WriteJob*> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
      lock.unlock();
      run_batch(batch);
      lock.lock();
      for (auto* j : batch) j->done = true;
      leading_ = false;
      queue_cv_.notify_all();
    }
    if (job.error) std::rethrow_exception(job.error);
  }

 private:
  static constexpr int kCheckpointPages = 4000;       // 16 MiB of WAL: wake the checkpointer
  static constexpr int kWriterCheckpointPages = 40000;  // 160 MiB: the writer does it itself

  static int on_wal_commit(void* self, sqlite3* h, const char* db, int pages) {
    auto* d = static_cast<SqliteDatabase*>(self);
    if (pages >= kWriterCheckpointPages) {
      sqlite3_wal_checkpoint_v2(h, db, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (pages >= kCheckpointPages) {
      {
        std::lock_guard lock(d->checkpoint_mutex_);
        d->checkpoint_wanted_ = true;
      }
      d->checkpoint_cv_.notify_one();
    }
    return SQLITE_OK;
  }

  void checkpoint_loop() {
    std::unique_lock lock(checkpoint_mutex_);
    for (;;) {
      checkpoint_cv_.wait(lock, [&] { return checkpoint_wanted_ || stopping_; });
      if (stopping_) return;
      checkpoint_wanted_ = false;
      lock.unlock();
      sqlite3_wal_checkpoint_v2(checkpointer_conn_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  struct WriteJob {
    const std::function<bool(Conn&)>* f;
    bool done = false;
    std::exception_ptr error;
  };
  static constexpr std::size_t kMaxBatch = 64;

  // One write in its own transaction (also the fallback when a batch fails as a whole).
  void run_alone(WriteJob& j) {
    try {
      writer_->exec_script("BEGIN IMMEDIATE");
      bool commit = false;
      try {
        commit = (*j.f)(*writer_);
      } catch (...) {
        writer_->exec_script("ROLLBACK");
        throw;
      }
      writer_->exec_script(commit ? "COMMIT" : "ROLLBACK");
    } catch (...) {
      j.error = std::current_exception();
    }
  }

  void run_batch(const std::vector<WriteJob*>& batch) {
    std::lock_guard lock(write_mutex_);
    if (batch.size() == 1) {
      run_alone(*batch.front());
      ++commits_;
      return;
    }
    bool whole = true;  // false once the transaction is lost (I/O error, disk full)
    try {
      writer_->exec_script("BEGIN IMMEDIATE");
      for (auto* j : batch) {
        writer_->exec_script("SAVEPOINT w");
        bool keep = false;
        try {
          keep = (*j->f)(*writer_);
        } catch (...) {
          j->error = std::current_exception();
        }
        if (sqlite3_get_autocommit(writer_->handle())) {  // SQLite ended the transaction itself
          whole = false;
          break;
        }
        if (!keep) writer_->exec_script("ROLLBACK TO w");
        writer_->exec_script("RELEASE w");
      }
      if (whole) writer_->exec_script("COMMIT");
    } catch (...) {
      whole = false;
    }
    if (whole) {
      ++commits_;
      return;
    }
    // Nothing of the batch is stored: run each write again on its own, so that only the one
    // that fails reports the failure.
    if (!sqlite3_get_autocommit(writer_->handle())) {
      try {
        writer_->exec_script("ROLLBACK");
      } catch (const std::exception&) {  // already rolled back
      }
    }
    for (auto* j : batch) {
      j->error = nullptr;
      run_alone(*j);
      ++commits_;
    }
  }

 public:
  std::int64_t write_commits() const override { return commits_.load(); }

 private:
 private:
  Options options_;
  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::vector<WriteJob*> queue_;
  bool leading_ = false;
  std::atomic<std::int64_t> commits_{0};
  std::mutex write_mutex_;  // the writer connection: a batch, a migration, maintain()
  std::unique_ptr<SqliteConn> checkpointer_conn_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false, stopping_ = false;
  std::thread checkpointer_;
  std::unique_ptr<SqliteConn> writer_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConn>> readers_;
  std::vector<SqliteConn*> free_;
};

}  // namespace

bool Row::is_null(int col) const { return sqlite3_column_type(static_cast<sqlite3_stmt*>(stmt_), col) == SQLITE_NULL; }
std::int64_t Row::i64(int col) const { return sqlite3_column_int64(static_cast<sqlite3_stmt*>(stmt_), col); }
double Row::f64(int col) const { return sqlite3_column_double(static_cast<sqlite3_stmt*>(stmt_), col); }
std::string Row::text(int col) const {
  auto* st = static_cast<sqlite3_stmt*>(stmt_);
  const auto* p = sqlite3_column_text(st, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, col)));
}
std::optional<std::string> Row::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}
std::optional<std::int64_t> Row::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}
std::optional<double> Row::opt_f64(int col) const {
  if (is_null(col)) return std::nullopt;
  return f64(col);
}
int Row::columns() const { return sqlite3_column_count(static_cast<sqlite3_stmt*>(stmt_)); }

std::optional<std::int64_t> Conn::scalar_i64(std::string_view sql, const Params& params) {
  std::optional<std::int64_t> out;
  query(sql, params, [&](const Row& r) { if (!out) out = r.opt_i64(0); });
  return out;
}
std::optional<std::string> Conn::scalar_text(std::string_view sql, const Params& params) {
  std::optional<std::string> out;
  query(sql, params, [&](const Row& r) { if (!out) out = r.opt_text(0); });
  return out;
}

std::unique_ptr<Database> Database::open(const Options& options) {
  // SQLite counts every allocation under one global mutex unless told not to; with a reader
  // per worker thread that mutex was the most contended lock of a customer read (issue 6).
  // It only takes effect before SQLite initialises, so once, before the first connection (a
  // test that opened SQLite directly first leaves the counting on, which changes no result).
  static std::once_flag configured;
  std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  return std::make_unique<SqliteDatabase>(options);
}

}  // namespace kehu::db
