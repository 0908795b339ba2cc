#include "platform/io/csv.hpp"

#include <gtest/gtest.h>

namespace kehu::io {
namespace {

using Records = std::vector<std::vector<std::string>>;

Records ok(std::string_view text) {
  auto t = read_csv(text);
  EXPECT_FALSE(t.error.has_value()) << text;
  return t.records;
}

TEST(CsvReader, SplitsFieldsAndRecordsOnEveryLineEnding) {
  EXPECT_EQ(ok("a,b\r\nc,d\r\n"), (Records{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(ok("a,b\nc,d"), (Records{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(ok("a,b\rc,d\r"), (Records{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(ok(""), Records{});
  EXPECT_EQ(ok("a,,\r\n"), (Records{{"a", "", ""}}));
  EXPECT_EQ(ok("\r\n\r\n"), (Records{{""}, {""}}));  // blank lines are records of one empty field
}

TEST(CsvReader, SkipsTheUtf8Bom) {
  EXPECT_EQ(ok("\xEF\xBB\xBF名称,类型\r\n张伟,person\r\n"), (Records{{"名称", "类型"}, {"张伟", "person"}}));
}

TEST(CsvReader, QuotedFieldsHoldSeparatorsNewlinesAndQuotes) {
  EXPECT_EQ(ok("\"a,b\",\"line1\r\nline2\",\"say \"\"hi\"\"\"\r\nx,y,z\r\n"),
            (Records{{"a,b", "line1\r\nline2", "say \"hi\""}, {"x", "y", "z"}}));
  EXPECT_EQ(ok("\"\"\"\",\"\"\n"), (Records{{"\"", ""}}));
  EXPECT_EQ(ok("\"a\"\"\"\"b\""), (Records{{"a\"\"b"}}));
}

TEST(CsvReader, IsLenientLikeSpreadsheets) {
  EXPECT_EQ(ok("ab\"c,d\n"), (Records{{"ab\"c", "d"}}));  // quote inside an unquoted field
  EXPECT_EQ(ok("\"ab\"c,d\n"), (Records{{"abc", "d"}}));  // text after the closing quote
  EXPECT_EQ(ok("\"a\"\"b\"c,d\n"), (Records{{"a\"bc", "d"}}));
}

TEST(CsvReader, RaggedRecordsAreReturnedAsTheyAre) {
  EXPECT_EQ(ok("a,b,c\n1\n1,2,3,4\n"), (Records{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}}));
}

TEST(CsvReader, AnUnclosedQuoteStopsWithRecordFieldAndLine) {
  auto t = read_csv("name,notes\r\n张三,ok\r\n李四,\"never closed\r\n王五,x\r\n");
  ASSERT_TRUE(t.error.has_value());
  EXPECT_EQ(t.records.size(), 2u);
  EXPECT_EQ(t.error->record, 3u);
  EXPECT_EQ(t.error->field, 2u);
  EXPECT_EQ(t.error->line, 3u);
}

TEST(CsvReader, CountsRecordsAndLinesAcrossQuotedNewlines) {
  CsvReader r("h1,h2\n\"a\nb\nc\",x\n\"unclosed\n");
  std::vector<std::string_view> f;
  ASSERT_TRUE(r.next(f));
  ASSERT_TRUE(r.next(f));
  EXPECT_EQ(r.record(), 2u);
  EXPECT_FALSE(r.next(f));
  ASSERT_TRUE(r.error());
  EXPECT_EQ(r.error()->record, 3u);
  EXPECT_EQ(r.error()->line, 5u);  // the quoted field of record 2 spans lines 2–4
}

TEST(CsvWriter, PrefixesFormulaLikeCells) {
  struct Case {
    std::string_view in, out;
  } cases[] = {
      {"=1+1", "'=1+1"},
      {"+8613800138000", "'+8613800138000"},
      {"-5", "'-5"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "'\rx"},
      {"  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"},
      {"   @x", "'   @x"},
      {"张伟", "张伟"},
      {"a=b", "a=b"},
      {"", ""},
      {"   ", "   "},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(formula_safe(c.in), c.out) << c.in;
    EXPECT_EQ(formula_unsafe(c.out), c.in) << c.out;
  }
  EXPECT_EQ(formula_unsafe("'quoted"), "'quoted");  // an apostrophe the writer did not add stays
  EXPECT_EQ(formula_unsafe("'"), "'");
}

TEST(CsvWriter, QuotesWhenNeededAndRoundTrips) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  std::string out;
  const std::vector<std::string> row = {"深圳,蓝鲸", "引号\"", "多行\r\n文本", "普通"};
  append_csv_record(out, row);
  append_csv_record(out, {"x"});
  EXPECT_EQ(ok(out), (Records{row, {"x"}}));
}

}  // namespace
}  // namespace kehu::io
