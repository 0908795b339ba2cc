"""Importing customers from CSV over HTTP (and `kehu import customers`): template, dry run,
stored import, the report, bad files, encodings, limits, duplicates in every mode, scope,
the error file, undo."""
import csv
import io
import itertools
import json
import unittest

from kehu_harness import ServerTestCase, Session, q, run_cli

CUSTOMERS = "/api/v1/customers"
IMPORTS = "/api/v1/customers/imports"
TEMPLATE = "/api/v1/customers/import-template.csv"
BOM = b"\xef\xbb\xbf"
_seq = itertools.count(1)

# Syllables that spell unique company names (and unique pinyin initials).
_WORDS = ["蓝鲸", "海鸥", "白鹭", "青松", "红枫", "金桥", "银河", "翠竹", "紫荆", "长城", "东风", "南山", "北辰", "西岭",
          "黄河", "珠江", "泰山", "华山", "黄山", "庐山", "峨眉", "武夷", "天目", "雁荡", "普陀", "九华", "衡山", "恒山"]


def unique_word():
    n = next(_seq)
    return _WORDS[n % len(_WORDS)] + _WORDS[(n // len(_WORDS)) % len(_WORDS)] + str(n)


def mobile():
    return f"139{next(_seq) + 20000000:08d}"


def csv_bytes(rows, bom=False, encoding="utf-8", newline="\r\n"):
    out = io.StringIO()
    w = csv.writer(out, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    data = out.getvalue().encode(encoding)
    return (BOM + data) if bom else data


def read_csv(data):
    assert data.startswith(BOM), data[:20]
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


HEADER = ["客户名称", "类型", "简称", "省份", "城市", "状态", "等级", "联系人", "职务", "手机"]


def row(name=None, **kw):
    r = {"客户名称": name or f"{unique_word()}润滑油有限公司", "类型": "企业", "简称": "", "省份": "广东省", "城市": "广州市",
         "状态": "潜在", "等级": "B", "联系人": "张伟", "职务": "采购经理", "手机": mobile()}
    r.update(kw)
    return [r[h] for h in HEADER]


class ImportTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("root", "admin", name="管理员")
        server.add_user("dir", "director", name="赵总")
        server.add_user("mgra", "manager", team="甲组", name="王经理")
        server.add_user("am1", "account_manager", team="甲组", name="李娜")
        server.add_user("am2", "account_manager", team="甲组", name="王强")
        server.add_user("mgrb", "manager", team="乙组", name="乙经理")
        server.add_user("am3", "account_manager", team="乙组", name="陈静")
        server.add_user("svc", "service", name="客服")

    @classmethod
    def setup_sessions(cls, server):
        for u in ("dir", "mgra", "am1", "am2", "mgrb", "am3", "svc"):
            setattr(cls, u, Session(server, u))

    # --- helpers -------------------------------------------------------------------------
    def post(self, session, data, content_type="text/csv", **params):
        path = IMPORTS + ("?" + q(params) if params else "")
        return session.request("POST", path, raw=data, headers={"Content-Type": content_type})

    def stored(self, session, data, **params):
        params.setdefault("dry_run", "false")
        r = self.post(session, data, **params)
        self.assertStatus(r, 201, msg="import:")
        return r.body

    def counts(self):
        return self.server.counts("customers", "contacts", "customer_search", "customer_imports")

    def customer(self, name):
        rows = self.server.sql("SELECT id, owner_id, grade, size, deleted_at, version FROM customers WHERE name = ?", (name,))
        self.assertEqual(len(rows), 1, f"{name}: {rows}")
        return dict(zip(("id", "owner_id", "grade", "size", "deleted_at", "version"), rows[0]))

    def api_create(self, session, **body):
        b = {"name": f"{unique_word()}贸易有限公司", "status": "prospect"}
        b.update(body)
        r = session.post(CUSTOMERS, b)
        self.assertStatus(r, 201)
        return r.body

    # --- template ------------------------------------------------------------------------
    def test_template_in_each_language_with_a_bom(self):
        for lang, first in (("zh-CN", "客户名称"), ("zh-TW", "客戶名稱"), ("en", "name")):
            r = self.am1.get(TEMPLATE, headers={"Accept-Language": lang})
            self.assertStatus(r, 200)
            self.assertTrue(r.headers["content-type"].startswith("text/csv"))
            self.assertIn("attachment", r.headers.get("content-disposition", ""))
            rows = read_csv(r.raw)
            self.assertEqual(len(rows), 2)
            self.assertEqual(rows[0][0], first)
            self.assertNotIn("owner", rows[0])  # account managers cannot name owners
        lead = read_csv(self.mgra.get(TEMPLATE, headers={"Accept-Language": "en"}).raw)
        self.assertIn("owner", lead[0])

    def test_the_template_imports_as_it_is(self):
        for lang in ("zh-CN", "zh-TW", "en"):
            data = self.am1.get(TEMPLATE, headers={"Accept-Language": lang}).raw
            r = self.post(self.am1, data)
            self.assertStatus(r, 200)
            self.assertEqual((r.body["invalid"], r.body["created"] + r.body["skipped"]), (0, 1), f"{lang}: {r.body}")
            self.assertEqual(r.body["unmapped"], [])

    # --- happy path ----------------------------------------------------------------------
    def test_dry_run_stores_nothing_then_the_import_creates(self):
        word = "翡翠鸳鸯" + str(next(_seq))  # feicuiyuanyang: pinyin initials fcyy
        rows = [HEADER, row(f"{word}润滑油有限公司", 简称="翡翠"), row(), row(类型="个人", 客户名称="欧阳明月" + str(next(_seq)))]
        data = csv_bytes(rows, bom=True)
        before = self.counts()
        total_before = self.am1.get(CUSTOMERS).body["total"]
        r = self.post(self.am1, data)  # dry_run defaults to true
        self.assertStatus(r, 200)
        self.assertEqual(r.body["id"], None)
        self.assertTrue(r.body["dry_run"])
        self.assertEqual((r.body["rows"], r.body["created"], r.body["invalid"]), (3, 3, 0))
        self.assertEqual(r.body["encoding"], "utf-8")
        self.assertEqual([c["field"] for c in r.body["columns"]],
                         ["name", "type", "short_name", "province", "city", "status", "grade", "contact_name",
                          "contact_title", "contact_mobile"])
        self.assertEqual(self.counts(), before)

        r = self.post(self.am1, data, dry_run="false")
        self.assertStatus(r, 201)
        self.assertIsInstance(r.body["id"], int)
        self.assertFalse(r.body["dry_run"])
        self.assertEqual((r.body["created"], r.body["version"]), (3, 1))
        self.assertIsInstance(r.body["seconds"], (int, float))
        after = self.counts()
        self.assertEqual(after["customers"], before["customers"] + 3)
        self.assertEqual(after["contacts"], before["contacts"] + 3)
        self.assertEqual(after["customer_search"], before["customer_search"] + 3)
        self.assertEqual(self.am1.get(CUSTOMERS).body["total"], total_before + 3)
        c = self.customer(f"{word}润滑油有限公司")
        self.assertEqual(c["owner_id"], self.am1.id)
        got = self.am1.get(f"{CUSTOMERS}/{c['id']}").body
        self.assertEqual((got["province_code"], got["city_code"], got["status"], got["grade"]), ("440000", "440100", "prospect", "B"))
        self.assertEqual(len(got["contacts"]), 1)
        self.assertTrue(got["contacts"][0]["is_primary"])
        # Search keys as on create: pinyin initials, a phone fragment, the short name.
        found = self.am1.get(CUSTOMERS + "?" + q({"q": "fcyy", "page_size": 200})).body["items"]
        self.assertIn(c["id"], [x["id"] for x in found])
        # One audit row for the import, one small create row per customer.
        self.assertEqual(self.server.count("audit_log", "entity = 'customer_import' AND entity_id = ?", (r.body["id"],)), 1)
        self.assertEqual(self.server.count("audit_log", "entity = 'customer' AND entity_id = ? AND action = 'create'", (c["id"],)), 1)

    def test_search_document_is_the_one_create_builds(self):
        name = f"{unique_word()}机械有限公司"
        m = mobile()
        self.stored(self.am1, csv_bytes([["name", "short_name", "contact_name", "contact_mobile"], [name, "机械", "司马光", m]]))
        imported = self.customer(name)["id"]
        created = self.api_create(self.am2, name=name, short_name="机械",
                                  contacts=[{"name": "司马光", "mobile": m}], confirm_duplicate=True)["id"]
        keys = dict(self.server.sql("SELECT rowid, keys FROM customer_search WHERE rowid IN (?, ?)", (imported, created)))
        self.assertEqual(keys[imported], keys[created])
        self.assertEqual(self.server.sql("SELECT name_key, sort_key FROM customers WHERE id = ?", (imported,)),
                         self.server.sql("SELECT name_key, sort_key FROM customers WHERE id = ?", (created,)))
        name_keys = self.server.sql("SELECT name_key, sort_key FROM customers WHERE id = ?", (imported,))[0]
        self.assertEqual(name_keys[0], name.replace("有限公司", ""))

    def test_cli_runs_the_same_import(self):
        data = csv_bytes([HEADER, row(), row()])
        path = self.server.dir + "/cli.csv"
        with open(path, "wb") as f:
            f.write(data)
        p = run_cli("import", "customers", "--db", self.server.db, "--file", path, "--as", "am1", "--dry-run", "--lang", "en")
        report = json.loads(p.stdout)
        self.assertEqual((report["rows"], report["created"], report["id"]), (2, 2, None))
        before = self.counts()
        p = run_cli("import", "customers", "--db", self.server.db, "--file", path, "--as", "am1")
        self.assertIsInstance(json.loads(p.stdout)["id"], int)
        self.assertEqual(self.counts()["customers"], before["customers"] + 2)
        bad = run_cli("import", "customers", "--db", self.server.db, "--file", path, "--as", "nobody", check=False)
        self.assertEqual(bad.returncode, 2)
        bad = run_cli("import", "customers", "--db", self.server.db, "--file", path, "--as", "am1", "--mode", "merge", check=False)
        self.assertEqual(bad.returncode, 2)

    # --- bad input -----------------------------------------------------------------------
    def test_one_invalid_row_refuses_the_file_unless_valid_rows(self):
        rows = [HEADER] + [row() for _ in range(20)]
        rows[5][HEADER.index("手机")] = "1380013800"  # CSV record 6 (the header is 1)
        data = csv_bytes(rows)
        before = self.counts()
        r = self.post(self.am1, data, dry_run="false")
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual((r.body["rows"], r.body["invalid"], r.body["id"]), (20, 1, None))
        self.assertEqual(r.body["errors"], [{"row": 6, "column": "手机", "field": "contact_mobile",
                                             "message": r.body["errors"][0]["message"]}])
        self.assertIn("13800138000", r.body["errors"][0]["message"])
        self.assertEqual(self.counts(), before)

        r = self.post(self.am1, data, dry_run="false", valid_rows="true")
        self.assertStatus(r, 201)
        self.assertEqual((r.body["created"], r.body["invalid"]), (19, 1))
        self.assertEqual(self.counts()["customers"], before["customers"] + 19)
        errors = self.am1.get(f"{IMPORTS}/{r.body['id']}/errors.csv")
        self.assertStatus(errors, 200)
        table = read_csv(errors.raw)
        self.assertEqual(table[0], HEADER + ["错误"])
        self.assertEqual(len(table), 2)
        self.assertEqual(table[1][HEADER.index("手机")], "1380013800")
        self.assertTrue(table[1][-1].startswith("手机："))

    def test_dry_run_reports_invalid_rows_with_200(self):
        r = self.post(self.am1, csv_bytes([HEADER, row(), row(类型="外星人")]))
        self.assertStatus(r, 200)
        self.assertEqual((r.body["created"], r.body["invalid"]), (1, 1))
        self.assertEqual(r.body["errors"][0]["column"], "类型")
        self.assertIn("企业", r.body["errors"][0]["message"])  # the allowed labels in the caller's language

    def test_errors_in_english(self):
        r = self.post(self.am1, csv_bytes([["name", "size"], ["甲" + unique_word(), "huge"]]))
        self.assertStatus(r, 200)
        en = self.am1.request("POST", IMPORTS, raw=csv_bytes([["name", "size"], ["甲" + unique_word(), "huge"]]),
                              headers={"Content-Type": "text/csv", "Accept-Language": "en"})
        self.assertIn("large, medium, small", en.body["errors"][0]["message"])
        self.assertIn("大型", r.body["errors"][0]["message"])

    def test_unclosed_quote_names_row_and_column(self):
        data = ('客户名称,备注\r\n甲公司,ok\r\n乙公司,"没有结束\r\n丙公司,x\r\n').encode()
        before = self.counts()
        for dry in ("true", "false"):
            r = self.post(self.am1, data, dry_run=dry)
            self.assertStatus(r, 422, "validation_failed")
            self.assertEqual((r.error["row"], r.error["column"]), (3, 2))
            self.assertIn("3", r.error["message"])
        self.assertEqual(self.counts(), before)

    def test_crlf_bom_quoted_newlines_and_ragged_rows(self):
        name = f"{unique_word()}有限公司"
        data = BOM + (f'客户名称,备注,等级\r\n"{name}","第一行\r\n第二行，含""引号""",A\r\n'
                      f'短行公司{next(_seq)}\r\n长行公司{next(_seq)},x,B,多余\r\n\r\n').encode()
        r = self.post(self.am1, data)
        self.assertStatus(r, 200)
        self.assertEqual((r.body["rows"], r.body["created"], r.body["invalid"]), (3, 1, 2))
        self.assertEqual([e["row"] for e in r.body["errors"]], [3, 4])
        self.stored(self.am1, data, valid_rows="true")
        notes = self.server.sql("SELECT notes FROM customers WHERE name = ?", (name,))[0][0]
        self.assertEqual(notes, '第一行\r\n第二行，含"引号"')

    def test_wrong_encoding_is_refused_with_the_line(self):
        data = csv_bytes([HEADER, row()], encoding="gb18030")
        r = self.post(self.am1, data, encoding="utf-8")
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual(r.error["line"], 1)
        self.assertIn("UTF-8", r.error["message"].upper())
        r = self.post(self.am1, b"\xff\xfe" + "客户名称\r\n".encode("utf-16-le"))
        self.assertStatus(r, 422, "validation_failed")

    def test_gb18030_and_big5_files_import_with_detection(self):
        gb_name = f"{unique_word()}润滑油有限公司"
        r = self.stored(self.am1, csv_bytes([HEADER, row(gb_name), row(), row()], encoding="gb18030"))
        self.assertEqual((r["encoding"], r["created"]), ("gb18030", 3))
        self.customer(gb_name)
        big5_name = f"臺北藍鯨潤滑油{next(_seq)}股份有限公司"
        tw_header = ["客戶名稱", "類型", "省份", "城市", "狀態", "聯絡人", "手機"]
        tw_rows = [tw_header, [big5_name, "公司", "臺灣", "臺北市", "潛在", "陳志明", "+886 912" + str(next(_seq) + 100000)[-6:]],
                   [f"高雄{next(_seq)}興業機械有限公司", "公司", "台灣", "高雄市", "合作中", "林淑芬", "+886 922" + str(next(_seq) + 100000)[-6:]]]
        r = self.stored(self.am1, csv_bytes(tw_rows, encoding="big5"))
        self.assertEqual((r["encoding"], r["created"], r["invalid"]), ("big5", 2, 0))
        c = self.am1.get(f"{CUSTOMERS}/{self.customer(big5_name)['id']}").body
        self.assertEqual((c["province_code"], c["city_code"], c["status"]), ("710000", "710100", "prospect"))
        self.assertTrue(c["contacts"][0]["mobile"].startswith("+886"))

    def test_too_many_rows_or_bytes_is_413(self):
        before = self.counts()
        data = b"name\n" + b"a\n" * 200001
        r = self.post(self.am1, data)
        self.assertStatus(r, 413, "too_large")
        self.assertEqual(self.post(self.am1, b"name\n" + b"a\n" * 200000, encoding="utf-8").status, 200)
        big = b"name\n" + b"x" * (50 * 1024 * 1024)
        r = self.post(self.am1, big, dry_run="false")
        self.assertStatus(r, 413, "too_large")
        self.assertEqual(self.counts(), before)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_json_bodies_keep_their_1mib_limit(self):
        body = ('{"name":"A","status":"prospect","notes":"' + "x" * (2 * 1024 * 1024) + '"}').encode()
        r = self.am1.request("POST", CUSTOMERS, raw=body)
        self.assertStatus(r, 413, "too_large")

    def test_bad_query_parameters_name_the_field(self):
        data = csv_bytes([HEADER, row()])
        for param, value in (("dry_run", "maybe"), ("valid_rows", "yes"), ("duplicate_key", "phone"), ("mode", "merge"),
                             ("encoding", "latin1"), ("owner_id", "abc")):
            r = self.post(self.mgra, data, **{param: value})
            self.assertField(r, param, status=400, code="bad_request")

    def test_other_media_types_and_empty_files(self):
        r = self.post(self.am1, b'{"name":"x"}', content_type="application/json")
        self.assertStatus(r, 415, "unsupported_media_type")
        self.assertStatus(self.post(self.am1, b""), 422, "validation_failed")
        self.assertStatus(self.post(self.am1, "客户名称\r\n".encode()), 422, "validation_failed")
        r = self.post(self.am1, "颜色,大小\r\n红,大\r\n".encode())
        self.assertStatus(r, 422, "validation_failed")
        self.assertEqual(r.error["unmapped"], ["颜色", "大小"])
        self.assertStatus(self.post(self.am1, csv_bytes([HEADER, row()]), content_type="application/vnd.ms-excel"), 200)

    # --- duplicates ----------------------------------------------------------------------
    def test_duplicates_skip_fill_empty_overwrite_create(self):
        name = f"{unique_word()}重复有限公司"
        existing = self.api_create(self.am1, name=name, grade="A")
        header = ["客户名称", "等级", "规模", "备注"]
        traditional = name.replace("复", "複")  # the same name key
        r = self.stored(self.am1, csv_bytes([header, [traditional, "C", "大型", "新备注"]]))
        self.assertEqual((r["created"], r["skipped"], r["updated"]), (0, 1, 0))

        r = self.stored(self.am1, csv_bytes([header, [name, "C", "大型", ""]]), mode="fill_empty")
        self.assertEqual((r["updated"], r["created"]), (1, 0))
        c = self.customer(name)
        self.assertEqual((c["grade"], c["size"]), ("A", "large"))  # grade kept, size filled
        r = self.stored(self.am1, csv_bytes([header, [name, "C", "", ""]]), mode="fill_empty")
        self.assertEqual((r["updated"], r["skipped"]), (0, 1))  # nothing left to fill

        r = self.stored(self.am1, csv_bytes([header, [name, "C", "", ""]]), mode="overwrite")
        self.assertEqual(r["updated"], 1)
        c = self.customer(name)
        self.assertEqual((c["grade"], c["size"], c["version"]), ("C", "large", existing["version"] + 2))

        r = self.stored(self.am1, csv_bytes([header, [name, "B", "", ""]]), mode="create")
        self.assertEqual(r["created"], 1)
        self.assertEqual(self.server.count("customers", "name = ?", (name,)), 2)

    def test_duplicates_inside_the_file(self):
        name = f"{unique_word()}有限公司"
        r = self.post(self.am1, csv_bytes([HEADER, row(name), row(), row(name)]))
        self.assertEqual((r.body["created"], r.body["invalid"]), (2, 1))
        self.assertEqual((r.body["errors"][0]["row"], r.body["errors"][0]["field"]), (4, "name"))
        self.assertIn("2", r.body["errors"][0]["message"])
        r = self.post(self.am1, csv_bytes([HEADER, row(name), row(name)]), mode="create")
        self.assertEqual(r.body["created"], 2)

    def test_duplicate_keys_mobile_credit_code_email(self):
        m = mobile()
        self.api_create(self.am1, credit_code="91350100M000100Y43", contacts=[{"name": "甲", "mobile": m, "email": "Dup@Example.com"}],
                        confirm_duplicate=True)
        header = ["客户名称", "统一社会信用代码", "联系人", "手机", "邮箱"]
        line = [f"{unique_word()}有限公司", "91350100m000100y43", "乙", "+86 " + m, "dup@example.COM"]
        for key in ("mobile", "credit_code", "email"):
            r = self.post(self.am1, csv_bytes([header, line]), duplicate_key=key)
            self.assertEqual((r.body["skipped"], r.body["created"]), (1, 0), key)
        r = self.post(self.am1, csv_bytes([header, line]), duplicate_key="name")
        self.assertEqual(r.body["created"], 1)

    def test_a_duplicate_the_caller_cannot_edit_is_a_row_error(self):
        name = f"{unique_word()}有限公司"
        self.api_create(self.am3, name=name)
        r = self.post(self.am1, csv_bytes([["客户名称", "等级"], [name, "A"]]), mode="overwrite")
        self.assertEqual((r.body["invalid"], r.body["updated"]), (1, 0))
        r = self.post(self.am1, csv_bytes([["客户名称", "等级"], [name, "A"]]))
        self.assertEqual(r.body["skipped"], 1)  # skipping needs no access

    # --- scope ---------------------------------------------------------------------------
    def test_owner_rules(self):
        data = csv_bytes([HEADER, row()])
        self.assertField(self.post(self.am1, data, owner_id=self.am2.id), "owner_id", status=400, code="bad_request")
        r = self.stored(self.mgra, csv_bytes([HEADER, row(name := f"{unique_word()}有限公司")]), owner_id=self.am1.id)
        self.assertEqual(self.customer(name)["owner_id"], self.am1.id)
        self.assertField(self.post(self.mgra, data, owner_id=self.am3.id), "owner_id")
        self.assertStatus(self.post(self.svc, data), 403, "forbidden")
        # The owner column: leads name someone in their team; account managers only themselves.
        header = HEADER + ["负责人"]
        r = self.post(self.am1, csv_bytes([header, row() + ["am2"], row() + ["am1"]]))
        self.assertEqual((r.body["invalid"], r.body["created"]), (1, 1))
        self.assertEqual(r.body["errors"][0]["column"], "负责人")
        r = self.post(self.mgra, csv_bytes([header, row() + ["am2"], row() + ["am3"], row() + ["nobody"]]))
        self.assertEqual((r.body["created"], r.body["invalid"]), (1, 2))

    def test_list_errors_and_undo_follow_the_scope(self):
        r = self.stored(self.am1, csv_bytes([HEADER, row(), row(手机="123")]), valid_rows="true")
        iid = r["id"]
        mine = self.am1.get(IMPORTS).body
        self.assertIn(iid, [i["id"] for i in mine["items"]])
        item = next(i for i in mine["items"] if i["id"] == iid)
        self.assertEqual((item["user_id"], item["user_name"], item["rows"], item["created"], item["invalid"]),
                         (self.am1.id, "李娜", 2, 1, 1))
        self.assertNotIn(iid, [i["id"] for i in self.am2.get(IMPORTS).body["items"]])
        self.assertIn(iid, [i["id"] for i in self.mgra.get(IMPORTS).body["items"]])  # the lead of 甲组
        self.assertNotIn(iid, [i["id"] for i in self.mgrb.get(IMPORTS).body["items"]])
        self.assertStatus(self.am2.get(f"{IMPORTS}/{iid}/errors.csv"), 404, "not_found")
        self.assertStatus(self.mgrb.get(f"{IMPORTS}/{iid}/errors.csv"), 404, "not_found")
        self.assertStatus(self.mgra.get(f"{IMPORTS}/{iid}/errors.csv"), 200)
        self.assertStatus(self.am2.post(f"{IMPORTS}/{iid}/undo", {"version": 1}), 404, "not_found")
        self.assertStatus(self.mgra.post(f"{IMPORTS}/{iid}/undo", {"version": 1}), 404, "not_found")
        self.assertStatus(self.am1.post(f"{IMPORTS}/999999/undo", {"version": 1}), 404, "not_found")
        self.assertStatus(self.am1.get(f"{IMPORTS}/abc/errors.csv"), 404)

    def test_undo_restores_and_checks_versions(self):
        session = self.am2
        updated_name = f"{unique_word()}有限公司"
        self.api_create(session, name=updated_name, grade="A")
        first = self.stored(session, csv_bytes([HEADER, row()]))
        new_name = f"{unique_word()}有限公司"
        second = self.stored(session, csv_bytes([["客户名称", "等级"], [new_name, "B"], [updated_name, "C"]]), mode="overwrite")
        self.assertEqual((second["created"], second["updated"]), (1, 1))
        self.assertEqual(self.customer(updated_name)["grade"], "C")

        r = session.post(f"{IMPORTS}/{first['id']}/undo", {"version": 1})
        self.assertStatus(r, 409, "stale_version")  # not the most recent
        r = session.post(f"{IMPORTS}/{second['id']}/undo", {"version": 7})
        self.assertStatus(r, 409, "stale_version")
        self.assertStatus(session.post(f"{IMPORTS}/{second['id']}/undo", {}), 422, "validation_failed")
        listed = {i["id"]: i for i in session.get(IMPORTS).body["items"]}
        self.assertTrue(listed[second["id"]]["can_undo"])
        self.assertFalse(listed[first["id"]]["can_undo"])

        r = session.post(f"{IMPORTS}/{second['id']}/undo", {"version": listed[second["id"]]["version"]})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["deleted"], r.body["restored"], r.body["kept"]), (1, 1, 0))
        self.assertIsNotNone(self.customer(new_name)["deleted_at"])  # in the recycle bin
        bin_ids = [c["id"] for c in session.get(CUSTOMERS + "/recycle-bin?page_size=200").body["items"]]
        self.assertIn(self.customer(new_name)["id"], bin_ids)
        self.assertEqual(self.customer(updated_name)["grade"], "A")
        listed = {i["id"]: i for i in session.get(IMPORTS).body["items"]}
        self.assertIsNotNone(listed[second["id"]]["undone_at"])
        self.assertFalse(listed[second["id"]]["can_undo"])
        self.assertTrue(listed[first["id"]]["can_undo"])  # now the most recent open one
        r = session.post(f"{IMPORTS}/{second['id']}/undo", {"version": listed[second["id"]]["version"]})
        self.assertStatus(r, 409, "stale_version")

    def test_undo_keeps_customers_changed_since(self):
        session = self.am3
        name = f"{unique_word()}有限公司"
        c = self.api_create(session, name=name, grade="A")
        imp = self.stored(session, csv_bytes([["客户名称", "等级"], [name, "B"]]), mode="overwrite")
        fresh = session.get(f"{CUSTOMERS}/{c['id']}").body
        self.assertStatus(session.patch(f"{CUSTOMERS}/{c['id']}", {"version": fresh["version"], "grade": "C"}), 200)
        r = session.post(f"{IMPORTS}/{imp['id']}/undo", {"version": 1})
        self.assertStatus(r, 200)
        self.assertEqual((r.body["restored"], r.body["kept"]), (0, 1))
        self.assertEqual(self.customer(name)["grade"], "C")

    # --- the error file ------------------------------------------------------------------
    def test_errors_csv_is_formula_safe(self):
        header = ["客户名称", "备注", "手机"]
        rows = [header, ["=HYPERLINK(\"http://x\",\"点我\")", "  @SUM(A1)", "123"], ["+cmd|' /C calc'!A0", "-2+3", "456"],
                ["\t=1", "ok", "1380013800"]]
        r = self.stored(self.am1, csv_bytes(rows), valid_rows="true")
        self.assertEqual(r["invalid"], 3)
        out = self.am1.get(f"{IMPORTS}/{r['id']}/errors.csv", headers={"Accept-Language": "en"})
        self.assertStatus(out, 200)
        self.assertTrue(out.raw.startswith(BOM))
        table = read_csv(out.raw)
        self.assertEqual(table[0], header + ["Error"])
        for line in table[1:]:
            for cell in line:
                stripped = cell.lstrip(" ")
                self.assertFalse(stripped[:1] in ("=", "+", "-", "@") or cell[:1] in ("\t", "\r"), f"unsafe cell {cell!r}")
        self.assertEqual(table[1][0], "'=HYPERLINK(\"http://x\",\"点我\")")
        self.assertEqual(table[1][1], "'  @SUM(A1)")
        self.assertEqual(table[3][0], "'\t=1")
        # The audit trail records the export.
        self.assertEqual(self.server.count("audit_log", "entity = 'customer_import' AND entity_id = ? AND action = 'export_errors'",
                                           (r["id"],)), 1)


if __name__ == "__main__":
    unittest.main()
