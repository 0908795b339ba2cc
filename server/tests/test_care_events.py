"""Care events over HTTP: customer milestones and personal events of contacts (CRUD, soft
delete, versions), regional events (preview the customers of a province or city, create
one care task per customer for its owner, who may, what each caller sees) and staff changes
(a contact left: the archive's flag, the staff change, the owner's task; the successor; the
history). Bad input stores nothing; outside the scope is 404; every write is audited.
The clock is fixed at 2027-02-01."""
import itertools
import json
import unittest

from kehu_harness import ServerTestCase, Session, q

API = "/api/v1"
_seq = itertools.count(1)
PEOPLE = ("mgr", "am1", "am2", "mgr2", "am3", "dir", "svc", "aud")


class CareTestCase(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("mgr", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am2", "account_manager", team="甲组", name="王强")
        server.add_user("mgr2", "manager", team="乙组", name="刘经理")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("dir", "director", name="赵总")
        server.add_user("svc", "service", name="客服")
        server.add_user("aud", "auditor", name="审计")

    @classmethod
    def setup_sessions(cls, server):
        for u in PEOPLE:
            setattr(cls, u, Session(server, u))

    def customer(self, session=None, contacts=(), **extra):
        body = {"type": "company", "name": f"关怀测试{next(_seq)}号实业有限公司"}
        body.update(extra)
        if contacts:
            body["contacts"] = [{"name": n} if isinstance(n, str) else n for n in contacts]
        r = (session or self.am1).post(API + "/customers", body)
        self.assertStatus(r, 201)
        c = (session or self.am1).get(f"{API}/customers/{r.body['id']}").body
        return c

    def audits(self, entity, action, entity_id=None):
        if entity_id is None:
            return self.server.count("audit_log", "entity = ? AND action = ?", (entity, action))
        return self.server.count("audit_log", "entity = ? AND action = ? AND entity_id = ?", (entity, action, entity_id))


class CareEventsTest(CareTestCase):
    def test_milestones_and_personal_events(self):
        c = self.customer(contacts=["张伟", "刘芳"])
        zhang = c["contacts"][0]["id"]
        path = f"{API}/customers/{c['id']}/care-events"
        r = self.am1.post(path, {"kind": "store_opening", "date": "2027-03-18", "note": "新店开业，送花篮"})
        self.assertStatus(r, 201)
        opening = r.body
        self.assertEqual((opening["kind"], opening["date"], opening["yearly"], opening["contact_id"], opening["version"],
                          opening["created_by_name"]), ("store_opening", "2027-03-18", False, None, 1, "李娜"))
        r = self.am1.post(path, {"kind": "company_anniversary", "date": "2005-06-01"})
        self.assertStatus(r, 201)
        self.assertTrue(r.body["yearly"], "an anniversary repeats by default")
        r = self.am1.post(path, {"kind": "wedding", "date": "2027-05-01", "contact_id": zhang, "yearly": True})
        self.assertStatus(r, 201)
        self.assertEqual((r.body["contact_id"], r.body["contact_name"], r.body["yearly"]), (zhang, "张伟", True))
        items = self.am1.get(path).body
        self.assertEqual(items["total"], 3)
        self.assertEqual([x["kind"] for x in items["items"]], ["company_anniversary", "store_opening", "wedding"])  # by date
        self.assertEqual(self.svc.get(path).body["total"], 3)  # read-only roles read
        self.assertEqual(self.audits("care_event", "create", opening["id"]), 1)

    def test_bad_input_stores_nothing(self):
        c = self.customer(contacts=["张伟"])
        other = self.customer(contacts=["外人"])
        path = f"{API}/customers/{c['id']}/care-events"
        before = self.server.counts("care_events", "audit_log")
        for body, field in (({"kind": "birthday", "date": "2027-03-01"}, "kind"),
                            ({"date": "2027-03-01"}, "kind"),
                            ({"kind": "store_opening"}, "date"),
                            ({"kind": "store_opening", "date": "2027/03/01"}, "date"),
                            ({"kind": "store_opening", "date": "1899-12-31"}, "date"),
                            ({"kind": "store_opening", "date": "2040-01-01"}, "date"),
                            ({"kind": "illness", "date": "2027-01-20"}, "contact_id"),
                            ({"kind": "accident", "date": "2027-01-20", "contact_id": other["contacts"][0]["id"]}, "contact_id"),
                            ({"kind": "wedding", "date": "2027-01-20", "contact_id": 0}, "contact_id"),
                            ({"kind": "other", "date": "2027-01-20"}, "note"),
                            ({"kind": "other", "date": "2027-01-20", "note": "x" * 2001}, "note"),
                            ({"kind": "store_opening", "date": "2027-01-20", "yearly": 1}, "yearly")):
            self.assertField(self.am1.post(path, body), field)
        self.assertStatus(self.am1.post(path, {"kind": "store_opening", "date": "2027-03-01", "title": "x"}), 400, "unknown_field")
        self.assertStatus(self.am1.post(f"{API}/customers/999999/care-events", {"kind": "other", "date": "2027-03-01", "note": "x"}), 404)
        self.assertEqual(self.server.counts("care_events", "audit_log"), before)

    def test_update_delete_versions_and_scope(self):
        c = self.customer(contacts=["张伟", "刘芳"])
        zhang, liu = c["contacts"][0]["id"], c["contacts"][1]["id"]
        path = f"{API}/customers/{c['id']}/care-events"
        e = self.am1.post(path, {"kind": "illness", "date": "2027-01-28", "contact_id": zhang, "note": "住院"}).body
        epath = f"{API}/care-events/{e['id']}"
        # outside the scope: 404; visible read-only: 403
        self.assertStatus(self.am3.get(path), 404, "not_found")
        self.assertStatus(self.am3.post(path, {"kind": "other", "date": "2027-03-01", "note": "x"}), 404, "not_found")
        self.assertStatus(self.am3.patch(epath, {"version": 1, "note": "x"}), 404, "not_found")
        self.assertStatus(self.am3.delete(epath + "?version=1"), 404, "not_found")
        self.assertStatus(self.svc.patch(epath, {"version": 1, "note": "x"}), 403, "forbidden")
        self.assertStatus(self.aud.post(path, {"kind": "other", "date": "2027-03-01", "note": "x"}), 403, "forbidden")
        # changes
        r = self.am1.patch(epath, {"version": 1, "contact_id": liu, "date": "2027-01-29"})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["contact_id"], r.body["contact_name"], r.body["date"], r.body["note"], r.body["version"]),
                         (liu, "刘芳", "2027-01-29", "住院", 2))
        self.assertStatus(self.am1.patch(epath, {"version": 1, "note": "旧版本"}), 409, "stale_version")
        self.assertField(self.am1.patch(epath, {"version": 2, "contact_id": None}), "contact_id")  # illness needs a contact
        self.assertField(self.am1.patch(epath, {"version": 2, "kind": None}), "kind")
        self.assertStatus(self.am1.patch(epath, {"version": 2, "customer_id": 1}), 400, "unknown_field")
        r = self.am1.patch(epath, {"version": 2, "kind": "project_completion", "contact_id": None, "note": None})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["kind"], r.body["contact_id"], r.body["note"]), ("project_completion", None, None))
        self.assertEqual(self.server.sql("SELECT kind, version FROM care_events WHERE id = ?", (e["id"],))[0],
                         ("project_completion", 3))
        # soft delete with the version
        self.assertStatus(self.am1.delete(epath), 400)
        self.assertStatus(self.am1.delete(epath + "?version=2"), 409, "stale_version")
        self.assertStatus(self.am1.delete(epath + "?version=3"), 204)
        self.assertEqual(self.am1.get(path).body["total"], 0)
        self.assertIsNotNone(self.server.sql("SELECT deleted_at FROM care_events WHERE id = ?", (e["id"],))[0][0])
        self.assertStatus(self.am1.patch(epath, {"version": 4, "note": "x"}), 404)
        self.assertStatus(self.am1.delete(epath + "?version=4"), 404)
        self.assertEqual(self.audits("care_event", "update", e["id"]), 2)
        self.assertEqual(self.audits("care_event", "delete", e["id"]), 1)
        changes = json.loads(self.server.sql("SELECT changes FROM audit_log WHERE entity = 'care_event' AND entity_id = ? "
                                             "AND action = 'update' ORDER BY id LIMIT 1", (e["id"],))[0][0])
        self.assertEqual(changes["contact_id"], {"from": zhang, "to": liu})


