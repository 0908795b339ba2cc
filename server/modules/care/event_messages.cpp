// Messages of customer milestones, personal events, regional events and staff changes, in
// zh-CN, zh-TW and en.
#include "modules/care/care_internal.hpp"
#include "platform/core/messages.hpp"

namespace kehu::care {

void register_event_messages() {
  using messages::add;
  add("care.event_date_range", {"日期须在 1900 年之后、十年之内", "日期須在 1900 年之後、十年之內",
                                "The date must be after 1900 and within ten years from now"});
  add("care.event_contact_required", {"婚礼、生病、意外须指明是哪位联系人", "婚禮、生病、意外須指明是哪位聯絡人",
                                      "A wedding, illness or accident needs the contact it concerns"});
  add("care.event_note_required",
      {"“其他”类事件须填写说明", "「其他」類事件須填寫說明", "An event of kind “other” needs a note"});
  add("care.event_contact_invalid",
      {"该联系人不属于此客户", "該聯絡人不屬於此客戶", "This contact does not belong to the customer"});
  add("care.region_invalid",
      {"地区代码无效（省级 6 位代码，城市须属于所选省份）", "地區代碼無效（省級 6 位代碼，城市須屬於所選省份）",
       "Invalid region code (a six-digit province code; the city must lie in that province)"});
  add("care.regional_date_range", {"事件日期须在今天前后 30 天之内", "事件日期須在今天前後 30 天之內",
                                   "The event date must be within 30 days of today"});
  add("care.regional_no_customers",
      {"该地区没有您负责的客户", "該地區沒有您負責的客戶", "You look after no customers in this region"});
  add("care.staff_left_on_range",
      {"离职日期不能晚于今天，也不能早于 1990 年", "離職日期不能晚於今天，也不能早於 1990 年",
       "The leaving date cannot be in the future or before 1990"});
  add("care.staff_successor_is_leaver",
      {"接任者不能是离职的联系人本人", "接任者不能是離職的聯絡人本人", "The successor cannot be the contact who left"});
  add("care.staff_successor_invalid", {"接任者须是该客户的在职联系人", "接任者須是該客戶的在職聯絡人",
                                       "The successor must be a current contact of the same customer"});
  add("care.staff_contact_already_left",
      {"该联系人已标记为离职", "該聯絡人已標記為離職", "This contact is already marked as having left"});
  add("care.staff_change_closed",
      {"与接任者的关系已重建，不能再更换接任者", "與接任者的關係已重建，不能再更換接任者",
       "The relationship with the successor is rebuilt; the successor can no longer be changed"});
}

}  // namespace kehu::care
