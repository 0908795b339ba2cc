#pragma once
#include <string>

#include "platform/db/database.hpp"

namespace kehu::app {

struct DemoSummary {
  int users = 0, teams = 0, customers = 0, contacts = 0, products = 0, orders = 0, plans = 0, contact_logs = 0, visits = 0, complaints = 0,
      service_requests = 0, surveys = 0;
  std::string password;  // shared by every demo user except admin
};

// A believable lubricant maker selling through dealers: ~20 users in 3 teams, 2,000
// customers over the provinces with contacts. Deterministic apart from the password.
DemoSummary create_demo(db::Database& db, int customers = 2000);

}  // namespace kehu::app