class RegionalEventsTest(CareTestCase):
    @classmethod
    def setup_sessions(cls, server):
        super().setup_sessions(server)

        def make(session, city, contacts=("联系人",), **extra):
            body = {"type": "company", "name": f"地区测试{next(_seq)}号有限公司", "province_code": city[:2] + "0000",
                    "city_code": city,
                    "contacts": [{"name": n, "mobile": f"1390000{next(_seq):04d}"} for n in contacts]}
            body.update(extra)
            r = session.post(API + "/customers", body)
            assert r.status == 201, r
            return r.body["id"]

        # am1 (甲组): two in Guangzhou, one in Shenzhen; am3 (乙组): one in Guangzhou; one in Beijing
        cls.gz1 = make(cls.am1, "440100", contacts=("张伟", "刘芳"))
        cls.gz2 = make(cls.am1, "440100")
        cls.sz1 = make(cls.am1, "440300")
        cls.gz3 = make(cls.am3, "440100")
        cls.bj1 = make(cls.am3, "110100")

    def preview(self, session, **body):
        return session.post(API + "/regional-events/preview", body)

    def test_preview_by_reach(self):
        r = self.preview(self.am1, province_code="440000")
        self.assertStatus(r, 200)
        p = r.body
        self.assertEqual((p["province_name"], p["customers"], p["contacts"], p["owners"], p["truncated"]), ("广东省", 3, 4, 1, False))
        self.assertEqual({x["id"] for x in p["items"]}, {self.gz1, self.gz2, self.sz1})
        gz1 = next(x for x in p["items"] if x["id"] == self.gz1)
        self.assertEqual(({k["name"] for k in gz1["contacts"]}, gz1["owner_name"], gz1["city_name"]), ({"张伟", "刘芳"}, "李娜", "广州市"))
        self.assertTrue(gz1["contacts"][0]["mobile"].startswith("+86139"))
        r = self.preview(self.am1, province_code="440000", city_code="440100")
        self.assertEqual((r.body["city_name"], r.body["customers"]), ("广州市", 2))
        self.assertEqual(self.preview(self.mgr, province_code="440000").body["customers"], 3)   # his team's
        self.assertEqual(self.preview(self.mgr2, province_code="440000").body["customers"], 1)
        self.assertEqual(self.preview(self.dir, province_code="440000").body["customers"], 4)
        self.assertEqual(self.preview(self.am2, province_code="440000").body["customers"], 0)
        # read-only roles do not run regional care
        self.assertStatus(self.preview(self.svc, province_code="440000"), 403, "forbidden")
        self.assertStatus(self.preview(self.aud, province_code="440000"), 403, "forbidden")
        for body, field in (({"province_code": "999999"}, "province_code"), ({"province_code": "44"}, "province_code"),
                            ({"province_code": "440100"}, "province_code"),  # a city is not a province
                            ({}, "province_code"), ({"province_code": "440000", "city_code": "110100"}, "city_code"),
                            ({"province_code": "440000", "city_code": "440106"}, "city_code")):  # a district
            self.assertField(self.preview(self.am1, **body), field)
        self.assertStatus(self.preview(self.am1, province_code="440000", kind="typhoon"), 400, "unknown_field")

    def test_create_tasks_for_each_customer(self):
        before = self.server.counts("regional_events", "care_tasks")
        r = self.mgr.post(API + "/regional-events", {"kind": "typhoon", "title": "台风“海燕”登陆广州", "province_code": "440000",
                                                     "city_code": "440100", "date": "2027-01-31", "note": "逐一电话问候"})
        self.assertStatus(r, 201)
        e = r.body
        self.assertEqual((e["kind"], e["customers"], e["tasks"], e["items_total"], e["city_name"], e["created_by_name"]),
                         ("typhoon", 2, 2, 2, "广州市", "王经理"))
        self.assertEqual({x["customer_id"] for x in e["items"]}, {self.gz1, self.gz2})
        self.assertEqual({(x["owner_name"], x["task_status"], x["due_date"]) for x in e["items"]}, {("李娜", "open", "2027-02-01")})
        self.assertEqual(self.server.counts("regional_events", "care_tasks"),
                         {"regional_events": before["regional_events"] + 1, "care_tasks": before["care_tasks"] + 2})
        rows = self.server.sql("SELECT user_id, customer_id, kind, subject, event_date, due_date, source_key FROM care_tasks "
                               "WHERE regional_event_id = ? ORDER BY customer_id", (e["id"],))
        self.assertEqual(rows[0], (self.am1.id, self.gz1, "regional_event", "typhoon", "2027-01-31", "2027-02-01",
                                   f"regional:{e['id']}:{self.gz1}"))
        self.assertEqual(self.audits("regional_event", "create", e["id"]), 1)
        # the director then covers the whole province: Guangzhou's customers of 甲组 already have a task
        r = self.dir.post(API + "/regional-events", {"kind": "typhoon", "title": "台风影响全省", "province_code": "440000",
                                                     "date": "2027-02-02"})
        self.assertStatus(r, 201)
        self.assertEqual((r.body["customers"], r.body["tasks"], r.body["due"] if "due" in r.body else None), (4, 2, None))
        self.assertEqual({x["customer_id"] for x in r.body["items"]}, {self.sz1, self.gz3})
        self.assertEqual(self.server.sql("SELECT due_date FROM care_tasks WHERE regional_event_id = ? LIMIT 1", (r.body["id"],))[0][0],
                         "2027-02-02")  # a coming event: due on its day
        # an epidemic is another matter: every customer gets a task again
        r = self.am1.post(API + "/regional-events", {"kind": "epidemic", "title": "流感", "province_code": "440000", "date": "2027-02-01"})
        self.assertStatus(r, 201)
        self.assertEqual((r.body["customers"], r.body["tasks"]), (3, 3))

    def test_bad_input_and_who_may(self):
        good = {"kind": "flood", "title": "暴雨", "province_code": "440000", "date": "2027-02-01"}
        before = self.server.counts("regional_events", "care_tasks", "audit_log")
        for change, field in (({"kind": "fire"}, "kind"), ({"kind": None}, "kind"), ({"title": ""}, "title"),
                              ({"title": "x" * 101}, "title"), ({"province_code": "999999"}, "province_code"),
                              ({"city_code": "110100"}, "city_code"), ({"date": None}, "date"), ({"date": "2026-12-01"}, "date"),
                              ({"date": "2027-03-05"}, "date"), ({"date": "2027-02-30"}, "date")):
            self.assertField(self.mgr.post(API + "/regional-events", dict(good, **change)), field)
        # nobody of his in Beijing
        self.assertField(self.am1.post(API + "/regional-events", dict(good, province_code="110000")), "province_code")
        self.assertField(self.am2.post(API + "/regional-events", good), "province_code")
        self.assertStatus(self.mgr.post(API + "/regional-events", dict(good, customers=3)), 400, "unknown_field")
        self.assertStatus(self.svc.post(API + "/regional-events", good), 403, "forbidden")
        self.assertStatus(self.aud.post(API + "/regional-events", good), 403, "forbidden")
        self.assertEqual(self.server.counts("regional_events", "care_tasks", "audit_log"), before)

    def test_who_sees_which_event(self):
        mine = self.mgr2.post(API + "/regional-events", {"kind": "snowstorm", "title": "北京暴雪", "province_code": "110000",
                                                         "date": "2027-02-01"}).body
        theirs = self.mgr.post(API + "/regional-events", {"kind": "heatwave", "title": "深圳高温", "province_code": "440000",
                                                          "city_code": "440300", "date": "2027-02-01"}).body
        self.assertEqual((mine["tasks"], theirs["tasks"]), (1, 1))
        self.assertStatus(self.am3.get(f"{API}/regional-events/{mine['id']}"), 200)  # a task on his customer
        self.assertStatus(self.am3.get(f"{API}/regional-events/{theirs['id']}"), 404, "not_found")
        self.assertStatus(self.mgr.get(f"{API}/regional-events/{mine['id']}"), 404, "not_found")
        self.assertStatus(self.am1.get(f"{API}/regional-events/{theirs['id']}"), 200)
        self.assertStatus(self.aud.get(f"{API}/regional-events/{theirs['id']}"), 200)
        ids = [x["id"] for x in self.am3.get(API + "/regional-events?page_size=200").body["items"]]
        self.assertIn(mine["id"], ids)
        self.assertNotIn(theirs["id"], ids)
        listed = self.dir.get(API + "/regional-events?" + q({"kind": "heatwave"})).body
        self.assertEqual([x["id"] for x in listed["items"]], [theirs["id"]])
        self.assertEqual(listed["items"][0]["customers"], 1)
        self.assertEqual(self.dir.get(API + "/regional-events?province_code=110000").body["total"], 1)
        self.assertStatus(self.dir.get(API + "/regional-events?kind=fire"), 400, "bad_request")
        self.assertStatus(self.dir.get(f"{API}/regional-events/999999"), 404)


