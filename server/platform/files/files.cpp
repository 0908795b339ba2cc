#include "platform/files/files.hpp"

#include <fstream>
#include <iterator>
#include <random>

#include "platform/text/utf8.hpp"

namespace kehu::files {
namespace {

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string random_name() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) out += kHex[rng() & 15];
  return out;
}

bool safe_stored(const std::string& name) {
  if (name.size() != 32) return false;
  for (char c : name)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::optional<std::string> sniff_type(std::string_view b) {
  if (starts(b, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts(b, "\xFF\xD8\xFF")) return "image/jpeg";
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "image/gif";
  if (b.size() >= 12 && starts(b, "RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (starts(b, "%PDF-")) return "application/pdf";
  return std::nullopt;
}

std::string clean_name(std::string_view name) {
  // the last path component, whichever separator
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  if (!text::valid_utf8(name)) return "attachment";
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size() && count < 100;) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    if (n == 1 && (c < 0x20 || c == 0x7F || c == '"')) {
      ++i;
      continue;
    }
    out.append(name.substr(i, n));
    i += n;
    ++count;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  return out.empty() ? "attachment" : out;
}

std::string content_disposition(std::string_view file_name) {
  std::string ascii, encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : file_name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    ascii += plain ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Result<std::string> FileStore::put(std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(root_, ec);
  std::filesystem::permissions(root_, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
  const auto name = random_name();
  const auto tmp = root_ / (name + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return Error(ErrorCode::kInternal, "error.internal");
  }
  std::filesystem::rename(tmp, root_ / name, ec);
  if (ec) return Error(ErrorCode::kInternal, "error.internal");
  return name;
}

std::optional<std::string> FileStore::get(const std::string& stored_name) const {
  if (!safe_stored(stored_name)) return std::nullopt;
  std::ifstream in(root_ / stored_name, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void FileStore::remove(const std::string& stored_name) const {
  if (!safe_stored(stored_name)) return;
  std::error_code ec;
  std::filesystem::remove(root_ / stored_name, ec);
}

}  // namespace kehu::files
