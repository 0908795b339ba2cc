import { describe, expect, it, vi, beforeEach } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { Order } from '../types'

const get = vi.fn()
const update = vi.fn()
const customer = vi.fn()
vi.mock('../api', () => ({
  ordersApi: { get: (...a: unknown[]) => get(...a), update: (...a: unknown[]) => update(...a), addPayment: vi.fn() },
  returnsApi: { create: vi.fn() },
  salesApi: { customer: (...a: unknown[]) => customer(...a) },
}))

import OrderDetailDrawer from '../components/OrderDetailDrawer.vue'

const order: Order = {
  id: 12, customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', date: '2026-11-02',
  lines: [{ line_no: 1, product_id: 3, product_name: '金吉星机油', brand: '长城', spec: '4L', unit: '桶', quantity: 10, unit_price: 19800, amount: 198000 }],
  subtotal: 198000, discount: 0, total: 198000, paid: 0, outstanding: 198000, settlement: 'unpaid', note: '月底前送货', payments: [], version: 3,
}

type DrawerVm = { edit: { date: string; note: string }; editErrors: Record<string, string>; startEdit: () => void; saveEdit: () => Promise<void> }

const mountDrawer = () =>
  mount(OrderDetailDrawer, {
    props: { modelValue: true, orderId: 12 },
    global: { plugins: [i18n, ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  })

describe('OrderDetailDrawer: editing the date and the note', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    get.mockReset()
    update.mockReset()
    customer.mockReset()
    get.mockResolvedValue(order)
  })

  it('offers "edit" to those who may write the customer, PATCHes date, note and version, shows the result', async () => {
    customer.mockResolvedValue({ id: 7, name: order.customer_name, can_edit: true })
    const w = mountDrawer()
    await flushPromises()
    expect(customer).toHaveBeenCalledWith(7)
    await w.get('[data-test="order-edit"]').trigger('click')
    await flushPromises()
    const vm = w.vm as unknown as DrawerVm
    expect(vm.edit).toEqual({ date: '2026-11-02', note: '月底前送货' })
    expect(document.querySelector('[data-test="order-edit-form"]')).not.toBeNull()
    vm.edit.date = '2026-11-01'
    vm.edit.note = '  改为月中送货 '
    update.mockResolvedValue({ ...order, date: '2026-11-01', note: '改为月中送货', version: 4 })
    await vm.saveEdit()
    await flushPromises()
    expect(update).toHaveBeenCalledWith(12, { date: '2026-11-01', note: '改为月中送货', version: 3 })
    expect(w.get('[data-test="drawer-date"]').text()).toBe('2026-11-01')
    expect(w.get('[data-test="drawer-note"]').text()).toBe('改为月中送货')
    expect(w.emitted('changed')?.at(-1)?.[0]).toMatchObject({ id: 12, version: 4 })
    w.unmount()
  })

  it('offers no "edit" to those who may only read the customer', async () => {
    customer.mockResolvedValue({ id: 7, name: order.customer_name, can_edit: false })
    const w = mountDrawer()
    await flushPromises()
    expect(w.find('[data-test="drawer-total"]').exists()).toBe(true)
    expect(w.find('[data-test="order-edit"]').exists()).toBe(false)
    w.unmount()
  })

  it('refuses a future date before asking the server and shows the server date error at the date', async () => {
    customer.mockResolvedValue({ id: 7, name: order.customer_name, can_edit: true })
    const w = mountDrawer()
    await flushPromises()
    const vm = w.vm as unknown as DrawerVm
    vm.startEdit()
    vm.edit.date = '2999-01-01'
    await vm.saveEdit()
    expect(update).not.toHaveBeenCalled()
    expect(vm.editErrors.date).toBe('日期应在 2000-01-01 至今天之间')
    update.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { date: '收款日期不能早于订单日期' } }))
    vm.edit.date = '2026-11-01'
    await vm.saveEdit()
    await flushPromises()
    expect(vm.editErrors.date).toBe('收款日期不能早于订单日期')
    // the form item of the date is marked (Element Plus shows the message under it)
    expect(document.querySelector('[data-test="order-edit-form"] [data-test="order-edit-date"]')?.closest('.el-form-item')?.classList.contains('is-error')).toBe(true)
    w.unmount()
  })

  it('on 409 says someone else changed the order and, on request, loads the latest into the form', async () => {
    customer.mockResolvedValue({ id: 7, name: order.customer_name, can_edit: true })
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = mountDrawer()
    await flushPromises()
    const vm = w.vm as unknown as DrawerVm
    vm.startEdit()
    vm.edit.note = '我的修改'
    update.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: '已被修改' }))
    get.mockResolvedValueOnce({ ...order, note: '别人的修改', version: 4 })
    await vm.saveEdit()
    await flushPromises()
    expect(confirm).toHaveBeenCalledWith('在您编辑期间，其他人修改了这笔订单。请加载最新内容后再修改。', expect.any(String), expect.any(Object))
    expect(get).toHaveBeenCalledTimes(2)
    expect(vm.edit.note).toBe('别人的修改')
    update.mockResolvedValueOnce({ ...order, note: '别人的修改', version: 5 })
    await vm.saveEdit()
    expect(update).toHaveBeenLastCalledWith(12, { date: '2026-11-02', note: '别人的修改', version: 4 })
    confirm.mockRestore()
    w.unmount()
  })
})
