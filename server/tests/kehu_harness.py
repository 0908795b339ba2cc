"""Shared harness for the HTTP black-box tests: a fresh database, one `kehu serve` per
test class on a free port, sessions with cookie + CSRF, and read-only SQLite checks.

Python 3 standard library only.
"""
import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
KEHU_BIN = os.environ.get("KEHU_BIN", "/work/main/build/server/kehu")
SOURCE_DIR = os.environ.get("KEHU_SOURCE_DIR", os.path.abspath(os.path.join(HERE, "..", "..")))
TEST_NOW = "2027-02-01T09:00:00+08:00"
PASSWORD = "Passw0rd-long"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, env=None, check=True, timeout=30):
    """Runs `kehu ARGS`; returns CompletedProcess (text)."""
    e = dict(os.environ)
    e.pop("KEHU_TEST_MODE", None)
    e.pop("KEHU_NOW", None)
    if env:
        e.update(env)
    p = subprocess.run([KEHU_BIN, *args], capture_output=True, text=True, env=e, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"kehu {' '.join(args)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


class Response:
    def __init__(self, status, headers, body, raw):
        self.status = status
        self.headers = headers  # dict, lower-case names
        self.body = body  # parsed JSON, or None
        self.raw = raw

    def __iter__(self):  # allows `status, headers, body = s.request(...)`
        return iter((self.status, self.headers, self.body))

    @property
    def code(self):
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), dict):
            return self.body["error"].get("code")
        return None

    @property
    def error(self):
        if isinstance(self.body, dict) and isinstance(self.body.get("error"), dict):
            return self.body["error"]
        return {}

    def __repr__(self):
        return f"<{self.status} {self.raw[:400]!r}>"


class Server:
    """One database + one running `kehu serve`."""

    def __init__(self, test_mode=True, extra_env=None, web=True):
        self.tmp = tempfile.TemporaryDirectory(prefix="kehu-test-")
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "kehu.db")
        self.log_path = os.path.join(self.dir, "server.log")
        self.port = None
        self.proc = None
        self.admin_password = None
        self.test_mode = test_mode
        self.extra_env = extra_env or {}
        self.web = web
        out = run_cli("init", "--db", self.db).stdout
        m = re.search(r"First administrator: admin / (\S+)", out)
        if not m:
            raise AssertionError("kehu init did not print the admin password:\n" + out)
        self.admin_password = m.group(1)

    # --- users -------------------------------------------------------------------------
    def add_user(self, username, role, team=None, name=None, password=PASSWORD):
        args = ["user", "add", "--db", self.db, "--username", username, "--password", password, "--role", role]
        if team:
            args += ["--team", team]
        if name:
            args += ["--name", name]
        out = run_cli(*args).stdout
        m = re.search(r"\(id (\d+)", out)
        return int(m.group(1)) if m else None

    # --- process -----------------------------------------------------------------------
    def start(self):
        self.port = free_port()
        env = dict(os.environ)
        env.pop("KEHU_TEST_MODE", None)
        env.pop("KEHU_NOW", None)
        if self.test_mode:
            env["KEHU_TEST_MODE"] = "1"
            env["KEHU_NOW"] = TEST_NOW
        env.update(self.extra_env)
        args = [KEHU_BIN, "serve", "--db", self.db, "--listen", f"127.0.0.1:{self.port}"]
        web = os.path.join(SOURCE_DIR, "web", "dist")
        if self.web and os.path.exists(os.path.join(web, "index.html")):
            args += ["--web", web]
            self.web_dir = web
        else:
            self.web_dir = None
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=self.dir)
        deadline = time.time() + 15
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"kehu serve exited at start ({self.proc.returncode}):\n{self.read_log()}")
            try:
                r = self.request("GET", "/healthz")
                if r.status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError("kehu serve did not answer /healthz in 15 s:\n" + self.read_log())

    def read_log(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-20000:]
        except OSError:
            return ""

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        """Stops the server; raises if it had crashed before."""
        problem = None
        if self.proc is not None:
            rc = self.proc.poll()
            if rc is not None:
                problem = f"kehu serve crashed during the tests (exit code {rc}):\n{self.read_log()}"
            else:
                self.proc.terminate()
                try:
                    rc = self.proc.wait(10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
                    problem = "kehu serve did not stop within 10 s of SIGTERM:\n" + self.read_log()
                else:
                    if rc not in (0, -15):
                        problem = f"kehu serve exited with {rc} on SIGTERM:\n{self.read_log()}"
            self.log.close()
            self.proc = None
        return problem

    def cleanup(self):
        self.tmp.cleanup()

    # --- HTTP --------------------------------------------------------------------------
    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, raw=None, timeout=30):
        h = {}
        data = None
        if raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
            h["Content-Type"] = "application/json"
        elif body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            h["Content-Type"] = "application/json"
        if headers:
            h.update(headers)
        h = {k: v for k, v in h.items() if v is not None}
        conn = self.connection(timeout)
        try:
            conn.request(method, path, body=data, headers=h)
            resp = conn.getresponse()
            payload = resp.read()
            headers_out = {}
            for k, v in resp.getheaders():
                k = k.lower()
                headers_out[k] = v if k not in headers_out else headers_out[k] + ", " + v
            parsed = None
            if payload and "json" in (resp.getheader("Content-Type") or ""):
                try:
                    parsed = json.loads(payload.decode("utf-8"))
                except ValueError:
                    parsed = None
            return Response(resp.status, headers_out, parsed, payload)
        finally:
            conn.close()

    # --- database ----------------------------------------------------------------------
    def sql(self, query, params=()):
        uri = "file:" + urllib.parse.quote(self.db) + "?mode=ro"
        con = sqlite3.connect(uri, uri=True, timeout=10)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()

    def count(self, table, where="1", params=()):
        return self.sql(f"SELECT count(*) FROM {table} WHERE {where}", params)[0][0]

    def counts(self, *tables):
        return {t: self.count(t) for t in tables}


