// Labels of lunar dates for people: 初一 … 三十, 正月 … 冬月 腊月, 闰 for the leap month —
// in simplified and traditional Chinese; in English "L1/1" (lunar month/day), "L2+/15" for
// a date in the leap second month. The server answers numbers only.

export type LabelLocale = 'zh-CN' | 'zh-TW' | 'en'

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const MONTHS_CN = ['', '正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']
const MONTHS_TW = ['', '正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '臘']

function isChinese(locale: string): boolean {
  return locale.startsWith('zh')
}
function isTraditional(locale: string): boolean {
  return locale === 'zh-TW' || locale === 'zh-HK'
}

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十 (the same in both scripts); "15" in English. */
export function lunarDayLabel(day: number, locale: LabelLocale | string = 'zh-CN'): string {
  if (!Number.isInteger(day) || day < 1 || day > 30) return ''
  if (!isChinese(locale)) return String(day)
  if (day <= 10) return '初' + DIGITS[day]
  if (day < 20) return '十' + DIGITS[day - 10]
  if (day === 20) return '二十'
  if (day < 30) return '廿' + DIGITS[day - 20]
  return '三十'
}

/** 正月, 二月 … 十月, 冬月, 腊月 (臘月), with 闰 (閏) for the leap month; "L1", "L2+" in English. */
export function lunarMonthLabel(month: number, leap = false, locale: LabelLocale | string = 'zh-CN'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return ''
  if (!isChinese(locale)) return `L${month}${leap ? '+' : ''}`
  const traditional = isTraditional(locale)
  const name = (traditional ? MONTHS_TW : MONTHS_CN)[month] + '月'
  return leap ? (traditional ? '閏' : '闰') + name : name
}

export interface LunarLike {
  month: number
  day: number
  leap: boolean
}

/** The whole date: 闰二月十五, 正月初一; "L2+/15", "L1/1". */
export function lunarDateLabel(d: LunarLike, locale: LabelLocale | string = 'zh-CN'): string {
  const m = lunarMonthLabel(d.month, d.leap, locale)
  const day = lunarDayLabel(d.day, locale)
  if (!m || !day) return ''
  return isChinese(locale) ? m + day : `${m}/${day}`
}

/** The short text under a day in a month grid: in Chinese the month's name on its first day,
 *  else the day (正月, 初二 …); in English always month/day ("L1/2"). */
export function lunarCellLabel(d: LunarLike, locale: LabelLocale | string = 'zh-CN'): string {
  if (!isChinese(locale)) return lunarDateLabel(d, locale)
  return d.day === 1 ? lunarMonthLabel(d.month, d.leap, locale) : lunarDayLabel(d.day, locale)
}
