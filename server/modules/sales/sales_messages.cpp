#include "modules/sales/sales.hpp"
#include "platform/core/messages.hpp"

namespace kehu::sales {

void register_messages() {
  using messages::add;
  add("sales.credit_limit_exceeded",
      {"超出授信额度：额度 {limit}，下单后欠款将达 {after}；需主管或总监填写理由批准",
       "超出授信額度：額度 {limit}，下單後欠款將達 {after}；需主管或總監填寫理由核准",
       "Over the credit limit: limit {limit}, debt after this order {after}; a team lead or director must approve with a reason"});
  add("sales.override_not_allowed", {"只有主管或总监可以批准超额度订单", "只有主管或總監可以核准超額度訂單",
                                     "Only a team lead or director may approve an order over the credit limit"});
  add("sales.product_exists", {"同品牌、同名称、同规格的产品已存在", "同品牌、同名稱、同規格的產品已存在",
                               "A product with this brand, name and specification exists"});
  add("sales.unknown_product", {"产品不存在", "產品不存在", "No such product"});
  add("sales.product_inactive", {"该产品已停售", "該產品已停售", "This product is no longer sold"});
  add("sales.lines_required", {"订单须有 1 至 200 行", "訂單須有 1 至 200 行", "An order needs 1 to 200 lines"});
  add("sales.discount_too_large", {"折让不能大于订单金额", "折讓不能大於訂單金額", "The discount cannot exceed the order amount"});
  add("sales.payment_exceeds_total", {"随单付款不能大于订单金额", "隨單付款不能大於訂單金額",
                                      "The payment cannot exceed the order total"});
  add("sales.payment_exceeds_debt", {"付款金额超过未付金额（{outstanding}）", "付款金額超過未付金額（{outstanding}）",
                                     "The payment exceeds what is owed ({outstanding})"});
  add("sales.payment_before_order", {"付款日期不能早于订单日期", "付款日期不能早於訂單日期",
                                     "The payment cannot be dated before the order"});
  add("sales.month_invalid", {"月份格式为 YYYY-MM", "月份格式為 YYYY-MM", "A month is YYYY-MM"});
  add("sales.plan_duplicate_product", {"同一产品在计划中只能出现一次", "同一產品在計畫中只能出現一次",
                                       "A product appears once in a plan"});
  add("sales.duplicate_product", {"同一产品只能出现一次", "同一產品只能出現一次", "A product appears once"});
  add("sales.month_in_future", {"不能填报未来月份的纯销", "不能填報未來月份的純銷", "Sell-through cannot be reported for a future month"});
  add("sales.return_no_such_line", {"订单中没有这一行", "訂單中沒有這一行", "The order has no such line"});
  add("sales.return_too_many", {"超出可退数量（剩余 {left}）", "超出可退數量（剩餘 {left}）", "More than can be returned ({left} left)"});
  add("sales.return_duplicate_line", {"同一订单行只能出现一次", "同一訂單行只能出現一次", "An order line appears once"});
  add("sales.return_date_invalid", {"申请日期须在订单日期之后且不晚于今天", "申請日期須在訂單日期之後且不晚於今天",
                                    "The request date must be after the order and not in the future"});
  add("sales.return_decide_not_allowed", {"超出退货期限的申请须由主管或总监审批", "超出退貨期限的申請須由主管或總監審核",
                                          "Requests outside the return window need a team lead or director"});
  add("sales.return_already_decided", {"该申请已审批", "該申請已審核", "This request has been decided already"});
  add("sales.date_in_future", {"日期不能晚于今天", "日期不能晚於今天", "The date cannot be in the future"});
  add("sales.date_out_of_range", {"日期须在 2000 年之后且不晚于今天", "日期須在 2000 年之後且不晚於今天",
                                  "The date must be after 2000 and not in the future"});
}

}  // namespace kehu::sales
