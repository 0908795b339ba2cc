#include "modules/service/complaint_store.hpp"

#include <algorithm>
#include <cstdio>

#include "modules/calendar/calendar.hpp"
#include "modules/care/care.hpp"
#include "modules/customers/customers.hpp"
#include "modules/notify/notify.hpp"
#include "modules/service/request_return_visits.hpp"
#include "modules/service/service_internal.hpp"
#include "modules/service/survey.hpp"
#include "platform/auth/secrets.hpp"
#include "platform/db/sql.hpp"
#include "platform/files/files.hpp"
#include "platform/text/phone.hpp"

namespace kehu::service {
namespace {

constexpr const char* kSelect =
    "SELECT x.id, x.reference, x.customer_id, c.name, x.contact_id, k.name, x.reporter_name, x.reporter_phone, "
    "x.reporter_email, x.reporter_company, x.channel, x.category, x.severity, x.product_id, pr.name, x.order_id, "
    "x.description, x.status, x.assignee_id, a.name, x.first_response_due, x.first_response_at, x.resolution_due, "
    "x.informed_at, x.closed_at, x.escalation_level, x.resolution_plan, x.resolution, x.result_note, x.satisfaction, "
    "x.satisfaction_note, x.root_cause, x.root_cause_text, x.prevention_action, x.prevention_owner_id, po.name, "
    "x.prevention_due, x.prevention_done_at, x.reject_reason, x.reopen_count, x.version, x.created_at, x.updated_at, "
    "x.director_escalation_due, c.grade "
    "FROM complaints x LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN contacts k ON k.id = x.contact_id "
    "LEFT JOIN products pr ON pr.id = x.product_id LEFT JOIN users a ON a.id = x.assignee_id "
    "LEFT JOIN users po ON po.id = x.prevention_owner_id ";
constexpr const char* kInsert =
    "INSERT INTO complaints(reference, public_token_digest, customer_id, contact_id, reporter_name, reporter_phone, "
    "reporter_email, reporter_company, channel, category, severity, product_id, order_id, description, status, "
    "assignee_id, first_response_due, director_escalation_due, resolution_due, created_by, created_at, updated_at) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'received',?,?,?,?,?,?,?)";
constexpr const char* kEvent =
    "INSERT INTO complaint_events(complaint_id, at, user_id, action, from_status, to_status, note, public) "
    "VALUES (?,?,?,?,?,?,?,?)";
constexpr const char* kEvents =
    "SELECT e.at, e.user_id, u.name, e.action, e.from_status, e.to_status, e.note, e.public FROM complaint_events e "
    "LEFT JOIN users u ON u.id = e.user_id WHERE e.complaint_id = ? ORDER BY e.id";
constexpr const char* kFrom = "FROM complaints x LEFT JOIN customers c ON c.id = x.customer_id ";
constexpr std::size_t kMaxAttachment = 5 * 1024 * 1024;
constexpr std::int64_t kMaxAttachments = 20;

nlohmann::json opt_text(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.text(i)); }
nlohmann::json opt_int(const db::Row& r, int i) { return r.is_null(i) ? nlohmann::json() : nlohmann::json(r.i64(i)); }

std::int64_t seconds_between(const std::string& a, const std::string& b) {
  auto x = clock::parse_iso(a), y = clock::parse_iso(b);
  if (!x || !y) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(*y - *x).count();
}

nlohmann::json row_json(const db::Row& r, const std::string& now) {
  nlohmann::json j = {
      {"id", r.i64(0)},
      {"reference", r.text(1)},
      {"customer_id", opt_int(r, 2)},
      {"customer_name", opt_text(r, 3)},
      {"contact_id", opt_int(r, 4)},
      {"contact_name", opt_text(r, 5)},
      {"reporter_name", opt_text(r, 6)},
      {"reporter_phone", opt_text(r, 7)},
      {"reporter_email", opt_text(r, 8)},
      {"reporter_company", opt_text(r, 9)},
      {"channel", r.text(10)},
      {"category", r.text(11)},
      {"severity", r.text(12)},
      {"product_id", opt_int(r, 13)},
      {"product_name", opt_text(r, 14)},
      {"order_id", opt_int(r, 15)},
      {"description", r.text(16)},
      {"status", r.text(17)},
      {"assignee_id", opt_int(r, 18)},
      {"assignee_name", opt_text(r, 19)},
      {"first_response_due", r.text(20)},
      {"first_response_at", opt_text(r, 21)},
      {"resolution_due", r.text(22)},
      {"informed_at", opt_text(r, 23)},
      {"closed_at", opt_text(r, 24)},
      {"escalation_level", r.i64(25)},
      {"resolution_plan", opt_text(r, 26)},
      {"resolution", opt_text(r, 27)},
      {"result_note", opt_text(r, 28)},
      {"satisfaction", opt_int(r, 29)},
      {"satisfaction_note", opt_text(r, 30)},
      {"root_cause", opt_text(r, 31)},
      {"root_cause_text", opt_text(r, 32)},
      {"prevention_action", opt_text(r, 33)},
      {"prevention_owner_id", opt_int(r, 34)},
      {"prevention_owner_name", opt_text(r, 35)},
      {"prevention_due", opt_text(r, 36)},
      {"prevention_done_at", opt_text(r, 37)},
      {"reject_reason", opt_text(r, 38)},
      {"reopen_count", r.i64(39)},
      {"version", r.i64(40)},
      {"created_at", r.text(41)},
      {"updated_at", r.text(42)},
      {"director_escalation_due", r.text(43)},
      {"grade", opt_text(r, 44)}};
  const auto status = r.text(17);
  const bool open = status != "closed" && status != "rejected";
  const auto due = r.text(20);
  if (!r.is_null(21)) {
    j["answered_in_time"] = r.text(21) <= due;
  } else {
    j["answered_in_time"] = nullptr;
  }
  // Time left on the promise that is running: the first answer, then the resolution.
  if (open && r.is_null(21)) j["time_left_seconds"] = seconds_between(now, due);
  else if (open && r.is_null(23)) j["time_left_seconds"] = seconds_between(now, r.text(22));
  else j["time_left_seconds"] = nullptr;
  j["breached"] = r.i64(25) > 0 || (r.is_null(21) ? (open && due < now) : r.text(21) > due);
  return j;
}

// The SQL that keeps the complaints the caller sees: those on customers in scope; the service
// desk and leads also see complaints not (yet) linked to a customer.
void add_visibility(db::Sql& sql, const auth::Principal& p) {
  auto scope = customers::scope_condition(auth::scope_of(p));
  if (is_service_staff(p.role))
    sql.add("(x.customer_id IS NULL OR (c.deleted_at IS NULL AND " + scope.clause + "))", scope.params);
  else
    sql.add("(x.customer_id IS NOT NULL AND c.deleted_at IS NULL AND " + scope.clause + ")", scope.params);
}

struct Access {
  bool visible = false;
  bool handles = false;  // an account manager who may write the customer
};

Access access_to(db::Conn& c, const auth::Principal& p, const nlohmann::json& complaint) {
  Access a;
  if (complaint["customer_id"].is_null()) {
    a.visible = is_service_staff(p.role);
    return a;
  }
  const CustomerId customer(complaint["customer_id"].get<std::int64_t>());
  const auto scope = auth::scope_of(p);
  a.visible = customers::check_access(c, scope, customer, customers::Access::kRead).ok();
  a.handles = a.visible && customers::check_access(c, scope, customer, customers::Access::kWrite).ok();
  return a;
}

Error validation(const std::string& field, const std::string& key) {
  return Error(ErrorCode::kValidationFailed, "error.validation_failed").field(field, key);
}

SlaSettings load_sla(db::Conn& c, std::int64_t* version = nullptr) {
  SlaSettings s = default_sla();
  c.query("SELECT settings, version FROM service_settings WHERE id = 1", {}, [&](const db::Row& r) {
    s = sla_from_json(nlohmann::json::parse(r.text(0), nullptr, false));
    if (version) *version = r.i64(1);
  });
  return s;
}

// TS-20270201-0007: the company date and the day's running number.
std::string next_reference(db::Conn& c, clock::Date today) {
  auto d = clock::format_date(today);
  std::string day = d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
  const auto n = c.scalar_i64("SELECT count(*) FROM complaints WHERE reference LIKE ?", {"TS-" + day + "-%"}).value_or(0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "TS-%s-%04lld", day.c_str(), static_cast<long long>(n + 1));
  return buf;
}

struct Inserted {
  std::int64_t id;
};

Result<Inserted> insert(db::Conn& c, const ComplaintInput& in, std::optional<std::int64_t> by,
                        const std::optional<std::string>& token_digest, const audit::Actor& actor) {
  std::optional<std::string> grade;
  std::optional<std::int64_t> assignee;
  if (in.customer_id) {
    c.query("SELECT grade, owner_id FROM customers WHERE id = ?", {*in.customer_id}, [&](const db::Row& r) {
      if (!r.is_null(0)) grade = r.text(0);
      assignee = r.i64(1);
    });
  }
  if (in.contact_id &&
      !c.scalar_i64("SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND deleted_at IS NULL", {*in.contact_id, *in.customer_id}))
    return validation("contact_id", "service.not_a_contact");
  if (in.product_id && !c.scalar_i64("SELECT 1 FROM products WHERE id = ?", {*in.product_id}))
    return validation("product_id", "service.unknown_product");
  if (in.order_id && !c.scalar_i64("SELECT 1 FROM orders WHERE id = ? AND customer_id = ?", {*in.order_id, in.customer_id}))
    return validation("order_id", "service.not_an_order");
  const auto sla = load_sla(c);
  const auto now = clock::now();
  const auto due = due_times(sla, target_for(sla, grade, in.severity), now,
                             calendar::load_working_calendar(c, calendar::Region::kCN));
  const auto at = clock::to_iso_utc(now);
  const auto reference = next_reference(c, clock::local_date(now));
  const auto id = c.exec(kInsert, {reference, token_digest, in.customer_id, in.contact_id, in.reporter_name,
                                   in.reporter_phone, in.reporter_email, in.reporter_company, in.channel, in.category,
                                   in.severity, in.product_id, in.order_id, in.description, assignee,
                                   clock::to_iso_utc(due.first_response), clock::to_iso_utc(due.escalate_director),
                                   clock::to_iso_utc(due.resolution), by, at, at})
                      .last_id;
  c.exec(kEvent, {id, at, by, "file", nullptr, "received", nullptr, 1});
  audit::record(c, actor, "create", "complaint", id,
                audit::diff(nlohmann::json::object(),
                            nlohmann::json{{"reference", reference},
                                           {"customer_id", in.customer_id ? nlohmann::json(*in.customer_id) : nlohmann::json()},
                                           {"category", in.category},
                                           {"severity", in.severity},
                                           {"channel", in.channel}}));
  return Inserted{id};
}

std::optional<nlohmann::json> load(db::Conn& c, std::int64_t id) {
  const auto now = clock::to_iso_utc(clock::now());
  return c.one(std::string(kSelect) + "WHERE x.id = ?", {id}, [&](const db::Row& r) { return row_json(r, now); });
}

nlohmann::json timeline(db::Conn& c, std::int64_t id, bool public_only) {
  nlohmann::json out = nlohmann::json::array();
  c.query(kEvents, {id}, [&](const db::Row& r) {
    if (public_only && r.i64(7) == 0) return;
    nlohmann::json e = {{"at", r.text(0)}, {"action", r.text(3)}, {"from_status", opt_text(r, 4)}, {"to_status", opt_text(r, 5)}};
    if (!public_only) {
      e["user_id"] = opt_int(r, 1);
      e["user_name"] = opt_text(r, 2);
      e["note"] = opt_text(r, 6);
    }
    out.push_back(e);
  });
  return out;
}

// The full view for staff: the timeline and the steps the caller may take.
nlohmann::json full(db::Conn& c, const auth::Principal& p, nlohmann::json j, const Access& a) {
  j["timeline"] = timeline(c, j["id"].get<std::int64_t>(), false);
  nlohmann::json files = nlohmann::json::array();
  c.query("SELECT f.id, f.file_name, f.content_type, f.size, f.created_at, u.name FROM complaint_attachments f "
          "LEFT JOIN users u ON u.id = f.created_by WHERE f.complaint_id = ? ORDER BY f.id",
          {j["id"].get<std::int64_t>()}, [&](const db::Row& r) {
            files.push_back({{"id", r.i64(0)}, {"file_name", r.text(1)}, {"content_type", r.text(2)}, {"size", r.i64(3)},
                             {"created_at", r.text(4)}, {"created_by_name", opt_text(r, 5)}});
          });
  j["attachments"] = files;
  nlohmann::json actions = nlohmann::json::array();
  for (auto name : allowed_actions(j["status"].get<std::string>(), p.role, a.handles)) actions.push_back(std::string(name));
  if (j["status"] == "closed" && j["prevention_done_at"].is_null() && p.role != auth::Role::kAuditor)
    actions.push_back("prevention_done");
  j["actions"] = actions;
  // The complainant's phone is for those who answer them.
  if (p.role == auth::Role::kAuditor && j["reporter_phone"].is_string())
    j["reporter_phone"] = text::mask_phone(j["reporter_phone"].get<std::string>());
  return j;
}

std::int64_t median(std::vector<std::int64_t> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

Result<nlohmann::json> ComplaintStore::create(const auth::Principal& p, const ComplaintInput& in, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    KEHU_CHECK(customers::check_access(c, auth::scope_of(p), CustomerId(*in.customer_id), customers::Access::kRead));
    if (p.role == auth::Role::kAuditor) return forbidden();
    KEHU_TRY(auto ins, insert(c, in, p.user.value, std::nullopt, actor));
    auto j = *load(c, ins.id);
    return full(c, p, j, access_to(c, p, j));
  });
}

