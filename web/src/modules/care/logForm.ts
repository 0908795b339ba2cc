// Pure helpers behind the contact-log dialog: the draft ⇄ API bodies (yuan → fen, local time →
// ISO instant, promise rows) and server field errors → the form's items.
import { fenToYuanString, yuanToFen } from '@/ui/money'
import type { ContactKind, ContactLog, Gift, LogCreateInput, LogPatchInput, PromiseDraftInput } from './types'

export interface PromiseRow {
  text: string
  due_date: string
}

export interface LogDraft {
  kind: ContactKind
  at: Date | null
  contact_ids: number[]
  summary: string
  outcome: string
  next_contact_date: string
  gift_item: string
  /** yuan, as typed */
  gift_cost: string
  gift_reason: string
  promises: PromiseRow[]
}

/** Client messages (already translated). */
export interface LogMessages {
  required: string
  cost: string
  future: string
}

/** Keys of the form's errors: the server's names, with promises[i] counted over the draft's rows. */
export type LogErrors = Record<string, string>

/** The server accepts a time up to 5 minutes ahead of its clock. */
const SKEW_MS = 5 * 60 * 1000

export function emptyDraft(now = new Date()): LogDraft {
  return {
    kind: 'call', at: now, contact_ids: [], summary: '', outcome: '', next_contact_date: '',
    gift_item: '', gift_cost: '', gift_reason: '', promises: [],
  }
}

export function draftFromLog(log: ContactLog): LogDraft {
  return {
    kind: log.kind,
    at: new Date(log.at),
    contact_ids: log.contacts.map((c) => c.id),
    summary: log.summary ?? '',
    outcome: log.outcome ?? '',
    next_contact_date: log.next_contact_date ?? '',
    gift_item: log.gift?.item ?? '',
    gift_cost: log.gift ? fenToYuanString(log.gift.cost) : '',
    gift_reason: log.gift?.reason ?? '',
    promises: [],
  }
}

/** A Date → "2027-02-03T01:30:00Z" (UTC, whole seconds). */
export function isoInstant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function giftOf(d: LogDraft, msg: LogMessages, errors: LogErrors): Gift | null {
  const item = d.gift_item.trim()
  if (!item) errors['gift.item'] = msg.required
  let cost: number | null = null
  try {
    cost = yuanToFen(d.gift_cost.trim())
  } catch {
    errors['gift.cost'] = msg.cost
  }
  if (cost === null && !errors['gift.cost']) errors['gift.cost'] = msg.required
  else if (cost !== null && cost < 0) errors['gift.cost'] = msg.cost
  if (errors['gift.item'] || errors['gift.cost']) return null
  const g: Gift = { item, cost: cost as number }
  const reason = d.gift_reason.trim()
  if (reason) g.reason = reason
  return g
}

function checkCommon(d: LogDraft, msg: LogMessages, errors: LogErrors, now: Date) {
  if (!d.summary.trim()) errors.summary = msg.required
  if (!d.at) errors.at = msg.required
  else if (d.at.getTime() > now.getTime() + SKEW_MS) errors.at = msg.future
}

export interface BuiltCreate {
  body: LogCreateInput | null
  errors: LogErrors
  /** the draft row of each promise sent, in order (promises[i] of the server is rows[i]) */
  rows: number[]
}

/** POST /contact-logs body, or the problems found before asking the server. */
export function createBody(customerId: number, d: LogDraft, msg: LogMessages, now = new Date()): BuiltCreate {
  const errors: LogErrors = {}
  checkCommon(d, msg, errors, now)
  const gift = d.kind === 'gift' ? giftOf(d, msg, errors) : null
  const promises: PromiseDraftInput[] = []
  const rows: number[] = []
  d.promises.forEach((p, i) => {
    const text = p.text.trim()
    if (!text && !p.due_date) return // an empty row is ignored
    if (!text) errors[`promises[${i}].text`] = msg.required
    if (!p.due_date) errors[`promises[${i}].due_date`] = msg.required
    promises.push({ text, due_date: p.due_date })
    rows.push(i)
  })
  if (Object.keys(errors).length) return { body: null, errors, rows }
  const body: LogCreateInput = { customer_id: customerId, kind: d.kind, at: isoInstant(d.at as Date), summary: d.summary.trim() }
  if (d.contact_ids.length) body.contact_ids = [...d.contact_ids]
  if (d.outcome.trim()) body.outcome = d.outcome.trim()
  if (d.next_contact_date) body.next_contact_date = d.next_contact_date
  if (gift) body.gift = gift
  if (promises.length) body.promises = promises
  return { body, errors, rows }
}

