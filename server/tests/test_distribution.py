"""The distribution tree (分销): a customer's parent dealer and level, cycles and depth,
the subtree view in scope, and sales totals that roll up the tree."""
import itertools
import unittest

from kehu_harness import ServerTestCase, Session

API = "/api/v1"
CUSTOMERS = API + "/customers"
_seq = itertools.count(1)


class DistributionTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "am1", "am3"):
            setattr(cls, u, Session(server, u))

    def dealer(self, session, level, parent=None, **extra):
        # A lead sets the credit limit: the director creates the dealer for `session`.
        body = {"name": f"分销商{next(_seq)}号", "dealer_level": level, "credit_limit": 10**9, "owner_id": session.id}
        if parent:
            body["parent_id"] = parent["id"]
        body.update(extra)
        r = self.dir.post(CUSTOMERS, body)
        self.assertStatus(r, 201, msg="create dealer:")
        return r.body

    def test_tree_levels_and_subtree_in_scope(self):
        general = self.dealer(self.am1, "general")
        second = self.dealer(self.am1, "second", general)
        third = self.dealer(self.am1, "third", second)
        other = self.dealer(self.am3, "second")  # am3's own dealer, not below general
        self.assertEqual((second["parent_id"], second["parent_name"], second["dealer_level"]),
                         (general["id"], general["name"], "second"))
        # A director hangs am3's dealer under general: am1 does not see that branch.
        self.assertStatus(self.dir.patch(f"{CUSTOMERS}/{other['id']}", {"parent_id": general["id"], "version": other["version"]}), 200)
        tree = self.dir.get(f"{CUSTOMERS}/{general['id']}/subtree").body
        self.assertEqual(sorted(ch["id"] for ch in tree["children"]), sorted([second["id"], other["id"]]))
        self.assertEqual(tree["children"][[c["id"] for c in tree["children"]].index(second["id"])]["children"][0]["id"], third["id"])
        mine = self.am1.get(f"{CUSTOMERS}/{general['id']}/subtree").body
        self.assertEqual([ch["id"] for ch in mine["children"]], [second["id"]])
        # am3 cannot open general's tree at all
        self.assertStatus(self.am3.get(f"{CUSTOMERS}/{general['id']}/subtree"), 404)

    def test_parent_must_be_visible_and_no_cycles(self):
        a = self.dealer(self.am1, "general")
        b = self.dealer(self.am1, "second", a)
        hidden = self.dealer(self.am3, "general")
        before = self.server.count("customers")
        r = self.am1.post(CUSTOMERS, {"name": "看不见的上级", "parent_id": hidden["id"]})
        self.assertStatus(r, 422, "validation_failed")
        self.assertIn("parent_id", r.body["error"]["fields"])
        self.assertEqual(self.server.count("customers"), before)
        # a cycle: a below b while b is below a; and a below itself
        r = self.am1.patch(f"{CUSTOMERS}/{a['id']}", {"parent_id": b["id"], "version": a["version"]})
        self.assertStatus(r, 422, "validation_failed")
        r = self.am1.patch(f"{CUSTOMERS}/{a['id']}", {"parent_id": a["id"], "version": a["version"]})
        self.assertStatus(r, 422, "validation_failed")
        self.assertIsNone(self.am1.get(f"{CUSTOMERS}/{a['id']}").body["parent_id"])
        # a bad level
        r = self.am1.post(CUSTOMERS, {"name": "层级错误", "dealer_level": "fourth"})
        self.assertStatus(r, 422, "validation_failed")
        self.assertIn("dealer_level", r.body["error"]["fields"])

    def test_depth_is_bounded(self):
        node = self.dealer(self.am1, "general")
        for _ in range(4):
            node = self.dealer(self.am1, "retail", node)
        r = self.am1.post(CUSTOMERS, {"name": "第六级", "parent_id": node["id"]})
        self.assertStatus(r, 422, "validation_failed")

    def test_sales_roll_up_the_tree(self):
        general = self.dealer(self.am1, "general")
        second = self.dealer(self.am1, "second", general)
        r = self.dir.post(API + "/products", {"brand": "恒力", "name": f"分销测试油{next(_seq)}", "spec": "4L",
                                              "unit": "桶", "price": 10000})
        self.assertStatus(r, 201)
        product = r.body["id"]
        for c, qty in ((general, 2), (second, 3)):
            r = self.am1.post(API + "/orders", {"customer_id": c["id"], "date": "2027-02-01",
                                                "lines": [{"product_id": product, "quantity": qty}]})
            self.assertStatus(r, 201)
        s = self.am1.get(f"{CUSTOMERS}/{general['id']}/sales-summary").body
        self.assertEqual(s["lifetime_amount"], 20000)
        self.assertEqual(s["subtree"], {"customers": 2, "mtd_amount": 50000, "ytd_amount": 50000,
                                        "lifetime_amount": 50000, "outstanding": 50000,
                                        "sell_through_mtd_quantity": 0, "sell_through_ytd_quantity": 0})
        leaf = self.am1.get(f"{CUSTOMERS}/{second['id']}/sales-summary").body["subtree"]
        self.assertEqual((leaf["customers"], leaf["lifetime_amount"]), (1, 30000))

    # --- sell-through (纯销) reported by dealers ---------------------------------------------
    def product(self):
        r = self.dir.post(API + "/products", {"brand": "恒力", "name": f"纯销测试油{next(_seq)}", "spec": "18L",
                                              "unit": "桶", "price": 50000})
        self.assertStatus(r, 201)
        return r.body["id"]

    def test_sell_through_counts_in_the_subtree(self):
        p1, p2 = self.product(), self.product()
        general = self.dealer(self.am1, "general")
        second = self.dealer(self.am1, "second", general)
        path = f"{CUSTOMERS}/{general['id']}/sell-through/2027-01"
        empty = self.am1.get(path)
        self.assertStatus(empty, 200)
        self.assertEqual((empty.body["id"], empty.body["lines"], empty.body["total_quantity"]), (None, [], 0))
        r = self.am1.put(path, {"lines": [{"product_id": p1, "quantity": 40}, {"product_id": p2, "quantity": 5}],
                                "note": "总经销月底电话报数"})
        self.assertStatus(r, 201)
        self.assertEqual((r.body["version"], r.body["total_quantity"], r.body["note"]), (1, 45, "总经销月底电话报数"))
        self.assertEqual({l["product_id"]: l["quantity"] for l in r.body["lines"]}, {p1: 40, p2: 5})
        # this month, reported by the sub-dealer
        r2 = self.am1.put(f"{CUSTOMERS}/{second['id']}/sell-through/2027-02", {"lines": [{"product_id": p1, "quantity": 7}]})
        self.assertStatus(r2, 201)
        sub = self.am1.get(f"{CUSTOMERS}/{general['id']}/sales-summary").body["subtree"]
        self.assertEqual((sub["sell_through_mtd_quantity"], sub["sell_through_ytd_quantity"]), (7, 52))
        leaf = self.am1.get(f"{CUSTOMERS}/{second['id']}/sales-summary").body["subtree"]
        self.assertEqual((leaf["sell_through_mtd_quantity"], leaf["sell_through_ytd_quantity"]), (7, 7))
        # replacing needs the version; a stale one is 409 and changes nothing
        self.assertStatus(self.am1.put(path, {"lines": []}), 422, "validation_failed")
        ok = self.am1.put(path, {"lines": [{"product_id": p1, "quantity": 30}], "version": 1})
        self.assertStatus(ok, 200)
        self.assertEqual((ok.body["version"], ok.body["total_quantity"]), (2, 30))
        stale = self.am1.put(path, {"lines": [{"product_id": p1, "quantity": 1}], "version": 1})
        self.assertStatus(stale, 409, "stale_version")
        self.assertEqual(self.am1.get(path).body["total_quantity"], 30)
        audit = self.server.sql("SELECT action, changes FROM audit_log WHERE entity = 'sell_through' AND entity_id = ? ORDER BY id",
                                (r.body["id"],))
        self.assertEqual([a for a, _ in audit], ["create", "update"])
        self.assertIn("40", audit[1][1])

    def test_sell_through_bad_input_and_scope(self):
        p1 = self.product()
        general = self.dealer(self.am1, "general")
        path = f"{CUSTOMERS}/{general['id']}/sell-through/2027-01"
        before = self.server.counts("sell_through_reports", "sell_through_lines")
        for body, field in (({"lines": [{"product_id": p1, "quantity": -1}]}, "lines[0].quantity"),
                            ({"lines": [{"product_id": p1, "quantity": 1.5}]}, "lines[0].quantity"),
                            ({"lines": [{"product_id": p1}]}, "lines[0].quantity"),
                            ({"lines": [{"product_id": 999999, "quantity": 1}]}, "lines[0].product_id"),
                            ({"lines": [{"product_id": p1, "quantity": 1}, {"product_id": p1, "quantity": 2}]}, "lines[1].product_id"),
                            ({"lines": "40"}, "lines"),
                            ({"note": "x" * 2001}, "note")):
            r = self.am1.put(path, body)
            self.assertEqual(r.status, 422, (body, r))
            self.assertIn(field, r.error["fields"], (body, r))
        r = self.am1.put(path, {"lines": [], "amount": 5})
        self.assertStatus(r, 400, "unknown_field")
        self.assertStatus(self.am1.put(f"{CUSTOMERS}/{general['id']}/sell-through/2027-13", {"lines": []}), 400)
        future = self.am1.put(f"{CUSTOMERS}/{general['id']}/sell-through/2027-03", {"lines": []})
        self.assertStatus(future, 422, "validation_failed")
        self.assertIn("month", future.error["fields"])
        # another team's account manager: the dealer does not exist for them
        self.assertStatus(self.am3.get(path), 404, "not_found")
        self.assertStatus(self.am3.put(path, {"lines": [{"product_id": p1, "quantity": 1}]}), 404, "not_found")
        self.assertEqual(self.server.counts("sell_through_reports", "sell_through_lines"), before)


if __name__ == "__main__":
    unittest.main()
