// Company names, unified social credit codes and street addresses.
#include "tools/datagen/datagen.hpp"
#include "tools/datagen/detail.hpp"

#include <string_view>

namespace kehu::datagen {
namespace {

constexpr std::string_view kUsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100, 31 chars
constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};  // GB 11714

int uscc_value(char c) {
    const auto p = kUsccChars.find(c);
    return p == std::string_view::npos ? 0 : static_cast<int>(p);
}

// What a customer of a lubricant maker does: the words in its name, the short
// form and the industry. Weights favour transport, repair and machinery users.
struct Trade {
    std::string_view word;     // in the full name: 润滑油贸易
    std::string_view short_;   // in the short name and individual businesses: 润滑油
    std::string_view industry;
    std::string_view shop;     // whole tail after the brand for an individual business
};

const detail::Weighted<Trade>& trades() {
    static const detail::Weighted<Trade> t{
        {{"润滑油贸易", "润滑油", "wholesale", "润滑油经营部"}, 30},
        {{"润滑油销售", "润滑油", "wholesale", "润滑油商行"}, 15},
        {{"石油化工", "石化", "chemicals", "石化经营部"}, 8},
        {{"汽车维修", "汽修", "automotive", "汽车修理厂"}, 35},
        {{"汽车服务", "汽服", "automotive", "汽车服务中心"}, 15},
        {{"汽配", "汽配", "automotive", "汽配商行"}, 20},
        {{"汽车配件", "汽配", "automotive", "汽车配件经营部"}, 10},
        {{"汽车销售服务", "汽贸", "retail", "汽车经营部"}, 8},
        {{"物流", "物流", "logistics", "物流部"}, 30},
        {{"供应链管理", "供应链", "logistics", "货运代理部"}, 8},
        {{"运输", "运输", "transport", "运输队"}, 25},
        {{"货运", "货运", "transport", "货运部"}, 15},
        {{"客运", "客运", "transport", "客运服务部"}, 5},
        {{"船务", "船务", "transport", "船务代理部"}, 4},
        {{"港口", "港口", "logistics", "装卸服务部"}, 3},
        {{"机械设备", "机械", "manufacturing", "机械设备经营部"}, 25},
        {{"机械制造", "机械", "manufacturing", "机械厂"}, 15},
        {{"精密机械", "精机", "manufacturing", "机械加工厂"}, 8},
        {{"工程机械", "工程机械", "construction", "工程机械维修部"}, 15},
        {{"建设工程", "建设", "construction", "建筑工程队"}, 12},
        {{"路桥工程", "路桥", "construction", "路桥工程队"}, 6},
        {{"建材", "建材", "construction", "建材商行"}, 10},
        {{"化工", "化工", "chemicals", "化工经营部"}, 10},
        {{"农机", "农机", "agriculture", "农机维修站"}, 12},
        {{"农业发展", "农业", "agriculture", "农资经营部"}, 6},
        {{"矿业", "矿业", "mining", "采石场"}, 6},
        {{"电力", "电力", "energy", "机电设备经营部"}, 5},
        {{"新能源", "能源", "energy", "新能源经营部"}, 5},
        {{"石油", "石油", "energy", "加油站"}, 5},
        {{"五金", "五金", "retail", "五金商行"}, 10},
        {{"五金机电", "机电", "wholesale", "机电经营部"}, 8},
        {{"食品", "食品", "food", "食品厂"}, 6},
        {{"纺织", "纺织", "manufacturing", "纺织厂"}, 4},
        {{"塑胶", "塑胶", "manufacturing", "塑胶制品厂"}, 4},
        {{"钢铁", "钢铁", "manufacturing", "钢材经营部"}, 3},
        {{"水泥", "水泥", "manufacturing", "水泥制品厂"}, 3},
        {{"商贸", "商贸", "wholesale", "商行"}, 12},
        {{"贸易", "贸易", "wholesale", "贸易商行"}, 10},
        {{"物业管理", "物业", "services", "物业服务部"}, 3},
        {{"设备租赁", "租赁", "services", "设备租赁站"}, 4},
        {{"环保科技", "环保", "services", "环保服务部"}, 3},
        {{"科技", "科技", "other", "科技工作室"}, 5},
    };
    return t;
}

// Government bodies and public institutions that buy lubricants (vehicle fleets,
// machinery, power).
struct Agency {
    std::string_view name;
    std::string_view short_;
};
const std::vector<Agency>& agencies() {
    static const std::vector<Agency> t{
        {"公路管理局", "公路局"}, {"环境卫生管理处", "环卫处"}, {"公共交通集团有限公司", "公交集团"},
        {"水务局", "水务局"}, {"农业机械化服务中心", "农机中心"}, {"市政工程管理处", "市政处"},
        {"园林绿化管理局", "园林局"}, {"港务局", "港务局"}, {"消防救援支队", "消防支队"},
        {"交通运输局", "交通局"}, {"供电局", "供电局"}, {"水利局", "水利局"},
    };
    return t;
}

// Trade-name (字号) characters: two of them make 恒通, 顺达, 宏远, 鑫源 ...
const std::vector<std::string_view>& brand_first() {
    static const std::vector<std::string_view> t{
        "恒", "宏", "鑫", "华", "金", "永", "兴", "瑞", "盛", "通", "远", "嘉", "泰", "昌", "富",
        "德", "隆", "聚", "润", "安", "联", "源", "丰", "宝", "利", "顺", "信", "诚", "创", "振",
        "中", "天", "新", "大", "东", "凯", "佳", "万", "长", "博", "力", "广", "汇", "益", "合",
    };
    return t;
}
const std::vector<std::string_view>& brand_second() {
    static const std::vector<std::string_view> t{
        "通", "达", "远", "源", "盛", "泰", "丰", "隆", "发", "昌", "兴", "鑫", "华", "利", "诚",
        "信", "宇", "成", "业", "旺", "顺", "和", "安", "力", "恒", "辉", "胜", "邦", "捷", "运",
        "航", "祥", "瑞", "森", "宏", "耀", "驰", "威", "鼎", "腾",
    };
    return t;
}

// Road-name roots and forms for addresses.
const std::vector<std::string_view>& road_roots() {
    static const std::vector<std::string_view> t{
        "中山", "人民", "解放", "建设", "工业", "科技", "朝阳", "和平", "东风", "长江", "黄河",
        "延安", "新华", "胜利", "文化", "青年", "光明", "振兴", "友谊", "发展", "创业", "兴业",
        "环城", "滨江", "迎宾", "金山", "城南", "城北", "站前", "机场", "港湾", "高新", "开发",
        "学府", "育才", "北京", "南京", "上海", "广州", "深圳", "沿江", "花园", "建国", "复兴",
    };
    return t;
}
const detail::Weighted<std::string_view>& road_kinds() {
    static const detail::Weighted<std::string_view> t{
        {"路", 50}, {"大道", 18}, {"街", 14}, {"大街", 8}, {"东路", 5}, {"西路", 5}, {"南路", 5},
        {"北路", 5}, {"中路", 4}, {"大道西", 2}, {"大道东", 2}, {"一路", 3}, {"二路", 3}, {"三路", 2},
    };
    return t;
}
const std::vector<std::string_view>& park_kinds() {
    static const std::vector<std::string_view> t{"工业园", "物流园", "汽配城", "科技园", "产业园", "五金城"};
    return t;
}

// Place prefix of a company name: 广州市 / 广州 / 广东 (province, for some larger ones).
std::string_view strip_suffix(std::string_view name) {
    for (std::string_view suf : {std::string_view("特别行政区"), std::string_view("壮族自治区"),
                                 std::string_view("回族自治区"), std::string_view("维吾尔自治区"),
                                 std::string_view("自治区"), std::string_view("省"), std::string_view("市")}) {
        if (name.size() > suf.size() && name.substr(name.size() - suf.size()) == suf)
            return name.substr(0, name.size() - suf.size());
    }
    return name;
}

void append_number(std::string& out, uint64_t n) {
    char buf[24];
    int i = 0;
    do {
        buf[i++] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n != 0);
    while (i > 0) out.push_back(buf[--i]);
}

std::string address(Rng& rng, const Region& r, bool allow_park) {
    std::string a;
    a.reserve(64);
    a.append(r.district);
    if (allow_park && rng.chance(0.18)) {  // 某某工业园B区12栋 / 汽配城3栋105
        a.append(rng.pick(road_roots()));
        a.append(rng.pick(park_kinds()));
        if (rng.chance(0.5)) {
            a.push_back(static_cast<char>('A' + rng.below(6)));
            a.append("区");
        }
        append_number(a, 1 + rng.below(30));
        a.append("栋");
        if (rng.chance(0.5)) append_number(a, (1 + rng.below(3)) * 100 + 1 + rng.below(20));
        return a;
    }
    a.append(rng.pick(road_roots()));
    a.append(road_kinds().pick(rng));
    append_number(a, 1 + rng.below(rng.chance(0.7) ? 200 : 1500));
    a.append("号");
    const uint64_t k = rng.below(10);
    if (k < 3) {  // 2栋301
        append_number(a, 1 + rng.below(12));
        a.append("栋");
        append_number(a, (1 + rng.below(20)) * 100 + 1 + rng.below(12));
    } else if (k < 5) {  // 1201室
        append_number(a, (1 + rng.below(30)) * 100 + 1 + rng.below(15));
        a.append("室");
    } else if (k < 6) {
        a.append("首层");
    }
    return a;
}

}  // namespace

