#!/usr/bin/env python3
"""`make bench`: drives a release `kehu serve` over a generated data set with wrk and prints
every figure beside a baseline measured in the same run (issue 6, "Performance at a million
customers"). See bench/README.md for the figures and their targets.

Python 3 standard library only. Exit codes: 0 everything ran without errors (and, except at
the tiny scale, every target was met); 1 a request type returned errors or the server failed;
2 bad usage or a missing tool; 3 every figure ran cleanly but a target was missed;
77 `kehu gen` is not available (used by the ctest to skip).
"""
import argparse
import datetime
import http.client
import json
import math
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
WRK_DIR = BENCH_DIR / "wrk"
ROLES = ("account_manager", "director")
IMPORT_ROWS = {"W1M": 200000, "W100K": 200000, "tiny": 500}
SKIP = 77


class BenchError(Exception):
    """The run cannot go on (the server died, a login failed, a tool is missing)."""


# --- figures and targets ---------------------------------------------------------------------

# name -> (baseline figure, minimum ratio, maximum p99 ms, maximum value, text)
TARGETS = {
    "healthz": ("", None, None, None, None),
    "get_customer": ("healthz", 0.35, 20, None, "ratio ≥ 0.35, p99 ≤ 20 ms"),
    "list": ("healthz", 0.35, 20, None, "ratio ≥ 0.35, p99 ≤ 20 ms"),
    "search_name": ("healthz", None, 50, None, "p99 ≤ 50 ms"),
    "search_initials": ("healthz", None, 50, None, "p99 ≤ 50 ms"),
    "search_phone": ("healthz", None, 50, None, "p99 ≤ 50 ms"),
    "summary": ("healthz", 0.35, 20, None, "ratio ≥ 0.35, p99 ≤ 20 ms"),
    "today": ("healthz", None, 100, None, "p99 ≤ 100 ms"),
    "create_customer": ("fsync_commit", 1.0, None, None, "ratio ≥ 1.0"),
    "create_order": ("fsync_commit", 1.0, None, None, "ratio ≥ 1.0"),
    "fsync_commit": ("", None, None, None, None),
    "sqlite3_import": ("", None, None, None, None),
    "import": ("sqlite3_import", 0.3, None, None, "ratio ≥ 0.3"),
    "peak_rss": ("", None, None, 500, "≤ 500 MB"),
}
ROLE_FIGURES = ["healthz", "get_customer", "list", "search_name", "search_initials", "search_phone",
                "summary", "today", "fsync_commit", "create_customer", "create_order"]


def figure(name, role, value, unit, p50=None, p99=None, errors=0, note=None):
    return {"name": name, "role": role, "value": value, "unit": unit, "p50_ms": p50, "p99_ms": p99,
            "baseline_name": TARGETS[name][0] or None, "baseline_value": None, "ratio": None,
            "target": TARGETS[name][4], "met": None, "errors": errors, "note": note}


def judge(fig, baselines):
    """Fills baseline_value, ratio and met from the baseline measured in the same run."""
    base_name, min_ratio, max_p99, max_value, text = TARGETS[fig["name"]]
    if base_name:
        base = baselines.get((base_name, fig["role"])) or baselines.get((base_name, None))
        if base and base.get("value") and fig["value"] is not None:
            fig["baseline_value"] = base["value"]
            fig["ratio"] = round(fig["value"] / base["value"], 3)
    if text is None:
        return fig
    checks = []
    if min_ratio is not None:
        checks.append(fig["ratio"] is not None and fig["ratio"] >= min_ratio)
    if max_p99 is not None:
        checks.append(fig["p99_ms"] is not None and fig["p99_ms"] <= max_p99)
    if max_value is not None:
        checks.append(fig["value"] is not None and fig["value"] <= max_value)
    if fig["value"] is None:
        fig["met"] = None  # missing: not judged
    else:
        fig["met"] = all(checks) and not fig["errors"]
    return fig


