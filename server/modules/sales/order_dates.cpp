// Orders by date, for other modules (return visits after an order).
#include "modules/sales/sales.hpp"

namespace kehu::sales {
namespace {

constexpr const char* kDatedBetween =
    "SELECT id, customer_id, date FROM orders WHERE date >= ? AND date <= ? ORDER BY date, id";

}  // namespace

std::vector<DatedOrder> orders_dated_between(db::Conn& c, clock::Date from, clock::Date to) {
  std::vector<DatedOrder> out;
  c.query(kDatedBetween, {clock::format_date(from), clock::format_date(to)}, [&](const db::Row& r) {
    if (auto d = clock::parse_date(r.text(2))) out.push_back({r.i64(0), CustomerId(r.i64(1)), *d});
  });
  return out;
}

}  // namespace kehu::sales