class StaffChangesTest(CareTestCase):
    def task_of(self, staff_change_id):
        rows = self.server.sql("SELECT user_id, customer_id, contact_id, kind, subject, event_date, due_date, source_key, status "
                               "FROM care_tasks WHERE staff_change_id = ?", (staff_change_id,))
        self.assertEqual(len(rows), 1)
        return rows[0]

    def test_contact_left_and_successor(self):
        c = self.customer(contacts=["张伟", "刘芳", "周强"])
        zhang, liu, zhou = (k["id"] for k in c["contacts"])
        before = self.server.counts("staff_changes", "care_tasks")
        r = self.am1.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-25", "note": "跳槽去了竞争对手"})
        self.assertStatus(r, 201)
        sc = r.body
        self.assertEqual((sc["contact_id"], sc["contact_name"], sc["successor_id"], sc["status"], sc["left_on"], sc["version"]),
                         (zhang, "张伟", None, "open", "2027-01-25", 1))
        self.assertEqual(self.server.counts("staff_changes", "care_tasks"),
                         {"staff_changes": before["staff_changes"] + 1, "care_tasks": before["care_tasks"] + 1})
        self.assertEqual(self.task_of(sc["id"]), (self.am1.id, c["id"], None, "staff_change", "张伟", "2027-01-25", "2027-02-04",
                                                  f"staff:{sc['id']}", "open"))
        self.assertEqual(sc["task_id"], self.server.sql("SELECT id FROM care_tasks WHERE staff_change_id = ?", (sc["id"],))[0][0])
        # the archive shows the contact as left, its version bumped, audited like a contact update
        k = next(x for x in self.am1.get(f"{API}/customers/{c['id']}").body["contacts"] if x["id"] == zhang)
        self.assertEqual((k["left_company"], k["left_on"], k["version"]), (True, "2027-01-25", 2))
        changes = json.loads(self.server.sql("SELECT changes FROM audit_log WHERE entity = 'contact' AND entity_id = ? "
                                             "AND action = 'update'", (zhang,))[0][0])
        self.assertEqual(changes, {"left_company": {"from": False, "to": True}, "left_on": {"from": None, "to": "2027-01-25"}})
        self.assertEqual(self.audits("staff_change", "create", sc["id"]), 1)
        # not twice
        self.assertStatus(self.am1.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-26"}), 422, "validation_failed")
        # the successor
        path = f"{API}/staff-changes/{sc['id']}/successor"
        self.assertField(self.am1.post(path, {"successor_id": zhang, "version": 1}), "successor_id")
        other = self.customer(contacts=["外人"])
        self.assertField(self.am1.post(path, {"successor_id": other["contacts"][0]["id"], "version": 1}), "successor_id")
        self.assertField(self.am1.post(path, {"version": 1}), "successor_id")
        self.assertStatus(self.am1.post(path, {"successor_id": liu, "version": 2}), 409, "stale_version")
        r = self.am1.post(path, {"successor_id": liu, "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["successor_id"], r.body["successor_name"], r.body["status"], r.body["version"]), (liu, "刘芳", "open", 2))
        self.assertEqual(self.task_of(sc["id"])[2], liu)  # the task now names the successor
        self.assertEqual(self.audits("staff_change", "successor", sc["id"]), 1)
        # a second leaver, with the successor known at once
        r = self.am1.post(f"{API}/contacts/{liu}/left", {"left_on": "2027-02-01", "successor_id": zhou})
        self.assertStatus(r, 201)
        self.assertEqual(self.task_of(r.body["id"])[2], zhou)
        hist = self.am1.get(f"{API}/customers/{c['id']}/staff-changes").body
        self.assertEqual([x["contact_name"] for x in hist["items"]], ["刘芳", "张伟"])  # latest first
        self.assertEqual(hist["total"], 2)

    def test_successor_already_met_is_rebuilt(self):
        c = self.customer(contacts=["张伟", "刘芳"])
        zhang, liu = (k["id"] for k in c["contacts"])
        sc = self.am1.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-20"}).body
        log = self.am1.post(API + "/contact-logs", {"customer_id": c["id"], "kind": "call", "summary": "认识新采购刘芳",
                                                     "contact_ids": [liu]})
        self.assertStatus(log, 201)
        r = self.am1.post(f"{API}/staff-changes/{sc['id']}/successor", {"successor_id": liu, "version": sc["version"]})
        self.assertStatus(r, 200)
        self.assertEqual(r.body["status"], "rebuilt")
        self.assertStatus(self.am1.post(f"{API}/staff-changes/{sc['id']}/successor", {"successor_id": liu, "version": r.body["version"]}),
                          422, "validation_failed")

    def test_bad_input_and_scope(self):
        c = self.customer(contacts=["张伟", "刘芳"])
        zhang, liu = (k["id"] for k in c["contacts"])
        other = self.customer(contacts=["外人"])
        before = self.server.counts("staff_changes", "care_tasks", "audit_log")
        for body, field in (({}, "left_on"), ({"left_on": "2027-02-02"}, "left_on"), ({"left_on": "1989-12-31"}, "left_on"),
                            ({"left_on": "昨天"}, "left_on"), ({"left_on": "2027-01-30", "successor_id": zhang}, "successor_id"),
                            ({"left_on": "2027-01-30", "successor_id": other["contacts"][0]["id"]}, "successor_id"),
                            ({"left_on": "2027-01-30", "successor_id": "2"}, "successor_id"),
                            ({"left_on": "2027-01-30", "note": "x" * 2001}, "note")):
            self.assertField(self.am1.post(f"{API}/contacts/{zhang}/left", body), field)
        self.assertStatus(self.am1.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-30", "reason": "x"}), 400, "unknown_field")
        self.assertStatus(self.am3.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-30"}), 404, "not_found")
        self.assertStatus(self.am1.post(f"{API}/contacts/999999/left", {"left_on": "2027-01-30"}), 404, "not_found")
        self.assertStatus(self.svc.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-30"}), 403, "forbidden")
        self.assertEqual(self.server.counts("staff_changes", "care_tasks", "audit_log"), before)
        self.assertEqual(self.server.sql("SELECT left_company, version FROM contacts WHERE id = ?", (zhang,))[0], (0, 1))
        sc = self.am1.post(f"{API}/contacts/{zhang}/left", {"left_on": "2027-01-30"}).body
        self.assertStatus(self.am3.post(f"{API}/staff-changes/{sc['id']}/successor", {"successor_id": liu, "version": 1}), 404)
        self.assertStatus(self.svc.post(f"{API}/staff-changes/{sc['id']}/successor", {"successor_id": liu, "version": 1}), 403)
        self.assertStatus(self.am3.get(f"{API}/customers/{c['id']}/staff-changes"), 404, "not_found")
        self.assertEqual(self.svc.get(f"{API}/customers/{c['id']}/staff-changes").body["total"], 1)
        self.assertStatus(self.mgr.post(f"{API}/staff-changes/{sc['id']}/successor", {"successor_id": liu, "version": 1}), 200)
        self.assertStatus(self.am1.post(f"{API}/staff-changes/999999/successor", {"successor_id": liu, "version": 1}), 404)


if __name__ == "__main__":
    unittest.main()
