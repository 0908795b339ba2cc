import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { createBody, draftFromLog, emptyDraft, isoInstant, mapLogErrors, patchBody, type LogDraft } from '../logForm'
import type { ContactLog } from '../types'

const create = vi.fn()
const update = vi.fn()
const get = vi.fn()
vi.mock('../api', () => ({
  contactLogsApi: {
    create: (...a: unknown[]) => create(...a),
    update: (...a: unknown[]) => update(...a),
    get: (...a: unknown[]) => get(...a),
  },
  careApi: { today: () => Promise.resolve({ counts: {} }) },
}))
const customerGet = vi.fn()
vi.mock('@/modules/customers/api', () => ({ customersApi: { get: (...a: unknown[]) => customerGet(...a) } }))

import ContactLogDialog from '../components/ContactLogDialog.vue'

/** form items show an error after a short debounce */
async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const msg = { required: 'REQ', cost: 'COST', future: 'FUTURE' }
const now = new Date('2027-02-01T06:00:00Z') // the bodies are built against this clock

function draft(over: Partial<LogDraft> = {}): LogDraft {
  return { ...emptyDraft(new Date('2027-02-01T01:30:45.678Z')), summary: ' 电话问候，谈了春节备货 ', ...over }
}

const log: ContactLog = {
  id: 9, customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', kind: 'gift', at: '2025-01-31T02:00:00Z', day: '2025-01-31',
  summary: '送去年货', outcome: null, next_contact_date: null, gift: { item: '坚果礼盒', cost: 19900, reason: '春节' }, visit_id: null,
  user_id: 6, user_name: '李娜', version: 3, created_at: '2025-01-31T02:00:00Z', updated_at: '2025-01-31T02:00:00Z',
  contacts: [{ id: 31, name: '孙总', title: '总经理', left: false }], promises: [],
}

describe('log bodies', () => {
  it('sends the time as a UTC instant, the gift cost in fen and the filled promise rows', () => {
    const d = draft({
      kind: 'gift', contact_ids: [31, 32], outcome: ' 客户很满意 ', next_contact_date: '2027-02-10',
      gift_item: ' 茶叶礼盒 ', gift_cost: '1,288.5', gift_reason: '春节问候',
      promises: [{ text: ' 寄送新品样品 ', due_date: '2027-02-05' }, { text: '', due_date: '' }, { text: '报价单', due_date: '2027-02-03' }],
    })
    const b = createBody(7, d, msg, now)
    expect(b.errors).toEqual({})
    expect(b.body).toEqual({
      customer_id: 7, kind: 'gift', at: '2027-02-01T01:30:45Z', summary: '电话问候，谈了春节备货', contact_ids: [31, 32], outcome: '客户很满意',
      next_contact_date: '2027-02-10', gift: { item: '茶叶礼盒', cost: 128850, reason: '春节问候' },
      promises: [{ text: '寄送新品样品', due_date: '2027-02-05' }, { text: '报价单', due_date: '2027-02-03' }],
    })
    expect(b.rows).toEqual([0, 2])
    expect(isoInstant(new Date('2027-02-01T01:30:00.999Z'))).toBe('2027-02-01T01:30:00Z')
  })

  it('leaves out what is empty and sends no gift for other kinds', () => {
    const b = createBody(7, draft({ kind: 'call', gift_item: '忘了清空', gift_cost: '10' }), msg, now)
    expect(b.body).toEqual({ customer_id: 7, kind: 'call', at: '2027-02-01T01:30:45Z', summary: '电话问候，谈了春节备货' })
  })

  it('finds the problems before asking the server', () => {
    const b = createBody(7, draft({ summary: ' ', kind: 'gift', gift_cost: '12.345', promises: [{ text: '样品', due_date: '' }, { text: '', due_date: '2027-02-02' }] }), msg, now)
    expect(b.body).toBeNull()
    expect(b.errors).toEqual({
      summary: 'REQ', 'gift.item': 'REQ', 'gift.cost': 'COST', 'promises[0].due_date': 'REQ', 'promises[1].text': 'REQ',
    })
    expect(createBody(7, draft({ kind: 'gift', gift_item: 'x', gift_cost: '-1' }), msg, now).errors).toEqual({ 'gift.cost': 'COST' })
    expect(createBody(7, draft({ kind: 'gift', gift_item: 'x', gift_cost: '' }), msg, now).errors).toEqual({ 'gift.cost': 'REQ' })
    expect(createBody(7, draft({ at: new Date('2027-02-01T07:00:00Z') }), msg, now).errors).toEqual({ at: 'FUTURE' })
    expect(createBody(7, draft({ kind: 'gift', gift_item: '月饼', gift_cost: '0' }), msg, now).body?.gift).toEqual({ item: '月饼', cost: 0 })
  })

  it('patches only what changed, with the version read', () => {
    const d = draftFromLog(log)
    expect(d.gift_cost).toBe('199.00')
    expect(patchBody(log, d, msg, now)).toEqual({ body: { version: 3 }, errors: {}, changed: false })
    d.summary = '送去年货，客户回赠特产'
    d.gift_cost = '258'
    d.contact_ids = [31, 33]
    d.next_contact_date = '2027-02-15'
    expect(patchBody(log, d, msg, now).body).toEqual({
      version: 3, summary: '送去年货，客户回赠特产', contact_ids: [31, 33], next_contact_date: '2027-02-15', gift: { item: '坚果礼盒', cost: 25800, reason: '春节' },
    })
    const call = { ...draftFromLog(log), kind: 'call' as const, outcome: '' }
    expect(patchBody(log, call, msg, now).body).toEqual({ version: 3, kind: 'call', gift: null })
    const moved = { ...draftFromLog(log), at: new Date('2027-01-30T09:00:00Z') }
    expect(patchBody(log, moved, msg, now).body).toEqual({ version: 3, at: '2027-01-30T09:00:00Z' })
  })

  it('puts the server field errors on the right inputs', () => {
    const { byField, rest } = mapLogErrors(
      {
        'promises[1].due_date': '承诺期限不能早于联系日期', 'promises[0].text': '必填', 'contact_ids[1]': '不是该客户的联系人',
        gift: '送礼记录须填写礼品和费用', 'gift.cost': '不能小于 0', next_contact_date: '下次联系日期不能早于本次联系', visit_id: '?',
      },
      [0, 2],
    )
    expect(byField).toEqual({
      'promises[2].due_date': '承诺期限不能早于联系日期', 'promises[0].text': '必填', contact_ids: '不是该客户的联系人',
      'gift.item': '送礼记录须填写礼品和费用', 'gift.cost': '不能小于 0', next_contact_date: '下次联系日期不能早于本次联系',
    })
    expect(rest).toEqual({ visit_id: '?' })
  })
})

