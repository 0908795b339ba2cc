// Contact details: phones, birthdays, titles, hobbies, e-mail, WeChat, and the
// customer's source / grade / status codes.
#include "tools/datagen/datagen.hpp"
#include "tools/datagen/detail.hpp"

#include <string_view>

namespace kehu::datagen {
namespace {

// Mainland mobile prefixes (China Mobile, Unicom, Telecom, broadcast), weighted
// roughly by how many numbers are in use.
const detail::Weighted<std::string_view>& mobile_prefixes() {
    static const detail::Weighted<std::string_view> t{
        {"138", 10}, {"139", 10}, {"135", 8}, {"136", 8}, {"137", 7}, {"134", 5}, {"150", 7},
        {"151", 7}, {"152", 5}, {"157", 4}, {"158", 7}, {"159", 7}, {"182", 5}, {"183", 4},
        {"184", 2}, {"187", 6}, {"188", 6}, {"147", 2}, {"178", 3}, {"172", 1}, {"195", 1},
        {"198", 2}, {"130", 5}, {"131", 5}, {"132", 5}, {"155", 4}, {"156", 4}, {"185", 5},
        {"186", 7}, {"166", 3}, {"175", 2}, {"176", 3}, {"145", 1}, {"196", 1}, {"133", 5},
        {"153", 4}, {"177", 3}, {"180", 5}, {"181", 4}, {"189", 6}, {"199", 3}, {"173", 2},
        {"191", 1}, {"193", 1}, {"149", 1}, {"190", 1}, {"192", 1},
    };
    return t;
}

// Lunar leap months 1955-2000 (Purple Mountain Observatory tables; note 1987 is
// 闰六月, which ICU gets wrong as 闰七月). Index: year - 1955; 0 = none.
constexpr int kLeapMonth[46] = {
    3, 0, 8, 0, 0, 6, 0, 0, 4, 0,  // 1955-1964
    0, 3, 0, 7, 0, 0, 5, 0, 0, 4,  // 1965-1974
    0, 8, 0, 0, 6, 0, 0, 4, 0, 10,  // 1975-1984
    0, 0, 6, 0, 0, 5, 0, 0, 3, 0,  // 1985-1994
    8, 0, 0, 5, 0, 0,              // 1995-2000
};

bool gregorian_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && gregorian_leap(y) ? 29 : d[m - 1];
}

const detail::Weighted<std::string_view>& titles() {
    static const detail::Weighted<std::string_view> t{
        {"总经理", 12}, {"老板", 12}, {"副总经理", 5}, {"董事长", 3}, {"采购经理", 10},
        {"采购员", 8}, {"采购主管", 5}, {"财务", 6}, {"财务经理", 4}, {"会计", 4}, {"出纳", 2},
        {"仓库主管", 5}, {"仓管员", 3}, {"设备科长", 5}, {"设备经理", 4}, {"设备主管", 4},
        {"技术员", 5}, {"技术总监", 2}, {"车队队长", 4}, {"车间主任", 4}, {"厂长", 4},
        {"副厂长", 2}, {"机修班长", 3}, {"店长", 4}, {"销售经理", 3}, {"行政主管", 2},
        {"办公室主任", 2}, {"项目经理", 3}, {"生产经理", 3}, {"安全主任", 1}, {"物流经理", 2},
        {"老板娘", 3}, {"合伙人", 2},
    };
    return t;
}

const std::vector<std::string_view>& hobbies() {
    static const std::vector<std::string_view> t{
        "钓鱼", "打高尔夫", "喝茶", "书法", "登山", "打麻将", "打牌", "篮球", "羽毛球", "乒乓球",
        "足球", "游泳", "跑步", "摄影", "旅游", "下象棋", "围棋", "唱歌", "看球", "品红酒",
        "喝白酒", "健身", "骑行", "自驾游", "读书", "养花", "收藏", "古玩", "太极拳", "打台球",
        "网球", "露营", "茶艺", "国画", "听戏曲", "养鱼", "跳广场舞", "玩车",
    };
    return t;
}

const detail::Weighted<std::string_view>& mail_domains() {
    static const detail::Weighted<std::string_view> t{
        {"163.com", 25}, {"126.com", 10}, {"sina.com", 6}, {"sohu.com", 3}, {"139.com", 4},
        {"foxmail.com", 5}, {"aliyun.com", 2}, {"yeah.net", 2}, {"gmail.com", 3},
        {"hotmail.com", 3}, {"outlook.com", 2}, {"189.cn", 2},
    };
    return t;
}

std::string_view take_word(std::string_view& s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    const auto p = s.find(' ');
    std::string_view w = s.substr(0, p);
    s.remove_prefix(p == std::string_view::npos ? s.size() : p);
    return w;
}

void append_qq(std::string& out, Rng& rng) {
    out.push_back(static_cast<char>('1' + rng.below(9)));
    detail::append_digits(out, rng, static_cast<int>(rng.between(5, 9)));
}

}  // namespace

