#include "platform/jobs/jobs.hpp"

namespace kehu::jobs {
namespace {

constexpr const char* kLastRun = "SELECT last_run_at FROM job_runs WHERE name = ?";
constexpr const char* kRecord =
    "INSERT INTO job_runs(name, last_run_at, last_changed, last_error) VALUES (?,?,?,?) ON CONFLICT(name) DO UPDATE SET "
    "last_run_at = excluded.last_run_at, last_changed = excluded.last_changed, last_error = excluded.last_error";

}  // namespace

std::vector<RunReport> run_due(db::Database& db, const std::vector<Job>& jobs, clock::TimePoint now, bool force) {
  std::vector<RunReport> out;
  for (const auto& job : jobs) {
    RunReport rep{job.name};
    auto last = db.read([&](db::Conn& c) {
      return c.one(kLastRun, {job.name}, [](const db::Row& r) { return r.text(0); });
    });
    std::optional<clock::TimePoint> last_at;
    if (last) last_at = clock::parse_iso(*last);
    if (!force && last_at && now < *last_at + job.every) {
      out.push_back(rep);
      continue;
    }
    rep.ran = true;
    auto r = job.run(db, now);
    if (r) rep.changed = *r;
    else rep.error = r.error().message;
    (void)db.write([&](db::Conn& c) -> Status {
      c.exec(kRecord, {job.name, clock::to_iso_utc(now), rep.changed,
                       rep.error.empty() ? std::optional<std::string>() : std::optional<std::string>(rep.error)});
      return ok_status();
    });
    out.push_back(rep);
  }
  return out;
}

}  // namespace kehu::jobs
