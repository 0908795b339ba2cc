import { http, type Page } from '@/app/api/http'
import { calendarApi } from '@/modules/calendar/api'
import type { LunarDate } from '@/modules/calendar/types'
import type {
  CarePromise, CareSettings, CareSettingsValues, CareTask, ContactLog, DueCustomer, LogCreateInput, LogPage, LogPatchInput,
  LogQuery, OverdueQuery, PromiseQuery, TaskQuery, Today,
} from './types'

export const contactLogsApi = {
  list: (q: LogQuery) => http.get<LogPage>('/contact-logs', { ...q }),
  get: (id: number) => http.get<ContactLog>(`/contact-logs/${id}`),
  create: (body: LogCreateInput) => http.post<ContactLog>('/contact-logs', body),
  update: (id: number, body: LogPatchInput) => http.patch<ContactLog>(`/contact-logs/${id}`, body),
  remove: (id: number, version: number) => http.del(`/contact-logs/${id}`, { version }),
}

export const promisesApi = {
  list: (q: PromiseQuery) => http.get<Page<CarePromise>>('/promises', { ...q }),
  create: (body: { customer_id: number; text: string; due_date: string }) => http.post<CarePromise>('/promises', body),
  keep: (id: number, body: { version: number; note?: string }) => http.post<CarePromise>(`/promises/${id}/keep`, body),
  /** dropping needs a note */
  drop: (id: number, body: { version: number; note: string }) => http.post<CarePromise>(`/promises/${id}/drop`, body),
}

export const tasksApi = {
  list: (q: TaskQuery) => http.get<Page<CareTask>>('/tasks', { ...q }),
  /** a follow-up made by hand */
  create: (body: { customer_id: number; text: string; due_date: string }) => http.post<CareTask>('/tasks', body),
  done: (id: number, version: number) => http.post<CareTask>(`/tasks/${id}/done`, { version }),
  dismiss: (id: number, version: number) => http.post<CareTask>(`/tasks/${id}/dismiss`, { version }),
  /** turns the reminders now due into tasks */
  refresh: () => http.post<{ made: number }>('/tasks/refresh'),
}

export const careApi = {
  today: () => http.get<Today>('/today'),
  overdue: (q: OverdueQuery) => http.get<Page<DueCustomer>>('/care/overdue', { ...q }),
  settings: () => http.get<CareSettings>('/care/settings'),
  saveSettings: (body: CareSettingsValues & { version: number }) => http.put<CareSettings>('/care/settings', body),
}

const lunarCache = new Map<string, Promise<LunarDate>>()
/** The lunar date of a Gregorian day, asked once per day while the app runs (it never changes). */
export function lunarOf(date: string): Promise<LunarDate> {
  let p = lunarCache.get(date)
  if (!p) {
    p = calendarApi.lunar(date)
    p.catch(() => lunarCache.delete(date))
    lunarCache.set(date, p)
  }
  return p
}
