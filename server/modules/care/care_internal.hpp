// Inside the care module: each area registers its own routes and messages; the module
// object calls them all. Not for other modules (they include care/care.hpp).
#pragma once
#include "platform/auth/auth.hpp"
#include "platform/core/clock.hpp"
#include "platform/http/router.hpp"

namespace kehu::care {

// "Today" in the company's time zone, from the injectable clock.
inline clock::Date today() { return clock::local_date(clock::now()); }
inline std::string now_iso() { return clock::to_iso_utc(clock::now()); }

void register_log_routes(http::Router& r, auth::Auth& a);        // contact logs, promises
void register_task_routes(http::Router& r, auth::Auth& a);       // care tasks, today, settings, overdue
void register_visit_routes(http::Router& r, auth::Auth& a);      // visit plans, approval, reports
void register_event_routes(http::Router& r, auth::Auth& a);      // milestones, regional events, staff changes
void register_feed_routes(http::Router& r, auth::Auth& a);       // the iCalendar subscription

void register_log_messages();
void register_task_messages();
void register_visit_messages();
void register_event_messages();
void register_feed_messages();

}  // namespace kehu::care
