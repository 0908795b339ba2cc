import { describe, expect, it, vi, beforeEach } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import {
  draftFromReport, draftTotalQuantity, emptySellThroughLine, isFutureMonth, lastMonth, mapSellThroughErrors, quantityText,
  sellThroughBody, thisMonth,
} from '../sellThrough'
import type { SellThroughReport } from '../types'

const report: SellThroughReport = {
  customer_id: 7, month: '2026-10', id: 3, version: 2, note: '国庆促销', updated_at: '2026-11-02T03:00:00Z',
  lines: [
    { product_id: 1, product_name: '金吉星机油', brand: '长城', spec: '4L', unit: '桶', quantity: 40 },
    { product_id: 2, product_name: '力霸机油', brand: '美孚', spec: '18L', unit: '桶', quantity: 12 },
  ],
  total_quantity: 52,
}
const none: SellThroughReport = { customer_id: 7, month: '2026-10', id: null, version: null, note: null, updated_at: null, lines: [], total_quantity: 0 }
const msg = { product: 'P', quantity: 'Q', duplicate: 'D' }

describe('sell-through helpers', () => {
  it('reports last month by default and never a future one', () => {
    expect(lastMonth(new Date(2026, 10, 23))).toBe('2026-10')
    expect(lastMonth(new Date(2027, 0, 5))).toBe('2026-12')
    expect(thisMonth(new Date(2027, 0, 5))).toBe('2027-01')
    const today = new Date(2026, 10, 23)
    expect(isFutureMonth('2026-11', today)).toBe(false)
    expect(isFutureMonth('2026-12', today)).toBe(true)
    expect(isFutureMonth('2025-12', today)).toBe(false)
    expect(isFutureMonth(new Date(2027, 0, 1), today)).toBe(true)
    expect(isFutureMonth(new Date(2026, 10, 30), today)).toBe(false)
  })

  it('loads a report into the draft; an empty month starts with one empty row', () => {
    const d = draftFromReport(report)
    expect(d.note).toBe('国庆促销')
    expect(d.lines.map((l) => [l.product_id, l.product?.name, l.quantity])).toEqual([[1, '金吉星机油', '40'], [2, '力霸机油', '12']])
    const e = draftFromReport(none)
    expect(e.note).toBe('')
    expect(e.lines).toHaveLength(1)
    expect(e.lines[0].product_id).toBeNull()
    expect(draftTotalQuantity(d.lines)).toBe(52)
    expect(draftTotalQuantity([{ quantity: '3' }, { quantity: 'x' }, { quantity: '' }])).toBe(3)
  })

  it('builds the PUT body: lines with product and quantity, the note, the version of an existing report', () => {
    const d = draftFromReport(report)
    d.lines[1].quantity = '0' // reported: none sold
    d.lines.push(emptySellThroughLine()) // skipped
    d.note = '  国庆促销，含门店活动 '
    const built = sellThroughBody(d, 2, msg)
    expect(built.body).toEqual({ lines: [{ product_id: 1, quantity: 40 }, { product_id: 2, quantity: 0 }], note: '国庆促销，含门店活动', version: 2 })
    expect(built.rows).toEqual([0, 1])
    expect(sellThroughBody(d, null, msg).body).not.toHaveProperty('version')
  })

  it('refuses a row without product, a quantity that is not a whole number in range, a product twice', () => {
    const a = emptySellThroughLine()
    a.quantity = '3'
    const b = emptySellThroughLine()
    b.product_id = 1
    b.quantity = '1.5'
    const c = emptySellThroughLine()
    c.product_id = 1
    c.quantity = '10000001'
    const built = sellThroughBody({ lines: [a, b, c], note: '' }, 1, msg)
    expect(built.body).toBeNull()
    expect(built.errors).toEqual({ '0.product': 'P', '1.quantity': 'Q', '2.product': 'D', '2.quantity': 'Q' })
  })

  it('maps the server errors of sent lines back to the draft rows', () => {
    expect(mapSellThroughErrors({ 'lines[1].quantity': '太多', 'lines[0].product_id': '未知产品', month: '未来月份', note: '太长' }, [0, 2])).toEqual({
      byRow: { '2.quantity': '太多', '0.product': '未知产品' },
      rest: { month: '未来月份', note: '太长' },
    })
  })

  it('groups units for the locale', () => {
    expect(quantityText(12345)).toBe('12,345')
    expect(quantityText(0)).toBe('0')
    expect(quantityText(undefined)).toBe('—')
  })
})

const get = vi.fn()
const save = vi.fn()
const summary = vi.fn()
const customer = vi.fn()
const subtree = vi.fn()
vi.mock('../api', () => ({
  sellThroughApi: { get: (...a: unknown[]) => get(...a), save: (...a: unknown[]) => save(...a) },
  productsApi: { list: () => Promise.resolve({ items: [], total: 0 }) },
  salesApi: { summary: (...a: unknown[]) => summary(...a), customer: (...a: unknown[]) => customer(...a) },
}))
vi.mock('@/modules/customers/api', () => ({ customersApi: { subtree: (...a: unknown[]) => subtree(...a) } }))

import SellThroughDialog from '../components/SellThroughDialog.vue'
import DistributionTab from '@/modules/customers/components/DistributionTab.vue'

type DialogVm = { month: string; draft: ReturnType<typeof draftFromReport>; errors: Record<string, string>; submit: () => Promise<void> }