namespace {

// modern: organisation codes of enterprises registered since 2015 mostly begin
// with "MA"; government bodies and institutions keep their old numeric ones.
std::string make_credit_code(Rng& rng, std::string_view region6, std::string_view prefix2, bool modern) {
    std::string c;
    c.reserve(18);
    c.append(prefix2.substr(0, 2));
    c.append(region6.substr(0, 6));
    // Organisation code (GB 11714 form, over the GB 32100 character set): since
    // 2015 most new codes begin with "MA".
    const std::size_t org = c.size();
    if (modern && rng.chance(0.6)) {
        c.append("MA");
        for (int i = 0; i < 6; ++i) c.push_back(kUsccChars[static_cast<std::size_t>(rng.below(31))]);
    } else {
        for (int i = 0; i < 8; ++i) c.push_back(static_cast<char>('0' + rng.below(10)));
    }
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const char ch = c[org + static_cast<std::size_t>(i)];
        const int v = ch <= '9' ? ch - '0' : ch - 'A' + 10;
        sum += v * kOrgWeights[i];
    }
    const int oc = 11 - sum % 11;
    c.push_back(oc == 10 ? 'X' : oc == 11 ? '0' : static_cast<char>('0' + oc));
    // GB 32100 check character.
    sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += uscc_value(c[i]) * kUsccWeights[i];
    c.push_back(kUsccChars[static_cast<std::size_t>((31 - sum % 31) % 31)]);
    return c;
}

}  // namespace

