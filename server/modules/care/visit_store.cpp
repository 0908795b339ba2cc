#include "modules/care/visit_store.hpp"

#include <map>

#include "modules/care/care_internal.hpp"
#include "modules/customers/customers.hpp"
#include "platform/db/sql.hpp"

namespace kehu::care {
namespace {

constexpr const char* kSelect =
    "SELECT v.id, v.customer_id, c.name, v.date, v.purpose, v.participants, v.leader_visit, v.status, "
    "v.decision_comment, v.decided_by, coalesce(d.name, ''), v.decided_at, v.findings, v.needs, v.problems, "
    "v.follow_ups, v.next_visit_date, v.reported_at, v.review_comment, v.reviewed_by, coalesce(rv.name, ''), "
    "v.reviewed_at, v.user_id, coalesce(u.name, ''), v.team_id, coalesce(t.name, ''), v.version, v.created_at, "
    "v.updated_at FROM visits v JOIN customers c ON c.id = v.customer_id LEFT JOIN users d ON d.id = v.decided_by "
    "LEFT JOIN users rv ON rv.id = v.reviewed_by LEFT JOIN users u ON u.id = v.user_id "
    "LEFT JOIN teams t ON t.id = v.team_id ";
constexpr const char* kCount = "SELECT count(*) FROM visits v JOIN customers c ON c.id = v.customer_id ";
constexpr const char* kInsert =
    "INSERT INTO visits(customer_id, date, purpose, participants, leader_visit, status, user_id, team_id, created_at, "
    "updated_at) VALUES (?,?,?,?,?,'submitted',?,?,?,?)";
constexpr const char* kUpdatePlan =
    "UPDATE visits SET date = ?, purpose = ?, participants = ?, leader_visit = ?, status = 'submitted', "
    "version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
constexpr const char* kDecide =
    "UPDATE visits SET status = ?, decision_comment = ?, decided_by = ?, decided_at = ?, version = version + 1, "
    "updated_at = ? WHERE id = ? AND version = ? AND status = 'submitted'";
constexpr const char* kReport =
    "UPDATE visits SET status = 'reported', findings = ?, needs = ?, problems = ?, follow_ups = ?, next_visit_date = "
    "?, "
    "reported_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'approved'";
constexpr const char* kReview =
    "UPDATE visits SET status = 'reviewed', review_comment = ?, reviewed_by = ?, reviewed_at = ?, version = version + "
    "1, "
    "updated_at = ? WHERE id = ? AND version = ? AND status = 'reported'";
constexpr const char* kOverdue = "v.status IN ('approved','submitted') AND v.date < ?";
constexpr const char* kToday =
    "SELECT v.id, v.customer_id, c.name, v.date, v.purpose, v.status, v.user_id, coalesce(u.name, '') FROM visits v "
    "JOIN customers c ON c.id = v.customer_id LEFT JOIN users u ON u.id = v.user_id ";
constexpr int kTodayLimit = 50;

// A visit as stored, with what the rules need next to its JSON.
struct Loaded {
  nlohmann::json j;
  VisitParties parties;
  VisitStatus status = VisitStatus::kSubmitted;
  clock::Date date;
  CustomerId customer;
  std::int64_t version = 0;
};

Loaded from_row(const db::Row& r) {
  auto opt = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); };
  auto opt_id = [&](int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); };
  Loaded l;
  auto participants = nlohmann::json::parse(r.text(5), nullptr, false);
  if (!participants.is_array()) participants = nlohmann::json::array();
  l.j = {{"id", r.i64(0)},
         {"customer_id", r.i64(1)},
         {"customer_name", r.text(2)},
         {"date", r.text(3)},
         {"purpose", r.text(4)},
         {"participants", participants},
         {"leader_visit", r.i64(6) != 0},
         {"status", r.text(7)},
         {"decision_comment", opt(8)},
         {"decided_by", opt_id(9)},
         {"decided_by_name", r.is_null(9) ? nlohmann::json() : nlohmann::json(r.text(10))},
         {"decided_at", opt(11)},
         {"findings", opt(12)},
         {"needs", opt(13)},
         {"problems", opt(14)},
         {"follow_ups", opt(15)},
         {"next_visit_date", opt(16)},
         {"reported_at", opt(17)},
         {"review_comment", opt(18)},
         {"reviewed_by", opt_id(19)},
         {"reviewed_by_name", r.is_null(19) ? nlohmann::json() : nlohmann::json(r.text(20))},
         {"reviewed_at", opt(21)},
         {"user_id", r.i64(22)},
         {"user_name", r.text(23)},
         {"team_id", opt_id(24)},
         {"team_name", r.is_null(24) ? nlohmann::json() : nlohmann::json(r.text(25))},
         {"version", r.i64(26)},
         {"created_at", r.text(27)},
         {"updated_at", r.text(28)}};
  l.parties.planner = UserId(r.i64(22));
  if (auto t = r.opt_i64(24)) l.parties.team = TeamId(*t);
  l.status = parse_visit_status(r.text(7)).value_or(VisitStatus::kSubmitted);
  l.date = clock::parse_date(r.text(3)).value_or(clock::Date{});
  l.customer = CustomerId(r.i64(1));
  l.version = r.i64(26);
  return l;
}

