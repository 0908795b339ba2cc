"""The command line: version, clear one-line errors, user list, online backup, the test clock."""
import os
import re
import sqlite3
import unittest

from kehu_harness import TEST_NOW, Server, ServerTestCase, Session, free_port, run_cli


def stderr_lines(p):
    return [line for line in p.stderr.splitlines() if line.strip()]


class CliTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("cli.am", "account_manager", team="命令行组", name="命令行")
        server.add_user("cli.lead", "manager", team="命令行组", name="组长")

    @classmethod
    def setup_sessions(cls, server):
        cls.am = Session(server, "cli.am")

    def test_version(self):
        p = run_cli("version")
        self.assertEqual(p.returncode, 0)
        self.assertRegex(p.stdout.strip(), r"^kehu \d+\.\d+(\.\d+)?")

    def assertOneLineError(self, p, *needles):
        self.assertNotEqual(p.returncode, 0, f"expected a failure: {p.stdout} {p.stderr}")
        lines = stderr_lines(p)
        self.assertEqual(len(lines), 1, f"expected one line on stderr, got: {p.stderr!r}")
        for n in needles:
            self.assertIn(n, lines[0])
        self.assertNotIn("terminate called", p.stderr)

    def test_serve_bad_listen(self):
        for listen in ("nonsense", "127.0.0.1:99999", "127.0.0.1:", ":80x"):
            p = run_cli("serve", "--db", self.server.db, "--listen", listen, check=False, timeout=10)
            self.assertOneLineError(p)
            self.assertIn("listen" if listen == "nonsense" else "", p.stderr)

    def test_serve_port_in_use(self):
        p = run_cli("serve", "--db", self.server.db, "--listen", f"127.0.0.1:{self.server.port}", check=False, timeout=10)
        self.assertOneLineError(p)

    def test_missing_database(self):
        missing = os.path.join(self.server.dir, "nope", "missing.db")
        p = run_cli("serve", "--db", missing, "--listen", f"127.0.0.1:{free_port()}", check=False, timeout=10)
        self.assertOneLineError(p, "missing.db")
        self.assertFalse(os.path.exists(missing))
        p = run_cli("user", "list", "--db", missing, check=False)
        self.assertOneLineError(p, "missing.db")
        p = run_cli("user", "add", "--db", missing, "--username", "x", "--password", "Passw0rd-long",
                    "--role", "service", check=False)
        self.assertOneLineError(p, "missing.db")

    def test_init_twice_refused(self):
        p = run_cli("init", "--db", self.server.db, check=False)
        self.assertOneLineError(p)

    def test_user_add_errors(self):
        p = run_cli("user", "add", "--db", self.server.db, "--username", "weak", "--password", "short",
                    "--role", "service", check=False)
        self.assertOneLineError(p)
        p = run_cli("user", "add", "--db", self.server.db, "--username", "badrole", "--password", "Passw0rd-long",
                    "--role", "king", check=False)
        self.assertOneLineError(p, "king")
        p = run_cli("user", "add", "--db", self.server.db, "--username", "cli.am", "--password", "Passw0rd-long",
                    "--role", "service", check=False)
        self.assertOneLineError(p)
        self.assertEqual(self.server.count("users", "username IN ('weak','badrole')"), 0)

    def test_user_list(self):
        p = run_cli("user", "list", "--db", self.server.db)
        rows = [line.split("\t") for line in p.stdout.splitlines() if line]
        by_name = {r[1]: r for r in rows}
        self.assertIn("admin", by_name)
        self.assertEqual(by_name["cli.am"][2], "account_manager")
        self.assertEqual(by_name["cli.am"][3], "命令行组")
        self.assertEqual(by_name["cli.lead"][2], "manager")
        self.assertNotIn("$argon2", p.stdout)

    def test_manager_with_team_becomes_leader(self):
        team = self.server.sql("SELECT t.leader_id, u.username FROM teams t JOIN users u ON u.id = t.leader_id "
                               "WHERE t.name = '命令行组'")
        self.assertEqual(team[0][1], "cli.lead")

    def test_backup_while_serving(self):
        r = self.am.post("/api/v1/customers", {"name": "备份测试客户", "status": "active", "type": "person"})
        self.assertStatus(r, 201)
        target = os.path.join(self.server.dir, "backup.db")
        p = run_cli("backup", "--db", self.server.db, target)
        self.assertEqual(p.returncode, 0)
        self.assertTrue(os.path.exists(target))
        self.assertTrue(self.server.alive())
        con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            users = {row[0] for row in con.execute("SELECT username FROM users")}
            self.assertTrue({"admin", "cli.am", "cli.lead"} <= users, users)
            self.assertEqual(con.execute("SELECT count(*) FROM customers WHERE name = '备份测试客户'").fetchone()[0], 1)
        finally:
            con.close()
        # never overwrites
        p = run_cli("backup", "--db", self.server.db, target, check=False)
        self.assertOneLineError(p)
        self.assertEqual(self.server.request("GET", "/readyz").status, 200)

    def test_test_clock_honoured_in_test_mode(self):
        r = self.am.post("/api/v1/customers", {"name": "测试时钟客户", "status": "active", "type": "person"})
        self.assertStatus(r, 201)
        self.assertTrue(r.body["created_at"].startswith("2027-02-01T01:00:00"), r.body["created_at"])
        log = self.server.read_log()
        self.assertRegex(log, r"(?i)warn")
        self.assertIn("KEHU_NOW", log)

    def test_serve_logs_each_pending_migration(self):
        # A database one migration behind (0016 rebuilds the search index: minutes at a million
        # customers): the server says which migration it is applying and how long it took.
        other = Server()
        try:
            other.add_user("mig.am", "account_manager", team="迁移组")
            con = sqlite3.connect(other.db)
            with con:
                con.execute("DELETE FROM schema_migrations WHERE version = 16")
            con.close()
            other.start()
            log = other.read_log()
            self.assertIn("migration 0016_search_prefixes: applying", log)
            self.assertRegex(log, r"migration 0016_search_prefixes: applied in \d+\.\d s")
            self.assertNotIn("migration 0015_", log)  # only what was pending
            s = Session(other, "mig.am")
            r = s.post("/api/v1/customers", {"name": "迁移后客户", "status": "active", "type": "person"})
            self.assertEqual(r.status, 201, r)
            r = s.get("/api/v1/customers?q=qyhkh")
            self.assertEqual(r.status, 200, r)
            self.assertEqual([c["name"] for c in r.body["items"]], ["迁移后客户"])
        finally:
            problem = other.stop()
            other.cleanup()
        self.assertIsNone(problem)

    def test_kehu_now_ignored_without_test_mode(self):
        other = Server(test_mode=False, extra_env={"KEHU_NOW": TEST_NOW})
        try:
            other.add_user("prod.am", "account_manager", team="生产组")
            other.start()
            s = Session(other, "prod.am")
            r = s.post("/api/v1/customers", {"name": "真实时钟客户", "status": "active", "type": "person"})
            self.assertEqual(r.status, 201, r)
            self.assertFalse(r.body["created_at"].startswith("2027-02-01"), r.body["created_at"])
            self.assertRegex(r.body["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            self.assertNotIn("KEHU_TEST_MODE", other.read_log())
            self.assertNotIn("never use this in production", other.read_log())
        finally:
            problem = other.stop()
            other.cleanup()
        self.assertIsNone(problem)


if __name__ == "__main__":
    unittest.main()
