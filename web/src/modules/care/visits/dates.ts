// Calendar days as the API writes them (YYYY-MM-DD). "Today" is the browser's day here; the
// server checks against the company's day and has the last word.

const pad = (n: number) => String(n).padStart(2, '0')

/** The browser's date as YYYY-MM-DD. */
export function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** YYYY-MM-DD → a local Date at midnight (for date pickers); null when not a date. */
export function parseDay(day: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '')
  if (!m) return null
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

/** `day` plus n days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = parseDay(day)
  if (!d) return day
  d.setDate(d.getDate() + n)
  return localDay(d)
}

/** The same day n years later (29 Feb → 28 Feb in a common year). */
export function addYears(day: string, n: number): string {
  const d = parseDay(day)
  if (!d) return day
  const y = d.getFullYear() + n
  const last = new Date(y, d.getMonth() + 1, 0).getDate()
  return localDay(new Date(y, d.getMonth(), Math.min(d.getDate(), last)))
}

export const isDay = (s: unknown): s is string => typeof s === 'string' && parseDay(s) !== null
