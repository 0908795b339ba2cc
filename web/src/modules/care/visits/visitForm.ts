// Pure helpers behind the visit screens: the plan form's draft → POST/PATCH body, the report
// form's draft → POST …/report body, the server's `actions` → the drawer's buttons, and server
// field errors → the form items they are about.
import { addYears, isDay } from './dates'
import { VISIT_ACTIONS, type Visit, type VisitAction, type VisitCreateInput, type VisitPatchInput, type VisitReportInput } from './types'

export const PURPOSE_MAX = 500
export const PARTICIPANTS_MAX = 10
export const PARTICIPANT_MAX = 50
export const REPORT_TEXT_MAX = 2000

// ---------------------------------------------------------------- the plan

export interface PlanDraft {
  customer_id: number | null
  date: string
  purpose: string
  participants: string[]
  leader_visit: boolean
}

export function emptyPlanDraft(customerId: number | null = null, date = ''): PlanDraft {
  return { customer_id: customerId, date, purpose: '', participants: [], leader_visit: false }
}

export function draftFromVisit(v: Pick<Visit, 'customer_id' | 'date' | 'purpose' | 'participants' | 'leader_visit'>): PlanDraft {
  return { customer_id: v.customer_id, date: v.date, purpose: v.purpose ?? '', participants: [...(v.participants ?? [])], leader_visit: !!v.leader_visit }
}

/** Names trimmed, empty ones dropped, each once (in the order typed). */
export function cleanParticipants(names: readonly string[]): string[] {
  const out: string[] = []
  for (const n of names) {
    const s = (n ?? '').trim()
    if (s && !out.includes(s)) out.push(s)
  }
  return out
}

export interface PlanMessages {
  required: string
  /** the date is before today or more than a year ahead */
  dateRange: string
  tooLong: (max: number) => string
  tooMany: (max: number) => string
}

function checkPlan(d: PlanDraft, today: string, msg: PlanMessages, needCustomer: boolean) {
  const errors: Record<string, string> = {}
  const participants = cleanParticipants(d.participants)
  const purpose = d.purpose.trim()
  if (needCustomer && !d.customer_id) errors.customer_id = msg.required
  if (!d.date) errors.date = msg.required
  else if (!isDay(d.date) || d.date < today || d.date > addYears(today, 1)) errors.date = msg.dateRange
  if (!purpose) errors.purpose = msg.required
  else if ([...purpose].length > PURPOSE_MAX) errors.purpose = msg.tooLong(PURPOSE_MAX)
  if (participants.length > PARTICIPANTS_MAX) errors.participants = msg.tooMany(PARTICIPANTS_MAX)
  else if (participants.some((p) => [...p].length > PARTICIPANT_MAX)) errors.participants = msg.tooLong(PARTICIPANT_MAX)
  return { errors, participants, purpose }
}

/** POST /visits: participants only when there are some, leader_visit always. */
export function planBody(d: PlanDraft, today: string, msg: PlanMessages): { body: VisitCreateInput | null; errors: Record<string, string> } {
  const { errors, participants, purpose } = checkPlan(d, today, msg, true)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: VisitCreateInput = { customer_id: d.customer_id as number, date: d.date, purpose }
  if (participants.length) body.participants = participants
  body.leader_visit = !!d.leader_visit
  return { body, errors }
}

/**
 * PATCH /visits/{id}: every plan field with the version read, so that saving always
 * resubmits (a rejected plan goes back to the lead even when only the comment was acted on);
 * an emptied participant list is sent as null, which clears it.
 */
export function planPatchBody(d: PlanDraft, v: Pick<Visit, 'version'>, today: string, msg: PlanMessages): { body: VisitPatchInput | null; errors: Record<string, string> } {
  const { errors, participants, purpose } = checkPlan(d, today, msg, false)
  if (Object.keys(errors).length) return { body: null, errors }
  return { body: { version: v.version, date: d.date, purpose, participants: participants.length ? participants : null, leader_visit: !!d.leader_visit }, errors }
}

// ---------------------------------------------------------------- the report

export interface ReportDraft {
  findings: string
  needs: string
  problems: string
  follow_ups: string
  next_visit_date: string
}

export function emptyReportDraft(): ReportDraft {
  return { findings: '', needs: '', problems: '', follow_ups: '', next_visit_date: '' }
}

