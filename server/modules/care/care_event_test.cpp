#include "modules/care/care_event.hpp"

#include <gtest/gtest.h>

namespace kehu::care {
namespace {
clock::Date d(int y, int m, int day) { return {y, m, day}; }
const clock::Date kToday = d(2027, 2, 1);
}  // namespace

TEST(CareEventRules, KindContactNoteAndDate) {
  using P = std::optional<std::pair<std::string, std::string>>;
  auto field = [](const P& p) { return p ? p->first : std::string(); };
  struct Case {
    CareEventShape e;
    const char* field;  // "" when fine
  };
  for (const auto& c : std::vector<Case>{
           {{"store_opening", d(2027, 3, 18), false, false}, ""},
           {{"company_anniversary", d(1998, 6, 1), false, false}, ""},
           {{"project_completion", d(2036, 12, 31), false, false}, ""},  // planned years ahead
           {{"project_completion", d(2037, 2, 10), false, false}, "date"},
           {{"store_opening", d(1899, 12, 31), false, false}, "date"},
           {{"store_opening", d(1900, 1, 1), false, false}, ""},
           {{"wedding", d(2027, 5, 1), true, false}, ""},
           {{"wedding", d(2027, 5, 1), false, true}, "contact_id"},
           {{"illness", d(2027, 1, 20), false, false}, "contact_id"},
           {{"accident", d(2027, 1, 20), false, false}, "contact_id"},
           {{"store_opening", d(2027, 3, 18), true, false}, ""},  // a milestone may name a contact
           {{"other", d(2027, 3, 18), false, false}, "note"},
           {{"other", d(2027, 3, 18), false, true}, ""},
       }) {
    EXPECT_EQ(field(care_event_problem(c.e, kToday)), c.field) << c.e.kind << " " << clock::format_date(c.e.date);
  }
  EXPECT_TRUE(is_personal_event("illness"));
  EXPECT_FALSE(is_personal_event("store_opening"));
}

TEST(CareEventInput, DefaultsAndChanges) {
  auto anniversary = read_care_event_input({{"kind", "company_anniversary"}, {"date", "2005-06-01"}});
  ASSERT_TRUE(anniversary.ok());
  EXPECT_TRUE(anniversary->yearly);  // an anniversary repeats unless told otherwise
  auto once = read_care_event_input({{"kind", "company_anniversary"}, {"date", "2005-06-01"}, {"yearly", false}});
  ASSERT_TRUE(once.ok());
  EXPECT_FALSE(once->yearly);
  auto opening = read_care_event_input({{"kind", "store_opening"}, {"date", "2027-03-18"}});
  ASSERT_TRUE(opening.ok());
  EXPECT_FALSE(opening->yearly);
  EXPECT_FALSE(read_care_event_input({{"kind", "birthday"}, {"date", "2027-03-18"}}).ok());
  EXPECT_FALSE(read_care_event_input({{"kind", "other"}, {"date", "2027-03-18"}, {"customer_id", 1}}).ok());

  auto ch = read_care_event_change({{"version", 2}, {"contact_id", nullptr}, {"note", "改期"}});
  ASSERT_TRUE(ch.ok());
  EXPECT_TRUE(ch->contact_present);
  EXPECT_FALSE(ch->contact_id);  // cleared
  EXPECT_TRUE(ch->note_present);
  EXPECT_FALSE(ch->kind);
  auto keep = read_care_event_change({{"version", 2}});
  ASSERT_TRUE(keep.ok());
  EXPECT_FALSE(keep->contact_present);
  EXPECT_FALSE(keep->note_present);
  for (const auto& body :
       {nlohmann::json{{"note", "x"}}, nlohmann::json{{"version", 2}, {"kind", nullptr}},
        nlohmann::json{{"version", 2}, {"date", nullptr}}, nlohmann::json{{"version", 2}, {"yearly", nullptr}}}) {
    EXPECT_FALSE(read_care_event_change(body).ok()) << body.dump();
  }
}

}  // namespace kehu::care
