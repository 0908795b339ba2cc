import { http } from '@/app/api/http'
import type {
  CareEvent, CareEventInput, CareEventPatch, CareSummary, LeftInput, RegionalEvent, RegionalEventInput, RegionalEventPage,
  RegionalPreview, StaffChange,
} from './types'

export const careSummaryApi = {
  get: (customerId: number) => http.get<CareSummary>(`/customers/${customerId}/care`),
}

export const careEventsApi = {
  list: (customerId: number) => http.get<{ items: CareEvent[]; total: number }>(`/customers/${customerId}/care-events`),
  create: (customerId: number, body: CareEventInput) => http.post<CareEvent>(`/customers/${customerId}/care-events`, body),
  update: (id: number, body: CareEventPatch) => http.patch<CareEvent>(`/care-events/${id}`, body),
  remove: (id: number, version: number) => http.del(`/care-events/${id}`, { version }),
}

export const staffChangesApi = {
  list: (customerId: number) => http.get<{ items: StaffChange[]; total: number }>(`/customers/${customerId}/staff-changes`),
  /** marks the contact as left and records the change (201) */
  left: (contactId: number, body: LeftInput) => http.post<StaffChange>(`/contacts/${contactId}/left`, body),
  successor: (id: number, body: { successor_id: number; version: number }) => http.post<StaffChange>(`/staff-changes/${id}/successor`, body),
}

export const regionalEventsApi = {
  list: (q: { kind?: string; province_code?: string; page?: number; page_size?: number }) => http.get<RegionalEventPage>('/regional-events', { ...q }),
  get: (id: number) => http.get<RegionalEvent>(`/regional-events/${id}`),
  preview: (body: { province_code: string; city_code?: string }) => http.post<RegionalPreview>('/regional-events/preview', body),
  create: (body: RegionalEventInput) => http.post<RegionalEvent>('/regional-events', body),
}

export interface RegionItem {
  code: string
  name: string
  parent: string | null
  level: number
}

/** One level of regions (provinces without `parent`); the fallback when the whole tree is not available. */
export const regionsApi = {
  children: (parent?: string) => http.get<{ items: RegionItem[] }>('/regions', { parent }).then((r) => r.items ?? []),
}
