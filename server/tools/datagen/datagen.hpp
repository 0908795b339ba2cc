// kehu_datagen — deterministic generator of realistic Chinese CRM data.
//
// Used for the demo database (`kehu init --demo`) and for benchmark data sets.
// Everything is a pure function of the Rng state: the same seed gives the same
// output on every platform and standard library (own PRNG, own integer-only
// uniform and weighted picks; no <random> distributions, no std::random_device).
// Depends on the C++ standard library only.
//
// Thread safety: an Rng is not shared; the generator functions only read
// immutable tables (built on first use, thread-safe), so one Rng per thread
// works. For parallel generation derive seeds, e.g. Rng(base_seed ^ chunk_index).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kehu::datagen {

// xoshiro256** seeded through splitmix64.
struct Rng {
    explicit Rng(uint64_t seed) {
        for (auto& w : s) {
            seed += 0x9E3779B97F4A7C15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            w = z ^ (z >> 31);
        }
    }

    uint64_t next() {
        const uint64_t result = rotl(s[1] * 5, 7) * 9;
        const uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }

    // Uniform in [0, n); n == 0 returns 0. Unbiased (Lemire's method).
    uint64_t below(uint64_t n) {
        if (n == 0) return 0;
        __extension__ using u128 = unsigned __int128;
        u128 m = static_cast<u128>(next()) * n;
        auto low = static_cast<uint64_t>(m);
        if (low < n) {
            const uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<u128>(next()) * n;
                low = static_cast<uint64_t>(m);
            }
        }
        return static_cast<uint64_t>(m >> 64);
    }

    // Uniform in [lo, hi] (inclusive); requires lo <= hi.
    int64_t between(int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
    }

    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(v.size()))];
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s[4];
};

// ---------------------------------------------------------------- people

struct PersonName {
    std::string full;     // 张伟, 欧阳晓明
    std::string surname;  // 张, 欧阳
    std::string given;    // 伟, 晓明
    std::string pinyin;   // "zhang wei", "ouyang xiaoming" (surname, space, given; no tones)
};

// Surnames weighted by real frequency (about 130, 王 李 张 刘 陈 ... plus rare
// compound ones like 欧阳, 司马); given names of one or two characters drawn
// from gendered, era-typical pools, so 张伟, 王芳, 李娜 repeat as in reality.
PersonName person_name(Rng&);

struct Birthday {
    bool lunar;  // 80% solar (Gregorian), 20% lunar
    int year, month, day;
    bool leap;   // lunar leap month; only where that year really has it
};
// Years 1955-2000 (peaking in the 1970s-80s). Solar dates are valid Gregorian
// dates. Lunar: month 1-12, day 1-29 (valid in every lunar month, whether it has
// 29 or 30 days); leap months are rare and only the year's real leap month.
Birthday birthday(Rng&);

std::string mobile(Rng&);      // "13812345678": 1[3-9] + 9 digits, real operator prefixes
std::string job_title(Rng&);   // 总经理, 采购经理, 财务, 老板, 仓库主管, 设备科长, 技术员 ...
std::string hobby(Rng&);       // 钓鱼, 喝茶, 书法 ... sometimes two joined by "、"
// Plausible ASCII e-mail. The hint is PersonName::pinyin ("zhang wei") or
// empty (then random pinyin syllables). Many are numeric QQ addresses.
std::string email(Rng&, const std::string& pinyin_hint_or_empty);
std::string wechat(Rng&);      // WeChat ID: "wxid_..." or letters+digits, 6-20 chars
std::string source(Rng&);      // referral visit exhibition web phone advertising partner other
std::string grade(Rng&);       // A 10%, B 30%, C 60%
std::string status(Rng&);      // active 70%, prospect 15%, dormant 10%, lost 5%

// ---------------------------------------------------------------- places

// Codes are GB/T 2260 (for Hong Kong, Macau and Taiwan below level 1, the
// kehu-local codes of server/migrations/*/0002_regions.sql). district and
// district_code are empty for cities without districts (东莞市, 中山市).
struct Region {
    std::string province_code, province, city_code, city, district_code, district;
};
// 31 mainland provinces weighted by population, Hong Kong, Macau and Taiwan with
// small weights; per province its capital and a few major cities (capital most
// likely), per city a few real districts.
Region region(Rng&);

// The deepest non-empty code of a region (district, else city, else province).
inline const std::string& region_code(const Region& r) {
    return !r.district_code.empty() ? r.district_code
         : !r.city_code.empty()     ? r.city_code
                                    : r.province_code;
}

// "020-87654321" with the city's area code; Hong Kong "+852 2345 6789",
// Macau "+853 2812 3456", Taiwan "02-2345-6789".
std::string landline(Rng&, const Region&);

// ---------------------------------------------------------------- companies

struct Company {
    std::string name;         // 广州市恒通润滑油贸易有限公司, 天河区鑫源五金商行
    std::string short_name;   // 恒通润滑油, 恒通
    std::string industry;     // manufacturing retail wholesale transport construction agriculture
                              // mining energy automotive logistics food chemicals services
                              // government other
    std::string size;         // large 10%, medium 30%, small 60%
    std::string credit_code;  // valid GB 32100 code; empty for Hong Kong, Macau, Taiwan
    std::string address;      // 天河区中山大道西123号, 南山区科技园南路8号2栋301
};
// Companies (credit code "91" + district code), individual businesses (商行,
// 经营部, 修理厂 ...: "92") and about 2.5% government bodies and public
// institutions (公路管理局 "11", 环境卫生管理处 "12", with the city's code).
// Companies in Hong Kong, Macau and Taiwan have no mainland credit code.
Company company(Rng&, const Region&);

// A valid unified social credit code: prefix2 (e.g. "91") + region6 + an
// organisation code of 8 characters with its GB 11714 check character + the
// GB 32100 check character. region6 must be 6 digits.
std::string credit_code(Rng&, std::string_view region6, std::string_view prefix2 = "91");

}  // namespace kehu::datagen