// The JSON for `p`: with `overdue` and the `actions` the caller may take now.
nlohmann::json render(const Loaded& l, const auth::Principal& p, clock::Date today) {
  nlohmann::json out = l.j;
  out["overdue"] = is_overdue(l.status, l.date, today);
  nlohmann::json actions = nlohmann::json::array();
  for (auto a : available_actions(p, l.parties, l.status, l.date, today)) actions.push_back(action_name(a));
  out["actions"] = actions;
  return out;
}

std::optional<Loaded> load(db::Conn& c, std::int64_t id) {
  return c.one(std::string(kSelect) + "WHERE v.id = ?", {id}, from_row);
}

// A visit the caller may see (its customer in the scope, not in the recycle bin), or 404;
// with `write`, 403 when the caller may only read the customer.
Result<Loaded> visible(db::Conn& c, const auth::Principal& p, std::int64_t id, customers::Access a) {
  auto l = load(c, id);
  if (!l) return not_found();
  KEHU_CHECK(customers::check_access(c, auth::scope_of(p), l->customer, a));
  return std::move(*l);
}

Error wrong_state(VisitAction a) {
  return Error(ErrorCode::kValidationFailed, "care.visit_cannot_" + std::string(action_name(a)));
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

std::string participants_text(const std::vector<std::string>& names) { return nlohmann::json(names).dump(); }

// The SQL condition "the caller leads this visit" (see may_lead), on visits `v`.
std::pair<std::string, db::Params> lead_condition(const auth::Principal& p) {
  using R = auth::Role;
  if (p.role == R::kAdmin || p.role == R::kDirector) return {"1 = 1", {}};
  if (p.role == R::kManager && p.team) return {"(v.team_id = ? AND v.user_id <> ?)", {p.team->value, p.user.value}};
  return {"0 = 1", {}};
}

nlohmann::json plan_audit(const nlohmann::json& v) {
  return {{"date", v["date"]},
          {"purpose", v["purpose"]},
          {"participants", v["participants"]},
          {"leader_visit", v["leader_visit"]},
          {"status", v["status"]}};
}

}  // namespace

Result<nlohmann::json> VisitStore::create(const auth::Principal& p, const PlanInput& in, clock::Date today,
                                          const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(in.customer_id), customers::Access::kWrite));
    const auto now = now_iso();
    const std::optional<std::int64_t> team = p.team ? std::optional<std::int64_t>(p.team->value) : std::nullopt;
    const auto id = c.exec(kInsert, {in.customer_id, clock::format_date(in.date), in.purpose,
                                     participants_text(in.participants), in.leader_visit, p.user.value, team, now, now})
                        .last_id;
    auto l = *load(c, id);
    auto changes = plan_audit(l.j);
    changes["customer_id"] = in.customer_id;
    audit::record(c, actor, "create", "visit", id, changes);
    return render(l, p, today);
  });
}

