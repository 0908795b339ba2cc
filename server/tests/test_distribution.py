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
                                        "lifetime_amount": 50000, "outstanding": 50000})
        leaf = self.am1.get(f"{CUSTOMERS}/{second['id']}/sales-summary").body["subtree"]
        self.assertEqual((leaf["customers"], leaf["lifetime_amount"]), (1, 30000))


if __name__ == "__main__":
    unittest.main()