std::string credit_code(Rng& rng, std::string_view region6, std::string_view prefix2) {
    return make_credit_code(rng, region6, prefix2, true);
}

Company company(Rng& rng, const Region& r) {
    Company co;
    const bool overseas = r.province_code == "810000" || r.province_code == "820000" || r.province_code == "710000";
    const bool municipality = r.province_code == "110000" || r.province_code == "120000" ||
                              r.province_code == "310000" || r.province_code == "500000";
    std::string_view city = r.city;
    if (overseas) city = strip_suffix(r.province);  // 香港 / 澳门 / 台湾
    const std::string_view city_short = strip_suffix(city);

    const uint64_t size_roll = rng.below(100);
    co.size = size_roll < 10 ? "large" : size_roll < 40 ? "medium" : "small";

    std::string brand;
    brand.append(rng.pick(brand_first()));
    std::string_view second = rng.pick(brand_second());
    if (brand == second) second = "达";
    brand.append(second);

    std::string prefix2 = "91";
    co.name.reserve(64);
    if (!overseas && rng.chance(0.025)) {  // government body / public institution
        const Agency& a = rng.pick(agencies());
        co.name.append(city);
        co.name.append(a.name);
        co.short_name.append(city_short);
        co.short_name.append(a.short_);
        co.industry = "government";
        // 11: organ of state (局, 支队); 12: public institution (处, 中心); 91: company
        prefix2 = a.name.find("公司") != std::string_view::npos ? "91"
                : a.name.find("局") != std::string_view::npos || a.name.find("支队") != std::string_view::npos ? "11"
                                                                                                     : "12";
        if (co.size == "small") co.size = "medium";
    } else {
        const Trade& t = trades().pick(rng);
        co.industry.assign(t.industry);
        const bool individual = !overseas && co.size == "small" && rng.chance(0.35);
        if (individual) {  // 个体工商户: 天河区鑫源五金商行, 顺达汽修厂
            if (!r.district.empty() && rng.chance(0.5)) {
                co.name.append(r.district);
            } else if (rng.chance(0.4)) {
                co.name.append(city);
            }
            co.name.append(brand);
            co.name.append(t.shop);
            co.short_name.append(brand);
            co.short_name.append(t.short_);
            prefix2 = "92";
        } else {
            // {place}{brand}{trade}{legal form}; HK/MO/TW companies drop the place
            // more often and are plain 有限公司.
            const uint64_t place = rng.below(100);
            bool place_in_brackets = false;
            if (overseas) {
                if (place < 40) co.name.append(city);
            } else if (place < 55) {
                co.name.append(city);  // 广州市恒通...
            } else if (place < 85) {
                co.name.append(municipality ? strip_suffix(r.province) : city_short);  // 成都宏远...
            } else if (place < 92 && co.size != "small") {
                co.name.append(strip_suffix(r.province));  // 广东恒通...
            } else if (place < 96) {
                place_in_brackets = true;  // 恒通润滑油贸易（广州）有限公司
            }  // else no place at all: 恒通润滑油贸易有限公司
            co.name.append(brand);
            co.name.append(t.word);
            if (place_in_brackets) {
                co.name.append("（");
                co.name.append(municipality ? strip_suffix(r.province) : city_short);
                co.name.append("）");
            }
            const uint64_t form = rng.below(100);
            if (overseas) {
                co.name.append(r.province_code == "710000" && form < 50 ? "股份有限公司" : "有限公司");
            } else if (co.size == "large") {
                co.name.append(form < 30 ? "集团有限公司" : form < 60 ? "股份有限公司" : "有限公司");
            } else if (co.size == "medium") {
                co.name.append(form < 70 ? "有限公司" : form < 92 ? "有限责任公司" : "股份有限公司");
            } else {
                co.name.append(form < 78 ? "有限公司" : "有限责任公司");
            }
            co.short_name.append(brand);
            if (rng.chance(0.5)) co.short_name.append(t.short_);
        }
    }

    if (!overseas) {
        const bool gov = co.industry == "government";
        co.credit_code = make_credit_code(rng, gov ? r.city_code : region_code(r), prefix2, !gov || prefix2 == "91");
    }
    co.address = address(rng, r, co.industry != "government");
    return co;
}

}  // namespace kehu::datagen