export interface ReportMessages {
  required: string
  tooLong: (max: number) => string
  /** the next visit is not after this one */
  nextDate: string
}

/** POST /visits/{id}/report: findings required; the optional texts and the next date only when given. */
export function reportBody(d: ReportDraft, v: Pick<Visit, 'date' | 'version'>, msg: ReportMessages): { body: VisitReportInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const text = {
    findings: d.findings.trim(),
    needs: d.needs.trim(),
    problems: d.problems.trim(),
    follow_ups: d.follow_ups.trim(),
  }
  if (!text.findings) errors.findings = msg.required
  for (const [k, s] of Object.entries(text)) if (!errors[k] && [...s].length > REPORT_TEXT_MAX) errors[k] = msg.tooLong(REPORT_TEXT_MAX)
  if (d.next_visit_date && (!isDay(d.next_visit_date) || d.next_visit_date <= v.date)) errors.next_visit_date = msg.nextDate
  if (Object.keys(errors).length) return { body: null, errors }
  const body: VisitReportInput = { version: v.version, findings: text.findings }
  if (text.needs) body.needs = text.needs
  if (text.problems) body.problems = text.problems
  if (text.follow_ups) body.follow_ups = text.follow_ups
  if (d.next_visit_date) body.next_visit_date = d.next_visit_date
  return { body, errors }
}

// ---------------------------------------------------------------- actions → buttons

export type ButtonType = 'primary' | 'success' | 'danger' | 'warning'

export interface ActionButton {
  action: VisitAction
  /** i18n key of the label */
  label: string
  type: ButtonType
  plain: boolean
  /** the comment box: not used, may be empty, must be filled */
  comment: 'none' | 'optional' | 'required'
  /** a button that opens a form instead of acting at once */
  opens: 'plan' | 'report' | null
}

const BUTTON_ORDER: VisitAction[] = ['approve', 'reject', 'review', 'report', 'edit']

/**
 * The buttons for what the server allows (`actions`), in a fixed order; actions the UI does
 * not know are left out. `edit` on a rejected plan reads "edit and resubmit".
 */
export function visitButtons(v: Pick<Visit, 'actions' | 'status'>): ActionButton[] {
  const allowed = new Set((v.actions ?? []).filter((a): a is VisitAction => (VISIT_ACTIONS as readonly string[]).includes(a)))
  const out: ActionButton[] = []
  for (const a of BUTTON_ORDER) {
    if (!allowed.has(a)) continue
    switch (a) {
      case 'approve':
        out.push({ action: a, label: 'careVisits.actions.approve', type: 'success', plain: false, comment: 'optional', opens: null })
        break
      case 'reject':
        out.push({ action: a, label: 'careVisits.actions.reject', type: 'danger', plain: true, comment: 'required', opens: null })
        break
      case 'review':
        out.push({ action: a, label: 'careVisits.actions.review', type: 'primary', plain: false, comment: 'required', opens: null })
        break
      case 'report':
        out.push({ action: a, label: 'careVisits.actions.report', type: 'primary', plain: false, comment: 'none', opens: 'report' })
        break
      case 'edit':
        out.push({
          action: a,
          label: v.status === 'rejected' ? 'careVisits.actions.resubmit' : 'careVisits.actions.edit',
          type: v.status === 'rejected' ? 'warning' : 'primary',
          plain: v.status !== 'rejected',
          comment: 'none',
          opens: 'plan',
        })
        break
    }
  }
  return out
}

/** Whether the drawer shows a comment box (for approve / reject / review). */
export const needsCommentBox = (buttons: ActionButton[]) => buttons.some((b) => b.comment !== 'none')

// ---------------------------------------------------------------- server errors

/**
 * Server field errors → the form's items (`participants[2]` → `participants`); the ones the
 * form has no item for come back in `rest` to be shown above the form.
 */
export function mapFieldErrors(fields: Record<string, string>, known: readonly string[]): { byField: Record<string, string>; rest: Record<string, string> } {
  const byField: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    const base = k.replace(/(\[\d+\]|\.\d+)(\..*)?$/, '')
    if (known.includes(base)) byField[base] = byField[base] ?? v
    else rest[k] = v
  }
  return { byField, rest }
}
