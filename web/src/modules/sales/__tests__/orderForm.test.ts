import { describe, expect, it } from 'vitest'
import { formatFen, formatFenCompact } from '@/ui/money'
import {
  creditCheckBody, emptyLine, emptyOrder, lineAmount, mapOrderFieldErrors, multiplyFen, orderBody, orderTotals,
  parseQuantity, parseYuan, yuanText, type LineDraft,
} from '../orderForm'
import type { Product } from '../types'

const product = (id: number, price: number): Product => ({ id, brand: '长城', name: `机油${id}`, spec: '4L', unit: '桶', price, active: true, version: 1 })
const line = (p: Product | null, quantity: string, unit_price: string): LineDraft => ({ ...emptyLine(), product: p, quantity, unit_price })

describe('order lines in integer fen', () => {
  it('3 × ¥19.99 is exactly ¥59.97', () => {
    expect(lineAmount(line(product(1, 1999), '3', '19.99'))).toBe(5997)
    expect(formatFen(5997)).toBe('¥59.97')
  })

  it('¥0.10 + ¥0.20 is ¥0.30, not 0.30000000000000004', () => {
    const m = emptyOrder(1)
    m.lines = [line(product(1, 10), '1', '0.1'), line(product(2, 20), '1', '0.2')]
    const t = orderTotals(m)
    expect(t.subtotal).toBe(30)
    expect(0.1 + 0.2).not.toBe(0.3) // what floats would have given
  })

  it('sums many cents without drift, less discount', () => {
    const m = emptyOrder(1)
    m.lines = Array.from({ length: 100 }, (_, i) => line(product(i + 1, 1), '7', '0.01'))
    m.discount = '0.70'
    expect(orderTotals(m)).toEqual({ subtotal: 700, discount: 70, total: 630, paidNow: 0 })
  })

  it('parses what people type', () => {
    expect(parseYuan('19.99')).toBe(1999)
    expect(parseYuan('1,234.5')).toBe(123450)
    expect(parseYuan('¥ 0.07')).toBe(7)
    expect(parseYuan('')).toBeNull()
    expect(parseYuan('1.999')).toBeUndefined()
    expect(parseYuan('abc')).toBeUndefined()
    expect(parseQuantity('12')).toBe(12)
    expect(parseQuantity('1,000')).toBe(1000)
    expect(parseQuantity('1.5')).toBeUndefined()
    expect(parseQuantity(' ')).toBeNull()
    expect(yuanText(1999)).toBe('19.99')
    expect(yuanText(5)).toBe('0.05')
    expect(parseYuan(yuanText(123456789))).toBe(123456789)
  })

  it('multiplies exactly up to the contract maximum and refuses unsafe results', () => {
    expect(multiplyFen(10_000_000, 99_999)).toBe(999_990_000_000)
    expect(multiplyFen(10_000_000, 1_000_000_000)).toBeNull() // 1e16 > 2^53
    expect(multiplyFen(3, 1999)).toBe(5997)
  })
})

describe('orderBody', () => {
  it('builds the POST body in fen, skipping the empty last row', () => {
    const m = emptyOrder(7)
    m.date = '2027-01-15'
    m.lines = [line(product(3, 12800), '10', '128'), line(product(4, 1999), '3', '19.99'), line(null, '', '')]
    m.discount = '80'
    m.note = ' 月底送货 '
    m.paidNow = true
    m.payment_amount = '500'
    m.payment_method = 'cash'
    const { body, rows, errors } = orderBody(m)
    expect(errors).toEqual({})
    expect(rows).toEqual([0, 1])
    expect(body).toEqual({
      customer_id: 7,
      date: '2027-01-15',
      lines: [{ product_id: 3, quantity: 10, unit_price: 12800 }, { product_id: 4, quantity: 3, unit_price: 1999 }],
      discount: 8000,
      note: '月底送货',
      payment: { amount: 50000, method: 'cash' },
    })
    expect(orderTotals(m)).toEqual({ subtotal: 133997, discount: 8000, total: 125997, paidNow: 50000 })
  })

  it('reports bad cells by row', () => {
    const m = emptyOrder(null)
    m.lines = [line(product(1, 100), '0', '1.234'), line(null, '2', '')]
    const { body, errors } = orderBody(m)
    expect(body).toBeNull()
    expect(errors).toMatchObject({
      'lines[0].quantity': 'sales.entry.errors.quantity',
      'lines[0].unit_price': 'sales.entry.errors.price',
      'lines[1].product_id': 'sales.entry.errors.product',
      customer_id: 'sales.entry.errors.customer',
    })
  })

  it('maps server field errors of body lines back to the rows they came from', () => {
    // row 1 was blank and skipped: body line 1 is row 2
    const mapped = mapOrderFieldErrors({ 'lines[1].quantity': '数量超出范围', 'lines.0.product_id': '产品已停售', discount: '太大' }, [0, 2])
    expect(mapped).toEqual({ 'lines[2].quantity': '数量超出范围', 'lines[0].product_id': '产品已停售', discount: '太大' })
  })

  it('the credit-check body keeps only complete lines', () => {
    const m = emptyOrder(7)
    expect(creditCheckBody(m)).toBeNull()
    m.lines = [line(product(1, 1999), '3', '19.99'), line(product(2, 100), '', '1')]
    expect(creditCheckBody(m)?.lines).toEqual([{ product_id: 1, quantity: 3, unit_price: 1999 }])
  })
})

describe('formatFenCompact', () => {
  it('uses 万 and 亿 only in the Chinese locales', () => {
    expect(formatFenCompact(12_300_000, 'zh-CN')).toBe('¥12.3万')
    expect(formatFenCompact(12_345_678, 'zh-TW')).toBe('¥12.3万')
    expect(formatFenCompact(10_000_000, 'zh-CN')).toBe('¥10万')
    expect(formatFenCompact(999_999, 'zh-CN')).toBe('¥9,999.99')
    expect(formatFenCompact(25_000_000_000, 'zh-CN')).toBe('¥2.5亿')
    expect(formatFenCompact(-12_300_000, 'zh-CN')).toBe('-¥12.3万')
    expect(formatFenCompact(12_300_000, 'en')).toBe('¥123,000.00')
  })
})