# --- data set ----------------------------------------------------------------------------------

def has_gen(kehu):
    p = subprocess.run([kehu, "gen", "--help"], capture_output=True, text=True, timeout=30)
    return "--scale" in p.stdout


def dataset(args):
    """Returns (db path, manifest dict): reuses <data>/<scale>.db or makes it with `kehu gen`."""
    if args.db:
        db = Path(args.db)
        manifest_path = Path(args.manifest or f"{db}.json")
    else:
        db = Path(args.data_dir) / f"{args.scale}.db"
        manifest_path = Path(f"{db}.json")
        if not manifest_path.exists():
            generate(args, db)
    if not db.exists() or not manifest_path.exists():
        raise BenchError(f"no data set: {db} with {manifest_path}")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return db, manifest


def generate(args, db):
    if not has_gen(args.kehu):
        print(f"bench: `{args.kehu} gen` is not available yet: no data set to measure", file=sys.stderr)
        sys.exit(SKIP)
    # A data set without its manifest is the remains of an interrupted run (start over), or
    # another gen still at work (wait for it).
    csv = import_csv_path(args, db)
    users = open_by(db)
    if users:
        raise BenchError(f"{db} is being written by process {', '.join(users)} (a `kehu gen`?): "
                         "run the benchmark again when it has finished")
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), csv):
        p.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    cmd = [args.kehu, "gen", "--db", str(db), "--scale", args.scale, "--seed", "42",
           "--import-csv", str(csv), "--import-rows", str(IMPORT_ROWS.get(args.scale, 500))]
    print("bench: generating the data set:", " ".join(cmd), flush=True)
    started = time.monotonic()
    p = subprocess.run(cmd, timeout=6 * 3600)
    if p.returncode != 0:
        raise BenchError(f"kehu gen failed (exit code {p.returncode})")
    print(f"bench: data set ready in {time.monotonic() - started:.0f} s", flush=True)


def open_by(path):
    """The ids of the processes that have `path` open (as far as /proc lets us see)."""
    if not path.exists():
        return []
    target, pids = os.path.realpath(path), []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if any(os.path.realpath(f"/proc/{pid}/fd/{fd}") == target for fd in fds):
                pids.append(pid)
        except OSError:
            continue
    return pids


def import_csv_path(args, db):
    return db.parent / f"{args.scale}-import.csv"


def find_import_csv(args, db, manifest):
    candidates = [import_csv_path(args, db)]
    if manifest.get("import_csv"):
        m = Path(manifest["import_csv"])
        candidates += [m] if m.is_absolute() else [ROOT / m, db.parent / m.name]
    return next((c for c in candidates if c.exists()), None)


# --- the server ----------------------------------------------------------------------------------

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`kehu serve` on a scratch copy of the data set, on 127.0.0.1 only."""

    def __init__(self, kehu, db, scratch_dir, label):
        self.copy = Path(scratch_dir) / f"{label}-run.db"
        self.log_path = Path(scratch_dir) / f"{label}-run.log"
        self.kehu = kehu
        self.port = free_port()
        self.proc = None
        self.remove_copy()
        checkpoint(db)
        shutil.copyfile(db, self.copy)  # the main file is the whole database once checkpointed

    def remove_copy(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.copy}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(f"{self.copy}.files", ignore_errors=True)

    def start(self, timeout=180):
        env = {k: v for k, v in os.environ.items() if not k.startswith("KEHU_")}  # default threads, real clock
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([self.kehu, "serve", "--db", str(self.copy), "--listen", f"127.0.0.1:{self.port}"],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=self.copy.parent)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                if http_request(self.port, "GET", "/readyz", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise BenchError(f"kehu serve was not ready within {timeout} s\n{self.log_tail()}")

    def exit_code(self):
        """None while running."""
        return self.proc.poll()

    def check_alive(self):
        if self.proc.poll() is not None:
            raise BenchError(f"kehu serve exited (code {self.proc.returncode})\n{self.log_tail()}")

    def cpu_seconds(self):
        """User + system CPU time of the server so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def settle(self, timeout):
        """Waits until the server is idle: wrk stops sending at the end of a run, but requests it
        left queued still run (a slow figure can keep every server thread busy for minutes) and
        would be counted against the next figure. Idle = under 10% of a core for 0.25 s and
        /healthz answering. → seconds waited."""
        started = time.monotonic()
        before = self.cpu_seconds()
        while True:
            time.sleep(0.25)
            self.check_alive()
            now = self.cpu_seconds()
            if now - before < 0.025:
                try:
                    if http_request(self.port, "GET", "/healthz", timeout=2)[0] == 200:
                        return time.monotonic() - started
                except OSError:
                    pass
            before = self.cpu_seconds()
            if time.monotonic() - started > timeout:
                raise BenchError(f"kehu serve was still busy {timeout} s after the last run (see --settle-timeout)")

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
        raise BenchError("no VmHWM in /proc/<pid>/status")

    def log_tail(self, n=4000):
        try:
            return self.log_path.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self, keep_log=False):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        if self.proc:
            self.log.close()
        self.remove_copy()
        if not keep_log:
            self.log_path.unlink(missing_ok=True)


