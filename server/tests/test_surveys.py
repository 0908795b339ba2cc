"""Satisfaction surveys (满意度调查) over HTTP: templates with frozen questions, invitations as a
one-time link or taken by phone, the public answer page (no session; answered once; validated
per question type; script text stored inert; rate-limited per address), expiry after 30 days
with the injectable clock, and the results (satisfaction %, NPS, per question, manager, team)
in the caller's scope.

The clock is fixed by the harness at 2027-02-01T09:00:00+08:00.
"""
import hashlib
import itertools
import json
import unittest
import urllib.parse

from kehu_harness import TEST_NOW, Server, ServerTestCase, Session, q, run_cli

API = "/api/v1"
TEMPLATES = API + "/surveys/templates"
INVITATIONS = API + "/surveys/invitations"
RESULTS = API + "/surveys/results"
PUBLIC = API + "/public/surveys"
_seq = itertools.count(1)

DEFAULT_KEYS = ["overall", "product_quality", "delivery", "service", "nps", "suggestions"]


def uniq(prefix="调查客户"):
    return f"{prefix}{next(_seq)}号"


def full(score=5, nps=10, **extra):
    a = {"overall": score, "product_quality": score, "delivery": score, "service": score, "nps": nps}
    a.update(extra)
    return a


def public_url(token):
    return PUBLIC + "?" + q({"token": token})


PEOPLE = {"dir": ("director", None, "赵总"), "mgra": ("manager", "甲组", "王经理"), "am1": ("account_manager", "甲组", "李娜"),
          "am2": ("account_manager", "甲组", "王强"), "am3": ("account_manager", "乙组", "陈静"),
          "svc": ("service", None, "客服小刘"), "aud": ("auditor", None, "审计")}


def setup_people(server):
    for u, (role, team, name) in PEOPLE.items():
        server.add_user(u, role, team=team, name=name)


