#include "tools/datagen/datagen.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace dg = kehu::datagen;

namespace {

// Everything the generator makes from one Rng, flattened to strings.
std::vector<std::string> sample(uint64_t seed, int n) {
    dg::Rng rng(seed);
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(n) * 16);
    for (int i = 0; i < n; ++i) {
        const auto p = dg::person_name(rng);
        const auto r = dg::region(rng);
        const auto c = dg::company(rng, r);
        const auto b = dg::birthday(rng);
        out.insert(out.end(), {p.full, p.pinyin, r.district_code, c.name, c.short_name, c.industry,
                               c.size, c.credit_code, c.address, dg::mobile(rng), dg::landline(rng, r),
                               std::to_string(b.year * 10000 + b.month * 100 + b.day) + (b.lunar ? "L" : "S"),
                               dg::job_title(rng), dg::hobby(rng), dg::email(rng, p.pinyin), dg::wechat(rng),
                               dg::source(rng), dg::grade(rng), dg::status(rng)});
    }
    return out;
}

// Independent GB 32100 check, written from the standard's text.
bool valid_uscc(const std::string& s) {
    static const std::string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (s.size() != 18) return false;
    long sum = 0;
    for (std::size_t i = 0; i < 18; ++i) {
        const auto v = chars.find(s[i]);
        if (v == std::string::npos) return false;
        if (i < 17) sum += static_cast<long>(v) * w[i];
    }
    const long check = (31 - sum % 31) % 31;
    return s[17] == chars[static_cast<std::size_t>(check)];
}

// GB 11714 organisation-code check on characters 9-17.
bool valid_org_code(const std::string& s) {
    static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    long sum = 0;
    for (int i = 0; i < 8; ++i) {
        const char c = s[static_cast<std::size_t>(i)];
        sum += ((c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10) * w[i];
    }
    const long r = 11 - sum % 11;
    const char want = r == 10 ? 'X' : r == 11 ? '0' : static_cast<char>('0' + r);
    return s[8] == want;
}

bool is_mobile(const std::string& m) {
    if (m.size() != 11 || m[0] != '1' || m[1] < '3' || m[1] > '9') return false;
    for (char c : m)
        if (c < '0' || c > '9') return false;
    return true;
}

bool is_ascii_email(const std::string& e) {
    const auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
    if (e.find('.', at) == std::string::npos) return false;
    for (unsigned char c : e)
        if (c >= 0x80 || c <= ' ') return false;
    return true;
}

}  // namespace

TEST(Rng, KnownValuesAndBounds) {
    dg::Rng a(42), b(42), c(43);
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_NE(x, c.next());
    }
    dg::Rng r(1);
    std::vector<int> hist(7);
    for (int i = 0; i < 70000; ++i) {
        const auto v = r.below(7);
        ASSERT_LT(v, 7u);
        ++hist[v];
        const double u = r.unit();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        const auto btw = r.between(-3, 3);
        ASSERT_GE(btw, -3);
        ASSERT_LE(btw, 3);
    }
    for (int h : hist) EXPECT_NEAR(h, 10000, 600);
    EXPECT_EQ(r.below(0), 0u);
    EXPECT_EQ(r.below(1), 0u);
    std::vector<std::string> v{"x", "y", "z"};
    for (int i = 0; i < 100; ++i) EXPECT_LE(r.pick(v).size(), 1u);
}