Result<nlohmann::json> VisitStore::update(const auth::Principal& p, std::int64_t id, const PlanChange& ch,
                                          clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, visible(c, p, id, customers::Access::kWrite));
    if (!may_act(p, before.parties, VisitAction::kEdit)) return Error(ErrorCode::kForbidden, "care.visit_not_planner");
    if (before.version != ch.version) return stale_version();
    if (!next_status(before.status, VisitAction::kEdit)) return wrong_state(VisitAction::kEdit);
    const auto date = ch.date.value_or(before.date);
    if (!plan_date_ok(date, today)) return validation("date", "care.visit_date_range");
    const auto purpose = ch.purpose.value_or(before.j["purpose"].get<std::string>());
    const auto participants = ch.participants ? participants_text(*ch.participants) : before.j["participants"].dump();
    const bool leader = ch.leader_visit.value_or(before.j["leader_visit"].get<bool>());
    if (c.exec(kUpdatePlan, {clock::format_date(date), purpose, participants, leader, now_iso(), id, ch.version})
            .changes == 0)
      return stale_version();
    auto after = *load(c, id);
    audit::record(c, actor, "update", "visit", id, audit::diff(plan_audit(before.j), plan_audit(after.j)));
    return render(after, p, today);
  });
}

Result<nlohmann::json> VisitStore::decide(const auth::Principal& p, std::int64_t id, VisitAction a,
                                          const VisitDecision& d, clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, visible(c, p, id, customers::Access::kRead));
    if (!may_act(p, before.parties, a)) return Error(ErrorCode::kForbidden, "care.visit_not_lead");
    if (before.version != d.version) return stale_version();
    auto to = next_status(before.status, a);
    if (!to) return wrong_state(a);
    const auto now = now_iso();
    const auto changed =
        a == VisitAction::kReview
            ? c.exec(kReview, {d.comment, p.user.value, now, now, id, d.version}).changes
            : c.exec(kDecide, {status_name(*to), d.comment, p.user.value, now, now, id, d.version}).changes;
    if (changed == 0) return stale_version();
    auto after = *load(c, id);
    audit::record(c, actor, action_name(a), "visit", id,
                  {{"status", {{"from", status_name(before.status)}, {"to", status_name(*to)}}},
                   {"comment", d.comment ? nlohmann::json(*d.comment) : nlohmann::json()}});
    return render(after, p, today);
  });
}

Result<nlohmann::json> VisitStore::report(const auth::Principal& p, std::int64_t id, const ReportInput& in,
                                          clock::Date today, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto before, visible(c, p, id, customers::Access::kWrite));
    if (!may_act(p, before.parties, VisitAction::kReport))
      return Error(ErrorCode::kForbidden, "care.visit_not_planner");
    if (before.version != in.version) return stale_version();
    if (!next_status(before.status, VisitAction::kReport)) return wrong_state(VisitAction::kReport);
    if (!report_allowed(before.date, today)) return Error(ErrorCode::kValidationFailed, "care.visit_report_too_early");
    if (in.next_visit_date && *in.next_visit_date <= before.date)
      return validation("next_visit_date", "care.visit_next_after_visit");
    const auto now = now_iso();
    const std::optional<std::string> next =
        in.next_visit_date ? std::optional<std::string>(clock::format_date(*in.next_visit_date)) : std::nullopt;
    if (c.exec(kReport, {in.findings, in.needs, in.problems, in.follow_ups, next, now, now, id, in.version}).changes ==
        0)
      return stale_version();
    auto after = render(*load(c, id), p, today);
    if (on_report_) KEHU_CHECK(on_report_(c, p, after, actor));
    audit::record(c, actor, "report", "visit", id,
                  {{"status", {{"from", status_name(before.status)}, {"to", "reported"}}},
                   {"next_visit_date", next ? nlohmann::json(*next) : nlohmann::json()}});
    return after;
  });
}

