import type { Birthday } from './types'

type T = (key: string) => string

/** "1980-05-04" or "农历 闰八月十五" / "Lunar leap Month 8 Day 15" from the locale's month and day names. */
export function birthdayText(b: Birthday | null | undefined, t: T): string {
  if (!b) return ''
  if (b.calendar === 'solar') return b.date
  const months = t('contact.lunarMonths').split(',')
  const days = t('contact.lunarDays').split(',')
  const m = months[b.month - 1] ?? String(b.month)
  const d = days[b.day - 1] ?? String(b.day)
  const leap = b.leap ? t('contact.leapPrefix') : ''
  const joiner = /[a-z]/i.test(m) ? ' ' : ''
  const year = b.year ? `${b.year} ` : ''
  return `${t('contact.lunarPrefix')} ${year}${leap}${joiner}${m}${joiner}${d}`.replace(/\s+/g, ' ').trim()
}
