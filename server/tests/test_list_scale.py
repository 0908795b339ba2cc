"""The customer list at scale: the count is exact up to 10,000 matches and capped beyond
(total 10,000 and total_capped true), while a narrower filter still counts exactly, for
every scope. Rows are written straight into the database (10,050 customers) so the test
stays fast; the server reads them like any others. The clock is fixed at 2027-02-01."""
import sqlite3
import unittest

from kehu_harness import ServerTestCase, Session

API = "/api/v1"

BULK = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050)
INSERT INTO customers(type, name, name_key, sort_key, status, grade, province_code, owner_id, created_at, updated_at)
SELECT 'company', '批量客户' || i || '号', 'plkh' || i, 'pi liang ke hu ' || printf('%06d', i), 'active',
       CASE WHEN i % 100 = 0 THEN 'A' ELSE 'C' END, '440000', ?, '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'
FROM n"""
SEARCH = """INSERT INTO customer_search(rowid, keys)
SELECT id, 'plkh piliang ' || CASE WHEN id % 100 = 0 THEN 'xuanzhong' ELSE '' END FROM customers WHERE name LIKE '批量客户%'"""


class ListScaleTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("dir", "director", name="赵总")

    @classmethod
    def setup_sessions(cls, server):
        cls.am1 = Session(server, "am1")
        cls.dir = Session(server, "dir")
        con = sqlite3.connect(server.db, timeout=10)
        with con:
            con.execute(BULK, (cls.am1.id,))
            con.execute(SEARCH)
        con.close()

    def test_a_broad_list_is_capped_and_a_narrow_one_is_exact(self):
        for session in (self.am1, self.dir):
            r = session.get(API + "/customers?status=active&province_code=440000&sort=name&page_size=50")
            self.assertStatus(r, 200)
            self.assertEqual((r.body["total"], r.body["total_capped"], len(r.body["items"])), (10000, True, 50))
            self.assertEqual(r.body["items"][0]["name"], "批量客户1号")
            r = session.get(API + "/customers?status=active&grade=A&page_size=50")
            self.assertEqual((r.body["total"], r.body["total_capped"]), (100, False))
            # pages past the cap still answer
            r = session.get(API + "/customers?status=active&sort=name&page_size=50&page=201")
            self.assertStatus(r, 200)
            self.assertEqual((len(r.body["items"]), r.body["items"][-1]["name"]), (50, "批量客户10050号"))

    def test_a_search_counts_and_sorts_like_the_list(self):
        for session in (self.am1, self.dir):
            r = session.get(API + "/customers?q=plkh&sort=name&page_size=20")  # 10,050 matches: capped
            self.assertEqual((r.body["total"], r.body["total_capped"], r.body["items"][0]["name"]), (10000, True, "批量客户1号"))
            # 100 matches: one pass, sorted here exactly as SQLite would
            names = []
            for page in (1, 2, 3, 4, 5, 6):
                r = session.get(API + f"/customers?q=xuanzhong&sort=-name&page_size=20&page={page}")
                self.assertStatus(r, 200)
                self.assertEqual((r.body["total"], r.body["total_capped"]), (100, False))
                names += [c["name"] for c in r.body["items"]]
            expected = [f"批量客户{i}号" for i in range(10000, 0, -100)]
            self.assertEqual(names, expected)
            r = session.get(API + "/customers?q=xuanzhong&sort=credit_limit&page_size=3")
            self.assertEqual([c["name"] for c in r.body["items"]], ["批量客户100号", "批量客户200号", "批量客户300号"])


BROAD = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO customers(type, name, name_key, sort_key, status, grade, province_code, owner_id, created_at, updated_at)
SELECT 'company', '宽泛客户' || i || '号', 'kfkh' || i, 'kuan fan ke hu ' || printf('%06d', i), 'active', 'C', '440000',
       CASE WHEN i % 500 = 0 THEN ?2 ELSE ?1 END, '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z'
FROM n"""
BROAD_SEARCH = """INSERT INTO customer_search(rowid, keys)
SELECT id, 'kfkh kuanfan' FROM customers WHERE name LIKE '宽泛客户%'"""


