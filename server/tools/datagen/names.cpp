// Person names: surnames weighted by real frequency, era-typical given names.
#include "tools/datagen/datagen.hpp"
#include "tools/datagen/detail.hpp"

#include <set>
#include <string_view>

namespace kehu::datagen {
namespace {

struct Hanzi {
    std::string_view zh;
    std::string_view py;
};

// Weights are roughly per 10,000 people (Ministry of Public Security figures for
// the top 100; the tail is approximate).
const detail::Weighted<Hanzi>& surnames() {
    static const detail::Weighted<Hanzi> table{
        {{"王", "wang"}, 725}, {{"李", "li"}, 719}, {{"张", "zhang"}, 683}, {{"刘", "liu"}, 538},
        {{"陈", "chen"}, 453}, {{"杨", "yang"}, 308}, {{"黄", "huang"}, 223}, {{"赵", "zhao"}, 218},
        {{"吴", "wu"}, 205}, {{"周", "zhou"}, 190}, {{"徐", "xu"}, 145}, {{"孙", "sun"}, 138},
        {{"马", "ma"}, 129}, {{"朱", "zhu"}, 128}, {{"胡", "hu"}, 116}, {{"郭", "guo"}, 113},
        {{"何", "he"}, 106}, {{"林", "lin"}, 103}, {{"高", "gao"}, 100}, {{"罗", "luo"}, 95},
        {{"郑", "zheng"}, 89}, {{"梁", "liang"}, 86}, {{"谢", "xie"}, 76}, {{"宋", "song"}, 70},
        {{"唐", "tang"}, 68}, {{"许", "xu"}, 66}, {{"韩", "han"}, 64}, {{"冯", "feng"}, 63},
        {{"邓", "deng"}, 62}, {{"曹", "cao"}, 59}, {{"彭", "peng"}, 58}, {{"曾", "zeng"}, 56},
        {{"肖", "xiao"}, 55}, {{"田", "tian"}, 52}, {{"董", "dong"}, 51}, {{"袁", "yuan"}, 50},
        {{"潘", "pan"}, 49}, {{"于", "yu"}, 48}, {{"蒋", "jiang"}, 47}, {{"蔡", "cai"}, 46},
        {{"余", "yu"}, 45}, {{"杜", "du"}, 44}, {{"叶", "ye"}, 43}, {{"程", "cheng"}, 42},
        {{"苏", "su"}, 41}, {{"魏", "wei"}, 40}, {{"吕", "lv"}, 39}, {{"丁", "ding"}, 38},
        {{"任", "ren"}, 37}, {{"沈", "shen"}, 36}, {{"姚", "yao"}, 35}, {{"卢", "lu"}, 35},
        {{"姜", "jiang"}, 34}, {{"崔", "cui"}, 33}, {{"钟", "zhong"}, 33}, {{"谭", "tan"}, 32},
        {{"陆", "lu"}, 31}, {{"汪", "wang"}, 30}, {{"范", "fan"}, 30}, {{"金", "jin"}, 29},
        {{"石", "shi"}, 29}, {{"廖", "liao"}, 28}, {{"贾", "jia"}, 28}, {{"夏", "xia"}, 27},
        {{"韦", "wei"}, 27}, {{"付", "fu"}, 26}, {{"方", "fang"}, 26}, {{"白", "bai"}, 25},
        {{"邹", "zou"}, 25}, {{"孟", "meng"}, 24}, {{"熊", "xiong"}, 24}, {{"秦", "qin"}, 23},
        {{"邱", "qiu"}, 23}, {{"江", "jiang"}, 22}, {{"尹", "yin"}, 22}, {{"薛", "xue"}, 21},
        {{"闫", "yan"}, 21}, {{"段", "duan"}, 20}, {{"雷", "lei"}, 20}, {{"侯", "hou"}, 19},
        {{"龙", "long"}, 19}, {{"史", "shi"}, 18}, {{"陶", "tao"}, 18}, {{"黎", "li"}, 17},
        {{"贺", "he"}, 17}, {{"顾", "gu"}, 16}, {{"毛", "mao"}, 16}, {{"郝", "hao"}, 16},
        {{"龚", "gong"}, 15}, {{"邵", "shao"}, 15}, {{"万", "wan"}, 15}, {{"钱", "qian"}, 14},
        {{"严", "yan"}, 14}, {{"覃", "qin"}, 14}, {{"武", "wu"}, 13}, {{"戴", "dai"}, 13},
        {{"莫", "mo"}, 13}, {{"孔", "kong"}, 12}, {{"向", "xiang"}, 12}, {{"汤", "tang"}, 12},
        {{"常", "chang"}, 11}, {{"温", "wen"}, 11}, {{"康", "kang"}, 11}, {{"施", "shi"}, 10},
        {{"文", "wen"}, 10}, {{"牛", "niu"}, 10}, {{"樊", "fan"}, 10}, {{"葛", "ge"}, 10},
        {{"邢", "xing"}, 9}, {{"安", "an"}, 9}, {{"齐", "qi"}, 9}, {{"易", "yi"}, 9},
        {{"乔", "qiao"}, 9}, {{"伍", "wu"}, 9}, {{"庞", "pang"}, 9}, {{"颜", "yan"}, 8},
        {{"倪", "ni"}, 8}, {{"庄", "zhuang"}, 8}, {{"聂", "nie"}, 8}, {{"章", "zhang"}, 8},
        {{"鲁", "lu"}, 7}, {{"岳", "yue"}, 7}, {{"翟", "zhai"}, 7}, {{"殷", "yin"}, 7},
        {{"詹", "zhan"}, 7}, {{"申", "shen"}, 7}, {{"欧", "ou"}, 6}, {{"耿", "geng"}, 6},
        {{"关", "guan"}, 6}, {{"兰", "lan"}, 6}, {{"焦", "jiao"}, 6}, {{"俞", "yu"}, 6},
        {{"左", "zuo"}, 6}, {{"柳", "liu"}, 6}, {{"甘", "gan"}, 6}, {{"祝", "zhu"}, 5},
        {{"包", "bao"}, 5}, {{"宁", "ning"}, 5}, {{"尚", "shang"}, 5}, {{"符", "fu"}, 5},
        {{"舒", "shu"}, 5}, {{"阮", "ruan"}, 5}, {{"柯", "ke"}, 5}, {{"纪", "ji"}, 5},
        {{"梅", "mei"}, 5}, {{"童", "tong"}, 5}, {{"凌", "ling"}, 5}, {{"毕", "bi"}, 5},
        {{"单", "shan"}, 4}, {{"季", "ji"}, 4}, {{"裴", "pei"}, 4}, {{"霍", "huo"}, 4},
        {{"涂", "tu"}, 4}, {{"成", "cheng"}, 4}, {{"苗", "miao"}, 4}, {{"谷", "gu"}, 4},
        {{"盛", "sheng"}, 4}, {{"曲", "qu"}, 4}, {{"翁", "weng"}, 4}, {{"冉", "ran"}, 4},
        {{"骆", "luo"}, 4}, {{"蓝", "lan"}, 4}, {{"路", "lu"}, 4}, {{"游", "you"}, 4},
        {{"辛", "xin"}, 4}, {{"靳", "jin"}, 4}, {{"管", "guan"}, 4}, {{"柴", "chai"}, 4},
        {{"蒙", "meng"}, 4}, {{"鲍", "bao"}, 4}, {{"华", "hua"}, 4}, {{"喻", "yu"}, 4},
        {{"祁", "qi"}, 4}, {{"蒲", "pu"}, 3}, {{"房", "fang"}, 3}, {{"滕", "teng"}, 3},
        {{"屈", "qu"}, 3}, {{"饶", "rao"}, 3}, {{"解", "xie"}, 3}, {{"牟", "mou"}, 3},
        {{"艾", "ai"}, 3}, {{"尤", "you"}, 3}, {{"时", "shi"}, 3}, {{"穆", "mu"}, 3},
        {{"卓", "zhuo"}, 3}, {{"古", "gu"}, 3}, {{"车", "che"}, 3}, {{"项", "xiang"}, 3},
        {{"连", "lian"}, 3}, {{"麦", "mai"}, 3}, {{"岑", "cen"}, 3}, {{"仇", "qiu"}, 2},
        {{"区", "ou"}, 2}, {{"冼", "xian"}, 2}, {{"朴", "piao"}, 2}, {{"谌", "chen"}, 2},
        // compound surnames: rare
        {{"欧阳", "ouyang"}, 3}, {{"司徒", "situ"}, 1}, {{"司马", "sima"}, 1},
        {{"上官", "shangguan"}, 1}, {{"诸葛", "zhuge"}, 1}, {{"皇甫", "huangfu"}, 1},
        {{"东方", "dongfang"}, 1}, {{"令狐", "linghu"}, 1}, {{"慕容", "murong"}, 1},
    };
    return table;
}

// One-character given names, by gender.
const detail::Weighted<Hanzi>& male_single() {
    static const detail::Weighted<Hanzi> t{
        {{"伟", "wei"}, 60}, {{"强", "qiang"}, 30}, {{"磊", "lei"}, 30}, {{"军", "jun"}, 30},
        {{"勇", "yong"}, 25}, {{"杰", "jie"}, 25}, {{"涛", "tao"}, 25}, {{"斌", "bin"}, 20},
        {{"超", "chao"}, 20}, {{"明", "ming"}, 20}, {{"刚", "gang"}, 20}, {{"辉", "hui"}, 20},
        {{"平", "ping"}, 15}, {{"鹏", "peng"}, 15}, {{"华", "hua"}, 15}, {{"飞", "fei"}, 15},
        {{"波", "bo"}, 15}, {{"鑫", "xin"}, 12}, {{"宇", "yu"}, 12}, {{"浩", "hao"}, 12},
        {{"凯", "kai"}, 12}, {{"健", "jian"}, 12}, {{"亮", "liang"}, 12}, {{"峰", "feng"}, 12},
        {{"俊", "jun"}, 10}, {{"龙", "long"}, 10}, {{"东", "dong"}, 10}, {{"帆", "fan"}, 8},
        {{"帅", "shuai"}, 8}, {{"旭", "xu"}, 8}, {{"宁", "ning"}, 8}, {{"林", "lin"}, 8},
        {{"毅", "yi"}, 8}, {{"锋", "feng"}, 8}, {{"昊", "hao"}, 6}, {{"晨", "chen"}, 6},
        {{"博", "bo"}, 6}, {{"坤", "kun"}, 6}, {{"彬", "bin"}, 6}, {{"政", "zheng"}, 5},
        {{"斐", "fei"}, 2}, {{"骏", "jun"}, 3}, {{"雄", "xiong"}, 4}, {{"兵", "bing"}, 10},
    };
    return t;
}
const detail::Weighted<Hanzi>& female_single() {
    static const detail::Weighted<Hanzi> t{
        {{"芳", "fang"}, 50}, {{"娜", "na"}, 40}, {{"静", "jing"}, 40}, {{"敏", "min"}, 35},
        {{"丽", "li"}, 30}, {{"艳", "yan"}, 30}, {{"娟", "juan"}, 25}, {{"燕", "yan"}, 25},
        {{"霞", "xia"}, 20}, {{"玲", "ling"}, 20}, {{"婷", "ting"}, 20}, {{"雪", "xue"}, 15},
        {{"慧", "hui"}, 15}, {{"莉", "li"}, 15}, {{"萍", "ping"}, 15}, {{"红", "hong"}, 15},
        {{"琳", "lin"}, 12}, {{"颖", "ying"}, 12}, {{"倩", "qian"}, 12}, {{"洁", "jie"}, 12},
        {{"丹", "dan"}, 12}, {{"梅", "mei"}, 12}, {{"晶", "jing"}, 10}, {{"欣", "xin"}, 10},
        {{"琴", "qin"}, 10}, {{"英", "ying"}, 10}, {{"佳", "jia"}, 8}, {{"玉", "yu"}, 8},
        {{"蕾", "lei"}, 8}, {{"薇", "wei"}, 8}, {{"云", "yun"}, 8}, {{"兰", "lan"}, 8},
        {{"璐", "lu"}, 6}, {{"瑶", "yao"}, 6}, {{"月", "yue"}, 6}, {{"妍", "yan"}, 5},
    };
    return t;
}

// Popular two-character given names (the ones that make 王秀英, 张建华 common).
const detail::Weighted<Hanzi>& male_double() {
    static const detail::Weighted<Hanzi> t{
        {{"建华", "jianhua"}, 15}, {{"建国", "jianguo"}, 15}, {{"建军", "jianjun"}, 15},
        {{"志强", "zhiqiang"}, 15}, {{"国强", "guoqiang"}, 12}, {{"志明", "zhiming"}, 10},
        {{"海涛", "haitao"}, 10}, {{"晓东", "xiaodong"}, 10}, {{"建平", "jianping"}, 10},
        {{"俊杰", "junjie"}, 10}, {{"志刚", "zhigang"}, 10}, {{"国华", "guohua"}, 8},
        {{"文杰", "wenjie"}, 8}, {{"小龙", "xiaolong"}, 8}, {{"振华", "zhenhua"}, 8},
        {{"永强", "yongqiang"}, 8}, {{"立新", "lixin"}, 8}, {{"卫东", "weidong"}, 8},
        {{"红军", "hongjun"}, 8}, {{"晓明", "xiaoming"}, 8}, {{"海波", "haibo"}, 8},
        {{"宏伟", "hongwei"}, 8}, {{"国庆", "guoqing"}, 8}, {{"明辉", "minghui"}, 6},
        {{"金龙", "jinlong"}, 6}, {{"伟东", "weidong"}, 6}, {{"德华", "dehua"}, 5},
        {{"春生", "chunsheng"}, 5}, {{"新民", "xinmin"}, 5}, {{"子豪", "zihao"}, 5},
        {{"浩然", "haoran"}, 5}, {{"宇航", "yuhang"}, 5},
    };
    return t;
}
const detail::Weighted<Hanzi>& female_double() {
    static const detail::Weighted<Hanzi> t{
        {{"秀英", "xiuying"}, 25}, {{"桂英", "guiying"}, 15}, {{"秀兰", "xiulan"}, 15},
        {{"玉兰", "yulan"}, 12}, {{"海燕", "haiyan"}, 12}, {{"婷婷", "tingting"}, 12},
        {{"桂兰", "guilan"}, 10}, {{"秀珍", "xiuzhen"}, 10}, {{"丽娟", "lijuan"}, 10},
        {{"晓燕", "xiaoyan"}, 10}, {{"春梅", "chunmei"}, 10}, {{"红梅", "hongmei"}, 10},
        {{"小红", "xiaohong"}, 10}, {{"凤英", "fengying"}, 8}, {{"丽华", "lihua"}, 8},
        {{"雪梅", "xuemei"}, 8}, {{"丹丹", "dandan"}, 8}, {{"晓丽", "xiaoli"}, 8},
        {{"文静", "wenjing"}, 8}, {{"晓霞", "xiaoxia"}, 8}, {{"艳红", "yanhong"}, 8},
        {{"丽萍", "liping"}, 8}, {{"美玲", "meiling"}, 6}, {{"淑华", "shuhua"}, 6},
        {{"雅婷", "yating"}, 6}, {{"慧敏", "huimin"}, 6}, {{"金凤", "jinfeng"}, 6},
        {{"思琪", "siqi"}, 5}, {{"欣怡", "xinyi"}, 5}, {{"佳怡", "jiayi"}, 5},
    };
    return t;
}

// Free composition: first character x second character.
const std::vector<Hanzi>& male_first() {
    static const std::vector<Hanzi> t{
        {"建", "jian"}, {"志", "zhi"}, {"国", "guo"}, {"海", "hai"}, {"晓", "xiao"}, {"明", "ming"},
        {"文", "wen"}, {"俊", "jun"}, {"永", "yong"}, {"德", "de"}, {"宏", "hong"}, {"振", "zhen"},
        {"立", "li"}, {"家", "jia"}, {"子", "zi"}, {"浩", "hao"}, {"天", "tian"}, {"嘉", "jia"},
        {"成", "cheng"}, {"世", "shi"}, {"庆", "qing"}, {"金", "jin"}, {"春", "chun"}, {"卫", "wei"},
        {"新", "xin"}, {"长", "chang"}, {"少", "shao"}, {"学", "xue"}, {"光", "guang"}, {"泽", "ze"},
        {"宇", "yu"}, {"鹏", "peng"}, {"博", "bo"}, {"云", "yun"}, {"红", "hong"}, {"正", "zheng"},
        {"锦", "jin"}, {"思", "si"}, {"一", "yi"}, {"晨", "chen"}, {"雨", "yu"}, {"瑞", "rui"},
        {"君", "jun"}, {"承", "cheng"}, {"兆", "zhao"}, {"胜", "sheng"}, {"伟", "wei"}, {"剑", "jian"},
        {"启", "qi"}, {"景", "jing"}, {"耀", "yao"}, {"忠", "zhong"}, {"德", "de"}, {"育", "yu"},
    };
    return t;
}
const std::vector<Hanzi>& male_second() {
    static const std::vector<Hanzi> t{
        {"伟", "wei"}, {"强", "qiang"}, {"华", "hua"}, {"军", "jun"}, {"平", "ping"}, {"明", "ming"},
        {"东", "dong"}, {"峰", "feng"}, {"林", "lin"}, {"辉", "hui"}, {"涛", "tao"}, {"斌", "bin"},
        {"杰", "jie"}, {"龙", "long"}, {"刚", "gang"}, {"波", "bo"}, {"生", "sheng"}, {"荣", "rong"},
        {"亮", "liang"}, {"飞", "fei"}, {"豪", "hao"}, {"轩", "xuan"}, {"宇", "yu"}, {"阳", "yang"},
        {"鑫", "xin"}, {"勇", "yong"}, {"民", "min"}, {"成", "cheng"}, {"文", "wen"}, {"武", "wu"},
        {"昌", "chang"}, {"锋", "feng"}, {"凯", "kai"}, {"超", "chao"}, {"才", "cai"}, {"良", "liang"},
        {"松", "song"}, {"川", "chuan"}, {"山", "shan"}, {"彬", "bin"}, {"鸣", "ming"}, {"洋", "yang"},
        {"海", "hai"}, {"坤", "kun"}, {"睿", "rui"}, {"哲", "zhe"}, {"航", "hang"}, {"然", "ran"},
        {"楠", "nan"}, {"毅", "yi"}, {"俊", "jun"}, {"雷", "lei"}, {"鹏", "peng"}, {"江", "jiang"},
        {"磊", "lei"}, {"伦", "lun"}, {"贵", "gui"}, {"福", "fu"}, {"新", "xin"}, {"健", "jian"},
    };
    return t;
}
const std::vector<Hanzi>& female_first() {
    static const std::vector<Hanzi> t{
        {"秀", "xiu"}, {"桂", "gui"}, {"玉", "yu"}, {"丽", "li"}, {"春", "chun"}, {"海", "hai"},
        {"晓", "xiao"}, {"美", "mei"}, {"雪", "xue"}, {"红", "hong"}, {"小", "xiao"}, {"淑", "shu"},
        {"凤", "feng"}, {"金", "jin"}, {"文", "wen"}, {"雅", "ya"}, {"思", "si"}, {"欣", "xin"},
        {"佳", "jia"}, {"梦", "meng"}, {"婉", "wan"}, {"慧", "hui"}, {"静", "jing"}, {"艳", "yan"},
        {"月", "yue"}, {"彩", "cai"}, {"翠", "cui"}, {"素", "su"}, {"若", "ruo"}, {"诗", "shi"},
        {"丹", "dan"}, {"彦", "yan"}, {"晶", "jing"}, {"宁", "ning"}, {"亚", "ya"}, {"爱", "ai"},
        {"燕", "yan"}, {"玲", "ling"}, {"琳", "lin"}, {"紫", "zi"}, {"可", "ke"}, {"心", "xin"},
        {"梓", "zi"}, {"嘉", "jia"}, {"颖", "ying"}, {"巧", "qiao"}, {"永", "yong"}, {"秋", "qiu"},
    };
    return t;
}
const std::vector<Hanzi>& female_second() {
    static const std::vector<Hanzi> t{
        {"英", "ying"}, {"兰", "lan"}, {"珍", "zhen"}, {"梅", "mei"}, {"芳", "fang"}, {"华", "hua"},
        {"燕", "yan"}, {"娟", "juan"}, {"红", "hong"}, {"霞", "xia"}, {"萍", "ping"}, {"玲", "ling"},
        {"婷", "ting"}, {"琴", "qin"}, {"丽", "li"}, {"敏", "min"}, {"静", "jing"}, {"怡", "yi"},
        {"琪", "qi"}, {"莹", "ying"}, {"洁", "jie"}, {"莉", "li"}, {"云", "yun"}, {"芬", "fen"},
        {"菊", "ju"}, {"凤", "feng"}, {"琳", "lin"}, {"颖", "ying"}, {"涵", "han"}, {"瑶", "yao"},
        {"妮", "ni"}, {"娜", "na"}, {"雯", "wen"}, {"倩", "qian"}, {"蓉", "rong"}, {"欢", "huan"},
        {"薇", "wei"}, {"雪", "xue"}, {"月", "yue"}, {"晴", "qing"}, {"媛", "yuan"}, {"佳", "jia"},
        {"茜", "qian"}, {"艳", "yan"}, {"蕾", "lei"}, {"慧", "hui"}, {"宁", "ning"}, {"香", "xiang"},
    };
    return t;
}

}  // namespace

PersonName person_name(Rng& rng) {
    const Hanzi& sur = surnames().pick(rng);
    const bool male = rng.chance(0.58);  // business contacts skew male
    const uint64_t kind = rng.below(100);

    PersonName n;
    n.surname.assign(sur.zh);
    n.pinyin.reserve(sur.py.size() + 12);
    n.pinyin.assign(sur.py);
    n.pinyin.push_back(' ');
    if (kind < 20) {  // one character: 张伟, 王芳
        const Hanzi& g = (male ? male_single() : female_single()).pick(rng);
        n.given.assign(g.zh);
        n.pinyin.append(g.py);
    } else if (kind < 32) {  // a popular two-character name: 王秀英, 李建华
        const Hanzi& g = (male ? male_double() : female_double()).pick(rng);
        n.given.assign(g.zh);
        n.pinyin.append(g.py);
    } else {  // composed
        const Hanzi& a = rng.pick(male ? male_first() : female_first());
        const Hanzi* b = &rng.pick(male ? male_second() : female_second());
        if (b->zh == a.zh) b = &rng.pick(male ? male_second() : female_second());
        n.given.reserve(a.zh.size() + b->zh.size());
        n.given.assign(a.zh);
        n.given.append(b->zh);
        n.pinyin.append(a.py);
        n.pinyin.append(b->py);
    }
    n.full.reserve(n.surname.size() + n.given.size());
    n.full.assign(n.surname);
    n.full.append(n.given);
    return n;
}

namespace detail {

std::string_view random_syllable(Rng& rng) {
    static const std::vector<std::string_view> syllables = [] {
        std::set<std::string_view> s;
        for (const auto& h : surnames().values())
            if (h.py.size() <= 6) s.insert(h.py);
        for (const auto* v : {&male_first(), &male_second(), &female_first(), &female_second()})
            for (const auto& h : *v) s.insert(h.py);
        return std::vector<std::string_view>(s.begin(), s.end());
    }();
    return rng.pick(syllables);
}

}  // namespace detail
}  // namespace kehu::datagen
