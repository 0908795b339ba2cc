// Regions (GB/T 2260 codes) weighted by population, and landline numbers.
#include "tools/datagen/datagen.hpp"
#include "tools/datagen/detail.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace kehu::datagen {
namespace {

// One line per province ("P code name weight") followed by its cities
// ("C code name area_code local_digits weight district_code:name ...").
// Province weight: population in millions (HK, MO, TW kept small: few customers
// of a mainland maker are there). City weight: relative within the province.
// Codes checked against server/migrations/sqlite/0002_regions.sql (the
// Hong Kong / Macau / Taiwan sub-codes are kehu-local, as there).
constexpr std::string_view kTable = R"(
P 110000 北京市 22
C 110100 北京市 010 8 1 110105:朝阳区 110108:海淀区 110106:丰台区 110115:大兴区 110112:通州区 110113:顺义区
P 120000 天津市 14
C 120100 天津市 022 8 1 120116:滨海新区 120103:河西区 120104:南开区 120113:北辰区 120114:武清区
P 130000 河北省 75
C 130100 石家庄市 0311 8 35 130102:长安区 130104:桥西区 130108:裕华区 130123:正定县
C 130200 唐山市 0315 7 25 130202:路南区 130203:路北区 130209:曹妃甸区 130281:遵化市
C 130600 保定市 0312 7 25 130602:竞秀区 130606:莲池区 130609:徐水区 130638:雄县
C 130900 沧州市 0317 7 15 130902:新华区 130903:运河区 130982:任丘市 130983:黄骅市
P 140000 山西省 35
C 140100 太原市 0351 7 50 140105:小店区 140106:迎泽区 140109:万柏林区
C 140200 大同市 0352 7 25 140213:平城区 140214:云冈区
C 140400 长治市 0355 7 25 140403:潞州区 140404:上党区 140406:潞城区
P 150000 内蒙古自治区 24
C 150100 呼和浩特市 0471 7 40 150102:新城区 150105:赛罕区 150104:玉泉区
C 150200 包头市 0472 7 35 150203:昆都仑区 150202:东河区 150207:九原区
C 150600 鄂尔多斯市 0477 7 25 150602:东胜区 150603:康巴什区 150627:伊金霍洛旗 150622:准格尔旗
P 210000 辽宁省 43
C 210100 沈阳市 024 8 45 210106:铁西区 210103:沈河区 210112:浑南区 210114:于洪区
C 210200 大连市 0411 8 40 210211:甘井子区 210204:沙河口区 210213:金州区 210202:中山区
C 210300 鞍山市 0412 7 15 210302:铁东区 210303:铁西区 210381:海城市
P 220000 吉林省 24
C 220100 长春市 0431 8 65 220102:南关区 220104:朝阳区 220106:绿园区 220103:宽城区
C 220200 吉林市 0432 7 35 220202:昌邑区 220204:船营区 220211:丰满区
P 230000 黑龙江省 32
C 230100 哈尔滨市 0451 8 55 230103:南岗区 230102:道里区 230109:松北区 230110:香坊区
C 230600 大庆市 0459 7 25 230602:萨尔图区 230604:让胡路区 230603:龙凤区
C 230200 齐齐哈尔市 0452 7 20 230202:龙沙区 230203:建华区 230206:富拉尔基区
P 310000 上海市 25
C 310100 上海市 021 8 1 310115:浦东新区 310112:闵行区 310114:嘉定区 310117:松江区 310113:宝山区 310104:徐汇区
P 320000 江苏省 85
C 320100 南京市 025 8 25 320115:江宁区 320106:鼓楼区 320113:栖霞区 320111:浦口区
C 320500 苏州市 0512 8 30 320508:姑苏区 320506:吴中区 320505:虎丘区 320583:昆山市 320582:张家港市
C 320200 无锡市 0510 8 18 320213:梁溪区 320214:新吴区 320281:江阴市 320282:宜兴市
C 320400 常州市 0519 8 12 320411:新北区 320412:武进区 320402:天宁区
C 320300 徐州市 0516 8 15 320311:泉山区 320303:云龙区 320312:铜山区 320382:邳州市
P 330000 浙江省 65
C 330100 杭州市 0571 8 35 330106:西湖区 330108:滨江区 330109:萧山区 330110:余杭区
C 330200 宁波市 0574 8 25 330212:鄞州区 330206:北仑区 330203:海曙区 330282:慈溪市
C 330300 温州市 0577 8 15 330302:鹿城区 330304:瓯海区 330381:瑞安市 330382:乐清市
C 331000 台州市 0576 8 10 331002:椒江区 331003:黄岩区 331004:路桥区 331081:温岭市
C 330700 金华市 0579 8 15 330702:婺城区 330782:义乌市 330784:永康市 330783:东阳市
P 340000 安徽省 61
C 340100 合肥市 0551 8 50 340104:蜀山区 340111:包河区 340102:瑶海区 340122:肥东县
C 340200 芜湖市 0553 7 25 340202:镜湖区 340207:鸠江区 340209:弋江区
C 341200 阜阳市 0558 7 25 341202:颍州区 341204:颍泉区 341222:太和县 341282:界首市
P 350000 福建省 42
C 350100 福州市 0591 8 35 350102:鼓楼区 350104:仓山区 350111:晋安区 350181:福清市
C 350200 厦门市 0592 7 30 350203:思明区 350206:湖里区 350211:集美区 350205:海沧区
C 350500 泉州市 0595 8 35 350503:丰泽区 350502:鲤城区 350582:晋江市 350581:石狮市 350583:南安市
P 360000 江西省 45
C 360100 南昌市 0791 8 50 360111:青山湖区 360102:东湖区 360112:新建区 360121:南昌县
C 360700 赣州市 0797 7 30 360702:章贡区 360703:南康区 360704:赣县区
C 360400 九江市 0792 7 20 360403:浔阳区 360402:濂溪区 360404:柴桑区
P 370000 山东省 101
C 370100 济南市 0531 8 25 370102:历下区 370112:历城区 370105:天桥区 370114:章丘区
C 370200 青岛市 0532 8 25 370211:黄岛区 370214:城阳区 370213:李沧区 370281:胶州市
C 370700 潍坊市 0536 7 18 370705:奎文区 370702:潍城区 370783:寿光市 370781:青州市
C 371300 临沂市 0539 7 17 371302:兰山区 371311:罗庄区 371312:河东区
C 370600 烟台市 0535 7 15 370602:芝罘区 370613:莱山区 370611:福山区 370681:龙口市
P 410000 河南省 99
C 410100 郑州市 0371 8 40 410105:金水区 410102:中原区 410104:管城回族区 410103:二七区 410184:新郑市
C 410300 洛阳市 0379 8 20 410305:涧西区 410311:洛龙区 410303:西工区
C 411300 南阳市 0377 7 20 411302:宛城区 411303:卧龙区 411381:邓州市
C 410700 新乡市 0373 7 20 410702:红旗区 410711:牧野区 410782:辉县市 410783:长垣市
P 420000 湖北省 58
C 420100 武汉市 027 8 60 420106:武昌区 420111:洪山区 420103:江汉区 420102:江岸区 420105:汉阳区 420112:东西湖区
C 420500 宜昌市 0717 7 20 420502:西陵区 420503:伍家岗区 420506:夷陵区
C 420600 襄阳市 0710 7 20 420606:樊城区 420602:襄城区 420607:襄州区
P 430000 湖南省 66
C 430100 长沙市 0731 8 55 430104:岳麓区 430102:芙蓉区 430103:天心区 430111:雨花区 430121:长沙县
C 430200 株洲市 0731 8 20 430211:天元区 430202:荷塘区 430203:芦淞区
C 430400 衡阳市 0734 7 25 430408:蒸湘区 430407:石鼓区 430405:珠晖区
P 440000 广东省 126
C 440100 广州市 020 8 28 440106:天河区 440111:白云区 440113:番禺区 440104:越秀区 440105:海珠区 440112:黄埔区
C 440300 深圳市 0755 8 25 440305:南山区 440306:宝安区 440307:龙岗区 440304:福田区 440309:龙华区
C 440600 佛山市 0757 8 15 440605:南海区 440606:顺德区 440604:禅城区 440607:三水区
C 441900 东莞市 0769 8 13
C 442000 中山市 0760 8 6
C 441300 惠州市 0752 8 8 441302:惠城区 441303:惠阳区 441322:博罗县
C 440400 珠海市 0756 8 5 440402:香洲区 440404:金湾区 440403:斗门区
P 450000 广西壮族自治区 50
C 450100 南宁市 0771 8 45 450103:青秀区 450107:西乡塘区 450105:江南区 450108:良庆区
C 450200 柳州市 0772 7 30 450204:柳南区 450205:柳北区 450203:鱼峰区
C 450300 桂林市 0773 7 25 450305:七星区 450302:秀峰区 450312:临桂区
P 460000 海南省 10
C 460100 海口市 0898 8 70 460108:美兰区 460106:龙华区 460105:秀英区
C 460200 三亚市 0898 8 30 460203:吉阳区 460204:天涯区 460202:海棠区
P 500000 重庆市 32
C 500100 重庆市 023 8 1 500112:渝北区 500107:九龙坡区 500105:江北区 500106:沙坪坝区 500103:渝中区 500101:万州区 500113:巴南区
P 510000 四川省 84
C 510100 成都市 028 8 60 510107:武侯区 510104:锦江区 510106:金牛区 510108:成华区 510116:双流区 510112:龙泉驿区
C 510700 绵阳市 0816 7 20 510703:涪城区 510704:游仙区 510781:江油市
C 511500 宜宾市 0831 7 20 511502:翠屏区 511503:南溪区 511504:叙州区
P 520000 贵州省 39
C 520100 贵阳市 0851 8 60 520102:南明区 520103:云岩区 520115:观山湖区 520111:花溪区
C 520300 遵义市 0851 8 40 520302:红花岗区 520303:汇川区 520382:仁怀市
P 530000 云南省 47
C 530100 昆明市 0871 8 65 530111:官渡区 530102:五华区 530103:盘龙区 530112:西山区
C 530300 曲靖市 0874 7 35 530302:麒麟区 530303:沾益区 530381:宣威市
P 540000 西藏自治区 4
C 540100 拉萨市 0891 7 1 540102:城关区 540103:堆龙德庆区
P 610000 陕西省 40
C 610100 西安市 029 8 60 610113:雁塔区 610112:未央区 610103:碑林区 610116:长安区 610104:莲湖区
C 610300 宝鸡市 0917 7 20 610302:渭滨区 610303:金台区 610304:陈仓区
C 610800 榆林市 0912 7 20 610802:榆阳区 610881:神木市 610822:府谷县
P 620000 甘肃省 25
C 620100 兰州市 0931 8 70 620102:城关区 620103:七里河区 620104:西固区 620105:安宁区
C 620500 天水市 0938 7 30 620502:秦州区 620503:麦积区
P 630000 青海省 6
C 630100 西宁市 0971 7 1 630102:城东区 630103:城中区 630104:城西区 630105:城北区
P 640000 宁夏回族自治区 7
C 640100 银川市 0951 7 1 640104:兴庆区 640106:金凤区 640105:西夏区
P 650000 新疆维吾尔自治区 26
C 650100 乌鲁木齐市 0991 7 70 650102:天山区 650103:沙依巴克区 650104:新市区 650105:水磨沟区
C 650200 克拉玛依市 0990 7 30 650203:克拉玛依区 650202:独山子区
P 810000 香港特别行政区 3
C 810100 香港岛 +852 8 35 810101:中西区 810102:湾仔区 810103:东区
C 810200 九龙 +852 8 35 810205:观塘区 810201:油尖旺区 810202:深水埗区
C 810300 新界 +852 8 30 810302:荃湾区 810307:沙田区 810301:葵青区 810304:元朗区
P 820000 澳门特别行政区 1
C 820100 澳门半岛 +853 8 70 820101:花地玛堂区 820103:大堂区 820105:风顺堂区
C 820200 澳门离岛 +853 8 30 820201:嘉模堂区 820202:路氹城
P 710000 台湾省 3
C 710100 台北市 02 8 30 710105:大安区 710107:信义区 710110:内湖区 710103:中山区
C 710200 新北市 02 8 20 710201:板桥区 710205:新庄区 710203:中和区
C 710400 台中市 04 8 25 710406:西屯区 710408:北屯区 710407:南屯区
C 710600 高雄市 07 7 25 710609:前镇区 710605:三民区 710603:左营区
)";

