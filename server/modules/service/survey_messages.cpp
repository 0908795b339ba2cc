#include "modules/service/service_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::service {

void register_survey_messages() {
  using messages::add;
  // templates
  add("survey.key_invalid", {"编号须以小写字母开头，只含小写字母、数字和下划线（最多 40 个字符）",
                             "編號須以小寫字母開頭，只含小寫字母、數字和底線（最多 40 個字元）",
                             "A key starts with a lower-case letter and has only a–z, 0–9 and _ (at most 40)"});
  add("survey.key_duplicate", {"问题编号重复", "問題編號重複", "This key is used by another question"});
  add("survey.questions_count",
      {"问卷须有 {min} 到 {max} 个问题", "問卷須有 {min} 到 {max} 個問題", "A survey has {min} to {max} questions"});
  add("survey.options_count", {"选择题须有 {min} 到 {max} 个选项", "選擇題須有 {min} 到 {max} 個選項",
                               "A choice question has {min} to {max} options"});
  add("survey.options_not_allowed", {"只有单选题和多选题可以设置选项", "只有單選題和複選題可以設定選項",
                                     "Only single and multiple choice questions have options"});
  add("survey.option_duplicate", {"选项重复", "選項重複", "An option appears twice"});
  add("survey.template_in_use",
      {"问卷已发出，问题不能再修改；请停用并复制后再改", "問卷已發出，問題不能再修改；請停用並複製後再改",
       "This survey was sent: its questions are fixed. Deactivate it and edit a copy"});
  add("survey.default_required",
      {"须保留一份默认问卷：请把另一份问卷设为默认", "須保留一份預設問卷：請把另一份問卷設為預設",
       "One survey stays the default: make another one the default instead"});
  add("survey.default_must_stay_active",
      {"默认问卷不能停用", "預設問卷不能停用", "The default survey cannot be inactive"});
  add("survey.no_default_template", {"没有可用的默认问卷", "沒有可用的預設問卷", "There is no active default survey"});
  // invitations
  add("survey.template_not_found", {"问卷不存在", "問卷不存在", "No such survey"});
  add("survey.template_inactive", {"问卷已停用", "問卷已停用", "This survey is inactive"});
  add("survey.not_a_contact", {"不是该客户的联系人", "不是該客戶的聯絡人", "Not a contact of this customer"});
  add("survey.not_a_complaint", {"不是该客户的投诉", "不是該客戶的投訴", "Not a complaint of this customer"});
  add("survey.expired", {"调查链接已过期", "調查連結已過期", "This survey link has expired"});
  add("survey.already_answered", {"该问卷已经填写过了，感谢您的反馈", "該問卷已經填寫過了，感謝您的回饋",
                                  "This survey has been answered already. Thank you"});
  // answers
  add("survey.unknown_question", {"问卷中没有这个问题", "問卷中沒有這個問題", "The survey has no such question"});
  add("survey.not_an_option", {"不是该问题的选项", "不是該問題的選項", "Not one of the question's options"});
  add("survey.too_many_submissions",
      {"提交过于频繁，请稍后再试", "提交過於頻繁，請稍後再試", "Too many submissions; please try again later"});
  // results
  add("survey.to_before_from",
      {"结束日期不能早于开始日期", "結束日期不能早於開始日期", "The end date is before the start date"});
}

}  // namespace kehu::service
