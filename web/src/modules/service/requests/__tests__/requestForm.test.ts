import { describe, expect, it } from 'vitest'
import { addYears, scheduleText } from '../labels'
import {
  cancelBody, createBody, doneBody, draftFromRequest, emptyRequestDraft, mapFieldErrors, patchBody, repeatOf, type RequestDraft,
} from '../requestForm'
import type { ServiceRequest } from '../types'

const msg = { required: 'REQ', tooLong: 'LONG', time: 'TIME', day: 'DAY', staff: 'STAFF', repeat: 'REPEAT' }
const closeMsg = { required: 'REQ', tooLong: 'LONG', cost: 'COST', future: 'FUTURE' }
const today = '2027-02-01'

function draft(over: Partial<RequestDraft> = {}): RequestDraft {
  return {
    ...emptyRequestDraft(7, [9]),
    type: 'inspection', title: ' 在用油分析 ', scheduled_on: '2027-02-10', ...over,
  }
}

const stored: ServiceRequest = {
  id: 5, customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', type: 'inspection', title: '在用油分析', description: '取样 2 瓶',
  scheduled_on: '2027-02-10', scheduled_time: '14:30', status: 'planned', overdue: false,
  staff: [{ id: 9, name: '技术员小周', active: true }, { id: 4, name: '李娜', active: true }],
  outcome: null, cost: null, done_on: null, cancel_reason: null, repeat_every_months: 3, previous_id: null, next_id: null,
  created_by: 4, created_by_name: '李娜', closed_by: null, closed_by_name: null, closed_at: null, version: 2,
  created_at: '2027-01-20T02:00:00Z', updated_at: '2027-01-20T02:00:00Z',
}

describe('the create body', () => {
  it('sends the repeat only for an inspection that repeats', () => {
    const b = createBody(draft({ repeat: true, repeat_every_months: 3, scheduled_time: '14:30', description: ' 取样 2 瓶 ', staff_ids: [9, 4] }), msg, today)
    expect(b.errors).toEqual({})
    expect(b.body).toEqual({
      customer_id: 7, type: 'inspection', title: '在用油分析', scheduled_on: '2027-02-10', staff_ids: [9, 4],
      description: '取样 2 瓶', scheduled_time: '14:30', repeat_every_months: 3,
    })
    // switched on, then the type changed: no repeat goes out
    expect(createBody(draft({ type: 'on_site', repeat: true, repeat_every_months: 3 }), msg, today).body).toEqual({
      customer_id: 7, type: 'on_site', title: '在用油分析', scheduled_on: '2027-02-10', staff_ids: [9],
    })
    // an inspection that does not repeat
    expect(createBody(draft({ repeat: false, repeat_every_months: 6 }), msg, today).body?.repeat_every_months).toBeUndefined()
    expect(repeatOf(draft({ type: 'inspection', repeat: true, repeat_every_months: 6 }))).toBe(6)
    expect(repeatOf(draft({ type: 'consulting', repeat: true, repeat_every_months: 6 }))).toBeNull()
  })

  it('finds the problems before asking the server', () => {
    const b = createBody(
      { ...emptyRequestDraft(), title: ' ', scheduled_time: '25:00', repeat: true, repeat_every_months: 0 },
      msg,
      today,
    )
    expect(b.body).toBeNull()
    expect(b.errors).toEqual({ customer_id: 'REQ', type: 'REQ', title: 'REQ', scheduled_on: 'REQ', scheduled_time: 'TIME', staff_ids: 'STAFF' })
    expect(createBody(draft({ repeat: true, repeat_every_months: 25 }), msg, today).errors).toEqual({ repeat_every_months: 'REPEAT' })
    expect(createBody(draft({ scheduled_on: '2026-01-31' }), msg, today).errors).toEqual({ scheduled_on: 'DAY' })
    expect(createBody(draft({ scheduled_on: '2029-02-02' }), msg, today).errors).toEqual({ scheduled_on: 'DAY' })
    expect(createBody(draft({ scheduled_on: '2029-02-01' }), msg, today).errors).toEqual({})
    expect(createBody(draft({ title: '检'.repeat(101) }), msg, today).errors).toEqual({ title: 'LONG' })
    expect(createBody(draft({ staff_ids: Array.from({ length: 21 }, (_, i) => i + 1) }), msg, today).errors).toEqual({ staff_ids: 'STAFF' })
  })
})

