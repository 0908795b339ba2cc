// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { addDays, addYears } from '../dates'
import {
  cleanParticipants, draftFromVisit, emptyPlanDraft, emptyReportDraft, mapFieldErrors, needsCommentBox, planBody, planPatchBody, reportBody,
  visitButtons,
} from '../visitForm'

const msg = { required: 'R', dateRange: 'D', tooLong: (n: number) => `long ${n}`, tooMany: (n: number) => `many ${n}` }
const TODAY = '2027-02-05'

describe('visit actions → buttons', () => {
  const names = (actions: string[], status = 'submitted') => visitButtons({ actions, status: status as 'submitted' }).map((b) => b.action)

  it('shows exactly what the server allows, in a fixed order', () => {
    expect(names(['reject', 'approve'])).toEqual(['approve', 'reject'])
    expect(names(['edit'])).toEqual(['edit'])
    expect(names(['report'], 'approved')).toEqual(['report'])
    expect(names(['review'], 'reported')).toEqual(['review'])
    expect(names([], 'reviewed')).toEqual([])
    expect(names(['delete', 'approve', 'frobnicate'])).toEqual(['approve'])
  })

  it('approve takes an optional comment, reject and review a required one; report and edit open forms', () => {
    const all = visitButtons({ actions: ['approve', 'reject', 'review', 'report', 'edit'], status: 'submitted' })
    const by = Object.fromEntries(all.map((b) => [b.action, b]))
    expect(by.approve).toMatchObject({ comment: 'optional', opens: null, type: 'success', label: 'careVisits.actions.approve' })
    expect(by.reject).toMatchObject({ comment: 'required', opens: null, type: 'danger', label: 'careVisits.actions.reject' })
    expect(by.review).toMatchObject({ comment: 'required', opens: null, label: 'careVisits.actions.review' })
    expect(by.report).toMatchObject({ comment: 'none', opens: 'report', label: 'careVisits.actions.report' })
    expect(by.edit).toMatchObject({ comment: 'none', opens: 'plan', label: 'careVisits.actions.edit' })
  })

  it('edit on a rejected plan reads "edit and resubmit"', () => {
    const [b] = visitButtons({ actions: ['edit'], status: 'rejected' })
    expect(b).toMatchObject({ action: 'edit', label: 'careVisits.actions.resubmit', type: 'warning', opens: 'plan' })
  })

  it('a comment box only for approve / reject / review', () => {
    expect(needsCommentBox(visitButtons({ actions: ['approve', 'reject'], status: 'submitted' }))).toBe(true)
    expect(needsCommentBox(visitButtons({ actions: ['review'], status: 'reported' }))).toBe(true)
    expect(needsCommentBox(visitButtons({ actions: ['report'], status: 'approved' }))).toBe(false)
    expect(needsCommentBox(visitButtons({ actions: ['edit'], status: 'rejected' }))).toBe(false)
    expect(needsCommentBox(visitButtons({ actions: [], status: 'reviewed' }))).toBe(false)
  })
})

