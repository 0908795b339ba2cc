// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  careEventBody, careEventPatch, defaultYearly, emptyCareEventDraft, emptyLeftDraft, emptyRegionalDraft, kindNeedsContact, leftBody, regionCodes,
  regionalBody, successorOptions,
} from '../eventForm'
import type { CareEvent } from '../types'

const TODAY = '2027-02-05'
const contacts = [
  { id: 1, name: '张伟', title: '采购经理', left_company: false },
  { id: 2, name: '王芳', title: '财务', left_company: false },
  { id: 3, name: '刘强', title: '前采购', left_company: true },
]

describe('staff change dialog body', () => {
  const msg = { required: 'R', leftOnRange: 'L', successor: 'S' }

  it('POST /contacts/{id}/left: the day, the successor and the note when given', () => {
    const d = { ...emptyLeftDraft(TODAY), successor_id: 2, note: '  调往集团总部 ' }
    expect(leftBody(d, 1, contacts, TODAY, msg)).toEqual({ body: { left_on: TODAY, successor_id: 2, note: '调往集团总部' }, errors: {} })
    expect(leftBody({ ...emptyLeftDraft(TODAY), left_on: '2027-01-31' }, 1, contacts, TODAY, msg).body).toEqual({ left_on: '2027-01-31' })
  })

  it('the day is not in the future nor before 1990', () => {
    expect(leftBody({ ...emptyLeftDraft(TODAY), left_on: '2027-02-06' }, 1, contacts, TODAY, msg).errors).toEqual({ left_on: 'L' })
    expect(leftBody({ ...emptyLeftDraft(TODAY), left_on: '1989-12-31' }, 1, contacts, TODAY, msg).errors).toEqual({ left_on: 'L' })
    expect(leftBody({ ...emptyLeftDraft(TODAY), left_on: '' }, 1, contacts, TODAY, msg).errors).toEqual({ left_on: 'R' })
  })

  it('the successor is another current contact', () => {
    expect(successorOptions(contacts, 1).map((c) => c.id)).toEqual([2])
    expect(leftBody({ ...emptyLeftDraft(TODAY), successor_id: 1 }, 1, contacts, TODAY, msg).errors).toEqual({ successor_id: 'S' })
    expect(leftBody({ ...emptyLeftDraft(TODAY), successor_id: 3 }, 1, contacts, TODAY, msg).errors).toEqual({ successor_id: 'S' })
  })
})

describe('care event body', () => {
  const msg = { required: 'R', contact: 'C', note: 'N', dateRange: 'D' }

  it('weddings, illnesses and accidents need a contact; "other" a note', () => {
    expect(kindNeedsContact('wedding')).toBe(true)
    expect(kindNeedsContact('store_opening')).toBe(false)
    expect(careEventBody({ ...emptyCareEventDraft(), kind: 'illness', date: TODAY }, TODAY, msg).errors).toEqual({ contact_id: 'C' })
    expect(careEventBody({ ...emptyCareEventDraft(), kind: 'other', date: TODAY }, TODAY, msg).errors).toEqual({ note: 'N' })
    expect(careEventBody(emptyCareEventDraft(), TODAY, msg).errors).toEqual({ kind: 'R', date: 'R' })
    expect(careEventBody({ ...emptyCareEventDraft(), kind: 'store_opening', date: '1899-12-31' }, TODAY, msg).errors).toEqual({ date: 'D' })
  })

  it('POST: yearly always, contact and note when given; company anniversaries default to yearly', () => {
    expect(defaultYearly('company_anniversary')).toBe(true)
    expect(defaultYearly('wedding')).toBe(false)
    expect(careEventBody({ kind: 'wedding', date: '2027-05-01', contact_id: 2, yearly: false, note: ' 女儿出嫁 ' }, TODAY, msg).body).toEqual({
      kind: 'wedding', date: '2027-05-01', contact_id: 2, yearly: false, note: '女儿出嫁',
    })
    expect(careEventBody({ kind: 'company_anniversary', date: '2005-06-18', contact_id: null, yearly: true, note: '' }, TODAY, msg).body).toEqual({
      kind: 'company_anniversary', date: '2005-06-18', yearly: true,
    })
  })

  it('PATCH: only what changed, null to clear', () => {
    const ev: CareEvent = {
      id: 4, customer_id: 1, contact_id: 2, contact_name: '王芳', kind: 'illness', date: '2027-01-20', yearly: false, note: '住院',
      version: 2, created_by: 9, created_by_name: '李娜', created_at: '', updated_at: '',
    }
    const d = { kind: 'project_completion' as const, date: '2027-01-20', contact_id: null, yearly: false, note: '' }
    expect(careEventPatch(d, ev, TODAY, msg).body).toEqual({ version: 2, kind: 'project_completion', contact_id: null, note: null })
  })
})

describe('regional event body', () => {
  const msg = { required: 'R', dateRange: 'D' }

  it('the cascader path gives the province and the city', () => {
    expect(regionCodes(['440000', '440300'])).toEqual({ province_code: '440000', city_code: '440300' })
    expect(regionCodes(['440000'])).toEqual({ province_code: '440000' })
    expect(regionCodes([])).toBeNull()
  })

  it('needs kind, title, region and a date within 30 days', () => {
    expect(regionalBody(emptyRegionalDraft(TODAY), TODAY, msg).errors).toEqual({ kind: 'R', title: 'R', province_code: 'R' })
    const d = { kind: 'typhoon' as const, title: ' 台风“海葵”登陆 ', region: ['440000', '440300'], date: '2027-03-08', note: '' }
    expect(regionalBody(d, TODAY, msg).errors).toEqual({ date: 'D' })
    expect(regionalBody({ ...d, date: TODAY, note: '注意仓库进水' }, TODAY, msg).body).toEqual({
      kind: 'typhoon', title: '台风“海葵”登陆', province_code: '440000', city_code: '440300', date: TODAY, note: '注意仓库进水',
    })
  })
})
