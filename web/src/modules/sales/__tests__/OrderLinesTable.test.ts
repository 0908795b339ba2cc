import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from '@/app/i18n'
import { emptyLine, type LineDraft } from '../orderForm'
import type { Product } from '../types'

const list = vi.fn()
vi.mock('../api', () => ({ productsApi: { list: (...a: unknown[]) => list(...a) } }))

import OrderLinesTable from '../components/OrderLinesTable.vue'

const oil: Product = { id: 3, brand: '长城', name: '金吉星机油', spec: '4L', unit: '桶', price: 1999, active: true, version: 1 }

function mountTable(lines: LineDraft[]) {
  const state = reactive({ lines })
  const Host = defineComponent({
    setup: () => () => h(OrderLinesTable, { lines: state.lines, 'onUpdate:lines': (v: LineDraft[]) => (state.lines = v) }),
  })
  const w = mount(Host, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  return { w, state }
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

afterEach(() => {
  list.mockReset()
  document.body.innerHTML = ''
})

describe('OrderLinesTable keyboard entry', () => {
  it('Enter in the last cell of the last line adds a line and focuses its product', async () => {
    const { w, state } = mountTable([{ ...emptyLine(), product: oil, quantity: '3', unit_price: '19.99' }])
    const price = w.get('input[data-test="line-0-price"]')
    await price.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(state.lines).toHaveLength(2)
    expect(state.lines[1].product).toBeNull()
    const product = w.get('[data-test="line-1-product"] input').element
    expect(document.activeElement).toBe(product)
    expect(w.get('[data-test="line-0-amount"]').text()).toBe('¥59.97')
    w.unmount()
  })

  it('Enter in quantity moves to the unit price; Enter in a middle line goes to the next line', async () => {
    const { w, state } = mountTable([
      { ...emptyLine(), product: oil, quantity: '1', unit_price: '19.99' },
      { ...emptyLine(), product: oil, quantity: '2', unit_price: '19.99' },
    ])
    await w.get('input[data-test="line-0-quantity"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(document.activeElement).toBe(w.get('input[data-test="line-0-price"]').element)
    await w.get('input[data-test="line-0-price"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(state.lines).toHaveLength(2)
    expect(document.activeElement).toBe(w.get('[data-test="line-1-product"] input').element)
    w.unmount()
  })

  it('Enter on a last line without a product adds nothing', async () => {
    const { w, state } = mountTable([emptyLine()])
    await w.get('input[data-test="line-0-price"]').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(state.lines).toHaveLength(1)
    w.unmount()
  })

  it('choosing a product sets the list price and quantity 1, then focuses the quantity', async () => {
    list.mockResolvedValue({ items: [oil], total: 1, page: 1, page_size: 20 })
    const { w, state } = mountTable([emptyLine()])
    // open the select: it loads the products on sale
    await w.get('[data-test="line-0-product"] .el-select__wrapper').trigger('click')
    await settle()
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ active: true }))
    const option = [...document.body.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.includes('金吉星机油'))
    expect(option).toBeTruthy()
    option!.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(state.lines[0].product?.id).toBe(3)
    expect(state.lines[0].unit_price).toBe('19.99')
    expect(state.lines[0].quantity).toBe('1')
    expect(document.activeElement).toBe(w.get('input[data-test="line-0-quantity"]').element)
    w.unmount()
  })

  it('the delete button removes the row', async () => {
    const { w, state } = mountTable([{ ...emptyLine(), product: oil, quantity: '1', unit_price: '19.99' }, emptyLine()])
    await w.get('[data-test="line-0-delete"]').trigger('click')
    await settle()
    expect(state.lines).toHaveLength(1)
    expect(state.lines[0].product).toBeNull()
    w.unmount()
  })
})