describe('plan form body', () => {
  it('POST /visits: trimmed purpose, participants cleaned, leader_visit always', () => {
    const d = { ...emptyPlanDraft(7, TODAY), purpose: '  年度回访，了解新产线需求 ', participants: [' 李娜 ', '', '技术部小周', '李娜'], leader_visit: true }
    expect(planBody(d, TODAY, msg)).toEqual({
      body: { customer_id: 7, date: TODAY, purpose: '年度回访，了解新产线需求', participants: ['李娜', '技术部小周'], leader_visit: true },
      errors: {},
    })
  })

  it('leaves participants out when there are none', () => {
    const d = { ...emptyPlanDraft(7, '2027-03-01'), purpose: '回访' }
    expect(planBody(d, TODAY, msg).body).toEqual({ customer_id: 7, date: '2027-03-01', purpose: '回访', leader_visit: false })
  })

  it('needs a customer, a date from today up to a year ahead and a purpose', () => {
    expect(planBody(emptyPlanDraft(), TODAY, msg)).toEqual({ body: null, errors: { customer_id: 'R', date: 'R', purpose: 'R' } })
    const d = { ...emptyPlanDraft(7, addDays(TODAY, -1)), purpose: 'x' }
    expect(planBody(d, TODAY, msg).errors).toEqual({ date: 'D' })
    expect(planBody({ ...d, date: addYears(TODAY, 1) }, TODAY, msg).errors).toEqual({})
    expect(planBody({ ...d, date: addDays(addYears(TODAY, 1), 1) }, TODAY, msg).errors).toEqual({ date: 'D' })
  })

  it('limits purpose and participants like the server', () => {
    const d = { ...emptyPlanDraft(7, TODAY), purpose: '字'.repeat(501) }
    expect(planBody(d, TODAY, msg).errors).toEqual({ purpose: 'long 500' })
    const eleven = Array.from({ length: 11 }, (_, i) => `人${i}`)
    expect(planBody({ ...d, purpose: 'x', participants: eleven }, TODAY, msg).errors).toEqual({ participants: 'many 10' })
    expect(planBody({ ...d, purpose: 'x', participants: ['名'.repeat(51)] }, TODAY, msg).errors).toEqual({ participants: 'long 50' })
  })

  it('PATCH: every plan field with the version; an emptied participant list is null', () => {
    const v = { customer_id: 7, date: '2027-02-10', purpose: '回访', participants: ['李娜'], leader_visit: false, version: 3 }
    const d = { ...draftFromVisit(v), participants: [], purpose: '回访，带样品' }
    expect(planPatchBody(d, v, TODAY, msg)).toEqual({
      body: { version: 3, date: '2027-02-10', purpose: '回访，带样品', participants: null, leader_visit: false },
      errors: {},
    })
    // a rejected plan whose day has passed must move to a new day
    expect(planPatchBody({ ...d, date: '2027-02-01' }, v, TODAY, msg).errors).toEqual({ date: 'D' })
  })

  it('cleans participant names', () => {
    expect(cleanParticipants(['  a', 'b ', 'a', '', '  '])).toEqual(['a', 'b'])
  })
})

describe('report form body', () => {
  const rmsg = { required: 'R', tooLong: (n: number) => `long ${n}`, nextDate: 'N' }
  const v = { date: TODAY, version: 2 }

  it('findings required; the optional texts and the next date only when given', () => {
    expect(reportBody(emptyReportDraft(), v, rmsg)).toEqual({ body: null, errors: { findings: 'R' } })
    const d = { ...emptyReportDraft(), findings: ' 见了采购经理 ', follow_ups: '寄样品', needs: '  ' }
    expect(reportBody(d, v, rmsg).body).toEqual({ version: 2, findings: '见了采购经理', follow_ups: '寄样品' })
    expect(reportBody({ ...d, next_visit_date: '2027-03-01' }, v, rmsg).body).toEqual({ version: 2, findings: '见了采购经理', follow_ups: '寄样品', next_visit_date: '2027-03-01' })
  })

  it('the next visit is after this one; texts up to 2,000', () => {
    const d = { ...emptyReportDraft(), findings: 'x', next_visit_date: TODAY }
    expect(reportBody(d, v, rmsg).errors).toEqual({ next_visit_date: 'N' })
    expect(reportBody({ ...d, next_visit_date: '', problems: 'p'.repeat(2001) }, v, rmsg).errors).toEqual({ problems: 'long 2000' })
  })
})

describe('server field errors', () => {
  it('map indexed fields to their item and keep the rest apart', () => {
    expect(mapFieldErrors({ 'participants[2]': '太长', date: '拜访日期须在今天至一年之内', visit_id: '?' }, ['date', 'participants'])).toEqual({
      byField: { participants: '太长', date: '拜访日期须在今天至一年之内' },
      rest: { visit_id: '?' },
    })
  })
})
