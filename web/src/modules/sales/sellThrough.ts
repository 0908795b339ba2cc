// Pure helpers behind the sell-through (纯销) report of a dealer: the month to report, the
// edit draft ↔ the report, the PUT body, and the server's `lines[i].…` errors → draft rows.
import { parseQuantity, MAX_QUANTITY } from './orderForm'
import type { Product, SellThroughInput, SellThroughReport } from './types'

const pad = (n: number) => String(n).padStart(2, '0')

/** "YYYY-MM" of the month before the one `d` is in (the browser's local date). */
export function lastMonth(d = new Date()): string {
  const y = d.getFullYear()
  const m = d.getMonth() // 0-based: the previous month, 1-based
  return m === 0 ? `${y - 1}-12` : `${y}-${pad(m)}`
}

/** "YYYY-MM" of the month `d` is in. */
export function thisMonth(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** Whether a month ("YYYY-MM", or a Date of it) lies after the month of `today`: no report can be made for it. */
export function isFutureMonth(month: string | Date, today = new Date()): boolean {
  const m = typeof month === 'string' ? month : thisMonth(month)
  return m > thisMonth(today)
}

export interface SellThroughDraftLine {
  key: number
  product_id: number | null
  /** what the picker shows for the chosen product */
  product: Pick<Product, 'id' | 'brand' | 'name' | 'spec' | 'unit' | 'price'> | null
  /** units, as typed */
  quantity: string
}

export interface SellThroughDraft {
  lines: SellThroughDraftLine[]
  note: string
}

let nextKey = 1
export function emptySellThroughLine(): SellThroughDraftLine {
  return { key: nextKey++, product_id: null, product: null, quantity: '' }
}

/** The report of a month → the edit draft; a month without a report starts with one empty row. */
export function draftFromReport(r: SellThroughReport | null | undefined): SellThroughDraft {
  const lines = (r?.lines ?? []).map((l): SellThroughDraftLine => ({
    key: nextKey++,
    product_id: l.product_id,
    // the list price is not part of the report and not needed here
    product: { id: l.product_id, brand: l.brand, name: l.product_name, spec: l.spec, unit: l.unit, price: 0 },
    quantity: String(l.quantity),
  }))
  if (!lines.length) lines.push(emptySellThroughLine())
  return { lines, note: r?.note ?? '' }
}

/** Sum of the quantities typed so far (rows that are not whole numbers count 0). */
export function draftTotalQuantity(lines: Pick<SellThroughDraftLine, 'quantity'>[]): number {
  let n = 0
  for (const l of lines) {
    const q = parseQuantity(l.quantity)
    if (q !== null && q !== undefined) n += q
  }
  return n
}

export interface BuiltSellThrough {
  body: SellThroughInput | null
  /** client-side errors by row index and field: `${i}.product`, `${i}.quantity` */
  errors: Record<string, string>
  /** the draft row behind each sent line (server errors name lines[i]) */
  rows: number[]
}

/**
 * Draft → PUT body. Rows with neither product nor quantity are skipped; `version` is sent when
 * the report exists. Quantities are whole units 0–10,000,000 (0: reported, none sold).
 */
export function sellThroughBody(
  d: SellThroughDraft,
  version: number | null | undefined,
  msg: { product: string; quantity: string; duplicate: string },
): BuiltSellThrough {
  const errors: Record<string, string> = {}
  const lines: SellThroughInput['lines'] = []
  const rows: number[] = []
  const seen = new Set<number>()
  d.lines.forEach((l, i) => {
    if (!l.product_id && !l.quantity.trim()) return
    if (!l.product_id) errors[`${i}.product`] = msg.product
    else if (seen.has(l.product_id)) errors[`${i}.product`] = msg.duplicate
    const q = parseQuantity(l.quantity)
    const qOk = q !== null && q !== undefined && q >= 0 && q <= MAX_QUANTITY
    if (!qOk) errors[`${i}.quantity`] = msg.quantity
    if (l.product_id) seen.add(l.product_id)
    if (l.product_id && qOk) {
      lines.push({ product_id: l.product_id, quantity: q as number })
      rows.push(i)
    }
  })
  if (Object.keys(errors).length) return { body: null, errors, rows }
  const body: SellThroughInput = { lines, note: d.note.trim() }
  if (version) body.version = version
  return { body, errors, rows }
}

/** Server field errors (`lines[1].quantity`) → draft rows (`${row}.quantity`); the others → rest. */
export function mapSellThroughErrors(fields: Record<string, string>, rows: number[]): { byRow: Record<string, string>; rest: Record<string, string> } {
  const byRow: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    const m = /^lines(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(k)
    if (m) {
      const row = rows[Number(m[1] ?? m[2])]
      if (row !== undefined) {
        byRow[`${row}.${m[3] === 'product_id' ? 'product' : 'quantity'}`] = v
        continue
      }
    }
    rest[k] = v
  }
  return { byRow, rest }
}

/** Units grouped for the locale: 12345 → "12,345". */
export function quantityText(n: number | null | undefined, locale = 'zh-CN'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)
}