describe('SellThroughDialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    get.mockReset()
    save.mockReset()
  })
  const mountDialog = () =>
    mount(SellThroughDialog, { props: { modelValue: true, customerId: 7, customerName: '东莞华润' }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })

  it('opens on last month with its report and replaces it with the version read', async () => {
    get.mockResolvedValue(report)
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as DialogVm
    expect(get).toHaveBeenCalledWith(7, lastMonth())
    expect(vm.month).toBe(lastMonth())
    expect(vm.draft.lines.map((l) => l.quantity)).toEqual(['40', '12'])
    expect(document.querySelector('[data-test="sell-through-existing"]')).not.toBeNull()
    expect(document.querySelector('[data-test="st-draft-total"]')?.textContent).toBe('52')
    vm.draft.lines[0].quantity = '45'
    save.mockResolvedValue({ ...report, version: 3 })
    await vm.submit()
    await flushPromises()
    expect(save).toHaveBeenCalledWith(7, lastMonth(), { lines: [{ product_id: 1, quantity: 45 }, { product_id: 2, quantity: 12 }], note: '国庆促销', version: 2 })
    expect(w.emitted('saved')?.[0]).toEqual([{ ...report, version: 3 }])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('creates a new report without a version and shows server errors on their rows', async () => {
    get.mockResolvedValue(none)
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as DialogVm
    expect(document.querySelector('[data-test="sell-through-none"]')).not.toBeNull()
    const second = emptySellThroughLine()
    Object.assign(vm.draft.lines[0], { product_id: 1, quantity: '5' })
    vm.draft.lines.push(emptySellThroughLine(), Object.assign(second, { product_id: 2, quantity: '9' })) // the middle one is empty
    save.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'lines[1].product_id': '产品不存在', month: '不能为未来月份报数' } }))
    await vm.submit()
    await flushPromises()
    expect(save).toHaveBeenCalledWith(7, lastMonth(), { lines: [{ product_id: 1, quantity: 5 }, { product_id: 2, quantity: 9 }], note: '' })
    expect(vm.errors['2.product']).toBe('产品不存在')
    expect(document.querySelector('[data-test="st-line-2-product-error"]')?.textContent).toBe('产品不存在')
    expect(document.querySelector('[data-test="st-line-0-product-error"]')).toBeNull()
    expect(document.querySelector('[data-test="sell-through-month-error"]')?.textContent).toBe('不能为未来月份报数')
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })

  it('does not call the server with a bad quantity', async () => {
    get.mockResolvedValue(none)
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as DialogVm
    Object.assign(vm.draft.lines[0], { product_id: 1, quantity: '-2' })
    await vm.submit()
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    expect(document.querySelector('[data-test="st-line-0-quantity-error"]')?.textContent).toBe('数量应为 0 至 10,000,000 的整数')
    w.unmount()
  })

  it('on 409 says someone else changed it and reloads the latest report', async () => {
    get.mockResolvedValueOnce(report)
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as DialogVm
    vm.draft.lines[0].quantity = '99'
    save.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: '已被修改' }))
    get.mockResolvedValueOnce({ ...report, version: 3, lines: [{ ...report.lines[0], quantity: 41 }], total_quantity: 41 })
    await vm.submit()
    await flushPromises()
    expect(get).toHaveBeenCalledTimes(2)
    expect(document.querySelector('[data-test="sell-through-stale"]')?.textContent).toContain('其他人修改了该月的报数')
    expect(vm.draft.lines.map((l) => l.quantity)).toEqual(['41'])
    // saving again sends the new version
    save.mockResolvedValueOnce({ ...report, version: 4 })
    await vm.submit()
    await flushPromises()
    expect(save).toHaveBeenLastCalledWith(7, lastMonth(), { lines: [{ product_id: 1, quantity: 41 }], note: '国庆促销', version: 3 })
    w.unmount()
  })
})

describe('DistributionTab', () => {
  const totals = { customers: 2, mtd_amount: 59400, ytd_amount: 59400, lifetime_amount: 59400, outstanding: 0, sell_through_mtd_quantity: 0, sell_through_ytd_quantity: 1234 }
  beforeEach(() => {
    setLocale('zh-CN')
    subtree.mockResolvedValue({ id: 7, name: '东莞华润', dealer_level: 'general', owner_name: '王强', depth: 0, children: [] })
    summary.mockResolvedValue({ subtree: totals })
  })
  const mountTab = () => mount(DistributionTab, { props: { customerId: 7 }, global: { plugins: [i18n, ElementPlus], stubs: { 'router-link': true } } })

  it('shows the units reported next to the subtree amounts, and the report button to writers', async () => {
    customer.mockResolvedValue({ id: 7, name: '东莞华润', can_edit: true })
    const w = mountTab()
    await flushPromises()
    expect(w.get('[data-test="subtree-sell_through_mtd_quantity"]').text()).toBe('0')
    expect(w.get('[data-test="subtree-sell_through_ytd_quantity"]').text()).toBe('1,234')
    expect(w.text()).toContain('本年纯销')
    expect(w.find('[data-test="sell-through-report"]').exists()).toBe(true)
    w.unmount()
  })

  it('offers no report to those who may only read the customer', async () => {
    customer.mockResolvedValue({ id: 7, name: '东莞华润', can_edit: false })
    const w = mountTab()
    await flushPromises()
    expect(w.find('[data-test="subtree-sell_through_ytd_quantity"]').exists()).toBe(true)
    expect(w.find('[data-test="sell-through-report"]').exists()).toBe(false)
    w.unmount()
  })
})
