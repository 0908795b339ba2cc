#pragma once
namespace kehu::app {
// Log lines as JSON objects on stdout: {"ts":…,"level":…,"msg":…} (UTC).
void setup_logging();
}  // namespace kehu::app