Result<std::pair<nlohmann::json, std::string>> ComplaintStore::create_public(const ComplaintInput& input,
                                                                            const audit::Actor& actor) {
  const auto token = auth::random_token(24);
  return db_.write([&](db::Conn& c) -> Result<std::pair<nlohmann::json, std::string>> {
    ComplaintInput in = input;
    // A phone that belongs to exactly one customer's contact links the complaint to it.
    if (in.reporter_phone) {
      std::vector<std::pair<std::int64_t, std::int64_t>> found;
      c.query("SELECT k.customer_id, k.id FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.mobile = ? "
              "AND k.deleted_at IS NULL AND c.deleted_at IS NULL LIMIT 2",
              {*in.reporter_phone}, [&](const db::Row& r) { found.emplace_back(r.i64(0), r.i64(1)); });
      if (found.size() == 1) {
        in.customer_id = found[0].first;
        in.contact_id = found[0].second;
      }
    }
    KEHU_TRY(auto ins, insert(c, in, std::nullopt, auth::token_digest(token), actor));
    return std::make_pair(*load(c, ins.id), token);
  });
}

Result<nlohmann::json> ComplaintStore::get(const auth::Principal& p, std::int64_t id) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto j = load(c, id);
    if (!j) return not_found();
    auto a = access_to(c, p, *j);
    if (!a.visible) return not_found();
    return full(c, p, *j, a);
  });
}

