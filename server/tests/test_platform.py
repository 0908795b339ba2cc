"""Transport-level behaviour: health, security headers, routing errors, hostile bodies."""
import socket
import time
import unittest

from kehu_harness import ServerTestCase, Session

CUSTOMERS = "/api/v1/customers"


class PlatformTest(ServerTestCase):
    @classmethod
    def setup_users(cls, server):
        server.add_user("am", "account_manager", team="华南")

    @classmethod
    def setup_sessions(cls, server):
        cls.am = Session(server, "am")

    def customers_count(self):
        return self.server.count("customers")

    def post_raw(self, raw, content_type="application/json"):
        return self.am.request("POST", CUSTOMERS, raw=raw, headers={"Content-Type": content_type})

    def assertRejected(self, raw, status=400, code="malformed"):
        before = self.customers_count()
        r = self.post_raw(raw)
        self.assertStatus(r, status, code, msg=f"body {raw[:60]!r}:")
        self.assertEqual(self.customers_count(), before, "a rejected body stored something")
        return r

    # --- health ------------------------------------------------------------------------
    def test_healthz(self):
        r = self.server.request("GET", "/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, {"status": "ok"})

    def test_readyz(self):
        r = self.server.request("GET", "/readyz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, {"status": "ready"})

    # --- headers -----------------------------------------------------------------------
    def check_security_headers(self, r):
        csp = r.headers.get("content-security-policy", "")
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertEqual(r.headers.get("x-content-type-options"), "nosniff")
        self.assertRegex(r.headers.get("x-request-id", ""), r"^[0-9a-zA-Z-]{8,}$")

    def test_security_headers_on_api(self):
        r = self.am.get(CUSTOMERS)
        self.assertEqual(r.status, 200)
        self.check_security_headers(r)
        self.assertIn("no-store", r.headers.get("cache-control", ""))
        # request ids are unique
        r2 = self.am.get(CUSTOMERS)
        self.assertNotEqual(r.headers["x-request-id"], r2.headers["x-request-id"])

    def test_security_headers_on_errors(self):
        r = self.server.request("GET", "/api/v1/customers")
        self.assertStatus(r, 401, "unauthenticated")
        self.check_security_headers(r)
        self.assertEqual(r.error.get("request_id"), r.headers.get("x-request-id"))

    def test_security_headers_on_static(self):
        if not self.server.web_dir:
            self.skipTest("web/dist is not built")
        r = self.server.request("GET", "/")
        self.assertEqual(r.status, 200)
        self.assertIn(b"<", r.raw)
        self.check_security_headers(r)

    def test_unknown_api_path_is_json_404(self):
        r = self.am.get("/api/v1/no-such-thing")
        self.assertStatus(r, 404, "not_found")
        self.assertIn("application/json", r.headers.get("content-type", ""))
        r = self.server.request("GET", "/api/v1/no/such/thing/at/all")
        self.assertEqual(r.status, 404)
        self.assertEqual(r.code, "not_found")

    def test_wrong_method_405_with_allow(self):
        r = self.am.request("PUT", CUSTOMERS, body={})
        self.assertStatus(r, 405, "method_not_allowed")
        allow = r.headers.get("allow", "")
        self.assertIn("GET", allow)
        self.assertIn("POST", allow)
        r = self.am.request("DELETE", "/healthz")
        self.assertEqual(r.status, 405)
        self.assertIn("GET", r.headers.get("allow", ""))

    # --- bodies ------------------------------------------------------------------------
    def test_empty_body(self):
        self.assertRejected(b"")

    def test_truncated_json(self):
        self.assertRejected(b'{"name": "A", "status": "prosp')

    def test_trailing_comma(self):
        self.assertRejected(b'{"name": "A", "status": "prospect",}')

    def test_nan(self):
        self.assertRejected(b'{"name": "A", "status": "prospect", "credit_limit": NaN}')

    def test_comments(self):
        self.assertRejected(b'{"name": "A", /* c */ "status": "prospect"}')
        self.assertRejected(b'{"name": "A", "status": "prospect"} // c')

    def test_single_quotes(self):
        self.assertRejected(b"{'name': 'A', 'status': 'prospect'}")

    def test_top_level_array_or_string(self):
        r = self.assertRejected(b'[{"name": "A", "status": "prospect"}]', code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))
        r = self.assertRejected(b'"A"', code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))

    def test_duplicate_keys(self):
        r = self.assertRejected('{"name": "重复甲", "name": "重复乙", "status": "prospect"}'.encode(), code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))
        self.assertEqual(self.server.count("customers", "name IN ('重复甲','重复乙')"), 0)

    def test_deep_nesting(self):
        r = self.assertRejected(b"[" * 100000, code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))
        r = self.assertRejected(b'{"a":' * 100000, code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))
        self.assertTrue(self.server.alive())
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_nesting_33_rejected(self):
        body = '{"name":"深","status":"prospect","custom":{"k":' + "[" * 33 + "]" * 33 + "}}"
        self.assertRejected(body.encode(), code=None)

    def test_2mib_body_is_413(self):
        body = ('{"name":"A","status":"prospect","notes":"' + "x" * (2 * 1024 * 1024) + '"}').encode()
        self.assertRejected(body, status=413, code="too_large")

    def test_20mb_body_refused_and_server_still_serves(self):
        size = 20 * 1024 * 1024
        before = self.customers_count()
        sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        head = (f"POST {CUSTOMERS} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Cookie: kehu_session={self.am.cookie}\r\nX-CSRF-Token: {self.am.csrf}\r\n"
                f"Content-Length: {size}\r\n\r\n").encode()
        sock.sendall(head)
        chunk = b"x" * 65536
        sent = 0
        closed = False
        t0 = time.time()
        try:
            while sent < size and time.time() - t0 < 20:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:
            closed = True
        response = b""
        try:
            sock.settimeout(5)
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                response += data
                if b"\r\n\r\n" in response and len(response) > 200:
                    break
        except OSError:
            pass
        finally:
            sock.close()
        status_line = response.split(b"\r\n", 1)[0]
        self.assertTrue(closed or b" 413 " in status_line + b" ",
                        f"a 20 MB body was accepted: sent={sent}, response {status_line!r}")
        if response:
            self.assertIn(b" 413", status_line, f"unexpected answer to a 20 MB body: {status_line!r}")
        self.assertEqual(self.customers_count(), before)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)
        self.assertEqual(self.am.get(CUSTOMERS).status, 200)

    def test_text_plain_is_415(self):
        before = self.customers_count()
        r = self.post_raw('{"name":"纯文本","status":"prospect"}'.encode(), content_type="text/plain")
        self.assertStatus(r, 415, "unsupported_media_type")
        self.assertEqual(self.customers_count(), before)

    def test_invalid_utf8(self):
        for raw in (b'{"name":"\xc3\x28","status":"prospect"}', b'{"name":"\xc0\xaf","status":"prospect"}',
                    b'{"name":"\xff","status":"prospect"}'):
            r = self.assertRejected(raw, code=None)
            self.assertIn(r.code, ("malformed", "bad_request", "validation_failed"))

    def test_lone_surrogate(self):
        r = self.assertRejected(b'{"name":"A\\uD800B","status":"prospect"}', code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))
        r = self.assertRejected(b'{"name":"A\\uDC00","status":"prospect"}', code=None)
        self.assertIn(r.code, ("malformed", "bad_request"))

    def test_valid_surrogate_pair_accepted(self):
        r = self.post_raw(b'{"name":"\\uD83D\\uDE00 \xe5\xb0\x8f\xe5\xba\x97","status":"prospect","type":"person"}')
        self.assertStatus(r, 201)
        self.assertEqual(r.body["name"], "\U0001F600 小店")

    def test_url_over_16k_is_414(self):
        r = self.am.get(CUSTOMERS + "?q=" + "a" * 17000)
        self.assertEqual(r.status, 414, r)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_huge_headers_rejected(self):
        headers = {f"X-Pad-{i}": "v" * 8000 for i in range(40)}
        try:
            r = self.server.request("GET", "/healthz", headers=headers)
            self.assertIn(r.status, (400, 431), r)
        except (ConnectionError, OSError):
            pass  # closing the connection is an acceptable refusal
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_slow_client_does_not_block_others(self):
        sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        try:
            sock.sendall(b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
            t0 = time.time()
            self.assertEqual(self.server.request("GET", "/healthz").status, 200)
            self.assertLess(time.time() - t0, 2)
        finally:
            sock.close()

    def test_server_survives_all_of_the_above(self):
        self.assertTrue(self.server.alive())

    def test_content_type_is_parsed_as_a_media_type(self):
        r = self.post_raw('{"name":"大小写类型","status":"prospect","type":"person"}'.encode(),
                          content_type="Application/JSON; Charset=UTF-8")
        self.assertStatus(r, 201)
        before = self.customers_count()
        for ct in ("application/jsonfoo", "application/json-patch+json", "application/x-www-form-urlencoded", "text/json"):
            r = self.post_raw('{"name":"错误类型","status":"prospect","type":"person"}'.encode(), content_type=ct)
            self.assertStatus(r, 415, "unsupported_media_type", msg=f"Content-Type {ct}:")
        r = self.am.request("POST", CUSTOMERS, raw=b'{"name":"x","status":"prospect"}', headers={"Content-Type": None})
        self.assertStatus(r, 415, "unsupported_media_type")
        self.assertEqual(self.customers_count(), before)


if __name__ == "__main__":
    unittest.main()
