// Complaints (投诉): wire types of /api/v1/complaints, the categories, the response promise
// (service settings), the analysis, and the public form and status page. Times are UTC.
import type { Attachment } from './attachments'
import type { Page } from '@/app/api/http'

export const CHANNELS = ['phone', 'email', 'web', 'visit', 'wechat', 'social_media'] as const
export type Channel = (typeof CHANNELS)[number]

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

export const STATUSES = [
  'received', 'accepted', 'investigating', 'proposed', 'approved', 'resolving', 'informed', 'rated', 'closed', 'rejected', 'reopened',
] as const
export type ComplaintStatus = (typeof STATUSES)[number]

/** The open statuses shown as the board's columns, in the order a complaint moves through them. */
export const BOARD_STATUSES = ['received', 'accepted', 'investigating', 'proposed', 'approved', 'resolving', 'informed', 'rated'] as const

/** The steps (POST /complaints/{id}/{step}) and the extra one on closed complaints. */
export const STEPS = ['accept', 'investigate', 'propose', 'approve', 'send_back', 'start', 'inform', 'rate', 'close', 'reject', 'reopen'] as const
export type Step = (typeof STEPS)[number]
export type ComplaintAction = Step | 'prevention_done'

export interface TimelineEvent {
  at: string
  user_id: number | null
  user_name: string | null
  /** a step, "file", "attach", "escalate_lead", "escalate_director" or "prevention_done" */
  action: string
  from_status: string | null
  to_status: string | null
  note: string | null
}

export interface Complaint {
  id: number
  reference: string
  customer_id: number | null
  customer_name: string | null
  contact_id: number | null
  contact_name: string | null
  /** the public form's complainant */
  reporter_name: string | null
  reporter_phone: string | null
  reporter_email: string | null
  reporter_company: string | null
  channel: Channel | string
  category: string
  severity: Severity | string
  product_id: number | null
  product_name: string | null
  order_id: number | null
  description: string
  status: ComplaintStatus | string
  assignee_id: number | null
  assignee_name: string | null
  first_response_due: string
  first_response_at: string | null
  /** null until answered */
  answered_in_time: boolean | null
  director_escalation_due: string
  resolution_due: string
  informed_at: string | null
  closed_at: string | null
  /** 0 none, 1 the team lead, 2 the director */
  escalation_level: number
  /** the running promise (first answer, then resolution); null when none runs */
  time_left_seconds: number | null
  breached: boolean
  resolution_plan: string | null
  resolution: string | null
  result_note: string | null
  satisfaction: number | null
  satisfaction_note: string | null
  root_cause: string | null
  root_cause_text: string | null
  prevention_action: string | null
  prevention_owner_id: number | null
  prevention_owner_name: string | null
  prevention_due: string | null
  prevention_done_at: string | null
  reject_reason: string | null
  reopen_count: number
  grade: string | null
  version: number
  created_at: string
  updated_at: string
  /** a single complaint only */
  timeline?: TimelineEvent[]
  attachments?: Attachment[]
  actions?: string[]
}

/** The link to the satisfaction survey, in the answer to the closing step (shown once). */
export interface SurveyLink {
  id: number
  token: string
  path: string
  api_path?: string
  expires_at: string
}

export interface ClosedComplaint extends Complaint {
  survey?: SurveyLink | null
}

export interface ComplaintQuery {
  status?: string
  category?: string
  severity?: string
  customer_id?: number
  assignee_id?: number
  open?: boolean
  breached?: boolean
  mine?: boolean
  q?: string
  page?: number
  page_size?: number
}

export type ComplaintPage = Page<Complaint>

/** POST /complaints */
export interface ComplaintInput {
  customer_id: number
  channel: Channel
  category: string
  severity: Severity
  description: string
  contact_id?: number
  product_id?: number
  order_id?: number
}

/** The body of a step: the version read, and what the step needs. */
export interface StepBody {
  version: number
  note?: string
  resolution_plan?: string
  result_note?: string
  satisfaction?: number
  satisfaction_note?: string
  root_cause?: string
  root_cause_text?: string
  resolution?: string
  prevention_action?: string
  prevention_owner_id?: number
  prevention_due?: string
}

// ---------------------------------------------------------------- categories

export interface Category {
  id: number
  key: string
  name_zh_cn: string
  name_zh_tw: string
  name_en: string
  active: boolean
  sort: number
  version: number
}

export interface CategoryInput {
  key: string
  name_zh_cn: string
  name_zh_tw: string
  name_en: string
  sort?: number
}

export interface CategoryPatch {
  name_zh_cn?: string
  name_zh_tw?: string
  name_en?: string
  active?: boolean
  sort?: number
  version: number
}

// ---------------------------------------------------------------- the response promise

export const SLA_GRADES = ['A', 'B', 'C'] as const
export type SlaGrade = (typeof SLA_GRADES)[number]

export interface Target {
  first_response_hours: number
  resolution_hours: number
}

export interface SlaValues {
  base: Target
  /** grade → severity → target; what is missing uses the base */
  targets: Partial<Record<SlaGrade, Partial<Record<Severity, Target>>>>
  working_hours: boolean
}

export interface SlaSettings extends SlaValues {
  version: number
}

// ---------------------------------------------------------------- analysis

export interface KeyCount {
  key: string
  count: number
}

/** A closed complaint whose prevention action is not done yet. */
export interface OpenPrevention {
  id: number
  reference: string
  prevention_action: string | null
  owner_name: string | null
  prevention_due: string | null
  overdue: boolean
  version: number
}

export interface Analysis {
  from: string
  to: string
  total: number
  by_category: KeyCount[]
  by_severity: KeyCount[]
  by_month: { month: string; count: number }[]
  by_product: { product_id: number | null; product_name: string | null; count: number }[]
  by_region: { province_code: string | null; province: string | null; count: number }[]
  by_root_cause: KeyCount[]
  repeat_customers: { customer_id: number; customer_name: string; count: number }[]
  open_prevention: OpenPrevention[]
  sla: { answered: number; answered_in_time: number; in_time_per_mille: number; median_answer_minutes: number; median_close_minutes: number }
  satisfaction: { rated: number; satisfied: number; per_mille: number }
}

// ---------------------------------------------------------------- the public form and status page

export interface PublicComplaintInput {
  name: string
  phone?: string
  email?: string
  company?: string
  category: string
  description: string
}

export interface PublicComplaintReply {
  reference: string
  status: string
  first_response_due: string
  token: string
  status_path: string
}

export interface PublicStatus {
  reference: string
  status: string
  category: string
  created_at: string
  first_response_due: string
  first_response_at: string | null
  /** what the customer was told, once told */
  result_note: string | null
  timeline: { at: string; action: string; from_status: string | null; to_status: string | null }[]
}
