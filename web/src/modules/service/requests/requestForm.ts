// Pure helpers behind the request dialogs: the draft ⇄ API bodies (repeat only for an
// inspection, cost typed in yuan and sent in fen, a done day not after today) and the server's
// field errors → the form's items.
import { yuanToFen } from '@/ui/money'
import { addYears } from './labels'
import {
  REPEATABLE_TYPE, type RequestCancelInput, type RequestCreateInput, type RequestDoneInput, type RequestPatchInput, type ServiceRequest,
} from './types'

export const TITLE_MAX = 100
export const DESCRIPTION_MAX = 2000
export const OUTCOME_MAX = 2000
export const REASON_MAX = 500
export const STAFF_MAX = 20
export const REPEAT_MIN = 1
export const REPEAT_MAX = 24
/** 1,000,000,000 fen: ¥10,000,000.00 */
export const COST_MAX_FEN = 1_000_000_000

export interface RequestDraft {
  customer_id: number | null
  type: string
  title: string
  description: string
  scheduled_on: string
  /** HH:MM or '' */
  scheduled_time: string
  staff_ids: number[]
  /** repeats (an inspection only) */
  repeat: boolean
  repeat_every_months: number
}

/** Client messages (already translated). */
export interface RequestMessages {
  required: string
  tooLong: string
  time: string
  day: string
  staff: string
  repeat: string
}

export type FormErrors = Record<string, string>

export function emptyRequestDraft(customerId: number | null = null, staffIds: number[] = []): RequestDraft {
  return {
    customer_id: customerId, type: '', title: '', description: '', scheduled_on: '', scheduled_time: '',
    staff_ids: [...staffIds], repeat: false, repeat_every_months: 3,
  }
}

export function draftFromRequest(r: ServiceRequest): RequestDraft {
  return {
    customer_id: r.customer_id,
    type: r.type,
    title: r.title,
    description: r.description ?? '',
    scheduled_on: r.scheduled_on,
    scheduled_time: r.scheduled_time ?? '',
    staff_ids: r.staff.map((s) => s.id),
    repeat: r.repeat_every_months != null,
    repeat_every_months: r.repeat_every_months ?? 3,
  }
}

/** The months between two repeats, when the draft repeats at all (only an inspection may). */
export function repeatOf(d: RequestDraft): number | null {
  return d.type === REPEATABLE_TYPE && d.repeat ? d.repeat_every_months : null
}

function check(d: RequestDraft, msg: RequestMessages, today: string | null): FormErrors {
  const errors: FormErrors = {}
  if (d.customer_id == null) errors.customer_id = msg.required
  if (!d.type) errors.type = msg.required
  const title = d.title.trim()
  if (!title) errors.title = msg.required
  else if ([...title].length > TITLE_MAX) errors.title = msg.tooLong
  if ([...d.description.trim()].length > DESCRIPTION_MAX) errors.description = msg.tooLong
  if (!d.scheduled_on) errors.scheduled_on = msg.required
  else if (today && (d.scheduled_on < addYears(today, -1) || d.scheduled_on > addYears(today, 2))) errors.scheduled_on = msg.day
  if (d.scheduled_time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(d.scheduled_time)) errors.scheduled_time = msg.time
  if (d.staff_ids.length === 0 || d.staff_ids.length > STAFF_MAX) errors.staff_ids = msg.staff
  const repeat = repeatOf(d)
  if (repeat !== null && !(Number.isInteger(repeat) && repeat >= REPEAT_MIN && repeat <= REPEAT_MAX)) errors.repeat_every_months = msg.repeat
  return errors
}

export interface Built<T> {
  body: T | null
  errors: FormErrors
}

/**
 * POST /service-requests body, or the problems found before asking the server. `today` (the
 * browser's day) bounds the scheduled day like the server does: a year back, two years ahead.
 */
export function createBody(d: RequestDraft, msg: RequestMessages, today: string | null = null): Built<RequestCreateInput> {
  const errors = check(d, msg, today)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: RequestCreateInput = {
    customer_id: d.customer_id as number,
    type: d.type,
    title: d.title.trim(),
    scheduled_on: d.scheduled_on,
    staff_ids: [...d.staff_ids],
  }
  const description = d.description.trim()
  if (description) body.description = description
  if (d.scheduled_time) body.scheduled_time = d.scheduled_time
  const repeat = repeatOf(d)
  if (repeat !== null) body.repeat_every_months = repeat
  return { body, errors }
}

