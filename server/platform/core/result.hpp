// Result<T>: a value or an Error. Expected outcomes travel as values; exceptions are
// for bugs and infrastructure failures and are caught once at the HTTP edge.
#pragma once
#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "platform/core/error.hpp"

namespace kehu {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT implicit on purpose
  Result(Error error) : v_(std::move(error)) {}        // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { assert(!ok()); return std::get<1>(v_); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace kehu

// Propagate an error: KEHU_TRY(auto x, compute());
#define KEHU_CONCAT_INNER(a, b) a##b
#define KEHU_CONCAT(a, b) KEHU_CONCAT_INNER(a, b)
#define KEHU_TRY_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                   \
  if (!tmp.ok()) return std::move(tmp).error(); \
  decl = std::move(tmp).value()
#define KEHU_TRY(decl, expr) KEHU_TRY_IMPL(KEHU_CONCAT(kehu_try_, __LINE__), decl, expr)
#define KEHU_CHECK(expr)                                  \
  do {                                                    \
    auto kehu_check_ = (expr);                            \
    if (!kehu_check_.ok()) return std::move(kehu_check_).error(); \
  } while (0)