class Session:
    def __init__(self, server, username=None, password=PASSWORD, login=True):
        self.server = server
        self.username = username
        self.cookie = None
        self.csrf = None
        self.token = None
        self.user = None
        if username and login:
            r = self.login(username, password)
            if r.status != 200:
                raise AssertionError(f"login of {username} failed: {r}")

    def login(self, username, password):
        r = self.server.request("POST", "/api/v1/auth/login", {"username": username, "password": password})
        if r.status == 200:
            m = re.search(r"kehu_session=([^;]*)", r.headers.get("set-cookie", ""))
            self.cookie = m.group(1) if m else None
            self.csrf = r.body["csrf_token"]
            self.user = r.body["user"]
        return r

    @property
    def id(self):
        return self.user["id"]

    def request(self, method, path, body=None, headers=None, raw=None, csrf=True):
        h = {}
        if self.cookie:
            h["Cookie"] = "kehu_session=" + self.cookie
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if csrf and self.csrf and method.upper() in ("POST", "PATCH", "PUT", "DELETE"):
            h["X-CSRF-Token"] = self.csrf
        if headers:
            h.update(headers)
        return self.server.request(method, path, body=body, headers=h, raw=raw)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


def q(params):
    return urllib.parse.urlencode(params)


class ServerTestCase(unittest.TestCase):
    """Base class: one server per test class. Subclasses set up users in `setup_users`."""

    test_mode = True
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = Server(test_mode=cls.test_mode)
        try:
            cls.setup_users(cls.server)
            cls.server.start()
            cls.setup_sessions(cls.server)
        except BaseException:
            problem = cls.server.stop()
            log = cls.server.read_log()
            cls.server.cleanup()
            if problem:
                print(problem)
            elif log:
                print("server log:\n" + log)
            raise

    @classmethod
    def setup_users(cls, server):
        pass

    @classmethod
    def setup_sessions(cls, server):
        pass

    @classmethod
    def tearDownClass(cls):
        if cls.server is None:
            return
        problem = cls.server.stop()
        cls.server.cleanup()
        if problem:
            raise AssertionError(problem)

    def run(self, result=None):
        """On a failing test, print the tail of the server log to help diagnosis."""
        before = len(result.failures) + len(result.errors) if result is not None else 0
        out = super().run(result)
        if result is not None and len(result.failures) + len(result.errors) > before and self.server:
            print("\n--- server log (tail) ---\n" + self.server.read_log()[-3000:])
        return out

    # --- assertions --------------------------------------------------------------------
    def assertStatus(self, r, status, code=None, msg=None):
        statuses = status if isinstance(status, (tuple, list, set)) else (status,)
        self.assertIn(r.status, statuses, msg=f"{msg or ''} expected {status}{' ' + code if code else ''}, got {r}")
        if code is not None:
            self.assertEqual(r.code, code, msg=f"{msg or ''} expected code {code}, got {r}")
            self.assertIn("message", r.error, msg=f"error without a message: {r}")

    def assertField(self, r, field, status=422, code="validation_failed"):
        self.assertStatus(r, status, code, msg=f"field {field}:")
        self.assertIn(field, r.error.get("fields", {}), msg=f"field {field} not named in {r}")


ADMIN_NEW_PASSWORD = "Admin-Passw0rd-2027"


def admin_session(server):
    """Logs the first administrator in and performs the mandatory password change."""
    s = Session(server, "admin", server.admin_password)
    if s.user.get("must_change_password"):
        r = s.post("/api/v1/auth/password", {"old_password": server.admin_password, "new_password": ADMIN_NEW_PASSWORD})
        if r.status != 204:
            raise AssertionError(f"admin password change failed: {r}")
        server.admin_password = ADMIN_NEW_PASSWORD
    return s