TEST(Determinism, SameSeedSameOutputDifferentSeedDiffers) {
    const auto a = sample(20240601, 1000);
    const auto b = sample(20240601, 1000);
    const auto c = sample(20240602, 1000);
    EXPECT_EQ(a, b);
    ASSERT_EQ(a.size(), c.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != c[i];
    EXPECT_GT(differ, a.size() / 2);
}

// Pins the stream across compilers and standard libraries: if this changes,
// demo data and benchmarks change too.
TEST(Determinism, PinnedFirstValues) {
    dg::Rng rng(1);
    EXPECT_EQ(rng.next(), 12966619160104079557ull);
    dg::Rng r(2024);
    const uint64_t expected[5] = {55792, 782103, 72054, 159715, 773650};
    for (uint64_t e : expected) EXPECT_EQ(r.below(1000000), e);
    dg::Rng r7(7);
    const auto n = dg::person_name(r7);
    std::printf("[ info ] seed 7 first name %s (%s)\n", n.full.c_str(), n.pinyin.c_str());
}

TEST(Names, SurnameDistributionAndCollisions) {
    dg::Rng rng(7);
    std::map<std::string, int> surnames;
    std::unordered_map<std::string, int> fulls;
    int compound = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        const auto p = dg::person_name(rng);
        ASSERT_EQ(p.full, p.surname + p.given);
        ASSERT_FALSE(p.given.empty());
        ASSERT_LE(p.given.size(), 6u);  // one or two CJK characters (3 bytes each)
        ASSERT_NE(p.pinyin.find(' '), std::string::npos);
        ++surnames[p.surname];
        ++fulls[p.full];
        if (p.surname.size() > 3) ++compound;
    }
    std::string top;
    int top_n = 0;
    for (const auto& [s, k] : surnames)
        if (k > top_n) top = s, top_n = k;
    EXPECT_TRUE(top == "王" || top == "李") << top;
    EXPECT_GT(surnames.size(), 100u);
    EXPECT_GT(compound, 0);
    EXPECT_LT(compound, n / 100);
    int duplicated = 0;  // names held by at least one other person
    for (const auto& [s, k] : fulls)
        if (k > 1) duplicated += k;
    EXPECT_GE(duplicated, n / 100);
    EXPECT_GT(fulls["张伟"], 5);
    std::printf("[ info ] 100000 names: %zu distinct, %d share their name, 张伟 x%d, 王芳 x%d, 李娜 x%d, top %s %.2f%%\n",
                fulls.size(), duplicated, fulls["张伟"], fulls["王芳"], fulls["李娜"], top.c_str(),
                100.0 * top_n / n);
}

TEST(Companies, CreditCodesValidAndNamesPlausible) {
    dg::Rng rng(99);
    const std::set<std::string> industries{"manufacturing", "retail",    "wholesale", "transport", "construction",
                                           "agriculture",   "mining",    "energy",    "automotive", "logistics",
                                           "food",          "chemicals", "services",  "government", "other"};
    std::map<std::string, int> sizes;
    std::set<std::string> codes;
    int with_code = 0, individual = 0, gov = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const auto r = dg::region(rng);
        const auto c = dg::company(rng, r);
        ASSERT_FALSE(c.name.empty());
        ASSERT_FALSE(c.short_name.empty());
        ASSERT_FALSE(c.address.empty());
        ASSERT_TRUE(industries.count(c.industry)) << c.industry;
        ++sizes[c.size];
        const bool overseas = r.province_code == "810000" || r.province_code == "820000" || r.province_code == "710000";
        if (overseas) {
            EXPECT_TRUE(c.credit_code.empty()) << c.name;
            continue;
        }
        ASSERT_TRUE(valid_uscc(c.credit_code)) << c.credit_code << " " << c.name;
        ASSERT_TRUE(valid_org_code(c.credit_code.substr(8, 9))) << c.credit_code;
        const auto kind = c.credit_code.substr(0, 2);
        ASSERT_TRUE(kind == "91" || kind == "92" || kind == "11" || kind == "12") << c.credit_code;
        EXPECT_EQ(c.credit_code.substr(2, 6), c.industry == "government" ? r.city_code : dg::region_code(r));
        individual += kind == "92";
        gov += c.industry == "government";
        ++with_code;
        codes.insert(c.credit_code);
        if (c.name.find("公司") != std::string::npos) {
            EXPECT_EQ(kind, "91") << c.name;
        }
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(with_code));  // no collisions in 20k
    EXPECT_NEAR(sizes["large"], n * 0.10, n * 0.02);
    EXPECT_NEAR(sizes["medium"], n * 0.30, n * 0.02);
    EXPECT_NEAR(sizes["small"], n * 0.60, n * 0.03);
    EXPECT_GT(individual, n / 20);
    EXPECT_GT(gov, 0);
    // A sample for eyeballing.
    dg::Rng show(2024);
    for (int i = 0; i < 8; ++i) {
        const auto r = dg::region(show);
        const auto c = dg::company(show, r);
        std::printf("[ info ] %s %s %s | %s | %s %s %s | %s | %s\n", c.name.c_str(), c.short_name.c_str(),
                    c.credit_code.c_str(), c.industry.c_str(), r.province.c_str(), r.city.c_str(),
                    r.district.c_str(), c.address.c_str(), dg::landline(show, r).c_str());
    }
}

