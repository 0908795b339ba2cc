// The database seam. Only this folder includes sqlite3.h. Stores write plain SQL with `?`
// placeholders; read() runs on a pooled reader connection, write() on the one writer
// connection inside BEGIN IMMEDIATE ... COMMIT. A write whose function returns a failed
// Result (or throws) is rolled back, so nothing is ever half-stored.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "platform/core/result.hpp"

namespace kehu::db {

// A bound parameter.
class Param {
 public:
  Param(std::nullptr_t) {}                                    // NOLINT
  Param(int v) : v_(static_cast<std::int64_t>(v)) {}          // NOLINT
  Param(long v) : v_(static_cast<std::int64_t>(v)) {}         // NOLINT
  Param(long long v) : v_(static_cast<std::int64_t>(v)) {}    // NOLINT
  Param(unsigned v) : v_(static_cast<std::int64_t>(v)) {}     // NOLINT
  Param(bool v) : v_(static_cast<std::int64_t>(v ? 1 : 0)) {} // NOLINT
  Param(double v) : v_(v) {}                                  // NOLINT
  Param(const char* v) : v_(std::string(v)) {}                // NOLINT
  Param(std::string_view v) : v_(std::string(v)) {}           // NOLINT
  Param(std::string v) : v_(std::move(v)) {}                  // NOLINT
  template <class T>
  Param(const std::optional<T>& v) {                          // NOLINT
    if (v) *this = Param(*v);
  }

  using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
  const Value& value() const { return v_; }

 private:
  Value v_;
};

using Params = std::vector<Param>;

// One result row; valid only inside the callback.
class Row {
 public:
  explicit Row(void* stmt) : stmt_(stmt) {}
  bool is_null(int col) const;
  std::int64_t i64(int col) const;
  double f64(int col) const;
  std::string text(int col) const;        // "" when NULL
  std::optional<std::string> opt_text(int col) const;
  std::optional<std::int64_t> opt_i64(int col) const;
  std::optional<double> opt_f64(int col) const;
  int columns() const;

 private:
  void* stmt_;
};

// Constraint failures (UNIQUE, FOREIGN KEY, CHECK) are thrown as this type so a store can
// translate them into an Error; any other failure is a std::runtime_error.
struct ConstraintError : std::runtime_error {
  enum class Kind { kUnique, kForeignKey, kCheck, kOther } kind;
  ConstraintError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

struct ExecResult {
  std::int64_t changes = 0;
  std::int64_t last_id = 0;
};

class Conn {
 public:
  virtual ~Conn() = default;
  virtual ExecResult exec(std::string_view sql, const Params& params = {}) = 0;
  virtual void query(std::string_view sql, const Params& params,
                     const std::function<void(const Row&)>& on_row) = 0;
  // Several statements, no parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;

  // Convenience: first column of the first row.
  std::optional<std::int64_t> scalar_i64(std::string_view sql, const Params& params = {});
  std::optional<std::string> scalar_text(std::string_view sql, const Params& params = {});
  template <class F>
  auto rows(std::string_view sql, const Params& params, F&& map) {
    std::vector<std::decay_t<decltype(map(std::declval<const Row&>()))>> out;
    query(sql, params, [&](const Row& r) { out.push_back(map(r)); });
    return out;
  }
  template <class F>
  auto one(std::string_view sql, const Params& params, F&& map) {
    std::optional<std::decay_t<decltype(map(std::declval<const Row&>()))>> out;
    query(sql, params, [&](const Row& r) { if (!out) out = map(r); });
    return out;
  }
};

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

struct Options {
  std::string path;
  int readers = 4;
  bool synchronous_full = true;
};

class Database {
 public:
  static std::unique_ptr<Database> open(const Options& options);
  virtual ~Database() = default;

  // Applies the migrations newer than the database's version, each in its own transaction.
  virtual int migrate(const std::vector<Migration>& migrations) = 0;
  virtual int schema_version() = 0;
  // Online backup to a new file while serving.
  virtual void backup_to(const std::string& path) = 0;
  virtual bool ping() = 0;
  // Runs statements on the writer outside a transaction (ANALYZE, PRAGMA optimize,
  // wal_checkpoint), waiting for the write in progress.
  virtual void maintain(std::string_view sql) = 0;
  // Write transactions run so far: concurrent writes share one (group commit), so under
  // load this grows slower than the number of write() calls.
  virtual std::int64_t write_commits() const = 0;
  // The database file; files stored beside it (attachments) go in "<path>.files".
  virtual const std::string& file_path() const = 0;

  // While a ReadScope lives on a thread, the thread's reads share one reader connection and
  // one read transaction: one snapshot and one WAL read lock for the authentication and the
  // handler of a request, instead of a lock for each statement. A write on that thread gives
  // the connection back first and the next read starts a new snapshot, so a read after a
  // write sees it. A write made inside a read() of the scope is the exception: that read
  // keeps its connection and its snapshot until it returns, and the scope's next read sees
  // the write. Scopes nest; reads on other threads are not affected.
  class ReadScope {
   public:
    explicit ReadScope(Database& db) : db_(db) { db_.enter_read_scope(); }
    ~ReadScope() { db_.leave_read_scope(); }
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

   private:
    Database& db_;
  };

  template <class F>
  auto read(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    if constexpr (std::is_void_v<R>) {
      with_reader([&](Conn& c) { f(c); });
    } else {
      std::optional<R> out;
      with_reader([&](Conn& c) { out.emplace(f(c)); });
      return std::move(*out);
    }
  }

  // f returns Result<T> (rolled back when not ok), or void/another type (always committed).
  template <class F>
  auto write(F&& f) -> decltype(f(std::declval<Conn&>())) {
    using R = decltype(f(std::declval<Conn&>()));
    if constexpr (std::is_void_v<R>) {
      with_writer([&](Conn& c) { f(c); return true; });
    } else {
      std::optional<R> out;
      with_writer([&](Conn& c) {
        out.emplace(f(c));
        if constexpr (requires { out->ok(); }) return out->ok();
        else return true;
      });
      return std::move(*out);
    }
  }

 protected:
  virtual void enter_read_scope() = 0;
  virtual void leave_read_scope() = 0;
  virtual void with_reader(const std::function<void(Conn&)>& f) = 0;
  // The function returns whether to commit.
  virtual void with_writer(const std::function<bool(Conn&)>& f) = 0;
};

}  // namespace kehu::db
