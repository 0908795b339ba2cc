#!/usr/bin/env node
// Generates server/platform/calendar/lunar_table.inc — the Chinese lunisolar calendar
// 1899–2100 (month starts, month lengths, leap months) and the 24 solar terms of the
// Gregorian years 1900–2100 in China time (UTC+8) — from the npm package
// lunar-javascript@1.7.7 (6tail; astronomical algorithm after 寿星天文历, not a table).
//
// Run once by hand (Node 20) and commit the output; the build never runs this:
//
//   d=$(mktemp -d) && (cd "$d" && npm install --no-save --no-audit --no-fund lunar-javascript@1.7.7)
//   node scripts/gen_lunar.mjs "$d/node_modules/lunar-javascript" > server/platform/calendar/lunar_table.inc
//
// The output is deterministic: same package version in, same bytes out. It is checked
// against an independent table (Debian's python3-lunardate) by
// server/tests/test_calendar_crosscheck.py.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const VERSION = '1.7.7';
const pkgDir = resolve(process.argv[2] ?? 'node_modules/lunar-javascript');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.version !== VERSION) {
  console.error(`expected lunar-javascript ${VERSION}, found ${pkg.version}`);
  process.exit(1);
}
const { Lunar, LunarYear, Solar } = createRequire(import.meta.url)(join(pkgDir, 'index.js'));

const FIRST_LUNAR_YEAR = 1899;  // lunar 1899 holds 1900-01-01 … 1900-01-30
const LAST_LUNAR_YEAR = 2100;   // lunar 2100 ends 2101-01-28
const FIRST_TERM_YEAR = 1900;
const LAST_TERM_YEAR = 2100;

// Julian day number (noon) -> days since 1970-01-01, as clock::day_number counts.
const dayNumber = (jd) => jd - 2440588;
const fail = (msg) => { console.error(msg); process.exit(1); };

// ---------------------------------------------------------------- months
const years = [];
for (let y = FIRST_LUNAR_YEAR; y <= LAST_LUNAR_YEAR; y++) {
  const ly = LunarYear.fromYear(y);
  const months = ly.getMonths().filter((m) => m.getYear() === y);
  const leap = ly.getLeapMonth();
  if (months.length !== (leap ? 13 : 12)) fail(`${y}: ${months.length} months`);
  let expect = 1;
  months.forEach((m, i) => {
    const n = m.getMonth();  // negative: the leap month
    const want = n < 0 ? -leap : expect;
    if (n !== want) fail(`${y}: month ${i} is ${n}, expected ${want}`);
    if (n > 0) expect++;
    if (m.getDayCount() !== 29 && m.getDayCount() !== 30) fail(`${y}/${n}: ${m.getDayCount()} days`);
  });
  const first = dayNumber(months[0].getFirstJulianDay());
  // The months follow one another without a gap.
  let next = first;
  for (const m of months) {
    if (dayNumber(m.getFirstJulianDay()) !== next) fail(`${y}/${m.getMonth()}: gap`);
    next += m.getDayCount();
  }
  if (years.length && years[years.length - 1].end !== first) fail(`${y}: does not follow ${y - 1}`);
  years.push({
    year: y, first, leap, end: next,
    lengths: months.map((m) => (m.getDayCount() === 30 ? '1' : '0')).join(''),
    newYear: Solar.fromJulianDay(months[0].getFirstJulianDay()).toYmd(),
  });
}

// ---------------------------------------------------------------- corrections
// Where the astronomical answer and the Hong Kong Observatory's Gregorian–Lunar
// Calendar Conversion Table (1901–2100, the authority we follow) differ, we take HKO's.
// 2057: the new moon between months 8 and 9 falls within a minute of midnight (UTC+8) on
// 28/29 September. HKO (and its footnote flags this very date as uncertain) and Debian's
// lunardate start month 9 on 28 September; lunar-javascript, Calendrical Calculations
// (with its errata) and .NET 9+ on the 29th. Swapping the two month lengths moves only
// that one month start.
const CORRECTIONS = [
  { year: 2057, from: '011010110010', to: '011010101010', why: 'HKO: month 9 starts 2057-09-28' },
];
for (const c of CORRECTIONS) {
  const r = years.find((y) => y.year === c.year);
  if (r.lengths !== c.from) fail(`${c.year}: expected ${c.from} before the correction, found ${r.lengths}`);
  r.lengths = c.to;
  r.note = c.why;
}

// ---------------------------------------------------------------- solar terms
// Term k of a Gregorian year (k = 0 小寒 … 23 冬至) always falls in month k/2 + 1; the
// library gives the moment in Beijing time, of which we keep the day.
const terms = [];
for (let y = FIRST_TERM_YEAR; y <= LAST_TERM_YEAR; y++) {
  const seen = new Map();
  for (const ly of [y - 1, y, y + 1]) {
    const table = Lunar.fromYmd(ly, 1, 1).getJieQiTable();
    for (const key of Object.keys(table)) {
      const s = table[key];
      if (s.getYear() === y) seen.set(s.toYmdHms(), s);
    }
  }
  const list = [...seen.values()].sort((a, b) => (a.toYmdHms() < b.toYmdHms() ? -1 : 1));
  if (list.length !== 24) fail(`${y}: ${list.length} solar terms`);
  list.forEach((s, k) => {
    if (s.getMonth() !== Math.floor(k / 2) + 1) fail(`${y}: term ${k} in month ${s.getMonth()}`);
  });
  // The day a term falls on must agree with the library's own per-day answer.
  for (const s of list) {
    if (!Solar.fromYmd(s.getYear(), s.getMonth(), s.getDay()).getLunar().getJieQi()) fail(`${s.toYmd()}: no term`);
  }
  terms.push({ year: y, days: list.map((s) => s.getDay()) });
}

// ---------------------------------------------------------------- output
const out = [];
out.push(`// GENERATED by scripts/gen_lunar.mjs from lunar-javascript ${VERSION} (6tail). Do not edit.`);
out.push('// Regenerate: see the comment at the top of scripts/gen_lunar.mjs.');
out.push('// kLunarYears: one row per lunar year: the day number (days since 1970-01-01) of');
out.push('// 正月初一, the leap month (0: none), and the month lengths in the order the months');
out.push('// run (the leap month right after its namesake): "1" = 30 days (大月), "0" = 29.');
out.push('// kSolarTermDays: per Gregorian year, the day of month of the 24 solar terms from');
out.push('// 小寒 (k = 0, January) to 冬至 (k = 23, December); term k falls in month k/2 + 1.');
out.push('// clang-format off');
out.push(`constexpr int kTableFirstYear = ${FIRST_LUNAR_YEAR};`);
out.push(`constexpr int kTableLastYear = ${LAST_LUNAR_YEAR};`);
out.push(`constexpr int kTermFirstYear = ${FIRST_TERM_YEAR};`);
out.push(`constexpr int kTermLastYear = ${LAST_TERM_YEAR};`);
out.push('');
out.push('constexpr LunarYearRow kLunarYears[] = {');
for (const r of years) {
  out.push(`    {${r.first}, ${r.leap}, "${r.lengths}"},  // ${r.year} ${r.newYear}${r.note ? ` (corrected: ${r.note})` : ''}`);
}
out.push('};');
out.push('');
out.push('constexpr std::uint8_t kSolarTermDays[][24] = {');
for (const t of terms) out.push(`    {${t.days.join(',')}},  // ${t.year}`);
out.push('};');
out.push('// clang-format on');
process.stdout.write(out.join('\n') + '\n');