def migrate(args, db):
    """Brings the data set to the binary's schema once (new migrations may backfill pre-computed
    tables or build indexes over a million rows), so each run's scratch copy starts ready."""
    started = time.monotonic()
    p = subprocess.run([args.kehu, "user", "list", "--db", str(db)], capture_output=True, text=True, timeout=3600)
    if p.returncode != 0:
        raise BenchError(f"migrating {db} failed: {p.stderr.strip()[-2000:]}")
    if time.monotonic() - started > 2:
        print(f"bench: {db} migrated to the current schema in {time.monotonic() - started:.0f} s", flush=True)


def checkpoint(db):
    """gen checkpoints its WAL; should a WAL with pages be left over, move them into the main file."""
    wal = Path(f"{db}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        print(f"bench: checkpointing {wal}", flush=True)
        con = sqlite3.connect(db)
        try:
            busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            con.close()
        if busy:
            raise BenchError(f"{db} is in use: its WAL cannot be checkpointed")


def http_request(port, method, path, body=None, headers=None, timeout=30):
    """→ (status, parsed JSON or None, headers)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        h = {"Accept": "application/json", **(headers or {})}
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        raw = r.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return r.status, parsed, r
    finally:
        conn.close()


def login(port, username, password, label):
    """Signs in, creates an API token; → (user, token)."""
    status, body, r = http_request(port, "POST", "/api/v1/auth/login", {"username": username, "password": password})
    if status != 200:
        raise BenchError(f"login as {username} failed: {status} {body}")
    if body["user"].get("must_change_password"):
        raise BenchError(f"{username} must change the password first; gen should not require it")
    cookie = r.getheader("Set-Cookie", "").split(";")[0]
    status, tok, _ = http_request(port, "POST", "/api/v1/auth/tokens", {"name": f"bench {label}"},
                                  {"Cookie": cookie, "X-CSRF-Token": body["csrf_token"]})
    if status != 201:
        raise BenchError(f"token for {username} failed: {status} {tok}")
    return body["user"], tok["token"]


def get_json(port, token, path):
    status, body, _ = http_request(port, "GET", path, headers={"Authorization": f"Bearer {token}"})
    if status != 200:
        raise BenchError(f"GET {path}: {status} {body}")
    return body


# --- wrk -------------------------------------------------------------------------------------------

class Wrk:
    def __init__(self, args, port, workdir):
        self.args = args
        self.port = port
        self.workdir = Path(workdir)

    def run(self, script, env, duration):
        """One wrk run; → the BENCH_JSON dict of common.lua's done()."""
        seconds = max(1, math.ceil(duration))
        cmd = ["wrk", f"-t{self.args.threads}", f"-c{self.args.connections}", f"-d{seconds}s",
               f"--timeout={self.args.timeout}s", "-s", str(WRK_DIR / script), f"http://127.0.0.1:{self.port}"]
        full_env = {**os.environ, "BENCH_WRK_DIR": str(WRK_DIR), "BENCH_TRACE": "1" if self.args.trace_errors else "0",
                    **env}
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env)
        try:
            # wrk takes whole seconds: a shorter run (the tiny warm-up) is ended with SIGINT,
            # after which wrk still reports.
            if seconds != duration:
                time.sleep(duration)
                p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=seconds + self.args.timeout + 30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            raise BenchError(f"wrk {script} did not finish")
        out = out.decode("utf-8", "replace")
        for line in out.splitlines():
            if line.startswith("BENCH_JSON "):
                return json.loads(line[len("BENCH_JSON "):])
        raise BenchError(f"wrk {script} printed no result (exit {p.returncode}):\n{out}\n{err.decode('utf-8', 'replace')}")

    def measure(self, name, role, script, env, server):
        """Warm-up, then the measured run, each followed by waiting for the server to finish what
        wrk left queued; → a figure."""
        if self.args.warmup > 0:
            self.run(script, {**env, "BENCH_TAG": "w"}, self.args.warmup)
            server.settle(self.args.settle_timeout)
        r = self.run(script, {**env, "BENCH_TAG": "m"}, self.args.duration)
        waited = server.settle(self.args.settle_timeout)
        errors = r["status_errors"] + r["connect"] + r["read"] + r["write"] + r["timeout"]
        notes = [error_note(r)]
        if r["requests"]:
            fig = figure(name, role, round(r["rps"], 1), "req/s", round(r["p50_ms"], 3), round(r["p99_ms"], 3), errors)
        else:
            fig = figure(name, role, 0.0, "req/s", errors=max(1, errors))
            notes.append(f"no request completed within the run (wrk's timeout {self.args.timeout} s)")
        if waited > 2:
            notes.append(f"the server took {waited:.0f} s after the run to finish the requests still queued")
        fig["note"] = "; ".join(n for n in notes if n) or None
        return fig

    def paths(self, name, role, paths, server, token):
        f = self.workdir / f"{name}-{role}.paths"
        f.write_text("\n".join(paths) + "\n", encoding="utf-8")
        return self.measure(name, role, "paths.lua", {"BENCH_PATHS": str(f), "BENCH_TOKEN": token}, server)