nlohmann::json ComplaintStore::list(const auth::Principal& p, const ComplaintFilter& f) {
  db::Sql sql;
  add_visibility(sql, p);
  const auto now = clock::to_iso_utc(clock::now());
  if (f.status) sql.add("x.status = ?", {*f.status});
  if (f.category) sql.add("x.category = ?", {*f.category});
  if (f.severity) sql.add("x.severity = ?", {*f.severity});
  if (f.customer_id) sql.add("x.customer_id = ?", {*f.customer_id});
  if (f.assignee_id) sql.add("x.assignee_id = ?", {*f.assignee_id});
  if (f.mine) sql.add("x.assignee_id = ?", {p.user.value});
  if (f.open) sql.add("x.status NOT IN ('closed', 'rejected')");
  if (f.breached)
    sql.add("((x.first_response_at IS NOT NULL AND x.first_response_at > x.first_response_due) OR x.escalation_level > 0 OR "
            "(x.first_response_at IS NULL AND x.status NOT IN ('closed', 'rejected') AND x.first_response_due < ?))",
            {now});
  if (f.q) sql.add("(x.reference = ? OR instr(x.description, ?) > 0)", {*f.q, *f.q});
  return db_.read([&](db::Conn& c) {
    const auto total = c.scalar_i64(std::string("SELECT count(*) ") + kFrom + sql.where, sql.params).value_or(0);
    auto params = sql.params;
    params.emplace_back(f.page_size);
    params.emplace_back((f.page - 1) * f.page_size);
    std::vector<std::int64_t> ids;
    nlohmann::json items = nlohmann::json::array();
    // Open ones first, the most urgent promise first; then the newest.
    c.query(std::string(kSelect) + sql.where +
                " ORDER BY x.status IN ('closed', 'rejected'), CASE WHEN x.first_response_at IS NULL THEN "
                "x.first_response_due ELSE x.resolution_due END, x.id DESC LIMIT ? OFFSET ?",
            params, [&](const db::Row& r) { items.push_back(row_json(r, now)); });
    return nlohmann::json{{"items", std::move(items)}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}};
  });
}

