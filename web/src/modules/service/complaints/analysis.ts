// The complaint analysis for the screen (pure): the default period, every month of the period
// (months without complaints count 0), per mille → percent, minutes → hours.
export interface ChartItem {
  name: string
  value: number
}

export interface Period {
  from: string
  to: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

/** The last twelve months up to today: from the day after the same day a year ago. */
export function lastTwelveMonths(today = new Date()): Period {
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1)
  return { from: day(from), to: day(today) }
}

/** "2026-03" for every month from `from` to `to` (YYYY-MM-DD), with its count (0 when missing). */
export function monthSeries(period: Period, counts: readonly { month: string; count: number }[]): { month: string; count: number }[] {
  const by = new Map(counts.map((c) => [c.month, c.count]))
  const out: { month: string; count: number }[] = []
  let y = Number(period.from.slice(0, 4))
  let m = Number(period.from.slice(5, 7))
  const endY = Number(period.to.slice(0, 4))
  const endM = Number(period.to.slice(5, 7))
  while ((y < endY || (y === endY && m <= endM)) && out.length < 120) {
    const key = `${y}-${pad(m)}`
    out.push({ month: key, count: by.get(key) ?? 0 })
    if (++m > 12) {
      m = 1
      y++
    }
  }
  return out
}

/** 873 ‰ → "87.3" (no sign: the template adds it) */
export const percent = (perMille: number) => (perMille / 10).toFixed(1)

/** minutes → hours with one decimal */
export const hours = (minutes: number) => (minutes / 60).toFixed(1)
