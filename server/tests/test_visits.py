"""Visit plans and reports (拜访计划/拜访报告) over HTTP: a plan is submitted to the planner's
team lead, approved or rejected (with a comment), edited and resubmitted after a rejection,
reported after the visit day and the report reviewed. Versions, wrong states, the scope of
the customer, which lead may decide, the overdue flag and filters, audit rows.
The clock is fixed at 2027-02-01 (a second class plans at 2027-01-25 and moves on)."""
import itertools
import unittest

from kehu_harness import TEST_NOW, Server, ServerTestCase, Session, q

API = "/api/v1"
_seq = itertools.count(1)


def setup_people(server):
    server.add_user("mgr", "manager", team="甲组", name="王经理")
    server.add_user("am1", "account_manager", team="甲组", name="李娜")
    server.add_user("am2", "account_manager", team="甲组", name="王强")
    server.add_user("mgr2", "manager", team="乙组", name="刘经理")
    server.add_user("am3", "account_manager", team="乙组", name="陈静")
    server.add_user("dir", "director", name="赵总")
    server.add_user("svc", "service", name="客服")
    server.add_user("aud", "auditor", name="审计")


PEOPLE = ("mgr", "am1", "am2", "mgr2", "am3", "dir", "svc", "aud")


class VisitsTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        setup_people(server)

    @classmethod
    def setup_sessions(cls, server):
        for u in PEOPLE:
            setattr(cls, u, Session(server, u))
        cls.team1 = cls.mgr.user["team_id"]

    # --- helpers ---------------------------------------------------------------------------
    def customer(self, session=None):
        s = session or self.am1
        r = s.post(API + "/customers", {"type": "company", "name": f"拜访测试{next(_seq)}号贸易有限公司"})
        self.assertStatus(r, 201)
        return r.body["id"]

    def plan(self, customer=None, session=None, **extra):
        body = {"customer_id": customer or self.customer(), "date": "2027-02-01", "purpose": "年度回访，了解新产线需求",
                "participants": ["李娜", "技术部小周"], "leader_visit": False}
        body.update(extra)
        r = (session or self.am1).post(API + "/visits", body)
        self.assertStatus(r, 201)
        return r.body

    def approve(self, v, session=None, **extra):
        body = {"version": v["version"]}
        body.update(extra)
        r = (session or self.mgr).post(f"{API}/visits/{v['id']}/approve", body)
        self.assertStatus(r, 200)
        return r.body

    def audit(self, vid, action):
        return self.server.count("audit_log", "entity = 'visit' AND entity_id = ? AND action = ?", (vid, action))

    # --- the whole flow ----------------------------------------------------------------------
    def test_plan_approve_report_review(self):
        v = self.plan(leader_visit=True)
        self.assertEqual((v["status"], v["version"], v["team_id"], v["user_name"]), ("submitted", 1, self.team1, "李娜"))
        self.assertEqual(v["participants"], ["李娜", "技术部小周"])
        self.assertTrue(v["leader_visit"])
        self.assertFalse(v["overdue"])
        self.assertEqual(v["actions"], ["edit"])
        self.assertEqual(self.audit(v["id"], "create"), 1)
        # the lead sees it waiting for him
        waiting = self.mgr.get(API + "/visits?awaiting=decision&page_size=200").body
        self.assertIn(v["id"], [x["id"] for x in waiting["items"]])
        self.assertEqual(self.mgr.get(f"{API}/visits/{v['id']}").body["actions"], ["approve", "reject"])
        a = self.approve(v, comment="同意，带上新样品")
        self.assertEqual((a["status"], a["version"], a["decided_by_name"], a["decision_comment"]),
                         ("approved", 2, "王经理", "同意，带上新样品"))
        self.assertNotIn(v["id"], [x["id"] for x in self.mgr.get(API + "/visits?awaiting=decision&page_size=200").body["items"]])
        self.assertEqual(self.am1.get(f"{API}/visits/{v['id']}").body["actions"], ["report"])  # the day has come
        # the report
        r = self.am1.post(f"{API}/visits/{v['id']}/report",
                          {"version": 2, "findings": "客户计划扩建二期厂房", "needs": "需要 200L 桶装", "problems": "上批次交货晚了两天",
                           "follow_ups": "下周报价", "next_visit_date": "2027-03-01"})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["status"], r.body["findings"], r.body["next_visit_date"], r.body["version"]),
                         ("reported", "客户计划扩建二期厂房", "2027-03-01", 3))
        self.assertIsNotNone(r.body["reported_at"])
        self.assertIn(v["id"], [x["id"] for x in self.mgr.get(API + "/visits?awaiting=review&page_size=200").body["items"]])
        # the review
        self.assertField(self.mgr.post(f"{API}/visits/{v['id']}/review", {"version": 3}), "comment")
        r = self.mgr.post(f"{API}/visits/{v['id']}/review", {"version": 3, "comment": "跟进二期，报价前给我看"})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["status"], r.body["reviewed_by_name"], r.body["review_comment"], r.body["actions"]),
                         ("reviewed", "王经理", "跟进二期，报价前给我看", []))
        for action in ("create", "approve", "report", "review"):
            self.assertEqual(self.audit(v["id"], action), 1, action)
        row = self.server.sql("SELECT status, version, decided_by, reviewed_by FROM visits WHERE id = ?", (v["id"],))[0]
        self.assertEqual(row, ("reviewed", 4, self.mgr.id, self.mgr.id))

    def test_reject_edit_resubmit(self):
        v = self.plan(date="2027-02-10")
        before = self.server.count("audit_log", "entity = 'visit'")
        self.assertField(self.mgr.post(f"{API}/visits/{v['id']}/reject", {"version": 1}), "comment")
        self.assertField(self.mgr.post(f"{API}/visits/{v['id']}/reject", {"version": 1, "comment": "  "}), "comment")
        self.assertEqual(self.server.count("audit_log", "entity = 'visit'"), before)
        r = self.mgr.post(f"{API}/visits/{v['id']}/reject", {"version": 1, "comment": "目的不明确，请写清要谈的产品"})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["status"], r.body["decision_comment"]), ("rejected", "目的不明确，请写清要谈的产品"))
        self.assertEqual(self.am1.get(f"{API}/visits/{v['id']}").body["actions"], ["edit"])
        # the lead cannot edit the plan; the planner edits and resubmits
        self.assertStatus(self.mgr.patch(f"{API}/visits/{v['id']}", {"version": 2, "purpose": "x"}), 403, "forbidden")
        r = self.am1.patch(f"{API}/visits/{v['id']}", {"version": 2, "purpose": "推荐新款液压油，谈年度框架协议",
                                                        "date": "2027-02-12", "participants": None})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["status"], r.body["version"], r.body["date"], r.body["participants"]),
                         ("submitted", 3, "2027-02-12", []))
        self.assertEqual(self.audit(v["id"], "reject"), 1)
        self.assertEqual(self.audit(v["id"], "update"), 1)
        changes = self.server.sql("SELECT changes FROM audit_log WHERE entity = 'visit' AND entity_id = ? AND action = 'update'",
                                  (v["id"],))[0][0]
        self.assertIn("rejected", changes)
        self.assertIn("2027-02-12", changes)
        self.assertEqual(self.approve(r.body)["status"], "approved")

    def test_versions_and_states(self):
        v = self.plan(date="2027-02-03")
        self.assertStatus(self.mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 2}), 409, "stale_version")
        self.assertStatus(self.am1.patch(f"{API}/visits/{v['id']}", {"version": 9, "purpose": "x"}), 409, "stale_version")
        self.assertEqual(self.server.sql("SELECT status, version FROM visits WHERE id = ?", (v["id"],))[0], ("submitted", 1))
        # a report needs an approved plan
        self.assertStatus(self.am1.post(f"{API}/visits/{v['id']}/report", {"version": 1, "findings": "x"}), 422, "validation_failed")
        self.assertStatus(self.mgr.post(f"{API}/visits/{v['id']}/review", {"version": 1, "comment": "x"}), 422, "validation_failed")
        a = self.approve(v)
        # decided already: a second decision or an edit is refused like a decided return (422)
        r = self.mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 2})
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual(r.error["message"], "该计划不在待审批状态")
        r = self.mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 2}, headers={"Accept-Language": "zh-TW"})
        self.assertEqual(r.error["message"], "該計畫不在待審核狀態")
        r = self.mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 2}, headers={"Accept-Language": "en"})
        self.assertEqual(r.error["message"], "This plan is not awaiting a decision")
        self.assertStatus(self.mgr.post(f"{API}/visits/{v['id']}/reject", {"version": 2, "comment": "x"}), 422, "validation_failed")
        self.assertStatus(self.am1.patch(f"{API}/visits/{v['id']}", {"version": 2, "purpose": "改"}), 422, "validation_failed")
        # the visit is on 2027-02-03: no report before the day
        r = self.am1.post(f"{API}/visits/{v['id']}/report", {"version": a["version"], "findings": "提前写"})
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual(self.server.sql("SELECT status, version, findings FROM visits WHERE id = ?", (v["id"],))[0],
                         ("approved", 2, None))
        # only the planner reports
        today = self.approve(self.plan())
        self.assertStatus(self.am2.post(f"{API}/visits/{today['id']}/report", {"version": 2, "findings": "x"}), 404)
        self.assertStatus(self.mgr.post(f"{API}/visits/{today['id']}/report", {"version": 2, "findings": "x"}), 403, "forbidden")
        self.assertField(self.am1.post(f"{API}/visits/{today['id']}/report",
                                       {"version": 2, "findings": "x", "next_visit_date": "2027-02-01"}), "next_visit_date")
        for body, field in (({"version": 2}, "findings"), ({"version": 2, "findings": "x" * 2001}, "findings"),
                            ({"version": 2, "findings": "x", "needs": 5}, "needs"),
                            ({"version": 2, "findings": "x", "next_visit_date": "3月"}, "next_visit_date")):
            self.assertField(self.am1.post(f"{API}/visits/{today['id']}/report", body), field)
        self.assertStatus(self.am1.post(f"{API}/visits/{today['id']}/report", {"version": 1, "findings": "x"}), 409, "stale_version")
        self.assertEqual(self.audit(today["id"], "report"), 0)

    def test_bad_input_stores_nothing(self):
        c = self.customer()
        good = {"customer_id": c, "date": "2027-02-05", "purpose": "回访"}
        before = self.server.counts("visits", "audit_log")
        for change, field in (({"customer_id": None}, "customer_id"), ({"customer_id": "1"}, "customer_id"),
                              ({"date": "2027-1-5"}, "date"), ({"date": "2027-01-31"}, "date"), ({"date": "2028-03-01"}, "date"),
                              ({"date": None}, "date"), ({"purpose": ""}, "purpose"), ({"purpose": "x" * 501}, "purpose"),
                              ({"participants": [f"人{i}" for i in range(11)]}, "participants"),
                              ({"participants": "李娜"}, "participants"), ({"participants": ["x" * 51]}, "participants"),
                              ({"leader_visit": "yes"}, "leader_visit")):
            body = dict(good, **change)
            self.assertField(self.am1.post(API + "/visits", body), field)
        self.assertStatus(self.am1.post(API + "/visits", dict(good, status="approved")), 400, "unknown_field")
        self.assertStatus(self.am1.post(API + "/visits", raw="{"), 400)
        self.assertStatus(self.am1.post(API + "/visits", dict(good, customer_id=999999)), 404, "not_found")
        self.assertEqual(self.server.counts("visits", "audit_log"), before)
        v = self.plan(customer=c)
        for change, field in (({"date": "2027-01-01"}, "date"), ({"purpose": None}, "purpose"), ({"date": None}, "date"),
                              ({}, "version")):
            body = dict({"version": 1}, **change)
            if field == "version":
                body = {"purpose": "x"}
            self.assertField(self.am1.patch(f"{API}/visits/{v['id']}", body), field)
        self.assertStatus(self.am1.patch(f"{API}/visits/{v['id']}", {"version": 1, "customer_id": c}), 400, "unknown_field")
        self.assertStatus(self.mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 1, "verdict": "ok"}), 400, "unknown_field")
        self.assertEqual(self.server.sql("SELECT version, purpose FROM visits WHERE id = ?", (v["id"],))[0], (1, "年度回访，了解新产线需求"))

    def test_scope_and_who_decides(self):
        c = self.customer()
        v = self.plan(customer=c)
        path = f"{API}/visits/{v['id']}"
        # outside the scope: 404 for reading, planning, deciding
        for s in (self.am3, self.am2, self.mgr2):
            self.assertStatus(s.get(path), 404, "not_found")
            self.assertStatus(s.post(path + "/approve", {"version": 1}), 404, "not_found")
        self.assertStatus(self.am3.post(API + "/visits", {"customer_id": c, "date": "2027-02-05", "purpose": "x"}), 404)
        self.assertNotIn(v["id"], [x["id"] for x in self.am3.get(API + "/visits?page_size=200").body["items"]])
        # visible but not theirs to decide: 403
        self.assertStatus(self.am1.post(f"{API}/customers/{c}/members", {"user_id": self.am3.id, "access": "read"}), 200)
        self.assertStatus(self.mgr2.get(path), 200)
        self.assertStatus(self.mgr2.post(path + "/approve", {"version": 1}), 403, "forbidden")
        self.assertStatus(self.am3.post(path + "/approve", {"version": 1}), 403, "forbidden")
        self.assertStatus(self.am1.post(path + "/approve", {"version": 1}), 403, "forbidden")  # not his own
        self.assertStatus(self.svc.post(path + "/approve", {"version": 1}), 403, "forbidden")
        self.assertStatus(self.aud.post(path + "/reject", {"version": 1, "comment": "x"}), 403, "forbidden")
        # read-only roles cannot plan
        self.assertStatus(self.svc.post(API + "/visits", {"customer_id": c, "date": "2027-02-05", "purpose": "x"}), 403)
        self.assertStatus(self.am3.post(API + "/visits", {"customer_id": c, "date": "2027-02-05", "purpose": "x"}), 403)
        self.assertEqual(self.server.sql("SELECT status FROM visits WHERE id = ?", (v["id"],))[0][0], "submitted")
        self.assertEqual(self.audit(v["id"], "approve"), 0)
        # the lead's own plan goes to the director
        own = self.plan(customer=c, session=self.mgr)
        self.assertEqual(own["team_id"], self.team1)
        self.assertStatus(self.mgr.post(f"{API}/visits/{own['id']}/approve", {"version": 1}), 403, "forbidden")
        self.assertNotIn(own["id"], [x["id"] for x in self.mgr.get(API + "/visits?awaiting=decision&page_size=200").body["items"]])
        self.assertIn(own["id"], [x["id"] for x in self.dir.get(API + "/visits?awaiting=decision&page_size=200").body["items"]])
        self.assertEqual(self.approve(own, session=self.dir)["decided_by_name"], "赵总")
        # account managers wait for nobody
        self.assertEqual(self.am1.get(API + "/visits?awaiting=decision").body["total"], 0)

    def test_list_filters(self):
        c1, c2 = self.customer(), self.customer()
        a = self.plan(customer=c1, date="2027-02-04")
        b = self.plan(customer=c2, date="2027-02-08")
        m = self.plan(customer=c1, date="2027-02-06", session=self.mgr)
        self.approve(b)

        def ids(session, query):
            r = session.get(API + "/visits?" + q(dict(query, page_size=200)))
            self.assertStatus(r, 200)
            return [x["id"] for x in r.body["items"]]

        self.assertEqual(ids(self.am1, {"customer_id": c1}), [m["id"], a["id"]])  # newest date first
        self.assertEqual(ids(self.am1, {"customer_id": c1, "sort": "date"}), [a["id"], m["id"]])
        self.assertEqual(ids(self.am1, {"customer_id": c1, "mine": "true"}), [a["id"]])
        self.assertEqual(ids(self.mgr, {"customer_id": c1, "mine": "true"}), [m["id"]])
        got = ids(self.am1, {"status": "approved", "from": "2027-02-01", "to": "2027-02-28"})
        self.assertIn(b["id"], got)
        self.assertNotIn(a["id"], got)
        self.assertEqual(ids(self.am1, {"from": "2027-02-05", "to": "2027-02-07", "customer_id": c1}), [m["id"]])
        r = self.am1.get(API + "/visits?" + q({"customer_id": c1, "page_size": 1, "page": 2}))
        self.assertEqual((r.body["total"], r.body["page"], r.body["page_size"], len(r.body["items"])), (2, 2, 1, 1))
        self.assertEqual(ids(self.am1, {"customer_id": c1, "overdue": "true"}), [])
        for bad in ({"status": "done"}, {"awaiting": "me"}, {"from": "2027-13-01"}, {"mine": "yes"}, {"overdue": "maybe"},
                    {"sort": "purpose"}, {"customer_id": "x"}, {"page_size": 500}):
            r = self.am1.get(API + "/visits?" + q(bad))
            self.assertStatus(r, 400, "bad_request", msg=str(bad))
            self.assertIn(next(iter(bad)), r.error.get("fields", {}), str(bad))


