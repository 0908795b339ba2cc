import { describe, expect, it } from 'vitest'
import { createBody, emptyModel, mapFieldErrors, modelFromCustomer, patchBody } from '../customerForm'
import type { Customer } from '../types'

const customer: Customer = {
  id: 1, type: 'company', name: '广州市张伟贸易有限公司', short_name: '张伟贸易', credit_code: null,
  industry: 'wholesale', size: 'small', province_code: '440000', province: '广东省', city_code: '440100',
  city: '广州市', district_code: null, district: null, address: null, lat: null, lng: null, source: null,
  status: 'active', grade: 'B', tags: ['key'], cooperation_start: '2024-03-01', credit_limit: 5000000,
  bank_name: null, bank_account: null, tax_number: null, website: null, notes: null, custom: {},
  owner_id: 7, owner_name: '李娜', version: 3, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z',
}

describe('customer form model', () => {
  it('creates only filled-in fields, credit limit in fen, the first contact', () => {
    const m = emptyModel()
    m.name = ' 深圳市张伟润滑油有限公司 '
    m.grade = 'A'
    m.credit_limit = 12345.67
    m.region = ['440000', '440300']
    m.contact.name = '张伟'
    m.contact.mobile = '13800138000'
    expect(createBody(m, { withOwner: false, withTerms: true })).toEqual({
      type: 'company',
      status: 'prospect',
      name: '深圳市张伟润滑油有限公司',
      grade: 'A',
      province_code: '440000',
      city_code: '440300',
      credit_limit: 1234567,
      contacts: [{ name: '张伟', mobile: '13800138000', is_primary: true }],
    })
  })

  it('sends the owner only for roles that may set it', () => {
    const m = emptyModel()
    m.name = 'x'
    m.owner_id = 9
    expect(createBody(m, { withOwner: false })).not.toHaveProperty('owner_id')
    expect(createBody(m, { withOwner: true })).toHaveProperty('owner_id', 9)
  })

  it('patches only what changed, with the version it read', () => {
    const m = modelFromCustomer(customer)
    expect(m.credit_limit).toBe(50000)
    expect(patchBody(m, customer, { withOwner: false })).toEqual({ version: 3 })
    m.grade = 'A'
    m.short_name = ''
    m.credit_limit = 60000.5
    expect(patchBody(m, customer, { withOwner: false, withTerms: true })).toEqual({ grade: 'A', short_name: null, credit_limit: 6000050, version: 3 })
    // an account manager's form never sends the credit terms, even when the model has them
    expect(patchBody(m, customer, { withOwner: false })).toEqual({ grade: 'A', short_name: null, version: 3 })
  })

  it('maps server field keys onto form items', () => {
    const known = (p: string) => ['name', 'region', 'contact.mobile', 'credit_code'].includes(p)
    const { byProp, rest } = mapFieldErrors(
      { name: '太长', city_code: '无效', 'contacts[0].mobile': '格式不对', 'contacts.0.mobile': 'again', secret: 'x' },
      known,
    )
    expect(byProp).toEqual({ name: '太长', region: '无效', 'contact.mobile': '格式不对; again' })
    expect(rest).toEqual({ secret: 'x' })
  })

  it('sends the dealer level, the parent and a return window other than the default 30 days', () => {
    const m = emptyModel()
    m.name = '东莞市长安镇恒通汽配商行'
    expect(m.return_window_days).toBe(30)
    expect(createBody(m, { withOwner: false })).not.toHaveProperty('return_window_days')
    m.dealer_level = 'second'
    m.parent_id = 12
    m.return_window_days = 15
    expect(createBody(m, { withOwner: false, withTerms: true })).toMatchObject({ dealer_level: 'second', parent_id: 12, return_window_days: 15 })
    expect(createBody(m, { withOwner: false })).not.toHaveProperty('return_window_days')
    const c = { ...customer, parent_id: 12, parent_name: '总经销', dealer_level: 'second' as const, return_window_days: 15 }
    const e = modelFromCustomer(c)
    expect(e.parent_name).toBe('总经销')
    e.parent_id = null
    expect(patchBody(e, c, { withOwner: false, withTerms: true })).toEqual({ parent_id: null, version: 3 })
  })
})