Result<nlohmann::json> ComplaintStore::act(const auth::Principal& p, std::int64_t id, Action a, const ActionInput& in,
                                           const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load(c, id);
    if (!before) return not_found();
    const auto access = access_to(c, p, *before);
    if (!access.visible) return not_found();
    if (!may_act(p.role, access.handles, a)) return forbidden();
    if ((*before)["version"].get<std::int64_t>() != in.version) return stale_version();
    const auto from = (*before)["status"].get<std::string>();
    auto to = next_status(from, a);
    if (!to) return Error(ErrorCode::kValidationFailed, "service.step_not_allowed").arg("status", from);
    if (a == Action::kClose &&
        !c.scalar_i64("SELECT 1 FROM users WHERE id = ? AND active = 1", {*in.prevention_owner_id}))
      return validation("prevention_owner_id", "service.unknown_user");
    const auto now = now_iso();
    std::string set = "status = ?, version = version + 1, updated_at = ?";
    db::Params params = {std::string(*to), now};
    auto add = [&](const char* column, db::Param v) {
      set += std::string(", ") + column + " = ?";
      params.push_back(std::move(v));
    };
    if (a == Action::kAccept || a == Action::kReject) {
      set += ", first_response_at = coalesce(first_response_at, ?)";
      params.emplace_back(now);
    }
    if (a == Action::kReject) add("reject_reason", in.note);
    if (a == Action::kPropose) add("resolution_plan", in.resolution_plan);
    if (a == Action::kInform) {
      add("result_note", in.result_note);
      add("informed_at", now);
    }
    if (a == Action::kRate) {
      add("satisfaction", in.satisfaction);
      add("satisfaction_note", in.satisfaction_note);
    }
    if (a == Action::kClose) {
      add("root_cause", in.root_cause);
      add("root_cause_text", in.root_cause_text);
      add("resolution", in.resolution);
      add("prevention_action", in.prevention_action);
      add("prevention_owner_id", in.prevention_owner_id);
      add("prevention_due", in.prevention_due ? std::optional<std::string>(clock::format_date(*in.prevention_due)) : std::nullopt);
      add("closed_at", now);
    }
    if (a == Action::kReopen) {
      set += ", reopen_count = reopen_count + 1, closed_at = NULL, prevention_done_at = NULL";
    }
    params.emplace_back(id);
    params.emplace_back(in.version);
    if (c.exec("UPDATE complaints SET " + set + " WHERE id = ? AND version = ?", params).changes == 0) return stale_version();
    // Internal steps (send back) stay off the customer's status page; notes never show there.
    const bool public_step = a != Action::kSendBack;
    c.exec(kEvent, {id, now, p.user.value, std::string(action_name(a)), from, std::string(*to), in.note, public_step ? 1 : 0});
    auto after = *load(c, id);
    // A closed complaint asks the customer how satisfied they are with its handling: the
    // survey link is in the answer to the closing step (shown once, like every token).
    nlohmann::json survey;
    if (a == Action::kClose && !after["customer_id"].is_null()) {
      std::optional<std::int64_t> contact;
      if (!after["contact_id"].is_null()) contact = after["contact_id"].get<std::int64_t>();
      KEHU_TRY(survey, invite_after_complaint(c, id, CustomerId(after["customer_id"].get<std::int64_t>()), contact, actor));
    }
    nlohmann::json changes = {{"status", {from, *to}}};
    for (const char* k : {"resolution_plan", "result_note", "satisfaction", "root_cause", "root_cause_text", "resolution",
                          "prevention_action", "prevention_owner_id", "prevention_due", "reject_reason"})
      if ((*before)[k] != after[k]) changes[k] = {(*before)[k], after[k]};
    audit::record(c, actor, std::string(action_name(a)), "complaint", id, changes);
    auto out = full(c, p, after, access_to(c, p, after));
    if (!survey.is_null()) out["survey"] = survey;
    return out;
  });
}

