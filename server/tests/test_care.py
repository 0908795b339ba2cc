"""Relationship care over HTTP: the contact log with promises and gifts, care tasks made from
reminders (lunar birthdays, festivals), the overdue-contact rule by grade and for new
customers, the today list, and the care settings.

The clock is fixed by the harness (KEHU_NOW=2027-02-01T09:00:00+08:00): "today" is 2027-02-01,
lunar 2026-12-25. The lunar 12th month of 2026 has 29 days: 除夕 is 2027-02-05, 春节 2027-02-06.
"""
import itertools
import json
import sys
import unittest
import urllib.parse

try:
    import icalendar  # Debian's python3-icalendar: an independent RFC 5545 parser
except ImportError:  # a Python other than Debian's: the package lives in dist-packages
    sys.path.append("/usr/lib/python3/dist-packages")
    import icalendar

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
CUSTOMERS = API + "/customers"
LOGS = API + "/contact-logs"
TASKS = API + "/tasks"
_seq = itertools.count(1)


def uniq(prefix="客情客户"):
    return f"{prefix}{next(_seq)}号"


class CareTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("mgra", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am2", "account_manager", team="甲组", name="王强")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("svc", "service", name="客服")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "mgra", "am1", "am2", "am3", "svc"):
            setattr(cls, u, Session(server, u))

    # --- helpers -------------------------------------------------------------------------
    def customer(self, session=None, grade="B", status="active", contacts=None, **extra):
        session = session or self.am1
        body = {"name": uniq(), "status": status, "grade": grade}
        if contacts:
            body["contacts"] = contacts
        body.update(extra)
        r = session.post(CUSTOMERS, body)
        self.assertStatus(r, 201, msg="create customer:")
        return r.body

    def log(self, customer, session=None, **fields):
        session = session or self.am1
        body = {"customer_id": customer["id"], "kind": "call", "summary": "电话回访，客户对供货满意"}
        body.update(fields)
        r = session.post(LOGS, body)
        self.assertStatus(r, 201, msg="log contact:")
        return r.body

    def today(self, session=None):
        r = (session or self.am1).get(API + "/today")
        self.assertStatus(r, 200)
        return r.body

    def tasks_of(self, customer, session=None, **params):
        q = "&".join(f"{k}={v}" for k, v in params.items())
        r = (session or self.am1).get(f"{TASKS}?customer_id={customer['id']}&page_size=200&{q}")
        self.assertStatus(r, 200)
        return r.body["items"]

    # --- the contact log -----------------------------------------------------------------
    def test_log_a_call_with_contacts_promise_and_next_date(self):
        c = self.customer(contacts=[{"name": "张伟", "title": "采购经理"}, {"name": "王芳"}])
        k1, k2 = (k["id"] for k in c["contacts"])
        log = self.log(c, kind="call", at="2027-01-30T15:20:00+08:00", contact_ids=[k1, k2], outcome="下月加单",
                       next_contact_date="2027-02-10", promises=[{"text": "寄送新品样品", "due_date": "2027-02-05"}])
        self.assertEqual((log["kind"], log["at"], log["day"], log["next_contact_date"]),
                         ("call", "2027-01-30T07:20:00Z", "2027-01-30", "2027-02-10"))
        self.assertEqual([k["name"] for k in log["contacts"]], ["张伟", "王芳"])
        self.assertEqual((log["user_name"], log["version"], log["gift"]), ("李娜", 1, None))
        self.assertEqual([(p["text"], p["due_date"], p["status"]) for p in log["promises"]], [("寄送新品样品", "2027-02-05", "open")])
        self.assertEqual(self.server.sql("SELECT last_contact_day, next_contact_date FROM care_state WHERE customer_id = ?",
                                         (c["id"],))[0], ("2027-01-30", "2027-02-10"))
        g = self.am1.get(f"{LOGS}/{log['id']}")
        self.assertStatus(g, 200)
        self.assertEqual(g.body, log)
        listed = self.am1.get(f"{LOGS}?customer_id={c['id']}")
        self.assertEqual([x["id"] for x in listed.body["items"]], [log["id"]])
        self.assertEqual(self.server.count("audit_log", "entity = 'contact_log' AND entity_id = ? AND action = 'create'", (log["id"],)), 1)
        # at defaults to now
        now = self.log(c, kind="wechat")
        self.assertEqual(now["at"], "2027-02-01T01:00:00Z")

    def test_a_gift_is_a_business_expense_of_the_customer(self):
        c = self.customer(contacts=[{"name": "刘总"}])
        log = self.log(c, kind="gift", contact_ids=[c["contacts"][0]["id"]], summary="春节礼品",
                       gift={"item": "茶叶礼盒", "cost": 68800, "reason": "春节问候"})
        self.assertEqual(log["gift"], {"item": "茶叶礼盒", "cost": 68800, "reason": "春节问候"})
        self.assertEqual(self.server.sql("SELECT gift_cost, typeof(gift_cost) FROM contact_logs WHERE id = ?", (log["id"],))[0],
                         (68800, "integer"))

    def test_bad_logs_are_refused_and_nothing_is_stored(self):
        c = self.customer(contacts=[{"name": "赵六"}])
        other = self.customer(contacts=[{"name": "钱七"}])
        before = self.server.counts("contact_logs", "contact_log_contacts", "promises", "audit_log")
        base = {"customer_id": c["id"], "kind": "call", "summary": "x"}
        cases = [
            ({"kind": "fax"}, "kind"),
            ({"summary": ""}, "summary"),
            ({"summary": None}, "summary"),
            ({"summary": "x" * 2001}, "summary"),
            ({"at": "2027-02-02T09:00:00+08:00"}, "at"),
            ({"at": "yesterday"}, "at"),
            ({"contact_ids": [other["contacts"][0]["id"]]}, "contact_ids[0]"),
            ({"contact_ids": [c["contacts"][0]["id"], c["contacts"][0]["id"]]}, "contact_ids[1]"),
            ({"contact_ids": "1"}, "contact_ids"),
            ({"kind": "gift"}, "gift"),
            ({"kind": "gift", "gift": {"item": "酒", "cost": -1}}, "gift.cost"),
            ({"kind": "gift", "gift": {"item": "酒", "cost": 10.5}}, "gift.cost"),
            ({"next_contact_date": "2027-01-01"}, "next_contact_date"),
            ({"promises": [{"text": "回电", "due_date": "2026-12-31"}]}, "promises[0].due_date"),
            ({"promises": [{"due_date": "2027-03-01"}]}, "promises[0].text"),
            ({"customer_id": "abc"}, "customer_id"),
        ]
        for change, field in cases:
            body = dict(base, **change)
            r = self.am1.post(LOGS, body)
            self.assertEqual(r.status, 422, (change, r))
            self.assertIn(field, r.error["fields"], (change, r))
        r = self.am1.post(LOGS, dict(base, mood="好"))
        self.assertStatus(r, 400, "unknown_field")
        self.assertStatus(self.am1.post(LOGS, dict(base, customer_id=999999)), 404, "not_found")
        self.assertEqual(self.server.counts("contact_logs", "contact_log_contacts", "promises", "audit_log"), before)

    def test_scope_and_read_only_roles(self):
        c = self.customer()
        log = self.log(c)
        # another team's account manager: the customer and its log do not exist for them
        self.assertStatus(self.am3.post(LOGS, {"customer_id": c["id"], "kind": "call", "summary": "x"}), 404, "not_found")
        self.assertStatus(self.am3.get(f"{LOGS}/{log['id']}"), 404, "not_found")
        self.assertStatus(self.am3.patch(f"{LOGS}/{log['id']}", {"summary": "改", "version": 1}), 404, "not_found")
        self.assertNotIn(log["id"], [x["id"] for x in self.am3.get(LOGS + "?page_size=200").body["items"]])
        # the service desk reads but does not write the archive
        self.assertStatus(self.svc.get(f"{LOGS}/{log['id']}"), 200)
        self.assertStatus(self.svc.post(LOGS, {"customer_id": c["id"], "kind": "call", "summary": "x"}), 403, "forbidden")

    def test_edit_and_delete_with_versions(self):
        c = self.customer()
        log = self.log(c, at="2027-01-20T10:00:00+08:00")
        r = self.am1.patch(f"{LOGS}/{log['id']}", {"summary": "补充：客户要求下周送货", "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["summary"], r.body["version"]), ("补充：客户要求下周送货", 2))
        self.assertStatus(self.am1.patch(f"{LOGS}/{log['id']}", {"summary": "旧版本", "version": 1}), 409, "stale_version")
        self.assertStatus(self.am1.patch(f"{LOGS}/{log['id']}", {"summary": "缺版本"}), 422, "validation_failed")
        self.assertStatus(self.am1.patch(f"{LOGS}/{log['id']}", {"customer_id": 1, "version": 2}), 400, "unknown_field")
        # the team lead corrects it; an account manager of the same team who is not its author cannot see it
        self.assertStatus(self.am2.patch(f"{LOGS}/{log['id']}", {"summary": "x", "version": 2}), 404, "not_found")
        r = self.mgra.patch(f"{LOGS}/{log['id']}", {"outcome": "主管补充", "version": 2})
        self.assertStatus(r, 200)
        self.assertStatus(self.am1.delete(f"{LOGS}/{log['id']}?version=2"), 409, "stale_version")
        self.assertStatus(self.am1.delete(f"{LOGS}/{log['id']}?version=3"), 204)
        self.assertStatus(self.am1.get(f"{LOGS}/{log['id']}"), 404)
        # the care state forgets the deleted contact
        self.assertEqual(self.server.sql("SELECT last_contact_day FROM care_state WHERE customer_id = ?", (c["id"],))[0][0], None)
        actions = [a for (a,) in self.server.sql("SELECT action FROM audit_log WHERE entity = 'contact_log' AND entity_id = ? ORDER BY id",
                                                 (log["id"],))]
        self.assertEqual(actions, ["create", "update", "update", "delete"])

    # --- promises ------------------------------------------------------------------------
    def test_promises_are_kept_or_dropped(self):
        c = self.customer()
        r = self.am1.post(API + "/promises", {"customer_id": c["id"], "text": "月底前给出返利方案", "due_date": "2027-02-03"})
        self.assertStatus(r, 201)
        p = r.body
        self.assertEqual((p["status"], p["log_id"]), ("open", None))
        self.assertField(self.am1.post(API + "/promises", {"customer_id": c["id"], "text": "x", "due_date": "2027-01-01"}), "due_date")
        self.assertStatus(self.am3.post(API + "/promises", {"customer_id": c["id"], "text": "x", "due_date": "2027-03-01"}), 404)
        due = self.am1.get(API + "/promises?status=open&due_before=2027-02-04&mine=true&page_size=200").body["items"]
        self.assertIn(p["id"], [x["id"] for x in due])
        self.assertIn(p["id"], [x["id"] for x in self.today()["promises"]])
        self.assertField(self.am1.post(f"{API}/promises/{p['id']}/drop", {"version": 1}), "note")
        self.assertStatus(self.am1.post(f"{API}/promises/{p['id']}/keep", {"version": 2}), 409, "stale_version")
        kept = self.am1.post(f"{API}/promises/{p['id']}/keep", {"version": 1, "note": "已发邮件"})
        self.assertStatus(kept, 200)
        self.assertEqual((kept.body["status"], kept.body["closed_by_name"]), ("kept", "李娜"))
        self.assertStatus(self.am1.post(f"{API}/promises/{p['id']}/drop", {"version": 2, "note": "x"}), 422, "validation_failed")
        self.assertNotIn(p["id"], [x["id"] for x in self.today()["promises"]])

    # --- reminders become tasks ----------------------------------------------------------
    def test_lunar_birthday_reminder_is_done_by_a_gift(self):
        # 腊月廿七 of lunar 2026 is 2027-02-03: two days ahead, within the default 3 days
        c = self.customer(grade="C", contacts=[{"name": "孙总", "birthday": {"calendar": "lunar", "month": 12, "day": 27, "leap": False}},
                                    {"name": "周会计", "birthday": {"calendar": "solar", "date": "1985-07-01"}}])
        sun = c["contacts"][0]["id"]
        today = self.today()
        mine = [t for t in today["tasks"]["items"] if t["customer_id"] == c["id"]]
        self.assertEqual([(t["kind"], t["contact_id"], t["event_date"], t["subject"]) for t in mine],
                         [("birthday", sun, "2027-02-03", "lunar")])
        self.assertEqual(mine[0]["contact_name"], "孙总")
        self.assertGreaterEqual(today["counts"]["tasks"], 1)
        # the sweep is idempotent
        self.assertEqual(self.am1.post(TASKS + "/refresh", {}).body["made"], 0)
        self.assertEqual(len([t for t in self.tasks_of(c) if t["kind"] == "birthday"]), 1)
        # a contact log with someone else does not count as the greeting
        self.log(c, contact_ids=[c["contacts"][1]["id"]])
        self.assertEqual(self.tasks_of(c)[0]["status"], "open")
        gift = self.log(c, kind="gift", contact_ids=[sun], summary="生日蛋糕", gift={"item": "蛋糕", "cost": 30000})
        t = self.tasks_of(c)[0]
        self.assertEqual((t["status"], t["done_log_id"]), ("done", gift["id"]))
        self.assertNotIn(t["id"], [x["id"] for x in self.today()["tasks"]["items"]])

    def test_festival_greetings_for_key_customers(self):
        a = self.customer(grade="A")
        c = self.customer(grade="C")
        self.am1.post(TASKS + "/refresh", {})
        festivals = sorted((t["subject"], t["event_date"]) for t in self.tasks_of(a) if t["kind"] == "festival")
        self.assertEqual(festivals, [("new_years_eve", "2027-02-05"), ("spring_festival", "2027-02-06")])
        self.assertEqual([t for t in self.tasks_of(c) if t["kind"] == "festival"], [])
        names = [(f["name"], f["date"]) for f in self.today()["festivals"]]
        self.assertEqual(names[:3], [("new_years_eve", "2027-02-05"), ("spring_festival", "2027-02-06"), ("lantern", "2027-02-20")])

    def test_follow_up_tasks_by_hand(self):
        c = self.customer()
        r = self.am1.post(TASKS, {"customer_id": c["id"], "text": "确认二季度备货", "due_date": "2027-02-02"})
        self.assertStatus(r, 201)
        t = r.body
        self.assertEqual((t["kind"], t["subject"], t["status"], t["user_name"]), ("follow_up", "确认二季度备货", "open", "李娜"))
        self.assertField(self.am1.post(TASKS, {"customer_id": c["id"], "text": "x", "due_date": "2027-01-31"}), "due_date")
        self.assertField(self.am1.post(TASKS, {"customer_id": c["id"], "due_date": "2027-03-01"}), "text")
        self.assertStatus(self.am3.post(TASKS, {"customer_id": c["id"], "text": "x", "due_date": "2027-03-01"}), 404)
        self.assertStatus(self.am3.get(f"{TASKS}/{t['id']}"), 404)
        self.assertStatus(self.am3.post(f"{TASKS}/{t['id']}/done", {"version": 1}), 404)
        self.assertStatus(self.am1.post(f"{TASKS}/{t['id']}/done", {"version": 2}), 409, "stale_version")
        # the team lead may close it for the account manager
        self.assertIn(t["id"], [x["id"] for x in self.mgra.get(TASKS + "?team=true&page_size=200").body["items"]])
        d = self.mgra.post(f"{TASKS}/{t['id']}/dismiss", {"version": 1})
        self.assertStatus(d, 200)
        self.assertEqual(d.body["status"], "dismissed")
        self.assertStatus(self.am1.post(f"{TASKS}/{t['id']}/done", {"version": 2}), 422, "validation_failed")
        self.assertStatus(self.am1.get(TASKS + "?status=late"), 400, "bad_request")

    # --- the overdue rule ----------------------------------------------------------------
    def test_overdue_by_grade_next_contact_and_for_the_team(self):
        a = self.customer(grade="A")
        b = self.customer(grade="B")
        c = self.customer(grade="C")
        n = self.customer(grade="C")
        for x in (a, b, c):
            self.log(x, at="2026-12-01T10:00:00+08:00")
        self.log(n, at="2027-01-20T10:00:00+08:00", next_contact_date="2027-01-25")
        items = {x["customer_id"]: x for x in self.am1.get(API + "/care/overdue?mine=true&page_size=200").body["items"]}
        self.assertEqual((items[a["id"]]["due_date"], items[a["id"]]["days_overdue"], items[a["id"]]["reason"]),
                         ("2026-12-31", 32, "no_contact"))
        self.assertEqual((items[b["id"]]["due_date"], items[b["id"]]["days_overdue"]), ("2027-01-30", 2))
        self.assertNotIn(c["id"], items)  # C: 90 days, due 2027-03-01
        self.assertEqual((items[n["id"]]["reason"], items[n["id"]]["due_date"]), ("next_contact", "2027-01-25"))
        # most overdue first
        order = [x["customer_id"] for x in self.am1.get(API + "/care/overdue?mine=true&page_size=200").body["items"]]
        self.assertLess(order.index(a["id"]), order.index(b["id"]))
        # the lead sees the team's, another team's manager does not
        team = [x["customer_id"] for x in self.mgra.get(API + f"/care/overdue?owner_id={self.am1.id}&page_size=200").body["items"]]
        self.assertIn(a["id"], team)
        self.assertNotIn(a["id"], [x["customer_id"] for x in self.am3.get(API + "/care/overdue?page_size=200").body["items"]])
        # a contact today clears it
        self.log(a)
        self.assertNotIn(a["id"], [x["customer_id"] for x in self.am1.get(API + "/care/overdue?mine=true&page_size=200").body["items"]])
        self.assertIn(b["id"], [x["customer_id"] for x in self.today()["contacts_due"]["items"]])

    def test_new_customer_is_followed_up_after_the_first_order(self):
        product = self.dir.post(API + "/products", {"brand": "恒力", "name": uniq("客情测试油"), "spec": "4L", "unit": "桶",
                                                    "price": 10000}).body["id"]
        c = self.customer(self.mgra, grade="A", credit_limit=10**8, owner_id=self.am1.id)
        self.log(c, at="2027-01-10T10:00:00+08:00")  # before the first order
        r = self.am1.post(API + "/orders", {"customer_id": c["id"], "date": "2027-01-20",
                                           "lines": [{"product_id": product, "quantity": 1}]})
        self.assertStatus(r, 201)
        items = {x["customer_id"]: x for x in self.am1.get(API + "/care/overdue?mine=true&page_size=200").body["items"]}
        self.assertEqual((items[c["id"]]["reason"], items[c["id"]]["due_date"]), ("new_customer", "2027-01-27"))

    # --- settings ------------------------------------------------------------------------
    def test_settings(self):
        s = self.am1.get(API + "/care/settings")
        self.assertStatus(s, 200)
        self.assertEqual((s.body["contact_gap_days"], s.body["new_customer_days"], s.body["birthday_lead_days"]),
                         ({"A": 30, "B": 60, "C": 90}, 7, 3))
        body = {k: v for k, v in s.body.items() if k != "updated_at"}
        self.assertStatus(self.am1.put(API + "/care/settings", body), 403, "forbidden")
        self.assertStatus(self.mgra.put(API + "/care/settings", body), 403, "forbidden")
        bad = dict(body, contact_gap_days={"A": 0, "B": 60, "C": 90})
        self.assertField(self.dir.put(API + "/care/settings", bad), "contact_gap_days.A")
        self.assertField(self.dir.put(API + "/care/settings", dict(body, festival_grades=["S"])), "festival_grades")
        self.assertField(self.dir.put(API + "/care/settings", dict(body, birthday_lead_days=61)), "birthday_lead_days")
        missing = {k: v for k, v in body.items() if k != "new_customer_days"}
        self.assertField(self.dir.put(API + "/care/settings", missing), "new_customer_days")
        self.assertEqual(self.dir.get(API + "/care/settings").body["version"], body["version"])
        good = dict(body, birthday_lead_days=5)
        r = self.dir.put(API + "/care/settings", good)
        self.assertStatus(r, 200)
        self.assertEqual((r.body["birthday_lead_days"], r.body["version"]), (5, body["version"] + 1))
        self.assertStatus(self.dir.put(API + "/care/settings", good), 409, "stale_version")
        changes = json.loads(self.server.sql("SELECT changes FROM audit_log WHERE entity = 'care_settings' ORDER BY id DESC LIMIT 1")[0][0])
        self.assertIn("birthday_lead_days", json.dumps(changes))
        # put it back for the other tests
        self.assertStatus(self.dir.put(API + "/care/settings", dict(body, version=body["version"] + 1)), 200)

    # --- how the areas work together ------------------------------------------------------
    def test_a_visit_report_is_a_contact_and_today_counts_visits(self):
        c = self.customer(grade="A", contacts=[{"name": "周经理"}])
        v = self.am1.post(API + "/visits", {"customer_id": c["id"], "date": "2027-02-01", "purpose": "年度框架协议"})
        self.assertStatus(v, 201)
        lead_today = self.today(self.mgra)
        self.assertIn(v.body["id"], [x["id"] for x in lead_today["visits"]["awaiting_decision"]])
        self.assertGreaterEqual(lead_today["counts"]["approvals"], 1)
        a = self.mgra.post(f"{API}/visits/{v.body['id']}/approve", {"version": v.body["version"], "comment": "同意"})
        self.assertStatus(a, 200)
        mine = self.today()
        self.assertIn(v.body["id"], [x["id"] for x in mine["visits"]["planned_today"]])
        self.assertGreaterEqual(mine["counts"]["visits"], 1)
        r = self.am1.post(f"{API}/visits/{v.body['id']}/report", {"version": a.body["version"], "findings": "客户同意续签三年",
                                                                   "next_visit_date": "2027-03-01"})
        self.assertStatus(r, 200)
        logs = self.am1.get(f"{LOGS}?customer_id={c['id']}").body["items"]
        self.assertEqual([(x["kind"], x["summary"], x["visit_id"], x["next_contact_date"]) for x in logs],
                         [("visit", "客户同意续签三年", v.body["id"], "2027-03-01")])
        care = self.am1.get(f"{CUSTOMERS}/{c['id']}/care").body
        self.assertEqual((care["last_contact_day"], care["next_contact_date"], care["overdue"], care["contacts_90d"]),
                         ("2027-02-01", "2027-03-01", False, 1))

    def test_a_contact_who_left_needs_a_new_relationship(self):
        c = self.customer(contacts=[{"name": "老采购"}, {"name": "新采购"}])
        old, new = (k["id"] for k in c["contacts"])
        self.assertFalse(self.am1.get(f"{CUSTOMERS}/{c['id']}/care").body["needs_rebuilding"])
        r = self.am1.post(f"{API}/contacts/{old}/left", {"left_on": "2027-01-31", "successor_id": new})
        self.assertStatus(r, 201)
        care = self.am1.get(f"{CUSTOMERS}/{c['id']}/care").body
        self.assertTrue(care["needs_rebuilding"])
        self.assertEqual(care["open_tasks"], 1)
        self.assertStatus(self.am3.get(f"{CUSTOMERS}/{c['id']}/care"), 404)
        self.log(c, contact_ids=[new], summary="拜会新任采购")
        care = self.am1.get(f"{CUSTOMERS}/{c['id']}/care").body
        self.assertEqual((care["needs_rebuilding"], care["open_tasks"]), (False, 0))

    # --- the calendar subscription ---------------------------------------------------------
    def test_calendar_feed_is_parsed_by_an_independent_ical_parser(self):
        me = Session(self.server, "am2")
        c = self.customer(me, grade="C", contacts=[
            {"name": "欧阳, 总; 经理", "birthday": {"calendar": "lunar", "month": 8, "day": 15, "leap": False}},
            {"name": "林会计", "birthday": {"calendar": "solar", "date": "1990-03-08"}}])
        self.assertStatus(me.post(API + "/promises", {"customer_id": c["id"], "text": "周五前回复报价", "due_date": "2027-02-05"}), 201)
        self.assertStatus(me.post(TASKS, {"customer_id": c["id"], "text": "送样品", "due_date": "2027-02-10"}), 201)
        self.assertEqual(me.get(API + "/me/calendar-feed").body, {"active": False, "created_at": None})
        r = me.post(API + "/me/calendar-feed", {})
        self.assertStatus(r, 201)
        path = r.body["path"]
        self.assertTrue(path.startswith("/api/v1/feeds/calendar.ics?token="), path)
        self.assertTrue(me.get(API + "/me/calendar-feed").body["active"])
        # no session needed: the token is the credential
        r = self.server.request("GET", path)
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["content-type"].startswith("text/calendar"), r.headers)
        body = r.raw
        cal = icalendar.Calendar.from_ical(body)
        events = {}
        for e in cal.walk("VEVENT"):
            events.setdefault(e["CATEGORIES"].to_ical().decode(), []).append(
                (str(e["SUMMARY"]), e["DTSTART"].dt.isoformat()))
        # 八月十五 falls on 2027-09-15 (written out as a dated event), with the name's comma and
        # semicolon escaped and read back intact
        self.assertIn(("欧阳, 总; 经理 农历生日 八月十五（%s）" % c["name"], "2027-09-15"), events["BIRTHDAY"])
        self.assertIn(("林会计 生日（%s）" % c["name"], "2027-03-08"), events["BIRTHDAY"])
        self.assertIn(("春节", "2027-02-06"), events["FESTIVAL"])
        self.assertIn(("元宵节", "2027-02-20"), events["FESTIVAL"])
        self.assertIn(("承诺到期 · %s：周五前回复报价" % c["name"], "2027-02-05"), events["PROMISE"])
        self.assertIn(("%s · 送样品" % c["name"], "2027-02-10"), events["TASK"])
        # English on request; every line of the raw text is at most 75 octets
        en = self.server.request("GET", path + "&lang=en").raw
        self.assertIn(b"Spring Festival", en)
        self.assertTrue(all(len(line) <= 75 for line in en.split(b"\r\n")))
        # the secret never reaches the log (query strings are not logged)
        token = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)["token"][0]
        self.assertNotIn(token, self.server.read_log())
        # a new secret retires the old URL; deleting retires it too
        r2 = me.post(API + "/me/calendar-feed", {})
        self.assertEqual(self.server.request("GET", path).status, 404)
        self.assertEqual(self.server.request("GET", r2.body["path"]).status, 200)
        self.assertStatus(me.delete(API + "/me/calendar-feed"), 204)
        self.assertEqual(self.server.request("GET", r2.body["path"]).status, 404)
        self.assertEqual(self.server.request("GET", "/api/v1/feeds/calendar.ics").status, 404)
        self.assertEqual(self.server.request("GET", "/api/v1/feeds/calendar.ics?token=guess").status, 404)
        actions = [a for (a,) in self.server.sql("SELECT action FROM audit_log WHERE entity = 'calendar_feed' AND entity_id = ? ORDER BY id",
                                                 (me.id,))]
        self.assertEqual(actions, ["create", "regenerate", "delete"])

    def test_agenda_for_the_calendar_page(self):
        me = Session(self.server, "am2")
        c = self.customer(me, grade="C", contacts=[{"name": "郑总", "birthday": {"calendar": "lunar", "month": 1, "day": 3, "leap": False}}])
        r = me.get(API + "/me/agenda?from=2027-02-01&to=2027-02-28")
        self.assertStatus(r, 200)
        items = [(x["date"], x["category"], x["summary"]) for x in r.body["items"]]
        self.assertIn(("2027-02-08", "BIRTHDAY", "郑总 农历生日 正月初三（%s）" % c["name"]), items)
        self.assertIn(("2027-02-06", "FESTIVAL", "春节"), items)
        self.assertEqual([x[0] for x in items], sorted(x[0] for x in items))
        en = me.get(API + "/me/agenda?from=2027-02-01&to=2027-02-28", headers={"Accept-Language": "en"}).body["items"]
        self.assertIn("Spring Festival", [x["summary"] for x in en])
        self.assertStatus(me.get(API + "/me/agenda?from=2027-02-01&to=2027-06-01"), 400, "bad_request")
        self.assertStatus(me.get(API + "/me/agenda?from=2027-02-28&to=2027-02-01"), 400, "bad_request")
        self.assertStatus(me.get(API + "/me/agenda?from=2027-02-01"), 400, "bad_request")

    def test_ical_folding_keeps_utf8_whole(self):
        me = Session(self.server, "am2")
        c = self.customer(me, grade="C", name="深圳市前海深港现代服务业合作区超长名称的国际供应链管理有限公司第一分公司")
        self.assertStatus(me.post(TASKS, {"customer_id": c["id"], "text": "跟进年度框架协议续签事宜" * 3, "due_date": "2027-02-10"}), 201)
        path = me.post(API + "/me/calendar-feed", {}).body["path"]
        body = self.server.request("GET", path).raw
        for line in body.split(b"\r\n"):
            self.assertLessEqual(len(line), 75)
            line.decode("utf-8")  # a folded piece never splits a character
        summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]
        self.assertIn(c["name"] + " · " + "跟进年度框架协议续签事宜" * 3, summaries)


if __name__ == "__main__":
    unittest.main()
