"""`kehu gen`: the same seed, scale and --until give the same rows; another seed other rows;
the manifest's counts are the database's; the pre-computed tables written through the
triggers equal their recomputation; an existing file is refused; the import CSV has the
header the importer maps."""
import json
import os
import sqlite3
import tempfile
import unittest

from kehu_harness import run_cli

TABLES = {
    "customers": "SELECT id, name, owner_id, parent_id, grade, status, province_code, credit_code FROM customers ORDER BY id",
    "contacts": "SELECT id, customer_id, name, mobile, birthday FROM contacts ORDER BY id",
    "orders": "SELECT id, customer_id, date, total, paid FROM orders ORDER BY id",
    "order_lines": "SELECT order_id, line_no, product_id, quantity, amount FROM order_lines ORDER BY order_id, line_no",
    "contact_logs": "SELECT id, customer_id, kind, at FROM contact_logs ORDER BY id",
    "complaints": "SELECT reference, customer_id, status, created_at FROM complaints ORDER BY id",
    "search": "SELECT rowid, keys FROM customer_search ORDER BY rowid",
}


class GenTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def gen(self, name, seed, *extra):
        db = os.path.join(self.dir.name, name)
        run_cli("gen", "--db", db, "--scale", "tiny", "--seed", str(seed), "--until", "2027-01-31",
                "--password", "Gen-test-2027", *extra, timeout=120)
        return db

    def dump(self, db):
        con = sqlite3.connect(db)
        try:
            return {k: con.execute(q).fetchall() for k, q in TABLES.items()}
        finally:
            con.close()

    def test_deterministic_and_consistent(self):
        csv = os.path.join(self.dir.name, "import.csv")
        a = self.gen("a.db", 7, "--import-csv", csv, "--import-rows", "50")
        b = self.gen("b.db", 7)
        c = self.gen("c.db", 8)
        da, db_, dc = self.dump(a), self.dump(b), self.dump(c)
        for table in TABLES:
            self.assertTrue(da[table], table)
            self.assertEqual(da[table], db_[table], table)
        self.assertNotEqual(da["customers"], dc["customers"])

        manifest = json.load(open(a + ".json", encoding="utf-8"))
        con = sqlite3.connect(a)
        counts = manifest["counts"]
        for table in ("customers", "contacts", "orders", "order_lines", "payments", "plans", "contact_logs", "visits", "complaints"):
            self.assertEqual(counts[table], con.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table)
        self.assertEqual(counts["customers"], 500)
        self.assertEqual(manifest["until"], "2027-01-31")
        # the busy manager owns the samples, and the samples exist
        am = manifest["users"]["account_manager"]
        owner = con.execute("SELECT id FROM users WHERE username = ?", (am,)).fetchone()[0]
        ids = manifest["samples"]["account_manager"]["customer_ids"]
        self.assertTrue(ids)
        self.assertEqual({r[0] for r in con.execute(
            f"SELECT owner_id FROM customers WHERE id IN ({','.join('?' * len(ids))})", ids)}, {owner})
        # the triggers kept the pre-computed rows equal to their rules
        self.assertEqual(
            con.execute("SELECT customer_id, first_order_date, order_count, amount, outstanding FROM customer_figures "
                        "ORDER BY 1").fetchall(),
            con.execute("SELECT customer_id, min(date), count(*), sum(total - credited), sum(total - paid - credited) "
                        "FROM orders GROUP BY customer_id ORDER BY 1").fetchall())
        self.assertEqual(con.execute("SELECT * FROM care_due ORDER BY 1").fetchall(),
                         con.execute("SELECT * FROM care_due_rule ORDER BY 1").fetchall())
        # a dealer tree with owners kept within the family
        self.assertGreater(con.execute("SELECT count(*) FROM customers WHERE parent_id IS NOT NULL").fetchone()[0], 0)
        self.assertEqual(con.execute("SELECT count(*) FROM customers c JOIN customers p ON p.id = c.parent_id "
                                     "WHERE p.owner_id <> c.owner_id").fetchone()[0], 0)
        con.close()
        with open(csv, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0].split(",")[:3], ["name", "type", "short_name"])
        self.assertEqual(len(lines), 51)

    def test_an_existing_file_is_refused(self):
        db = os.path.join(self.dir.name, "exists.db")
        open(db, "w").close()
        p = run_cli("gen", "--db", db, "--scale", "tiny", check=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("exists", p.stderr)
        self.assertEqual(os.path.getsize(db), 0)


if __name__ == "__main__":
    unittest.main()
