import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { vi } from 'vitest'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import {
  achievedPerMille, draftFromPlan, draftTargetAmount, emptyPlanLine, mapPlanErrors, perMilleText, planBody, planTotals, progressPercent,
  targetedProductIds,
} from '../planGrid'
import type { Plan } from '../types'

const plan: Plan = {
  month: '2027-03', id: 4, version: 2, schedule: '每周一送货', support: '门头广告',
  lines: [
    { product_id: 1, product_name: '金吉星机油', brand: '长城', spec: '4L', unit: '桶', target_quantity: 20, target_amount: 396000, actual_quantity: 10, actual_amount: 198000, achieved_per_mille: 500 },
    { product_id: 2, product_name: '力霸机油', brand: '美孚', spec: '18L', unit: '桶', target_quantity: 10, target_amount: 1200000, actual_quantity: 5, actual_amount: 644000, achieved_per_mille: 537 },
    { product_id: 3, product_name: '齿轮油', brand: '壳牌', spec: '1L', unit: '瓶', target_quantity: 0, target_amount: 0, actual_quantity: 3, actual_amount: 9000, achieved_per_mille: 0 },
  ],
  target_amount: 1596000, actual_amount: 851000, achieved_per_mille: 533,
  working_days: { total: 23, elapsed: 16 }, expected_per_mille: 696, same_period_last_year: 500000, ytd_actual: 851000,
}

