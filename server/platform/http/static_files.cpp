#include "platform/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace kehu::http {
namespace {

std::string content_type(const std::string& ext) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"}};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
  // The built UI is small and immutable while serving: keep files in memory.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::string> cache;
  std::lock_guard lock(mutex);
  auto key = p.string();
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return cache.emplace(key, ss.str()).first->second;
}

}  // namespace

std::optional<Response> serve_static(const std::string& root, const Request& req) {
  if (root.empty() || (req.method != Method::kGet && req.method != Method::kHead)) return std::nullopt;
  const std::string& path = req.path;
  if (path.rfind("/api/", 0) == 0 || path == "/api") return std::nullopt;
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos)
    return std::nullopt;
  std::filesystem::path rel = path == "/" ? "index.html" : path.substr(1);
  const bool has_ext = rel.has_extension();
  auto file = std::filesystem::path(root) / rel;
  auto body = read_file(file);
  if (!body) {
    if (has_ext) return std::nullopt;  // a missing asset is a 404, not the app
    file = std::filesystem::path(root) / "index.html";
    body = read_file(file);
    if (!body) return std::nullopt;
  }
  Response r;
  r.status = 200;
  r.body = req.method == Method::kHead ? std::string() : *body;
  r.headers.emplace_back("Content-Type", content_type(file.extension().string()));
  const bool hashed = path.rfind("/assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace kehu::http
