// Visit plans and reports (拜访计划 / 拜访报告), as /api/v1/visits sends and takes them.
import type { Page } from '@/app/api/http'

export const VISIT_STATUSES = ['submitted', 'approved', 'rejected', 'reported', 'reviewed'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

/** What the server says the caller may do next (the drawer's buttons). */
export const VISIT_ACTIONS = ['edit', 'approve', 'reject', 'report', 'review'] as const
export type VisitAction = (typeof VISIT_ACTIONS)[number]

export interface Visit {
  id: number
  customer_id: number
  customer_name: string
  date: string
  purpose: string
  participants: string[]
  leader_visit: boolean
  status: VisitStatus
  /** approved or still submitted, and its day has passed without a report */
  overdue: boolean
  decision_comment: string | null
  decided_by: number | null
  decided_by_name: string | null
  decided_at: string | null
  findings: string | null
  needs: string | null
  problems: string | null
  follow_ups: string | null
  next_visit_date: string | null
  reported_at: string | null
  review_comment: string | null
  reviewed_by: number | null
  reviewed_by_name: string | null
  reviewed_at: string | null
  user_id: number
  user_name: string
  team_id: number | null
  team_name: string | null
  actions: string[]
  version: number
  created_at: string
  updated_at: string
}

/** POST /visits */
export interface VisitCreateInput {
  customer_id: number
  date: string
  purpose: string
  participants?: string[]
  leader_visit?: boolean
}

/** PATCH /visits/{id}: the planner edits a submitted or rejected plan (back to submitted). */
export interface VisitPatchInput {
  version: number
  date?: string
  purpose?: string
  /** null clears the list */
  participants?: string[] | null
  leader_visit?: boolean
}

/** POST /visits/{id}/report */
export interface VisitReportInput {
  version: number
  findings: string
  needs?: string
  problems?: string
  follow_ups?: string
  next_visit_date?: string
}

export type Awaiting = 'decision' | 'review'

export interface VisitQuery {
  status?: string
  customer_id?: number
  from?: string
  to?: string
  mine?: boolean
  overdue?: boolean
  awaiting?: Awaiting
  sort?: string
  page?: number
  page_size?: number
}

export type VisitPage = Page<Visit>
