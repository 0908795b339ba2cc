// Pure helpers behind the monthly plan grid: ‰ → percent text, totals, the edit draft → PUT body.
import { multiplyFen, parseQuantity, parseYuan } from './orderForm'
import type { Plan, PlanInput, PlanLine, Product } from './types'

/** 502 ‰ → "50.2%" (integer arithmetic, no float rounding). */
export function perMilleText(pm: number | null | undefined): string {
  if (pm === null || pm === undefined || !Number.isFinite(pm)) return '—'
  const n = Math.round(pm)
  const a = Math.abs(n)
  return `${n < 0 ? '-' : ''}${Math.floor(a / 10)}.${a % 10}%`
}

/** ‰ → the value for a progress bar: 0–100 percent (an over-achieved line shows full). */
export function progressPercent(pm: number | null | undefined): number {
  if (!pm || !Number.isFinite(pm) || pm < 0) return 0
  return Math.min(100, Math.round(pm) / 10)
}

/** Achieved ‰ of actual against target; 0 when there is no target. */
export function achievedPerMille(actual: number, target: number): number {
  if (!target) return 0
  return Math.floor((actual * 1000) / target + 0.5)
}

export interface PlanTotals {
  target_quantity: number
  target_amount: number
  actual_quantity: number
  actual_amount: number
  achieved_per_mille: number
}

/** The totals row of the grid: sums of the lines; the rate from the summed amounts. */
export function planTotals(lines: Pick<PlanLine, 'target_quantity' | 'target_amount' | 'actual_quantity' | 'actual_amount'>[]): PlanTotals {
  const t = { target_quantity: 0, target_amount: 0, actual_quantity: 0, actual_amount: 0, achieved_per_mille: 0 }
  for (const l of lines) {
    t.target_quantity += l.target_quantity ?? 0
    t.target_amount += l.target_amount ?? 0
    t.actual_quantity += l.actual_quantity ?? 0
    t.actual_amount += l.actual_amount ?? 0
  }
  t.achieved_per_mille = achievedPerMille(t.actual_amount, t.target_amount)
  return t
}

/** Whether the actual is behind what the working days elapsed would expect. */
export function behindSchedule(achieved: number, expected: number): boolean {
  return expected > 0 && achieved < expected
}

// ---- editing

export interface PlanDraftLine {
  key: number
  product_id: number | null
  /** what the picker shows for the chosen product */
  product: Pick<Product, 'id' | 'brand' | 'name' | 'spec' | 'unit' | 'price'> | null
  quantity: string
  /** target amount in yuan; empty → quantity × list price (server default) */
  amount: string
}

export interface PlanDraft {
  lines: PlanDraftLine[]
  schedule: string
  support: string
}

let nextKey = 1
export function emptyPlanLine(): PlanDraftLine {
  return { key: nextKey++, product_id: null, product: null, quantity: '', amount: '' }
}

/** The products of a plan that have a target (the ones the edit draft holds). */
export function targetedProductIds(p: Plan | null | undefined): number[] {
  return [...new Set((p?.lines ?? []).filter((l) => l.target_quantity > 0 || l.target_amount > 0).map((l) => l.product_id))]
}

/**
 * The plan → the edit draft. `prices` holds the current list price (fen) of the plan's products:
 * a stored target amount equal to quantity × list price was the automatic one and loads as empty
 * (so changing the quantity recalculates it); any other amount is a manual override and loads as
 * typed. Without the price of a product its amount is kept as typed (nothing is lost).
 */
export function draftFromPlan(p: Plan | null, prices: ReadonlyMap<number, number> = new Map()): PlanDraft {
  const lines = (p?.lines ?? [])
    .filter((l) => l.target_quantity > 0 || l.target_amount > 0)
    .map((l): PlanDraftLine => {
      const price = prices.get(l.product_id)
      const automatic = price !== undefined && price > 0 && multiplyFen(l.target_quantity, price) === l.target_amount
      return {
        key: nextKey++,
        product_id: l.product_id,
        product: { id: l.product_id, brand: l.brand, name: l.product_name, spec: l.spec, unit: l.unit, price: price ?? 0 },
        quantity: String(l.target_quantity),
        amount: automatic ? '' : yuanString(l.target_amount),
      }
    })
  return { lines, schedule: p?.schedule ?? '', support: p?.support ?? '' }
}

function yuanString(fen: number): string {
  const a = Math.abs(fen)
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** The target amount a draft line stands for (fen), or null when it cannot be told yet. */
export function draftTargetAmount(l: PlanDraftLine): number | null {
  const typed = parseYuan(l.amount)
  if (typed !== null && typed !== undefined) return typed
  if (l.amount.trim() !== '') return null
  const q = parseQuantity(l.quantity)
  if (q === null || q === undefined || !l.product?.price) return null
  return multiplyFen(q, l.product.price)
}

export interface BuiltPlan {
  body: PlanInput | null
  /** client-side errors by row index and field: `${i}.product`, `${i}.quantity`, `${i}.amount` */
  errors: Record<string, string>
  /** the draft row behind each sent line (server errors name lines[i]) */
  rows: number[]
}

/** Draft → PUT body. Empty rows are skipped; `version` is sent when the plan exists. */
export function planBody(d: PlanDraft, version: number | null | undefined, msg: { product: string; quantity: string; amount: string; duplicate: string }): BuiltPlan {
  const errors: Record<string, string> = {}
  const lines: PlanInput['lines'] = []
  const rows: number[] = []
  const seen = new Set<number>()
  d.lines.forEach((l, i) => {
    if (!l.product_id && !l.quantity.trim() && !l.amount.trim()) return
    if (!l.product_id) errors[`${i}.product`] = msg.product
    else if (seen.has(l.product_id)) errors[`${i}.product`] = msg.duplicate
    const q = parseQuantity(l.quantity)
    if (q === null || q === undefined || q < 1) errors[`${i}.quantity`] = msg.quantity
    const a = l.amount.trim() === '' ? null : parseYuan(l.amount)
    if (a === undefined || (a !== null && a < 0)) errors[`${i}.amount`] = msg.amount
    if (l.product_id) seen.add(l.product_id)
    if (l.product_id && q && q >= 1) {
      lines.push({ product_id: l.product_id, quantity: q, ...(a !== null && a !== undefined ? { amount: a } : {}) })
      rows.push(i)
    }
  })
  if (Object.keys(errors).length) return { body: null, errors, rows }
  const body: PlanInput = { lines, schedule: d.schedule.trim(), support: d.support.trim() }
  if (version) body.version = version
  return { body, errors, rows }
}

/** Server field errors (`lines[1].quantity`) → draft rows (`${row}.quantity`); others → rest. */
export function mapPlanErrors(fields: Record<string, string>, rows: number[]): { byRow: Record<string, string>; rest: Record<string, string> } {
  const byRow: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    const m = /^lines(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?$/.exec(k)
    if (m) {
      const row = rows[Number(m[1] ?? m[2])]
      const f = m[3] === 'product_id' ? 'product' : m[3] === 'amount' ? 'amount' : 'quantity'
      if (row !== undefined) {
        byRow[`${row}.${f}`] = v
        continue
      }
    }
    rest[k] = v
  }
  return { byRow, rest }
}

/** "YYYY-MM" of a date in the company's time (the browser's local date). */
export function monthString(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}