Result<nlohmann::json> ComplaintStore::prevention_done(const auth::Principal& p, std::int64_t id, std::int64_t version,
                                                       const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = load(c, id);
    if (!before) return not_found();
    const auto access = access_to(c, p, *before);
    if (!access.visible) return not_found();
    if (!may_act(p.role, access.handles, Action::kClose)) return forbidden();
    if ((*before)["version"].get<std::int64_t>() != version) return stale_version();
    if ((*before)["status"] != "closed" || !(*before)["prevention_done_at"].is_null())
      return Error(ErrorCode::kValidationFailed, "service.prevention_not_open");
    const auto now = now_iso();
    if (c.exec("UPDATE complaints SET prevention_done_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
               {now, now, id, version})
            .changes == 0)
      return stale_version();
    c.exec(kEvent, {id, now, p.user.value, "prevention_done", "closed", "closed", nullptr, 0});
    audit::record(c, actor, "prevention_done", "complaint", id, {{"prevention_done_at", {nullptr, now}}});
    auto after = *load(c, id);
    return full(c, p, after, access_to(c, p, after));
  });
}

Result<nlohmann::json> ComplaintStore::add_attachment(const auth::Principal& p, std::int64_t id, const std::string& file_name,
                                                      std::string_view bytes, const audit::Actor& actor) {
  if (bytes.empty()) return validation("file", "service.file_empty");
  if (bytes.size() > kMaxAttachment) return Error(ErrorCode::kTooLarge, "error.too_large");
  auto type = files::sniff_type(bytes);
  if (!type) return validation("file", "service.file_type");
  const auto name = files::clean_name(file_name);
  // Written first, outside the transaction; removed again when the record is refused.
  files::FileStore store(files_);
  KEHU_TRY(auto stored, store.put(bytes));
  auto r = db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto complaint = load(c, id);
    if (!complaint) return not_found();
    const auto access = access_to(c, p, *complaint);
    if (!access.visible) return not_found();
    if (!may_act(p.role, access.handles, Action::kInvestigate)) return forbidden();
    if (c.scalar_i64("SELECT count(*) FROM complaint_attachments WHERE complaint_id = ?", {id}).value_or(0) >= kMaxAttachments)
      return validation("file", "service.too_many_files");
    const auto now = now_iso();
    const auto aid = c.exec("INSERT INTO complaint_attachments(complaint_id, file_name, stored_name, content_type, size, sha256, "
                            "created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                            {id, name, stored, *type, static_cast<std::int64_t>(bytes.size()), auth::sha256_hex(bytes),
                             p.user.value, now})
                         .last_id;
    c.exec(kEvent, {id, now, p.user.value, "attach", nullptr, nullptr, name, 0});
    audit::record(c, actor, "attach", "complaint", id, {{"attachment", {nullptr, name}}});
    return nlohmann::json{{"id", aid}, {"file_name", name}, {"content_type", *type},
                          {"size", static_cast<std::int64_t>(bytes.size())}, {"created_at", now}};
  });
  if (!r) store.remove(stored);
  return r;
}

Result<ComplaintStore::Download> ComplaintStore::attachment(const auth::Principal& p, std::int64_t id,
                                                            std::int64_t attachment_id) {
  auto meta = db_.read([&](db::Conn& c) -> Result<std::tuple<std::string, std::string, std::string>> {
    auto complaint = load(c, id);
    if (!complaint || !access_to(c, p, *complaint).visible) return not_found();
    auto row = c.one("SELECT file_name, content_type, stored_name FROM complaint_attachments WHERE id = ? AND complaint_id = ?",
                     {attachment_id, id},
                     [](const db::Row& r) { return std::make_tuple(r.text(0), r.text(1), r.text(2)); });
    if (!row) return not_found();
    return *row;
  });
  KEHU_TRY(auto m, meta);
  auto bytes = files::FileStore(files_).get(std::get<2>(m));
  if (!bytes) return not_found();
  return Download{std::get<0>(m), std::get<1>(m), std::move(*bytes)};
}

Result<nlohmann::json> ComplaintStore::public_status(const std::string& reference, const std::string& token) {
  return db_.read([&](db::Conn& c) -> Result<nlohmann::json> {
    auto digest = c.one("SELECT id, public_token_digest FROM complaints WHERE reference = ?", {reference},
                        [](const db::Row& r) { return std::make_pair(r.i64(0), r.is_null(1) ? std::string() : r.text(1)); });
    if (!digest || digest->second.empty() || !auth::constant_time_equal(digest->second, auth::token_digest(token)))
      return not_found();
    auto j = *load(c, digest->first);
    return nlohmann::json{{"reference", j["reference"]},
                          {"status", j["status"]},
                          {"category", j["category"]},
                          {"created_at", j["created_at"]},
                          {"first_response_due", j["first_response_due"]},
                          {"first_response_at", j["first_response_at"]},
                          {"result_note", j["status"] == "informed" || j["status"] == "rated" || j["status"] == "closed"
                                              ? j["result_note"]
                                              : nlohmann::json()},
                          {"timeline", timeline(c, digest->first, true)}};
  });
}