class OverdueVisitsTest(ServerTestCase):
    """Plans made on 2027-01-25; on 2027-02-01 the ones whose day passed are overdue."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_env={"KEHU_NOW": "2027-01-25T09:00:00+08:00"})
        try:
            setup_people(cls.server)
            cls.server.start()
            am1, mgr = Session(cls.server, "am1"), Session(cls.server, "mgr")

            def customer(name):
                r = am1.post(API + "/customers", {"type": "company", "name": name})
                assert r.status == 201, r
                return r.body["id"]

            def plan(c, date, decide=None, report=False):
                r = am1.post(API + "/visits", {"customer_id": c, "date": date, "purpose": f"{date} 拜访"})
                assert r.status == 201, r
                v = r.body
                if decide == "approve":
                    v = mgr.post(f"{API}/visits/{v['id']}/approve", {"version": 1}).body
                elif decide == "reject":
                    v = mgr.post(f"{API}/visits/{v['id']}/reject", {"version": 1, "comment": "不必去"}).body
                if report:
                    v = am1.post(f"{API}/visits/{v['id']}/report", {"version": v["version"], "findings": "当天拜访"}).body
                return v

            cls.customer = customer("逾期测试贸易有限公司")
            cls.approved_past = plan(cls.customer, "2027-01-28", "approve")
            cls.submitted_past = plan(cls.customer, "2027-01-30")
            cls.rejected_past = plan(cls.customer, "2027-01-29", "reject")
            cls.reported = plan(cls.customer, "2027-01-25", "approve", report=True)
            cls.future = plan(cls.customer, "2027-02-05", "approve")
            assert cls.reported["status"] == "reported", cls.reported
            other = customer("补写报告测试贸易有限公司")
            cls.late = plan(other, "2027-01-27", "approve")
            cls.late_rejected = plan(other, "2027-01-27", "reject")
            cls.late_submitted = plan(other, "2027-01-26")
            problem = cls.server.stop()
            if problem:
                raise AssertionError(problem)
            cls.server.extra_env = {"KEHU_NOW": TEST_NOW}
            cls.server.start()
            for u in PEOPLE:
                setattr(cls, u, Session(cls.server, u))
        except BaseException:
            cls.server.stop()
            print(cls.server.read_log())
            cls.server.cleanup()
            raise

    def test_overdue_flag_and_filter(self):
        items = {x["id"]: x for x in self.am1.get(f"{API}/visits?customer_id={self.customer}").body["items"]}
        self.assertEqual(len(items), 5)
        expected = {self.approved_past["id"]: True, self.submitted_past["id"]: True, self.rejected_past["id"]: False,
                    self.reported["id"]: False, self.future["id"]: False}
        self.assertEqual({k: v["overdue"] for k, v in items.items()}, expected)
        overdue = [x["id"] for x in self.am1.get(f"{API}/visits?customer_id={self.customer}&overdue=true").body["items"]]
        self.assertEqual(sorted(overdue), sorted([self.approved_past["id"], self.submitted_past["id"]]))
        not_overdue = self.am1.get(f"{API}/visits?customer_id={self.customer}&overdue=false").body["total"]
        self.assertEqual(not_overdue, 3)

    def test_late_report_and_stale_plans(self):
        # the visit day has passed: the planner reports late, the overdue flag goes
        v = self.am1.get(f"{API}/visits/{self.late['id']}").body
        self.assertTrue(v["overdue"])
        self.assertEqual(v["actions"], ["report"])
        r = self.am1.post(f"{API}/visits/{v['id']}/report", {"version": v["version"], "findings": "补写报告"})
        self.assertStatus(r, 200)
        self.assertFalse(r.body["overdue"])
        # a rejected plan whose day passed must move to a coming day when resubmitted
        rej = self.late_rejected
        self.assertField(self.am1.patch(f"{API}/visits/{rej['id']}", {"version": 2, "purpose": "重新提交"}), "date")
        r = self.am1.patch(f"{API}/visits/{rej['id']}", {"version": 2, "date": "2027-02-03"})
        self.assertStatus(r, 200)
        self.assertEqual(r.body["status"], "submitted")
        # a late plan can still be decided
        self.assertStatus(self.mgr.post(f"{API}/visits/{self.late_submitted['id']}/approve", {"version": 1}), 200)

if __name__ == "__main__":
    unittest.main()
