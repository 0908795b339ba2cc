// Generic messages of the HTTP edge and of field validation, in the three languages.
#include "platform/core/messages.hpp"
#include "platform/http/messages.hpp"

namespace kehu::http {

void register_messages() {
  using messages::add;
  add("error.not_found", {"记录不存在或您无权查看", "記錄不存在或您無權檢視", "Not found, or not visible to you"});
  add("error.forbidden", {"您无权执行此操作", "您無權執行此操作", "You are not allowed to do this"});
  add("error.stale_version", {"该记录已被他人修改，请刷新后重试", "該記錄已被他人修改，請重新整理後再試",
                              "Someone else changed this record; reload and try again"});
  add("error.internal", {"服务器内部错误，请联系管理员并提供请求编号", "伺服器內部錯誤，請聯絡管理員並提供請求編號",
                         "Internal error; contact your administrator with the request id"});
  add("error.method_not_allowed", {"不支持该请求方法", "不支援該請求方法", "Method not allowed"});
  add("error.unsupported_media_type", {"请求体必须是 application/json", "請求內容必須是 application/json",
                                       "The body must be application/json"});
  add("error.too_large", {"请求体过大（上限 1 MiB）", "請求內容過大（上限 1 MiB）", "The body is too large (limit 1 MiB)"});
  add("error.empty_body", {"请求体为空", "請求內容為空", "The body is empty"});
  add("error.malformed_json", {"JSON 格式错误", "JSON 格式錯誤", "Malformed JSON"});
  add("error.expected_object", {"请求体必须是 JSON 对象", "請求內容必須是 JSON 物件", "The body must be a JSON object"});
  add("error.duplicate_key", {"JSON 中有重复的键", "JSON 中有重複的鍵", "Duplicate key in JSON"});
  add("error.too_deep", {"JSON 嵌套过深（上限 32 层）", "JSON 巢狀過深（上限 32 層）", "JSON nested too deeply (limit 32)"});
  add("error.url_too_long", {"网址过长", "網址過長", "URL too long"});
  add("error.headers_too_large", {"请求头过大", "請求標頭過大", "Request headers too large"});
  add("error.validation_failed", {"输入有误，请检查标出的字段", "輸入有誤，請檢查標示的欄位", "Some fields are invalid"});
  add("error.unknown_field", {"包含未知或不允许设置的字段", "包含未知或不允許設定的欄位", "Unknown or forbidden fields"});
  add("error.bad_parameter", {"查询参数有误", "查詢參數有誤", "Invalid query parameter"});
  add("field.required", {"必填", "必填", "Required"});
  add("field.unknown", {"未知字段", "未知欄位", "Unknown field"});
  add("field.forbidden", {"您不能设置此字段", "您不能設定此欄位", "You may not set this field"});
  add("field.too_long", {"最多 {max} 个字符", "最多 {max} 個字元", "At most {max} characters"});
  add("field.control_chars", {"不能包含控制字符或文字方向字符", "不能包含控制字元或文字方向字元",
                              "Must not contain control or bidi characters"});
  add("field.invalid_utf8", {"不是有效的 UTF-8 文本", "不是有效的 UTF-8 文字", "Not valid UTF-8"});
  add("field.wrong_type", {"类型错误，应为 {type}", "類型錯誤，應為 {type}", "Wrong type, expected {type}"});
  add("field.between", {"应在 {min} 到 {max} 之间", "應在 {min} 到 {max} 之間", "Must be between {min} and {max}"});
  add("field.out_of_range", {"超出允许范围", "超出允許範圍", "Out of range"});
  add("field.invalid_choice", {"无效的选项，可选：{allowed}", "無效的選項，可選：{allowed}", "Invalid choice; one of: {allowed}"});
  add("field.invalid_date", {"日期无效，格式为 YYYY-MM-DD", "日期無效，格式為 YYYY-MM-DD", "Invalid date, expected YYYY-MM-DD"});
  add("field.invalid", {"无效", "無效", "Invalid"});
  add("param.invalid", {"参数无效", "參數無效", "Invalid parameter"});
}

}  // namespace kehu::http
