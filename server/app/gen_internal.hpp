// Shared state of the benchmark data generator (gen.cpp: people and the archive;
// gen_activity.cpp: orders, payments, plans, contact logs, visits, complaints).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "platform/core/clock.hpp"
#include "platform/db/database.hpp"
#include "tools/datagen/datagen.hpp"

namespace kehu::app::gen {

struct Scale {
  std::string name;
  std::int64_t customers, account_managers, teams, order_lines, contact_logs, complaints;
};

struct GenUser {
  std::int64_t id;
  std::string username;
  std::int64_t team;  // team id, 0 none
};

struct GenProduct {
  std::int64_t id;
  std::string name, brand, spec, unit;
  std::int64_t price;
};

// What the activity pass needs to know of each customer (index = id - first_id).
struct GenCustomer {
  std::int64_t owner;        // user id
  std::int32_t since;        // day number the relationship began
  std::int32_t until;        // last day with activity (earlier for dormant/lost customers)
  std::int32_t orders = 0;   // how many orders to make
  std::int32_t logs = 0;     // how many contact logs
  std::int32_t first_contact = 0, contacts = 0;  // contact ids [first, first + contacts)
  char grade;                // 'A' 'B' 'C'
  char level;                // dealer level: 'g' general, 's' second, 't' third, 0 none
  bool debtor = false;       // keeps some old orders unpaid
  bool planned = false;      // has monthly plans
};

struct State {
  Scale scale;
  datagen::Rng rng;
  std::int32_t today;  // day number of `until`
  std::string now_iso;
  std::vector<GenUser> account_managers, leads;
  std::int64_t director = 0, service = 0;
  std::vector<GenProduct> products;
  std::int64_t first_customer = 0;
  std::vector<GenCustomer> customers;
  std::map<std::string, int> contact_name_counts;
  std::map<std::int32_t, int> complaints_per_day;  // for the TS-YYYYMMDD-NNNN references
  std::int64_t count_orders = 0, count_lines = 0, count_payments = 0, count_plans = 0, count_logs = 0,
               count_visits = 0, count_complaints = 0, count_contacts = 0;
};

std::string date_text(std::int32_t day);
std::string at_text(std::int32_t day, int hour, int minute);  // local time → UTC ISO

// gen_activity.cpp: the rows that hang off the customers in [from, to).
void write_activity(db::Conn& c, State& s, std::size_t from, std::size_t to);

}  // namespace kehu::app::gen