struct District {
    std::string_view code, name;
};
struct City {
    std::string_view code, name, area;
    int digits;
    std::vector<District> districts;
};
struct Province {
    std::string_view code, name;
    detail::Weighted<std::size_t> cities;  // indexes into Table::cities
};
struct Table {
    std::vector<City> cities;
    std::vector<Province> provinces;
    detail::Weighted<std::size_t> pick_province;
};

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    while (!line.empty()) {
        const auto p = line.find(sep);
        if (p != 0) out.push_back(line.substr(0, p));
        if (p == std::string_view::npos) break;
        line.remove_prefix(p + 1);
    }
    return out;
}

uint32_t to_u32(std::string_view s) {
    uint32_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') throw std::logic_error("datagen region table: bad number");
        v = v * 10 + static_cast<uint32_t>(c - '0');
    }
    return v;
}

Table build() {
    Table t;
    for (std::string_view line : split(kTable, '\n')) {
        const auto f = split(line, ' ');
        if (f.empty()) continue;
        if (f[0] == "P" && f.size() == 4) {
            t.pick_province.add(t.provinces.size(), to_u32(f[3]));
            t.provinces.push_back(Province{f[1], f[2], {}});
        } else if (f[0] == "C" && f.size() >= 6 && !t.provinces.empty()) {
            City c{f[1], f[2], f[3], static_cast<int>(to_u32(f[4])), {}};
            for (std::size_t i = 6; i < f.size(); ++i) {
                const auto colon = f[i].find(':');
                if (colon == std::string_view::npos) throw std::logic_error("datagen region table: bad district");
                c.districts.push_back(District{f[i].substr(0, colon), f[i].substr(colon + 1)});
            }
            t.provinces.back().cities.add(t.cities.size(), to_u32(f[5]));
            t.cities.push_back(std::move(c));
        } else {
            throw std::logic_error("datagen region table: bad line");
        }
    }
    return t;
}

