#include "platform/io/csv.hpp"

namespace kehu::io {
namespace {

// Line breaks inside a quoted field: CRLF, LF and a lone CR each count once.
std::size_t count_lines(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') ++n;
    else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) ++n;
  }
  return n;
}

bool needs_quotes(std::string_view s) { return s.find_first_of(",\"\r\n") != std::string_view::npos; }

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  spans_.clear();
  scratch_.clear();
  const std::size_t n = text_.size();
  if (error_ || pos_ >= n) return false;
  ++record_;
  std::size_t field_no = 1;
  while (true) {
    if (pos_ < n && text_[pos_] == '"') {
      const std::size_t quote_line = line_;
      ++pos_;
      std::size_t begin = pos_;
      bool in_scratch = false;
      const std::size_t scratch_begin = scratch_.size();
      while (true) {
        const std::size_t q = text_.find('"', pos_);
        if (q == std::string_view::npos) {
          error_ = CsvError{CsvError::Kind::kUnclosedQuote, record_, field_no, quote_line};
          pos_ = n;
          return false;
        }
        line_ += count_lines(text_.substr(pos_, q - pos_));
        if (q + 1 < n && text_[q + 1] == '"') {  // "" is one quote inside the field
          scratch_.append(text_.substr(begin, q + 1 - begin));
          in_scratch = true;
          pos_ = begin = q + 2;
          continue;
        }
        pos_ = q + 1;
        // Text between the closing quote and the separator belongs to the field.
        std::size_t end = text_.find_first_of(",\r\n", pos_);
        if (end == std::string_view::npos) end = n;
        if (in_scratch || end > pos_) {
          scratch_.append(text_.substr(begin, q - begin));
          scratch_.append(text_.substr(pos_, end - pos_));
          spans_.push_back({scratch_begin, scratch_.size() - scratch_begin, true});
        } else {
          spans_.push_back({begin, q - begin, false});
        }
        pos_ = end;
        break;
      }
    } else {
      std::size_t end = text_.find_first_of(",\r\n", pos_);
      if (end == std::string_view::npos) end = n;
      spans_.push_back({pos_, end - pos_, false});
      pos_ = end;
    }
    if (pos_ >= n) break;
    const char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      ++field_no;
      continue;
    }
    ++pos_;
    if (c == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
    ++line_;
    break;
  }
  fields.reserve(spans_.size());
  const std::string_view scratch(scratch_);
  for (const auto& s : spans_) fields.push_back((s.scratch ? scratch : text_).substr(s.begin, s.size));
  return true;
}

CsvTable read_csv(std::string_view text) {
  CsvTable t;
  CsvReader r(text);
  std::vector<std::string_view> fields;
  while (r.next(fields)) t.records.emplace_back(fields.begin(), fields.end());
  t.error = r.error();
  return t;
}

std::string formula_safe(std::string_view cell) {
  if (cell.empty()) return std::string();
  if (cell.front() == '\t' || cell.front() == '\r') return "'" + std::string(cell);
  const auto first = cell.find_first_not_of(' ');
  if (first != std::string_view::npos) {
    const char c = cell[first];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string_view formula_unsafe(std::string_view cell) {
  if (cell.size() < 2 || cell.front() != '\'') return cell;
  const auto rest = cell.substr(1);
  return formula_safe(rest).size() != rest.size() ? rest : cell;
}

std::string csv_field(std::string_view cell) {
  std::string safe = formula_safe(cell);
  if (!needs_quotes(safe)) return safe;
  std::string out = "\"";
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

}  // namespace kehu::io