std::string mobile(Rng& rng) {
    std::string m;
    m.reserve(11);
    m.append(mobile_prefixes().pick(rng));
    detail::append_digits(m, rng, 8);
    return m;
}

Birthday birthday(Rng& rng) {
    Birthday b{};
    // Sum of two uniforms: years 1955-2000 peaking around the late 1970s.
    b.year = 1955 + static_cast<int>(rng.below(24) + rng.below(23));
    b.lunar = rng.chance(0.2);
    b.leap = false;
    if (!b.lunar) {
        b.month = 1 + static_cast<int>(rng.below(12));
        b.day = 1 + static_cast<int>(rng.below(static_cast<uint64_t>(days_in_month(b.year, b.month))));
        return b;
    }
    b.month = 1 + static_cast<int>(rng.below(12));
    b.day = 1 + static_cast<int>(rng.below(29));  // day 30 exists only in long months
    const int leap = kLeapMonth[b.year - 1955];
    if (leap != 0 && rng.below(13) == 0) {  // a leap year has 13 months
        b.month = leap;
        b.leap = true;
    }
    return b;
}

std::string job_title(Rng& rng) { return std::string(titles().pick(rng)); }

std::string hobby(Rng& rng) {
    std::string h(rng.pick(hobbies()));
    if (rng.chance(0.3)) {
        std::string_view second = rng.pick(hobbies());
        if (second != h) {
            h.append("、");
            h.append(second);
        }
    }
    return h;
}

std::string email(Rng& rng, const std::string& hint) {
    std::string e;
    e.reserve(32);
    if (rng.chance(0.3)) {  // numeric QQ mailbox
        append_qq(e, rng);
        e.append("@qq.com");
        return e;
    }
    std::string_view rest = hint;
    std::string_view sur = take_word(rest);
    std::string_view given = take_word(rest);
    std::string a, b;
    if (sur.empty()) {
        a.assign(detail::random_syllable(rng));
        b.assign(detail::random_syllable(rng));
        if (rng.chance(0.5)) b.append(detail::random_syllable(rng));
    } else {
        a.assign(sur);
        b.assign(given);
    }
    switch (rng.below(6)) {
        case 0: e = a + b; break;                                         // zhangwei
        case 1: e = a + "." + b; break;                                   // zhang.wei
        case 2: e = b + a; break;                                         // weizhang
        case 3: e = a + b; detail::append_digits(e, rng, 2); break;       // zhangwei88
        case 4:                                                           // zw1983
            e.push_back(a.empty() ? 'x' : a[0]);
            e.push_back(b.empty() ? 'y' : b[0]);
            e.append(std::to_string(1960 + rng.below(40)));
            break;
        default: e = a + "_" + b; detail::append_digits(e, rng, 3); break;  // zhang_wei123
    }
    if (e.empty()) e = "user";
    e.push_back('@');
    e.append(mail_domains().pick(rng));
    return e;
}

std::string wechat(Rng& rng) {
    static constexpr std::string_view kAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string w;
    w.reserve(24);
    const uint64_t k = rng.below(10);
    if (k < 3) {  // default ID of older accounts
        w = "wxid_";
        for (int i = 0; i < 14; ++i) w.push_back(kAlnum[static_cast<std::size_t>(rng.below(kAlnum.size()))]);
    } else if (k < 7) {  // pinyin + digits: zhangwei1983, lw_888
        w.append(detail::random_syllable(rng));
        if (rng.chance(0.5)) w.append(detail::random_syllable(rng));
        if (rng.chance(0.3)) w.push_back(rng.chance(0.5) ? '_' : '-');
        detail::append_digits(w, rng, static_cast<int>(rng.between(2, 4)));
    } else {  // letters + mobile-like digits: a13812345678
        w.push_back(kAlnum[static_cast<std::size_t>(rng.below(26))]);
        if (rng.chance(0.5)) w.push_back(kAlnum[static_cast<std::size_t>(rng.below(26))]);
        w.append(mobile(rng));
    }
    while (w.size() < 6) w.push_back(kAlnum[26 + static_cast<std::size_t>(rng.below(10))]);
    if (w.size() > 20) w.resize(20);
    return w;
}

std::string source(Rng& rng) {
    static const detail::Weighted<std::string_view> t{
        {"referral", 25}, {"visit", 20}, {"exhibition", 12}, {"web", 10}, {"phone", 12},
        {"advertising", 6}, {"partner", 10}, {"other", 5},
    };
    return std::string(t.pick(rng));
}

std::string grade(Rng& rng) {
    const uint64_t r = rng.below(100);
    return r < 10 ? "A" : r < 40 ? "B" : "C";
}

std::string status(Rng& rng) {
    const uint64_t r = rng.below(100);
    return r < 70 ? "active" : r < 85 ? "prospect" : r < 95 ? "dormant" : "lost";
}

}  // namespace kehu::datagen