export interface BuiltPatch {
  body: LogPatchInput | null
  errors: LogErrors
  /** false when the draft equals the log: nothing to send */
  changed: boolean
}

const sorted = (a: number[]) => [...a].sort((x, y) => x - y).join()
const sameIds = (a: number[], b: number[]) => sorted(a) === sorted(b)
const sameGift = (a: Gift | null, b: Gift | null) =>
  (a === null && b === null) || (!!a && !!b && a.item === b.item && a.cost === b.cost && (a.reason || null) === (b.reason || null))

/** PATCH /contact-logs/{id} body: what changed, plus the version read. */
export function patchBody(log: ContactLog, d: LogDraft, msg: LogMessages, now = new Date()): BuiltPatch {
  const errors: LogErrors = {}
  checkCommon(d, msg, errors, now)
  const gift = d.kind === 'gift' ? giftOf(d, msg, errors) : null
  if (Object.keys(errors).length) return { body: null, errors, changed: true }
  const body: LogPatchInput = { version: log.version }
  if (d.kind !== log.kind) body.kind = d.kind
  if (Math.floor((d.at as Date).getTime() / 1000) !== Math.floor(Date.parse(log.at) / 1000)) body.at = isoInstant(d.at as Date)
  const ids = log.contacts.map((c) => c.id)
  if (!sameIds(d.contact_ids, ids)) body.contact_ids = [...d.contact_ids]
  if (d.summary.trim() !== log.summary) body.summary = d.summary.trim()
  const outcome = d.outcome.trim() || null
  if (outcome !== (log.outcome || null)) body.outcome = outcome
  const next = d.next_contact_date || null
  if (next !== (log.next_contact_date || null)) body.next_contact_date = next
  if (!sameGift(gift, log.gift ?? null)) body.gift = gift
  return { body, errors, changed: Object.keys(body).length > 1 }
}

/** Keys the dialog shows next to an input; anything else goes to the general message. */
const ON_FORM = new Set(['kind', 'at', 'contact_ids', 'summary', 'outcome', 'next_contact_date', 'gift.item', 'gift.cost', 'gift.reason', 'promises'])

/**
 * The server's field errors → the dialog's: `promises[i].x` names the i-th promise sent, which is
 * draft row rows[i]; `contact_ids[i]` and `contact_ids` go on the contacts select; `gift` (a gift
 * log without one) on the gift's item.
 */
export function mapLogErrors(fields: Record<string, string>, rows: number[] = []): { byField: LogErrors; rest: LogErrors } {
  const byField: LogErrors = {}
  const rest: LogErrors = {}
  const add = (k: string, v: string) => (byField[k] = byField[k] && byField[k] !== v ? `${byField[k]}; ${v}` : v)
  for (const [k, v] of Object.entries(fields)) {
    const p = /^promises\[(\d+)\]\.(text|due_date)$/.exec(k)
    if (p) {
      const row = rows[Number(p[1])]
      if (row !== undefined) add(`promises[${row}].${p[2]}`, v)
      else rest[k] = v
      continue
    }
    if (/^contact_ids(\[\d+\])?$/.test(k)) add('contact_ids', v)
    else if (k === 'gift') add('gift.item', v)
    else if (/^promises\[\d+\]$/.test(k)) add('promises', v)
    else if (ON_FORM.has(k)) add(k, v)
    else rest[k] = v
  }
  return { byField, rest }
}