const Table& table() {
    static const Table t = build();
    return t;
}

const City* find_city(std::string_view code) {
    for (const auto& c : table().cities)
        if (c.code == code) return &c;
    return nullptr;
}

}  // namespace

Region region(Rng& rng) {
    const Table& t = table();
    const Province& p = t.provinces[t.pick_province.pick(rng)];
    const City& c = t.cities[p.cities.pick(rng)];
    Region r;
    r.province_code.assign(p.code);
    r.province.assign(p.name);
    r.city_code.assign(c.code);
    r.city.assign(c.name);
    if (!c.districts.empty()) {
        // The first districts listed are the busier ones: favour them.
        const std::size_t n = c.districts.size();
        std::size_t i = static_cast<std::size_t>(rng.below(n));
        if (rng.chance(0.4)) i = static_cast<std::size_t>(rng.below((n + 1) / 2));
        r.district_code.assign(c.districts[i].code);
        r.district.assign(c.districts[i].name);
    }
    return r;
}

std::string landline(Rng& rng, const Region& r) {
    const City* c = find_city(r.city_code);
    std::string out;
    out.reserve(20);
    if (c != nullptr && c->area == "+852") {  // Hong Kong: 2xxx / 3xxx
        out = "+852 ";
        out.push_back(static_cast<char>('2' + rng.below(2)));
        detail::append_digits(out, rng, 3);
        out.push_back(' ');
        detail::append_digits(out, rng, 4);
        return out;
    }
    if (c != nullptr && c->area == "+853") {  // Macau: 28xx
        out = "+853 28";
        detail::append_digits(out, rng, 2);
        out.push_back(' ');
        detail::append_digits(out, rng, 4);
        return out;
    }
    if (c != nullptr && r.province_code == "710000") {  // Taiwan: 02-2345-6789
        out.assign(c->area);
        out.push_back('-');
        out.push_back(static_cast<char>('2' + rng.below(7)));
        detail::append_digits(out, rng, c->digits - 5);
        out.push_back('-');
        detail::append_digits(out, rng, 4);
        return out;
    }
    int digits = 8;
    if (c != nullptr) {
        out.assign(c->area);
        digits = c->digits;
    } else {  // unknown city: a plausible 4-digit area code
        out = "0";
        out.push_back(static_cast<char>('3' + rng.below(7)));
        detail::append_digits(out, rng, 2);
    }
    out.push_back('-');
    out.push_back(static_cast<char>('2' + rng.below(7)));  // local numbers start with 2-8
    detail::append_digits(out, rng, digits - 1);
    return out;
}

}  // namespace kehu::datagen
