#include "modules/customers/customers.hpp"
#include "platform/core/messages.hpp"

namespace kehu::customers {

void register_messages() {
  using messages::add;
  add("customer.duplicate", {"可能与已有客户重复；确认后可继续创建", "可能與既有客戶重複；確認後可繼續建立",
                             "This may duplicate an existing customer; confirm to create it anyway"});
  add("customer.confirm_warnings", {"请确认警告后再保存", "請確認警告後再儲存", "Confirm the warnings to save"});
  add("customer.credit_code_format", {"统一社会信用代码应为 18 位数字或大写字母", "統一社會信用代碼應為 18 位數字或大寫字母",
                                      "A unified social credit code has 18 digits or capital letters"});
  add("customer.credit_code_check_digit", {"统一社会信用代码校验位不正确，请核对", "統一社會信用代碼檢核碼不正確，請核對",
                                           "The credit code's check digit is wrong; please check it"});
  add("customer.website_invalid", {"网址须以 http:// 或 https:// 开头", "網址須以 http:// 或 https:// 開頭",
                                   "The website must start with http:// or https://"});
  add("customer.bank_account_invalid", {"银行账号只能包含数字、空格和横线", "銀行帳號只能包含數字、空格和連字號",
                                        "Digits, spaces and dashes only"});
  add("customer.region_invalid", {"地区代码无效或与上级不符", "地區代碼無效或與上級不符", "Unknown region or not inside its parent"});
  add("customer.user_invalid", {"用户不存在、已停用或不能负责客户", "使用者不存在、已停用或不能負責客戶",
                                "No such active user who can be responsible for customers"});
  add("customer.owner_invalid", {"负责人必须是在职的客户经理、主管或总监", "負責人必須是在職的客戶經理、主管或總監",
                                 "The owner must be an active account manager, team lead or director"});
  add("customer.owner_outside_team", {"只能分配给本团队成员", "只能分配給本團隊成員", "Only members of your team"});
  add("customer.not_deleted", {"该客户不在回收站中", "該客戶不在回收站中", "This customer is not in the recycle bin"});
  add("customer.handover_same_user", {"移交双方不能是同一人", "移交雙方不能是同一人", "Choose a different manager"});
  add("customer.handover_not_owner", {"所选客户不属于移出人", "所選客戶不屬於移出人", "A selected customer is not owned by that manager"});
  add("customer.field_key_invalid", {"键名须以小写字母开头，只含小写字母、数字和下划线", "鍵名須以小寫字母開頭，只含小寫字母、數字和底線",
                                     "Start with a lowercase letter; lowercase letters, digits and _ only"});
  add("customer.field_exists", {"该自定义字段已存在", "該自訂欄位已存在", "This custom field exists already"});
  add("customer.parent_invalid", {"上级经销商不存在或您无权查看", "上級經銷商不存在或您無權檢視",
                                  "No such parent dealer, or not visible to you"});
  add("customer.parent_cycle", {"上级经销商不能是自己或自己的下级", "上級經銷商不能是自己或自己的下級",
                                "A dealer cannot sit below itself"});
  add("customer.tree_too_deep", {"分销层级最多 5 级", "分銷層級最多 5 級", "At most 5 levels of distribution"});
  add("contact.phone_invalid", {"电话号码无效：手机如 13800138000，座机如 010-12345678，港澳台请加区号 +852/+853/+886",
                                "電話號碼無效：手機如 13800138000，市話如 010-12345678，港澳臺請加區碼 +852/+853/+886",
                                "Invalid phone: mobile like 13800138000, landline like 010-12345678, +852/+853/+886 for HK/MO/TW"});
  add("contact.email_invalid", {"电子邮箱格式不正确", "電子郵件格式不正確", "Invalid e-mail address"});
  add("contact.birthday_invalid", {"生日格式不正确", "生日格式不正確", "Invalid birthday"});
  add("contact.birthday_range", {"生日须在 1900 年之后且不晚于今天", "生日須在 1900 年之後且不晚於今天",
                                 "A birthday must be after 1900 and not in the future"});
}

}  // namespace kehu::customers
