// Service requests (服务请求) and the return-visit settings (回访). Wire types of /api/v1
// (money is integer fen, times UTC, days YYYY-MM-DD in the company's calendar).

/** The fourteen kinds of service of seed 002, in the server's order. */
export const SERVICE_TYPES = [
  'on_site', 'fixed_point', 'delegated', 'consulting', 'promotion_support', 'market_research', 'technical_guidance',
  'delivery', 'payment', 'ordering', 'change_notice', 'reception', 'inspection', 'senior_interview',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** The only type that may repeat on a schedule. */
export const REPEATABLE_TYPE = 'inspection'

export const REQUEST_STATUSES = ['planned', 'done', 'cancelled'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** GET /service-requests/types (labels in the caller's language). */
export interface ServiceTypeOption {
  key: string
  label: string
  repeatable: boolean
}

export interface RequestStaff {
  id: number
  name: string
  /** false for a user deactivated since */
  active: boolean
}

export interface ServiceRequest {
  id: number
  customer_id: number
  customer_name: string
  type: ServiceType | string
  title: string
  description: string | null
  scheduled_on: string
  /** HH:MM */
  scheduled_time: string | null
  status: RequestStatus
  /** planned and scheduled before today */
  overdue: boolean
  staff: RequestStaff[]
  outcome: string | null
  /** fen */
  cost: number | null
  done_on: string | null
  cancel_reason: string | null
  repeat_every_months: number | null
  previous_id: number | null
  /** the successor a repeating inspection planned when it was done */
  next_id: number | null
  created_by: number
  created_by_name: string
  closed_by: number | null
  closed_by_name: string | null
  closed_at: string | null
  version: number
  created_at: string
  updated_at: string
}

/** POST /service-requests */
export interface RequestCreateInput {
  customer_id: number
  type: string
  title: string
  scheduled_on: string
  staff_ids: number[]
  description?: string
  scheduled_time?: string
  repeat_every_months?: number
}

/** PATCH /service-requests/{id}: what changed, plus the version read (null clears). */
export interface RequestPatchInput {
  version: number
  type?: string
  title?: string
  description?: string | null
  scheduled_on?: string
  scheduled_time?: string | null
  staff_ids?: number[]
  repeat_every_months?: number | null
}

export interface RequestDoneInput {
  version: number
  outcome: string
  /** fen */
  cost?: number
  done_on?: string
}

export interface RequestCancelInput {
  version: number
  reason: string
}

export interface RequestQuery {
  customer_id?: number
  type?: string
  status?: string
  from?: string
  to?: string
  mine?: boolean
  overdue?: boolean
  staff_id?: number
  sort?: string
  page?: number
  page_size?: number
}

export type StatusCounts = Record<RequestStatus, number>

/** GET /customers/{id}/service-summary */
export interface ServiceSummary {
  customer_id: number
  /** the company's today */
  date: string
  year: number
  total: number
  overdue: number
  by_status: StatusCounts
  by_type: Record<string, StatusCounts>
  /** fen */
  cost_this_year: number
  cost_total: number
  next_planned: ServiceRequest | null
  last_done: ServiceRequest | null
}

export interface ReturnVisitSettingsValues {
  after_order_days: number
  after_complaint_days: number
}

/** GET|PUT /service/return-visit-settings */
export interface ReturnVisitSettings extends ReturnVisitSettingsValues {
  version: number
  updated_at: string
}