def error_note(r):
    parts = []
    if r["status_errors"]:
        if r["traced"]:
            parts.append(f"{r['n4xx']} × 4xx, {r['n5xx']} × 5xx; first {r['first_status']}: {r['first_error'][:200]}")
        else:
            parts.append(f"{r['status_errors']} responses ≥ 400 (rerun with --trace-errors for the statuses)")
    for k in ("connect", "read", "write", "timeout"):
        if r[k]:
            parts.append(f"{r[k]} socket {k} errors")
    return "; ".join(parts) or None


# --- figure families ----------------------------------------------------------------------------

def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


def read_figures(w, role, ctx, wanted):
    """healthz, get_customer, list, the three searches, summary, today."""
    s, token, figs = ctx["samples"][role], ctx["tokens"][role], []
    ids = s["customer_ids"]
    plans = s.get("customer_with_plan_ids") or []
    lf = ctx["manifest"]["samples"]["list_filters"]
    search = ctx["manifest"]["samples"]["search"]
    jobs = [
        ("healthz", ["/healthz"], None),
        # The customer page's first two calls, alternating: each is one request of the figure.
        ("get_customer", [p for i in ids for p in (f"/api/v1/customers/{i}", f"/api/v1/customers/{i}/contacts")], None),
        ("list", [q("/api/v1/customers", province_code=lf["province_code"], status=lf["status"],
                    sort=lf.get("sort", "name"), page_size=50, page=page) for page in range(1, 6)], None),
        ("search_name", [q("/api/v1/customers", q=search["common_name"], page_size=20)], None),
        ("search_initials", [q("/api/v1/customers", q=search["initials"], page_size=20)], None),
        ("search_phone", [q("/api/v1/customers", q=search["phone_fragment"], page_size=20)], None),
        ("summary", [f"/api/v1/customers/{i}/sales-summary" for i in (plans or ids)],
         None if plans else "no customer_with_plan_ids in the manifest: over customer_ids"),
        ("today", ["/api/v1/today"], None),
    ]
    for name, paths, note in jobs:
        if name in wanted:
            fig = w.paths(name, role, paths, ctx["server"], token)
            fig["note"] = "; ".join(x for x in (note, fig["note"]) if x) or None
            figs.append(fig)
            report_progress(fig)
    return figs


