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


if __name__ == "__main__":
    unittest.main()
