// Needs sqlite3 (FTS5): the cases run against a real in-memory FTS5 table with the
// default unicode61 tokenizer, exactly as the customer search column is declared.
#include "platform/text/search_keys.hpp"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace kehu::text {
namespace {

class Fts {
 public:
  Fts() {
    EXPECT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    Exec("CREATE VIRTUAL TABLE c USING fts5(search)");
  }
  ~Fts() { sqlite3_close(db_); }

  void Insert(long id, const std::string& text) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO c(rowid, search) VALUES(?, ?)", -1, &st,
                                 nullptr),
              SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
  }

  // Row ids matching `match`; nullopt when SQLite rejects the expression.
  std::optional<std::vector<long>> Search(const std::string& match) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT rowid FROM c WHERE c MATCH ? ORDER BY rowid", -1, &st,
                           nullptr) != SQLITE_OK) {
      return std::nullopt;
    }
    sqlite3_bind_text(st, 1, match.c_str(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    std::vector<long> ids;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return std::nullopt;
    return ids;
  }

  // Row ids found by the search box text `q` (empty when the query is nullopt).
  std::vector<long> Find(std::string_view q) {
    const auto match = build_match_query(q);
    if (!match) return {};
    auto ids = Search(*match);
    EXPECT_TRUE(ids.has_value()) << "FTS5 rejected " << *match;
    return ids.value_or(std::vector<long>{});
  }

 private:
  void Exec(const char* sql) { ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK); }
  sqlite3* db_ = nullptr;
};

constexpr long kCompany = 1;
constexpr long kOther = 2;
constexpr long kRobert = 3;
constexpr long kChongqing = 4;
constexpr long kSurname = 5;

class SearchKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fts_.Insert(kCompany, build_index_text({.names = {"广州市张伟贸易有限公司", "张伟"},
                                            .numbers = {"+8613800138000"},
                                            .codes = {"91350100M000100Y43"}}));
    fts_.Insert(kOther, build_index_text({.names = {"深圳市明华科技有限公司", "王芳"},
                                          .numbers = {"+861012345678"}}));
    fts_.Insert(kRobert, build_index_text({.names = {"Robert'); DROP TABLE customers;--"}}));
    fts_.Insert(kChongqing, build_index_text({.names = {"重庆银行股份有限公司"},
                                              .numbers = {"+886912345678"}}));
    fts_.Insert(kSurname, build_index_text({.names = {"单田芳", "尉迟恭"}}));
  }
  Fts fts_;
};

TEST_F(SearchKeysTest, FindsTheCompanyByNameFragmentsPinyinAndTraditional) {
  const std::vector<long> company = {kCompany};
  for (const char* q : {"张伟", "张", "伟贸", "zhangwei", "zw", "zhang", "guangzhou", "gz",
                        "廣州", "贸易有限", "ZhangWei", "ｚｈａｎｇ", "weimaoyi", "张伟 zw", "maoyi",
                        "張偉貿易", "gzszwmy", "gzzw", "guangzhouzhangwei"}) {
    EXPECT_EQ(fts_.Find(q), company) << q;
  }
}

TEST_F(SearchKeysTest, DoesNotFindUnrelatedNames) {
  for (const char* q : {"李娜", "lina", "张伟明", "zhangweiming", "xyz", "伟张"}) {
    EXPECT_TRUE(fts_.Find(q).empty()) << q;
  }
}

TEST_F(SearchKeysTest, FindsPhoneFragmentsAndCodes) {
  const std::vector<long> company = {kCompany};
  for (const char* q : {"0013", "13800138000", "138", "+86 138-0013-8000", "0086 13800138000",
                        "8000", "91350100", "m000100", "100y43", "91350100M000100Y43"}) {
    EXPECT_EQ(fts_.Find(q), company) << q;
  }
  EXPECT_EQ(fts_.Find("010-12345678"), std::vector<long>{kOther});
  EXPECT_EQ(fts_.Find("0912-345-678"), std::vector<long>{kChongqing});
  EXPECT_EQ(fts_.Find("12345678"), (std::vector<long>{kOther, kChongqing}));
}

TEST_F(SearchKeysTest, PolyphonicAndSurnameReadings) {
  for (const char* q : {"chongqing", "zhongqing", "cq", "yinhang", "重庆银行"}) {
    EXPECT_EQ(fts_.Find(q), std::vector<long>{kChongqing}) << q;
  }
  for (const char* q : {"shantianfang", "stf", "dantianfang", "yuchigong", "ycg", "tianfang"}) {
    EXPECT_EQ(fts_.Find(q), std::vector<long>{kSurname}) << q;
  }
}