def create_figures(w, role, ctx, wanted):
    """fsync_commit (their baseline, measured just before them), create_customer and create_order
    (a new company; an order of 3 lines paid in full)."""
    s, token, figs = ctx["samples"][role], ctx["tokens"][role], []
    if "fsync_commit" in wanted:
        figs.append(fsync_baseline(w.args, role, ctx["data_dir"], w.args.duration))
    if "create_customer" in wanted:
        env = {"BENCH_TOKEN": token, "BENCH_ROLE": role,
               "BENCH_PROVINCES": ",".join(ctx["provinces"])}
        if role != "account_manager":
            env["BENCH_OWNER_ID"] = str(ctx["users"]["account_manager"]["id"])  # a lead creates for the AM
        fig = w.measure("create_customer", role, "create_customer.lua", env, ctx["server"])
        figs.append(fig)
        report_progress(fig)
    if "create_order" in wanted:
        env = {"BENCH_TOKEN": token, "BENCH_IDS": ",".join(str(i) for i in s["customer_ids"]),
               "BENCH_PRODUCTS": ",".join(f"{p['id']}:{p['price']}" for p in ctx["products"]),
               "BENCH_DATE": ctx["today"]}
        fig = w.measure("create_order", role, "create_order.lua", env, ctx["server"])
        figs.append(fig)
        report_progress(fig)
    return figs


def fsync_baseline(args, role, data_dir, duration):
    """One connection, WAL + synchronous=FULL, one small INSERT per BEGIN IMMEDIATE … COMMIT, on the
    disk of the data set: the rate the disk allows for one durable transaction at a time."""
    path = Path(data_dir) / "fsync-baseline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL)")

        def loop(seconds):
            latencies, end = [], time.perf_counter() + seconds
            while True:
                t0 = time.perf_counter()
                if t0 >= end:
                    break
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO t (name, created_at) VALUES (?, ?)", (f"压测客户-{len(latencies)}有限公司", str(t0)))
                con.execute("COMMIT")
                latencies.append(time.perf_counter() - t0)
            return latencies

        if args.warmup > 0:
            loop(args.warmup)
        started = time.perf_counter()
        lat = loop(duration)
        elapsed = time.perf_counter() - started
    finally:
        con.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    lat.sort()
    fig = figure("fsync_commit", role, round(len(lat) / elapsed, 1), "commits/s",
                 round(percentile(lat, 50) * 1000, 3), round(percentile(lat, 99) * 1000, 3))
    report_progress(fig)
    return fig