Result<nlohmann::json> VisitStore::get(const auth::Principal& p, std::int64_t id, clock::Date today) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_TRY(auto l, visible(c, p, id, customers::Access::kRead));
    return render(l, p, today);
  });
}

nlohmann::json VisitStore::list(const auth::Principal& p, const VisitFilter& f, clock::Date today) {
  db::Sql sql;
  sql.add("c.deleted_at IS NULL");
  auto scope = customers::scope_condition(auth::scope_of(p));
  sql.add(scope.clause, scope.params);
  if (f.status) sql.add("v.status = ?", {*f.status});
  if (f.customer_id) sql.add("v.customer_id = ?", {*f.customer_id});
  if (f.from) sql.add("v.date >= ?", {clock::format_date(*f.from)});
  if (f.to) sql.add("v.date <= ?", {clock::format_date(*f.to)});
  if (f.mine) sql.add("v.user_id = ?", {p.user.value});
  if (f.overdue)
    sql.add(*f.overdue ? std::string(kOverdue) : "NOT (" + std::string(kOverdue) + ")", {clock::format_date(today)});
  if (f.awaiting) {
    auto [clause, params] = lead_condition(p);
    sql.add(*f.awaiting == "review" ? "v.status = 'reported'" : "v.status = 'submitted'");
    sql.add(clause, params);
  }
  static const std::map<std::string, std::string> kSortColumns = {
      {"date", "v.date"}, {"created_at", "v.created_at"}, {"updated_at", "v.updated_at"}};
  const char* dir = f.sort.descending ? " DESC" : " ASC";
  const std::string order = " ORDER BY " + kSortColumns.at(f.sort.field) + dir + ", v.id" + dir + " LIMIT ? OFFSET ?";
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64(kCount + sql.where, sql.params).value_or(0);
    auto params = sql.params;
    params.emplace_back(f.page_size);
    params.emplace_back((f.page - 1) * f.page_size);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kSelect) + sql.where + order, params,
            [&](const db::Row& r) { items.push_back(render(from_row(r), p, today)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}};
  });
}

nlohmann::json visits_for_today(db::Conn& c, const auth::Principal& p, clock::Date today) {
  const auto scope = customers::scope_condition(auth::scope_of(p));
  const auto day = clock::format_date(today);
  auto fetch = [&](const std::string& clause, const db::Params& clause_params, const char* order) {
    db::Sql sql;
    sql.add("c.deleted_at IS NULL");
    sql.add(scope.clause, scope.params);
    sql.add(clause, clause_params);
    auto params = sql.params;
    params.emplace_back(kTodayLimit);
    nlohmann::json items = nlohmann::json::array();
    c.query(std::string(kToday) + sql.where + " ORDER BY " + order + " LIMIT ?", params, [&](const db::Row& r) {
      items.push_back({{"id", r.i64(0)},
                       {"customer_id", r.i64(1)},
                       {"customer_name", r.text(2)},
                       {"date", r.text(3)},
                       {"purpose", r.text(4)},
                       {"status", r.text(5)},
                       {"user_id", r.i64(6)},
                       {"user_name", r.text(7)}});
    });
    return items;
  };
  const std::int64_t me = p.user.value;
  nlohmann::json out;
  out["planned_today"] =
      fetch("v.user_id = ? AND v.date = ? AND v.status IN ('approved','submitted')", {me, day}, "v.id");
  out["overdue_reports"] = fetch("v.user_id = ? AND " + std::string(kOverdue), {me, day}, "v.date, v.id");
  auto [lead, lead_params] = lead_condition(p);
  out["awaiting_decision"] = fetch("v.status = 'submitted' AND " + lead, lead_params, "v.date, v.id");
  out["awaiting_review"] = fetch("v.status = 'reported' AND " + lead, lead_params, "v.updated_at, v.id");
  return out;
}

}  // namespace kehu::care