nlohmann::json ComplaintStore::analysis(const auth::Principal& p, clock::Date from, clock::Date to) {
  db::Sql sql;
  add_visibility(sql, p);
  sql.add("x.created_at >= ? AND x.created_at < ?",
          {clock::format_date(from), clock::format_date(clock::from_day_number(clock::day_number(to) + 1))});
  const std::string base = std::string(kFrom) + sql.where;
  return db_.read([&](db::Conn& c) {
    nlohmann::json out = {{"from", clock::format_date(from)}, {"to", clock::format_date(to)}};
    auto counts = [&](const std::string& select, const std::string& group, auto&& row) {
      nlohmann::json items = nlohmann::json::array();
      c.query("SELECT " + select + ", count(*) " + base + " GROUP BY " + group + " ORDER BY count(*) DESC, 1", sql.params,
              [&](const db::Row& r) { items.push_back(row(r)); });
      return items;
    };
    out["total"] = c.scalar_i64("SELECT count(*) " + base, sql.params).value_or(0);
    out["by_category"] = counts("x.category", "x.category", [](const db::Row& r) {
      return nlohmann::json{{"key", r.text(0)}, {"count", r.i64(1)}};
    });
    out["by_severity"] = counts("x.severity", "x.severity", [](const db::Row& r) {
      return nlohmann::json{{"key", r.text(0)}, {"count", r.i64(1)}};
    });
    out["by_month"] = counts("substr(x.created_at, 1, 7)", "substr(x.created_at, 1, 7)", [](const db::Row& r) {
      return nlohmann::json{{"month", r.text(0)}, {"count", r.i64(1)}};
    });
    std::sort(out["by_month"].begin(), out["by_month"].end(),
              [](const nlohmann::json& a, const nlohmann::json& b) { return a["month"] < b["month"]; });
    out["by_product"] = counts("x.product_id, (SELECT name FROM products WHERE id = x.product_id)", "x.product_id",
                               [](const db::Row& r) {
                                 return nlohmann::json{{"product_id", opt_int(r, 0)}, {"product_name", opt_text(r, 1)},
                                                       {"count", r.i64(2)}};
                               });
    out["by_region"] = counts("c.province_code, (SELECT name FROM regions WHERE code = c.province_code)", "c.province_code",
                              [](const db::Row& r) {
                                return nlohmann::json{{"province_code", opt_text(r, 0)}, {"province", opt_text(r, 1)},
                                                      {"count", r.i64(2)}};
                              });
    // The top causes of the closed ones.
    nlohmann::json causes = nlohmann::json::array();
    c.query("SELECT x.root_cause, count(*) " + base + " AND x.root_cause IS NOT NULL GROUP BY x.root_cause ORDER BY 2 DESC, 1",
            sql.params, [&](const db::Row& r) { causes.push_back({{"key", r.text(0)}, {"count", r.i64(1)}}); });
    out["by_root_cause"] = causes;
    // Repeat complaints: customers with two or more in the period.
    nlohmann::json repeat = nlohmann::json::array();
    c.query("SELECT x.customer_id, c.name, count(*) " + base +
                " AND x.customer_id IS NOT NULL GROUP BY x.customer_id HAVING count(*) >= 2 ORDER BY 3 DESC, 1 LIMIT 50",
            sql.params, [&](const db::Row& r) {
              repeat.push_back({{"customer_id", r.i64(0)}, {"customer_name", r.text(1)}, {"count", r.i64(2)}});
            });
    out["repeat_customers"] = repeat;
    // Prevention actions not done yet (whenever the complaint was filed).
    db::Sql open_sql;
    add_visibility(open_sql, p);
    open_sql.add("x.status = 'closed' AND x.prevention_done_at IS NULL");
    nlohmann::json prevention = nlohmann::json::array();
    const auto today = clock::format_date(service::today());
    c.query("SELECT x.id, x.reference, x.prevention_action, u.name, x.prevention_due, x.version " + std::string(kFrom) +
                "LEFT JOIN users u ON u.id = x.prevention_owner_id " + open_sql.where + " ORDER BY x.prevention_due, x.id LIMIT 100",
            open_sql.params, [&](const db::Row& r) {
              prevention.push_back({{"id", r.i64(0)}, {"reference", r.text(1)}, {"prevention_action", opt_text(r, 2)},
                                    {"owner_name", opt_text(r, 3)}, {"prevention_due", opt_text(r, 4)},
                                    {"overdue", !r.is_null(4) && r.text(4) < today}, {"version", r.i64(5)}});
            });
    out["open_prevention"] = prevention;
    // The response promise: answered in time, median hours to answer and to close.
    std::vector<std::int64_t> answer, close;
    std::int64_t answered = 0, in_time = 0;
    c.query("SELECT x.created_at, x.first_response_at, x.first_response_due, x.closed_at " + base, sql.params,
            [&](const db::Row& r) {
              if (!r.is_null(1)) {
                ++answered;
                if (r.text(1) <= r.text(2)) ++in_time;
                answer.push_back(seconds_between(r.text(0), r.text(1)));
              }
              if (!r.is_null(3)) close.push_back(seconds_between(r.text(0), r.text(3)));
            });
    out["sla"] = {{"answered", answered},
                  {"answered_in_time", in_time},
                  {"in_time_per_mille", answered ? in_time * 1000 / answered : 0},
                  {"median_answer_minutes", median(answer) / 60},
                  {"median_close_minutes", median(close) / 60}};
    const auto satisfied = c.scalar_i64("SELECT count(*) " + base + " AND x.satisfaction >= 4", sql.params).value_or(0);
    const auto rated = c.scalar_i64("SELECT count(*) " + base + " AND x.satisfaction IS NOT NULL", sql.params).value_or(0);
    out["satisfaction"] = {{"rated", rated}, {"satisfied", satisfied}, {"per_mille", rated ? satisfied * 1000 / rated : 0}};
    return out;
  });
}

