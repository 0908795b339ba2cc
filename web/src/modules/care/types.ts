// Relationship care (客情维护): contact logs, promises, care tasks, the today list, the
// overdue list and the care settings. Wire types of /api/v1 (money is integer fen, times UTC).
import type { Page } from '@/app/api/http'

export const CONTACT_KINDS = ['call', 'visit', 'sms', 'email', 'wechat', 'meeting', 'gift', 'event', 'other'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export interface Gift {
  item: string
  /** fen */
  cost: number
  reason?: string | null
}

export interface LogContact {
  id: number
  name: string
  title?: string | null
  /** the contact has left the company */
  left: boolean
}

export const PROMISE_STATUSES = ['open', 'kept', 'dropped'] as const
export type PromiseStatus = (typeof PROMISE_STATUSES)[number]

/** A promise (承诺) made to a customer, usually while logging a contact. */
export interface CarePromise {
  id: number
  customer_id: number
  customer_name: string
  log_id: number | null
  text: string
  due_date: string
  status: PromiseStatus
  closed_note?: string | null
  closed_by_name?: string | null
  closed_at?: string | null
  user_id: number
  user_name: string
  version: number
  created_at: string
}

export interface ContactLog {
  id: number
  customer_id: number
  customer_name: string
  kind: ContactKind
  /** UTC instant */
  at: string
  /** the company's date of `at` */
  day: string
  summary: string
  outcome: string | null
  next_contact_date: string | null
  gift: Gift | null
  visit_id: number | null
  user_id: number
  user_name: string
  version: number
  created_at: string
  updated_at: string
  contacts: LogContact[]
  promises: CarePromise[]
}

/** A contact to pick in the log dialog (a customer's contact as GET /customers/{id} gives it). */
export interface ContactOption {
  id: number
  name: string
  title?: string | null
  left_company?: boolean
}

/** What closing a promise needs to show and send. */
export interface ClosablePromise {
  id: number
  text: string
  due_date: string
  version: number
  customer_name?: string
}

export interface PromiseDraftInput {
  text: string
  due_date: string
}

/** POST /contact-logs */
export interface LogCreateInput {
  customer_id: number
  kind: ContactKind
  at?: string
  contact_ids?: number[]
  summary: string
  outcome?: string
  next_contact_date?: string
  gift?: Gift
  promises?: PromiseDraftInput[]
}

/** PATCH /contact-logs/{id}: only what changed, plus the version read. */
export interface LogPatchInput {
  kind?: ContactKind
  at?: string
  contact_ids?: number[]
  summary?: string
  outcome?: string | null
  next_contact_date?: string | null
  gift?: Gift | null
  version: number
}

export interface LogQuery {
  customer_id?: number
  user_id?: number
  kind?: string
  from?: string
  to?: string
  page?: number
  page_size?: number
}

export interface PromiseQuery {
  status?: PromiseStatus | ''
  customer_id?: number
  due_before?: string
  mine?: boolean
  page?: number
  page_size?: number
}

export const TASK_KINDS = [
  'birthday', 'festival', 'anniversary', 'milestone', 'personal_event', 'regional_event', 'staff_change', 'follow_up',
] as const
export type TaskKind = (typeof TASK_KINDS)[number]
export type TaskStatus = 'open' | 'done' | 'dismissed'

/** Subjects of milestone and personal-event tasks. */
export const EVENT_KINDS = ['store_opening', 'company_anniversary', 'project_completion', 'wedding', 'illness', 'accident', 'other'] as const
/** Subjects of regional-event tasks. */
export const REGIONAL_EVENT_KINDS = ['typhoon', 'flood', 'earthquake', 'epidemic', 'snowstorm', 'heatwave', 'drought', 'other'] as const

/** A care reminder made concrete: something to do for a customer (or one of its contacts) by a day. */
export interface CareTask {
  id: number
  user_id: number
  user_name: string
  customer_id: number | null
  customer_name: string | null
  contact_id: number | null
  contact_name: string | null
  kind: TaskKind
  /**
   * birthday: "lunar" | "solar"; festival: the festival's name; anniversary: the number of years;
   * milestone / personal_event / regional_event: the event's kind; staff_change: who left; follow_up: free text
   */
  subject: string | null
  event_date: string | null
  due_date: string
  status: TaskStatus
  done_at: string | null
  done_log_id: number | null
  version: number
  created_at: string
}

export interface TaskQuery {
  status?: TaskStatus | ''
  kind?: string
  due_before?: string
  customer_id?: number
  team?: boolean
  user_id?: number
  page?: number
  page_size?: number
}

export const DUE_REASONS = ['no_contact', 'next_contact', 'new_customer'] as const
export type DueReason = (typeof DUE_REASONS)[number]

/** A customer whose contact is due (or overdue). */
export interface DueCustomer {
  customer_id: number
  customer_name: string
  grade: string | null
  owner_id: number
  owner_name: string
  last_contact_day: string | null
  next_contact_date: string | null
  due_date: string
  days_overdue: number
  reason: DueReason | string
}

export interface TodayPromise {
  id: number
  customer_id: number
  customer_name: string
  text: string
  due_date: string
  version: number
  overdue: boolean
}

export interface TodayFestival {
  name: string
  date: string
  /** days from today */
  days: number
}

export interface VisitItem {
  id: number
  customer_id: number
  customer_name: string
  date: string
  purpose: string
  status: string
  user_name: string
}

export const VISIT_GROUPS = ['planned_today', 'overdue_reports', 'awaiting_decision', 'awaiting_review'] as const
export type VisitGroup = (typeof VISIT_GROUPS)[number]

export interface TodayCounts {
  contacts_due: number
  tasks: number
  promises: number
  visits: number
  approvals: number
}

/** GET /today */
export interface Today {
  date: string
  contacts_due: { items: DueCustomer[]; total: number }
  tasks: { items: CareTask[]; total: number }
  promises: TodayPromise[]
  festivals: TodayFestival[]
  counts: TodayCounts
  /** present once the server plans visits */
  visits?: Partial<Record<VisitGroup, VisitItem[]>>
}

export interface OverdueQuery {
  owner_id?: number
  mine?: boolean
  page?: number
  page_size?: number
}

export const SETTING_GRADES = ['A', 'B', 'C'] as const
export type SettingGrade = (typeof SETTING_GRADES)[number]

export const LEAD_DAY_KEYS = [
  'new_customer_days', 'birthday_lead_days', 'festival_lead_days', 'anniversary_lead_days', 'milestone_lead_days', 'personal_event_lead_days',
] as const
export type LeadDayKey = (typeof LEAD_DAY_KEYS)[number]

export interface CareSettingsValues extends Record<LeadDayKey, number> {
  contact_gap_days: Record<SettingGrade, number>
  festival_grades: string[]
}

export interface CareSettings extends CareSettingsValues {
  version: number
  updated_at: string
}

export type LogPage = Page<ContactLog>
