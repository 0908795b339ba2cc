// Scheduled jobs: each module offers named jobs with an interval; the server's scheduler and
// `kehu jobs run` run the due ones (a job is due when its interval has passed since its last
// run, recorded in job_runs). Time comes from the injectable clock, so tests can move it.
#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "platform/core/clock.hpp"
#include "platform/core/result.hpp"
#include "platform/db/database.hpp"

namespace kehu::jobs {

struct Job {
  std::string name;                 // "service.escalate"
  std::chrono::seconds every{300};  // how often it is due
  // Does the work; returns how many things it changed (for the log and the CLI).
  std::function<Result<std::int64_t>(db::Database& db, clock::TimePoint now)> run;
};

struct RunReport {
  std::string name;
  bool ran = false;
  std::int64_t changed = 0;
  std::string error;  // the error's message key when it failed
};

// Runs every job that is due at `now` (all of them when `force`), recording each run.
std::vector<RunReport> run_due(db::Database& db, const std::vector<Job>& jobs, clock::TimePoint now, bool force = false);

}  // namespace kehu::jobs
