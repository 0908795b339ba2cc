"""The dependency rules of docs/architecture.md, checked on every #include.

- platform never includes a module or the app;
- a module includes another module only through its public header (<module>/<module>.hpp
  named after the folder), never its store or routes;
- only platform/http/server.cpp includes RESTinio; only platform/db includes sqlite3.h;
  only platform/auth/secrets.cpp and platform/http/server.cpp include sodium.h;
  only platform/text includes OpenCC.
"""
import os
import re
import unittest

ROOT = os.environ.get("KEHU_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SERVER = os.path.join(ROOT, "server")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def sources():
    for dirpath, _, files in os.walk(SERVER):
        for f in files:
            if f.endswith((".cpp", ".hpp", ".inc")):
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, SERVER).replace(os.sep, "/")
                with open(path, encoding="utf-8") as fh:
                    yield rel, INCLUDE.findall(fh.read())


def violations(files):
    """Returns a list of 'file: include (rule)' strings for a {rel_path: [includes]} map."""
    out = []
    for rel, includes in files:
        parts = rel.split("/")
        for inc in includes:
            if rel.startswith("platform/") and (inc.startswith("modules/") or inc.startswith("app/")):
                out.append(f"{rel}: {inc} (platform must not include modules or app)")
            if rel.startswith("modules/") and inc.startswith("modules/"):
                own, other = parts[1], inc.split("/")[1]
                name = inc.split("/")[-1]
                public = name == f"{other}.hpp"
                if other != own and not public:
                    out.append(f"{rel}: {inc} (only another module's public header)")
            if rel.startswith("tools/") and (inc.startswith("modules/") or inc.startswith("app/")):
                out.append(f"{rel}: {inc} (tools sit below modules)")
            if inc.startswith("restinio/") and rel != "platform/http/server.cpp":
                out.append(f"{rel}: {inc} (RESTinio only in platform/http/server.cpp)")
            if inc in ("sqlite3.h", "libpq-fe.h") and not rel.startswith("platform/db/") and not rel.endswith("_test.cpp"):
                out.append(f"{rel}: {inc} (database libraries only in platform/db)")
            if inc == "sodium.h" and rel not in ("platform/auth/secrets.cpp", "platform/http/server.cpp"):
                out.append(f"{rel}: {inc} (libsodium only behind platform/auth/secrets)")
            if inc.startswith("opencc") and not rel.startswith("platform/text/"):
                out.append(f"{rel}: {inc} (OpenCC only in platform/text)")
    return out


class ArchitectureTest(unittest.TestCase):
    def test_the_tree_follows_the_rules(self):
        found = violations(sources())
        self.assertEqual(found, [], "\n".join(found))

    def test_the_rules_catch_violations(self):
        bad = [
            ("platform/db/x.cpp", ["modules/customers/customers.hpp"]),
            ("modules/sales/order.cpp", ["modules/customers/customer_store.hpp"]),
            ("modules/sales/order_routes.cpp", ["modules/customers/customer_routes.hpp"]),
            ("modules/customers/customer.cpp", ["restinio/all.hpp"]),
            ("modules/customers/customer_store.cpp", ["sqlite3.h"]),
        ]
        self.assertEqual(len(violations(bad)), 5)
        good = [
            ("modules/sales/order.cpp", ["modules/customers/customers.hpp"]),
            ("modules/customers/customer_store.cpp", ["modules/customers/customer.hpp", "platform/db/database.hpp"]),
            ("app/wiring.cpp", ["modules/customers/customers.hpp"]),
        ]
        self.assertEqual(violations(good), [])


if __name__ == "__main__":
    unittest.main()
