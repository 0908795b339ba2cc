#include "modules/service/service_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::service {
using messages::add;

void register_request_messages() {
  // The fourteen service types of seed 002 (润滑油行业售后服务的方式).
  add("service.request_type.on_site", {"上门服务", "到府服務", "On-site service"});
  add("service.request_type.fixed_point", {"定点服务", "定點服務", "Fixed-point service"});
  add("service.request_type.delegated", {"委托服务", "委託服務", "Delegated service"});
  add("service.request_type.consulting", {"咨询服务", "諮詢服務", "Consulting"});
  add("service.request_type.promotion_support", {"促销服务", "促銷服務", "Promotion support"});
  add("service.request_type.market_research", {"市场调研服务", "市場調查服務", "Market research"});
  add("service.request_type.technical_guidance", {"技术指导服务", "技術指導服務", "Technical guidance"});
  add("service.request_type.delivery", {"货运服务", "貨運服務", "Delivery"});
  add("service.request_type.payment", {"货款服务", "貨款服務", "Payment and settlement"});
  add("service.request_type.ordering", {"订货服务", "訂貨服務", "Ordering"});
  add("service.request_type.change_notice",
      {"沟通服务（变更通知）", "溝通服務（變更通知）", "Communication of changes"});
  add("service.request_type.reception", {"接待服务", "接待服務", "Reception of visitors"});
  add("service.request_type.inspection", {"检验服务", "檢驗服務", "Inspection and testing"});
  add("service.request_type.senior_interview",
      {"访谈服务（高层访谈）", "訪談服務（高層訪談）", "Senior-staff interview"});
  add("service.request_status.planned", {"已计划", "已計畫", "Planned"});
  add("service.request_status.done", {"已完成", "已完成", "Done"});
  add("service.request_status.cancelled", {"已取消", "已取消", "Cancelled"});

  add("service.request.staff_required",
      {"至少指定一名服务人员", "至少指定一名服務人員", "Name at least one staff member"});
  add("service.request.duplicate_staff",
      {"同一人员只能出现一次", "同一人員只能出現一次", "A staff member appears once"});
  add("service.request.staff_inactive", {"不是在职的用户", "不是在職的使用者", "Not an active user"});
  add("service.request.scheduled_out_of_range", {"计划日期须在一年前到两年后之间", "計畫日期須在一年前到兩年後之間",
                                                 "The date must be within a year back and two years ahead"});
  add("service.request.time_invalid",
      {"时间格式为 HH:MM，例如 14:30", "時間格式為 HH:MM，例如 14:30", "A time is HH:MM, e.g. 14:30"});
  add("service.request.repeat_only_inspection",
      {"只有检验服务可以定期重复", "只有檢驗服務可以定期重複", "Only an inspection can repeat on a schedule"});
  add("service.request.done_in_future",
      {"完成日期不能晚于今天", "完成日期不能晚於今天", "The done date cannot be after today"});
  add("service.request.not_planned", {"该服务请求已完成或已取消，不能再更改", "該服務請求已完成或已取消，不能再更改",
                                      "This service request is done or cancelled already"});
}

}  // namespace kehu::service