TEST(Companies, CreditCodeHelperAndKnownCode) {
    // A real, published code (Hangzhou, 330100) and the same with a wrong check character.
    EXPECT_TRUE(valid_uscc("91330100716105852F"));
    EXPECT_FALSE(valid_uscc("91330100716105852G"));
    dg::Rng rng(5);
    for (int i = 0; i < 10000; ++i) {
        const auto c = dg::credit_code(rng, "440305");
        ASSERT_TRUE(valid_uscc(c)) << c;
        ASSERT_EQ(c.substr(0, 8), "91440305");
    }
}

TEST(Regions, CodesConsistent) {
    dg::Rng rng(3);
    std::map<std::string, int> provinces;
    int no_district = 0;
    const int n = 50000;
    for (int i = 0; i < n; ++i) {
        const auto r = dg::region(rng);
        ASSERT_EQ(r.province_code.size(), 6u);
        ASSERT_EQ(r.province_code.substr(2), "0000");
        ASSERT_EQ(r.city_code.substr(0, 2), r.province_code.substr(0, 2));
        ASSERT_EQ(r.city_code.substr(4), "00");
        if (r.district_code.empty()) {
            ++no_district;
            ASSERT_TRUE(r.district.empty());
        } else {
            ASSERT_EQ(r.district_code.substr(0, 4), r.city_code.substr(0, 4)) << r.district;
            ASSERT_FALSE(r.district.empty());
        }
        ++provinces[r.province];
    }
    EXPECT_EQ(provinces.size(), 34u);
    EXPECT_GT(provinces["广东省"], provinces["西藏自治区"] * 10);
    EXPECT_GT(no_district, 0);  // 东莞, 中山
}

// Every code/name the generator uses matches the region table migration (found
// next to this source file; skipped when the tree is not there).
TEST(Regions, MatchMigrationTable) {
    std::string path = __FILE__;
    const auto cut = path.rfind("tools/datagen/");
    if (cut == std::string::npos) GTEST_SKIP() << "source path unknown";
    path = path.substr(0, cut) + "migrations/sqlite/0002_regions.sql";
    std::ifstream in(path);
    if (!in) GTEST_SKIP() << "no " << path;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string sql = ss.str();
    // rows look like ('440106','天河区','天河區',NULL,'440100',3)
    std::map<std::string, std::pair<std::string, std::string>> rows;  // code -> (name, parent)
    for (std::size_t p = sql.find("\n('"); p != std::string::npos; p = sql.find("\n('", p + 1)) {
        const std::size_t a = p + 3;
        const std::string code = sql.substr(a, 6);
        const std::size_t n0 = a + 9, n1 = sql.find('\'', n0);
        const std::size_t close = sql.find(')', n1);
        const std::string tail = sql.substr(n1, close - n1);  // ',name_tw,name_en,parent,level
        const auto last_comma = tail.rfind(',');
        const auto parent_comma = tail.rfind(',', last_comma - 1);
        std::string parent = tail.substr(parent_comma + 1, last_comma - parent_comma - 1);
        if (parent.size() == 8) parent = parent.substr(1, 6);
        rows[code] = {sql.substr(n0, n1 - n0), parent};
    }
    ASSERT_GT(rows.size(), 3000u);
    dg::Rng rng(5);
    for (int i = 0; i < 100000; ++i) {
        const auto r = dg::region(rng);
        ASSERT_EQ(rows[r.province_code].first, r.province);
        ASSERT_EQ(rows[r.city_code].first, r.city);
        ASSERT_EQ(rows[r.city_code].second, r.province_code);
        if (!r.district_code.empty()) {
            ASSERT_EQ(rows[r.district_code].first, r.district) << r.district_code;
            ASSERT_EQ(rows[r.district_code].second, r.city_code) << r.district_code;
        }
    }
}

TEST(Phones, MobilesAndLandlines) {
    dg::Rng rng(11);
    std::set<std::string> prefixes;
    for (int i = 0; i < 50000; ++i) {
        const auto m = dg::mobile(rng);
        ASSERT_TRUE(is_mobile(m)) << m;
        prefixes.insert(m.substr(0, 3));
    }
    EXPECT_GT(prefixes.size(), 30u);
    dg::Region gz{"440000", "广东省", "440100", "广州市", "440106", "天河区"};
    const auto l = dg::landline(rng, gz);
    EXPECT_EQ(l.substr(0, 4), "020-");
    EXPECT_EQ(l.size(), 12u);
    dg::Region hk{"810000", "香港特别行政区", "810100", "香港岛", "810102", "湾仔区"};
    EXPECT_EQ(dg::landline(rng, hk).substr(0, 5), "+852 ");
    dg::Region unknown{"990000", "?", "990100", "?", "", ""};
    EXPECT_EQ(dg::landline(rng, unknown)[0], '0');
}