nlohmann::json ComplaintStore::settings() {
  return db_.read([&](db::Conn& c) {
    std::int64_t version = 1;
    auto j = to_json(load_sla(c, &version));
    j["version"] = version;
    return j;
  });
}

Result<nlohmann::json> ComplaintStore::save_settings(const SlaSettings& s, std::int64_t version, const audit::Actor& actor) {
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    auto before = to_json(load_sla(c));
    if (c.exec("UPDATE service_settings SET settings = ?, version = version + 1, updated_at = ? WHERE id = 1 AND version = ?",
               {to_json(s).dump(), now_iso(), version})
            .changes == 0)
      return stale_version();
    audit::record(c, actor, "update", "service_settings", 1, audit::diff(before, to_json(s)));
    auto j = to_json(s);
    j["version"] = version + 1;
    return j;
  });
}

std::vector<std::string> ComplaintStore::category_keys(bool active_only) {
  return db_.read([&](db::Conn& c) {
    std::vector<std::string> keys;
    c.query(std::string("SELECT key FROM complaint_categories ") + (active_only ? "WHERE active = 1 " : "") + "ORDER BY sort, id",
            {}, [&](const db::Row& r) { keys.push_back(r.text(0)); });
    return keys;
  });
}

nlohmann::json ComplaintStore::categories() {
  return db_.read([&](db::Conn& c) {
    nlohmann::json items = nlohmann::json::array();
    c.query("SELECT id, key, name_zh_cn, name_zh_tw, name_en, active, sort, version FROM complaint_categories ORDER BY sort, id",
            {}, [&](const db::Row& r) {
              items.push_back({{"id", r.i64(0)}, {"key", r.text(1)}, {"name_zh_cn", r.text(2)}, {"name_zh_tw", r.text(3)},
                               {"name_en", r.text(4)}, {"active", r.i64(5) != 0}, {"sort", r.i64(6)}, {"version", r.i64(7)}});
            });
    return nlohmann::json{{"items", std::move(items)}};
  });
}