TEST_F(SearchKeysTest, SqlTextIsFoundAndNeverInjects) {
  EXPECT_EQ(fts_.Find("Robert'); DROP TABLE customers;--"), std::vector<long>{kRobert});
  EXPECT_EQ(fts_.Find("robert"), std::vector<long>{kRobert});
  EXPECT_TRUE(fts_.Find("张伟 OR robert").empty());
  EXPECT_TRUE(fts_.Find("robert NOT drop").empty());
  for (const char* q : {"%", "_", "\\", "\"", "*", "NEAR(", "NEAR(张 伟)", "\"张伟\" OR \"",
                        "a*b", "(", ")", "'", "-", "^", ":", "c:search", "{search}: x", "+",
                        "★", "😀", "·", "　", "", "   ", "张\"伟", "AND", "OR NOT"}) {
    const auto match = build_match_query(q);
    if (match) {
      EXPECT_TRUE(fts_.Search(*match).has_value()) << q << " → " << *match;
    }
  }
}

struct QueryCase {
  const char* q;
  std::optional<std::string> want;
};

TEST(BuildMatchQuery, Table) {
  const QueryCase cases[] = {
      {"张", "\"张\""},
      {"张伟", "\"张伟\""},
      {"张伟明", "\"张伟\" AND \"伟明\""},
      {"zhangW", "\"zhangw\"*"},
      {"廣州 ABC", "\"广州\" AND \"abc\"*"},
      {"张伟 OR x", "\"张伟\" AND \"or\"* AND \"x\"*"},
      {"NEAR(", "\"near\"*"},
      {"\"", std::nullopt},
      {"%", std::nullopt},
      {"_", std::nullopt},
      {"\\", std::nullopt},
      {"*", std::nullopt},
      {"", std::nullopt},
      {"　 ", std::nullopt},
      {"138-0013-8000", "\"13800138000\"*"},
      {"(0086) 138 0013 8000", "\"8613800138000\"*"},
      {"0013", "\"0013\"*"},
      {"a a a", "\"a\"*"},
  };
  for (const auto& c : cases) EXPECT_EQ(build_match_query(c.q), c.want) << c.q;
}

TEST(LooksLikeDigits, Table) {
  const std::pair<const char*, bool> cases[] = {
      {"138", true},        {"+86 138-0013-8000", true}, {"(010) 1234.5678", true},
      {"138abc", false},    {"", false},                  {"+-", false},
      {"张138", false},     {"0013", true},
  };
  for (const auto& [q, want] : cases) EXPECT_EQ(looks_like_digits(q), want) << q;
}

TEST(BuildIndexText, TokensAreDistinctAndSafe) {
  const std::string text = build_index_text({.names = {"张伟", "张伟", "A&B Co."}});
  EXPECT_EQ(text, "a b co w wei zhangwei zw 伟 张 张伟");
  const std::string sql = build_index_text({.names = {"Robert'); DROP TABLE customers;--"}});
  EXPECT_EQ(sql, "customers drop robert table");
}

TEST(BuildIndexText, HundredHanCharacters) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "张";
  const std::string text = build_index_text({.names = {name}});
  EXPECT_NE(text.find("张张"), std::string::npos);
  Fts fts;
  fts.Insert(1, text);
  EXPECT_EQ(fts.Find("张"), std::vector<long>{1});
  EXPECT_EQ(fts.Find(name), std::vector<long>{1});
  EXPECT_EQ(fts.Find("zhangzhangzhang"), std::vector<long>{1});
  for (std::size_t pos = 0, next; pos < text.size(); pos = next + 1) {
    next = text.find(' ', pos);
    if (next == std::string::npos) next = text.size();
    EXPECT_LE(next - pos, 60u);
  }
}

TEST(BuildIndexText, NumberAndCodeFragments) {
  const std::string text = build_index_text({.numbers = {"+8613800138000"}, .codes = {"A-1b"}});
  EXPECT_EQ(text,
            "000 00138000 0138000 138000 13800138000 38000 3800138000 613800138000 8000 "
            "800138000 8613800138000 a1b");
}

}  // namespace
}  // namespace kehu::text
