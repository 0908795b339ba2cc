// Pure helpers of the results page: the colour of a KPI against the target (green when met),
// the figures as text, and a question's distribution as chart rows.
import type { QuestionResult } from './types'

export type Tone = 'success' | 'warning' | 'danger' | 'info'

/** Satisfaction against the target: green when met, red when not, grey without answers. */
export function satisfactionTone(pct: number | null | undefined, target: number): Tone {
  if (pct === null || pct === undefined) return 'info'
  return pct >= target ? 'success' : 'danger'
}

/** NPS: grey without answers, green above 0, amber at 0, red below. */
export function npsTone(nps: number | null | undefined): Tone {
  if (nps === null || nps === undefined) return 'info'
  if (nps > 0) return 'success'
  return nps === 0 ? 'warning' : 'danger'
}

/** 91.3 → "91.3%"; null → "—" */
export function pctText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`
}

/** 35.7 → "+35.7", −10 → "-10.0", null → "—" */
export function npsText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return `${v > 0 ? '+' : ''}${v.toFixed(1)}`
}

/** 4.375 → "4.38"; null → "—" */
export function averageText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(2)
}

export interface DistributionRow {
  label: string
  count: number
}

/**
 * A question's distribution in a fixed order: 1…5 for score5, 0…10 for NPS (every score, zero
 * included), the options as the server lists them for choice questions; nothing for text.
 */
export function distributionRows(q: Pick<QuestionResult, 'type' | 'distribution'>): DistributionRow[] {
  const d = q.distribution ?? {}
  const scores = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))
  if (q.type === 'score5') return scores(1, 5).map((k) => ({ label: k, count: d[k] ?? 0 }))
  if (q.type === 'nps') return scores(0, 10).map((k) => ({ label: k, count: d[k] ?? 0 }))
  if (q.type === 'text') return []
  return Object.entries(d).map(([label, count]) => ({ label, count }))
}
