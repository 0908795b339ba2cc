import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { mapReturnErrors, returnBody, emptyReturnDraft } from '../returnForm'
import type { OrderLine } from '../types'

const create = vi.fn()
vi.mock('../api', () => ({ returnsApi: { create: (...a: unknown[]) => create(...a) } }))

import ReturnDialog from '../components/ReturnDialog.vue'

const lines: OrderLine[] = [
  { line_no: 1, product_id: 3, product_name: '金吉星机油', brand: '长城', spec: '4L', unit: '桶', quantity: 10, unit_price: 19800, amount: 198000 },
  { line_no: 2, product_id: 4, product_name: '力霸机油', brand: '美孚', spec: '18L', unit: '桶', quantity: 5, unit_price: 128800, amount: 644000 },
  { line_no: 3, product_id: 5, product_name: '齿轮油', brand: '壳牌', spec: '1L', unit: '瓶', quantity: 4, unit_price: 3000, amount: 12000 },
]
const msg = { reason: 'R', none: 'N', quantity: 'Q', tooMany: (n: number) => `max ${n}` }

describe('return body', () => {
  it('sends only the lines with a quantity, by line_no, and remembers which is which', () => {
    const d = emptyReturnDraft()
    d.kind = 'exchange'
    d.reason = ' 包装破损 '
    d.quantities = { 1: '2', 2: '', 3: '4' }
    const b = returnBody(12, lines, d, msg)
    expect(b.body).toEqual({ order_id: 12, kind: 'exchange', reason: '包装破损', lines: [{ line_no: 1, quantity: 2 }, { line_no: 3, quantity: 4 }] })
    expect(b.rows).toEqual([1, 3])
  })

  it('needs a reason, at least one line, and at most the sold quantity', () => {
    expect(returnBody(12, lines, emptyReturnDraft(), msg).errors).toEqual({ reason: 'R', lines: 'N' })
    const d = { ...emptyReturnDraft(), reason: 'x', quantities: { 2: '6', 3: '1.5' } }
    expect(returnBody(12, lines, d, msg).errors).toEqual({ 'line.2': 'max 5', 'line.3': 'Q' })
  })

  it('maps lines[i] errors to the order line that was sent i-th', () => {
    expect(mapReturnErrors({ 'lines[1].quantity': '超出可退数量（剩余 1）', reason: '必填', date: '?' }, [1, 3])).toEqual({
      byField: { 'line.3': '超出可退数量（剩余 1）', reason: '必填' },
      rest: { date: '?' },
    })
  })
})

describe('ReturnDialog', () => {
  const order = { id: 12, customer_name: '深圳市张伟润滑油有限公司', date: '2027-03-02', lines }
  const mountDialog = () => mount(ReturnDialog, { props: { modelValue: true, order }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })

  it('posts the request body and shows the server errors on their lines', async () => {
    setLocale('zh-CN')
    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'lines[1].quantity': '超出可退数量（剩余 1）' } }))
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as { draft: ReturnType<typeof emptyReturnDraft>; submit: () => Promise<void>; errors: Record<string, string> }
    vm.draft.kind = 'return'
    vm.draft.reason = '客户反映漏油'
    vm.draft.quantities[1] = '2'
    vm.draft.quantities[3] = '2'
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({ order_id: 12, kind: 'return', reason: '客户反映漏油', lines: [{ line_no: 1, quantity: 2 }, { line_no: 3, quantity: 2 }] })
    expect(vm.errors['line.3']).toBe('超出可退数量（剩余 1）')
    expect(document.querySelector('[data-test="return-qty-error-3"]')?.textContent).toBe('超出可退数量（剩余 1）')
    expect(document.querySelector('[data-test="return-qty-error-1"]')).toBeNull()

    create.mockResolvedValueOnce({ id: 1, status: 'requested' })
    vm.draft.quantities[3] = '1'
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenLastCalledWith({ order_id: 12, kind: 'return', reason: '客户反映漏油', lines: [{ line_no: 1, quantity: 2 }, { line_no: 3, quantity: 1 }] })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: 1, status: 'requested' }])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('does not call the server without a reason', async () => {
    create.mockClear()
    const w = mountDialog()
    await flushPromises()
    const vm = w.vm as unknown as { draft: ReturnType<typeof emptyReturnDraft>; submit: () => Promise<void>; errors: Record<string, string> }
    vm.draft.quantities[1] = '1'
    await vm.submit()
    expect(create).not.toHaveBeenCalled()
    expect(vm.errors.reason).toBe('此项为必填')
    w.unmount()
  })
})
