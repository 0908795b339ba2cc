// The steps of a complaint (pure): which buttons the server's `actions` give, what each step's
// small form asks for, its draft → the POST /complaints/{id}/{step} body, and server field
// errors → the form's items.
import { STEPS, type Complaint, type ComplaintAction, type Step, type StepBody } from './types'

export const NOTE_MAX = 2000
export const TEXT_MAX = 5000

export type StepField =
  | 'note' | 'resolution_plan' | 'result_note' | 'satisfaction' | 'satisfaction_note'
  | 'root_cause' | 'root_cause_text' | 'resolution' | 'prevention_action' | 'prevention_owner_id' | 'prevention_due'

export interface FieldRule {
  field: StepField
  required: boolean
  /** the most characters of a text */
  max?: number
}

const note = (required: boolean): FieldRule => ({ field: 'note', required, max: NOTE_MAX })

/** What each step's form asks for, in the order shown. */
export const STEP_FIELDS: Record<Step, FieldRule[]> = {
  accept: [note(false)],
  investigate: [note(false)],
  propose: [{ field: 'resolution_plan', required: true, max: TEXT_MAX }, note(false)],
  approve: [note(false)],
  send_back: [note(true)],
  start: [note(false)],
  inform: [{ field: 'result_note', required: true, max: TEXT_MAX }, note(false)],
  rate: [{ field: 'satisfaction', required: true }, { field: 'satisfaction_note', required: false, max: NOTE_MAX }],
  close: [
    { field: 'root_cause', required: true },
    { field: 'root_cause_text', required: true, max: NOTE_MAX },
    { field: 'resolution', required: true, max: TEXT_MAX },
    { field: 'prevention_action', required: true, max: NOTE_MAX },
    { field: 'prevention_owner_id', required: true },
    { field: 'prevention_due', required: true },
    note(false),
  ],
  reject: [note(true)],
  reopen: [note(true)],
}

export const isStep = (a: string): a is Step => (STEPS as readonly string[]).includes(a)

export interface StepDraft {
  note: string
  resolution_plan: string
  result_note: string
  /** 0 until chosen */
  satisfaction: number
  satisfaction_note: string
  root_cause: string
  root_cause_text: string
  resolution: string
  prevention_action: string
  prevention_owner_id: number | null
  prevention_due: string
}

/** A fresh draft; closing starts from the complaint's category and its approved plan. */
export function emptyDraft(step: Step, c?: Pick<Complaint, 'category' | 'resolution_plan'> | null): StepDraft {
  const d: StepDraft = {
    note: '', resolution_plan: '', result_note: '', satisfaction: 0, satisfaction_note: '',
    root_cause: '', root_cause_text: '', resolution: '', prevention_action: '', prevention_owner_id: null, prevention_due: '',
  }
  if (step === 'close' && c) {
    d.root_cause = c.category ?? ''
    d.resolution = c.resolution_plan ?? ''
  }
  return d
}

export interface StepMessages {
  required: string
  tooLong: (max: number) => string
  /** the prevention action's due date is before today */
  dueInPast: string
}

const chars = (s: string) => [...s].length

/** The body of a step: the version and what the step needs (optional texts only when given). */
export function stepBody(step: Step, d: StepDraft, version: number, today: string, msg: StepMessages): { body: StepBody | null; errors: Partial<Record<StepField, string>> } {
  const errors: Partial<Record<StepField, string>> = {}
  const body: StepBody = { version }
  for (const rule of STEP_FIELDS[step]) {
    const f = rule.field
    if (f === 'satisfaction') {
      if (!Number.isInteger(d.satisfaction) || d.satisfaction < 1 || d.satisfaction > 5) errors.satisfaction = msg.required
      else body.satisfaction = d.satisfaction
    } else if (f === 'prevention_owner_id') {
      if (!d.prevention_owner_id) errors.prevention_owner_id = msg.required
      else body.prevention_owner_id = d.prevention_owner_id
    } else if (f === 'prevention_due') {
      if (!d.prevention_due) errors.prevention_due = msg.required
      else if (d.prevention_due < today) errors.prevention_due = msg.dueInPast
      else body.prevention_due = d.prevention_due
    } else {
      const text = (d[f] ?? '').trim()
      if (!text) {
        if (rule.required) errors[f] = msg.required
      } else if (rule.max && chars(text) > rule.max) errors[f] = msg.tooLong(rule.max)
      else body[f] = text
    }
  }
  return Object.keys(errors).length ? { body: null, errors } : { body, errors }
}

// ---------------------------------------------------------------- actions → buttons

export type ButtonType = 'primary' | 'success' | 'warning' | 'danger'

export interface StepButton {
  action: ComplaintAction
  /** i18n key of the label */
  label: string
  type: ButtonType
  plain: boolean
}

const BUTTONS: Record<ComplaintAction, Omit<StepButton, 'action' | 'label'>> = {
  accept: { type: 'primary', plain: false },
  investigate: { type: 'primary', plain: false },
  propose: { type: 'primary', plain: false },
  approve: { type: 'success', plain: false },
  send_back: { type: 'warning', plain: true },
  start: { type: 'primary', plain: false },
  inform: { type: 'primary', plain: false },
  rate: { type: 'primary', plain: false },
  close: { type: 'success', plain: false },
  prevention_done: { type: 'success', plain: true },
  reopen: { type: 'warning', plain: true },
  reject: { type: 'danger', plain: true },
}

/** The buttons for what the server allows now, the forward steps first; unknown actions are left out. */
export function stepButtons(actions: readonly string[] | undefined): StepButton[] {
  const allowed = new Set(actions ?? [])
  return (Object.keys(BUTTONS) as ComplaintAction[])
    .filter((a) => allowed.has(a))
    .map((a) => ({ action: a, label: `complaints.steps.${a}`, ...BUTTONS[a] }))
}

// ---------------------------------------------------------------- server errors

/** Server field errors → the step form's items; the others come back in `rest`. */
export function splitFieldErrors(step: Step, fields: Record<string, string>): { byField: Partial<Record<StepField, string>>; rest: string[] } {
  const known = new Set<string>(STEP_FIELDS[step].map((r) => r.field))
  const byField: Partial<Record<StepField, string>> = {}
  const rest: string[] = []
  for (const [k, v] of Object.entries(fields)) {
    if (known.has(k)) byField[k as StepField] = v
    else rest.push(v)
  }
  return { byField, rest }
}