def percentile(sorted_values, pct):
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, math.ceil(pct / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def import_figures(args, ctx, csv, wanted):
    """The sqlite3 shell's `.import --csv` of the file into a plain table of a fresh database (the
    baseline) and kehu's import of the same file through the API, as the director."""
    figs = []
    if csv is None:
        for name in ("sqlite3_import", "import"):
            if name in wanted:
                figs.append(figure(name, "director" if name == "import" else None, None, "rows/s",
                                   errors=1, note="no import CSV in the data set"))
        return figs
    if "sqlite3_import" in wanted:
        figs.append(sqlite3_import(ctx["data_dir"], csv))
        report_progress(figs[-1])
    if "import" in wanted:
        figs.append(kehu_import(ctx, csv))
        report_progress(figs[-1])
    return figs


def sqlite3_import(data_dir, csv):
    path = Path(data_dir) / "import-baseline.db"
    path.unlink(missing_ok=True)
    try:
        started = time.perf_counter()
        p = subprocess.run(["sqlite3", str(path), f".import --csv '{csv}' t"], capture_output=True, text=True,
                           timeout=1800)
        elapsed = time.perf_counter() - started
        if p.returncode != 0:
            return figure("sqlite3_import", None, None, "rows/s", errors=1, note=f"sqlite3 failed: {p.stderr[-300:]}")
        con = sqlite3.connect(path)
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
        con.close()
    finally:
        path.unlink(missing_ok=True)
    return figure("sqlite3_import", None, round(rows / elapsed, 1), "rows/s",
                  note=f"{rows} rows in {elapsed:.2f} s")


IMPORT_PATH = "/api/v1/customers/imports?dry_run=false&duplicate_key=name&mode=skip&valid_rows=true"


def kehu_import(ctx, csv):
    body = Path(csv).read_bytes()
    headers = {"Authorization": f"Bearer {ctx['tokens']['director']}", "Content-Type": "text/csv"}
    started = time.perf_counter()
    try:
        status, res, _ = http_request(ctx["port"], "POST", IMPORT_PATH, body, headers, timeout=1800)
    except OSError as e:  # the server crashed, or answered and closed before reading the whole body
        time.sleep(0.5)
        crashed = ctx["server"].exit_code()
        why = f"kehu serve crashed during the import (exit code {crashed})" if crashed is not None else f"request failed: {e}"
        return figure("import", "director", None, "rows/s", errors=1, note=why)
    elapsed = time.perf_counter() - started
    if status in (404, 405):
        return figure("import", "director", None, "rows/s",
                      note=f"missing: the import endpoint is not there yet (HTTP {status})")
    if not 200 <= status < 300 or not isinstance(res, dict):
        err = res.get("error", {}) if isinstance(res, dict) else {}
        return figure("import", "director", None, "rows/s", errors=1,
                      note=f"HTTP {status} {err.get('code', '')}: {str(err.get('message', res))[:200]}")
    rows = res.get("rows") or 0
    note = (f"{rows} rows in {elapsed:.2f} s: created {res.get('created')}, skipped {res.get('skipped')}, "
            f"invalid {res.get('invalid')}")
    return figure("import", "director", round(rows / elapsed, 1) if rows else None, "rows/s",
                  errors=0 if rows else 1, note=note)


# --- the run --------------------------------------------------------------------------------------

def report_progress(fig):
    v = "-" if fig["value"] is None else fig["value"]
    extra = f"  p99 {fig['p99_ms']} ms" if fig["p99_ms"] is not None else ""
    err = f"  errors {fig['errors']}" if fig["errors"] else ""
    print(f"  {fig['name']:<16} {fig['role'] or '-':<16} {v} {fig['unit']}{extra}{err}", flush=True)


def wanted_figures(only):
    if not only:
        return set(TARGETS)
    wanted = set()
    for name in only.split(","):
        name = name.strip()
        if name not in TARGETS:
            raise SystemExit(f"bench: unknown figure {name!r}; figures: {', '.join(TARGETS)}")
        wanted.add(name)
        if TARGETS[name][0]:
            wanted.add(TARGETS[name][0])  # a ratio needs its baseline
    return wanted


def prepare(ctx):
    """Logs in, looks up the AM, the products' prices, the provinces and the company's date."""
    m = ctx["manifest"]
    for role in ROLES:
        user, token = login(ctx["port"], m["users"][role], m["password"], role)
        ctx["users"][role], ctx["tokens"][role] = user, token
        ctx["samples"][role] = m["samples"][role]
        if not m["samples"][role].get("customer_ids"):
            raise BenchError(f"the manifest has no sample customer_ids for {role}")
    token = ctx["tokens"]["account_manager"]
    ctx["products"] = [{"id": i, "price": get_json(ctx["port"], token, f"/api/v1/products/{i}")["price"]}
                       for i in m["samples"]["product_ids"][:12]]
    if len(ctx["products"]) < 3:
        raise BenchError("the manifest needs at least 3 product_ids")
    ctx["today"] = get_json(ctx["port"], token, "/api/v1/today")["date"]
    provinces = [r["code"] for r in get_json(ctx["port"], token, "/api/v1/regions")["items"]]
    ctx["provinces"] = provinces[:31] or [m["samples"]["list_filters"]["province_code"]]


def peak_rss(server):
    if server.exit_code() is not None:
        return figure("peak_rss", None, None, "MB", errors=1,
                      note=f"kehu serve is not running any more (exit code {server.exit_code()})")
    return figure("peak_rss", None, server.peak_rss_mb(), "MB", note="VmHWM of kehu serve after all figures")


def machine():
    u = platform.uname()
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(next(line for line in f if line.startswith("MemTotal:")).split()[1])
            mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{u.system} {u.release} {u.machine}, {os.cpu_count()} cores, {mem}"


def run(args):
    wanted = wanted_figures(args.only)
    db, manifest = dataset(args)
    migrate(args, db)
    print(f"bench: scale {args.scale}, data set {db} ({json.dumps(manifest.get('counts', {}))})")
    print(f"bench: wrk -t{args.threads} -c{args.connections}, {args.warmup} s warm-up + {args.duration} s per figure")
    scratch = Path(args.scratch_dir or db.parent)
    server = Server(args.kehu, db, scratch, args.scale)
    workdir = tempfile.mkdtemp(prefix="kehu-bench-")
    ctx = {"manifest": manifest, "server": server, "port": server.port, "users": {}, "tokens": {}, "samples": {},
           "data_dir": db.parent}
    figs, ok = [], False
    try:
        server.start()
        prepare(ctx)
        server.settle(args.settle_timeout)  # the scheduled jobs run at start
        w = Wrk(args, server.port, workdir)
        for role in ROLES:
            print(f"bench: as {role} ({ctx['users'][role]['username']})", flush=True)
            figs += read_figures(w, role, ctx, wanted)
            figs += create_figures(w, role, ctx, wanted)
        figs += import_figures(args, ctx, find_import_csv(args, db, manifest), wanted)  # last: it may crash the server
        if "peak_rss" in wanted:
            figs.append(peak_rss(server))
        ok = server.exit_code() is None
    except BenchError as e:
        e.figures = figs  # printed, so that a failure late in the run still shows what was measured
        raise
    finally:
        server.stop(keep_log=not ok)
        if not ok:
            print(f"bench: the server log is kept at {server.log_path}", file=sys.stderr)
        shutil.rmtree(workdir, ignore_errors=True)
    baselines = {(f["name"], f["role"]): f for f in figs if not TARGETS[f["name"]][4]}
    for f in figs:
        judge(f, baselines)
    return figs


def write_results(args, figs):
    now = datetime.datetime.now().astimezone()
    doc = {"scale": args.scale, "date": now.isoformat(timespec="seconds"), "machine": machine(), "figures": figs}
    out = Path(args.results_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    stamped = out / f"{args.scale}-{now.strftime('%Y%m%d-%H%M')}.json"
    stamped.write_text(text, encoding="utf-8")
    (out / f"{args.scale}-latest.json").write_text(text, encoding="utf-8")
    return stamped


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "NO"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return str(v)


def print_table(figs):
    cols = ["figure", "role", "value", "unit", "p50 ms", "p99 ms", "baseline", "ratio", "target", "met?", "errors"]
    rows = [[f["name"], f["role"] or "-", fmt(f["value"]), f["unit"], fmt(f["p50_ms"], 2), fmt(f["p99_ms"], 2),
             f"{f['baseline_name']} {fmt(f['baseline_value'])}" if f["baseline_name"] else "-",
             fmt(f["ratio"], 3), f["target"] or "-", fmt(f["met"]), str(f["errors"])] for f in figs]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)] if rows else [len(c) for c in cols]
    right = {2, 4, 5, 7, 10}
    line = lambda cells: "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))
    print(line(cols))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
    for f in figs:
        if f["note"]:
            print(f"  {f['name']} ({f['role'] or '-'}): {f['note']}")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", default="W1M", help="tiny, W100K or W1M (default W1M)")
    p.add_argument("--duration", type=float, default=None, help="seconds per figure (default 10; tiny 1)")
    p.add_argument("--warmup", type=float, default=None, help="seconds of warm-up before each figure (default 3; tiny 0.5)")
    p.add_argument("--connections", type=int, default=None, help="wrk connections (default 16; tiny 4)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    p.add_argument("--timeout", type=int, default=10, help="wrk's per-request timeout in seconds (default 10)")
    p.add_argument("--settle-timeout", type=int, default=600,
                   help="after each run, how long to wait for the server to finish queued requests (default 600 s)")
    p.add_argument("--kehu", default=str(ROOT / "build-release" / "server" / "kehu"), help="the kehu binary")
    p.add_argument("--data-dir", default=str(BENCH_DIR / "data"), help="where data sets are kept (default bench/data)")
    p.add_argument("--results-dir", default=None, help="default bench/results; tiny: a temp dir")
    p.add_argument("--scratch-dir", default=None, help="for the server's copy of the database (default: beside the data set)")
    p.add_argument("--only", default="", help="comma-separated figures to run (their baselines come along)")
    p.add_argument("--trace-errors", action="store_true", help="count error statuses and keep the first error body "
                   "(wrk then parses every response: slower; on by default at the tiny scale)")
    p.add_argument("--db", default=None, help="(development) measure this database instead of a generated one")
    p.add_argument("--manifest", default=None, help="(development) its manifest (default <db>.json)")
    args = p.parse_args(argv)
    tiny = args.scale == "tiny"
    if args.duration is None:
        args.duration = 1.0 if tiny else 10.0
    if args.warmup is None:
        args.warmup = 0.5 if tiny else 3.0
    if args.connections is None:
        args.connections = 4 if tiny else 16
    if tiny:
        args.trace_errors = True
    if args.connections < args.threads:
        p.error("--connections must be at least --threads")
    if args.results_dir is None:
        args.results_dir = tempfile.mkdtemp(prefix="kehu-bench-results-") if tiny else str(BENCH_DIR / "results")
    args.kehu = os.path.abspath(args.kehu)
    return args


def main(argv=None):
    args = parse_args(argv)
    for tool in ("wrk", "sqlite3"):
        if shutil.which(tool) is None:
            print(f"bench: {tool} is missing (apt-get install {tool}; `make deps` installs it)", file=sys.stderr)
            return 2
    if not os.access(args.kehu, os.X_OK):
        print(f"bench: no kehu binary at {args.kehu}", file=sys.stderr)
        return 2
    try:
        figs = run(args)
    except BenchError as e:
        if getattr(e, "figures", None):
            print("\nbench: measured before the failure:")
            print_table(e.figures)
        print(f"bench: FAILED: {e}", file=sys.stderr)
        return 1
    print()
    print_table(figs)
    path = write_results(args, figs)
    print(f"\nbench: results in {path} and {Path(args.results_dir) / (args.scale + '-latest.json')}")
    if any(f["errors"] for f in figs):
        print("bench: some figures had errors (see the errors column)", file=sys.stderr)
        return 1
    missed = [f"{f['name']}/{f['role'] or '-'}" for f in figs if f["met"] is False]
    if missed and args.scale != "tiny":
        print(f"bench: targets missed: {', '.join(missed)}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
