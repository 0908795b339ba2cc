// SQL of orders and payments. The caller's scope reaches every statement through the
// order's customer (customers::scope_condition / check_access).
#pragma once
#include <vector>

#include "modules/sales/order.hpp"
#include "modules/sales/sales.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/principal.hpp"
#include "platform/db/database.hpp"
#include "platform/http/params.hpp"

namespace kehu::sales {

struct OrderFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<clock::Date> from, to;
  std::optional<std::string> settlement;
  http::Sort sort{"date", true};
  std::int64_t page = 1, page_size = 20;
};

struct OrderList {
  std::vector<Order> items;
  std::int64_t count = 0, sum_total = 0, sum_outstanding = 0;
};

// Who may approve an order over the credit limit.
bool approves_credit(auth::Role r);

class OrderStore {
 public:
  explicit OrderStore(db::Database& db) : db_(db) {}

  Result<Order> create(const auth::Principal& p, const OrderInput& in, const audit::Actor& actor);
  // The credit situation the order would create; nothing is stored.
  Result<nlohmann::json> credit_check(const auth::Principal& p, const OrderInput& in);
  OrderList list(const auth::Scope& s, const OrderFilter& f);
  std::optional<Order> get(const auth::Scope& s, std::int64_t id);
  Result<Order> update(const auth::Scope& s, std::int64_t id, const OrderChange& ch, const audit::Actor& actor);
  Result<Payment> add_payment(const auth::Scope& s, std::int64_t order_id, const PaymentInput& in,
                              const audit::Actor& actor);
  Result<CustomerFigures> figures(const auth::Scope& s, CustomerId id, clock::Date today);

 private:
  struct Priced {
    std::vector<Line> lines;
    Totals totals;
  };
  Result<Priced> price(db::Conn& c, const OrderInput& in);
  std::optional<Order> load(db::Conn& c, std::int64_t id, bool detail);
  db::Database& db_;
};

}  // namespace kehu::sales
