"""Monthly business plans per dealer over HTTP: create and replace with versions, targets
against actual orders, expected progress by working days, last year, scope and bad input.
The clock is fixed at 2027-02-01 09:00 +08:00 (a Monday: 1 of 20 working days elapsed)."""
import itertools
import unittest

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
CUSTOMERS = API + "/customers"
_seq = itertools.count(1)


class PlansTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("aud", "auditor", name="审计")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "am1", "am3", "aud"):
            setattr(cls, u, Session(server, u))
        p1 = cls.dir.post(API + "/products", {"brand": "恒力", "name": "计划测试柴油机油", "spec": "18L", "unit": "桶", "price": 50000})
        p2 = cls.dir.post(API + "/products", {"brand": "恒力", "name": "计划测试齿轮油", "spec": "4L", "unit": "桶", "price": 10000})
        p3 = cls.dir.post(API + "/products", {"brand": "恒力", "name": "计划外防冻液", "spec": "2kg", "unit": "桶", "price": 3000})
        cls.p1, cls.p2, cls.p3 = p1.body["id"], p2.body["id"], p3.body["id"]

    def dealer(self):
        r = self.dir.post(CUSTOMERS, {"name": f"计划经销商{next(_seq)}号", "credit_limit": 10**10, "owner_id": self.am1.id})
        self.assertStatus(r, 201)
        return r.body["id"]

    def order(self, cid, date, lines):
        r = self.am1.post(API + "/orders", {"customer_id": cid, "date": date,
                                            "lines": [{"product_id": p, "quantity": q} for p, q in lines]})
        self.assertStatus(r, 201)

    def test_plan_against_actual(self):
        cid = self.dealer()
        path = f"{CUSTOMERS}/{cid}/plans/2027-02"
        r = self.am1.put(path, {"lines": [{"product_id": self.p1, "quantity": 10},
                                          {"product_id": self.p2, "quantity": 20, "amount": 180000}],
                                "schedule": "上旬到货一半", "support": "促销员一名"})
        self.assertStatus(r, 201)
        self.assertEqual(r.body["target_amount"], 10 * 50000 + 180000)
        self.order(cid, "2027-02-01", [(self.p1, 4), (self.p3, 5)])
        self.order(cid, "2026-02-01", [(self.p2, 7)])  # the same day last year
        g = self.am1.get(path).body
        by = {l["product_id"]: l for l in g["lines"]}
        self.assertEqual((by[self.p1]["target_quantity"], by[self.p1]["actual_quantity"], by[self.p1]["actual_amount"]),
                         (10, 4, 200000))
        self.assertEqual(by[self.p1]["achieved_per_mille"], 400)
        self.assertEqual((by[self.p2]["target_amount"], by[self.p2]["actual_amount"]), (180000, 0))
        self.assertEqual((by[self.p3]["target_quantity"], by[self.p3]["actual_quantity"]), (0, 5))  # bought without a target
        self.assertEqual(g["actual_amount"], 200000 + 15000)
        self.assertEqual(g["achieved_per_mille"], 215000 * 1000 // 680000)
        self.assertEqual(g["working_days"], {"total": 20, "elapsed": 1})
        self.assertEqual(g["expected_per_mille"], 50)
        self.assertEqual(g["same_period_last_year"], 70000)
        self.assertEqual((g["schedule"], g["support"]), ("上旬到货一半", "促销员一名"))
        # The year view
        y = self.am1.get(f"{CUSTOMERS}/{cid}/plans?year=2027").body
        feb = y["months"][1]
        self.assertEqual((feb["month"], feb["has_plan"], feb["target_amount"], feb["actual_amount"]),
                         ("2027-02", True, 680000, 215000))
        self.assertEqual(len(y["months"]), 12)
        self.assertFalse(y["months"][0]["has_plan"])

    def test_replace_needs_the_current_version(self):
        cid = self.dealer()
        path = f"{CUSTOMERS}/{cid}/plans/2027-03"
        r = self.am1.put(path, {"lines": [{"product_id": self.p1, "quantity": 1}]})
        self.assertStatus(r, 201)
        v = r.body["version"]
        self.assertStatus(self.am1.put(path, {"lines": [{"product_id": self.p1, "quantity": 2}]}), 422)  # version missing
        r = self.am1.put(path, {"lines": [{"product_id": self.p1, "quantity": 2}], "version": v})
        self.assertStatus(r, 200)
        self.assertEqual(r.body["lines"][0]["target_quantity"], 2)
        stale = self.am1.put(path, {"lines": [{"product_id": self.p1, "quantity": 9}], "version": v})
        self.assertStatus(stale, 409, "stale_version")
        self.assertEqual(self.am1.get(path).body["lines"][0]["target_quantity"], 2)
        self.assertGreaterEqual(self.server.count("audit_log", "entity='plan' AND action='update'"), 1)

    def test_bad_input_and_nothing_stored(self):
        cid = self.dealer()
        before = self.server.count("plans")
        for body, field in (({"lines": [{"product_id": self.p1, "quantity": -1}]}, "lines[0].quantity"),
                            ({"lines": [{"product_id": self.p1, "quantity": "3"}]}, "lines[0].quantity"),
                            ({"lines": [{"product_id": 999999, "quantity": 3}]}, "lines[0].product_id"),
                            ({"lines": [{"product_id": self.p1, "quantity": 1}, {"product_id": self.p1, "quantity": 2}]},
                             "lines[1].product_id"),
                            ({"lines": "x"}, "lines")):
            r = self.am1.put(f"{CUSTOMERS}/{cid}/plans/2027-04", body)
            self.assertStatus(r, 422, "validation_failed", msg=str(body))
            self.assertIn(field, r.body["error"]["fields"], str(body))
        for month in ("2027-13", "2027-2", "abcd-ef", "1999-01"):
            self.assertStatus(self.am1.get(f"{CUSTOMERS}/{cid}/plans/{month}"), 400, msg=month)
        self.assertStatus(self.am1.put(f"{CUSTOMERS}/{cid}/plans/2027-04", {"lines": [], "extra": 1}), 400, "unknown_field")
        self.assertEqual(self.server.count("plans"), before)

    def test_scope(self):
        cid = self.dealer()
        path = f"{CUSTOMERS}/{cid}/plans/2027-05"
        self.assertStatus(self.am3.get(path), 404)
        self.assertStatus(self.am3.put(path, {"lines": []}), 404)
        self.assertStatus(self.aud.get(path), 200)
        self.assertStatus(self.aud.put(path, {"lines": []}), 403)
        self.assertEqual(self.server.count("plans", "customer_id = ?", (cid,)), 0)


if __name__ == "__main__":
    unittest.main()
