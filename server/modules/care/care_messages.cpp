#include "modules/care/care_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::care {
using messages::add;

void register_log_messages() {
  add("care.at_invalid", {"时间格式为 ISO 8601，例如 2027-02-01T09:30:00+08:00", "時間格式為 ISO 8601，例如 2027-02-01T09:30:00+08:00",
                          "A time is ISO 8601, e.g. 2027-02-01T09:30:00+08:00"});
  add("care.at_in_future", {"联系时间不能晚于现在", "聯絡時間不能晚於現在", "A contact cannot be logged in the future"});
  add("care.next_before_log", {"下次联系日期不能早于本次联系", "下次聯絡日期不能早於本次聯絡",
                               "The next contact cannot be before this one"});
  add("care.due_before_log", {"承诺期限不能早于联系日期", "承諾期限不能早於聯絡日期", "A promise cannot be due before the contact"});
  add("care.due_in_past", {"期限不能早于今天", "期限不能早於今天", "The due date cannot be in the past"});
  add("care.gift_required", {"送礼记录须填写礼品和费用", "送禮紀錄須填寫禮品和費用", "A gift log needs the gift and its cost"});
  add("care.duplicate_contact", {"同一联系人只能出现一次", "同一聯絡人只能出現一次", "A contact appears once"});
  add("care.not_a_contact", {"不是该客户的联系人", "不是該客戶的聯絡人", "Not a contact of this customer"});
  add("care.not_a_visit", {"不是该客户的拜访计划", "不是該客戶的拜訪計畫", "Not a visit plan of this customer"});
  add("care.not_your_log", {"只有记录人或主管可以修改这条记录", "只有記錄人或主管可以修改這筆紀錄",
                            "Only its author or a team lead may change this log"});
  add("care.promise_closed", {"该承诺已结束", "該承諾已結束", "This promise is closed already"});
}

void register_task_messages() {
  add("care.task_closed", {"该任务已结束", "該任務已結束", "This task is closed already"});
}

}  // namespace kehu::care
