// Pure helpers behind the care-event, staff-change and regional-event dialogs: drafts → request
// bodies with the client-side checks (the server checks again and has the last word).
import { addDays, addYears, isDay } from '../visits/dates'
import {
  PERSONAL_KINDS, type CareEvent, type CareEventInput, type CareEventKind, type CareEventPatch, type LeftInput, type RegionalEventInput,
  type RegionalKind,
} from './types'

type Msg = { required: string }

// ---------------------------------------------------------------- milestones and personal events

/** Weddings, illnesses and accidents concern one of the customer's contacts. */
export const kindNeedsContact = (kind: string) => (PERSONAL_KINDS as readonly string[]).includes(kind)
/** An event of kind "other" says what it is in its note. */
export const kindNeedsNote = (kind: string) => kind === 'other'
/** Company anniversaries are remembered every year unless told otherwise. */
export const defaultYearly = (kind: string) => kind === 'company_anniversary'

export interface CareEventDraft {
  kind: CareEventKind | ''
  date: string
  contact_id: number | null
  yearly: boolean
  note: string
}

export function emptyCareEventDraft(): CareEventDraft {
  return { kind: '', date: '', contact_id: null, yearly: false, note: '' }
}

export function draftFromEvent(e: CareEvent): CareEventDraft {
  return { kind: e.kind, date: e.date, contact_id: e.contact_id, yearly: e.yearly, note: e.note ?? '' }
}

export interface CareEventMessages extends Msg {
  contact: string
  note: string
  dateRange: string
}

function checkEvent(d: CareEventDraft, today: string, msg: CareEventMessages) {
  const errors: Record<string, string> = {}
  if (!d.kind) errors.kind = msg.required
  if (!d.date) errors.date = msg.required
  else if (!isDay(d.date) || d.date < '1900-01-01' || d.date > addYears(today, 10)) errors.date = msg.dateRange
  if (d.kind && kindNeedsContact(d.kind) && !d.contact_id) errors.contact_id = msg.contact
  if (d.kind && kindNeedsNote(d.kind) && !d.note.trim()) errors.note = msg.note
  return errors
}

/** POST /customers/{id}/care-events: the contact and note only when given, yearly always. */
export function careEventBody(d: CareEventDraft, today: string, msg: CareEventMessages): { body: CareEventInput | null; errors: Record<string, string> } {
  const errors = checkEvent(d, today, msg)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: CareEventInput = { kind: d.kind as CareEventKind, date: d.date, yearly: !!d.yearly }
  if (d.contact_id) body.contact_id = d.contact_id
  if (d.note.trim()) body.note = d.note.trim()
  return { body, errors }
}

/** PATCH /care-events/{id}: what changed, with the version read; a removed contact or note is sent as null. */
export function careEventPatch(d: CareEventDraft, e: CareEvent, today: string, msg: CareEventMessages): { body: CareEventPatch | null; errors: Record<string, string> } {
  const errors = checkEvent(d, today, msg)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: CareEventPatch = { version: e.version }
  if (d.kind !== e.kind) body.kind = d.kind as CareEventKind
  if (d.date !== e.date) body.date = d.date
  if ((d.contact_id ?? null) !== (e.contact_id ?? null)) body.contact_id = d.contact_id ?? null
  if (!!d.yearly !== !!e.yearly) body.yearly = !!d.yearly
  const note = d.note.trim()
  if (note !== (e.note ?? '')) body.note = note || null
  return { body, errors }
}

// ---------------------------------------------------------------- staff changes

export interface ContactLike {
  id: number
  name: string
  title?: string | null
  left_company?: boolean
}

/** Who can take over from `leaving`: the customer's other contacts still there. */
export function successorOptions<C extends ContactLike>(contacts: readonly C[], leavingId: number): C[] {
  return contacts.filter((c) => c.id !== leavingId && !c.left_company)
}

export interface LeftDraft {
  left_on: string
  successor_id: number | null
  note: string
}

export function emptyLeftDraft(today: string): LeftDraft {
  return { left_on: today, successor_id: null, note: '' }
}

export interface LeftMessages extends Msg {
  leftOnRange: string
  successor: string
}

/** POST /contacts/{id}/left: left_on not in the future nor before 1990; a successor only among the others still there. */
export function leftBody(d: LeftDraft, leavingId: number, contacts: readonly ContactLike[], today: string, msg: LeftMessages): { body: LeftInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  if (!d.left_on) errors.left_on = msg.required
  else if (!isDay(d.left_on) || d.left_on > today || d.left_on < '1990-01-01') errors.left_on = msg.leftOnRange
  if (d.successor_id && !successorOptions(contacts, leavingId).some((c) => c.id === d.successor_id)) errors.successor_id = msg.successor
  if (Object.keys(errors).length) return { body: null, errors }
  const body: LeftInput = { left_on: d.left_on }
  if (d.successor_id) body.successor_id = d.successor_id
  if (d.note.trim()) body.note = d.note.trim()
  return { body, errors }
}

// ---------------------------------------------------------------- regional events

export interface RegionalDraft {
  kind: RegionalKind | ''
  title: string
  /** the cascader's path: [province] or [province, city] */
  region: string[]
  date: string
  note: string
}

export function emptyRegionalDraft(today: string): RegionalDraft {
  return { kind: '', title: '', region: [], date: today, note: '' }
}

/** The cascader path → the codes the API takes (a district, if ever picked, is ignored). */
export function regionCodes(path: readonly string[] | null | undefined): { province_code: string; city_code?: string } | null {
  if (!path?.length || !path[0]) return null
  return path[1] ? { province_code: path[0], city_code: path[1] } : { province_code: path[0] }
}

export interface RegionalMessages extends Msg {
  dateRange: string
}

export function regionalBody(d: RegionalDraft, today: string, msg: RegionalMessages): { body: RegionalEventInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const codes = regionCodes(d.region)
  if (!d.kind) errors.kind = msg.required
  if (!d.title.trim()) errors.title = msg.required
  if (!codes) errors.province_code = msg.required
  if (!d.date) errors.date = msg.required
  else if (!isDay(d.date) || d.date < addDays(today, -30) || d.date > addDays(today, 30)) errors.date = msg.dateRange
  if (Object.keys(errors).length || !codes) return { body: null, errors }
  const body: RegionalEventInput = { kind: d.kind as RegionalKind, title: d.title.trim(), ...codes, date: d.date }
  if (d.note.trim()) body.note = d.note.trim()
  return { body, errors }
}
