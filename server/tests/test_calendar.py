"""The calendar over HTTP and on the command line: lunar ↔ Gregorian conversion, festivals,
the month grid, and the admin-edited holiday table (调休) with versions and the audit trail.

The clock is fixed by the harness (KEHU_NOW=2027-02-01T09:00:00+08:00): "this year" is 2027.
"""
import json
import unittest

from kehu_harness import ServerTestCase, Session, admin_session, q, run_cli

CAL = "/api/v1/calendar"
HOLIDAYS = CAL + "/holidays"

FESTIVALS_2027 = [
    {"name": "new_year", "date": "2027-01-01"},
    {"name": "laba", "date": "2027-01-15"},
    {"name": "new_years_eve", "date": "2027-02-05"},
    {"name": "spring_festival", "date": "2027-02-06"},
    {"name": "lantern", "date": "2027-02-20"},
    {"name": "qingming", "date": "2027-04-05"},
    {"name": "dragon_boat", "date": "2027-06-09"},
    {"name": "qixi", "date": "2027-08-08"},
    {"name": "mid_autumn", "date": "2027-09-15"},
    {"name": "national_day", "date": "2027-10-01"},
    {"name": "double_ninth", "date": "2027-10-08"},
]


class CalendarTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("cal.am", "account_manager", team="日历组", name="李娜")
        server.add_user("cal.dir", "director", name="赵总")
        server.add_user("cal.aud", "auditor", name="审计")

    @classmethod
    def setup_sessions(cls, server):
        cls.admin = admin_session(server)
        cls.am = Session(server, "cal.am")
        cls.dir = Session(server, "cal.dir")
        cls.aud = Session(server, "cal.aud")

    # --- lunar / solar -------------------------------------------------------------------
    def test_lunar(self):
        r = self.am.get(f"{CAL}/lunar?date=2027-02-06")
        self.assertStatus(r, 200)
        self.assertEqual(r.body, {"year": 2027, "month": 1, "day": 1, "leap": False})
        r = self.aud.get(f"{CAL}/lunar?date=2033-12-22")
        self.assertEqual(r.body, {"year": 2033, "month": 11, "day": 1, "leap": True})
        self.assertEqual(self.am.get(f"{CAL}/lunar?date=1900-01-01").body, {"year": 1899, "month": 12, "day": 1, "leap": False})

    def test_lunar_bad_input(self):
        self.assertField(self.am.get(f"{CAL}/lunar"), "date", 400, "bad_request")
        self.assertField(self.am.get(f"{CAL}/lunar?date=2027-02-30"), "date", 400, "bad_request")
        self.assertField(self.am.get(f"{CAL}/lunar?date=27-2-6"), "date", 400, "bad_request")
        self.assertField(self.am.get(f"{CAL}/lunar?date=1899-12-31"), "date")
        self.assertField(self.am.get(f"{CAL}/lunar?date=2101-01-01"), "date")

    def test_signed_in_only(self):
        anon = Session(self.server)
        for path in (f"{CAL}/lunar?date=2027-02-06", f"{CAL}/festivals", f"{CAL}/month", HOLIDAYS):
            self.assertStatus(anon.get(path), 401, "unauthenticated", msg=path)

    def test_solar(self):
        def solar(**params):
            return self.am.get(f"{CAL}/solar?" + q(params))
        r = solar(lunar_year=2023, month=2, day=1, leap="true")
        self.assertStatus(r, 200)
        self.assertEqual(r.body, {"date": "2023-03-22"})
        self.assertEqual(solar(lunar_year=2023, month=2, day=1, leap="false").body, {"date": "2023-02-20"})
        self.assertEqual(solar(lunar_year=2023, month=2, day=1).body, {"date": "2023-02-20"})
        self.assertEqual(solar(lunar_year=2027, month=1, day=1).body, {"date": "2027-02-06"})
        self.assertEqual(solar(lunar_year=2030, month=1, day=1).body, {"date": "2030-02-03"})

    def test_solar_nonexistent(self):
        def solar(**params):
            return self.am.get(f"{CAL}/solar?" + q(params))
        r = solar(lunar_year=2024, month=1, day=1, leap="true")  # 2024 has no leap month
        self.assertField(r, "leap")
        self.assertTrue(r.error["fields"]["leap"])
        r = solar(lunar_year=2027, month=3, day=30)  # the third month of 2027 has 29 days
        self.assertField(r, "day")
        self.assertField(solar(lunar_year=2027, month=13, day=1), "month")
        self.assertField(solar(lunar_year=2027, month=1, day=31), "day")
        self.assertField(solar(lunar_year=2101, month=1, day=1), "lunar_year")
        self.assertField(solar(lunar_year=2100, month=12, day=2), "lunar_year")  # 2101-01-01
        self.assertField(solar(lunar_year=2027, month="x", day=1), "month", 400, "bad_request")
        self.assertField(solar(lunar_year=2027, month=1), "day", 400, "bad_request")
        self.assertField(solar(lunar_year=2027, month=1, day=1, leap="maybe"), "leap", 400, "bad_request")

    def test_error_messages_in_the_callers_language(self):
        path = f"{CAL}/solar?" + q({"lunar_year": 2024, "month": 1, "day": 1, "leap": "true"})
        zh = self.am.get(path).error["fields"]["leap"]
        en = self.am.get(path, headers={"Accept-Language": "en"}).error["fields"]["leap"]
        self.assertIn("闰月", zh)
        self.assertIn("leap month", en)

    # --- festivals and the month grid ----------------------------------------------------
    def test_festivals(self):
        r = self.am.get(f"{CAL}/festivals?year=2027")
        self.assertStatus(r, 200)
        self.assertEqual(r.body["items"], FESTIVALS_2027)
        self.assertEqual(r.body["year"], 2027)
        # Without a year: the company's current year (2027 by the test clock).
        self.assertEqual(self.am.get(f"{CAL}/festivals").body["items"], FESTIVALS_2027)
        spring = {f["name"]: f["date"] for f in self.am.get(f"{CAL}/festivals?year=2030").body["items"]}
        self.assertEqual(spring["spring_festival"], "2030-02-03")

    def test_festivals_bad_year(self):
        self.assertField(self.am.get(f"{CAL}/festivals?year=1899"), "year")
        self.assertField(self.am.get(f"{CAL}/festivals?year=2101"), "year")
        self.assertField(self.am.get(f"{CAL}/festivals?year=twenty"), "year", 400, "bad_request")

    def test_month(self):
        r = self.am.get(f"{CAL}/month?" + q({"year": 2026, "month": 2}))
        self.assertStatus(r, 200)
        self.assertEqual((r.body["year"], r.body["month"], r.body["region"]), (2026, 2, "CN"))
        days = {d["date"]: d for d in r.body["items"]}
        self.assertEqual(len(days), 28)
        # Saturday 14 February 2026: a make-up working day for the Spring Festival.
        sat = days["2026-02-14"]
        self.assertEqual(sat["weekday"], 6)
        self.assertTrue(sat["working_day"])
        self.assertEqual((sat["holiday"]["kind"], sat["holiday"]["name"]), ("workday", "春节"))
        spring = days["2026-02-17"]
        self.assertEqual(spring["lunar"], {"year": 2026, "month": 1, "day": 1, "leap": False})
        self.assertEqual(spring["festivals"], ["spring_festival"])
        self.assertFalse(spring["working_day"])
        self.assertEqual(days["2026-02-04"]["solar_term"], "lichun")
        self.assertIsNone(days["2026-02-05"]["solar_term"])
        self.assertIsNone(days["2026-02-05"]["holiday"])
        self.assertTrue(days["2026-02-05"]["working_day"])
        self.assertFalse(days["2026-02-01"]["working_day"])  # a plain Sunday
        # Taiwan has no rows: the same Saturday is a weekend day there.
        tw = self.am.get(f"{CAL}/month?" + q({"year": 2026, "month": 2, "region": "TW"})).body
        self.assertFalse(next(d for d in tw["items"] if d["date"] == "2026-02-14")["working_day"])
        # Defaults: this month of the company.
        now = self.am.get(f"{CAL}/month").body
        self.assertEqual((now["year"], now["month"]), (2027, 2))

    def test_month_bad_input(self):
        self.assertField(self.am.get(f"{CAL}/month?year=2027&month=13"), "month")
        self.assertField(self.am.get(f"{CAL}/month?year=2027&month=0"), "month")
        self.assertField(self.am.get(f"{CAL}/month?year=2101&month=1"), "year")
        self.assertField(self.am.get(f"{CAL}/month?year=2027&month=2&region=US"), "region", 400, "bad_request")

    # --- the holiday table ---------------------------------------------------------------
    def test_seeded_holidays(self):
        r = self.am.get(f"{HOLIDAYS}?year=2026")
        self.assertStatus(r, 200)
        items = r.body["items"]
        self.assertEqual(r.body["region"], "CN")
        by_date = {h["date"]: h for h in items}
        self.assertEqual(by_date["2026-02-15"]["kind"], "holiday")
        self.assertEqual(by_date["2026-02-14"]["kind"], "workday")
        self.assertEqual(by_date["2026-10-10"]["kind"], "workday")
        self.assertEqual([h["date"] for h in items], sorted(h["date"] for h in items))
        self.assertEqual(sum(1 for h in items if h["kind"] == "workday"), 6)
        for key in ("id", "region", "date", "kind", "name", "version", "created_at", "updated_at"):
            self.assertIn(key, items[0])
        self.assertEqual(self.am.get(f"{HOLIDAYS}?year=2026&region=HK").body["items"], [])
        self.assertField(self.am.get(f"{HOLIDAYS}?year=2026&region=cn"), "region", 400, "bad_request")
        self.assertField(self.am.get(f"{HOLIDAYS}?year=3000"), "year")

    def test_only_admin_writes(self):
        body = {"region": "CN", "date": "2027-03-01", "kind": "holiday", "name": "公司假日"}
        for s in (self.am, self.dir, self.aud):
            self.assertStatus(s.post(HOLIDAYS, body), 403, "forbidden")
        self.assertEqual(self.server.count("holidays", "date = '2027-03-01'"), 0)
        seeded = self.am.get(f"{HOLIDAYS}?year=2026").body["items"][0]
        self.assertStatus(self.dir.patch(f"{HOLIDAYS}/{seeded['id']}", {"name": "x", "version": seeded["version"]}), 403, "forbidden")
        self.assertStatus(self.am.delete(f"{HOLIDAYS}/{seeded['id']}"), 403, "forbidden")
        self.assertEqual(self.server.count("holidays", "id = ? AND name = ?", (seeded["id"], seeded["name"])), 1)

    def test_create_update_delete_audited(self):
        # 2027 has no notice yet: the admin enters a make-up Saturday and a holiday.
        r = self.admin.post(HOLIDAYS, {"region": "CN", "date": "2027-02-20", "kind": "workday", "name": "春节"})
        self.assertStatus(r, 201)
        h = r.body
        self.assertEqual((h["region"], h["date"], h["kind"], h["name"], h["version"]), ("CN", "2027-02-20", "workday", "春节", 1))
        self.assertEqual(self.server.count("audit_log", "entity = 'holiday' AND entity_id = ? AND action = 'create'", (h["id"],)), 1)
        # The month grid follows the table.
        days = {d["date"]: d for d in self.am.get(f"{CAL}/month?year=2027&month=2").body["items"]}
        self.assertTrue(days["2027-02-20"]["working_day"])
        self.assertEqual(days["2027-02-20"]["holiday"]["id"], h["id"])

        r = self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"kind": "holiday", "name": "春节假期", "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["kind"], r.body["name"], r.body["version"]), ("holiday", "春节假期", 2))
        changes = json.loads(self.server.sql(
            "SELECT changes FROM audit_log WHERE entity = 'holiday' AND entity_id = ? AND action = 'update'", (h["id"],))[0][0])
        self.assertEqual(changes["kind"], {"from": "workday", "to": "holiday"})
        self.assertEqual(changes["name"], {"from": "春节", "to": "春节假期"})

        # A stale version changes nothing.
        r = self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"name": "旧版本", "version": 1})
        self.assertStatus(r, 409, "stale_version")
        self.assertEqual(self.server.sql("SELECT name, version FROM holidays WHERE id = ?", (h["id"],)), [("春节假期", 2)])
        self.assertStatus(self.admin.delete(f"{HOLIDAYS}/{h['id']}?version=1"), 409, "stale_version")
        self.assertEqual(self.server.count("holidays", "id = ?", (h["id"],)), 1)

        self.assertStatus(self.admin.delete(f"{HOLIDAYS}/{h['id']}?version=2"), 204)
        self.assertEqual(self.server.count("holidays", "id = ?", (h["id"],)), 0)
        self.assertEqual(self.server.count("audit_log", "entity = 'holiday' AND entity_id = ? AND action = 'delete'", (h["id"],)), 1)
        self.assertStatus(self.admin.delete(f"{HOLIDAYS}/{h['id']}"), 404, "not_found")
        self.assertStatus(self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"name": "x", "version": 2}), 404, "not_found")

    def test_create_bad_input(self):
        before = self.server.count("holidays")
        ok = {"region": "CN", "date": "2027-05-01", "kind": "holiday", "name": "劳动节"}
        for field, value in (("kind", "vacation"), ("region", "US"), ("date", "2027-02-30"), ("date", "2101-01-01"),
                             ("name", ""), ("name", "长" * 51)):
            self.assertField(self.admin.post(HOLIDAYS, {**ok, field: value}), field)
        for field in ("region", "date", "kind", "name"):
            body = dict(ok)
            del body[field]
            self.assertField(self.admin.post(HOLIDAYS, body), field)
        self.assertStatus(self.admin.post(HOLIDAYS, {**ok, "color": "red"}), 400, "unknown_field")
        self.assertStatus(self.admin.post(HOLIDAYS, {**ok, "id": 5}), 400, "unknown_field")
        self.assertEqual(self.server.count("holidays"), before)
        # One row per region and date.
        seeded = self.am.get(f"{HOLIDAYS}?year=2026").body["items"][0]
        r = self.admin.post(HOLIDAYS, {"region": "CN", "date": seeded["date"], "kind": "holiday", "name": "重复"})
        self.assertField(r, "date", 409, "already_exists")
        # …but another region may have the same date.
        r = self.admin.post(HOLIDAYS, {"region": "HK", "date": seeded["date"], "kind": "holiday", "name": "Public holiday"})
        self.assertStatus(r, 201)
        self.assertStatus(self.admin.delete(f"{HOLIDAYS}/{r.body['id']}"), 204)

    def test_update_bad_input(self):
        r = self.admin.post(HOLIDAYS, {"region": "TW", "date": "2027-04-04", "kind": "holiday", "name": "兒童節"})
        self.assertStatus(r, 201)
        h = r.body
        self.assertField(self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"name": "x"}), "version")
        self.assertField(self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"kind": None, "version": 1}), "kind")
        self.assertField(self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"date": "2027-13-01", "version": 1}), "date")
        self.assertStatus(self.admin.patch(f"{HOLIDAYS}/abc", {"name": "x", "version": 1}), 404)
        self.assertEqual(self.server.sql("SELECT name, version FROM holidays WHERE id = ?", (h["id"],)), [("兒童節", 1)])
        r = self.admin.patch(f"{HOLIDAYS}/{h['id']}", {"date": "2027-04-05", "version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["date"], r.body["region"], r.body["version"]), ("2027-04-05", "TW", 2))


class CalendarCliTest(unittest.TestCase):
    """`kehu calendar …` needs no database."""

    def test_festivals(self):
        p = run_cli("calendar", "festivals", "2027")
        self.assertEqual(json.loads(p.stdout), FESTIVALS_2027)

    def test_lunar(self):
        p = run_cli("calendar", "lunar", "2027-02-06")
        self.assertEqual(json.loads(p.stdout), {"year": 2027, "month": 1, "day": 1, "leap": False})
        p = run_cli("calendar", "lunar", "2033-12-22")
        self.assertEqual(json.loads(p.stdout), {"year": 2033, "month": 11, "day": 1, "leap": True})

    def test_solar(self):
        p = run_cli("calendar", "solar", "--lunar-year", "2023", "--month", "2", "--day", "1", "--leap")
        self.assertEqual(json.loads(p.stdout), {"date": "2023-03-22"})
        p = run_cli("calendar", "solar", "--lunar-year", "2030", "--month", "1", "--day", "1")
        self.assertEqual(json.loads(p.stdout), {"date": "2030-02-03"})

    def assertBadInput(self, *args):
        p = run_cli(*args, check=False)
        self.assertEqual(p.returncode, 2, f"{args}: {p.stdout} {p.stderr}")
        self.assertEqual(p.stdout, "")
        lines = [line for line in p.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, f"expected one line on stderr: {p.stderr!r}")

    def test_bad_input(self):
        self.assertBadInput("calendar", "lunar", "2027-02-30")
        self.assertBadInput("calendar", "lunar", "yesterday")
        self.assertBadInput("calendar", "lunar", "1899-12-31")
        self.assertBadInput("calendar", "lunar")
        self.assertBadInput("calendar", "festivals", "1899")
        self.assertBadInput("calendar", "festivals", "x")
        self.assertBadInput("calendar", "solar", "--lunar-year", "2024", "--month", "1", "--day", "1", "--leap")
        self.assertBadInput("calendar", "solar", "--lunar-year", "2027", "--month", "3", "--day", "30")
        self.assertBadInput("calendar", "solar", "--lunar-year", "2027", "--month", "13", "--day", "1")
        self.assertBadInput("calendar", "solar", "--month", "1", "--day", "1")


if __name__ == "__main__":
    unittest.main()
