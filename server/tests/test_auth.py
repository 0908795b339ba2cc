"""Sign-in, sessions, CSRF, lockout, the first-admin password change, API tokens."""
import unittest

from kehu_harness import PASSWORD, ServerTestCase, Session

LOGIN = "/api/v1/auth/login"
ME = "/api/v1/auth/me"
CUSTOMERS = "/api/v1/customers"


class AuthTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("alice", "account_manager", team="甲组", name="李娜")
        server.add_user("bob", "account_manager", team="甲组", name="王强")
        server.add_user("carol", "account_manager", team="乙组")
        server.add_user("victim", "account_manager", team="乙组")
        server.add_user("tokens", "account_manager", team="乙组")
        server.add_user("twice", "account_manager", team="乙组")

    @classmethod
    def setup_sessions(cls, server):
        cls.alice = Session(server, "alice")
        cls.bob = Session(server, "bob")

    def customer(self, name):
        return {"name": name, "status": "prospect", "type": "person"}

    # --- login -------------------------------------------------------------------------
    def test_login_ok(self):
        r = self.server.request("POST", LOGIN, {"username": "carol", "password": PASSWORD})
        self.assertStatus(r, 200)
        self.assertEqual(r.body["user"]["username"], "carol")
        self.assertEqual(r.body["user"]["role"], "account_manager")
        self.assertFalse(r.body["user"]["must_change_password"])
        self.assertTrue(r.body["csrf_token"])
        self.assertNotIn("password_hash", r.body["user"])
        cookie = r.headers.get("set-cookie", "")
        self.assertIn("kehu_session=", cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertIn("Path=/", cookie)

    def test_login_wrong_password(self):
        r = self.server.request("POST", LOGIN, {"username": "carol", "password": "wrong-password-1"})
        self.assertStatus(r, 401, "unauthenticated")
        self.assertNotIn("set-cookie", r.headers)

    def test_login_unknown_user(self):
        r = self.server.request("POST", LOGIN, {"username": "nobody-here", "password": PASSWORD})
        self.assertStatus(r, 401, "unauthenticated")

    def test_login_bad_body(self):
        r = self.server.request("POST", LOGIN, {"username": "carol"})
        self.assertField(r, "password")
        r = self.server.request("POST", LOGIN, raw=b"{")
        self.assertStatus(r, 400, "malformed")

    def test_me(self):
        r = self.alice.get(ME)
        self.assertStatus(r, 200)
        self.assertEqual(r.body["user"]["username"], "alice")
        self.assertEqual(r.body["user"]["name"], "李娜")
        self.assertEqual(r.body["user"]["team_name"], "甲组")
        self.assertEqual(r.body["csrf_token"], self.alice.csrf)

    def test_me_without_session(self):
        r = self.server.request("GET", ME)
        self.assertStatus(r, 401, "unauthenticated")
        r = self.server.request("GET", ME, headers={"Cookie": "kehu_session=forged-value"})
        self.assertStatus(r, 401, "unauthenticated")

    def test_logout(self):
        s = Session(self.server, "carol")
        self.assertStatus(s.get(ME), 200)
        r = s.post("/api/v1/auth/logout")
        self.assertStatus(r, 204)
        self.assertIn("kehu_session=", r.headers.get("set-cookie", ""))
        self.assertStatus(s.get(ME), 401, "unauthenticated")
        self.assertStatus(s.get(CUSTOMERS), 401, "unauthenticated")
        before = self.server.count("customers")
        r = s.post(CUSTOMERS, self.customer("登出之后"))
        self.assertStatus(r, 401, "unauthenticated")
        self.assertEqual(self.server.count("customers"), before)

    # --- CSRF --------------------------------------------------------------------------
    def test_write_without_csrf(self):
        before = self.server.count("customers")
        r = self.alice.post(CUSTOMERS, self.customer("无令牌"), csrf=False)
        self.assertStatus(r, 403, "csrf_failed")
        r = self.alice.post(CUSTOMERS, self.customer("错令牌"), csrf=False, headers={"X-CSRF-Token": "nope"})
        self.assertStatus(r, 403, "csrf_failed")
        self.assertEqual(self.server.count("customers"), before)

    def test_write_with_other_users_csrf(self):
        before = self.server.count("customers")
        r = self.alice.post(CUSTOMERS, self.customer("他人令牌"), csrf=False, headers={"X-CSRF-Token": self.bob.csrf})
        self.assertStatus(r, 403, "csrf_failed")
        self.assertEqual(self.server.count("customers"), before)

    def test_write_with_csrf_ok(self):
        r = self.alice.post(CUSTOMERS, self.customer("有令牌"))
        self.assertStatus(r, 201)

    # --- lockout -----------------------------------------------------------------------
    def test_lockout_after_five_failures(self):
        for i in range(4):
            r = self.server.request("POST", LOGIN, {"username": "victim", "password": f"wrong-{i}-password"})
            self.assertStatus(r, 401, "unauthenticated", msg=f"attempt {i + 1}:")
        r = self.server.request("POST", LOGIN, {"username": "victim", "password": "wrong-4-password"})
        self.assertStatus(r, (423, 429), "locked")
        r = self.server.request("POST", LOGIN, {"username": "victim", "password": PASSWORD})
        self.assertStatus(r, (423, 429), "locked", msg="right password while locked:")
        self.assertNotIn("set-cookie", r.headers)
        uid = self.server.sql("SELECT id FROM users WHERE username = 'victim'")[0][0]
        self.assertGreaterEqual(self.server.count("audit_log", "action = 'locked' AND entity = 'user' AND entity_id = ?", (uid,)), 1)

    # --- first admin ----------------------------------------------------------------------
    def test_first_admin_must_change_password(self):
        initial = self.server.admin_password
        s = Session(self.server, "admin", initial)
        self.assertTrue(s.user["must_change_password"])
        r = s.get(CUSTOMERS)
        self.assertStatus(r, 403, "password_change_required")
        r = s.get("/api/v1/users")
        self.assertStatus(r, 403, "password_change_required")
        r = s.post("/api/v1/users", {"username": "sneaky", "name": "x", "role": "admin", "password": PASSWORD})
        self.assertStatus(r, 403, "password_change_required")
        self.assertEqual(self.server.count("users", "username = 'sneaky'"), 0)
        self.assertStatus(s.get(ME), 200)
        # password rules
        r = s.post("/api/v1/auth/password", {"old_password": initial, "new_password": "short1!"})
        self.assertField(r, "new_password")
        r = s.post("/api/v1/auth/password", {"old_password": initial, "new_password": "abcdefghijklmn"})
        self.assertField(r, "new_password")
        r = s.post("/api/v1/auth/password", {"old_password": "not-the-old-one", "new_password": "Good-Passw0rd-1"})
        self.assertField(r, "old_password")
        self.assertStatus(s.get(CUSTOMERS), 403, "password_change_required")
        r = s.post("/api/v1/auth/password", {"old_password": initial, "new_password": "Good-Passw0rd-1"})
        self.assertStatus(r, 204)
        self.server.admin_password = "Good-Passw0rd-1"
        self.assertStatus(s.get(CUSTOMERS), 200)
        self.assertFalse(s.get(ME).body["user"]["must_change_password"])
        # the old password no longer works, the new one does
        r = self.server.request("POST", LOGIN, {"username": "admin", "password": initial})
        self.assertStatus(r, 401, "unauthenticated")
        s2 = Session(self.server, "admin", "Good-Passw0rd-1")
        self.assertFalse(s2.user["must_change_password"])

    # --- API tokens ----------------------------------------------------------------------
    def test_api_tokens(self):
        s = Session(self.server, "tokens")
        r = s.post("/api/v1/auth/tokens", {"name": "脚本"})
        self.assertStatus(r, 201)
        token = r.body["token"]
        tid = r.body["id"]
        self.assertTrue(token.startswith("kehu_"), token)
        self.assertGreaterEqual(len(token), 30)
        # hashed at rest
        stored = self.server.sql("SELECT token_hash FROM api_tokens WHERE id = ?", (tid,))
        self.assertEqual(len(stored), 1)
        self.assertNotIn(token, stored[0][0])
        self.assertNotIn(token[5:], stored[0][0])
        dump = "\n".join(str(row) for row in self.server.sql("SELECT * FROM api_tokens"))
        self.assertNotIn(token[5:], dump)
        # use it: no cookie, no CSRF
        bearer = {"Authorization": "Bearer " + token}
        r = self.server.request("GET", ME, headers=bearer)
        self.assertStatus(r, 200)
        self.assertEqual(r.body["user"]["username"], "tokens")
        r = self.server.request("POST", CUSTOMERS, {"name": "令牌客户", "status": "prospect", "type": "person"}, headers=bearer)
        self.assertStatus(r, 201)
        # list does not show it
        r = s.get("/api/v1/auth/tokens")
        self.assertStatus(r, 200)
        self.assertEqual([t["name"] for t in r.body["items"]], ["脚本"])
        self.assertNotIn(token, r.raw.decode())
        self.assertNotIn("token", r.body["items"][0])
        # a wrong token
        r = self.server.request("GET", ME, headers={"Authorization": "Bearer kehu_" + "A" * 40})
        self.assertStatus(r, 401, "unauthenticated")
        # another user cannot revoke it
        r = self.alice.delete(f"/api/v1/auth/tokens/{tid}")
        self.assertStatus(r, 404, "not_found")
        self.assertStatus(self.server.request("GET", ME, headers=bearer), 200)
        # revoke
        r = s.delete(f"/api/v1/auth/tokens/{tid}")
        self.assertStatus(r, 204)
        r = self.server.request("GET", ME, headers=bearer)
        self.assertStatus(r, 401, "unauthenticated")
        r = self.server.request("GET", CUSTOMERS, headers=bearer)
        self.assertStatus(r, 401, "unauthenticated")

    def test_passwords_hashed_with_argon2id(self):
        rows = self.server.sql("SELECT username, password_hash FROM users")
        self.assertGreaterEqual(len(rows), 5)
        for username, h in rows:
            self.assertTrue(h.startswith("$argon2id$"), f"{username}: {h[:20]}")
            self.assertNotIn(PASSWORD, h)

    def test_password_change_ends_other_sessions(self):
        s1 = Session(self.server, "twice")
        s2 = Session(self.server, "twice")
        r = s1.post("/api/v1/auth/password", {"old_password": PASSWORD, "new_password": "Changed-Passw0rd-1"})
        self.assertStatus(r, 204)
        self.assertStatus(s1.get(ME), 200)
        self.assertStatus(s2.get(ME), 401, "unauthenticated")

    def test_session_cookie_is_not_the_stored_value(self):
        s = Session(self.server, "carol")
        rows = self.server.sql("SELECT token_hash FROM sessions")
        self.assertTrue(rows)
        self.assertNotIn(s.cookie, [r[0] for r in rows])


if __name__ == "__main__":
    unittest.main()
