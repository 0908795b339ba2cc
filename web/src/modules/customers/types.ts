export type CustomerType = 'company' | 'person'
export type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'lost'
export type Grade = 'A' | 'B' | 'C'
export type Size = 'large' | 'medium' | 'small'
export type Access = 'write' | 'read'

export const STATUSES: CustomerStatus[] = ['prospect', 'active', 'dormant', 'lost']
export const GRADES: Grade[] = ['A', 'B', 'C']
export const SIZES: Size[] = ['large', 'medium', 'small']
export const INDUSTRIES = [
  'manufacturing', 'retail', 'wholesale', 'transport', 'construction', 'agriculture', 'mining',
  'energy', 'automotive', 'logistics', 'food', 'chemicals', 'services', 'government', 'other',
] as const
export const DEALER_LEVELS = ['general', 'second', 'third', 'retail'] as const
export type DealerLevel = (typeof DEALER_LEVELS)[number]
export const SOURCES = ['referral', 'visit', 'exhibition', 'web', 'phone', 'advertising', 'partner', 'other'] as const
/** Sort fields the server allows (docs/api.md). */
export const SORT_FIELDS = ['name', 'created_at', 'updated_at', 'grade', 'status', 'cooperation_start', 'credit_limit'] as const

export interface Member {
  user_id: number
  name: string
  access: Access
}

export type Birthday =
  | { calendar: 'solar'; date: string }
  | { calendar: 'lunar'; month: number; day: number; leap: boolean; year?: number | null }

export interface Contact {
  id: number
  customer_id: number
  name: string
  title?: string | null
  mobile?: string | null
  landline?: string | null
  email?: string | null
  wechat?: string | null
  birthday?: Birthday | null
  hobbies?: string | null
  family?: string | null
  personality?: string | null
  left_company: boolean
  left_on?: string | null
  is_primary: boolean
  version: number
}

export type ContactInput = Partial<Omit<Contact, 'id' | 'customer_id'>>

export interface Customer {
  id: number
  type: CustomerType
  name: string
  short_name?: string | null
  credit_code?: string | null
  industry?: string | null
  size?: Size | null
  province_code?: string | null
  province?: string | null
  city_code?: string | null
  city?: string | null
  district_code?: string | null
  district?: string | null
  address?: string | null
  lat?: number | null
  lng?: number | null
  source?: string | null
  status: CustomerStatus
  grade: Grade | null
  tags: string[]
  cooperation_start?: string | null
  credit_limit?: number | null
  bank_name?: string | null
  bank_account?: string | null
  tax_number?: string | null
  website?: string | null
  notes?: string | null
  custom?: Record<string, unknown>
  owner_id: number
  owner_name?: string | null
  department?: string | null
  leader_id?: number | null
  leader_name?: string | null
  members?: Member[]
  /** the dealer above this one in the distribution chain */
  parent_id?: number | null
  parent_name?: string | null
  dealer_level?: DealerLevel | null
  /** days after the order date within which returns are accepted (default 30) */
  return_window_days?: number | null
  /** GET /customers/{id}: whether the caller may change it */
  can_edit?: boolean
  version: number
  created_at: string
  updated_at: string
  deleted_at?: string | null
  contacts?: Contact[]
}

/** Writable customer fields (POST/PATCH bodies). */
export const CUSTOMER_WRITABLE = [
  'type', 'name', 'short_name', 'credit_code', 'industry', 'size', 'province_code', 'city_code',
  'district_code', 'address', 'lat', 'lng', 'source', 'status', 'grade', 'tags', 'cooperation_start',
  'credit_limit', 'bank_name', 'bank_account', 'tax_number', 'website', 'notes', 'custom',
  'owner_id', 'department', 'leader_id', 'parent_id', 'dealer_level', 'return_window_days',
] as const
export type CustomerWritable = (typeof CUSTOMER_WRITABLE)[number]
export type CustomerInput = Partial<Pick<Customer, CustomerWritable>> & {
  version?: number
  contacts?: ContactInput[]
  confirm_duplicate?: boolean
  confirm_warnings?: boolean
}

export interface CustomerQuery {
  q?: string
  grade?: string
  status?: string
  industry?: string
  size?: string
  province_code?: string
  city_code?: string
  owner_id?: number | ''
  team_id?: number | ''
  tag?: string
  type?: string
  page: number
  page_size: number
  sort?: string
}

export interface TimelineChange {
  from: unknown
  to: unknown
}
export interface TimelineItem {
  at: string
  user_id: number | null
  user_name: string | null
  action: string
  entity: string
  entity_id: number | null
  changes?: Record<string, TimelineChange | unknown> | null
}

export interface Handover {
  id?: number
  at?: string
  created_at?: string
  from_user_id?: number
  from_user_name?: string
  to_user_id?: number
  to_user_name?: string
  by_user_name?: string
  user_name?: string
  from_name?: string
  to_name?: string
  by_name?: string
  reason?: string | null
}

export interface RegionNode {
  code: string
  name: string
  children?: RegionNode[]
}

export interface CustomField {
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'select'
  options?: string[]
}

/** A user as the pickers see it. */
export interface UserOption {
  id: number
  name: string
  username?: string
  role: string
  team_id?: number | null
  team_name?: string | null
  active?: boolean
}

/** GET /customers/{id}/subtree */
export interface SubtreeNode {
  id: number
  name: string
  dealer_level: DealerLevel | null
  owner_name?: string | null
  depth: number
  children: SubtreeNode[]
}
