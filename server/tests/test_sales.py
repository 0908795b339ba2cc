"""Sales over HTTP: products, orders with lines, payments, the credit limit (with a lead's
override and concurrent orders), the customer's sales summary, scope, versions and hostile ids.

The clock is fixed by the harness (KEHU_NOW=2027-02-01T09:00:00+08:00): "today" is 2027-02-01.
Money is integer fen everywhere.
"""
import itertools
import threading
import unittest
import urllib.parse

from kehu_harness import ServerTestCase, Session, q

API = "/api/v1"
PRODUCTS = API + "/products"
ORDERS = API + "/orders"
CUSTOMERS = API + "/customers"
TODAY = "2027-02-01"
BIG_LIMIT = 1_000_000_000  # ¥10,000,000: room for every ordinary order
_seq = itertools.count(1)


def uniq(prefix):
    return f"{prefix}{next(_seq)}号"


class SalesTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("dir", "director", name="赵总")
        server.add_user("mgra", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am2", "account_manager", team="甲组", name="王强")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("svc", "service", name="客服")
        server.add_user("aud", "auditor", name="审计")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "mgra", "am1", "am2", "am3", "svc", "aud"):
            setattr(cls, u, Session(server, u))
        cls.fixtures = {}

    # --- helpers -------------------------------------------------------------------------
    def customer(self, session=None, credit_limit=BIG_LIMIT):
        # Credit terms are set by leads: the director creates it for the account manager.
        session = session or self.am1
        r = self.dir.post(CUSTOMERS, {"name": uniq("销售客户"), "type": "company", "status": "active",
                                      "credit_limit": credit_limit, "owner_id": session.id})
        self.assertStatus(r, 201, msg="create customer:")
        return r.body

    def set_limit(self, c, limit, session=None):
        session = session or self.mgra
        version = session.get(f"{CUSTOMERS}/{c['id']}").body["version"]
        r = session.patch(f"{CUSTOMERS}/{c['id']}", {"credit_limit": limit, "version": version})
        self.assertStatus(r, 200, msg="set credit_limit:")
        self.assertEqual(r.body["credit_limit"], limit)
        return r.body

    def product(self, price=10000, session=None, **fields):
        session = session or self.dir
        body = {"brand": "长城", "name": uniq("润滑油"), "spec": "4L", "unit": "桶", "price": price}
        body.update(fields)
        r = session.post(PRODUCTS, body)
        self.assertStatus(r, 201, msg="create product:")
        return r.body

    def shared_product(self):
        if "product" not in self.fixtures:
            self.fixtures["product"] = self.product(price=1000)
        return self.fixtures["product"]

    def order_body(self, c, amount=None, date=TODAY, **extra):
        """An order of one line; `amount` (fen) as the explicit unit price of quantity 1."""
        p = self.shared_product()
        line = {"product_id": p["id"], "quantity": 1}
        if amount is not None:
            line["unit_price"] = amount
        body = {"customer_id": c["id"], "date": date, "lines": [line]}
        body.update(extra)
        return body

    def order(self, c, amount=10000, date=TODAY, session=None, **extra):
        session = session or self.am1
        r = session.post(ORDERS, self.order_body(c, amount, date, **extra))
        self.assertStatus(r, 201, msg=f"order {amount} on {date}:")
        return r.body

    def pay(self, o, amount, date=TODAY, session=None, method="bank_transfer"):
        session = session or self.am1
        r = session.post(f"{ORDERS}/{o['id']}/payments", {"date": date, "amount": amount, "method": method})
        self.assertStatus(r, 201, msg=f"payment {amount}:")
        return r.body

    def counts(self):
        return self.server.counts("orders", "order_lines", "payments", "products")

    def assertRejected(self, method, path, body, field=None, status=422, code="validation_failed", session=None):
        """The request fails as expected and stores nothing."""
        session = session or self.am1
        before = self.counts()
        r = session.request(method, path, body)
        if field is None:
            self.assertStatus(r, status, code, msg=f"body {body!r}:")
        else:
            self.assertField(r, field, status=status, code=code)
        self.assertEqual(self.counts(), before, f"rejected body {body!r} stored something")
        return r

    def db_order(self, oid):
        return self.server.sql("SELECT subtotal, discount, total, paid, credited, note, version FROM orders WHERE id = ?",
                               (oid,))[0]

    # ====================================================================================
    # Products
    # ====================================================================================
    def test_product_create_roles(self):
        body = {"brand": "长城", "name": uniq("齿轮油"), "spec": "18L", "unit": "桶", "price": 52000,
                "category": "lubricant", "unit_cost": 41000}
        r = self.dir.post(PRODUCTS, body)
        self.assertStatus(r, 201)
        p = r.body
        for k, v in body.items():
            self.assertEqual(p[k], v, k)
        self.assertIsInstance(p["price"], int)
        self.assertIs(p["active"], True)
        self.assertEqual(p["version"], 1)
        row = self.server.sql("SELECT brand, name, spec, unit, price, typeof(price), unit_cost, active FROM products "
                              "WHERE id = ?", (p["id"],))[0]
        self.assertEqual(row, ("长城", body["name"], "18L", "桶", 52000, "integer", 41000, 1))
        self.assertEqual(self.server.count("audit_log", "entity='product' AND entity_id=? AND action='create'",
                                           (p["id"],)), 1)
        # a manager may create too; unit_cost is optional
        r = self.mgra.post(PRODUCTS, {"brand": "美孚", "name": uniq("机油"), "spec": "1L", "unit": "瓶", "price": 8800})
        self.assertStatus(r, 201)
        self.assertIsNone(r.body["unit_cost"])
        self.assertIsNone(r.body["category"])
        # account managers, service, auditor: 403, nothing stored
        for s in (self.am1, self.am3, self.svc, self.aud):
            self.assertRejected("POST", PRODUCTS, {"brand": "美孚", "name": uniq("机油"), "spec": "1L", "unit": "瓶",
                                                   "price": 8800}, status=403, code="forbidden", session=s)

    def test_product_list_search_sort_pagination(self):
        token = uniq("检索防冻液")
        made = [self.product(price=price, name=f"{token}{suffix}", category="coolant")
                for price, suffix in ((30000, "甲"), (10000, "乙"), (20000, "丙"))]
        ids = {p["id"] for p in made}
        # q by a fragment of the name (the middle of it), seen by every signed-in role
        fragment = token[2:5]
        for s in (self.am1, self.svc, self.aud, self.dir):
            r = s.get(PRODUCTS + "?" + q({"q": fragment, "page_size": 200}))
            self.assertStatus(r, 200)
            self.assertEqual({p["id"] for p in r.body["items"]}, ids, fragment)
            self.assertEqual(r.body["total"], 3)
        # pinyin and initials find products too (金吉星机油 → jinjixing, jjx)
        p = self.product(name="金吉星机油", spec="1L")
        for query in ("jjx", "jinjixing", "JJXJY", "吉星"):
            r = self.am1.get(PRODUCTS + "?" + q({"q": query, "page_size": 200}))
            self.assertIn(p["id"], [x["id"] for x in r.body["items"]], query)
        r = self.am1.get(PRODUCTS + "?" + q({"q": "不存在的产品名xyz"}))
        self.assertEqual((r.body["items"], r.body["total"]), ([], 0))
        # LIKE wildcards are literal
        r = self.am1.get(PRODUCTS + "?" + q({"q": "%", "page_size": 200}))
        self.assertStatus(r, 200)
        self.assertEqual(r.body["total"], 0)
        # sort by price both ways
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "sort": "price"}))
        self.assertEqual([p["price"] for p in r.body["items"]], [10000, 20000, 30000])
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "sort": "-price"}))
        self.assertEqual([p["price"] for p in r.body["items"]], [30000, 20000, 10000])
        # name sorts in pinyin order: 丙 bing < 甲 jia < 乙 yi
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "sort": "name"}))
        self.assertEqual([p["name"][-1] for p in r.body["items"]], ["丙", "甲", "乙"])
        # sort=name is by the name, not by the brand: 安 an < 白 bai < 赵 zhao
        tok2 = uniq("名序")
        for brand, head in (("安牌", "赵"), ("白牌", "安"), ("赵牌", "白")):
            self.product(brand=brand, name=f"{head}{tok2}")
        r = self.am1.get(PRODUCTS + "?" + q({"q": tok2, "sort": "name"}))
        self.assertEqual([p["name"][0] for p in r.body["items"]], ["安", "白", "赵"])
        r = self.am1.get(PRODUCTS + "?" + q({"q": tok2, "sort": "-name"}))
        self.assertEqual([p["name"][0] for p in r.body["items"]], ["赵", "白", "安"])
        r = self.am1.get(PRODUCTS + "?" + q({"q": tok2, "sort": "brand"}))
        self.assertEqual([p["brand"] for p in r.body["items"]], sorted(["安牌", "白牌", "赵牌"]))
        # pagination
        p1 = self.am1.get(PRODUCTS + "?" + q({"q": token, "sort": "price", "page": 1, "page_size": 2}))
        p2 = self.am1.get(PRODUCTS + "?" + q({"q": token, "sort": "price", "page": 2, "page_size": 2}))
        self.assertStatus(p1, 200)
        self.assertEqual((p1.body["page"], p1.body["page_size"], p1.body["total"]), (1, 2, 3))
        self.assertEqual([p["price"] for p in p1.body["items"]], [10000, 20000])
        self.assertEqual([p["price"] for p in p2.body["items"]], [30000])
        self.assertEqual(p2.body["total"], 3)
        far = self.am1.get(PRODUCTS + "?" + q({"q": token, "page": 99, "page_size": 2}))
        self.assertEqual((far.body["items"], far.body["total"]), ([], 3))
        # filters: category and active
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "category": "coolant"}))
        self.assertEqual(r.body["total"], 3)
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "category": "other"}))
        self.assertEqual(r.body["total"], 0)
        cheap = made[1]
        self.assertStatus(self.dir.patch(f"{PRODUCTS}/{cheap['id']}", {"active": False, "version": 1}), 200)
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "active": "true"}))
        self.assertEqual({p["id"] for p in r.body["items"]}, ids - {cheap["id"]})
        r = self.am1.get(PRODUCTS + "?" + q({"q": token, "active": "false"}))
        self.assertEqual([p["id"] for p in r.body["items"]], [cheap["id"]])
        # bad list parameters
        for params in ({"sort": "password"}, {"sort": "unit_cost"}, {"sort": "name;DROP TABLE products"},
                       {"page_size": 1000000}, {"page_size": -1}, {"page": "abc"}):
            r = self.am1.get(PRODUCTS + "?" + q(params))
            self.assertStatus(r, 400, "bad_request", msg=str(params))

    def test_product_duplicate(self):
        p = self.product(name=uniq("刹车油"), spec="500ml")
        body = {"brand": p["brand"], "name": p["name"], "spec": "500ml", "unit": "瓶", "price": 1}
        r = self.assertRejected("POST", PRODUCTS, body, status=409, code="already_exists", session=self.dir)
        # another spec of the same product is a different product
        body["spec"] = "1L"
        self.assertStatus(self.dir.post(PRODUCTS, body), 201)
        # renaming a product onto an existing brand+name+spec is refused as well
        r = self.dir.patch(f"{PRODUCTS}/{p['id']}", {"spec": "1L", "version": 1})
        self.assertStatus(r, 409, "already_exists")
        self.assertEqual(self.server.sql("SELECT spec, version FROM products WHERE id = ?", (p["id"],))[0], ("500ml", 1))

    def test_product_bad_input(self):
        def base(**kw):
            b = {"brand": "长城", "name": uniq("坏输入"), "spec": "4L", "unit": "桶", "price": 100}
            b.update(kw)
            return b
        body = base()
        del body["name"]
        self.assertRejected("POST", PRODUCTS, body, "name", session=self.dir)
        for name in ("", "   ", None, "张" * 101, "a" * 101, ["a"], "坏\u0000名", "坏\u202e名"):
            self.assertRejected("POST", PRODUCTS, base(name=name), "name", session=self.dir)
        for price in (-1, "100", 10.5, 10.005, 1_000_000_001, None, True):
            self.assertRejected("POST", PRODUCTS, base(price=price), "price", session=self.dir)
        body = base()
        del body["price"]
        self.assertRejected("POST", PRODUCTS, body, "price", session=self.dir)
        self.assertRejected("POST", PRODUCTS, base(unit_cost=-5), "unit_cost", session=self.dir)
        self.assertRejected("POST", PRODUCTS, base(unit_cost="5"), "unit_cost", session=self.dir)
        for k in ("brand", "spec", "unit"):
            body = base()
            del body[k]
            self.assertRejected("POST", PRODUCTS, body, k, session=self.dir)
        # 1e309 is a value problem
        before = self.counts()
        raw = '{"brand":"长城","name":"%s","spec":"4L","unit":"桶","price":1e309}' % uniq("坏输入")
        r = self.dir.request("POST", PRODUCTS, raw=raw.encode())
        self.assertField(r, "price")
        self.assertEqual(self.counts(), before)
        # unknown / forbidden fields
        r = self.assertRejected("POST", PRODUCTS, base(colour="red"), "colour", status=400, code="unknown_field",
                                session=self.dir)
        self.assertRejected("POST", PRODUCTS, base(id=5), "id", status=400, code="unknown_field", session=self.dir)
        # malformed bodies
        for raw in (b"", b"{", b'{"name":"a",}', b"[1]", b'{"name":"A","name":"B"}'):
            before = self.counts()
            r = self.dir.request("POST", PRODUCTS, raw=raw)
            self.assertStatus(r, 400, msg=repr(raw))
            self.assertEqual(self.counts(), before)
        # 100 Chinese characters are fine
        r = self.dir.post(PRODUCTS, base(name="张" * 100, brand=uniq("品牌")))
        self.assertStatus(r, 201)

    def test_product_patch_and_stale_version(self):
        p = self.product(price=5000, unit_cost=3000)
        path = f"{PRODUCTS}/{p['id']}"
        r = self.dir.patch(path, {"price": 5500, "category": "oil", "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["price"], r.body["category"], r.body["version"], r.body["unit_cost"]),
                         (5500, "oil", 2, 3000))
        # a stale version: 409, nothing changes
        r = self.mgra.patch(path, {"price": 1, "name": "旧版本覆盖", "version": 1})
        self.assertStatus(r, 409, "stale_version")
        self.assertEqual(self.server.sql("SELECT price, name, version FROM products WHERE id = ?", (p["id"],))[0],
                         (5500, p["name"], 2))
        # version is required; bad values are 422
        self.assertField(self.dir.patch(path, {"price": 1}), "version")
        self.assertField(self.dir.patch(path, {"price": -1, "version": 2}), "price")
        self.assertField(self.dir.patch(path, {"price": None, "version": 2}), "price")
        for k in ("name", "brand", "spec", "unit"):
            for blank in ("", "   ", None):
                self.assertField(self.dir.patch(path, {k: blank, "version": 2}), k)
        self.assertField(self.dir.patch(path, {"name": "x" * 101, "version": 2}), "name")
        self.assertStatus(self.dir.patch(path, {"colour": "red", "version": 2}), 400, "unknown_field")
        # account managers may not change products
        self.assertStatus(self.am1.patch(path, {"price": 1, "version": 2}), 403, "forbidden")
        self.assertEqual(self.server.sql("SELECT price, version FROM products WHERE id = ?", (p["id"],))[0], (5500, 2))
        # GET gives the current state
        g = self.am1.get(path)
        self.assertStatus(g, 200)
        self.assertEqual((g.body["price"], g.body["version"]), (5500, 2))
        self.assertStatus(self.dir.get(f"{PRODUCTS}/999999"), 404, "not_found")
        self.assertStatus(self.dir.patch(f"{PRODUCTS}/999999", {"price": 1, "version": 1}), 404, "not_found")

    def test_unit_cost_visibility(self):
        p = self.product(price=7000, unit_cost=4200, name=uniq("成本可见"))
        path = f"{PRODUCTS}/{p['id']}"
        listing = PRODUCTS + "?" + q({"q": p["name"]})
        for s in (self.dir, self.mgra):
            g = s.get(path)
            self.assertStatus(g, 200)
            self.assertEqual(g.body["unit_cost"], 4200, s.username)
            r = s.get(listing)
            self.assertEqual([x["unit_cost"] for x in r.body["items"]], [4200])
        for s in (self.am1, self.am3, self.svc, self.aud):
            g = s.get(path)
            self.assertStatus(g, 200)
            self.assertEqual(g.body["price"], 7000)
            self.assertNotIn("unit_cost", g.body, s.username)
            self.assertNotIn("4200", g.raw.decode())
            r = s.get(listing)
            self.assertEqual(len(r.body["items"]), 1)
            self.assertNotIn("unit_cost", r.body["items"][0], s.username)
        # sorting by the cost is not allowed (it would leak it)
        self.assertStatus(self.am1.get(PRODUCTS + "?sort=unit_cost"), 400, "bad_request")

    # ====================================================================================
    # Orders
    # ====================================================================================
    def test_order_happy_path(self):
        c = self.customer()
        p1 = self.product(price=12800, name=uniq("机油"), spec="4L")
        p2 = self.product(price=5000, name=uniq("滤芯"), spec="标准", unit="个")
        body = {"customer_id": c["id"], "date": "2027-01-15", "discount": 5000, "note": "首单",
                "lines": [{"product_id": p1["id"], "quantity": 10, "unit_price": 12000},
                          {"product_id": p2["id"], "quantity": 3}]}
        r = self.am1.post(ORDERS, body)
        self.assertStatus(r, 201)
        o = r.body
        self.assertEqual(o["customer_id"], c["id"])
        self.assertEqual(o["customer_name"], c["name"])
        self.assertEqual(o["date"], "2027-01-15")
        self.assertEqual(len(o["lines"]), 2)
        l1, l2 = o["lines"]
        self.assertEqual(l1, {"line_no": 1, "product_id": p1["id"], "product_name": p1["name"], "brand": "长城",
                              "spec": "4L", "unit": "桶", "quantity": 10, "unit_price": 12000, "amount": 120000})
        self.assertEqual(l2, {"line_no": 2, "product_id": p2["id"], "product_name": p2["name"], "brand": "长城",
                              "spec": "标准", "unit": "个", "quantity": 3, "unit_price": 5000, "amount": 15000})
        self.assertEqual((o["subtotal"], o["discount"], o["total"], o["paid"], o["credited"], o["outstanding"]),
                         (135000, 5000, 130000, 0, 0, 130000))
        self.assertEqual(o["settlement"], "unpaid")
        self.assertEqual(o["note"], "首单")
        self.assertIsNone(o["credit_override"])
        self.assertEqual(o["payments"], [])
        self.assertEqual(o["version"], 1)
        self.assertEqual(o["created_by_name"], "李娜")
        self.assertTrue(o["created_at"].startswith("2027-02-01T01:00:00") and o["created_at"].endswith("Z"),
                        o["created_at"])
        for k in ("subtotal", "total", "outstanding"):
            self.assertIsInstance(o[k], int)
        # stored as integers
        self.assertEqual(self.db_order(o["id"]), (135000, 5000, 130000, 0, 0, "首单", 1))
        self.assertEqual(self.server.sql("SELECT line_no, quantity, unit_price, amount FROM order_lines "
                                         "WHERE order_id = ? ORDER BY line_no", (o["id"],)),
                         [(1, 10, 12000, 120000), (2, 3, 5000, 15000)])
        self.assertEqual(self.server.count("audit_log", "entity='order' AND entity_id=? AND action='create'",
                                           (o["id"],)), 1)
        # GET detail: the same, with lines and payments
        g = self.am1.get(f"{ORDERS}/{o['id']}")
        self.assertStatus(g, 200)
        self.assertEqual(g.body, o)
        # a later price change or rename does not touch the order: lines keep what was sold
        old_name = g.body["lines"][1]["product_name"]
        self.assertStatus(self.dir.patch(f"{PRODUCTS}/{p2['id']}", {"price": 9999, "name": "改名后的产品", "version": 1}), 200)
        line = self.am1.get(f"{ORDERS}/{o['id']}").body["lines"][1]
        self.assertEqual((line["unit_price"], line["product_name"]), (5000, old_name))
        # a second order, partly paid: the list sums over the filter
        o2 = self.order(c, amount=20000, date="2027-01-20")
        self.pay(o2, 5000, date="2027-01-25")
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"]}))
        self.assertStatus(r, 200)
        self.assertEqual(r.body["total"], 2)
        self.assertEqual((r.body["sum_total"], r.body["sum_outstanding"]), (150000, 145000))
        self.assertEqual([x["id"] for x in r.body["items"]], [o2["id"], o["id"]], "default sort: newest date first")
        for item in r.body["items"]:
            self.assertNotIn("lines", item)
            self.assertNotIn("payments", item)
        self.assertEqual(r.body["items"][0]["settlement"], "partly_paid")
        self.assertEqual(r.body["items"][0]["outstanding"], 15000)
        # filters: settlement, dates; sort
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "settlement": "partly_paid"}))
        self.assertEqual(([x["id"] for x in r.body["items"]], r.body["sum_total"], r.body["sum_outstanding"]),
                         ([o2["id"]], 20000, 15000))
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "settlement": "unpaid"}))
        self.assertEqual([x["id"] for x in r.body["items"]], [o["id"]])
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "settlement": "paid"}))
        self.assertEqual((r.body["total"], r.body["sum_total"], r.body["sum_outstanding"]), (0, 0, 0))
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "from": "2027-01-16", "to": "2027-01-31"}))
        self.assertEqual([x["id"] for x in r.body["items"]], [o2["id"]])
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "to": "2027-01-15"}))
        self.assertEqual([x["id"] for x in r.body["items"]], [o["id"]])
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "sort": "total"}))
        self.assertEqual([x["total"] for x in r.body["items"]], [20000, 130000])
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "sort": "-outstanding"}))
        self.assertEqual([x["outstanding"] for x in r.body["items"]], [130000, 15000])
        p = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "page_size": 1, "page": 2}))
        self.assertEqual((len(p.body["items"]), p.body["total"], p.body["sum_total"]), (1, 2, 150000))

    def test_order_bad_input(self):
        c = self.customer()
        p = self.shared_product()
        retired = self.product(price=100, name=uniq("停售"))
        self.assertStatus(self.dir.patch(f"{PRODUCTS}/{retired['id']}", {"active": False, "version": 1}), 200)

        def body(line=None, **kw):
            b = {"customer_id": c["id"], "date": TODAY, "lines": [line or {"product_id": p["id"], "quantity": 1}]}
            b.update(kw)
            return b

        def line(**kw):
            l = {"product_id": p["id"], "quantity": 1}
            l.update(kw)
            return l

        for bad in (-1, 0, "5", 1.5, None, 10_000_001, True):
            self.assertRejected("POST", ORDERS, body(line(quantity=bad)), "lines[0].quantity")
        no_qty = line()
        del no_qty["quantity"]
        self.assertRejected("POST", ORDERS, body(no_qty), "lines[0].quantity")
        self.assertRejected("POST", ORDERS, body(line(product_id=99999999)), "lines[0].product_id")
        self.assertRejected("POST", ORDERS, body(line(product_id="1")), "lines[0].product_id")
        self.assertRejected("POST", ORDERS, body(line(product_id=retired["id"])), "lines[0].product_id")
        for bad in (-1, "100", 10.5, 1_000_000_001):
            self.assertRejected("POST", ORDERS, body(line(unit_price=bad)), "lines[0].unit_price")
        # the second line is named by its index
        r = self.assertRejected("POST", ORDERS, body(lines=[line(), line(quantity=0)]), "lines[1].quantity")
        self.assertNotIn("lines[0].quantity", r.error["fields"])
        self.assertRejected("POST", ORDERS, body(lines=[line(), line(product_id=99999999)]), "lines[1].product_id")
        self.assertRejected("POST", ORDERS, body(lines=[line(), "x"]), "lines[1]")
        # lines: empty, missing, too many, wrong type
        self.assertRejected("POST", ORDERS, body(lines=[]), "lines")
        self.assertRejected("POST", ORDERS, body(lines=[line()] * 201), "lines")
        self.assertRejected("POST", ORDERS, body(lines={"product_id": p["id"], "quantity": 1}), "lines")
        b = body()
        del b["lines"]
        self.assertRejected("POST", ORDERS, b, "lines")
        self.assertStatus(self.am1.post(ORDERS, body(lines=[line()] * 200, discount=0)), 201, msg="200 lines:")
        # discount above the subtotal (1 × 1000), negative, wrong type
        self.assertRejected("POST", ORDERS, body(discount=1001), "discount")
        self.assertRejected("POST", ORDERS, body(discount=-1), "discount")
        self.assertRejected("POST", ORDERS, body(discount="10"), "discount")
        # dates: tomorrow (fixed clock: today is 2027-02-01), impossible, wrong format, missing
        for bad in ("2027-02-02", "2030-01-01", "2023-02-30", "2023-02-29", "2023-13-01", "2023/01/05", "", None,
                    20270101, "1999-12-31"):
            self.assertRejected("POST", ORDERS, body(date=bad), "date")
        b = body()
        del b["date"]
        self.assertRejected("POST", ORDERS, b, "date")
        # customer id
        for bad in (None, "1", 0, -1, 1.5):
            self.assertRejected("POST", ORDERS, body(customer_id=bad), "customer_id")
        self.assertRejected("POST", ORDERS, body(customer_id=99999999), None, status=404, code="not_found")
        self.assertRejected("POST", ORDERS, body(customer_id=9223372036854775808), "customer_id")
        # note too long
        self.assertRejected("POST", ORDERS, body(note="x" * 2001), "note")
        # payment with the order: above the total, bad method
        self.assertRejected("POST", ORDERS, body(payment={"amount": 1001, "method": "cash"}), "payment.amount")
        self.assertRejected("POST", ORDERS, body(payment={"amount": 0, "method": "cash"}), "payment.amount")
        self.assertRejected("POST", ORDERS, body(payment={"amount": 100, "method": "bitcoin"}), "payment.method")
        self.assertRejected("POST", ORDERS, body(payment={"amount": 100, "method": "cash", "date": "2027-02-02"}),
                            "payment.date")
        # unknown fields: 400
        self.assertRejected("POST", ORDERS, body(total=1), "total", status=400, code="unknown_field")
        self.assertRejected("POST", ORDERS, body(line(amount=5)), "lines[0].amount", status=400, code="unknown_field")
        self.assertRejected("POST", ORDERS, body(created_by=self.am2.id), "created_by", status=400,
                            code="unknown_field")
        # several problems at once are all named
        r = self.assertRejected("POST", ORDERS, body(line(quantity=0), date="2023-02-30", discount=-1),
                                "lines[0].quantity")
        for f in ("date", "discount"):
            self.assertIn(f, r.error["fields"])
        self.assertTrue(self.server.alive())

    def test_payment_with_order_dated_before_order_rejected(self):
        c = self.customer()
        r = self.assertRejected("POST", ORDERS, self.order_body(c, 1000, date="2027-01-20",
                                                                payment={"amount": 1000, "method": "cash",
                                                                         "date": "2027-01-10"}),
                                "payment.date")

    def test_order_scope(self):
        c1 = self.customer(self.am1)
        c3 = self.customer(self.am3)
        # am2 (same team, not the owner) and am3 (other team) cannot order for am1's customer
        for s in (self.am2, self.am3):
            self.assertRejected("POST", ORDERS, self.order_body(c1, 1000), status=404, code="not_found", session=s)
            r = self.assertRejected("POST", ORDERS + "/credit-check", self.order_body(c1, 1000), status=404,
                                    code="not_found", session=s)
        # nor am1 for am3's
        self.assertRejected("POST", ORDERS, self.order_body(c3, 1000), status=404, code="not_found")
        # the team A manager and the director may
        o = self.order(c1, 1000, session=self.mgra)
        self.assertEqual(o["created_by_name"], "王经理")
        self.order(c1, 2000, session=self.dir)
        o1 = self.order(c1, 4000)
        o3 = self.order(c3, 8000, session=self.am3)
        # reading: the order of an invisible customer is 404, and lists and sums leave it out
        for s, visible, hidden in ((self.am2, [], [o1, o3]), (self.am3, [o3], [o1]), (self.am1, [o1], [o3]),
                                   (self.mgra, [o1], [o3])):
            for h in hidden:
                self.assertStatus(s.get(f"{ORDERS}/{h['id']}"), 404, "not_found")
                self.assertStatus(s.patch(f"{ORDERS}/{h['id']}", {"note": "改", "version": h["version"]}), 404,
                                  "not_found")
            for v in visible:
                self.assertStatus(s.get(f"{ORDERS}/{v['id']}"), 200)
        r = self.am2.get(ORDERS + "?" + q({"customer_id": c1["id"]}))
        self.assertStatus(r, 200)
        self.assertEqual((r.body["items"], r.body["total"], r.body["sum_total"], r.body["sum_outstanding"]),
                         ([], 0, 0, 0))
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c1["id"]}))
        self.assertEqual((r.body["total"], r.body["sum_total"]), (3, 7000))
        r = self.am3.get(ORDERS + "?page_size=200")
        ids = {x["id"] for x in r.body["items"]}
        self.assertIn(o3["id"], ids)
        self.assertNotIn(o1["id"], ids)
        self.assertNotIn(o["id"], ids)
        # service and auditor read everything
        for s in (self.svc, self.aud, self.dir):
            self.assertStatus(s.get(f"{ORDERS}/{o1['id']}"), 200)
            r = s.get(ORDERS + "?" + q({"customer_id": c1["id"]}))
            self.assertEqual((r.body["total"], r.body["sum_total"]), (3, 7000))
        self.assertEqual(self.server.sql("SELECT note, version FROM orders WHERE id = ?", (o1["id"],))[0], (None, 1))

    def test_order_service_and_auditor_forbidden(self):
        c = self.customer()
        for s in (self.svc, self.aud):
            self.assertRejected("POST", ORDERS, self.order_body(c, 1000), status=403, code="forbidden", session=s)
        o = self.order(c, 1000)
        for s in (self.svc, self.aud):
            self.assertRejected("POST", f"{ORDERS}/{o['id']}/payments",
                                {"date": TODAY, "amount": 100, "method": "cash"}, status=403, code="forbidden",
                                session=s)
            self.assertStatus(s.patch(f"{ORDERS}/{o['id']}", {"note": "x", "version": 1}), 403, "forbidden")
        self.assertEqual(self.db_order(o["id"])[3:], (0, 0, None, 1))

    # ====================================================================================
    # Credit limit
    # ====================================================================================
    def test_credit_limit_exceeded(self):
        c = self.customer(credit_limit=0)
        self.set_limit(c, 100000)
        self.order(c, 80000, date="2027-01-20")
        before = self.counts()
        r = self.am1.post(ORDERS, self.order_body(c, 30000))
        self.assertStatus(r, 422, "credit_limit_exceeded")
        self.assertEqual(r.error["credit"], {"within": False, "limit": 100000, "outstanding_before": 80000,
                                             "order_amount": 30000, "outstanding_after": 110000})
        self.assertEqual(self.counts(), before)
        # the same numbers from credit-check, without storing anything
        r = self.am1.post(ORDERS + "/credit-check", self.order_body(c, 30000))
        self.assertStatus(r, 200)
        self.assertEqual({k: r.body[k] for k in ("within", "limit", "outstanding_before", "order_amount",
                                                 "outstanding_after", "total")},
                         {"within": False, "limit": 100000, "outstanding_before": 80000, "order_amount": 30000,
                          "outstanding_after": 110000, "total": 30000})
        r = self.am1.post(ORDERS + "/credit-check", self.order_body(c, 20000))
        self.assertEqual((r.body["within"], r.body["outstanding_after"]), (True, 100000))
        r = self.am1.post(ORDERS + "/credit-check", self.order_body(c, 30000, payment={"amount": 10000, "method": "cash"}))
        self.assertEqual((r.body["within"], r.body["order_amount"], r.body["outstanding_after"], r.body["total"]),
                         (True, 20000, 100000, 30000))
        self.assertEqual(self.counts(), before)
        # credit-check validates like POST /orders
        r = self.am1.post(ORDERS + "/credit-check", self.order_body(c, -1))
        self.assertField(r, "lines[0].unit_price")
        # exactly up to the limit is fine (exceed means above)
        o = self.order(c, 20000)
        self.assertEqual(o["outstanding"], 20000)
        # now at the limit: even one fen more is refused
        r = self.am1.post(ORDERS, self.order_body(c, 1))
        self.assertStatus(r, 422, "credit_limit_exceeded")
        self.assertEqual(r.error["credit"]["outstanding_after"], 100001)
        # an order paid in full with it passes although the customer is at the limit
        r = self.am1.post(ORDERS, self.order_body(c, 50000, payment={"amount": 50000, "method": "wechat",
                                                                     "reference": "WX001"}))
        self.assertStatus(r, 201)
        self.assertEqual((r.body["paid"], r.body["outstanding"], r.body["settlement"]), (50000, 0, "paid"))
        self.assertEqual(len(r.body["payments"]), 1)
        pay = r.body["payments"][0]
        self.assertEqual((pay["amount"], pay["method"], pay["reference"], pay["date"]), (50000, "wechat", "WX001", TODAY))
        # partly paid over the limit: refused with the unpaid part as the order amount
        r = self.am1.post(ORDERS, self.order_body(c, 50000, payment={"amount": 49999, "method": "cash"}))
        self.assertStatus(r, 422, "credit_limit_exceeded")
        self.assertEqual(r.error["credit"]["order_amount"], 1)
        # a payment makes room again
        self.pay(o, 20000)
        self.order(c, 20000)
        # a lower limit set by PATCH applies at once
        self.set_limit(c, 50000)
        r = self.am1.post(ORDERS, self.order_body(c, 1))
        self.assertStatus(r, 422, "credit_limit_exceeded")
        self.assertEqual(r.error["credit"]["limit"], 50000)
        s = self.am1.get(f"{CUSTOMERS}/{c['id']}/sales-summary").body
        self.assertEqual((s["credit_limit"], s["outstanding"], s["available_credit"]), (50000, 100000, 0))

    def test_credit_limit_zero_means_no_credit(self):
        c = self.customer(credit_limit=0)
        r = self.assertRejected("POST", ORDERS, self.order_body(c, 1), status=422, code="credit_limit_exceeded")
        self.assertEqual(r.error["credit"], {"within": False, "limit": 0, "outstanding_before": 0, "order_amount": 1,
                                             "outstanding_after": 1})
        self.order(c, 1000, payment={"amount": 1000, "method": "cash"})

    def test_credit_override(self):
        c = self.customer(credit_limit=10000)
        body = self.order_body(c, 30000, credit_override={"reason": "老客户，年底回款"})
        # an account manager may not override (403), nothing stored, nothing audited
        audits = self.server.count("audit_log", "action='credit_override'")
        self.assertRejected("POST", ORDERS, body, status=403, code="forbidden")
        self.assertRejected("POST", ORDERS, self.order_body(c, 30000), status=422, code="credit_limit_exceeded")
        self.assertEqual(self.server.count("audit_log", "action='credit_override'"), audits)
        # the reason is required when an override is sent
        self.assertRejected("POST", ORDERS, self.order_body(c, 30000, credit_override={}), "credit_override.reason",
                            session=self.mgra)
        self.assertRejected("POST", ORDERS, self.order_body(c, 30000, credit_override={"reason": "  "}),
                            "credit_override.reason", session=self.mgra)
        # the team manager approves
        r = self.mgra.post(ORDERS, body)
        self.assertStatus(r, 201)
        o = r.body
        self.assertEqual(o["credit_override"], {"reason": "老客户，年底回款", "by_name": "王经理"})
        self.assertEqual(o["outstanding"], 30000)
        self.assertEqual(self.am1.get(f"{ORDERS}/{o['id']}").body["credit_override"]["reason"], "老客户，年底回款")
        self.assertEqual(self.server.sql("SELECT credit_override_reason, credit_override_by FROM orders WHERE id = ?",
                                         (o["id"],))[0], ("老客户，年底回款", self.mgra.id))
        rows = self.server.sql("SELECT user_id, entity, changes FROM audit_log WHERE action='credit_override' "
                               "AND entity_id = ?", (o["id"],))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][:2], (self.mgra.id, "order"))
        self.assertIn("老客户，年底回款", rows[0][2])
        # the director too, with the customer already over the limit
        r = self.dir.post(ORDERS, self.order_body(c, 5000, credit_override={"reason": "总监特批"}))
        self.assertStatus(r, 201)
        self.assertEqual(r.body["credit_override"], {"reason": "总监特批", "by_name": "赵总"})
        self.assertEqual(self.server.count("audit_log", "action='credit_override' AND entity='order' AND entity_id=?",
                                           (r.body["id"],)), 1)
        # an account manager of another team: the customer is not there for them (404), with or
        # without an override — the scope is checked before the role may approve
        self.assertRejected("POST", ORDERS, body, status=404, code="not_found", session=self.am3)
        self.assertRejected("POST", ORDERS, self.order_body(c, 100), status=404, code="not_found", session=self.am3)
        # credit-check shows the debt that is now over the limit
        r = self.am1.post(ORDERS + "/credit-check", self.order_body(c, 100))
        self.assertEqual((r.body["within"], r.body["limit"], r.body["outstanding_before"], r.body["outstanding_after"]),
                         (False, 10000, 35000, 35100))

    def test_concurrent_orders_cannot_both_pass(self):
        limit = 100000
        for round_ in range(5):
            c = self.customer(credit_limit=limit)
            barrier = threading.Barrier(2)
            results = []
            lock = threading.Lock()

            def place(session):
                barrier.wait()
                r = session.post(ORDERS, self.order_body(c, limit * 6 // 10))
                with lock:
                    results.append(r)

            threads = [threading.Thread(target=place, args=(s,)) for s in (self.am1, self.mgra)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            statuses = sorted(r.status for r in results)
            self.assertEqual(statuses, [201, 422], f"round {round_}: {results}")
            loser = next(r for r in results if r.status == 422)
            self.assertEqual(loser.code, "credit_limit_exceeded")
            self.assertEqual(loser.error["credit"]["outstanding_before"], 60000)
            self.assertEqual(loser.error["credit"]["outstanding_after"], 120000)
            self.assertEqual(self.server.count("orders", "customer_id = ?", (c["id"],)), 1)
            self.assertEqual(self.server.sql("SELECT sum(total - paid) FROM orders WHERE customer_id = ?",
                                             (c["id"],))[0][0], 60000)

    # ====================================================================================
    # Payments
    # ====================================================================================
    def test_payments(self):
        c = self.customer()
        o = self.order(c, 100000, date="2027-01-10")
        path = f"{ORDERS}/{o['id']}/payments"
        r = self.am1.post(path, {"date": "2027-01-20", "amount": 30000, "method": "bank_transfer",
                                 "reference": "回单 0001"})
        self.assertStatus(r, 201)
        p = r.body
        self.assertEqual((p["order_id"], p["date"], p["amount"], p["method"], p["reference"], p["created_by_name"]),
                         (o["id"], "2027-01-20", 30000, "bank_transfer", "回单 0001", "李娜"))
        self.assertIsInstance(p["id"], int)
        self.assertTrue(p["created_at"].endswith("Z"))
        g = self.am1.get(f"{ORDERS}/{o['id']}").body
        self.assertEqual((g["paid"], g["outstanding"], g["settlement"]), (30000, 70000, "partly_paid"))
        self.assertEqual(g["payments"], [p])
        self.assertEqual(self.server.count("audit_log", "entity='payment' AND entity_id=? AND action='create'",
                                           (p["id"],)), 1)
        # above the outstanding: 422 fields.amount, the message names what is owed; nothing stored
        r = self.assertRejected("POST", path, {"date": TODAY, "amount": 70001, "method": "cash"}, "amount")
        self.assertIn("700.00", r.error["fields"]["amount"] + r.error["message"])
        en = self.am1.post(path, {"date": TODAY, "amount": 70001, "method": "cash"}, headers={"Accept-Language": "en"})
        self.assertIn("700.00", en.error["fields"]["amount"])
        # bad values
        for bad in (0, -1, -70000, "100", 10.5, None, 1e20, True):
            self.assertRejected("POST", path, {"date": TODAY, "amount": bad, "method": "cash"}, "amount")
        for bad in ("bitcoin", "", None, "CASH", 1):
            self.assertRejected("POST", path, {"date": TODAY, "amount": 100, "method": bad}, "method")
        self.assertRejected("POST", path, {"date": TODAY, "amount": 100}, "method")
        self.assertRejected("POST", path, {"date": "2027-01-09", "amount": 100, "method": "cash"}, "date")
        for bad in ("2027-02-02", "2023-02-30", "2027/01/20", None, ""):
            self.assertRejected("POST", path, {"date": bad, "amount": 100, "method": "cash"}, "date")
        self.assertRejected("POST", path, {"amount": 100, "method": "cash"}, "date")
        self.assertRejected("POST", path, {"date": TODAY, "amount": 100, "method": "cash", "order_id": 1}, "order_id",
                            status=400, code="unknown_field")
        self.assertRejected("POST", path, {"date": TODAY, "amount": 100, "method": "cash", "reference": "x" * 101},
                            "reference")
        # the payment on the order date and the rest: paid
        self.pay(o, 20000, date="2027-01-10", method="acceptance_bill")
        p3 = self.pay(o, 50000, date=TODAY, method="alipay")
        g = self.am1.get(f"{ORDERS}/{o['id']}").body
        self.assertEqual((g["paid"], g["outstanding"], g["settlement"]), (100000, 0, "paid"))
        self.assertEqual([x["amount"] for x in g["payments"]], [20000, 30000, 50000], "payments by date")
        self.assertEqual(g["payments"][-1], p3)
        self.assertEqual(self.db_order(o["id"])[3], 100000)
        # nothing more to pay
        self.assertRejected("POST", path, {"date": TODAY, "amount": 1, "method": "cash"}, "amount")
        r = self.am1.get(ORDERS + "?" + q({"customer_id": c["id"], "settlement": "paid"}))
        self.assertEqual((r.body["total"], r.body["sum_total"], r.body["sum_outstanding"]), (1, 100000, 0))
        # every method is accepted
        o2 = self.order(c, 700, date="2027-01-10")
        for m in ("bank_transfer", "cash", "acceptance_bill", "wechat", "alipay", "cheque", "other"):
            self.pay(o2, 100, method=m)
        self.assertEqual(self.am1.get(f"{ORDERS}/{o2['id']}").body["settlement"], "paid")

    def test_payment_scope(self):
        c = self.customer()
        o = self.order(c, 5000)
        for s in (self.am2, self.am3):
            self.assertRejected("POST", f"{ORDERS}/{o['id']}/payments", {"date": TODAY, "amount": 100, "method": "cash"},
                                status=404, code="not_found", session=s)
        self.assertRejected("POST", f"{ORDERS}/99999999/payments", {"date": TODAY, "amount": 100, "method": "cash"},
                            status=404, code="not_found")
        # the team manager may record it
        r = self.mgra.post(f"{ORDERS}/{o['id']}/payments", {"date": TODAY, "amount": 100, "method": "cash"})
        self.assertStatus(r, 201)
        self.assertEqual(r.body["created_by_name"], "王经理")

    def test_members_read_and_write(self):
        c = self.customer()
        o = self.order(c, 5000)
        pay = {"date": TODAY, "amount": 100, "method": "cash"}
        r = self.am1.post(f"{CUSTOMERS}/{c['id']}/members", {"user_id": self.am2.id, "access": "read"})
        self.assertStatus(r, (200, 201, 204))
        # a read member sees the orders but may not add to them
        self.assertStatus(self.am2.get(f"{ORDERS}/{o['id']}"), 200)
        self.assertEqual(self.am2.get(ORDERS + "?" + q({"customer_id": c["id"]})).body["total"], 1)
        self.assertStatus(self.am2.get(f"{CUSTOMERS}/{c['id']}/sales-summary"), 200)
        self.assertRejected("POST", ORDERS, self.order_body(c, 100), status=403, code="forbidden", session=self.am2)
        self.assertRejected("POST", f"{ORDERS}/{o['id']}/payments", pay, status=403, code="forbidden",
                            session=self.am2)
        self.assertStatus(self.am2.patch(f"{ORDERS}/{o['id']}", {"note": "x", "version": 1}), 403, "forbidden")
        # a write member may
        self.assertStatus(self.am1.delete(f"{CUSTOMERS}/{c['id']}/members/{self.am2.id}"), (200, 204))
        r = self.am1.post(f"{CUSTOMERS}/{c['id']}/members", {"user_id": self.am2.id, "access": "write"})
        self.assertStatus(r, (200, 201, 204))
        self.order(c, 100, session=self.am2)
        self.assertStatus(self.am2.post(f"{ORDERS}/{o['id']}/payments", pay), 201)

    def test_concurrent_payments_cannot_overpay(self):
        c = self.customer()
        for round_ in range(3):
            o = self.order(c, 10000)
            barrier = threading.Barrier(2)
            results = []

            def pay(session):
                barrier.wait()
                results.append(session.post(f"{ORDERS}/{o['id']}/payments",
                                            {"date": TODAY, "amount": 6000, "method": "cash"}))

            threads = [threading.Thread(target=pay, args=(s,)) for s in (self.am1, self.mgra)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(sorted(r.status for r in results), [201, 422], f"round {round_}: {results}")
            self.assertEqual(self.db_order(o["id"])[3], 6000)
            self.assertEqual(self.server.count("payments", "order_id = ?", (o["id"],)), 1)

    def test_patch_order_and_stale_version(self):
        c = self.customer()
        o = self.order(c, 5000, date="2027-01-10", note="原备注")
        path = f"{ORDERS}/{o['id']}"
        r = self.am1.patch(path, {"note": "新备注", "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["note"], r.body["version"], r.body["date"], r.body["total"]),
                         ("新备注", 2, "2027-01-10", 5000))
        self.assertEqual(len(r.body["lines"]), 1)
        # stale: 409, nothing changes
        r = self.am1.patch(path, {"note": "旧版本覆盖", "date": "2027-01-05", "version": 1})
        self.assertStatus(r, 409, "stale_version")
        self.assertEqual(self.server.sql("SELECT note, date, version FROM orders WHERE id = ?", (o["id"],))[0],
                         ("新备注", "2027-01-10", 2))
        # a payment bumps the version too: the old one is stale afterwards
        self.pay(o, 1000, date="2027-01-15")
        r = self.am1.patch(path, {"note": "又改", "version": 2})
        self.assertStatus(r, 409, "stale_version")
        g = self.am1.get(path).body
        self.assertEqual(g["version"], 3)
        # the date can move (not into the future); bad values are 422
        r = self.am1.patch(path, {"date": "2027-01-12", "version": 3})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["date"], r.body["version"], r.body["note"]), ("2027-01-12", 4, "新备注"))
        for bad in ("2027-02-02", "2023-02-30", None, 5):
            r = self.am1.patch(path, {"date": bad, "version": 4})
            self.assertField(r, "date")
        self.assertField(self.am1.patch(path, {"note": "x"}), "version")
        self.assertField(self.am1.patch(path, {"note": "x" * 2001, "version": 4}), "note")
        self.assertStatus(self.am1.patch(path, {"total": 1, "version": 4}), 400, "unknown_field")
        self.assertStatus(self.am1.patch(path, {"lines": [], "version": 4}), 400, "unknown_field")
        # the note can be cleared
        r = self.am1.patch(path, {"note": None, "version": 4})
        self.assertStatus(r, 200)
        self.assertIsNone(r.body["note"])
        self.assertEqual(self.server.sql("SELECT note, date, version, total FROM orders WHERE id = ?", (o["id"],))[0],
                         (None, "2027-01-12", 5, 5000))
        self.assertStatus(self.am1.patch(f"{ORDERS}/99999999", {"note": "x", "version": 1}), 404, "not_found")

    def test_patch_order_date_keeps_payments_after_it(self):
        """Moving an order's date after one of its payments would leave a payment dated before its
        order, which POST /orders/{id}/payments refuses; the PATCH must refuse it too."""
        c = self.customer()
        o = self.order(c, 5000, date="2027-01-10")
        self.pay(o, 1000, date="2027-01-15")
        r = self.am1.patch(f"{ORDERS}/{o['id']}", {"date": "2027-01-20", "version": 2})
        self.assertField(r, "date")
        self.assertEqual(self.server.sql("SELECT date, version FROM orders WHERE id = ?", (o["id"],))[0],
                         ("2027-01-10", 2))
        # the same bound as at creation: not before 2000
        r = self.am1.patch(f"{ORDERS}/{o['id']}", {"date": "1999-12-31", "version": 2})
        self.assertField(r, "date")

    # ====================================================================================
    # Sales summary
    # ====================================================================================
    def test_sales_summary(self):
        c = self.customer(credit_limit=10_000_000)
        plan = [  # date, amount
            ("2024-06-01", 100),      # before the 24-month window: carried into the running total
            ("2026-01-15", 80000),    # ytd_last_year
            ("2026-02-01", 40000),    # mtd_last_year (and ytd_last_year)
            ("2026-10-01", 160000),   # 123 days old: over 90
            ("2026-12-01", 2000),     # 62 days: 61–90
            ("2026-12-20", 1000),     # 43 days: 31–60
            ("2027-01-10", 20000),    # ytd, 22 days
            ("2027-01-20", 4000),     # ytd, 12 days
            ("2027-02-01", 10000),    # mtd, today
        ]
        orders = {d: self.order(c, amount, date=d) for d, amount in plan}
        # a second order today, paid in full with it: counts as bought, not owed
        self.order(c, 500, payment={"amount": 500, "method": "cash"})
        self.pay(orders["2026-01-15"], 80000, date="2026-01-20")
        self.pay(orders["2026-02-01"], 10000, date="2026-03-01")
        r = self.am1.get(f"{CUSTOMERS}/{c['id']}/sales-summary")
        self.assertStatus(r, 200)
        s = r.body
        lifetime = sum(a for _, a in plan) + 500
        self.assertEqual(lifetime, 317600)
        self.assertEqual(s["credit_limit"], 10_000_000)
        self.assertEqual(s["lifetime_amount"], 317600)
        self.assertEqual(s["outstanding"], 317600 - 500 - 80000 - 10000)
        self.assertEqual(s["available_credit"], 10_000_000 - 227100)
        self.assertEqual(s["mtd_amount"], 10500)
        self.assertEqual(s["ytd_amount"], 34500)
        self.assertEqual(s["mtd_last_year"], 40000)
        self.assertEqual(s["ytd_last_year"], 120000)
        self.assertEqual(s["order_count"], 10)
        self.assertEqual(s["aging"], {"d0_30": 34000, "d31_60": 1000, "d61_90": 2000, "over_90": 190100})
        self.assertEqual(sum(s["aging"].values()), s["outstanding"])
        self.assertEqual(s["last_purchase_date"], "2027-02-01")
        self.assertEqual(s["days_since_last_purchase"], 0)
        # distinct purchase days; gaps 593, 17, 242, 61, 19, 21, 10, 12 → median of 8 = (19 + 21) / 2
        self.assertEqual(s["usual_interval_days"], 20)
        m = s["monthly"]
        self.assertEqual(len(m), 24)
        self.assertEqual((m[0]["month"], m[-1]["month"]), ("2025-03", "2027-02"))
        self.assertEqual([x["month"] for x in m][10:14], ["2026-01", "2026-02", "2026-03", "2026-04"])
        self.assertEqual((m[0]["amount"], m[0]["running_total"]), (0, 100))
        by_month = {x["month"]: x["amount"] for x in m}
        self.assertEqual({k: v for k, v in by_month.items() if v},
                         {"2026-01": 80000, "2026-02": 40000, "2026-10": 160000, "2026-12": 3000, "2027-01": 24000,
                          "2027-02": 10500})
        running = 100
        for x in m:
            running += x["amount"]
            self.assertEqual(x["running_total"], running, x["month"])
        self.assertEqual(m[-1]["running_total"], s["lifetime_amount"])
        # the same for the team manager, the director, service; 404 outside the scope
        for sess in (self.mgra, self.dir, self.svc, self.aud):
            r = sess.get(f"{CUSTOMERS}/{c['id']}/sales-summary")
            self.assertStatus(r, 200)
            self.assertEqual(r.body, s, sess.username)
        for sess in (self.am2, self.am3):
            self.assertStatus(sess.get(f"{CUSTOMERS}/{c['id']}/sales-summary"), 404, "not_found")
        for bad in ("abc", "0", "-1", "9223372036854775808", "99999999"):
            r = self.am1.get(f"{CUSTOMERS}/{bad}/sales-summary")
            self.assertStatus(r, (400, 404), msg=bad)

    def test_sales_summary_period_bounds_and_rhythm(self):
        c = self.customer()
        # 2026-02-02 is after "the same day last year" (2026-02-01): neither mtd_last_year nor ytd_last_year
        self.order(c, 1000, date="2026-01-31")
        self.order(c, 2000, date="2026-02-02")
        self.order(c, 4000, date="2026-12-31")
        s = self.am1.get(f"{CUSTOMERS}/{c['id']}/sales-summary").body
        self.assertEqual((s["mtd_amount"], s["ytd_amount"], s["mtd_last_year"], s["ytd_last_year"]), (0, 0, 0, 1000))
        self.assertEqual((s["last_purchase_date"], s["days_since_last_purchase"]), ("2026-12-31", 32))
        # three purchase days: gaps 2 and 332 → median (2 + 332) / 2
        self.assertEqual(s["usual_interval_days"], 167)
        self.assertEqual(s["aging"], {"d0_30": 0, "d31_60": 4000, "d61_90": 0, "over_90": 3000})
        # fewer than three distinct purchase days: no rhythm yet
        c2 = self.customer()
        self.order(c2, 1000, date="2027-01-01")
        self.order(c2, 1000, date="2027-01-01")
        self.order(c2, 1000, date="2027-01-31")
        s = self.am1.get(f"{CUSTOMERS}/{c2['id']}/sales-summary").body
        self.assertIsNone(s["usual_interval_days"])
        self.assertEqual((s["order_count"], s["days_since_last_purchase"]), (3, 1))
        # 2027-01-01 is 31 days before 2027-02-01: the second bucket
        self.assertEqual(s["aging"], {"d0_30": 1000, "d31_60": 2000, "d61_90": 0, "over_90": 0})
        # a customer who never bought
        c3 = self.customer(credit_limit=5000)
        s = self.am1.get(f"{CUSTOMERS}/{c3['id']}/sales-summary").body
        self.assertEqual((s["credit_limit"], s["outstanding"], s["available_credit"], s["lifetime_amount"],
                          s["order_count"]), (5000, 0, 5000, 0, 0))
        self.assertIsNone(s["last_purchase_date"])
        self.assertIsNone(s["days_since_last_purchase"])
        self.assertIsNone(s["usual_interval_days"])
        self.assertEqual(len(s["monthly"]), 24)
        self.assertTrue(all(x["amount"] == 0 and x["running_total"] == 0 for x in s["monthly"]))

    # ====================================================================================
    # Hostile ids and parameters
    # ====================================================================================
    def test_hostile_ids(self):
        c = self.customer()
        o = self.order(c, 100)
        for bad in ("abc", "0", "-1", "9223372036854775808", "99999999999999999999", "1.5", "1e3", "%20",
                    "1%00", str(o["id"]) + "abc"):
            for path in (f"{ORDERS}/{bad}", f"{PRODUCTS}/{bad}"):
                r = self.dir.get(path)
                self.assertStatus(r, (400, 404), msg=path)
                r = self.dir.patch(path, {"note": "x", "version": 1} if path.startswith(ORDERS) else
                                   {"price": 1, "version": 1})
                self.assertStatus(r, (400, 404), msg="PATCH " + path)
            r = self.am1.post(f"{ORDERS}/{bad}/payments", {"date": TODAY, "amount": 1, "method": "cash"})
            self.assertStatus(r, (400, 404), msg="payment " + bad)
        self.assertEqual(self.db_order(o["id"])[3:], (0, 0, None, 1))
        self.assertTrue(self.server.alive())

    def test_hostile_list_parameters(self):
        for params in ({"sort": "password"}, {"sort": "password_hash"}, {"sort": "-credit_override_reason"},
                       {"sort": "date;DROP TABLE orders"}, {"sort": "-"}, {"page_size": 1000000},
                       {"page_size": -1}, {"page": "abc"}, {"page": 0}, {"customer_id": "abc"},
                       {"customer_id": "9223372036854775808"}, {"customer_id": "-1"}, {"settlement": "owed"},
                       {"from": "2023-02-30"}, {"to": "2023/01/05"}):
            r = self.am1.get(ORDERS + "?" + q(params))
            self.assertStatus(r, 400, "bad_request", msg=str(params))
        self.assertStatus(self.am1.get(ORDERS + "?sort=-date&page_size=200"), 200)

    def test_methods_and_auth(self):
        r = self.am1.request("DELETE", f"{PRODUCTS}/1")
        self.assertStatus(r, 405)
        self.assertIn("allow", r.headers)
        anon = Session(self.server)
        self.assertStatus(anon.get(PRODUCTS), 401, "unauthenticated")
        self.assertStatus(anon.get(ORDERS), 401, "unauthenticated")
        self.assertStatus(anon.post(ORDERS, {}), 401)
        # without the CSRF header
        c = self.customer()
        before = self.counts()
        r = self.am1.post(ORDERS, self.order_body(c, 100), csrf=False)
        self.assertStatus(r, 403, "csrf_failed")
        self.assertEqual(self.counts(), before)


if __name__ == "__main__":
    unittest.main()