class BroadSearchTest(ServerTestCase):
    """A search with more matches (6,000) than a manager could own (5,000) reads the manager's
    own customers and those shared with them, each half through its own index
    (customer_store.cpp list()): the result must be the scope's live matches all the same."""

    @classmethod
    def setup_users(cls, server):
        server.add_user("bs.am1", "account_manager", team="甲组", name="李娜")
        server.add_user("bs.am2", "account_manager", team="乙组", name="王芳")
        server.add_user("bs.mgr2", "manager", team="乙组", name="周经理")
        server.add_user("bs.dir", "director", name="赵总")

    @classmethod
    def setup_sessions(cls, server):
        cls.am1, cls.am2 = Session(server, "bs.am1"), Session(server, "bs.am2")
        cls.mgr2, cls.dir = Session(server, "bs.mgr2"), Session(server, "bs.dir")
        con = sqlite3.connect(server.db, timeout=10)
        with con:
            con.execute(BROAD, (cls.am1.id, cls.am2.id))
            con.execute(BROAD_SEARCH)
            ids = dict(con.execute("SELECT name, id FROM customers WHERE name LIKE '宽泛客户%'").fetchall())
            # am2: owns 12 (every 500th), one of them in the recycle bin, and is a member of 7号
            con.execute("UPDATE customers SET deleted_at = '2027-01-15T00:00:00Z' WHERE id = ?", (ids["宽泛客户500号"],))
            con.execute("INSERT INTO customer_members(customer_id, user_id, access) VALUES (?, ?, 'read')",
                        (ids["宽泛客户7号"], cls.am2.id))
            # ...and of one of their own (owned and shared: it must come once)
            con.execute("INSERT INTO customer_members(customer_id, user_id, access) VALUES (?, ?, 'read')",
                        (ids["宽泛客户1000号"], cls.am2.id))
        con.close()

    def names(self, session, query, path="/customers"):
        r = session.get(API + path + "?" + query)
        self.assertStatus(r, 200)
        return r.body["total"], r.body["total_capped"], [c["name"] for c in r.body["items"]]

    def test_a_broad_search_keeps_the_scope_the_bin_and_the_order(self):
        mine = ["宽泛客户7号"] + [f"宽泛客户{i}号" for i in range(1000, 6001, 500)]
        for session in (self.am2, self.mgr2):  # the manager sees the team's: owned and shared
            self.assertEqual(self.names(session, "q=kfkh&sort=name&page_size=50"), (12, False, mine))
            self.assertEqual(self.names(session, "q=kfkh&sort=-name&page_size=2&page=6"), (12, False, mine[::-1][10:12]))
            # by last change, newest first; the same time for all, so by id, newest first
            self.assertEqual(self.names(session, "q=kfkh&page_size=3"), (12, False, ["宽泛客户6000号", "宽泛客户5500号", "宽泛客户5000号"]))
        total, capped, names = self.names(self.am1, "q=kuanfan&sort=-name&page_size=2&page=3")
        self.assertEqual((total, capped), (5988, False))
        self.assertEqual(names, ["宽泛客户5995号", "宽泛客户5994号"])  # 6000号 is am2's
        self.assertEqual(self.names(self.am1, "q=kfkh&status=active&grade=C&page_size=1")[0], 5988)
        self.assertEqual(self.names(self.am1, "q=kfkh&grade=A&page_size=1")[:2], (0, False))
        # the recycle bin's search is its own
        self.assertEqual(self.names(self.am2, "q=kfkh", "/customers/recycle-bin")[::2], (1, ["宽泛客户500号"]))
        self.assertEqual(self.names(self.dir, "q=kfkh&sort=name&page_size=1"), (5999, False, ["宽泛客户1号"]))


if __name__ == "__main__":
    unittest.main()
