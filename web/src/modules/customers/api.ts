import { http, type Page } from '@/app/api/http'
import { getLocale } from '@/app/i18n'
import type {
  Contact, ContactInput, CustomField, Customer, CustomerInput, CustomerQuery, Handover,
  RegionNode, SubtreeNode, TimelineItem, UserOption, Access,
} from './types'

export const customersApi = {
  // total is exact up to 10,000 matches; beyond, total_capped is true (shown as "10,000+")
  list: (q: CustomerQuery) => http.get<Page<Customer> & { total_capped?: boolean }>('/customers', { ...q }),
  get: (id: number) => http.get<Customer>(`/customers/${id}`),
  create: (body: CustomerInput) => http.post<Customer>('/customers', body),
  update: (id: number, body: CustomerInput) => http.patch<Customer>(`/customers/${id}`, body),
  remove: (id: number, version: number) => http.del(`/customers/${id}`, { version }),
  recycleBin: (q: { page: number; page_size: number; q?: string }) => http.get<Page<Customer>>('/customers/recycle-bin', q),
  restore: (id: number) => http.post<Customer>(`/customers/${id}/restore`),
  purge: (id: number) => http.del(`/customers/${id}/purge`),
  timeline: (id: number) => http.get<{ items: TimelineItem[] }>(`/customers/${id}/timeline`),
  handovers: (id: number) => http.get<{ items: Handover[] }>(`/customers/${id}/handovers`),
  addMember: (id: number, userId: number, access: Access) => http.post(`/customers/${id}/members`, { user_id: userId, access }),
  removeMember: (id: number, userId: number) => http.del(`/customers/${id}/members/${userId}`),
  handover: (body: { customer_ids: number[] | null; from_user_id: number; to_user_id: number; reason: string }) =>
    http.post<{ moved: number }>('/customers/handover', body),
  subtree: (id: number) => http.get<SubtreeNode>(`/customers/${id}/subtree`),
  fields: () => http.get<{ items: CustomField[] }>('/customer-fields'),
}

export const contactsApi = {
  list: (customerId: number) => http.get<{ items: Contact[] }>(`/customers/${customerId}/contacts`),
  create: (customerId: number, body: ContactInput) => http.post<Contact>(`/customers/${customerId}/contacts`, body),
  update: (id: number, body: ContactInput & { version: number }) => http.patch<Contact>(`/contacts/${id}`, body),
  remove: (id: number, version: number) => http.del(`/contacts/${id}`, { version }),
}

let regionTree: Promise<RegionNode[]> | null = null
let regionLocale = ''
export const lookupApi = {
  /** The region tree never changes while the app runs: fetch it once per language (names are localised). */
  regionTree: (): Promise<RegionNode[]> => {
    if (!regionTree || regionLocale !== getLocale()) {
      regionLocale = getLocale()
      regionTree = http
        .get<{ items: RegionNode[] } | RegionNode[]>('/regions/tree')
        .then((r) => (Array.isArray(r) ? r : r.items ?? []))
        .catch((e) => {
          regionTree = null
          throw e
        })
    }
    return regionTree
  },
  users: (q: { role?: string; q?: string; active?: boolean } = {}) =>
    http.get<Page<UserOption> | { items: UserOption[] }>('/users', { page_size: 200, ...q }).then((r) => r.items),
}
