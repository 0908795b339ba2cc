// Pure helpers behind the order entry form: what people type (yuan, text) → integer fen,
// line amounts and totals without float drift, the POST body, server field errors → cells.
import { yuanToFen } from '@/ui/money'
import type { OrderInput, Product } from './types'

export interface LineDraft {
  /** stable key for v-for and focus */
  key: number
  product: Product | null
  /** integer in the product's unit, as typed */
  quantity: string
  /** yuan, as typed (e.g. "19.99") */
  unit_price: string
}

export interface OrderFormModel {
  customer_id: number | null
  date: string
  lines: LineDraft[]
  discount: string
  note: string
  paidNow: boolean
  payment_amount: string
  payment_method: string
  payment_reference: string
}

export const MAX_QUANTITY = 10_000_000
export const MAX_UNIT_PRICE = 1_000_000_000

let nextKey = 1
export function emptyLine(): LineDraft {
  return { key: nextKey++, product: null, quantity: '', unit_price: '' }
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayString(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function emptyOrder(customerId: number | null = null): OrderFormModel {
  return {
    customer_id: customerId, date: todayString(), lines: [emptyLine()], discount: '', note: '',
    paidNow: false, payment_amount: '', payment_method: 'bank_transfer', payment_reference: '',
  }
}

/** yuan text → fen; null when empty, undefined when it is not an amount with ≤ 2 decimals. */
export function parseYuan(text: string | number | null | undefined): number | null | undefined {
  try {
    return yuanToFen(typeof text === 'string' ? text.trim() : text)
  } catch {
    return undefined
  }
}

/** quantity text → positive integer; null when empty, undefined when not a whole number. */
export function parseQuantity(text: string): number | null | undefined {
  const s = text.replace(/[,\s]/g, '')
  if (s === '') return null
  if (!/^\d+$/.test(s)) return undefined
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : undefined
}

/** quantity × unit price in fen, exactly (BigInt), or null if either is missing/invalid or too large. */
export function multiplyFen(quantity: number, unitPriceFen: number): number | null {
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitPriceFen)) return null
  const p = BigInt(quantity) * BigInt(unitPriceFen)
  return p <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(p) : null
}

export function lineAmount(line: LineDraft): number | null {
  const q = parseQuantity(line.quantity)
  const p = parseYuan(line.unit_price)
  if (q == null || p == null) return null
  return multiplyFen(q, p)
}

export interface Totals {
  subtotal: number
  discount: number
  total: number
  paidNow: number
}

/** Subtotal of the complete lines, discount, total and the amount paid now — all integer fen. */
export function orderTotals(m: OrderFormModel): Totals {
  let subtotal = 0
  for (const l of m.lines) {
    if (!l.product) continue
    const a = lineAmount(l)
    if (a != null) subtotal += a
  }
  const discount = parseYuan(m.discount) ?? 0
  const paidNow = m.paidNow ? parseYuan(m.payment_amount) ?? 0 : 0
  return { subtotal, discount, total: subtotal - discount, paidNow }
}

/** Client-side problems, keyed like the server's field errors (lines[i].quantity, discount, …). */
export type FieldErrors = Record<string, string>

export interface BuiltBody {
  body: OrderInput | null
  /** body.lines[i] came from model.lines[rows[i]] */
  rows: number[]
  /** problems as message keys (i18n), keyed by the model's own line index */
  errors: FieldErrors
}

/**
 * The POST /orders body for the model. Rows without a product are skipped (an empty last row
 * is normal while typing). Errors are i18n keys: `sales.entry.errors.*`.
 */
export function orderBody(m: OrderFormModel): BuiltBody {
  const errors: FieldErrors = {}
  const rows: number[] = []
  const lines: OrderInput['lines'] = []
  m.lines.forEach((l, i) => {
    if (!l.product) {
      if (l.quantity.trim() || l.unit_price.trim()) errors[`lines[${i}].product_id`] = 'sales.entry.errors.product'
      return
    }
    const q = parseQuantity(l.quantity)
    if (q == null || q === undefined || q < 1 || q > MAX_QUANTITY) errors[`lines[${i}].quantity`] = 'sales.entry.errors.quantity'
    const p = parseYuan(l.unit_price)
    if (p === undefined || (p != null && (p < 0 || p > MAX_UNIT_PRICE))) errors[`lines[${i}].unit_price`] = 'sales.entry.errors.price'
    rows.push(i)
    const line: OrderInput['lines'][number] = { product_id: l.product.id, quantity: q ?? 0 }
    if (p != null) line.unit_price = p
    lines.push(line)
  })
  if (!m.customer_id) errors.customer_id = 'sales.entry.errors.customer'
  if (!m.date) errors.date = 'sales.entry.errors.date'
  if (!lines.length) errors.lines = 'sales.entry.errors.noLines'
  const discount = parseYuan(m.discount)
  if (discount === undefined || (discount != null && discount < 0)) errors.discount = 'sales.entry.errors.amount'
  let payment: OrderInput['payment']
  if (m.paidNow) {
    const amount = parseYuan(m.payment_amount)
    if (amount == null || amount <= 0) errors['payment.amount'] = 'sales.entry.errors.amount'
    else payment = { amount, method: m.payment_method, ...(m.payment_reference.trim() ? { reference: m.payment_reference.trim() } : {}) }
  }
  if (Object.keys(errors).length || !m.customer_id) return { body: null, rows, errors }
  const body: OrderInput = { customer_id: m.customer_id, date: m.date, lines }
  if (discount) body.discount = discount
  if (m.note.trim()) body.note = m.note.trim()
  if (payment) body.payment = payment
  return { body, rows, errors }
}

/**
 * Server field errors → the model's cells. `lines[0].quantity` and `lines.0.quantity` refer to
 * body.lines[0], which is model row rows[0]; the result uses `lines[row].field`.
 */
export function mapOrderFieldErrors(fields: Record<string, string>, rows: number[]): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, msg] of Object.entries(fields)) {
    const m = /^lines(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(key)
    let prop = key
    if (m) {
      const i = Number(m[1] ?? m[2])
      const row = rows[i] ?? i
      prop = m[3] ? `lines[${row}].${m[3]}` : `lines[${row}].product_id`
    }
    out[prop] = out[prop] ? `${out[prop]}; ${msg}` : msg
  }
  return out
}

/** The text of a price (fen) for the unit price box. */
export function yuanText(fen: number): string {
  const neg = fen < 0
  const a = Math.abs(fen)
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/**
 * A lenient body for POST /orders/credit-check while the form is being filled in: only the
 * complete, valid lines; null until there is a customer and at least one such line.
 */
export function creditCheckBody(m: OrderFormModel): OrderInput | null {
  if (!m.customer_id || !m.date) return null
  const lines: OrderInput['lines'] = []
  for (const l of m.lines) {
    if (!l.product) continue
    const q = parseQuantity(l.quantity)
    const p = parseYuan(l.unit_price)
    if (q == null || q < 1 || q > MAX_QUANTITY || p === undefined || (p != null && (p < 0 || p > MAX_UNIT_PRICE))) continue
    lines.push(p == null ? { product_id: l.product.id, quantity: q } : { product_id: l.product.id, quantity: q, unit_price: p })
  }
  if (!lines.length) return null
  const body: OrderInput = { customer_id: m.customer_id, date: m.date, lines }
  const discount = parseYuan(m.discount)
  if (discount) body.discount = discount
  if (m.paidNow) {
    const amount = parseYuan(m.payment_amount)
    if (amount && amount > 0) body.payment = { amount, method: m.payment_method }
  }
  return body
}