class SurveyTestBase(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        setup_people(server)

    @classmethod
    def setup_sessions(cls, server):
        for u in PEOPLE:
            setattr(cls, u, Session(server, u))

    # --- helpers -------------------------------------------------------------------------
    def customer(self, session=None, contacts=None):
        body = {"name": uniq()}
        if contacts:
            body["contacts"] = contacts
        r = (session or self.am1).post(API + "/customers", body)
        self.assertStatus(r, 201, msg="create customer:")
        return r.body

    def default_template(self):
        r = self.am1.get(TEMPLATES + "?active=true&page_size=200")
        self.assertStatus(r, 200)
        return next(t for t in r.body["items"] if t["is_default"])

    def invite(self, customer, session=None, status=201, **fields):
        body = {"template_id": fields.pop("template_id", None) or self.default_template()["id"], "customer_id": customer["id"]}
        body.update(fields)
        r = (session or self.am1).post(INVITATIONS, body)
        self.assertStatus(r, status, msg="invite:")
        return r.body

    def public_get(self, token):
        return self.server.request("GET", public_url(token))

    def public_post(self, token, answers=None, body=None, **kw):
        return self.server.request("POST", public_url(token), body if body is not None else {"answers": answers}, **kw)


class SurveyTest(SurveyTestBase):
    # NB: the public POST route allows 30 submissions per address and hour; this class stays below.

    # --- templates -------------------------------------------------------------------------
    def test_the_default_template_is_seeded_and_everyone_reads_it(self):
        t = self.default_template()
        self.assertEqual((t["name"], t["active"], t["is_default"]), ("客户满意度调查", True, True))
        self.assertEqual([x["key"] for x in t["questions"]], DEFAULT_KEYS)
        self.assertEqual([x["type"] for x in t["questions"]], ["score5"] * 4 + ["nps", "text"])
        self.assertEqual([x["required"] for x in t["questions"]], [True] * 5 + [False])
        for s in (self.aud, self.svc, self.am3):
            r = s.get(f"{TEMPLATES}/{t['id']}")
            self.assertStatus(r, 200)
            self.assertEqual(r.body["questions"], t["questions"])
        self.assertStatus(self.am1.get(f"{TEMPLATES}/999999"), 404, "not_found")
        self.assertStatus(self.am1.get(TEMPLATES + "?active=maybe"), 400, "bad_request")

    def test_templates_are_written_by_leads_with_every_problem_named(self):
        good = {"name": "季度回访问卷", "description": "每季度一次",
                "questions": [{"key": "overall", "text": "整体满意度", "type": "score5", "required": True},
                              {"key": "topics", "text": "您关心哪些？", "type": "multiple", "options": ["价格", "质量", "交期"]}]}
        before = self.server.counts("survey_templates", "audit_log")
        self.assertStatus(self.am1.post(TEMPLATES, good), 403, "forbidden")
        self.assertStatus(self.svc.post(TEMPLATES, good), 403, "forbidden")
        q1 = good["questions"][0]
        cases = [
            ({"name": ""}, "name"),
            ({"name": "x" * 101}, "name"),
            ({"name": None}, "name"),
            ({"questions": []}, "questions"),
            ({"questions": "overall"}, "questions"),
            ({"questions": [dict(q1, key=f"q{i}") for i in range(31)]}, "questions"),
            ({"questions": [dict(q1, key="Overall")]}, "questions[0].key"),
            ({"questions": [q1, dict(q1, text="again")]}, "questions[1].key"),
            ({"questions": [dict(q1, type="stars")]}, "questions[0].type"),
            ({"questions": [dict(q1, text="")]}, "questions[0].text"),
            ({"questions": [dict(q1, text="x" * 501)]}, "questions[0].text"),
            ({"questions": [dict(q1, options=["a", "b"])]}, "questions[0].options"),
            ({"questions": [dict(q1, type="single", options=["只有一个"])]}, "questions[0].options"),
            ({"questions": [dict(q1, type="single", options=["甲", "甲"])]}, "questions[0].options"),
            ({"questions": [dict(q1, required="yes")]}, "questions[0].required"),
            ({"active": "true"}, "active"),
            ({"is_default": True, "active": False}, "active"),
        ]
        for change, field in cases:
            r = self.mgra.post(TEMPLATES, dict(good, **change))
            self.assertField(r, field)
        self.assertStatus(self.mgra.post(TEMPLATES, dict(good, colour="red")), 400, "unknown_field")
        self.assertStatus(self.mgra.post(TEMPLATES, {**good, "questions": [dict(q1, weight=2)]}), 400, "unknown_field")
        self.assertEqual(self.server.counts("survey_templates", "audit_log"), before)

        r = self.mgra.post(TEMPLATES, good)
        self.assertStatus(r, 201)
        t = r.body
        self.assertEqual((t["version"], t["active"], t["is_default"], t["in_use"], t["created_by_name"]), (1, True, False, False, "王经理"))
        self.assertEqual(t["questions"][1], {"key": "topics", "text": "您关心哪些？", "type": "multiple", "required": False,
                                             "options": ["价格", "质量", "交期"]})
        # never sent: the questions may change; a stale version changes nothing
        new_q = good["questions"] + [{"key": "note", "text": "备注", "type": "text"}]
        r = self.dir.patch(f"{TEMPLATES}/{t['id']}", {"questions": new_q, "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((len(r.body["questions"]), r.body["version"]), (3, 2))
        self.assertStatus(self.dir.patch(f"{TEMPLATES}/{t['id']}", {"name": "旧", "version": 1}), 409, "stale_version")
        self.assertField(self.dir.patch(f"{TEMPLATES}/{t['id']}", {"name": "无版本"}), "version")
        self.assertStatus(self.am1.patch(f"{TEMPLATES}/{t['id']}", {"name": "x", "version": 2}), 403, "forbidden")
        self.assertStatus(self.dir.patch(f"{TEMPLATES}/999999", {"name": "x", "version": 1}), 404, "not_found")

        # once sent the questions are frozen: rename, deactivate or copy
        self.invite(self.customer(), template_id=t["id"])
        self.assertEqual(self.am1.get(f"{TEMPLATES}/{t['id']}").body["in_use"], True)
        r = self.dir.patch(f"{TEMPLATES}/{t['id']}", {"questions": good["questions"], "version": 2})
        self.assertField(r, "questions")
        r = self.dir.patch(f"{TEMPLATES}/{t['id']}", {"name": "季度回访问卷（停用）", "active": False, "version": 2})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["active"], r.body["version"]), (False, 3))
        self.assertField(self.am1.post(INVITATIONS, {"template_id": t["id"], "customer_id": self.customer()["id"]}), "template_id")
        copy = self.mgra.post(f"{TEMPLATES}/{t['id']}/copy", None)
        self.assertStatus(copy, 201)
        self.assertEqual((copy.body["name"], copy.body["active"], copy.body["copied_from"], copy.body["in_use"]),
                         ("季度回访问卷（停用）（副本）", True, t["id"], False))
        self.assertEqual(copy.body["questions"], r.body["questions"])
        named = self.mgra.post(f"{TEMPLATES}/{t['id']}/copy", {"name": "季度回访问卷 v2"})
        self.assertEqual(named.body["name"], "季度回访问卷 v2")
        self.assertStatus(self.am1.post(f"{TEMPLATES}/{t['id']}/copy", {}), 403, "forbidden")
        actions = [a for (a,) in self.server.sql(
            "SELECT action FROM audit_log WHERE entity = 'survey_template' AND entity_id = ? ORDER BY id", (t["id"],))]
        self.assertEqual(actions, ["create", "update", "update"])
        listed = [x["id"] for x in self.am1.get(TEMPLATES + "?active=false&page_size=200").body["items"]]
        self.assertIn(t["id"], listed)

    def test_one_default_template_stays_active(self):
        d = self.default_template()
        self.assertField(self.dir.patch(f"{TEMPLATES}/{d['id']}", {"active": False, "version": d["version"]}), "active")
        self.assertField(self.dir.patch(f"{TEMPLATES}/{d['id']}", {"is_default": False, "version": d["version"]}), "is_default")
        other = self.mgra.post(f"{TEMPLATES}/{d['id']}/copy", {"name": "临时默认"}).body
        r = self.dir.patch(f"{TEMPLATES}/{other['id']}", {"is_default": True, "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual(self.default_template()["id"], other["id"])
        old = self.am1.get(f"{TEMPLATES}/{d['id']}").body
        self.assertEqual((old["is_default"], old["version"]), (False, d["version"] + 1))
        # and back, so the other tests see the seeded default
        r = self.dir.patch(f"{TEMPLATES}/{d['id']}", {"is_default": True, "version": old["version"]})
        self.assertStatus(r, 200)
        self.assertEqual(self.default_template()["id"], d["id"])

    # --- invitations and the public page ---------------------------------------------------
    def test_a_link_is_answered_once_without_a_session(self):
        c = self.customer(contacts=[{"name": "张伟", "mobile": "13800138000"}])
        inv = self.invite(c, contact_id=c["contacts"][0]["id"])
        token = inv["token"]
        self.assertEqual(inv["path"], "/survey?token=" + token)
        self.assertEqual(inv["api_path"], PUBLIC + "?token=" + token)
        self.assertEqual((inv["status"], inv["channel"], inv["expires_at"], inv["contact_name"], inv["created_by_name"]),
                         ("pending", "link", "2027-03-03T01:00:00Z", "张伟", "李娜"))
        # only the digest (BLAKE2b-256) is stored, and the token is never shown again
        digest = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
        self.assertEqual(self.server.sql("SELECT token_digest FROM survey_invitations WHERE id = ?", (inv["id"],))[0][0], digest)
        self.assertEqual(self.server.count("survey_invitations", "token_digest = ?", (token,)), 0)
        again = self.am1.get(f"{INVITATIONS}/{inv['id']}")
        self.assertStatus(again, 200)
        self.assertNotIn("token", again.body)
        self.assertNotIn(token, again.raw.decode())

        page = self.public_get(token)
        self.assertStatus(page, 200)
        self.assertEqual(set(page.body), {"survey", "customer_name", "questions", "expires_at"})
        self.assertEqual(page.body["customer_name"], c["name"])
        self.assertEqual(page.body["survey"]["name"], "客户满意度调查")
        self.assertEqual([x["key"] for x in page.body["questions"]], DEFAULT_KEYS)
        self.assertNotIn("13800138000", page.raw.decode())
        self.assertNotIn("张伟", page.raw.decode())
        self.assertIn("no-store", page.headers.get("cache-control", ""))

        r = self.public_post(token, full(5, 9, suggestions="希望交货再快一点"))
        self.assertStatus(r, 201)
        self.assertEqual(r.body, {"status": "answered", "answers": 6})
        second = self.public_post(token, full(1, 0))
        self.assertStatus(second, 409, "already_exists")
        self.assertEqual(second.error.get("reason"), "already_answered")
        self.assertStatus(self.public_get(token), 409, "already_exists")

        got = self.am1.get(f"{INVITATIONS}/{inv['id']}").body
        self.assertEqual((got["status"], got["answered_via"], got["answered_by"], got["owner_name"], got["version"]),
                         ("answered", "link", None, "李娜", 2))
        self.assertEqual(got["answered_at"], "2027-02-01T01:00:00Z")
        self.assertEqual([(a["key"], a["value"]) for a in got["answers"]],
                         [("overall", 5), ("product_quality", 5), ("delivery", 5), ("service", 5), ("nps", 9),
                          ("suggestions", "希望交货再快一点")])
        self.assertEqual(self.server.count("survey_answers", "invitation_id = ?", (inv["id"],)), 6)
        actions = [a for (a,) in self.server.sql(
            "SELECT action FROM audit_log WHERE entity = 'survey_invitation' AND entity_id = ? ORDER BY id", (inv["id"],))]
        self.assertEqual(actions, ["create", "answer"])
        # the access log names the path, never the token in the query string
        self.assertIn("/api/v1/public/surveys", self.server.read_log())
        self.assertNotIn(token, self.server.read_log())

    def test_public_answers_are_checked_and_nothing_is_stored(self):
        c = self.customer()
        inv = self.invite(c)
        token = inv["token"]
        before = self.server.counts("survey_answers", "audit_log")
        cases = [
            ({"overall": None}, "answers.overall"),        # required
            ({"nps": None}, "answers.nps"),
            ({"overall": 6}, "answers.overall"),
            ({"delivery": 0}, "answers.delivery"),
            ({"nps": 11}, "answers.nps"),
            ({"overall": 4.5}, "answers.overall"),
            ({"service": "5"}, "answers.service"),
            ({"suggestions": "长" * 2001}, "answers.suggestions"),
            ({"suggestions": "bidi\u202eoverride"}, "answers.suggestions"),
            ({"colour": "red"}, "answers.colour"),
        ]
        for change, field in cases:
            answers = full()
            for k, v in change.items():
                if v is None:
                    answers.pop(k)
                else:
                    answers[k] = v
            r = self.public_post(token, answers)
            self.assertField(r, field)
        self.assertField(self.public_post(token, body={"answers": [5, 5]}), "answers")
        self.assertField(self.public_post(token, body={}), "answers")
        self.assertStatus(self.public_post(token, body={"answers": full(), "name": "x"}), 400, "unknown_field")
        self.assertStatus(self.server.request("POST", public_url(token), raw=b'{"answers": {'), 400, "malformed")
        self.assertStatus(self.public_post("not-a-token", full()), 404, "not_found")
        self.assertStatus(self.public_get("not-a-token"), 404, "not_found")
        self.assertStatus(self.server.request("GET", PUBLIC), 404, "not_found")
        self.assertStatus(self.public_get("x" * 500), 404, "not_found")
        self.assertEqual(self.server.counts("survey_answers", "audit_log"), before)
        self.assertEqual(self.am1.get(f"{INVITATIONS}/{inv['id']}").body["status"], "pending")
        # 2,000 characters are fine
        self.assertStatus(self.public_post(token, full(suggestions="好" * 2000)), 201)

    def test_script_text_is_stored_verbatim_and_returned_as_json(self):
        c = self.customer()
        inv = self.invite(c)
        script = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
        self.assertStatus(self.public_post(inv["token"], full(4, 8, suggestions=script)), 201)
        self.assertEqual(self.server.sql("SELECT text FROM survey_answers WHERE invitation_id = ? AND question_key = 'suggestions'",
                                         (inv["id"],))[0][0], script)
        r = self.am1.get(f"{INVITATIONS}/{inv['id']}")
        self.assertTrue(r.headers["content-type"].startswith("application/json"))
        self.assertEqual(r.headers.get("x-content-type-options"), "nosniff")
        self.assertEqual(r.body["answers"][-1]["value"], script)
        latest = next(x for x in self.am1.get(RESULTS + "?" + q({"customer_id": c["id"]})).body["by_question"]
                      if x["key"] == "suggestions")["latest"]
        self.assertEqual(latest[0]["text"], script)

    def test_invitations_check_their_input_and_the_scope(self):
        c = self.customer(contacts=[{"name": "孙总"}])
        other = self.customer(contacts=[{"name": "钱七"}])
        tid = self.default_template()["id"]
        before = self.server.counts("survey_invitations", "audit_log")
        base = {"template_id": tid, "customer_id": c["id"]}
        cases = [
            ({"template_id": None}, "template_id"),
            ({"template_id": 999999}, "template_id"),
            ({"template_id": "1"}, "template_id"),
            ({"customer_id": None}, "customer_id"),
            ({"channel": "email"}, "channel"),
            ({"contact_id": other["contacts"][0]["id"]}, "contact_id"),
            ({"contact_id": 0}, "contact_id"),
            ({"complaint_id": 999999}, "complaint_id"),
        ]
        for change, field in cases:
            body = dict(base)
            for k, v in change.items():
                if v is None:
                    body.pop(k)
                else:
                    body[k] = v
            self.assertField(self.am1.post(INVITATIONS, body), field)
        self.assertStatus(self.am1.post(INVITATIONS, dict(base, token="x")), 400, "unknown_field")
        # another team's account manager: the customer does not exist; the auditor reads only
        self.assertStatus(self.am3.post(INVITATIONS, base), 404, "not_found")
        self.assertStatus(self.am2.post(INVITATIONS, base), 404, "not_found")
        self.assertStatus(self.aud.post(INVITATIONS, base), 403, "forbidden")
        self.assertStatus(self.am1.post(INVITATIONS, dict(base, customer_id=999999)), 404, "not_found")
        self.assertEqual(self.server.counts("survey_invitations", "audit_log"), before)
        # the service desk and the team lead may send
        self.assertEqual(self.invite(c, session=self.svc)["created_by_name"], "客服小刘")
        self.invite(c, session=self.mgra)
        inv = self.invite(c)
        self.assertStatus(self.am3.get(f"{INVITATIONS}/{inv['id']}"), 404, "not_found")
        self.assertStatus(self.aud.get(f"{INVITATIONS}/{inv['id']}"), 200)
        self.assertStatus(self.am1.get(f"{INVITATIONS}/999999"), 404, "not_found")

    def test_phone_answers_are_recorded_by_staff_with_a_version(self):
        c = self.customer()
        inv = self.invite(c, session=self.svc, channel="phone")
        self.assertNotIn("token", inv)
        self.assertEqual((inv["channel"], inv["expires_at"], inv["status"]), ("phone", None, "pending"))
        url = f"{INVITATIONS}/{inv['id']}/answers"
        before = self.server.counts("survey_answers", "audit_log")
        self.assertStatus(self.am3.post(url, {"answers": full(), "version": 1}), 404, "not_found")
        self.assertStatus(self.aud.post(url, {"answers": full(), "version": 1}), 403, "forbidden")
        self.assertStatus(self.svc.post(url, {"answers": full(), "version": 2}), 409, "stale_version")
        self.assertField(self.svc.post(url, {"answers": full(), "version": None}), "version")
        self.assertField(self.svc.post(url, {"answers": full(nps=-1), "version": 1}), "answers.nps")
        self.assertField(self.svc.post(url, {"version": 1}), "answers")
        self.assertStatus(self.svc.post(url, {"answers": full(), "version": 1, "by": 3}), 400, "unknown_field")
        self.assertEqual(self.server.counts("survey_answers", "audit_log"), before)
        r = self.svc.post(url, {"answers": full(3, 7), "version": 1})
        self.assertStatus(r, 201)
        self.assertEqual((r.body["status"], r.body["answered_via"], r.body["answered_by_name"], r.body["version"]),
                         ("answered", "staff", "客服小刘", 2))
        self.assertEqual(len(r.body["answers"]), 5)
        self.assertStatus(self.svc.post(url, {"answers": full(), "version": 2}), 409, "already_exists")
        # a link can be answered on the customer's behalf too, which uses it up
        link = self.invite(c)
        self.assertStatus(self.am1.post(f"{INVITATIONS}/{link['id']}/answers", {"answers": full(), "version": 1}), 201)
        self.assertStatus(self.public_get(link["token"]), 409, "already_exists")

    def test_invitation_lists_filter_and_page_in_scope(self):
        c = self.customer()
        a = self.invite(c)
        b = self.invite(c, channel="phone")
        self.am1.post(f"{INVITATIONS}/{b['id']}/answers", {"answers": full(), "version": 1})
        r = self.am1.get(INVITATIONS + "?" + q({"customer_id": c["id"]}))
        self.assertStatus(r, 200)
        self.assertEqual(([x["id"] for x in r.body["items"]], r.body["total"]), ([b["id"], a["id"]], 2))
        r = self.am1.get(INVITATIONS + "?" + q({"customer_id": c["id"], "status": "pending"}))
        self.assertEqual([x["id"] for x in r.body["items"]], [a["id"]])
        r = self.am1.get(INVITATIONS + "?" + q({"customer_id": c["id"], "channel": "phone", "status": "answered"}))
        self.assertEqual([x["id"] for x in r.body["items"]], [b["id"]])
        r = self.am1.get(INVITATIONS + "?" + q({"customer_id": c["id"], "page_size": 1, "page": 2}))
        self.assertEqual(([x["id"] for x in r.body["items"]], r.body["total"], r.body["page"]), ([a["id"]], 2, 2))
        self.assertEqual(self.am3.get(INVITATIONS + "?" + q({"customer_id": c["id"]})).body["total"], 0)
        self.assertEqual(self.mgra.get(INVITATIONS + "?" + q({"customer_id": c["id"]})).body["total"], 2)
        self.assertEqual(self.svc.get(INVITATIONS + "?" + q({"customer_id": c["id"]})).body["total"], 2)
        self.assertEqual(self.am1.get(INVITATIONS + "?" + q({"complaint_id": 999999})).body["total"], 0)
        for bad in ({"status": "late"}, {"channel": "fax"}, {"customer_id": "abc"}, {"page_size": 1000}, {"page": 0}):
            self.assertStatus(self.am1.get(INVITATIONS + "?" + q(bad)), 400, "bad_request", msg=str(bad))

    # --- results --------------------------------------------------------------------------
    def test_results_in_the_callers_scope(self):
        t = self.mgra.post(TEMPLATES, {"name": uniq("结果问卷"), "questions": [
            {"key": "overall", "text": "整体满意度", "type": "score5", "required": True},
            {"key": "nps", "text": "推荐意愿", "type": "nps", "required": True},
            {"key": "source", "text": "渠道", "type": "single", "options": ["朋友", "展会"]},
            {"key": "topics", "text": "关心", "type": "multiple", "options": ["价格", "质量", "交期"]},
            {"key": "note", "text": "建议", "type": "text"}]}).body
        mine1, mine2 = self.customer(), self.customer(session=self.am2)
        theirs = self.customer(session=self.am3)

        def answer(customer, session, answers):
            inv = self.invite(customer, session=session, template_id=t["id"])
            self.assertStatus(self.public_post(inv["token"], answers), 201)

        answer(mine1, self.am1, {"overall": 5, "nps": 10, "source": "朋友", "topics": ["价格", "交期"], "note": "很好"})
        answer(mine2, self.am2, {"overall": 4, "nps": 8, "topics": ["价格"]})
        answer(theirs, self.am3, {"overall": 2, "nps": 3, "source": "展会"})
        self.invite(mine1, template_id=t["id"])  # not answered: not counted

        tq = q({"template_id": t["id"]})
        r = self.dir.get(RESULTS + "?" + tq)
        self.assertStatus(r, 200)
        b = r.body
        self.assertEqual((b["responses"], b["satisfaction_pct"], b["nps"], b["target_pct"], b["met"]), (3, 66.7, 0.0, 90, False))
        self.assertEqual((b["promoters"], b["passives"], b["detractors"], b["score5_answers"], b["satisfied_answers"]), (1, 1, 1, 3, 2))
        by_q = {x["key"]: x for x in b["by_question"]}
        self.assertEqual(list(by_q), ["overall", "nps", "source", "topics", "note"])
        self.assertEqual((by_q["overall"]["average"], by_q["overall"]["answers"]), (3.67, 3))
        self.assertEqual(by_q["overall"]["distribution"], {"1": 0, "2": 1, "3": 0, "4": 1, "5": 1})
        self.assertEqual(by_q["nps"]["average"], 7.0)
        self.assertEqual(by_q["nps"]["distribution"]["10"], 1)
        self.assertEqual(by_q["source"]["distribution"], {"朋友": 1, "展会": 1})
        self.assertEqual(by_q["topics"]["distribution"], {"价格": 2, "质量": 0, "交期": 1})
        self.assertEqual((by_q["topics"]["average"], by_q["topics"]["answers"]), (None, 2))
        self.assertEqual([x["text"] for x in by_q["note"]["latest"]], ["很好"])
        managers = {x["owner_name"]: (x["responses"], x["satisfaction_pct"], x["nps"], x["met"]) for x in b["by_manager"]}
        self.assertEqual(managers, {"李娜": (1, 100.0, 100.0, True), "王强": (1, 100.0, 0.0, True), "陈静": (1, 0.0, -100.0, False)})
        teams = {x["team_name"]: (x["responses"], x["satisfaction_pct"]) for x in b["by_team"]}
        self.assertEqual(teams, {"甲组": (2, 100.0), "乙组": (1, 0.0)})
        self.assertEqual([(m["month"], m["responses"]) for m in b["by_month"]], [("2027-02", 3)])

        # the scope: own customers, the team, everyone
        self.assertEqual(self.am1.get(RESULTS + "?" + tq).body["responses"], 1)
        self.assertEqual(self.am3.get(RESULTS + "?" + tq).body["satisfaction_pct"], 0.0)
        lead = self.mgra.get(RESULTS + "?" + tq).body
        self.assertEqual((lead["responses"], lead["satisfaction_pct"], lead["met"]), (2, 100.0, True))
        self.assertEqual(self.svc.get(RESULTS + "?" + tq).body["responses"], 3)
        self.assertEqual(self.aud.get(RESULTS + "?" + tq).body["responses"], 3)
        # filters
        am3_id = self.am3.user["id"]
        self.assertEqual(self.dir.get(RESULTS + "?" + q({"template_id": t["id"], "owner_id": am3_id})).body["responses"], 1)
        self.assertEqual(self.dir.get(RESULTS + "?" + q({"template_id": t["id"], "team_id": self.am1.user["team_id"]})).body["responses"], 2)
        self.assertEqual(self.dir.get(RESULTS + "?" + q({"template_id": t["id"], "customer_id": theirs["id"]})).body["responses"], 1)
        self.assertEqual(self.am1.get(RESULTS + "?" + q({"template_id": t["id"], "customer_id": theirs["id"]})).body["responses"], 0)
        day = self.dir.get(RESULTS + "?" + q({"template_id": t["id"], "from": "2027-02-01", "to": "2027-02-01"})).body
        self.assertEqual(day["responses"], 3)
        none = self.dir.get(RESULTS + "?" + q({"template_id": t["id"], "from": "2027-02-02"})).body
        self.assertEqual((none["responses"], none["satisfaction_pct"], none["nps"], none["met"]), (0, None, None, False))
        self.assertEqual([x["answers"] for x in none["by_question"]], [0] * 5)  # the template's questions, empty
        for bad in ({"from": "2027-02-30"}, {"to": "2027/02/01"}, {"to": "2027-02-01", "from": "2027-02-02"},
                    {"owner_id": "-1"}, {"team_id": "x"}, {"template_id": "1.5"}):
            r = self.dir.get(RESULTS + "?" + q(bad))
            self.assertStatus(r, 400, "bad_request", msg=str(bad))
            self.assertIn(next(iter(bad)), r.error.get("fields", {}), str(bad))


class SurveyExpiryTest(SurveyTestBase):
    """Links sent on 2027-02-01 expire after 30 days: on 2027-03-05 the page is gone."""

    LATER = "2027-03-05T09:00:00+08:00"

    @classmethod
    def setup_sessions(cls, server):
        am1 = Session(server, "am1")
        r = am1.post(API + "/customers", {"name": "过期测试贸易有限公司"})
        assert r.status == 201, r
        cls.customer_id = r.body["id"]
        tid = next(t["id"] for t in am1.get(TEMPLATES).body["items"] if t["is_default"])
        cls.link = am1.post(INVITATIONS, {"template_id": tid, "customer_id": cls.customer_id}).body
        cls.phone = am1.post(INVITATIONS, {"template_id": tid, "customer_id": cls.customer_id, "channel": "phone"}).body
        assert "token" in cls.link, cls.link
        problem = server.stop()
        if problem:
            raise AssertionError(problem)
        # the job, run once from the command line on the later day
        env = {"KEHU_TEST_MODE": "1", "KEHU_NOW": cls.LATER}
        cls.job_output = run_cli("jobs", "run", "--db", server.db, env=env).stdout
        server.extra_env = {"KEHU_NOW": cls.LATER}
        server.start()
        for u in PEOPLE:
            setattr(cls, u, Session(server, u))

    def test_an_expired_link_is_gone_and_the_job_marked_it(self):
        lines = [json.loads(line) for line in self.job_output.splitlines() if line.startswith("{")]
        runs = {x["job"]: x for x in lines if "job" in x}
        self.assertEqual((runs["service.survey_expiry"]["ran"], runs["service.survey_expiry"]["changed"]), (True, 1))
        self.assertStatus(self.public_get(self.link["token"]), 404, "not_found")
        self.assertStatus(self.public_post(self.link["token"], full()), 404, "not_found")
        got = self.am1.get(f"{INVITATIONS}/{self.link['id']}").body
        self.assertEqual((got["status"], got["version"]), ("expired", 2))
        expired = self.am1.get(INVITATIONS + "?" + q({"customer_id": self.customer_id, "status": "expired"})).body
        self.assertEqual([x["id"] for x in expired["items"]], [self.link["id"]])
        r = self.am1.post(f"{INVITATIONS}/{self.link['id']}/answers", {"answers": full(), "version": 2})
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual(self.server.count("audit_log", "entity = 'survey_invitation' AND action = 'expire' AND entity_id = ?",
                                           (self.link["id"],)), 1)
        # a phone survey has no link to expire
        self.assertEqual(self.am1.get(f"{INVITATIONS}/{self.phone['id']}").body["status"], "pending")
        self.assertStatus(self.am1.post(f"{INVITATIONS}/{self.phone['id']}/answers", {"answers": full(), "version": 1}), 201)


class SurveyRateLimitTest(SurveyTestBase):
    def test_thirty_public_submissions_per_address_and_hour(self):
        c = self.customer()
        inv = self.invite(c)
        for i in range(30):
            self.assertStatus(self.public_post(f"unknown-{i}", full()), 404, "not_found", msg=f"submission {i + 1}:")
        r = self.public_post(inv["token"], full())
        self.assertStatus(r, 429, "rate_limited")
        self.assertEqual(self.server.count("survey_answers", "invitation_id = ?", (inv["id"],)), 0)
        # reading the page is not limited; staff routes are not affected
        self.assertStatus(self.public_get(inv["token"]), 200)
        self.assertStatus(self.am1.post(f"{INVITATIONS}/{inv['id']}/answers", {"answers": full(), "version": 1}), 201)


if __name__ == "__main__":
    unittest.main()
