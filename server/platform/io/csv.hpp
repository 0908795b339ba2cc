// CSV as spreadsheets write it (RFC 4180), read from and written to memory.
//
// Reading: fields separated by ',', records by CRLF, LF or a lone CR; a field in double
// quotes may hold separators, line breaks and doubled quotes (""). Lenient where
// spreadsheets are: a quote inside an unquoted field is kept as text, and text after a
// closing quote is appended to the field (`"ab"c` → abc). The one hard error is a quoted
// field that never closes: it would swallow the rest of the file, so reading stops there
// and names the record and field where the quote opened. A leading UTF-8 BOM is skipped.
// A blank line is a record with one empty field (callers usually skip it).
//
// Writing: every field is made formula-safe (OWASP "CSV injection"): a cell whose first
// character — after any leading spaces — is = + - @, or that starts with a tab or CR, is
// prefixed with ' so no spreadsheet evaluates it; then quoted when it holds , " CR or LF.
// Files for spreadsheets start with the UTF-8 BOM so Excel opens them as UTF-8.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehu::io {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct CsvError {
  enum class Kind { kUnclosedQuote };
  Kind kind = Kind::kUnclosedQuote;
  std::size_t record = 0;  // 1-based record number (the first record, usually the header, is 1)
  std::size_t field = 0;   // 1-based field number within that record
  std::size_t line = 0;    // 1-based physical line where the quote opened
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  // Reads the next record. The views stay valid until the next call (they point into the
  // input or into the reader's scratch buffer). False at the end of the input or on an
  // error (then error() is set).
  bool next(std::vector<std::string_view>& fields);
  const std::optional<CsvError>& error() const { return error_; }
  // The 1-based number of the record last returned.
  std::size_t record() const { return record_; }
  // Bytes consumed so far (for progress and limits).
  std::size_t offset() const { return pos_; }

 private:
  struct Span {
    std::size_t begin, size;
    bool scratch;
  };
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t record_ = 0;
  std::size_t line_ = 1;
  std::string scratch_;
  std::vector<Span> spans_;
  std::optional<CsvError> error_;
};

// Convenience for small inputs and tests: every record, or the error.
struct CsvTable {
  std::vector<std::vector<std::string>> records;
  std::optional<CsvError> error;
};
CsvTable read_csv(std::string_view text);

// ' prepended when a spreadsheet would take the text as a formula (see above).
std::string formula_safe(std::string_view cell);
// The inverse, for files coming back (an error file fixed and imported again): a leading '
// is dropped when what follows would have been prefixed. Other cells are returned as is.
std::string_view formula_unsafe(std::string_view cell);
// One field as written: formula-safe, then quoted if needed.
std::string csv_field(std::string_view cell);
// Appends one record (fields joined by ',', ended by CRLF).
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace kehu::io
