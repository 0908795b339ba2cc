"""ctest `bench_tiny`: the benchmark harness end to end at the tiny scale, in a temp dir.

`kehu gen --scale tiny`, then bench.py with 1 s runs, 0.5 s warm-ups and 4 connections
against the binary under test (KEHU_BIN). Checks that every figure is there with a number
above zero, that no request failed and that the results file has its shape. No timing is
asserted: targets are not judged at this scale.

Run directly (`python3 bench/bench_tiny_test.py`): exits 77 when `kehu gen` does not exist
yet, which ctest reports as skipped (SKIP_RETURN_CODE).
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

KEHU_BIN = os.environ.get("KEHU_BIN", os.path.join(HERE, "..", "build", "server", "kehu"))
TOP_KEYS = {"scale", "date", "machine", "figures"}
FIGURE_KEYS = {"name", "role", "value", "unit", "p50_ms", "p99_ms", "baseline_name", "baseline_value", "ratio",
               "target", "met", "errors", "note"}
IMPORT_ROUTE = "POST /api/v1/customers/imports"


def expected_figures():
    return {(name, role) for role in bench.ROLES for name in bench.ROLE_FIGURES} | {
        ("sqlite3_import", None), ("import", "director"), ("peak_rss", None)}


def import_route_exists():
    out = subprocess.run([KEHU_BIN, "routes"], capture_output=True, text=True, timeout=30).stdout
    return IMPORT_ROUTE in out


class BenchTiny(unittest.TestCase):
    def test_every_figure_measured_without_errors(self):
        if not bench.has_gen(KEHU_BIN):
            self.skipTest(f"`{KEHU_BIN} gen` is not available yet: nothing to measure")
        with tempfile.TemporaryDirectory(prefix="kehu-bench-tiny-") as tmp:
            results = os.path.join(tmp, "results")
            cmd = [sys.executable, os.path.join(HERE, "bench.py"), "--scale", "tiny", "--kehu", KEHU_BIN,
                   "--data-dir", os.path.join(tmp, "data"), "--results-dir", results,
                   "--duration", "1", "--warmup", "0.5", "--connections", "4"]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=840)
            print(p.stdout[-12000:])
            print(p.stderr[-6000:], file=sys.stderr)
            self.assertEqual(p.returncode, 0, f"bench.py failed:\n{p.stderr[-3000:]}")
            with open(os.path.join(results, "tiny-latest.json"), encoding="utf-8") as f:
                doc = json.load(f)
        self.check_shape(doc)
        self.check_figures(doc["figures"])

    def check_shape(self, doc):
        self.assertEqual(set(doc), TOP_KEYS)
        self.assertEqual(doc["scale"], "tiny")
        datetime.datetime.fromisoformat(doc["date"])
        self.assertRegex(doc["machine"], r"\d+ cores")
        for fig in doc["figures"]:
            self.assertEqual(set(fig), FIGURE_KEYS, fig)

    def check_figures(self, figures):
        by_key = {(f["name"], f["role"]): f for f in figures}
        self.assertEqual(len(by_key), len(figures), "a figure appears twice")
        self.assertEqual(set(by_key), expected_figures())
        import_live = import_route_exists()
        for key, fig in by_key.items():
            with self.subTest(figure=key):
                self.assertEqual(fig["errors"], 0, fig["note"])
                if key[0] == "import" and not import_live:
                    # Before the import endpoint lands the figure is recorded as missing.
                    self.assertIsNone(fig["value"])
                    self.assertTrue(fig["note"].startswith("missing"), fig["note"])
                    continue
                self.assertIsInstance(fig["value"], (int, float))
                self.assertGreater(fig["value"], 0)
                if fig["unit"] == "req/s" or fig["name"] == "fsync_commit":
                    self.assertGreater(fig["p99_ms"], 0)
                    self.assertGreaterEqual(fig["p99_ms"], fig["p50_ms"])
                if fig["baseline_name"]:
                    self.assertGreater(fig["baseline_value"], 0)
                    self.assertGreater(fig["ratio"], 0)
                if fig["target"]:
                    self.assertIn(fig["met"], (True, False))


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    if result.testsRun and len(result.skipped) == result.testsRun and result.wasSuccessful():
        print("bench_tiny: SKIPPED (kehu gen is missing)", file=sys.stderr)
        sys.exit(77)
    sys.exit(0 if result.wasSuccessful() else 1)
