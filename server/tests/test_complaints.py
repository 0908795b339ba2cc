"""Complaints over HTTP: filing, the status machine step by step (who may take each step,
forbidden steps), the response promise by grade and severity in calendar or working hours,
escalation driven by `kehu jobs run` with a later clock, the public form and status page,
the analysis, the settings and categories.

The clock is fixed by the harness (KEHU_NOW=2027-02-01T09:00:00+08:00, a Monday)."""
import itertools
import json
import os
import subprocess
import unittest
import urllib.parse

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
COMPLAINTS = API + "/complaints"
CUSTOMERS = API + "/customers"
_seq = itertools.count(1)
NOW = "2027-02-01T01:00:00Z"  # the harness's clock in UTC


def uniq(prefix="投诉客户"):
    return f"{prefix}{next(_seq)}号"


class ComplaintTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("mgra", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("mgrb", "manager", team="乙组", name="乙经理")
        server.add_user("svc", "service", name="客服小罗")
        server.add_user("aud", "auditor", name="审计")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "mgra", "am1", "am3", "mgrb", "svc", "aud"):
            setattr(cls, u, Session(server, u))

    # --- helpers -------------------------------------------------------------------------
    def customer(self, grade="B", session=None):
        r = (session or self.am1).post(CUSTOMERS, {"name": uniq(), "status": "active", "grade": grade,
                                                   "contacts": [{"name": "投诉人", "mobile": f"139{next(_seq):08d}"}]})
        self.assertStatus(r, 201)
        return r.body

    def file(self, customer, session=None, **fields):
        body = {"customer_id": customer["id"], "channel": "phone", "category": "product_quality", "severity": "medium",
                "description": "一批 18L 机油桶身渗漏"}
        body.update(fields)
        r = (session or self.svc).post(COMPLAINTS, body)
        self.assertStatus(r, 201, msg="file complaint:")
        return r.body

    def step(self, complaint, action, session=None, status=200, **fields):
        body = {"version": complaint["version"]}
        body.update(fields)
        r = (session or self.svc).post(f"{COMPLAINTS}/{complaint['id']}/{action}", body)
        self.assertStatus(r, status, msg=f"{action}:")
        return r.body if status == 200 else r

    def run_jobs(self, now):
        env = dict(os.environ, KEHU_TEST_MODE="1", KEHU_NOW=now)
        out = subprocess.run([os.environ["KEHU_BIN"], "jobs", "run", "--db", self.server.db], env=env, capture_output=True,
                             text=True, timeout=60, check=True).stdout
        return {j["job"]: j for j in (json.loads(line) for line in out.splitlines() if line.startswith("{") and "\"job\"" in line)}

    CLOSE = {"root_cause": "product_quality", "root_cause_text": "灌装线封口温度偏低", "resolution": "换货并补偿运费",
             "prevention_action": "灌装线每班点检封口温度", "prevention_due": "2027-03-01"}

    # --- filing and the promise --------------------------------------------------------------
    def test_file_a_complaint_with_the_default_promise(self):
        c = self.customer(grade="B")
        x = self.file(c)
        self.assertEqual((x["status"], x["escalation_level"], x["assignee_id"], x["customer_name"]),
                         ("received", 0, self.am1.id, c["name"]))
        self.assertRegex(x["reference"], r"^TS-20270201-\d{4}$")
        # 24 calendar hours for an ordinary complaint; 72 to resolve
        self.assertEqual((x["first_response_due"], x["resolution_due"]), ("2027-02-02T01:00:00Z", "2027-02-04T01:00:00Z"))
        self.assertEqual(x["time_left_seconds"], 24 * 3600)
        self.assertFalse(x["breached"])
        self.assertEqual(x["timeline"][0]["action"], "file")
        self.assertIn("accept", x["actions"])
        self.assertNotIn("approve", x["actions"])
        self.assertEqual(self.server.count("audit_log", "entity = 'complaint' AND entity_id = ?", (x["id"],)), 1)

    def test_the_promise_depends_on_grade_and_severity(self):
        a = self.customer(grade="A")
        x = self.file(a, severity="critical")
        self.assertEqual(x["first_response_due"], "2027-02-01T05:00:00Z")  # A + critical: 4 hours
        y = self.file(a, severity="high")
        self.assertEqual(y["first_response_due"], "2027-02-01T09:00:00Z")  # 8 hours
        c = self.customer(grade="C")
        z = self.file(c, severity="critical")
        self.assertEqual(z["first_response_due"], "2027-02-02T01:00:00Z")  # the base target

    def test_bad_complaints_are_refused(self):
        c = self.customer()
        before = self.server.counts("complaints", "complaint_events", "audit_log")
        base = {"customer_id": c["id"], "channel": "phone", "category": "delivery", "severity": "low", "description": "迟到"}
        for change, field in (({"channel": "fax"}, "channel"), ({"category": "weather"}, "category"),
                              ({"severity": "apocalyptic"}, "severity"), ({"description": ""}, "description"),
                              ({"description": "x" * 5001}, "description"), ({"customer_id": None}, "customer_id"),
                              ({"product_id": 999999}, "product_id"), ({"order_id": 999999}, "order_id"),
                              ({"contact_id": 999999}, "contact_id")):
            r = self.svc.post(COMPLAINTS, dict(base, **change))
            self.assertEqual(r.status, 422, (change, r))
            self.assertIn(field, r.error["fields"], (change, r))
        self.assertStatus(self.svc.post(COMPLAINTS, dict(base, status="closed")), 400, "unknown_field")
        self.assertStatus(self.am3.post(COMPLAINTS, base), 404, "not_found")
        self.assertStatus(self.aud.post(COMPLAINTS, base), 403, "forbidden")
        self.assertEqual(self.server.counts("complaints", "complaint_events", "audit_log"), before)

    # --- the status machine --------------------------------------------------------------------
    def test_the_whole_way_to_closed(self):
        c = self.customer()
        x = self.file(c)
        x = self.step(x, "accept")
        self.assertEqual((x["status"], x["first_response_at"], x["answered_in_time"]), ("accepted", NOW, True))
        x = self.step(x, "investigate")
        self.assertField(self.svc.post(f"{COMPLAINTS}/{x['id']}/propose", {"version": x["version"]}), "resolution_plan")
        x = self.step(x, "propose", resolution_plan="换货 20 桶，承担往返运费")
        # the service desk may not approve its own plan: a lead does
        self.step(x, "approve", status=403)
        self.step(x, "approve", session=self.mgrb, status=404)  # another team's lead does not see the customer
        x = self.step(x, "approve", session=self.mgra)
        x = self.step(x, "start")
        x = self.step(x, "inform", result_note="已于 2 月 1 日换货完毕")
        self.assertField(self.svc.post(f"{COMPLAINTS}/{x['id']}/rate", {"version": x["version"], "satisfaction": 6}), "satisfaction")
        x = self.step(x, "rate", satisfaction=4, satisfaction_note="处理及时")
        bad = self.svc.post(f"{COMPLAINTS}/{x['id']}/close", dict(self.CLOSE, version=x["version"], prevention_owner_id=self.mgra.id,
                                                                  prevention_due="2027-01-01"))
        self.assertField(bad, "prevention_due")
        x = self.step(x, "close", prevention_owner_id=self.mgra.id, **self.CLOSE)
        self.assertEqual((x["status"], x["root_cause"], x["prevention_owner_name"], x["satisfaction"]),
                         ("closed", "product_quality", "王经理", 4))
        self.assertEqual([e["action"] for e in x["timeline"]],
                         ["file", "accept", "investigate", "propose", "approve", "start", "inform", "rate", "close"])
        self.assertTrue(all(e["user_name"] for e in x["timeline"][1:]))
        self.assertEqual(x["actions"], ["reopen", "prevention_done"])
        # closing asks the customer for their satisfaction: a one-time survey link
        self.assertTrue(x["survey"]["path"].startswith("/survey?token="), x["survey"])
        inv = self.svc.get(f"{API}/surveys/invitations?complaint_id={x['id']}").body["items"]
        self.assertEqual([(i["complaint_id"], i["channel"]) for i in inv], [(x["id"], "link")])
        done = self.step(x, "prevention-done")
        self.assertIsNotNone(done["prevention_done_at"])
        # reopened, it goes back to investigating
        x = self.step(done, "reopen", note="客户反映换货后仍有渗漏")
        self.assertEqual((x["status"], x["reopen_count"], x["closed_at"]), ("reopened", 1, None))
        x = self.step(x, "investigate")
        self.assertEqual(x["status"], "investigating")

    def test_forbidden_steps_and_stale_versions(self):
        c = self.customer()
        x = self.file(c)
        for action, fields in (("investigate", {}), ("propose", {"resolution_plan": "x"}), ("approve", {}), ("start", {}),
                               ("inform", {"result_note": "x"}), ("rate", {"satisfaction": 5}), ("reopen", {"note": "x"})):
            r = self.step(x, action, session=self.dir, status=422, **fields)
            self.assertEqual(r.code, "validation_failed", action)
        self.assertStatus(self.svc.post(f"{COMPLAINTS}/{x['id']}/accept", {"version": x["version"] + 1}), 409, "stale_version")
        self.assertField(self.svc.post(f"{COMPLAINTS}/{x['id']}/reject", {"version": x["version"]}), "note")
        self.assertStatus(self.aud.post(f"{COMPLAINTS}/{x['id']}/accept", {"version": x["version"]}), 403, "forbidden")
        self.assertStatus(self.am3.post(f"{COMPLAINTS}/{x['id']}/accept", {"version": x["version"]}), 404, "not_found")
        self.assertStatus(self.am3.get(f"{COMPLAINTS}/{x['id']}"), 404, "not_found")
        # the account manager of the customer works it too, but does not approve
        r = self.step(x, "reject", session=self.am1, note="非我司产品")
        self.assertEqual((r["status"], r["reject_reason"]), ("rejected", "非我司产品"))
        self.assertEqual(self.server.sql("SELECT count(*) FROM complaint_events WHERE complaint_id = ?", (x["id"],))[0][0], 2)

    # --- escalation with a later clock ------------------------------------------------------------
    def test_escalation_to_the_lead_then_the_director(self):
        c = self.customer(grade="B")
        late = self.file(c)
        answered = self.file(c)
        self.step(answered, "accept")
        # 23 hours later: nothing is due
        self.assertEqual(self.run_jobs("2027-02-02T08:00:00+08:00")["service.escalate"]["changed"], 0)
        # 25 hours: past the first-answer promise, the team lead hears of it
        self.assertGreaterEqual(self.run_jobs("2027-02-02T10:00:00+08:00")["service.escalate"]["changed"], 1)
        self.assertEqual(self.svc.get(f"{COMPLAINTS}/{late['id']}").body["escalation_level"], 1)
        self.assertEqual(self.svc.get(f"{COMPLAINTS}/{answered['id']}").body["escalation_level"], 0)
        notes = self.mgra.get(API + "/notifications?unread=true").body
        self.assertIn(late["reference"], json.dumps(notes["items"], ensure_ascii=False))
        self.assertGreaterEqual(notes["unread"], 1)
        self.assertNotIn(late["reference"], json.dumps(self.dir.get(API + "/notifications").body, ensure_ascii=False))
        # running again changes nothing; past twice the promise the director hears of it
        self.assertFalse(self.run_jobs("2027-02-02T10:01:00+08:00")["service.escalate"]["ran"])
        self.run_jobs("2027-02-03T10:00:00+08:00")
        self.assertEqual(self.svc.get(f"{COMPLAINTS}/{late['id']}").body["escalation_level"], 2)
        self.assertIn(late["reference"], json.dumps(self.dir.get(API + "/notifications").body, ensure_ascii=False))
        nid = self.mgra.get(API + "/notifications").body["items"][0]["id"]
        self.assertStatus(self.dir.post(f"{API}/notifications/{nid}/read", {}), 404)
        self.assertStatus(self.mgra.post(f"{API}/notifications/{nid}/read", {}), 204)
        # the list shows it as breached
        breached = [x["id"] for x in self.svc.get(COMPLAINTS + "?breached=true&page_size=200").body["items"]]
        self.assertIn(late["id"], breached)
        self.assertNotIn(answered["id"], breached)

    def test_working_hours_promise(self):
        s = self.dir.get(API + "/service/settings").body
        body = {k: v for k, v in s.items()}
        body["working_hours"] = True
        r = self.dir.put(API + "/service/settings", body)
        self.assertStatus(r, 200)
        try:
            c = self.customer(grade="C")
            x = self.file(c)
            # Monday 09:00 + 24 working hours of 9 a day: Wednesday 15:00 (+08:00)
            self.assertEqual(x["first_response_due"], "2027-02-03T07:00:00Z")
        finally:
            body["working_hours"] = False
            body["version"] = r.body["version"]
            self.assertStatus(self.dir.put(API + "/service/settings", body), 200)

    def test_settings_and_categories(self):
        s = self.svc.get(API + "/service/settings").body
        self.assertEqual(s["targets"]["A"]["critical"], {"first_response_hours": 4, "resolution_hours": 24})
        body = dict(s)
        self.assertStatus(self.svc.put(API + "/service/settings", body), 403)
        self.assertField(self.dir.put(API + "/service/settings", dict(body, base={"first_response_hours": 0, "resolution_hours": 5})),
                         "base.first_response_hours")
        self.assertField(self.dir.put(API + "/service/settings", dict(body, targets={"Z": {}})), "targets.Z")
        self.assertStatus(self.dir.put(API + "/service/settings", dict(body, version=body["version"] + 5)), 409)
        cats = self.svc.get(API + "/complaint-categories").body["items"]
        self.assertEqual([c["key"] for c in cats][:2], ["product_quality", "delivery"])
        self.assertStatus(self.dir.post(API + "/complaint-categories", {"key": "x", "name_zh_cn": "x", "name_zh_tw": "x",
                                                                        "name_en": "x"}), 403)
        r = self.admin.post(API + "/complaint-categories", {"key": "packaging", "name_zh_cn": "包装", "name_zh_tw": "包裝",
                                                            "name_en": "Packaging"})
        self.assertStatus(r, 201)
        self.assertField(self.admin.post(API + "/complaint-categories", {"key": "Bad Key", "name_zh_cn": "x", "name_zh_tw": "x",
                                                                         "name_en": "x"}), "key")
        self.assertStatus(self.admin.post(API + "/complaint-categories", {"key": "packaging", "name_zh_cn": "x", "name_zh_tw": "x",
                                                                          "name_en": "x"}), 409)
        c = self.customer()
        self.file(c, category="packaging")
        off = self.admin.patch(f"{API}/complaint-categories/{r.body['id']}", {"active": False, "version": 1})
        self.assertStatus(off, 200)
        self.assertStatus(self.svc.post(COMPLAINTS, {"customer_id": c["id"], "channel": "phone", "category": "packaging",
                                                     "severity": "low", "description": "x"}), 422)

    # --- the public form -------------------------------------------------------------------------
    def test_public_form_and_status_page(self):
        script = "<script>alert('x')</script>桶漏了"
        r = self.server.request("POST", API + "/public/complaints", {"name": "张先生", "phone": "13700001111",
                                                                      "category": "product_quality", "description": script})
        self.assertEqual(r.status, 201, r)
        ref, token = r.body["reference"], r.body["token"]
        self.assertTrue(r.body["status_path"].startswith("/complaint-status/" + ref))
        # staff see it (not linked to a customer: the service desk and leads only)
        x = [i for i in self.svc.get(COMPLAINTS + "?status=received&page_size=200").body["items"] if i["reference"] == ref][0]
        self.assertEqual((x["customer_id"], x["reporter_phone"], x["channel"], x["description"]), (None, "+8613700001111", "web", script))
        self.assertNotIn(ref, json.dumps(self.am1.get(COMPLAINTS + "?page_size=200").body))
        self.assertEqual(self.aud.get(f"{COMPLAINTS}/{x['id']}").status, 404)
        status = self.server.request("GET", f"{API}/public/complaints/{ref}?token={token}")
        self.assertEqual(status.status, 200)
        self.assertEqual((status.body["status"], status.body["reference"]), ("received", ref))
        self.assertNotIn("description", status.body)
        self.assertEqual(self.server.request("GET", f"{API}/public/complaints/{ref}?token=wrong").status, 404)
        self.assertEqual(self.server.request("GET", f"{API}/public/complaints/{ref}").status, 404)
        # steps show on the status page, internal notes do not
        self.svc.post(f"{COMPLAINTS}/{x['id']}/accept", {"version": x["version"], "note": "内部备注：疑似窜货"})
        page = self.server.request("GET", f"{API}/public/complaints/{ref}?token={token}").body
        self.assertEqual(page["status"], "accepted")
        self.assertNotIn("疑似窜货", json.dumps(page, ensure_ascii=False))
        # a phone that matches one contact links the complaint to that customer
        c = self.customer()
        phone = c["contacts"][0]["mobile"]
        linked = self.server.request("POST", API + "/public/complaints", {"name": "投诉人", "phone": phone, "category": "delivery",
                                                                           "description": "送货晚了三天"})
        self.assertEqual(linked.status, 201)
        y = [i for i in self.am1.get(f"{COMPLAINTS}?customer_id={c['id']}").body["items"]]
        self.assertEqual([i["reference"] for i in y], [linked.body["reference"]])

    def test_public_form_limits(self):
        before = self.server.count("complaints")
        for body, field in (({"phone": "13700001111", "category": "delivery", "description": "x"}, "name"),
                            ({"name": "李", "category": "delivery", "description": "x"}, "phone"),
                            ({"name": "李", "phone": "123", "category": "delivery", "description": "x"}, "phone"),
                            ({"name": "李", "email": "not-an-email", "category": "delivery", "description": "x"}, "email"),
                            ({"name": "李", "phone": "13700001111", "category": "delivery", "description": "x" * 5001}, "description")):
            r = self.server.request("POST", API + "/public/complaints", body, headers={"X-Forwarded-For": "10.0.0.9"})
            self.assertEqual(r.status, 422, (body, r))
            self.assertIn(field, r.body["error"]["fields"])
        r = self.server.request("POST", API + "/public/complaints", {"name": "李", "phone": "13700001111", "category": "delivery",
                                                                      "description": "x", "severity": "critical"})
        self.assertEqual(r.status, 400)
        big = self.server.request("POST", API + "/public/complaints", raw=json.dumps({"name": "李", "phone": "13700001111",
                                                                                      "category": "delivery",
                                                                                      "description": "x" * 20000}))
        self.assertEqual(big.status, 413)
        self.assertEqual(self.server.count("complaints"), before)

    def test_public_form_rate_limit(self):
        # the other public tests used some of this address's five an hour
        codes = []
        for i in range(7):
            r = self.server.request("POST", API + "/public/complaints", {"name": "刷单", "phone": "13700002222",
                                                                          "category": "other", "description": f"第{i}次"})
            codes.append(r.status)
        self.assertIn(429, codes)
        self.assertEqual(codes[-1], 429)

    # --- attachments --------------------------------------------------------------------------
    def test_attachments_are_stored_safely_and_downloaded(self):
        c = self.customer()
        x = self.file(c)
        png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
        up = lambda session, name, data: session.request(
            "POST", f"{COMPLAINTS}/{x['id']}/attachments?name={urllib.parse.quote(name)}", raw=data,
            headers={"Content-Type": "application/octet-stream"})
        r = up(self.svc, "../../etc/桶身照片.png", png)
        self.assertStatus(r, 201)
        self.assertEqual((r.body["file_name"], r.body["content_type"], r.body["size"]), ("桶身照片.png", "image/png", len(png)))
        got = self.svc.get(f"{COMPLAINTS}/{x['id']}").body["attachments"]
        self.assertEqual([a["file_name"] for a in got], ["桶身照片.png"])
        d = self.am1.get(f"{COMPLAINTS}/{x['id']}/attachments/{r.body['id']}")
        self.assertEqual(d.status, 200)
        self.assertEqual(d.raw, png)
        self.assertEqual(d.headers["content-type"], "image/png")
        self.assertTrue(d.headers["content-disposition"].startswith("attachment;"), d.headers)
        self.assertIn("filename*=UTF-8''%E6%A1%B6", d.headers["content-disposition"])
        self.assertEqual(d.headers["x-content-type-options"], "nosniff")
        # stored under a generated name inside the storage folder, never the user's name
        stored = os.listdir(self.server.db + ".files")
        self.assertTrue(all(len(n) == 32 for n in stored), stored)
        before = self.server.count("complaint_attachments")
        for name, data, status in (("page.png", b"<html><script>alert(1)</script></html>", 422),
                                   ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 422),
                                   ("a.pdf\x00.php", b"MZ\x90\x00", 422), ("empty.png", b"", 422),
                                   ("big.pdf", b"%PDF-" + b"x" * (5 * 1024 * 1024), 413)):
            rr = up(self.svc, name, data)
            self.assertEqual(rr.status, status, (name, rr))
        self.assertEqual(self.server.count("complaint_attachments"), before)
        self.assertEqual(len(os.listdir(self.server.db + ".files")), len(stored))
        # outside the scope, or only reading
        self.assertStatus(up(self.am3, "x.png", png), 404)
        self.assertStatus(up(self.aud, "x.png", png), 403)
        self.assertStatus(self.am3.get(f"{COMPLAINTS}/{x['id']}/attachments/{r.body['id']}"), 404)
        self.assertStatus(self.svc.get(f"{COMPLAINTS}/{x['id']}/attachments/999999"), 404)

    # --- analysis ----------------------------------------------------------------------------------
    def test_analysis(self):
        c = self.customer(grade="A")
        closed = self.file(c, category="delivery", severity="high")
        x = closed
        for action, fields, who in (("accept", {}, self.svc), ("investigate", {}, self.svc),
                                    ("propose", {"resolution_plan": "补发"}, self.svc), ("approve", {}, self.mgra),
                                    ("start", {}, self.svc), ("inform", {"result_note": "已补发"}, self.svc),
                                    ("rate", {"satisfaction": 5}, self.svc)):
            x = self.step(x, action, session=who, **fields)
        x = self.step(x, "close", prevention_owner_id=self.mgra.id, **dict(self.CLOSE, root_cause="delivery"))
        self.file(c, category="delivery")
        a = self.am1.get(API + "/complaints/analysis?from=2027-01-01&to=2027-02-28")
        self.assertStatus(a, 200)
        body = a.body
        self.assertGreaterEqual(body["total"], 2)
        self.assertIn("delivery", [k["key"] for k in body["by_category"]])
        self.assertIn({"key": "delivery", "count": 1}, body["by_root_cause"])
        self.assertIn(c["id"], [r["customer_id"] for r in body["repeat_customers"]])
        self.assertIn(x["id"], [p["id"] for p in body["open_prevention"]])
        self.assertEqual(body["by_month"][-1]["month"], "2027-02")
        self.assertEqual(body["sla"]["answered_in_time"], body["sla"]["answered"])
        self.assertEqual(body["satisfaction"]["per_mille"], 1000)
        # outside the scope: another team's account manager sees none of it
        other = self.am3.get(API + "/complaints/analysis?from=2027-01-01&to=2027-02-28").body
        self.assertNotIn(c["id"], [r["customer_id"] for r in other["repeat_customers"]])
        self.assertStatus(self.am1.get(API + "/complaints/analysis?from=2027-03-01&to=2027-01-01"), 400)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from kehu_harness import admin_session
        cls.admin = admin_session(cls.server)


if __name__ == "__main__":
    unittest.main()