describe('ContactLogDialog', () => {
  afterEach(() => {
    create.mockReset()
    update.mockReset()
    document.body.innerHTML = ''
  })
  const contacts = [
    { id: 31, name: '孙总', title: '总经理', left_company: false },
    { id: 32, name: '王芳', title: '采购', left_company: false },
  ]
  type Vm = { draft: LogDraft; errors: Record<string, string>; generalError: string; submit: () => Promise<void> }

  it('creates the log, and shows the server errors next to their inputs, a promise row included', async () => {
    setLocale('zh-CN')
    const w = mount(ContactLogDialog, {
      props: { modelValue: true, customerId: 7, customerName: '深圳市张伟润滑油有限公司', contacts, preset: { contact_ids: [31] } },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    expect(vm.draft.contact_ids).toEqual([31])
    expect(vm.draft.kind).toBe('call')
    expect(Math.abs((vm.draft.at as Date).getTime() - Date.now())).toBeLessThan(60_000)
    expect(customerGet).not.toHaveBeenCalled()

    vm.draft.at = new Date('2025-01-31T02:00:00Z')
    vm.draft.kind = 'gift'
    vm.draft.summary = '送去年货'
    vm.draft.gift_item = '坚果礼盒'
    vm.draft.gift_cost = '199'
    vm.draft.promises = [{ text: '', due_date: '' }, { text: '节后寄样品', due_date: '2025-01-20' }]
    await flushPromises()
    expect(document.querySelector('[data-test="log-gift-cost"]')).not.toBeNull()

    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'promises[0].due_date': '承诺期限不能早于联系日期' } }))
    await vm.submit()
    await settle()
    expect(create).toHaveBeenCalledWith({
      customer_id: 7, kind: 'gift', at: '2025-01-31T02:00:00Z', summary: '送去年货', contact_ids: [31],
      gift: { item: '坚果礼盒', cost: 19900 }, promises: [{ text: '节后寄样品', due_date: '2025-01-20' }],
    })
    expect(vm.errors).toEqual({ 'promises[1].due_date': '承诺期限不能早于联系日期' })
    const row = document.querySelector('[data-test="log-promise-1"]') as HTMLElement
    expect(row.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('承诺期限不能早于联系日期')
    expect(document.querySelector('[data-test="log-promise-0"] .el-form-item__error')).toBeNull()

    // changing the row clears its error; the next try is saved
    vm.draft.promises[1].due_date = '2025-02-05'
    await flushPromises()
    expect(vm.errors['promises[1].due_date']).toBeUndefined()
    create.mockResolvedValueOnce({ ...log, id: 10 })
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenCalledTimes(2)
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 10 })
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('edits with the version read and says so when someone else changed the log', async () => {
    setLocale('zh-CN')
    const w = mount(ContactLogDialog, {
      props: { modelValue: true, customerId: 7, contacts, log },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    expect(vm.draft.gift_cost).toBe('199.00')
    expect(document.querySelector('[data-test="log-promise-add"]')).toBeNull() // promises are made with a new log only
    vm.draft.summary = '送去年货，客户回赠特产'
    update.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    await vm.submit()
    await flushPromises()
    expect(update).toHaveBeenCalledWith(9, { version: 3, summary: '送去年货，客户回赠特产' })
    expect(vm.generalError).toBe(i18n.global.t('care.log.stale'))
    expect(document.querySelector('.el-message-box')).not.toBeNull()
    w.unmount()
  })

  it('loads the contacts of the customer when none are given', async () => {
    customerGet.mockResolvedValueOnce({ id: 8, name: '惠州市大亚湾宏达汽修厂', contacts: [{ id: 40, name: '陈师傅', left_company: false }] })
    const w = mount(ContactLogDialog, { props: { modelValue: true, customerId: 8 }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(customerGet).toHaveBeenCalledWith(8)
    expect(document.querySelector('[data-test="log-customer"]')?.textContent).toBe('惠州市大亚湾宏达汽修厂')
    w.unmount()
  })
})
