// Customer care summary, milestones and personal events, staff changes and regional events,
// as /api/v1 sends and takes them (money in fen, dates YYYY-MM-DD, times UTC).
import type { Page } from '@/app/api/http'

/** GET /customers/{id}/care */
export interface CareSummary {
  customer_id: number
  last_contact_day: string | null
  next_contact_date: string | null
  days_since_last_contact: number | null
  /** the day the next contact is due by the overdue rule */
  due_date: string | null
  overdue: boolean
  reason: string | null
  open_tasks: number
  open_promises: number
  /** fen */
  gift_cost_ytd: number
  contacts_90d: number
  /** a contact left and the relationship with the successor is not rebuilt yet */
  needs_rebuilding: boolean
}

export const MILESTONE_KINDS = ['store_opening', 'company_anniversary', 'project_completion'] as const
export const PERSONAL_KINDS = ['wedding', 'illness', 'accident'] as const
export const CARE_EVENT_KINDS = [...MILESTONE_KINDS, ...PERSONAL_KINDS, 'other'] as const
export type CareEventKind = (typeof CARE_EVENT_KINDS)[number]

export interface CareEvent {
  id: number
  customer_id: number
  contact_id: number | null
  contact_name: string | null
  kind: CareEventKind
  date: string
  yearly: boolean
  note: string | null
  version: number
  created_by: number
  created_by_name: string
  created_at: string
  updated_at: string
}

/** POST /customers/{id}/care-events */
export interface CareEventInput {
  kind: CareEventKind
  date: string
  contact_id?: number
  yearly?: boolean
  note?: string
}

/** PATCH /care-events/{id}: null clears contact_id / note. */
export interface CareEventPatch {
  version: number
  kind?: CareEventKind
  date?: string
  contact_id?: number | null
  yearly?: boolean
  note?: string | null
}

export type StaffChangeStatus = 'open' | 'rebuilt'

export interface StaffChange {
  id: number
  customer_id: number
  contact_id: number
  contact_name: string
  successor_id: number | null
  successor_name: string | null
  left_on: string
  note: string | null
  status: StaffChangeStatus
  task_id: number | null
  version: number
  created_by: number
  created_by_name: string
  created_at: string
  updated_at: string
}

/** POST /contacts/{id}/left */
export interface LeftInput {
  left_on: string
  successor_id?: number
  note?: string
}

export const REGIONAL_KINDS = ['typhoon', 'flood', 'earthquake', 'epidemic', 'snowstorm', 'heatwave', 'drought', 'other'] as const
export type RegionalKind = (typeof REGIONAL_KINDS)[number]

export interface PreviewContact {
  id: number
  name: string
  title: string | null
  mobile: string | null
  landline: string | null
  is_primary: boolean
}

export interface PreviewCustomer {
  id: number
  name: string
  owner_id: number
  owner_name: string | null
  city_code: string | null
  city_name: string | null
  grade: string | null
  contacts: PreviewContact[]
}

/** POST /regional-events/preview */
export interface RegionalPreview {
  province_code: string
  province_name: string
  city_code: string | null
  city_name: string | null
  customers: number
  contacts: number
  owners: number
  /** `items` holds only the first 500 */
  truncated: boolean
  items: PreviewCustomer[]
}

export interface RegionalEventInput {
  kind: RegionalKind
  title: string
  province_code: string
  city_code?: string
  date: string
  note?: string
}

export interface RegionalEventItem {
  customer_id: number
  customer_name: string
  owner_id: number
  owner_name: string | null
  task_id: number | null
  task_status: string | null
  due_date: string | null
}

export interface RegionalEvent {
  id: number
  kind: RegionalKind | string
  title: string
  province_code: string
  province_name: string
  city_code: string | null
  city_name: string | null
  date: string
  note: string | null
  /** customers reached */
  customers: number
  /** care tasks created */
  tasks: number
  created_by: number
  created_by_name: string
  created_at: string
  items?: RegionalEventItem[]
  items_total?: number
}

export type RegionalEventPage = Page<RegionalEvent>