describe('plan grid helpers', () => {
  it('shows per mille as a percent with one decimal, exactly', () => {
    expect(perMilleText(502)).toBe('50.2%')
    expect(perMilleText(1000)).toBe('100.0%')
    expect(perMilleText(0)).toBe('0.0%')
    expect(perMilleText(1234)).toBe('123.4%')
    expect(perMilleText(-15)).toBe('-1.5%')
    expect(perMilleText(null)).toBe('—')
  })

  it('fills the progress bar up to 100', () => {
    expect(progressPercent(533)).toBe(53.3)
    expect(progressPercent(1500)).toBe(100)
    expect(progressPercent(-3)).toBe(0)
    expect(progressPercent(undefined)).toBe(0)
  })

  it('sums the lines into the totals row; the rate comes from the summed amounts', () => {
    expect(planTotals(plan.lines)).toEqual({ target_quantity: 30, target_amount: 1596000, actual_quantity: 18, actual_amount: 851000, achieved_per_mille: 533 })
    expect(planTotals([])).toEqual({ target_quantity: 0, target_amount: 0, actual_quantity: 0, actual_amount: 0, achieved_per_mille: 0 })
    expect(achievedPerMille(1, 3)).toBe(333)
    expect(achievedPerMille(2, 3)).toBe(667)
    expect(achievedPerMille(5, 0)).toBe(0)
  })

  it('edits the targeted lines only and sends version, quantities, typed amounts in fen', () => {
    const d = draftFromPlan(plan)
    expect(d.lines.map((l) => l.product_id)).toEqual([1, 2])
    d.lines[1].amount = ''
    d.lines[1].quantity = '12'
    const extra = emptyPlanLine()
    extra.product_id = 3
    extra.quantity = '6'
    extra.amount = '180.5'
    d.lines.push(extra, emptyPlanLine()) // the empty last row is skipped
    const msg = { product: 'P', quantity: 'Q', amount: 'A', duplicate: 'D' }
    const built = planBody(d, 2, msg)
    expect(built.body).toEqual({
      lines: [
        { product_id: 1, quantity: 20, amount: 396000 },
        { product_id: 2, quantity: 12 },
        { product_id: 3, quantity: 6, amount: 18050 },
      ],
      schedule: '每周一送货', support: '门头广告', version: 2,
    })
    expect(built.rows).toEqual([0, 1, 2])
    expect(planBody(d, null, msg).body).not.toHaveProperty('version')
  })

  it('refuses rows without product or quantity and a product twice', () => {
    const a = emptyPlanLine()
    a.product_id = 1
    a.quantity = '0'
    const b = emptyPlanLine()
    b.quantity = '3'
    const c = emptyPlanLine()
    c.product_id = 1
    c.quantity = '2'
    const built = planBody({ lines: [a, b, c], schedule: '', support: '' }, 1, { product: 'P', quantity: 'Q', amount: 'A', duplicate: 'D' })
    expect(built.body).toBeNull()
    expect(built.errors).toEqual({ '0.quantity': 'Q', '1.product': 'P', '2.product': 'D' })
  })

  it('maps the server errors of sent lines back to the draft rows', () => {
    expect(mapPlanErrors({ 'lines[1].product_id': '重复', 'lines[0].quantity': '太多', schedule: '太长' }, [0, 2])).toEqual({
      byRow: { '2.product': '重复', '0.quantity': '太多' },
      rest: { schedule: '太长' },
    })
  })

  it('loads an amount equal to quantity × list price as automatic: a new quantity recalculates it', () => {
    // line 1: 20 × ¥198 = ¥3,960 (the server default); line 2: ¥12,000 typed for 10 × ¥1,288 = ¥12,880
    const prices = new Map([[1, 19800], [2, 128800]])
    const d = draftFromPlan(plan, prices)
    expect(d.lines.map((l) => l.amount)).toEqual(['', '12000.00'])
    expect(d.lines.map((l) => l.product?.price)).toEqual([19800, 128800])
    expect(draftTargetAmount(d.lines[0])).toBe(396000)
    d.lines[0].quantity = '30'
    d.lines[1].quantity = '12'
    expect(draftTargetAmount(d.lines[0])).toBe(594000)
    expect(draftTargetAmount(d.lines[1])).toBe(1200000)
    const built = planBody(d, 2, { product: 'P', quantity: 'Q', amount: 'A', duplicate: 'D' })
    // the automatic line sends no amount (the server takes 30 × list price); the override stays
    expect(built.body?.lines).toEqual([
      { product_id: 1, quantity: 30 },
      { product_id: 2, quantity: 12, amount: 1200000 },
    ])
  })

  it('keeps the stored amount when the list price changed since, or is not known', () => {
    // the price went up to ¥200: ¥3,960 no longer is 20 × list price, so it is the plan's own amount
    expect(draftFromPlan(plan, new Map([[1, 20000]])).lines[0].amount).toBe('3960.00')
    // no price at hand (the product could not be read): nothing is lost
    const d = draftFromPlan(plan)
    expect(d.lines.map((l) => l.amount)).toEqual(['3960.00', '12000.00'])
    d.lines[0].quantity = '30'
    expect(planBody(d, 2, { product: 'P', quantity: 'Q', amount: 'A', duplicate: 'D' }).body?.lines[0]).toEqual({ product_id: 1, quantity: 30, amount: 396000 })
    // a zero amount on a zero-priced product stays typed too
    const zero: Plan = { ...plan, lines: [{ ...plan.lines[0], target_amount: 0 }] }
    expect(draftFromPlan(zero, new Map([[1, 0]])).lines[0].amount).toBe('0.00')
  })

  it('names the products with a target (those whose price the edit needs), once each', () => {
    expect(targetedProductIds(plan)).toEqual([1, 2])
    expect(targetedProductIds(null)).toEqual([])
  })

  it('shows quantity × list price as the default target amount', () => {
    const l = emptyPlanLine()
    l.product = { id: 1, brand: '长城', name: '机油', spec: '4L', unit: '桶', price: 19800 }
    l.product_id = 1
    l.quantity = '20'
    expect(draftTargetAmount(l)).toBe(396000)
    l.amount = '1000'
    expect(draftTargetAmount(l)).toBe(100000)
  })
})