TEST(People, BirthdaysValid) {
    dg::Rng rng(13);
    int lunar = 0, leap = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        const auto b = dg::birthday(rng);
        ASSERT_GE(b.year, 1955);
        ASSERT_LE(b.year, 2000);
        ASSERT_GE(b.month, 1);
        ASSERT_LE(b.month, 12);
        ASSERT_GE(b.day, 1);
        if (b.lunar) {
            ++lunar;
            ASSERT_LE(b.day, 30);
            if (b.leap) {
                ++leap;
                // real leap months only, e.g. 1984 闰十月, 1987 闰六月
                if (b.year == 1984) {
                    ASSERT_EQ(b.month, 10);
                }
                if (b.year == 1987) {
                    ASSERT_EQ(b.month, 6);
                }
                ASSERT_NE(b.year, 1985);
            }
        } else {
            ASSERT_FALSE(b.leap);
            static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            const bool ly = (b.year % 4 == 0 && b.year % 100 != 0) || b.year % 400 == 0;
            ASSERT_LE(b.day, b.month == 2 && ly ? 29 : dim[b.month - 1]) << b.year << "-" << b.month;
        }
    }
    EXPECT_NEAR(lunar, n * 0.2, n * 0.01);
    EXPECT_GT(leap, 0);
    EXPECT_LT(leap, lunar / 20);
}

TEST(People, ContactFields) {
    dg::Rng rng(17);
    std::map<std::string, int> grades, statuses, sources;
    for (int i = 0; i < 20000; ++i) {
        const auto p = dg::person_name(rng);
        const auto e = dg::email(rng, p.pinyin);
        ASSERT_TRUE(is_ascii_email(e)) << e;
        ASSERT_TRUE(is_ascii_email(dg::email(rng, ""))) << e;
        const auto w = dg::wechat(rng);
        ASSERT_GE(w.size(), 6u);
        ASSERT_LE(w.size(), 20u);
        ASSERT_TRUE(w[0] >= 'a' && w[0] <= 'z') << w;
        ASSERT_FALSE(dg::job_title(rng).empty());
        ASSERT_FALSE(dg::hobby(rng).empty());
        ++grades[dg::grade(rng)];
        ++statuses[dg::status(rng)];
        ++sources[dg::source(rng)];
    }
    EXPECT_EQ(grades.size(), 3u);
    EXPECT_NEAR(grades["A"], 2000, 300);
    EXPECT_NEAR(grades["C"], 12000, 400);
    EXPECT_NEAR(statuses["active"], 14000, 400);
    EXPECT_NEAR(statuses["lost"], 1000, 200);
    EXPECT_EQ(statuses.size(), 4u);
    EXPECT_EQ(sources.size(), 8u);
}

TEST(Throughput, PrintOnly) {
    using clock = std::chrono::steady_clock;
    dg::Rng rng(1);
    const int n = 1000000;
    std::size_t bytes = 0;
    auto t0 = clock::now();
    for (int i = 0; i < n; ++i) bytes += dg::person_name(rng).full.size();
    const double names_s = std::chrono::duration<double>(clock::now() - t0).count();
    t0 = clock::now();
    const int m = 200000;
    for (int i = 0; i < m; ++i) {
        const auto p = dg::person_name(rng);
        const auto r = dg::region(rng);
        const auto c = dg::company(rng, r);
        bytes += c.name.size() + dg::mobile(rng).size() + dg::landline(rng, r).size() +
                 dg::email(rng, p.pinyin).size() + dg::wechat(rng).size();
    }
    const double cust_s = std::chrono::duration<double>(clock::now() - t0).count();
    std::printf("[ info ] person_name: %.2f M/s; full customer (name, region, company, phones, mail, wechat): %.2f M/s (%zu bytes)\n",
                n / names_s / 1e6, m / cust_s / 1e6, bytes);
}
