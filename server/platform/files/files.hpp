// Stored files (attachments): bytes kept under a generated name inside one storage folder, so
// a user's file name never becomes a path; the type is read from the content, not the name.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "platform/core/result.hpp"

namespace kehu::files {

// The content type of the bytes when they are a kind we accept (PNG, JPEG, GIF, WebP, PDF);
// nullopt for anything else (HTML, SVG, scripts, archives… whatever the name says).
std::optional<std::string> sniff_type(std::string_view bytes);

// A user's file name made safe to show and to offer for download: no folders, no control
// characters, at most 100 characters; "attachment" when nothing is left.
std::string clean_name(std::string_view name);

// RFC 6266 / 5987: `attachment; filename="…"; filename*=UTF-8''…`.
std::string content_disposition(std::string_view file_name);

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}
  // Writes the bytes under a new random name (atomically: a temporary file renamed); the name.
  Result<std::string> put(std::string_view bytes);
  std::optional<std::string> get(const std::string& stored_name) const;
  void remove(const std::string& stored_name) const;

 private:
  std::filesystem::path root_;
};

}  // namespace kehu::files
