// Display helpers for values that come from the API (UTC ISO 8601 times, YYYY-MM-DD dates).

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-23T04:46:10Z" → "2026-11-23 12:46" in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Any JSON value as a short text for the timeline ("—" for empty). */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : '—'
  if (typeof v === 'object') return JSON.stringify(v)
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  return String(v)
}
