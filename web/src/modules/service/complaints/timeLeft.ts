// The response promise as badges (pure): the time left on the running promise (the first
// answer, then the resolution), whether the first answer came in time, and the escalation.
//
// Colours: green while more than a quarter of the target is left, amber for the last quarter,
// red once past the due time ("响应超时 3 小时").
import type { Complaint } from './types'

export type Tone = 'success' | 'warning' | 'danger' | 'info'

export interface Duration {
  unit: 'minutes' | 'hours' | 'days'
  n: number
}

/** A length of time in its largest sensible unit, rounded down: minutes below an hour, hours below two days. */
export function duration(seconds: number): Duration {
  const s = Math.abs(seconds)
  if (s < 3600) return { unit: 'minutes', n: Math.max(1, Math.floor(s / 60)) }
  if (s < 48 * 3600) return { unit: 'hours', n: Math.floor(s / 3600) }
  return { unit: 'days', n: Math.floor(s / 86400) }
}

export interface Badge {
  kind: 'countdown' | 'answered' | 'escalation'
  tone: Tone
  /** i18n key; `time` (when present) is a Duration to put into it as {time} */
  key: string
  time?: Duration
}

type PromiseFields = Pick<
  Complaint,
  'created_at' | 'first_response_due' | 'first_response_at' | 'resolution_due' | 'answered_in_time' | 'time_left_seconds' | 'escalation_level'
>

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000

/** The countdown on the running promise, or null when none runs (closed, rejected, the customer told). */
export function countdown(c: PromiseFields): Badge | null {
  const left = c.time_left_seconds
  if (left === null || left === undefined) return null
  const answering = !c.first_response_at
  const target = seconds(c.created_at, answering ? c.first_response_due : c.resolution_due)
  const phase = answering ? 'answer' : 'resolve'
  if (left < 0) return { kind: 'countdown', tone: 'danger', key: `complaints.promise.${phase}Overdue`, time: duration(left) }
  const tone: Tone = Number.isFinite(target) && target > 0 && left > target / 4 ? 'success' : 'warning'
  return { kind: 'countdown', tone, key: `complaints.promise.${phase}Left`, time: duration(left) }
}

/** Every badge of a complaint, the countdown first. */
export function promiseBadges(c: PromiseFields): Badge[] {
  const out: Badge[] = []
  const running = countdown(c)
  if (running) out.push(running)
  if (c.first_response_at) {
    out.push(
      c.answered_in_time === false
        ? { kind: 'answered', tone: 'danger', key: 'complaints.promise.answeredLate' }
        : { kind: 'answered', tone: 'success', key: 'complaints.promise.answeredInTime' },
    )
  }
  if (c.escalation_level > 0) {
    out.push({ kind: 'escalation', tone: 'danger', key: c.escalation_level >= 2 ? 'complaints.promise.escalatedDirector' : 'complaints.promise.escalatedLead' })
  }
  return out
}
