"""Pre-computed sales figures (migration 0012): customer_figures and customer_month_figures
stay equal to what the orders say after every kind of write — orders with and without
payment, later payments, an order's date moved to another month, an approved return's
credit note — and the customer page's summary and the overdue list's new-customer rule
read them. The clock is fixed at 2027-02-01."""
import itertools
import unittest

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
_seq = itertools.count(1)

RECOMPUTED = """
SELECT customer_id, min(date), max(date), count(*), sum(total - credited), sum(total - paid - credited)
FROM orders GROUP BY customer_id ORDER BY customer_id"""
STORED = """
SELECT customer_id, first_order_date, last_order_date, order_count, amount, outstanding
FROM customer_figures WHERE order_count > 0 ORDER BY customer_id"""
MONTHS_RECOMPUTED = """
SELECT customer_id, substr(date, 1, 7), count(*), sum(total - credited) FROM orders
GROUP BY customer_id, substr(date, 1, 7) ORDER BY 1, 2"""
MONTHS_STORED = "SELECT customer_id, month, order_count, amount FROM customer_month_figures ORDER BY 1, 2"


class FiguresTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("mgr", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("dir", "director", name="赵总")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("mgr", "am1", "dir"):
            setattr(cls, u, Session(server, u))
        r = cls.dir.post(API + "/products", {"brand": "恒力", "name": "汇总测试油", "spec": "4L", "unit": "桶", "price": 10000})
        cls.product = r.body["id"]

    def customer(self, **extra):
        body = {"name": f"汇总客户{next(_seq)}号", "credit_limit": 10**9, "owner_id": self.am1.id, "grade": "C"}
        body.update(extra)
        r = self.mgr.post(API + "/customers", body)
        self.assertStatus(r, 201)
        return r.body

    def order(self, customer, date, qty=3, paid=0):
        body = {"customer_id": customer["id"], "date": date, "lines": [{"product_id": self.product, "quantity": qty}]}
        if paid:
            body["payment"] = {"amount": paid, "method": "cash"}
        r = self.am1.post(API + "/orders", body)
        self.assertStatus(r, 201)
        return r.body

    def assertFiguresMatchOrders(self):
        self.assertEqual(self.server.sql(STORED), self.server.sql(RECOMPUTED))
        self.assertEqual(self.server.sql(MONTHS_STORED), self.server.sql(MONTHS_RECOMPUTED))

    def test_every_write_keeps_the_figures_equal_to_the_orders(self):
        c = self.customer()
        self.assertEqual(self.server.count("customer_figures", "customer_id = ?", (c["id"],)), 0)
        first = self.order(c, "2026-11-20", qty=5)               # ¥500 owed
        self.order(c, "2027-01-10", qty=2, paid=20000)            # paid in full
        third = self.order(c, "2027-01-25", qty=1, paid=5000)     # half paid
        self.assertFiguresMatchOrders()
        row = self.server.sql("SELECT first_order_date, last_order_date, order_count, amount, outstanding "
                              "FROM customer_figures WHERE customer_id = ?", (c["id"],))[0]
        self.assertEqual(row, ("2026-11-20", "2027-01-25", 3, 80000, 55000))
        # a later payment
        self.assertStatus(self.am1.post(f"{API}/orders/{first['id']}/payments",
                                        {"date": "2027-01-30", "amount": 10000, "method": "cash"}), 201)
        self.assertFiguresMatchOrders()
        # the date moved to another month: the month rows follow, the last order date too
        o = self.am1.get(f"{API}/orders/{third['id']}").body
        self.assertStatus(self.am1.patch(f"{API}/orders/{third['id']}", {"date": "2026-12-05", "version": o["version"]}), 200)
        self.assertFiguresMatchOrders()
        self.assertEqual(self.server.sql("SELECT last_order_date FROM customer_figures WHERE customer_id = ?", (c["id"],)),
                         [("2027-01-10",)])
        # an approved return is a credit note: amount and outstanding drop
        r = self.am1.post(API + "/returns", {"order_id": first["id"], "kind": "return", "reason": "包装破损",
                                              "lines": [{"line_no": 1, "quantity": 2}]})
        self.assertStatus(r, 201)
        self.assertStatus(self.mgr.post(f"{API}/returns/{r.body['id']}/approve", {"version": r.body["version"]}), 200)
        self.assertFiguresMatchOrders()

    def test_the_summary_reads_the_same_numbers_as_the_orders(self):
        c = self.customer()
        self.order(c, "2026-01-15", qty=4, paid=40000)
        self.order(c, "2026-02-03", qty=1)
        self.order(c, "2027-01-05", qty=2, paid=10000)
        self.order(c, "2027-02-01", qty=3)
        s = self.am1.get(f"{API}/customers/{c['id']}/sales-summary")
        self.assertStatus(s, 200)
        f = s.body
        self.assertEqual((f["lifetime_amount"], f["outstanding"], f["order_count"]), (100000, 50000, 4))
        self.assertEqual((f["mtd_amount"], f["ytd_amount"]), (30000, 50000))
        self.assertEqual((f["mtd_last_year"], f["ytd_last_year"]), (0, 40000))  # to 2026-02-01: not the 3rd
        months = {m["month"]: (m["amount"], m["running_total"]) for m in f["monthly"]}
        self.assertEqual(months["2026-01"], (40000, 40000))
        self.assertEqual(months["2026-02"], (10000, 50000))
        self.assertEqual(months["2027-01"], (20000, 70000))
        self.assertEqual(months["2027-02"], (30000, 100000))
        self.assertEqual(len(f["monthly"]), 24)

    def test_a_dealers_subtree_adds_its_sub_dealers(self):
        top = self.customer(dealer_level="general")
        sub = self.customer(dealer_level="second", parent_id=top["id"])
        self.order(top, "2027-01-20", qty=1)
        self.order(sub, "2027-01-21", qty=2, paid=20000)
        self.order(sub, "2026-12-30", qty=5)
        t = self.am1.get(f"{API}/customers/{top['id']}/sales-summary").body["subtree"]
        self.assertEqual((t["customers"], t["lifetime_amount"], t["outstanding"], t["ytd_amount"], t["mtd_amount"]),
                         (2, 80000, 60000, 30000, 0))

    def test_a_new_customer_is_due_for_a_first_follow_up(self):
        c = self.customer(grade="A", status="active")
        self.order(c, "2027-01-20", qty=1)  # first order 12 days ago, never contacted
        due = self.am1.get(f"{API}/care/overdue?page_size=200").body["items"]
        mine = [d for d in due if d["customer_id"] == c["id"]]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["reason"], "new_customer")
        for session in (self.mgr, self.dir):  # the team's and the company's lists have it too
            r = session.get(f"{API}/care/overdue?page_size=200")
            self.assertStatus(r, 200)
            self.assertIn(c["id"], [d["customer_id"] for d in r.body["items"]])
        summary = self.am1.get(f"{API}/customers/{c['id']}/care")
        self.assertStatus(summary, 200)
        self.assertEqual((summary.body["reason"], summary.body["overdue"]), ("new_customer", True), summary.body)

    def test_due_dates_stay_equal_to_the_rule_after_every_kind_of_write(self):
        due = "SELECT customer_id, owner_id, due_date, reason FROM care_due ORDER BY customer_id"
        rule = "SELECT customer_id, owner_id, due_date, reason FROM care_due_rule ORDER BY customer_id"
        a = self.customer(grade="A", status="active")
        b = self.customer(grade="B", status="active")
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        self.order(a, "2027-01-25")                                                  # first order
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        r = self.am1.post(API + "/contact-logs", {"customer_id": b["id"], "kind": "call", "summary": "电话回访",
                                                  "next_contact_date": "2027-02-10"})  # a contact with a next date
        self.assertStatus(r, 201)
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        self.assertEqual(self.server.sql("SELECT due_date, reason FROM care_due WHERE customer_id = ?", (b["id"],)),
                         [("2027-02-10", "next_contact")])
        cu = self.mgr.get(f"{API}/customers/{a['id']}").body                          # grade change
        self.assertStatus(self.mgr.patch(f"{API}/customers/{a['id']}", {"grade": "C", "version": cu["version"]}), 200)
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        s = self.dir.get(API + "/care/settings").body                                 # the rule's settings
        body = {k: v for k, v in s.items() if k != "updated_at"}
        r = self.dir.put(API + "/care/settings", dict(body, contact_gap_days={"A": 20, "B": 40, "C": 70}, new_customer_days=3))
        self.assertStatus(r, 200)
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        self.assertEqual(self.server.sql("SELECT due_date FROM care_due WHERE customer_id = ?", (a["id"],)), [("2027-01-28",)])
        self.assertStatus(self.dir.put(API + "/care/settings", dict(body, version=r.body["version"])), 200)
        cu = self.mgr.get(f"{API}/customers/{b['id']}").body                          # to the recycle bin
        self.assertStatus(self.mgr.delete(f"{API}/customers/{b['id']}?version={cu['version']}"), 204)
        self.assertEqual(self.server.sql(due), self.server.sql(rule))
        self.assertEqual(self.server.count("care_due", "customer_id = ?", (b["id"],)), 0)


if __name__ == "__main__":
    unittest.main()
