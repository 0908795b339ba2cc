"""docs/openapi.json describes exactly the routes the server has (kehu routes)."""
import json
import os
import subprocess
import unittest

ROOT = os.environ.get("KEHU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("KEHU_BIN", os.path.join(ROOT, "build", "server", "kehu"))


class OpenApiTest(unittest.TestCase):
    def test_every_route_is_documented_and_nothing_else(self):
        out = subprocess.run([BIN, "routes"], check=True, capture_output=True, text=True).stdout
        routes = {tuple(line.split(" ", 1)) for line in out.splitlines() if line}
        self.assertGreater(len(routes), 20)
        with open(os.path.join(ROOT, "docs", "openapi.json"), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["openapi"], "3.1.0")
        documented = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
        self.assertEqual(sorted(routes - documented), [], "routes missing from docs/openapi.json")
        self.assertEqual(sorted(documented - routes), [], "documented but not served")


if __name__ == "__main__":
    unittest.main()
