import { describe, expect, it } from 'vitest'
import { countdown, duration, promiseBadges } from '../timeLeft'

// Filed at 00:00 with a 24-hour answer and a 72-hour resolution promise.
const base = {
  created_at: '2027-02-01T00:00:00Z',
  first_response_due: '2027-02-02T00:00:00Z',
  resolution_due: '2027-02-04T00:00:00Z',
  first_response_at: null as string | null,
  answered_in_time: null as boolean | null,
  time_left_seconds: null as number | null,
  escalation_level: 0,
}
const H = 3600

describe('duration', () => {
  it.each([
    [59, { unit: 'minutes', n: 1 }],
    [25 * 60, { unit: 'minutes', n: 25 }],
    [3599, { unit: 'minutes', n: 59 }],
    [3 * H + 59 * 60, { unit: 'hours', n: 3 }],
    [-3 * H - 10, { unit: 'hours', n: 3 }],
    [47 * H + 3599, { unit: 'hours', n: 47 }],
    [48 * H, { unit: 'days', n: 2 }],
    [-9 * 24 * H - 5 * H, { unit: 'days', n: 9 }],
  ])('%i s → %o', (s, d) => expect(duration(s)).toEqual(d))
})

describe('the countdown', () => {
  it.each([
    // [what, time left, answered?, tone, key, n]
    ['plenty of the answer target left', 20 * H, false, 'success', 'complaints.promise.answerLeft', 20],
    ['just over a quarter left (6 h of 24 is the border)', 6 * H + 60, false, 'success', 'complaints.promise.answerLeft', 6],
    ['a quarter left is amber', 6 * H, false, 'warning', 'complaints.promise.answerLeft', 6],
    ['minutes left', 20 * 60, false, 'warning', 'complaints.promise.answerLeft', 20],
    ['due this very second is still amber', 0, false, 'warning', 'complaints.promise.answerLeft', 1],
    ['past due is red: 超时 3 小时', -3 * H - 120, false, 'danger', 'complaints.promise.answerOverdue', 3],
    ['answered: the resolution runs (72 h), 40 h left', 40 * H, true, 'success', 'complaints.promise.resolveLeft', 40],
    ['answered: 18 h of 72 is a quarter', 18 * H, true, 'warning', 'complaints.promise.resolveLeft', 18],
    ['answered: resolution overdue by 2 days', -50 * H, true, 'danger', 'complaints.promise.resolveOverdue', 2],
  ])('%s', (_what, left, answered, tone, key, n) => {
    const b = countdown({ ...base, time_left_seconds: left as number, first_response_at: answered ? '2027-02-01T02:00:00Z' : null, answered_in_time: answered ? true : null })
    expect(b?.tone).toBe(tone)
    expect(b?.key).toBe(key)
    expect(b?.time?.n).toBe(n)
  })

  it('none when no promise runs (closed, rejected, the customer told)', () => {
    expect(countdown({ ...base, time_left_seconds: null })).toBeNull()
  })
})

describe('promiseBadges', () => {
  it('an unanswered complaint past due and escalated to the director', () => {
    const b = promiseBadges({ ...base, time_left_seconds: -50 * H, escalation_level: 2 })
    expect(b.map((x) => [x.kind, x.tone, x.key])).toEqual([
      ['countdown', 'danger', 'complaints.promise.answerOverdue'],
      ['escalation', 'danger', 'complaints.promise.escalatedDirector'],
    ])
  })

  it('answered in time, resolution running', () => {
    const b = promiseBadges({ ...base, time_left_seconds: 30 * H, first_response_at: '2027-02-01T01:00:00Z', answered_in_time: true })
    expect(b.map((x) => x.key)).toEqual(['complaints.promise.resolveLeft', 'complaints.promise.answeredInTime'])
  })

  it('answered late and escalated to the lead, the customer already told (no countdown)', () => {
    const b = promiseBadges({ ...base, time_left_seconds: null, first_response_at: '2027-02-02T05:00:00Z', answered_in_time: false, escalation_level: 1 })
    expect(b.map((x) => [x.kind, x.tone, x.key])).toEqual([
      ['answered', 'danger', 'complaints.promise.answeredLate'],
      ['escalation', 'danger', 'complaints.promise.escalatedLead'],
    ])
  })
})