const sameIds = (a: number[], b: number[]) => [...a].sort((x, y) => x - y).join() === [...b].sort((x, y) => x - y).join()

/** PATCH /service-requests/{id} body: what changed (null clears), plus the version read; `changed` false when nothing did. */
export function patchBody(r: ServiceRequest, d: RequestDraft, msg: RequestMessages): Built<RequestPatchInput> & { changed: boolean } {
  // the day is not bounded here: an overdue request keeps its day unless it is moved
  const errors = check({ ...d, customer_id: r.customer_id }, msg, null)
  if (Object.keys(errors).length) return { body: null, errors, changed: true }
  const body: RequestPatchInput = { version: r.version }
  if (d.type !== r.type) body.type = d.type
  if (d.title.trim() !== r.title) body.title = d.title.trim()
  const description = d.description.trim() || null
  if (description !== (r.description || null)) body.description = description
  if (d.scheduled_on !== r.scheduled_on) body.scheduled_on = d.scheduled_on
  const time = d.scheduled_time || null
  if (time !== (r.scheduled_time || null)) body.scheduled_time = time
  if (!sameIds(d.staff_ids, r.staff.map((s) => s.id))) body.staff_ids = [...d.staff_ids]
  const repeat = repeatOf(d)
  if (repeat !== (r.repeat_every_months ?? null)) body.repeat_every_months = repeat
  return { body, errors, changed: Object.keys(body).length > 1 }
}

export interface DoneDraft {
  outcome: string
  /** yuan, as typed ('' = no cost) */
  cost: string
  done_on: string
}

export interface CloseMessages {
  required: string
  tooLong: string
  cost: string
  future: string
}

/** POST /service-requests/{id}/done body: the outcome, the cost in fen, the day (not after `today`). */
export function doneBody(r: Pick<ServiceRequest, 'version'>, d: DoneDraft, msg: CloseMessages, today: string): Built<RequestDoneInput> {
  const errors: FormErrors = {}
  const outcome = d.outcome.trim()
  if (!outcome) errors.outcome = msg.required
  else if ([...outcome].length > OUTCOME_MAX) errors.outcome = msg.tooLong
  let cost: number | null = null
  try {
    cost = yuanToFen(d.cost.trim())
  } catch {
    errors.cost = msg.cost
  }
  if (cost !== null && (cost < 0 || cost > COST_MAX_FEN)) errors.cost = msg.cost
  if (!d.done_on) errors.done_on = msg.required
  else if (d.done_on > today) errors.done_on = msg.future
  if (Object.keys(errors).length) return { body: null, errors }
  const body: RequestDoneInput = { version: r.version, outcome, done_on: d.done_on }
  if (cost !== null) body.cost = cost
  return { body, errors }
}

/** POST /service-requests/{id}/cancel body: the reason is required. */
export function cancelBody(r: Pick<ServiceRequest, 'version'>, reason: string, msg: CloseMessages): Built<RequestCancelInput> {
  const text = reason.trim()
  if (!text) return { body: null, errors: { reason: msg.required } }
  if ([...text].length > REASON_MAX) return { body: null, errors: { reason: msg.tooLong } }
  return { body: { version: r.version, reason: text }, errors: {} }
}

/**
 * The server's field errors → the form's items (`staff_ids[i]` goes on the staff select); the
 * names not in `onForm` come back in `rest` for the general message.
 */
export function mapFieldErrors(fields: Record<string, string>, onForm: readonly string[]): { byField: FormErrors; rest: FormErrors } {
  const byField: FormErrors = {}
  const rest: FormErrors = {}
  for (const [k, v] of Object.entries(fields)) {
    const key = /^staff_ids\[\d+\]$/.test(k) ? 'staff_ids' : k
    if (onForm.includes(key)) byField[key] = byField[key] && byField[key] !== v ? `${byField[key]}; ${v}` : v
    else rest[k] = v
  }
  return { byField, rest }
}
