import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { useSessionStore } from '@/app/stores/session'
import type { Role } from '@/modules/auth/types'
import { emptyLine, type OrderFormModel } from '../orderForm'
import type { Product } from '../types'

const creditCheck = vi.fn()
const create = vi.fn()
vi.mock('../api', () => ({
  ordersApi: { creditCheck: (...a: unknown[]) => creditCheck(...a), create: (...a: unknown[]) => create(...a) },
  productsApi: { list: () => Promise.resolve({ items: [], total: 0 }) },
  salesApi: {
    customer: () => Promise.resolve({ id: 7, name: '深圳市张伟润滑油有限公司' }),
    searchCustomers: () => Promise.resolve([]),
  },
}))

import OrderEntryPage from '../pages/OrderEntryPage.vue'

const oil: Product = { id: 3, brand: '长城', name: '金吉星机油', spec: '4L', unit: '桶', price: 1999, active: true, version: 1 }

async function mountPage(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = { id: 1, username: 'u', name: 'U', role, team_id: null, team_name: null, active: true, must_change_password: false, version: 1 } as never
  const stub = { template: '<div/>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sales/orders/new', name: 'order-new', component: stub },
      { path: '/sales/orders', name: 'orders', component: stub },
      { path: '/customers/:id', name: 'customer', component: stub },
    ],
  })
  await router.push('/sales/orders/new?customer_id=7')
  await router.isReady()
  const w = mount(OrderEntryPage, { global: { plugins: [pinia, i18n, ElementPlus, router] }, attachTo: document.body })
  await settle()
  const model = (w.vm as unknown as { model: OrderFormModel }).model
  return { w, model, router }
}

async function settle(ms = 0) {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  if (ms) {
    await new Promise((r) => setTimeout(r, ms))
    await flushPromises()
  }
}

const over = { limit: 10_000_000, outstanding_before: 9_000_000, order_amount: 2_000_000, outstanding_after: 11_000_000 }

afterEach(() => {
  creditCheck.mockReset()
  create.mockReset()
  document.body.innerHTML = ''
})

describe('OrderEntryPage', () => {
  it('checks the credit while editing (debounced) and warns before saving', async () => {
    setLocale('zh-CN')
    creditCheck.mockResolvedValue({ within: false, total: 2_000_000, ...over })
    const { w, model } = await mountPage('account_manager')
    expect(model.customer_id).toBe(7)
    expect(model.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    model.lines = [{ ...emptyLine(), product: oil, quantity: '1', unit_price: '19999' }]
    await settle()
    model.lines[0].quantity = '10'
    await settle()
    expect(creditCheck).not.toHaveBeenCalled() // debounced
    await settle(500)
    expect(creditCheck).toHaveBeenCalledTimes(1)
    expect(creditCheck.mock.calls[0][0]).toEqual({ customer_id: 7, date: model.date, lines: [{ product_id: 3, quantity: 10, unit_price: 1999900 }] })
    const panel = w.get('[data-test="credit-panel"]')
    expect(panel.get('[data-test="credit-after"]').text()).toBe('¥110,000.00')
    expect(panel.find('[data-test="credit-warning"]').exists()).toBe(true)
    w.unmount()
  })

  it('a refused save shows the numbers; an account manager is told a lead must approve', async () => {
    creditCheck.mockResolvedValue({ within: false, ...over })
    create.mockRejectedValueOnce(new ApiError(422, { code: 'credit_limit_exceeded', message: '超出授信额度', extra: { credit: over } }))
    const { w, model } = await mountPage('account_manager')
    model.lines = [{ ...emptyLine(), product: oil, quantity: '10', unit_price: '2000' }]
    await settle()
    await w.get('[data-test="order-save"]').trigger('click')
    await settle()
    const box = w.get('[data-test="credit-exceeded"]')
    expect(box.get('[data-test="credit-limit"]').text()).toBe('¥100,000.00')
    expect(box.get('[data-test="credit-before"]').text()).toBe('¥90,000.00')
    expect(box.get('[data-test="credit-after"]').text()).toBe('¥110,000.00')
    expect(box.find('[data-test="need-approval"]').exists()).toBe(true)
    expect(box.find('[data-test="override-save"]').exists()).toBe(false)
    w.unmount()
  })

  it('a manager may override with a reason: the order is resent with credit_override', async () => {
    creditCheck.mockResolvedValue({ within: false, ...over })
    create
      .mockRejectedValueOnce(new ApiError(422, { code: 'credit_limit_exceeded', message: '超出授信额度', extra: { credit: over } }))
      .mockResolvedValueOnce({ id: 12, customer_id: 7 })
    const { w, model, router } = await mountPage('manager')
    model.lines = [{ ...emptyLine(), product: oil, quantity: '10', unit_price: '2000' }]
    await settle()
    await w.get('[data-test="order-save"]').trigger('click')
    await settle()
    await w.get('[data-test="override-save"]').trigger('click')
    await settle()
    expect(create).toHaveBeenCalledTimes(1) // a reason is required first
    expect(w.get('[data-test="override-error"]').text()).toBe('请填写放行原因')
    await w.get('textarea[data-test="override-reason"]').setValue('客户已承诺月底前回款')
    await w.get('[data-test="override-save"]').trigger('click')
    await settle()
    expect(create).toHaveBeenCalledTimes(2)
    expect(create.mock.calls[1][0].credit_override).toEqual({ reason: '客户已承诺月底前回款' })
    expect(router.currentRoute.value.name).toBe('orders')
    expect(router.currentRoute.value.query.open).toBe('12')
    w.unmount()
  })

  it('shows server field errors such as lines[0].quantity in the cell', async () => {
    creditCheck.mockResolvedValue({ within: true, ...over })
    const { w, model } = await mountPage('account_manager')
    model.lines = [emptyLine(), { ...emptyLine(), product: oil, quantity: '5', unit_price: '19.99' }]
    await settle()
    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '请检查输入', fields: { 'lines[0].quantity': '数量超出库存' } }))
    await w.get('[data-test="order-save"]').trigger('click')
    await settle()
    // body line 0 is model row 1 (row 0 was empty and skipped)
    expect(w.get('[data-test="line-1-quantity-error"]').text()).toBe('数量超出库存')
    expect(w.find('[data-test="line-0-quantity-error"]').exists()).toBe(false)
    expect(w.find('[data-test="entry-error"]').exists()).toBe(true)
    w.unmount()
  })

  it('refuses to send an order whose cells are wrong', async () => {
    const { w, model } = await mountPage('account_manager')
    model.lines = [{ ...emptyLine(), product: oil, quantity: '1.5', unit_price: '19.999' }]
    await settle()
    await w.get('[data-test="order-save"]').trigger('click')
    await settle()
    expect(create).not.toHaveBeenCalled()
    expect(w.get('[data-test="line-0-quantity-error"]').text()).toContain('整数')
    expect(w.get('[data-test="line-0-price-error"]').text()).toContain('两位小数')
    w.unmount()
  })
})