const get = vi.fn()
const year = vi.fn()
const save = vi.fn()
const product = vi.fn()
vi.mock('../api', () => ({
  plansApi: { get: (...a: unknown[]) => get(...a), year: (...a: unknown[]) => year(...a), save: (...a: unknown[]) => save(...a) },
  productsApi: { list: () => Promise.resolve({ items: [], total: 0 }), get: (...a: unknown[]) => product(...a) },
}))
vi.mock('../components/PlanYearChart.vue', () => ({ default: { template: '<div data-test="plan-chart"/>' } }))

import PlanTab from '../components/PlanTab.vue'

describe('PlanTab', () => {
  it('shows the grid with a totals row, percent texts and the working-day expectation', async () => {
    setLocale('zh-CN')
    get.mockResolvedValue(plan)
    year.mockResolvedValue({ year: 2027, months: [] })
    const w = mount(PlanTab, { props: { customerId: 7, canEdit: true }, global: { plugins: [i18n, ElementPlus] } })
    await flushPromises()
    expect(get).toHaveBeenCalledWith(7, expect.stringMatching(/^\d{4}-\d{2}$/))
    expect(w.findAll('[data-test="plan-row-pct"]').map((x) => x.text())).toEqual(['50.0%', '53.7%', '—'])
    expect(w.get('[data-test="plan-total-pct"]').text()).toBe('53.3%')
    expect(w.get('[data-test="plan-total-target"]').text()).toBe('¥15,960.00')
    expect(w.get('[data-test="plan-total-actual"]').text()).toBe('¥8,510.00')
    expect(w.get('[data-test="plan-achieved"]').text()).toBe('53.3%')
    expect(w.get('[data-test="plan-expected"]').text()).toBe('69.6%')
    expect(w.text()).toContain('工作日 16 / 23')
    expect(w.get('[data-test="plan-last-year"]').text()).toBe('¥5,000.00')
    expect(w.get('[data-test="plan-schedule"]').text()).toBe('每周一送货')
    expect(w.find('[data-test="plan-edit"]').exists()).toBe(true)
  })

  it('offers no edit button to those who may not edit the customer', async () => {
    get.mockResolvedValue(plan)
    year.mockResolvedValue({ year: 2027, months: [] })
    const w = mount(PlanTab, { props: { customerId: 7, canEdit: false }, global: { plugins: [i18n, ElementPlus] } })
    await flushPromises()
    expect(w.find('[data-test="plan-edit"]').exists()).toBe(false)
  })

  it('editing a loaded plan keeps typed amounts and lets automatic ones follow the quantity', async () => {
    get.mockResolvedValue(plan)
    year.mockResolvedValue({ year: 2027, months: [] })
    product.mockImplementation((id: number) => Promise.resolve({ id, price: id === 1 ? 19800 : 128800 }))
    const w = mount(PlanTab, { props: { customerId: 7, canEdit: true }, global: { plugins: [i18n, ElementPlus] } })
    await flushPromises()
    await w.get('[data-test="plan-edit"]').trigger('click')
    await flushPromises()
    expect(product.mock.calls.map((c) => c[0]).sort()).toEqual([1, 2])
    const amount0 = w.get('input[data-test="plan-line-0-amount"]').element as HTMLInputElement
    const amount1 = w.get('input[data-test="plan-line-1-amount"]').element as HTMLInputElement
    expect(amount0.value).toBe('')
    expect(amount0.placeholder).toBe('3,960.00')
    expect(amount1.value).toBe('12000.00')
    await w.get('input[data-test="plan-line-0-quantity"]').setValue('30')
    expect(amount0.placeholder).toBe('5,940.00')
    expect(w.get('[data-test="plan-draft-total"]').text()).toBe('¥17,940.00')
    save.mockResolvedValue(plan)
    await w.get('[data-test="plan-save"]').trigger('click')
    await flushPromises()
    expect(save).toHaveBeenCalledWith(7, expect.any(String), {
      lines: [{ product_id: 1, quantity: 30 }, { product_id: 2, quantity: 10, amount: 1200000 }],
      schedule: '每周一送货', support: '门头广告', version: 2,
    })
    w.unmount()
  })
})