describe('the patch body', () => {
  it('sends only what changed with the version read, and clears with null', () => {
    const d = draftFromRequest(stored)
    expect(d).toMatchObject({ repeat: true, repeat_every_months: 3, scheduled_time: '14:30', staff_ids: [9, 4] })
    expect(patchBody(stored, d, msg)).toEqual({ body: { version: 2 }, errors: {}, changed: false })
    // the same staff in another order is no change
    expect(patchBody(stored, { ...d, staff_ids: [4, 9] }, msg).changed).toBe(false)
    const moved = { ...d, scheduled_on: '2027-02-12', scheduled_time: '', description: '', repeat_every_months: 6 }
    expect(patchBody(stored, moved, msg).body).toEqual({ version: 2, scheduled_on: '2027-02-12', scheduled_time: null, description: null, repeat_every_months: 6 })
    // no longer an inspection: the repeat is cleared
    expect(patchBody(stored, { ...d, type: 'on_site' }, msg).body).toEqual({ version: 2, type: 'on_site', repeat_every_months: null })
    expect(patchBody(stored, { ...d, repeat: false }, msg).body).toEqual({ version: 2, repeat_every_months: null })
    // an overdue request keeps its old day without a complaint about the range
    expect(patchBody({ ...stored, scheduled_on: '2020-01-01' }, { ...d, scheduled_on: '2020-01-01', title: '油品检测' }, msg).body).toEqual({ version: 2, title: '油品检测' })
  })
})

describe('done and cancel', () => {
  it('sends the cost in fen, the outcome and the day with the version', () => {
    const b = doneBody(stored, { outcome: ' 油品正常，建议下次换油 ', cost: '1,288.5', done_on: '2027-02-01' }, closeMsg, today)
    expect(b).toEqual({ body: { version: 2, outcome: '油品正常，建议下次换油', cost: 128850, done_on: '2027-02-01' }, errors: {} })
    // no cost typed: none sent (the server counts 0)
    expect(doneBody(stored, { outcome: '完成', cost: '', done_on: '2027-01-31' }, closeMsg, today).body).toEqual({ version: 2, outcome: '完成', done_on: '2027-01-31' })
    expect(doneBody(stored, { outcome: '完成', cost: '0', done_on: today }, closeMsg, today).body?.cost).toBe(0)
    expect(doneBody(stored, { outcome: '完成', cost: '¥350', done_on: today }, closeMsg, today).body?.cost).toBe(35000)
  })

  it('wants an outcome, a real amount and no day after today', () => {
    expect(doneBody(stored, { outcome: ' ', cost: '12.345', done_on: '2027-02-02' }, closeMsg, today).errors).toEqual({ outcome: 'REQ', cost: 'COST', done_on: 'FUTURE' })
    expect(doneBody(stored, { outcome: 'x', cost: '-1', done_on: today }, closeMsg, today).errors).toEqual({ cost: 'COST' })
    expect(doneBody(stored, { outcome: 'x', cost: '10000000.01', done_on: today }, closeMsg, today).errors).toEqual({ cost: 'COST' })
    expect(doneBody(stored, { outcome: 'x', cost: '10000000', done_on: today }, closeMsg, today).body?.cost).toBe(1_000_000_000)
    expect(doneBody(stored, { outcome: 'x', cost: 'abc', done_on: '' }, closeMsg, today).errors).toEqual({ cost: 'COST', done_on: 'REQ' })
  })

  it('cancels with a reason', () => {
    expect(cancelBody(stored, '  客户停产  ', closeMsg)).toEqual({ body: { version: 2, reason: '客户停产' }, errors: {} })
    expect(cancelBody(stored, ' ', closeMsg)).toEqual({ body: null, errors: { reason: 'REQ' } })
    expect(cancelBody(stored, '因'.repeat(501), closeMsg).errors).toEqual({ reason: 'LONG' })
  })
})

describe('helpers', () => {
  it('puts the server errors on the form, a staff member on the staff select', () => {
    const { byField, rest } = mapFieldErrors(
      { 'staff_ids[1]': '该用户已停用', 'staff_ids[0]': '用户不存在', title: '必填', customer_id: '?', foo: 'bar' },
      ['title', 'staff_ids', 'customer_id'],
    )
    expect(byField).toEqual({ staff_ids: '该用户已停用; 用户不存在', title: '必填', customer_id: '?' })
    expect(rest).toEqual({ foo: 'bar' })
  })

  it('writes the schedule and counts years', () => {
    expect(scheduleText({ scheduled_on: '2027-02-10', scheduled_time: '14:30' })).toBe('2027-02-10 14:30')
    expect(scheduleText({ scheduled_on: '2027-02-10', scheduled_time: null })).toBe('2027-02-10')
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2027-02-01', -1)).toBe('2026-02-01')
  })
})
