// Orders (purchase records) with lines and payments; reading input and rendering.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "modules/sales/money_rules.hpp"
#include "platform/core/ids.hpp"

namespace kehu::sales {

inline const std::vector<std::string_view> kPaymentMethods = {"bank_transfer", "cash",   "acceptance_bill", "wechat",
                                                              "alipay",        "cheque", "other"};
inline const std::vector<std::string_view> kOrderSortFields = {"date", "total", "outstanding", "created_at"};

struct Line {
  int line_no = 0;
  std::int64_t product_id = 0;
  std::string product_name, brand, spec, unit;
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;
  std::int64_t amount = 0;
};

struct Payment {
  std::int64_t id = 0, order_id = 0;
  clock::Date date;
  std::int64_t amount = 0;
  std::string method;
  std::optional<std::string> reference;
  std::string created_by_name, created_at;
};

struct Order {
  std::int64_t id = 0;
  CustomerId customer;
  std::string customer_name;
  clock::Date date;
  std::vector<Line> lines;
  std::int64_t subtotal = 0, discount = 0, total = 0, paid = 0, credited = 0;
  std::optional<std::string> note, override_reason, override_by_name;
  std::vector<Payment> payments;
  std::int64_t version = 1;
  std::string created_by_name, created_at;
};

struct LineInput {
  std::int64_t product_id = 0;
  std::int64_t quantity = 0;
  std::optional<std::int64_t> unit_price;  // default: the product's list price
};

struct PaymentInput {
  clock::Date date;
  std::int64_t amount = 0;
  std::string method;
  std::optional<std::string> reference;
};

struct OrderInput {
  CustomerId customer;
  clock::Date date;
  std::vector<LineInput> lines;
  std::int64_t discount = 0;
  std::optional<std::string> note;
  std::optional<PaymentInput> payment;          // paid with the order (先款后货)
  std::optional<std::string> override_reason;   // credit-limit override
};

Result<OrderInput> read_order_input(const nlohmann::json& body);
// `today` bounds the date: no payments in the future.
Result<PaymentInput> read_payment_input(const nlohmann::json& body, clock::Date today);

struct OrderChange {
  std::optional<clock::Date> date;
  std::optional<std::optional<std::string>> note;
  std::int64_t version = 0;
};
Result<OrderChange> read_order_change(const nlohmann::json& body);

nlohmann::json to_json(const Payment& p);
// Lines and payments only when the order carries them (detail view).
nlohmann::json to_json(const Order& o, bool detail);

}  // namespace kehu::sales