Result<nlohmann::json> ComplaintStore::save_category(std::optional<std::int64_t> id, const nlohmann::json& body,
                                                     const audit::Actor& actor) {
  http::Fields f(body);
  const bool create = !id;
  auto key = create ? f.text("key", {.required = true, .max = 40}) : http::Field<std::string>{};
  if (!create) f.forbid("key");
  auto zh_cn = f.text("name_zh_cn", {.required = create, .max = 40});
  auto zh_tw = f.text("name_zh_tw", {.required = create, .max = 40});
  auto en = f.text("name_en", {.required = create, .max = 60});
  auto active = f.boolean("active");
  auto sort = f.integer("sort", {.min = 0, .max = 1000});
  auto version = f.integer("version", {.required = !create, .min = 1});
  if (key.value) {
    const auto& k = *key.value;
    const bool ok = !k.empty() && std::all_of(k.begin(), k.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
    if (!ok) f.fail("key", "service.category_key");
  }
  KEHU_CHECK(f.finish());
  return db_.write([&](db::Conn& c) -> Result<nlohmann::json> {
    std::int64_t row = 0;
    if (create) {
      if (c.scalar_i64("SELECT 1 FROM complaint_categories WHERE key = ?", {*key.value}))
        return Error(ErrorCode::kAlreadyExists, "error.already_exists").field("key", "service.category_exists");
      row = c.exec("INSERT INTO complaint_categories(key, name_zh_cn, name_zh_tw, name_en, active, sort) VALUES (?,?,?,?,?,?)",
                   {*key.value, *zh_cn.value, *zh_tw.value, *en.value, active.value.value_or(true) ? 1 : 0,
                    sort.value.value_or(50)})
                .last_id;
      audit::record(c, actor, "create", "complaint_category", row, audit::diff(nlohmann::json::object(), body));
    } else {
      row = *id;
      if (!c.scalar_i64("SELECT 1 FROM complaint_categories WHERE id = ?", {row})) return not_found();
      std::string set = "version = version + 1";
      db::Params params;
      auto upd = [&](const char* col, const http::Field<std::string>& v) {
        if (v.value) {
          set += std::string(", ") + col + " = ?";
          params.emplace_back(*v.value);
        }
      };
      upd("name_zh_cn", zh_cn);
      upd("name_zh_tw", zh_tw);
      upd("name_en", en);
      if (active.value) {
        set += ", active = ?";
        params.emplace_back(*active.value ? 1 : 0);
      }
      if (sort.value) {
        set += ", sort = ?";
        params.emplace_back(*sort.value);
      }
      params.emplace_back(row);
      params.emplace_back(*version.value);
      if (c.exec("UPDATE complaint_categories SET " + set + " WHERE id = ? AND version = ?", params).changes == 0)
        return stale_version();
      audit::record(c, actor, "update", "complaint_category", row, audit::diff(nlohmann::json::object(), body));
    }
    nlohmann::json out;
    c.query("SELECT id, key, name_zh_cn, name_zh_tw, name_en, active, sort, version FROM complaint_categories WHERE id = ?",
            {row}, [&](const db::Row& r) {
              out = {{"id", r.i64(0)}, {"key", r.text(1)}, {"name_zh_cn", r.text(2)}, {"name_zh_tw", r.text(3)},
                     {"name_en", r.text(4)}, {"active", r.i64(5) != 0}, {"sort", r.i64(6)}, {"version", r.i64(7)}};
            });
    return out;
  });
}

std::int64_t ComplaintStore::escalate(clock::TimePoint now) {
  const auto at = clock::to_iso_utc(now);
  auto r = db_.write([&](db::Conn& c) -> Result<std::int64_t> {
    struct Due {
      std::int64_t id;
      std::string reference;
      std::optional<std::int64_t> team;
      std::string customer;
      int level;
    };
    std::vector<Due> due;
    c.query("SELECT x.id, x.reference, u.team_id, coalesce(c.name, x.reporter_company, x.reporter_name, ''), "
            "CASE WHEN x.director_escalation_due <= ?1 THEN 2 ELSE 1 END FROM complaints x "
            "LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN users u ON u.id = c.owner_id "
            "WHERE x.first_response_at IS NULL AND x.status = 'received' AND x.first_response_due <= ?1 AND "
            "x.escalation_level < CASE WHEN x.director_escalation_due <= ?1 THEN 2 ELSE 1 END",
            {at}, [&](const db::Row& r) {
              due.push_back({r.i64(0), r.text(1), r.is_null(2) ? std::nullopt : std::optional<std::int64_t>(r.i64(2)),
                             r.text(3), static_cast<int>(r.i64(4))});
            });
    for (const auto& d : due) {
      std::vector<std::int64_t> to;
      if (d.level == 1 && d.team)
        c.query("SELECT leader_id FROM teams WHERE id = ? AND leader_id IS NOT NULL", {*d.team},
                [&](const db::Row& r) { to.push_back(r.i64(0)); });
      if (to.empty())  // level 2, or nobody leads the owner's team: the directors
        c.query("SELECT id FROM users WHERE role = 'director' AND active = 1", {}, [&](const db::Row& r) { to.push_back(r.i64(0)); });
      c.exec("UPDATE complaints SET escalation_level = ?, version = version + 1, updated_at = ? WHERE id = ?",
             {d.level, at, d.id});
      c.exec(kEvent, {d.id, at, nullptr, d.level == 2 ? "escalate_director" : "escalate_lead", "received", "received",
                      nullptr, 0});
      for (auto user : to)
        notify::notify(c, UserId(user), "complaint_escalated", "complaint", d.id,
                       d.level == 2 ? "service.notify.escalated_director" : "service.notify.escalated_lead",
                       {{"reference", d.reference}, {"customer", d.customer}});
      audit::record(c, {std::nullopt, "jobs", "local"}, "escalate", "complaint", d.id,
                    {{"escalation_level", {d.level - 1, d.level}}});
    }
    return static_cast<std::int64_t>(due.size());
  });
  return r.ok() ? r.value() : 0;
}

std::int64_t ComplaintStore::return_visits(clock::Date today) {
  auto r = db_.write([&](db::Conn& c) -> Result<std::int64_t> {
    const auto days = load_return_visit_settings(c).after_complaint_days;
    if (days <= 0) return 0;
    const auto last = clock::from_day_number(clock::day_number(today) - days);
    const auto first = clock::from_day_number(clock::day_number(last) - 7);  // catch up after downtime
    std::vector<std::pair<std::int64_t, std::int64_t>> closed;
    c.query("SELECT id, customer_id FROM complaints WHERE status = 'closed' AND customer_id IS NOT NULL AND closed_at >= ? "
            "AND closed_at < ?",
            {clock::format_date(first), clock::format_date(clock::from_day_number(clock::day_number(last) + 1))},
            [&](const db::Row& row) { closed.emplace_back(row.i64(0), row.i64(1)); });
    std::int64_t made = 0;
    for (const auto& [id, customer] : closed)
      if (care::add_return_visit_task(c, CustomerId(customer), today, "return_visit:complaint:" + std::to_string(id),
                                      "complaint:" + std::to_string(id)))
        ++made;
    return made;
  });
  return r.ok() ? r.value() : 0;
}

}  // namespace kehu::service
