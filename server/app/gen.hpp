// `kehu gen`: a deterministic data set for benchmarks, written straight into a database
// (issue 6). The same seed, scale and `until` date give the same rows.
#pragma once
#include <cstdint>
#include <string>

namespace kehu::app {

struct GenOptions {
  std::string db;              // a new database file (refused when it exists)
  std::string scale = "tiny";  // tiny (500 customers), W100K, W1M
  std::uint64_t seed = 42;
  std::string until;           // YYYY-MM-DD: the last day of the three years of history (default today)
  std::string password;        // every generated user's password (default random; written to the manifest)
  std::string import_csv;      // also write this many new customers as an import CSV file
  int import_rows = 0;
};

// Writes the database and `<db>.json` (counts, users, password, sample ids and queries for
// the benchmark). Returns the process exit code.
int generate(const GenOptions& options);

}  // namespace kehu::app
