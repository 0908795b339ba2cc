// Sales: products, orders, payments, receivables (docs/api.md, "Sales"). Money is integer fen.
import type { Page } from '@/app/api/http'

export interface Product {
  id: number
  brand: string
  name: string
  spec: string
  unit: string
  category?: string | null
  price: number
  /** only for admin, director, manager */
  unit_cost?: number | null
  active: boolean
  version: number
}

export interface ProductInput {
  brand?: string
  name?: string
  spec?: string
  unit?: string
  category?: string | null
  price?: number
  unit_cost?: number | null
  active?: boolean
  version?: number
}

export interface ProductQuery {
  q?: string
  active?: boolean | ''
  category?: string
  page?: number
  page_size?: number
  sort?: string
}

export const SETTLEMENTS = ['unpaid', 'partly_paid', 'paid'] as const
export type Settlement = (typeof SETTLEMENTS)[number]

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'acceptance_bill', 'wechat', 'alipay', 'cheque', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export interface OrderLine {
  line_no: number
  product_id: number
  product_name: string
  brand: string
  spec: string
  unit: string
  quantity: number
  unit_price: number
  amount: number
}

export interface Payment {
  id: number
  order_id: number
  date: string
  amount: number
  method: PaymentMethod | string
  reference?: string | null
  created_by_name?: string | null
  created_at?: string
}

export interface Order {
  id: number
  customer_id: number
  customer_name: string
  date: string
  lines?: OrderLine[]
  subtotal: number
  discount: number
  total: number
  paid: number
  credited?: number
  outstanding: number
  settlement: Settlement
  note?: string | null
  credit_override?: { reason: string; by_name?: string | null } | null
  payments?: Payment[]
  version: number
  created_by_name?: string | null
  created_at?: string
}

export interface OrderQuery {
  customer_id?: number
  from?: string
  to?: string
  settlement?: string
  page?: number
  page_size?: number
  sort?: string
}

export interface OrderPage extends Page<Order> {
  sum_total: number
  sum_outstanding: number
}

export interface OrderInput {
  customer_id: number
  date: string
  lines: { product_id: number; quantity: number; unit_price?: number }[]
  discount?: number
  note?: string
  payment?: { amount: number; method: string; reference?: string }
  credit_override?: { reason: string }
}

export interface PaymentInput {
  date: string
  amount: number
  method: string
  reference?: string
}

/** Reply of POST /orders/credit-check; `limit` null when the customer has no credit limit. */
export interface CreditCheck {
  within: boolean
  limit: number | null
  outstanding_before: number
  order_amount: number
  outstanding_after: number
  total?: number
}

/** `credit` of a 422 credit_limit_exceeded. */
export interface CreditExceeded {
  limit: number
  outstanding_before: number
  order_amount: number
  outstanding_after: number
}

export interface MonthAmount {
  month: string
  amount: number
  running_total: number
}

export interface SalesSummary {
  credit_limit: number | null
  outstanding: number
  available_credit: number | null
  mtd_amount: number
  ytd_amount: number
  lifetime_amount?: number
  mtd_last_year: number
  ytd_last_year: number
  last_purchase_date: string | null
  days_since_last_purchase: number | null
  usual_interval_days: number | null
  order_count?: number
  aging: { d0_30: number; d31_60: number; d61_90: number; over_90: number }
  monthly: MonthAmount[]
  /** this customer plus every sub-dealer below it */
  subtree?: SubtreeTotals | null
}

export interface SubtreeTotals {
  customers: number
  mtd_amount: number
  ytd_amount: number
  lifetime_amount: number
  outstanding: number
  /** units the dealer and its sub-dealers reported sold on (纯销) this month / this year */
  sell_through_mtd_quantity?: number
  sell_through_ytd_quantity?: number
}

export interface CustomerOption {
  id: number
  name: string
  short_name?: string | null
  /** from GET /customers/{id}: whether the caller may change the customer (and its orders) */
  can_edit?: boolean
}

// ---- Monthly plans (per dealer). Percentages are integers per mille (‰).

export interface PlanLine {
  product_id: number
  product_name: string
  brand: string
  spec: string
  unit: string
  target_quantity: number
  target_amount: number
  actual_quantity: number
  actual_amount: number
  achieved_per_mille: number
}

export interface Plan {
  month: string
  id: number | null
  version: number | null
  schedule: string | null
  support: string | null
  lines: PlanLine[]
  target_amount: number
  actual_amount: number
  achieved_per_mille: number
  working_days: { total: number; elapsed: number }
  expected_per_mille: number
  same_period_last_year: number
  ytd_actual?: number
}

export interface PlanInput {
  lines: { product_id: number; quantity: number; amount?: number }[]
  schedule?: string
  support?: string
  version?: number
}

export interface PlanYear {
  year: number
  months: { month: string; has_plan: boolean; target_amount: number; actual_amount: number; achieved_per_mille: number }[]
}

// ---- Returns, exchanges and repairs (退换货)

export const RETURN_KINDS = ['return', 'exchange', 'damaged_package', 'repair'] as const
export type ReturnKind = (typeof RETURN_KINDS)[number]
export const RETURN_STATUSES = ['requested', 'approved', 'rejected'] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]

export interface ReturnLine {
  line_no: number
  product_name?: string
  spec?: string
  unit?: string
  quantity: number
  amount?: number
}

export interface ReturnRequest {
  id: number
  customer_id: number
  customer_name: string
  order_id: number
  kind: ReturnKind | string
  reason: string
  status: ReturnStatus | string
  date: string
  within_window: boolean
  amount: number
  credited: number
  refund_due: number
  lines?: ReturnLine[]
  version: number
  created_by_name?: string | null
  created_at?: string
  decided_at?: string | null
  decided_by_name?: string | null
  decision_note?: string | null
}

export interface ReturnInput {
  order_id: number
  kind: ReturnKind
  reason: string
  date?: string
  lines: { line_no: number; quantity: number }[]
}

// ---- Sell-through (纯销): units of each product a dealer reports it sold on in a month

export interface SellThroughLine {
  product_id: number
  product_name: string
  brand: string
  spec: string
  unit: string
  quantity: number
}

export interface SellThroughReport {
  customer_id: number
  month: string
  /** null while nothing was reported for the month */
  id: number | null
  version: number | null
  note: string | null
  updated_at: string | null
  lines: SellThroughLine[]
  total_quantity: number
}

export interface SellThroughInput {
  lines: { product_id: number; quantity: number }[]
  note?: string
  /** required when the month's report exists */
  version?: number
}
