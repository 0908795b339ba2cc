"""Service requests over HTTP: the fourteen service types of seed 002 per customer, with a
schedule, staff, outcome and cost; planned → done | cancelled; an inspection that repeats every
N months plans its successor when done; who may write (service desk and leads for every
customer they see, account managers for customers they may write, the auditor never); the
customer's service summary; the return-visit settings and the `service.return_visits` job
driven by `kehu jobs run`.

The clock is fixed by the harness (KEHU_NOW=2027-02-01T09:00:00+08:00): "today" is 2027-02-01.
"""
import itertools
import json
import os
import subprocess
import unittest

from kehu_harness import ServerTestCase, Session, admin_session

API = "/api/v1"
REQUESTS = API + "/service-requests"
CUSTOMERS = API + "/customers"
SETTINGS = API + "/service/return-visit-settings"
TODAY = "2027-02-01"
TABLES = ("service_requests", "service_request_staff", "audit_log")
_seq = itertools.count(1)


def uniq(prefix="服务客户"):
    return f"{prefix}{next(_seq)}号"


class ServiceRequestTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("mgra", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am2", "account_manager", team="甲组", name="王强")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("svc", "service", name="客服小罗")
        server.add_user("tech", "service", name="技术员小周")
        server.add_user("aud", "auditor", name="审计")
        server.add_user("gone", "service", name="已离职")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "mgra", "am1", "am2", "am3", "svc", "tech", "aud"):
            setattr(cls, u, Session(server, u))
        cls.admin = admin_session(server)
        gone = [u for u in cls.admin.get(API + "/users?page_size=200").body["items"] if u["username"] == "gone"][0]
        cls.gone_id = gone["id"]
        r = cls.admin.patch(f"{API}/users/{gone['id']}", {"active": False, "version": gone["version"]})
        assert r.status == 200, r

    # --- helpers -------------------------------------------------------------------------
    def customer(self, session=None, **extra):
        body = {"name": uniq(), "status": "active", "grade": "B"}
        body.update(extra)
        r = (session or self.am1).post(CUSTOMERS, body)
        self.assertStatus(r, 201, msg="create customer:")
        return r.body

    def body(self, customer, **fields):
        b = {"customer_id": customer["id"], "type": "on_site", "title": "上门换油指导", "scheduled_on": "2027-02-10",
             "staff_ids": [self.svc.id]}
        b.update(fields)
        return b

    def create(self, customer, session=None, **fields):
        r = (session or self.svc).post(REQUESTS, self.body(customer, **fields))
        self.assertStatus(r, 201, msg="create service request:")
        return r.body

    def act(self, req, action, session=None, status=200, **fields):
        body = {"version": req["version"]}
        body.update(fields)
        r = (session or self.svc).post(f"{REQUESTS}/{req['id']}/{action}", body)
        self.assertStatus(r, status, msg=f"{action}:")
        return r.body if status == 200 else r

    def ids(self, path, session=None):
        r = (session or self.svc).get(path)
        self.assertStatus(r, 200)
        return [x["id"] for x in r.body["items"]]

    def audits(self, entity_id, action):
        return self.server.count("audit_log", "entity = 'service_request' AND entity_id = ? AND action = ?",
                                 (entity_id, action))

    # --- create, read, list --------------------------------------------------------------------
    def test_service_desk_plans_a_request_for_any_customer(self):
        c = self.customer()
        x = self.create(c, type="technical_guidance", title="液压油选型指导", description="新产线 3 台注塑机",
                        scheduled_time="14:30", staff_ids=[self.tech.id, self.am1.id])
        self.assertEqual((x["customer_id"], x["customer_name"], x["type"], x["title"], x["description"]),
                         (c["id"], c["name"], "technical_guidance", "液压油选型指导", "新产线 3 台注塑机"))
        self.assertEqual((x["scheduled_on"], x["scheduled_time"], x["status"], x["overdue"], x["version"]),
                         ("2027-02-10", "14:30", "planned", False, 1))
        self.assertEqual([(s["id"], s["name"], s["active"]) for s in x["staff"]],
                         [(self.tech.id, "技术员小周", True), (self.am1.id, "李娜", True)])
        self.assertEqual((x["outcome"], x["cost"], x["done_on"], x["cancel_reason"], x["repeat_every_months"],
                          x["previous_id"], x["next_id"], x["closed_by"]), (None,) * 8)
        self.assertEqual((x["created_by"], x["created_by_name"]), (self.svc.id, "客服小罗"))
        self.assertEqual(self.audits(x["id"], "create"), 1)
        g = self.svc.get(f"{REQUESTS}/{x['id']}")
        self.assertStatus(g, 200)
        self.assertEqual(g.body, x)
        # the owner, the team lead, the director and the auditor read it too
        for s in (self.am1, self.mgra, self.dir, self.aud):
            self.assertStatus(s.get(f"{REQUESTS}/{x['id']}"), 200)
        # the service desk works for another team's customer as well
        other = self.customer(session=self.am3)
        self.create(other)

    def test_list_filters_and_paging(self):
        c = self.customer()
        a = self.create(c, type="consulting", scheduled_on="2027-02-03", staff_ids=[self.tech.id])
        b = self.create(c, type="delivery", scheduled_on="2027-02-20")
        old = self.create(c, type="payment", scheduled_on="2027-01-20")
        done = self.create(c, type="delivery", scheduled_on="2027-01-25")
        self.act(done, "done", outcome="已送达")
        base = f"{REQUESTS}?customer_id={c['id']}&page_size=200"
        self.assertEqual(self.ids(base), [b["id"], a["id"], done["id"], old["id"]])  # -scheduled_on by default
        self.assertEqual(self.ids(base + "&sort=scheduled_on"), [old["id"], done["id"], a["id"], b["id"]])
        self.assertEqual(self.ids(base + "&type=delivery"), [b["id"], done["id"]])
        self.assertEqual(self.ids(base + "&status=done"), [done["id"]])
        self.assertEqual(self.ids(base + "&from=2027-02-01&to=2027-02-10"), [a["id"]])
        self.assertEqual(self.ids(base + "&overdue=true"), [old["id"]])
        self.assertEqual(self.ids(base + "&overdue=false"), [b["id"], a["id"], done["id"]])
        self.assertEqual(self.ids(base + "&mine=true", session=self.tech), [a["id"]])
        self.assertEqual(self.ids(base + f"&staff_id={self.tech.id}"), [a["id"]])
        r = self.svc.get(f"{REQUESTS}?customer_id={c['id']}&page_size=2&page=2")
        self.assertEqual((r.body["total"], r.body["page"], r.body["page_size"], len(r.body["items"])), (4, 2, 2, 2))
        o = self.svc.get(f"{REQUESTS}/{old['id']}").body
        self.assertTrue(o["overdue"])
        for bad in ("type=repair", "status=open", "from=2027-13-01", "overdue=maybe", "mine=yes", "sort=title",
                    "customer_id=abc", "page_size=201"):
            r = self.svc.get(f"{REQUESTS}?{bad}")
            self.assertStatus(r, 400, msg=bad)
        self.assertIn("type", self.svc.get(f"{REQUESTS}?type=repair").error["fields"])

    def test_types_with_labels_in_three_languages(self):
        r = self.svc.get(REQUESTS + "/types")
        self.assertStatus(r, 200)
        keys = [t["key"] for t in r.body["items"]]
        self.assertEqual(keys, ["on_site", "fixed_point", "delegated", "consulting", "promotion_support",
                                "market_research", "technical_guidance", "delivery", "payment", "ordering",
                                "change_notice", "reception", "inspection", "senior_interview"])
        labels = {lang: {t["key"]: t["label"] for t in self.svc.get(REQUESTS + "/types",
                                                                    headers={"Accept-Language": lang}).body["items"]}
                  for lang in ("zh-CN", "zh-TW", "en")}
        self.assertEqual(labels["zh-CN"]["inspection"], "检验服务")
        self.assertEqual(labels["zh-TW"]["inspection"], "檢驗服務")
        self.assertEqual(labels["en"]["inspection"], "Inspection and testing")
        for lang, m in labels.items():
            for k, v in m.items():
                self.assertNotEqual(k, v, f"{lang} label missing for {k}")
        self.assertEqual([t["key"] for t in r.body["items"] if t["repeatable"]], ["inspection"])

    # --- who may write ---------------------------------------------------------------------------
    def test_account_managers_write_for_customers_they_may_write(self):
        c = self.customer()
        x = self.create(c, session=self.am1)
        self.assertEqual(x["created_by"], self.am1.id)
        # a colleague of the same team does not see the customer: 404, nothing stored
        before = self.server.counts(*TABLES)
        self.assertStatus(self.am2.post(REQUESTS, self.body(c)), 404, "not_found")
        self.assertStatus(self.am3.post(REQUESTS, self.body(c)), 404, "not_found")
        # a member with read access sees it but may not write: 403
        r = self.am1.post(f"{CUSTOMERS}/{c['id']}/members", {"user_id": self.am2.id, "access": "read"})
        self.assertStatus(r, (200, 201, 204))
        before = self.server.counts(*TABLES)
        self.assertStatus(self.am2.get(f"{REQUESTS}/{x['id']}"), 200)
        self.assertStatus(self.am2.post(REQUESTS, self.body(c)), 403, "forbidden")
        self.assertStatus(self.am2.patch(f"{REQUESTS}/{x['id']}", {"title": "改", "version": 1}), 403, "forbidden")
        self.act(x, "done", session=self.am2, status=403, outcome="x")
        self.assertEqual(self.server.counts(*TABLES), before)
        # the team lead writes for the team's customers
        y = self.create(c, session=self.mgra)
        self.assertEqual(y["created_by"], self.mgra.id)

    def test_read_only_roles_are_refused(self):
        c = self.customer()
        x = self.create(c)
        before = self.server.counts(*TABLES)
        self.assertStatus(self.aud.post(REQUESTS, self.body(c)), 403, "forbidden")
        self.assertStatus(self.aud.patch(f"{REQUESTS}/{x['id']}", {"title": "改", "version": 1}), 403, "forbidden")
        self.act(x, "done", session=self.aud, status=403, outcome="x")
        self.act(x, "cancel", session=self.aud, status=403, reason="x")
        self.assertStatus(self.aud.get(f"{REQUESTS}/{x['id']}"), 200)
        self.assertIn(x["id"], self.ids(f"{REQUESTS}?customer_id={c['id']}", session=self.aud))
        self.assertEqual(self.server.counts(*TABLES), before)
        anon = Session(self.server)
        self.assertStatus(anon.get(REQUESTS), 401)
        self.assertStatus(anon.post(REQUESTS, self.body(c)), 401)

    def test_outside_the_scope_is_not_found(self):
        c = self.customer()
        x = self.create(c)
        before = self.server.counts(*TABLES)
        self.assertStatus(self.am3.get(f"{REQUESTS}/{x['id']}"), 404, "not_found")
        self.assertStatus(self.am3.patch(f"{REQUESTS}/{x['id']}", {"title": "改", "version": 1}), 404, "not_found")
        self.act(x, "done", session=self.am3, status=404, outcome="x")
        self.act(x, "cancel", session=self.am3, status=404, reason="x")
        self.assertStatus(self.am3.get(f"{CUSTOMERS}/{c['id']}/service-summary"), 404, "not_found")
        self.assertNotIn(x["id"], self.ids(f"{REQUESTS}?page_size=200", session=self.am3))
        self.assertEqual(self.ids(f"{REQUESTS}?customer_id={c['id']}", session=self.am3), [])
        self.assertStatus(self.svc.get(f"{REQUESTS}/999999"), 404, "not_found")
        self.assertStatus(self.svc.post(REQUESTS, dict(self.body(c), customer_id=999999)), 404, "not_found")
        self.assertEqual(self.server.counts(*TABLES), before)

    # --- bad input -------------------------------------------------------------------------------
    def test_bad_input_names_the_field_and_stores_nothing(self):
        c = self.customer()
        before = self.server.counts(*TABLES)
        cases = [
            ({"type": "repair"}, "type"),
            ({"type": None}, "type"),
            ({"title": ""}, "title"),
            ({"title": "长" * 101}, "title"),
            ({"title": "a\u202eb"}, "title"),
            ({"description": "x" * 2001}, "description"),
            ({"scheduled_on": "2027-02-30"}, "scheduled_on"),
            ({"scheduled_on": "2026-01-31"}, "scheduled_on"),
            ({"scheduled_on": "2029-02-01"}, "scheduled_on"),
            ({"scheduled_time": "24:00"}, "scheduled_time"),
            ({"scheduled_time": "9:30"}, "scheduled_time"),
            ({"staff_ids": []}, "staff_ids"),
            ({"staff_ids": "1"}, "staff_ids"),
            ({"staff_ids": [self.svc.id, self.svc.id]}, "staff_ids[1]"),
            ({"staff_ids": [0]}, "staff_ids[0]"),
            ({"repeat_every_months": 3}, "repeat_every_months"),  # not an inspection
            ({"type": "inspection", "repeat_every_months": 0}, "repeat_every_months"),
            ({"type": "inspection", "repeat_every_months": 25}, "repeat_every_months"),
            ({"type": "inspection", "repeat_every_months": 1.5}, "repeat_every_months"),
            ({"customer_id": "abc"}, "customer_id"),
        ]
        for change, field in cases:
            r = self.svc.post(REQUESTS, self.body(c, **change))
            self.assertField(r, field)
        missing = self.svc.post(REQUESTS, {"customer_id": c["id"]})
        for field in ("type", "title", "scheduled_on", "staff_ids"):
            self.assertField(missing, field)
        # staff must be active users
        self.assertField(self.svc.post(REQUESTS, self.body(c, staff_ids=[self.svc.id, self.gone_id])), "staff_ids[1]")
        self.assertField(self.svc.post(REQUESTS, self.body(c, staff_ids=[999999])), "staff_ids[0]")
        # unknown fields and a status set by hand are 400
        self.assertStatus(self.svc.post(REQUESTS, self.body(c, status="done")), 400, "unknown_field")
        self.assertStatus(self.svc.post(REQUESTS, self.body(c, mood="好")), 400, "unknown_field")
        self.assertStatus(self.svc.post(REQUESTS, raw="{"), 400)
        self.assertEqual(self.server.counts(*TABLES), before)

    # --- edit with versions ---------------------------------------------------------------------
    def test_patch_with_version_only_while_planned(self):
        c = self.customer()
        x = self.create(c, type="inspection", title="油液检测", scheduled_time="10:00", repeat_every_months=3)
        r = self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 1, "title": "在用油抽样检测", "scheduled_time": None,
                                                    "scheduled_on": "2027-02-12", "staff_ids": [self.tech.id],
                                                    "description": "齿轮油、液压油各一份"})
        self.assertStatus(r, 200)
        y = r.body
        self.assertEqual((y["title"], y["scheduled_time"], y["scheduled_on"], y["version"], y["description"]),
                         ("在用油抽样检测", None, "2027-02-12", 2, "齿轮油、液压油各一份"))
        self.assertEqual([s["id"] for s in y["staff"]], [self.tech.id])
        self.assertEqual(self.audits(x["id"], "update"), 1)
        changes = json.loads(self.server.sql("SELECT changes FROM audit_log WHERE entity = 'service_request' AND "
                                             "entity_id = ? AND action = 'update'", (x["id"],))[0][0])
        self.assertEqual(changes["title"], {"from": "油液检测", "to": "在用油抽样检测"})
        before = self.server.counts(*TABLES)
        # a stale version changes nothing
        self.assertStatus(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 1, "title": "旧"}), 409, "stale_version")
        # the type cannot leave inspection while the request repeats; customer_id is not editable
        self.assertField(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 2, "type": "on_site"}), "repeat_every_months")
        self.assertStatus(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 2, "customer_id": c["id"]}), 400,
                          "unknown_field")
        self.assertField(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 2, "staff_ids": [self.gone_id]}), "staff_ids[0]")
        self.assertField(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 2, "title": None}), "title")
        self.assertField(self.svc.patch(f"{REQUESTS}/{x['id']}", {"title": "x"}), "version")
        self.assertEqual(self.server.counts(*TABLES), before)
        # dropping the repeat and changing the type in one step is fine
        r = self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 2, "type": "on_site", "repeat_every_months": None})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["type"], r.body["repeat_every_months"], r.body["version"]), ("on_site", None, 3))
        # once done it is no longer editable (422), a stale version still says 409 first
        d = self.act(r.body, "done", outcome="完成")
        self.assertStatus(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": d["version"], "title": "再改"}), 422,
                          "validation_failed")
        self.assertStatus(self.svc.patch(f"{REQUESTS}/{x['id']}", {"version": 1, "title": "再改"}), 409, "stale_version")

    # --- done, cancel, the repeat ----------------------------------------------------------------
    def test_done_records_outcome_cost_and_day(self):
        c = self.customer()
        x = self.create(c, type="delivery", scheduled_on="2027-01-30")
        before = self.server.counts(*TABLES)
        for fields, field in [({}, "outcome"), ({"outcome": ""}, "outcome"), ({"outcome": "ok", "cost": -1}, "cost"),
                              ({"outcome": "ok", "cost": "100"}, "cost"), ({"outcome": "ok", "done_on": "2027-02-02"}, "done_on"),
                              ({"outcome": "ok", "done_on": "01/02/2027"}, "done_on")]:
            self.assertField(self.act(x, "done", status=422, **fields), field)
        self.assertStatus(self.act(x, "done", status=400, outcome="ok", note="x"), 400, "unknown_field")
        self.assertEqual(self.server.counts(*TABLES), before)
        self.act(dict(x, version=9), "done", status=409, outcome="ok")
        d = self.act(x, "done", outcome="货已送达并签收", cost=12000, done_on="2027-01-31")
        self.assertEqual((d["status"], d["outcome"], d["cost"], d["done_on"], d["version"], d["overdue"]),
                         ("done", "货已送达并签收", 12000, "2027-01-31", 2, False))
        self.assertEqual((d["closed_by"], d["closed_by_name"], d["next_id"]), (self.svc.id, "客服小罗", None))
        self.assertEqual(self.audits(x["id"], "done"), 1)
        # defaults: cost 0, today
        y = self.act(self.create(c), "done", outcome="ok")
        self.assertEqual((y["cost"], y["done_on"]), (0, TODAY))
        # twice: 422 with the current version
        r = self.act(d, "done", status=422, outcome="again")
        self.assertEqual(r.code, "validation_failed")
        self.act(d, "cancel", status=422, reason="x")

    def test_cancel_needs_a_reason(self):
        c = self.customer()
        x = self.create(c, type="inspection", repeat_every_months=6)
        self.assertField(self.act(x, "cancel", status=422), "reason")
        self.assertField(self.act(x, "cancel", status=422, reason="  "), "reason")
        self.act(dict(x, version=5), "cancel", status=409, reason="客户停产")
        k = self.act(x, "cancel", reason="客户停产")
        self.assertEqual((k["status"], k["cancel_reason"], k["version"], k["next_id"]), ("cancelled", "客户停产", 2, None))
        self.assertEqual(self.server.count("service_requests", "previous_id = ?", (x["id"],)), 0)  # the series stops
        self.assertEqual(self.audits(x["id"], "cancel"), 1)
        self.act(k, "done", status=422, outcome="x")

    def test_a_repeating_inspection_plans_the_next_one_when_done(self):
        c = self.customer()
        x = self.create(c, type="inspection", title="在用油分析", description="每季度抽检液压油", scheduled_on="2027-01-31",
                        scheduled_time="09:30", staff_ids=[self.tech.id, self.svc.id],
                        repeat_every_months=3)
        d = self.act(x, "done", outcome="油品正常，可继续使用", cost=35000)
        self.assertIsNotNone(d["next_id"])
        n = self.svc.get(f"{REQUESTS}/{d['next_id']}").body
        self.assertEqual((n["customer_id"], n["type"], n["title"], n["description"], n["scheduled_time"]),
                         (c["id"], "inspection", "在用油分析", "每季度抽检液压油", "09:30"))
        self.assertEqual((n["scheduled_on"], n["status"], n["repeat_every_months"], n["previous_id"], n["version"]),
                         ("2027-04-30", "planned", 3, x["id"], 1))  # 01-31 + 3 months, clamped to April's end
        self.assertEqual([s["id"] for s in n["staff"]], [self.tech.id, self.svc.id])
        self.assertEqual((n["outcome"], n["cost"], n["done_on"]), (None, None, None))
        self.assertEqual(self.audits(n["id"], "create"), 1)
        # the next one of the next one
        n2 = self.act(n, "done", outcome="ok")
        self.assertEqual(self.svc.get(f"{REQUESTS}/{n2['next_id']}").body["scheduled_on"], "2027-07-30")

    def test_the_next_inspection_keeps_only_active_staff(self):
        c = self.customer()
        helper = self.server.add_user(f"temp{next(_seq)}", "service", name="临时工")
        x = self.create(c, type="inspection", repeat_every_months=1, scheduled_on="2027-01-31", staff_ids=[helper])
        u = self.admin.get(f"{API}/users/{helper}").body
        self.assertStatus(self.admin.patch(f"{API}/users/{helper}", {"active": False, "version": u["version"]}), 200)
        shown = self.svc.get(f"{REQUESTS}/{x['id']}").body
        self.assertEqual([(s["id"], s["active"]) for s in shown["staff"]], [(helper, False)])
        d = self.act(shown, "done", session=self.tech, outcome="ok")
        n = self.svc.get(f"{REQUESTS}/{d['next_id']}").body
        self.assertEqual(n["scheduled_on"], "2027-02-28")
        self.assertEqual([s["id"] for s in n["staff"]], [self.tech.id])  # whoever closed it

    # --- the customer's summary ------------------------------------------------------------------
    def test_service_summary_of_a_customer(self):
        c = self.customer()
        empty = self.am1.get(f"{CUSTOMERS}/{c['id']}/service-summary")
        self.assertStatus(empty, 200)
        self.assertEqual((empty.body["total"], empty.body["cost_this_year"], empty.body["next_planned"],
                          empty.body["last_done"]), (0, 0, None, None))
        self.assertEqual(len(empty.body["by_type"]), 14)
        last_year = self.create(c, type="inspection", scheduled_on="2026-12-28")
        self.act(last_year, "done", outcome="ok", cost=10000, done_on="2026-12-30")
        this_year = self.create(c, type="inspection", scheduled_on="2027-01-10")
        self.act(this_year, "done", outcome="ok", cost=25000, done_on="2027-01-12")
        self.create(c, type="on_site", scheduled_on="2027-01-20")  # overdue
        later = self.create(c, type="on_site", scheduled_on="2027-03-01")
        soon = self.create(c, type="consulting", scheduled_on="2027-02-05")
        cancelled = self.create(c, type="reception", scheduled_on="2027-02-15")
        self.act(cancelled, "cancel", reason="客户来访取消")
        s = self.am1.get(f"{CUSTOMERS}/{c['id']}/service-summary").body
        self.assertEqual((s["customer_id"], s["year"], s["total"], s["overdue"]), (c["id"], 2027, 6, 1))
        self.assertEqual(s["by_status"], {"planned": 3, "done": 2, "cancelled": 1})
        self.assertEqual(s["by_type"]["inspection"], {"planned": 0, "done": 2, "cancelled": 0})
        self.assertEqual(s["by_type"]["on_site"], {"planned": 2, "done": 0, "cancelled": 0})
        self.assertEqual(s["by_type"]["reception"], {"planned": 0, "done": 0, "cancelled": 1})
        self.assertEqual(s["by_type"]["delivery"], {"planned": 0, "done": 0, "cancelled": 0})
        self.assertEqual((s["cost_this_year"], s["cost_total"]), (25000, 35000))
        self.assertEqual(s["next_planned"]["id"], soon["id"])
        self.assertEqual(s["last_done"]["id"], this_year["id"])
        self.assertNotEqual(later["id"], soon["id"])
        self.assertStatus(self.aud.get(f"{CUSTOMERS}/{c['id']}/service-summary"), 200)
        self.assertStatus(self.svc.get(f"{CUSTOMERS}/999999/service-summary"), 404, "not_found")

    # --- return visits ---------------------------------------------------------------------------
    def test_return_visit_settings(self):
        r = self.am1.get(SETTINGS)
        self.assertStatus(r, 200)
        s = r.body
        self.assertEqual((s["after_order_days"], s["after_complaint_days"]), (7, 3))
        before = self.server.counts("audit_log")
        for who in (self.am1, self.mgra, self.svc, self.aud):
            self.assertStatus(who.put(SETTINGS, {"after_order_days": 5, "after_complaint_days": 2, "version": s["version"]}),
                              403, "forbidden")
        for body, field in [({"after_order_days": 0, "after_complaint_days": 3}, "after_order_days"),
                            ({"after_order_days": 7, "after_complaint_days": 91}, "after_complaint_days"),
                            ({"after_order_days": 7}, "after_complaint_days"),
                            ({"after_order_days": "7", "after_complaint_days": 3}, "after_order_days")]:
            self.assertField(self.dir.put(SETTINGS, dict(body, version=s["version"])), field)
        self.assertField(self.dir.put(SETTINGS, {"after_order_days": 7, "after_complaint_days": 3}), "version")
        self.assertStatus(self.dir.put(SETTINGS, {"after_order_days": 7, "after_complaint_days": 3, "version": s["version"],
                                                  "enabled": True}), 400, "unknown_field")
        self.assertEqual(self.server.counts("audit_log"), before)
        r = self.dir.put(SETTINGS, {"after_order_days": 5, "after_complaint_days": 2, "version": s["version"]})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["after_order_days"], r.body["after_complaint_days"], r.body["version"]),
                         (5, 2, s["version"] + 1))
        self.assertStatus(self.admin.put(SETTINGS, {"after_order_days": 9, "after_complaint_days": 9,
                                                    "version": s["version"]}), 409, "stale_version")
        self.assertEqual(self.server.count("audit_log", "entity = 'return_visit_settings' AND action = 'update'"), 1)
        # back to the defaults for the job test
        r = self.admin.put(SETTINGS, {"after_order_days": 7, "after_complaint_days": 3, "version": r.body["version"]})
        self.assertStatus(r, 200)

    def run_jobs(self, now, force=False):
        env = dict(os.environ, KEHU_TEST_MODE="1", KEHU_NOW=now)
        args = [os.environ.get("KEHU_BIN", "/work/main/build/server/kehu"), "jobs", "run", "--db", self.server.db]
        if force:
            args.append("--force")
        out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, check=True).stdout
        # one JSON object per job (the test-clock warning may share stdout)
        return {j["job"]: j for j in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}

    def test_return_visit_tasks_after_orders_through_the_job(self):
        c = self.dir.post(CUSTOMERS, {"name": uniq("回访客户"), "status": "active", "credit_limit": 100_000_000,
                                      "owner_id": self.am1.id}).body
        p = self.dir.post(API + "/products", {"brand": "长城", "name": uniq("液压油"), "spec": "18L", "unit": "桶",
                                              "price": 50000}).body
        orders = {}
        for day in ("2027-01-17", "2027-01-18", "2027-01-25", "2027-01-26", "2027-02-01"):
            r = self.am1.post(API + "/orders", {"customer_id": c["id"], "date": day,
                                                "lines": [{"product_id": p["id"], "quantity": 2}]})
            self.assertStatus(r, 201, msg=f"order on {day}:")
            orders[day] = r.body["id"]

        def tasks():
            return self.server.sql("SELECT source_key, subject, due_date, user_id, customer_id FROM care_tasks "
                                   "WHERE kind = 'return_visit' AND customer_id = ? ORDER BY id", (c["id"],))

        jobs = self.run_jobs("2027-02-01T09:00:00+08:00", force=True)
        self.assertTrue(jobs["service.return_visits"]["ran"])
        self.assertEqual(jobs["service.return_visits"]["changed"], 2)
        # the order 7 days ago, and the one 14 days ago (caught up); not 15 days ago, not 6
        self.assertEqual(tasks(), [(f"return_visit:order:{orders[d]}", f"order:{orders[d]}", TODAY, self.am1.id, c["id"])
                                   for d in ("2027-01-18", "2027-01-25")])
        # the owner sees them on the care list
        mine = self.am1.get(f"{API}/tasks?customer_id={c['id']}&kind=return_visit").body["items"]
        self.assertEqual(sorted(t["subject"] for t in mine), sorted(f"order:{orders[d]}" for d in ("2027-01-18", "2027-01-25")))
        # idempotent: run again (forced) the same day
        self.assertEqual(self.run_jobs("2027-02-01T09:30:00+08:00", force=True)["service.return_visits"]["changed"], 0)
        # not due again within the hour
        self.assertFalse(self.run_jobs("2027-02-01T09:30:00+08:00")["service.return_visits"]["ran"])
        # the next day the 2027-01-26 order comes due
        jobs = self.run_jobs("2027-02-02T10:00:00+08:00")
        self.assertEqual(jobs["service.return_visits"]["changed"], 1)
        self.assertEqual(tasks()[-1][:3], (f"return_visit:order:{orders['2027-01-26']}", f"order:{orders['2027-01-26']}",
                                           "2027-02-02"))
        # a logged contact closes the return visit
        r = self.am1.post(API + "/contact-logs", {"customer_id": c["id"], "kind": "call", "summary": "回访：油品使用正常"})
        self.assertStatus(r, 201)
        self.assertEqual(self.server.count("care_tasks", "kind = 'return_visit' AND customer_id = ? AND status = 'open' "
                                           "AND due_date <= '2027-02-01'", (c["id"],)), 0)


if __name__ == "__main__":
    unittest.main()
