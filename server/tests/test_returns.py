"""Returns, exchanges and repairs over HTTP: requests against order lines within the
customer's return window, approval rights, credit notes that lower the debt (and refunds
for what was paid), quantities that cannot be returned twice, versions and scope.
The clock is fixed at 2027-02-01."""
import itertools
import unittest

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
_seq = itertools.count(1)


class ReturnsTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("mgr", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("svc", "service", name="客服")
        server.add_user("aud", "auditor", name="审计")
        server.add_user("dir", "director", name="赵总")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("mgr", "am1", "am3", "svc", "aud", "dir"):
            setattr(cls, u, Session(server, u))
        r = cls.dir.post(API + "/products", {"brand": "恒力", "name": "退货测试油", "spec": "4L", "unit": "桶", "price": 10000})
        cls.product = r.body["id"]

    def order(self, date="2027-01-20", qty=5, paid=0, window=None):
        body = {"name": f"退货客户{next(_seq)}号", "credit_limit": 10**9, "owner_id": self.am1.id}
        if window is not None:
            body["return_window_days"] = window
        c = self.mgr.post(API + "/customers", body)  # credit terms are a lead's
        self.assertStatus(c, 201)
        o = {"customer_id": c.body["id"], "date": date, "lines": [{"product_id": self.product, "quantity": qty}]}
        if paid:
            o["payment"] = {"amount": paid, "method": "cash"}
        r = self.am1.post(API + "/orders", o)
        self.assertStatus(r, 201)
        return r.body

    def request(self, order, qty=2, kind="return", session=None, **extra):
        body = {"order_id": order["id"], "kind": kind, "reason": "包装破损", "lines": [{"line_no": 1, "quantity": qty}]}
        body.update(extra)
        return (session or self.am1).post(API + "/returns", body)

    def test_approved_return_is_a_credit_note(self):
        o = self.order(qty=5)  # ¥500 owed
        r = self.request(o, qty=2)
        self.assertStatus(r, 201)
        self.assertEqual((r.body["status"], r.body["amount"], r.body["within_window"]), ("requested", 20000, True))
        a = self.mgr.post(f"{API}/returns/{r.body['id']}/approve", {"version": r.body["version"]})
        self.assertStatus(a, 200)
        self.assertEqual((a.body["status"], a.body["credited"], a.body["refund_due"]), ("approved", 20000, 0))
        order = self.am1.get(f"{API}/orders/{o['id']}").body
        self.assertEqual((order["credited"], order["outstanding"], order["total"]), (20000, 30000, 50000))
        self.assertEqual(self.server.count("audit_log", "entity='return' AND action='approve'"), 1)

    def test_paid_part_becomes_a_refund(self):
        o = self.order(qty=5, paid=40000)  # ¥100 still owed
        r = self.request(o, qty=3)         # ¥300 back
        a = self.mgr.post(f"{API}/returns/{r.body['id']}/approve", {"version": r.body["version"]})
        self.assertEqual((a.body["credited"], a.body["refund_due"]), (10000, 20000))
        order = self.am1.get(f"{API}/orders/{o['id']}").body
        self.assertEqual((order["outstanding"], order["settlement"]), (0, "paid"))

    def test_exchange_changes_no_money_and_quantities_are_not_returned_twice(self):
        o = self.order(qty=3)
        r = self.request(o, qty=2, kind="exchange")
        a = self.mgr.post(f"{API}/returns/{r.body['id']}/approve", {"version": r.body["version"]})
        self.assertEqual(a.body["credited"], 0)
        self.assertEqual(self.am1.get(f"{API}/orders/{o['id']}").body["outstanding"], 30000)
        before = self.server.count("returns")
        too_many = self.request(o, qty=2)
        self.assertStatus(too_many, 422, "validation_failed")
        self.assertIn("lines[0].quantity", too_many.body["error"]["fields"])
        self.assertEqual(self.server.count("returns"), before)
        # a rejected request frees its quantity again
        r2 = self.request(o, qty=1)
        self.assertStatus(r2, 201)
        self.assertStatus(self.mgr.post(f"{API}/returns/{r2.body['id']}/reject", {"version": r2.body["version"], "note": "非质量问题"}), 200)
        self.assertStatus(self.request(o, qty=1), 201)

    def test_window_and_who_decides(self):
        late = self.order(date="2026-10-01", window=30)   # 123 days ago
        r = self.request(late, qty=1, session=self.svc)   # service staff may file
        self.assertStatus(r, 201)
        self.assertFalse(r.body["within_window"])
        self.assertStatus(self.svc.post(f"{API}/returns/{r.body['id']}/approve", {"version": 1}), 403, "forbidden")
        self.assertStatus(self.am1.post(f"{API}/returns/{r.body['id']}/approve", {"version": 1}), 403, "forbidden")
        self.assertStatus(self.dir.post(f"{API}/returns/{r.body['id']}/approve", {"version": 1}), 200)
        recent = self.order()
        r = self.request(recent, qty=1)
        self.assertTrue(r.body["within_window"])
        self.assertStatus(self.svc.post(f"{API}/returns/{r.body['id']}/approve", {"version": 1}), 200)
        # a decided request cannot be decided again; a stale version is 409
        self.assertStatus(self.mgr.post(f"{API}/returns/{r.body['id']}/reject", {"version": 1, "note": "x"}), 409, "stale_version")
        self.assertStatus(self.mgr.post(f"{API}/returns/{r.body['id']}/reject", {"version": 2, "note": "x"}), 422)
        self.assertStatus(self.aud.post(API + "/returns", {"order_id": recent["id"], "kind": "return", "reason": "x",
                                                            "lines": [{"line_no": 1, "quantity": 1}]}), 403)

    def test_bad_input_and_scope(self):
        o = self.order(qty=2)
        before = self.server.count("returns")
        for body, field in (({"kind": "refund"}, "kind"), ({"reason": ""}, "reason"),
                            ({"lines": [{"line_no": 9, "quantity": 1}]}, "lines[0].line_no"),
                            ({"lines": [{"line_no": 1, "quantity": 0}]}, "lines[0].quantity"),
                            ({"lines": [{"line_no": 1, "quantity": "1"}]}, "lines[0].quantity"),
                            ({"lines": []}, "lines"), ({"date": "2027-03-01"}, "date"), ({"date": "2027-01-01"}, "date")):
            body = dict({"order_id": o["id"], "kind": "return", "reason": "质量问题",
                         "lines": [{"line_no": 1, "quantity": 1}]}, **body)
            r = self.am1.post(API + "/returns", body)
            self.assertStatus(r, 422, "validation_failed", msg=str(body))
            self.assertIn(field, r.body["error"]["fields"], str(body))
        self.assertStatus(self.request(o, qty=1, session=self.am3), 404, "not_found")
        self.assertStatus(self.am1.post(API + "/returns", {"order_id": 999999, "kind": "return", "reason": "x",
                                                           "lines": [{"line_no": 1, "quantity": 1}]}), 404)
        self.assertEqual(self.server.count("returns"), before)
        mine = self.request(o, qty=1)
        self.assertStatus(self.am3.get(f"{API}/returns/{mine.body['id']}"), 404)
        ids = [x["id"] for x in self.am3.get(API + "/returns").body["items"]]
        self.assertNotIn(mine.body["id"], ids)
        self.assertIn(mine.body["id"], [x["id"] for x in self.am1.get(API + "/returns?status=requested").body["items"]])
        self.assertStatus(self.am1.get(API + "/returns?status=lost"), 400)


if __name__ == "__main__":
    unittest.main()
