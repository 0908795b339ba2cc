// Pure helpers behind the return / exchange request dialog: draft → POST /returns body,
// server field errors (lines[i].quantity) → the order line they are about.
import { parseQuantity } from './orderForm'
import type { OrderLine, ReturnInput, ReturnKind } from './types'

export interface ReturnDraft {
  kind: ReturnKind
  reason: string
  /** typed quantity per order line_no ('' = none of it) */
  quantities: Record<number, string>
}

export function emptyReturnDraft(): ReturnDraft {
  return { kind: 'return', reason: '', quantities: {} }
}

export interface BuiltReturn {
  body: ReturnInput | null
  /** client-side errors: `reason`, `lines` (nothing chosen), `line.<line_no>` */
  errors: Record<string, string>
  /** the line_no behind each sent line (server errors name lines[i]) */
  rows: number[]
}

export interface ReturnMessages {
  reason: string
  none: string
  quantity: string
  tooMany: (max: number) => string
}

/** Only lines with a quantity above 0 are sent, in the order's line order; at most the sold quantity. */
export function returnBody(orderId: number, order: Pick<OrderLine, 'line_no' | 'quantity'>[], d: ReturnDraft, msg: ReturnMessages): BuiltReturn {
  const errors: Record<string, string> = {}
  const lines: ReturnInput['lines'] = []
  const rows: number[] = []
  for (const l of order) {
    const text = (d.quantities[l.line_no] ?? '').toString()
    const q = parseQuantity(text)
    if (q === null || q === 0) continue
    if (q === undefined) errors[`line.${l.line_no}`] = msg.quantity
    else if (q > l.quantity) errors[`line.${l.line_no}`] = msg.tooMany(l.quantity)
    else {
      lines.push({ line_no: l.line_no, quantity: q })
      rows.push(l.line_no)
    }
  }
  if (!d.reason.trim()) errors.reason = msg.reason
  if (!lines.length && !Object.keys(errors).some((k) => k.startsWith('line.'))) errors.lines = msg.none
  if (Object.keys(errors).length) return { body: null, errors, rows }
  return { body: { order_id: orderId, kind: d.kind, reason: d.reason.trim(), lines }, errors, rows }
}

/** `lines[1].quantity` → `line.<line_no of the second sent line>`; `reason`/`kind` stay; others → rest. */
export function mapReturnErrors(fields: Record<string, string>, rows: number[]): { byField: Record<string, string>; rest: Record<string, string> } {
  const byField: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    const m = /^lines(?:\[(\d+)\]|\.(\d+))(?:\.\w+)?$/.exec(k)
    const lineNo = m ? rows[Number(m[1] ?? m[2])] : undefined
    if (lineNo !== undefined) byField[`line.${lineNo}`] = v
    else if (k === 'reason' || k === 'kind' || k === 'lines') byField[k] = v
    else rest[k] = v
  }
  return { byField, rest }
}
