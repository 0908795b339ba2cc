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
  // Imports from CSV (import*.cpp).
  add("customer.import_too_large", {"文件过大：最多 {mb} MB、{rows} 行数据", "檔案過大：最多 {mb} MB、{rows} 列資料",
                                    "The file is too large: at most {mb} MB and {rows} data rows"});
  add("customer.import_media_type", {"请上传 CSV 文件（Content-Type: text/csv）", "請上傳 CSV 檔案（Content-Type: text/csv）",
                                     "Send the CSV file itself (Content-Type: text/csv)"});
  add("customer.import_encoding", {"文件不是有效的 {encoding} 编码（第 {line} 行）；请在 Excel 中另存为“CSV UTF-8”，或选择正确的编码",
                                   "檔案不是有效的 {encoding} 編碼（第 {line} 行）；請在 Excel 中另存為「CSV UTF-8」，或選擇正確的編碼",
                                   "The file is not valid {encoding} (line {line}); save it as \"CSV UTF-8\" in Excel or choose the right encoding"});
  add("customer.import_encoding_unsupported", {"不支持 UTF-16 文件；请在 Excel 中另存为“CSV UTF-8”",
                                               "不支援 UTF-16 檔案；請在 Excel 中另存為「CSV UTF-8」",
                                               "UTF-16 files are not supported; save the file as \"CSV UTF-8\""});
  add("customer.import_unclosed_quote", {"第 {row} 行第 {column} 列的引号没有闭合，文件其余部分无法读取",
                                         "第 {row} 列第 {column} 欄的引號沒有結束，檔案其餘部分無法讀取",
                                         "The quote opened in row {row}, column {column} is never closed; the rest of the file cannot be read"});
  add("customer.import_empty", {"文件中没有数据行", "檔案中沒有資料列", "The file has no data rows"});
  add("customer.import_no_name_column", {"找不到“客户名称”列；请使用导入模板的表头", "找不到「客戶名稱」欄；請使用匯入範本的標題列",
                                         "No customer name column; use the headers of the import template"});
  add("customer.import_refused", {"有 {invalid} 行数据有误，未导入任何数据；请修正后重试，或选择只导入正确的行",
                                  "有 {invalid} 列資料有誤，未匯入任何資料；請修正後再試，或選擇只匯入正確的列",
                                  "{invalid} rows are invalid, so nothing was imported; fix them, or choose to import the valid rows"});
  add("customer.import_extra_cells", {"该行有 {count} 列，多于表头的 {header} 列", "該列有 {count} 欄，多於標題列的 {header} 欄",
                                      "This row has {count} cells, more than the {header} headers"});
  add("customer.import_missing_cells", {"该行只有 {count} 列，少于表头的 {header} 列", "該列只有 {count} 欄，少於標題列的 {header} 欄",
                                        "This row has only {count} cells for {header} headers"});
  add("customer.import_invalid_choice", {"无效的选项，可选：{allowed}", "無效的選項，可選：{allowed}", "Invalid choice; one of: {allowed}"});
  add("customer.import_region_unknown", {"找不到该地区", "找不到該地區", "No such region"});
  add("customer.import_region_mismatch", {"该地区不属于所填的上级地区", "該地區不屬於所填的上級地區",
                                          "This region is not inside the province or city given"});
  add("customer.import_duplicate_in_file", {"与文件第 {row} 行重复", "與檔案第 {row} 列重複", "Duplicates row {row} of this file"});
  add("customer.import_duplicate_locked", {"与已有客户重复，但您无权修改该客户", "與既有客戶重複，但您無權修改該客戶",
                                           "Duplicates an existing customer you may not change"});
  add("customer.import_owner_forbidden", {"只有主管可以指定其他负责人", "只有主管可以指定其他負責人",
                                          "Only team leads may name another owner"});
  add("customer.import_owner_unknown", {"没有这个用户名", "沒有這個使用者名稱", "No user with this username"});
  add("customer.import_not_latest", {"只能撤销您最近一次尚未撤销的导入", "只能復原您最近一次尚未復原的匯入",
                                     "Only your most recent import that is not undone can be undone"});
  add("customer.import_already_undone", {"该导入已经撤销", "該匯入已經復原", "This import has been undone already"});
  add("customer.import_error_column", {"错误", "錯誤", "Error"});
}

}  // namespace kehu::customers
