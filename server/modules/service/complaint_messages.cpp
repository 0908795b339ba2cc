#include "modules/service/service_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::service {

void register_complaint_messages() {
  using messages::add;
  add("service.step_not_allowed", {"当前状态（{status}）下不能进行这一步", "目前狀態（{status}）下不能進行這一步",
                                   "This step is not allowed in the current status ({status})"});
  add("service.not_a_contact", {"不是该客户的联系人", "不是該客戶的聯絡人", "Not a contact of this customer"});
  add("service.unknown_product", {"没有这个产品", "沒有這個產品", "No such product"});
  add("service.not_an_order", {"不是该客户的订单", "不是該客戶的訂單", "Not an order of this customer"});
  add("service.unknown_user", {"没有这个在职用户", "沒有這個在職使用者", "No such active user"});
  add("service.due_in_past", {"期限不能早于今天", "期限不能早於今天", "The due date cannot be in the past"});
  add("service.contact_required", {"请留下电话或电子邮箱，便于我们回复", "請留下電話或電子郵件，以便我們回覆",
                                   "Leave a phone number or an e-mail address so that we can answer"});
  add("service.too_many_complaints", {"提交过于频繁，请稍后再试或致电客服", "提交過於頻繁，請稍後再試或致電客服",
                                      "Too many complaints from this address; try again later or call us"});
  add("service.resolution_before_answer", {"处理时限不能短于首次响应时限", "處理時限不能短於首次回應時限",
                                           "The resolution target cannot be shorter than the first answer"});
  add("service.period_invalid", {"统计区间无效（最长三年）", "統計區間無效（最長三年）", "Invalid period (three years at most)"});
  add("service.category_key", {"键只能包含小写字母、数字和下划线", "鍵只能包含小寫字母、數字和底線",
                               "A key has lower-case letters, digits and underscores only"});
  add("service.category_exists", {"该分类已存在", "該分類已存在", "This category exists already"});
  add("service.file_empty", {"文件为空", "檔案為空", "The file is empty"});
  add("service.file_type", {"只能上传 PNG、JPEG、GIF、WebP 图片或 PDF 文件", "只能上傳 PNG、JPEG、GIF、WebP 圖片或 PDF 檔案",
                            "Only PNG, JPEG, GIF or WebP pictures and PDF files can be attached"});
  add("service.too_many_files", {"每个投诉最多 20 个附件", "每件投訴最多 20 個附件", "At most 20 files per complaint"});
  add("service.prevention_not_open", {"没有待完成的预防措施", "沒有待完成的預防措施", "No open prevention action"});
  add("service.notify.escalated_lead", {"投诉 {reference}（{customer}）超过首次响应时限，已升级给您",
                                        "投訴 {reference}（{customer}）超過首次回應時限，已升級給您",
                                        "Complaint {reference} ({customer}) is past its first-answer promise and escalated to you"});
  add("service.notify.escalated_director", {"投诉 {reference}（{customer}）已超时两倍仍未响应，升级至总监",
                                            "投訴 {reference}（{customer}）已逾時兩倍仍未回應，升級至總監",
                                            "Complaint {reference} ({customer}) is unanswered at twice its promise: escalated to the director"});
}

}  // namespace kehu::service
