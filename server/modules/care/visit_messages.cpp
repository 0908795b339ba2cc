// Messages of visit plans and reports, in zh-CN, zh-TW and en.
#include "modules/care/care_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::care {

void register_visit_messages() {
  using messages::add;
  add("care.visit_too_many_participants",
      {"同行人员最多 {max} 人", "同行人員最多 {max} 人", "At most {max} participants"});
  add("care.visit_date_range", {"拜访日期须在今天至一年之内", "拜訪日期須在今天至一年之內",
                                "The visit date must be between today and a year ahead"});
  add("care.visit_next_after_visit", {"下次拜访日期须晚于本次拜访日期", "下次拜訪日期須晚於本次拜訪日期",
                                      "The next visit must come after this visit"});
  add("care.visit_not_planner", {"只有计划人可以修改计划或填写拜访报告", "只有計畫人可以修改計畫或填寫拜訪報告",
                                 "Only the planner may change the plan or write the report"});
  add("care.visit_not_lead",
      {"只有该团队的主管、总监或管理员可以审批拜访计划和审阅报告",
       "只有該團隊的主管、總監或管理員可以審核拜訪計畫和審閱報告",
       "Only the team's lead, a director or an admin may decide the plan and review the report"});
  add("care.visit_cannot_edit", {"只有待审批或被驳回的计划可以修改", "只有待審核或被駁回的計畫可以修改",
                                 "Only a plan awaiting a decision or rejected can be changed"});
  add("care.visit_cannot_approve",
      {"该计划不在待审批状态", "該計畫不在待審核狀態", "This plan is not awaiting a decision"});
  add("care.visit_cannot_reject",
      {"该计划不在待审批状态", "該計畫不在待審核狀態", "This plan is not awaiting a decision"});
  add("care.visit_cannot_report", {"只有已批准的计划可以填写拜访报告", "只有已核准的計畫可以填寫拜訪報告",
                                   "A report can be written only for an approved plan"});
  add("care.visit_cannot_review",
      {"该拜访报告不在待审阅状态", "該拜訪報告不在待審閱狀態", "This report is not awaiting a review"});
  add("care.visit_report_too_early", {"拜访日期之前不能填写拜访报告", "拜訪日期之前不能填寫拜訪報告",
                                      "The report can be written from the day of the visit on"});
}

}  // namespace kehu::care
