// The sales module's public face: per-customer figures for other modules (warnings,
// analytics), the module object the app owns, and order creation for the demo.
#pragma once
#include <array>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "platform/auth/auth.hpp"
#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/router.hpp"

namespace kehu::sales {

struct MonthAmount {
  std::string month;  // "2027-01"
  std::int64_t amount = 0, running_total = 0;
};

// What a customer bought and owes, as of `today` (the company's date). Amounts in fen.
struct CustomerFigures {
  std::int64_t credit_limit = 0, outstanding = 0;
  std::int64_t mtd_amount = 0, ytd_amount = 0, lifetime_amount = 0;
  std::int64_t mtd_last_year = 0, ytd_last_year = 0;  // the same period a year earlier
  std::optional<clock::Date> last_purchase_date;
  std::optional<std::int64_t> days_since_last_purchase;
  std::optional<std::int64_t> usual_interval_days;  // median gap between purchase days
  std::int64_t order_count = 0;
  std::array<std::int64_t, 4> aging{};  // outstanding by order age: 0–30, 31–60, 61–90, >90 days
  std::vector<MonthAmount> monthly;     // the last 24 months, oldest first
  // The customer with its sub-dealers (分销 subtree): orders recorded for all of them, and the
  // units they reported sold on (sell-through) this month and this year.
  struct Subtree {
    std::int64_t customers = 1, mtd_amount = 0, ytd_amount = 0, lifetime_amount = 0, outstanding = 0;
    std::int64_t sell_through_mtd_quantity = 0, sell_through_ytd_quantity = 0;
  } subtree;
};

// kNotFound when the customer is outside the scope.
Result<CustomerFigures> customer_figures(db::Database& db, const auth::Scope& s, CustomerId id, clock::Date today);
nlohmann::json to_json(const CustomerFigures& f);

// A month's plan against actual orders (for the early-warning work: behind plan?).
struct PlanProgress {
  bool has_plan = false;
  std::int64_t target_amount = 0, actual_amount = 0;
  std::int64_t achieved_per_mille = 0;   // actual / target
  std::int64_t expected_per_mille = 0;   // elapsed working days / working days of the month
  std::int64_t same_period_last_year = 0;
};
Result<PlanProgress> plan_progress(db::Database& db, const auth::Scope& s, CustomerId id, clock::Date month,
                                   clock::Date today);

// Read model for other modules' SQL: the tables `customer_figures` (customer_id,
// first_order_date, last_order_date, order_count, amount, outstanding) and
// `customer_month_figures` (customer_id, month, order_count, amount) are kept current by
// triggers on orders (migration 0012); other modules may join them, never write them.

// Orders dated within [from, to] (inclusive), oldest first: for return visits after an order
// (service module). Not scoped: the caller decides what to do per customer.
struct DatedOrder {
  std::int64_t id = 0;
  CustomerId customer;
  clock::Date date;
};
std::vector<DatedOrder> orders_dated_between(db::Conn& c, clock::Date from, clock::Date to);

void register_messages();

class Module {
 public:
  explicit Module(auth::Auth& auth);
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;
  void register_routes(http::Router& r);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Creates a product or an order from an API-shaped body as `as` would (same checks and audit).
Result<std::int64_t> create_product(db::Database& db, const nlohmann::json& body, const auth::Principal& as);
Result<std::int64_t> create_order(db::Database& db, const nlohmann::json& body, const auth::Principal& as);
// Files a return request; approves it when `approver` is given.
Result<std::int64_t> request_return(db::Database& db, const nlohmann::json& body, const auth::Principal& as,
                                    const auth::Principal* approver);
// Creates or replaces a month's plan ("2027-02") from an API-shaped body.
Status save_plan(db::Database& db, CustomerId id, const std::string& month, const nlohmann::json& body,
                 const auth::Principal& as);

}  // namespace kehu::sales
