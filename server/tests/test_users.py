"""Users, teams and the audit trail through the API."""
import unittest

from kehu_harness import PASSWORD, ServerTestCase, Session, admin_session

USERS = "/api/v1/users"
TEAMS = "/api/v1/teams"


class UsersTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("am", "account_manager", team="华南")
        server.add_user("auditor", "auditor")
        server.add_user("leaver", "account_manager", team="华南")
        server.add_user("forgetful", "service")
        server.add_user("lead", "manager", team="华南", name="华南组长")

    @classmethod
    def setup_sessions(cls, server):
        cls.admin = admin_session(server)
        cls.am = Session(server, "am")
        cls.auditor = Session(server, "auditor")

    def test_admin_creates_team_and_user(self):
        r = self.admin.post(TEAMS, {"name": "华东"})
        self.assertStatus(r, 201)
        team = r.body
        self.assertEqual(team["name"], "华东")
        self.assertEqual(team["version"], 1)
        r = self.admin.post(USERS, {"username": "new.am", "name": "新人", "role": "account_manager",
                                    "team_id": team["id"], "password": PASSWORD})
        self.assertStatus(r, 201)
        u = r.body
        self.assertEqual(u["username"], "new.am")
        self.assertEqual(u["role"], "account_manager")
        self.assertEqual(u["team_id"], team["id"])
        self.assertEqual(u["team_name"], "华东")
        self.assertTrue(u["active"])
        self.assertTrue(u["must_change_password"], "an admin-created user must change the password")
        self.assertNotIn("password", u)
        self.assertNotIn("password_hash", u)
        self.assertEqual(self.admin.get(f"{USERS}/{u['id']}").body["username"], "new.am")
        teams = self.admin.get(TEAMS).body["items"]
        self.assertIn("华东", [t["name"] for t in teams])
        # the new user must change the password
        s = Session(self.server, "new.am")
        self.assertStatus(s.get("/api/v1/customers"), 403, "password_change_required")
        # audited
        self.assertGreaterEqual(self.server.count("audit_log", "entity = 'user' AND entity_id = ? AND action = 'create'",
                                                  (u["id"],)), 1)

    def test_bad_role(self):
        before = self.server.count("users")
        r = self.admin.post(USERS, {"username": "badrole", "name": "x", "role": "superuser", "password": PASSWORD})
        self.assertField(r, "role")
        self.assertEqual(self.server.count("users"), before)

    def test_weak_password(self):
        before = self.server.count("users")
        r = self.admin.post(USERS, {"username": "weakpw", "name": "x", "role": "service", "password": "short"})
        self.assertField(r, "password")
        self.assertEqual(self.server.count("users"), before)

    def test_duplicate_username(self):
        before = self.server.count("users")
        r = self.admin.post(USERS, {"username": "am", "name": "重复", "role": "service", "password": PASSWORD})
        self.assertStatus(r, 409)
        self.assertIn(r.code, ("already_exists", "duplicate"))
        r = self.admin.post(USERS, {"username": "AM", "name": "重复", "role": "service", "password": PASSWORD})
        self.assertStatus(r, 409, msg="usernames are case-insensitive:")
        self.assertEqual(self.server.count("users"), before)

    def test_duplicate_team(self):
        r = self.admin.post(TEAMS, {"name": "华南"})
        self.assertStatus(r, 409)

    def test_unknown_field_on_user(self):
        r = self.admin.post(USERS, {"username": "uf", "name": "x", "role": "service", "password": PASSWORD,
                                    "password_hash": "$argon2id$x"})
        self.assertStatus(r, 400, "unknown_field")
        self.assertEqual(self.server.count("users", "username = 'uf'"), 0)

    def test_non_admin_cannot_create(self):
        before = self.server.count("users")
        r = self.am.post(USERS, {"username": "escalate", "name": "x", "role": "admin", "password": PASSWORD})
        self.assertStatus(r, 403, "forbidden")
        r = self.am.post(TEAMS, {"name": "非法"})
        self.assertStatus(r, 403, "forbidden")
        me = self.am.get("/api/v1/auth/me").body["user"]
        r = self.am.patch(f"{USERS}/{me['id']}", {"role": "admin", "version": me["version"]})
        self.assertStatus(r, 403, "forbidden")
        self.assertEqual(self.server.count("users"), before)
        self.assertEqual(self.server.sql("SELECT role FROM users WHERE username = 'am'")[0][0], "account_manager")

    def test_others_may_list_users(self):
        r = self.am.get(USERS)
        self.assertStatus(r, 200)
        self.assertIn("am", [u["username"] for u in r.body["items"]])
        self.assertNotIn("password_hash", r.raw.decode())

    def test_patch_user_stale_version(self):
        r = self.admin.post(USERS, {"username": "patchme", "name": "原名", "role": "service", "password": PASSWORD})
        self.assertStatus(r, 201)
        u = r.body
        r = self.admin.patch(f"{USERS}/{u['id']}", {"name": "新名", "version": u["version"]})
        self.assertStatus(r, 200)
        self.assertEqual(r.body["name"], "新名")
        self.assertEqual(r.body["version"], u["version"] + 1)
        r = self.admin.patch(f"{USERS}/{u['id']}", {"name": "再改", "role": "director", "version": u["version"]})
        self.assertStatus(r, 409, "stale_version")
        got = self.admin.get(f"{USERS}/{u['id']}").body
        self.assertEqual(got["name"], "新名")
        self.assertEqual(got["role"], "service")
        self.assertEqual(self.server.sql("SELECT name, role FROM users WHERE id = ?", (u["id"],))[0], ("新名", "service"))

    def test_patch_user_bad_values(self):
        r = self.admin.post(USERS, {"username": "badpatch", "name": "名", "role": "service", "password": PASSWORD})
        u = r.body
        r = self.admin.patch(f"{USERS}/{u['id']}", {"role": "root", "version": u["version"]})
        self.assertField(r, "role")
        r = self.admin.patch(f"{USERS}/{u['id']}", {"name": "x"})
        self.assertField(r, "version")
        r = self.admin.patch(f"{USERS}/999999", {"name": "x", "version": 1})
        self.assertStatus(r, 404, "not_found")

    def test_audit_as_auditor_and_admin(self):
        r = self.auditor.get("/api/v1/audit")
        self.assertStatus(r, 200)
        self.assertGreater(r.body["total"], 0)
        self.assertIn("action", r.body["items"][0])
        r = self.admin.get("/api/v1/audit?entity=user")
        self.assertStatus(r, 200)
        self.assertTrue(all(e["entity"] == "user" for e in r.body["items"]))

    def test_audit_forbidden_for_account_manager(self):
        r = self.am.get("/api/v1/audit")
        self.assertStatus(r, 403, "forbidden")

    def test_audit_bad_params(self):
        r = self.auditor.get("/api/v1/audit?page_size=1000000")
        self.assertStatus(r, 400)
        r = self.auditor.get("/api/v1/audit?entity_id=abc")
        self.assertStatus(r, 400)

    def test_manager_added_with_team_is_leader(self):
        teams = {t["name"]: t for t in self.admin.get(TEAMS).body["items"]}
        self.assertEqual(teams["华南"]["leader_name"], "华南组长")
        self.assertGreaterEqual(teams["华南"]["member_count"], 3)

    def test_deactivated_user_is_locked_out(self):
        s = Session(self.server, "leaver")
        r = s.post("/api/v1/auth/tokens", {"name": "before"})
        self.assertStatus(r, 201)
        token = r.body["token"]
        u = self.admin.get(f"{USERS}/{s.id}").body
        r = self.admin.patch(f"{USERS}/{s.id}", {"active": False, "version": u["version"]})
        self.assertStatus(r, 200)
        self.assertFalse(r.body["active"])
        self.assertStatus(s.get("/api/v1/customers"), 401, "unauthenticated")
        r = self.server.request("GET", "/api/v1/auth/me", headers={"Authorization": "Bearer " + token})
        self.assertStatus(r, 401, "unauthenticated")
        r = self.server.request("POST", "/api/v1/auth/login", {"username": "leaver", "password": PASSWORD})
        self.assertStatus(r, 401, "unauthenticated")

    def test_admin_cannot_demote_self(self):
        me = self.admin.get("/api/v1/auth/me").body["user"]
        r = self.admin.patch(f"{USERS}/{me['id']}", {"active": False, "version": me["version"]})
        self.assertStatus(r, 422)
        self.assertEqual(self.server.sql("SELECT active, role FROM users WHERE id = ?", (me["id"],))[0], (1, "admin"))

    def test_admin_resets_password(self):
        s = Session(self.server, "forgetful")
        r = self.admin.post(f"{USERS}/{s.id}/password", {"password": "Reset-Passw0rd-9"})
        self.assertStatus(r, 204)
        r = self.server.request("POST", "/api/v1/auth/login", {"username": "forgetful", "password": PASSWORD})
        self.assertStatus(r, 401, "unauthenticated")
        s2 = Session(self.server, "forgetful", "Reset-Passw0rd-9")
        self.assertTrue(s2.user["must_change_password"])
        self.assertStatus(s2.get("/api/v1/customers"), 403, "password_change_required")
        r = self.am.post(f"{USERS}/{s.id}/password", {"password": "Hijack-Passw0rd-9"})
        self.assertStatus(r, 403, "forbidden")


if __name__ == "__main__":
    unittest.main()
