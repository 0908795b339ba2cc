import { http, type Page } from '@/app/api/http'
import type {
  CreditCheck, CustomerOption, Order, OrderInput, OrderPage, OrderQuery, Payment, PaymentInput,
  Plan, PlanInput, PlanYear, Product, ProductInput, ProductQuery, ReturnInput, ReturnRequest, SalesSummary,
  SellThroughInput, SellThroughReport,
} from './types'

export const productsApi = {
  list: (q: ProductQuery) => http.get<Page<Product>>('/products', { ...q }),
  get: (id: number) => http.get<Product>(`/products/${id}`),
  create: (body: ProductInput) => http.post<Product>('/products', body),
  update: (id: number, body: ProductInput) => http.patch<Product>(`/products/${id}`, body),
}

export const ordersApi = {
  list: (q: OrderQuery) => http.get<OrderPage>('/orders', { ...q }),
  get: (id: number) => http.get<Order>(`/orders/${id}`),
  create: (body: OrderInput) => http.post<Order>('/orders', body),
  creditCheck: (body: OrderInput, signal?: AbortSignal) => http.post<CreditCheck>('/orders/credit-check', body, { signal }),
  update: (id: number, body: { note?: string; date?: string; version: number }) => http.patch<Order>(`/orders/${id}`, body),
  addPayment: (orderId: number, body: PaymentInput) => http.post<Payment>(`/orders/${orderId}/payments`, body),
}

export const salesApi = {
  summary: (customerId: number) => http.get<SalesSummary>(`/customers/${customerId}/sales-summary`),
  /** For the customer pickers: the customers in scope whose name etc. match q. */
  searchCustomers: (q: string) =>
    http.get<Page<CustomerOption>>('/customers', { q: q || undefined, page_size: 20, sort: q ? undefined : '-updated_at' }).then((r) => r.items),
  customer: (id: number) => http.get<CustomerOption>(`/customers/${id}`),
}

export const plansApi = {
  get: (customerId: number, month: string) => http.get<Plan>(`/customers/${customerId}/plans/${month}`),
  save: (customerId: number, month: string, body: PlanInput) => http.put<Plan>(`/customers/${customerId}/plans/${month}`, body),
  year: (customerId: number, year: number) => http.get<PlanYear>(`/customers/${customerId}/plans`, { year }),
}

export const returnsApi = {
  list: (q: { status?: string; customer_id?: number; page?: number; page_size?: number }) => http.get<Page<ReturnRequest>>('/returns', { ...q }),
  get: (id: number) => http.get<ReturnRequest>(`/returns/${id}`),
  create: (body: ReturnInput) => http.post<ReturnRequest>('/returns', body),
  approve: (id: number, body: { version: number; note?: string }) => http.post<ReturnRequest>(`/returns/${id}/approve`, body),
  reject: (id: number, body: { version: number; note: string }) => http.post<ReturnRequest>(`/returns/${id}/reject`, body),
}

export const sellThroughApi = {
  /** The month's report (`id` null and no lines when none was made). */
  get: (customerId: number, month: string) => http.get<SellThroughReport>(`/customers/${customerId}/sell-through/${month}`),
  /** Creates (201) or replaces (200, with `version`) the month's report. */
  save: (customerId: number, month: string, body: SellThroughInput) =>
    http.put<SellThroughReport>(`/customers/${customerId}/sell-through/${month}`, body),
}
