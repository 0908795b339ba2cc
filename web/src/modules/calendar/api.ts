import { http } from '@/app/api/http'
import type { AgendaItem, FestivalDate, Holiday, HolidayInput, LunarDate, MonthView, Region } from './types'

export const calendarApi = {
  lunar: (date: string) => http.get<LunarDate>('/calendar/lunar', { date }),
  solar: (q: { lunar_year: number; month: number; day: number; leap?: boolean }) => http.get<{ date: string }>('/calendar/solar', { ...q }),
  /** The festivals of a Gregorian year (default: this year), sorted by date. */
  festivals: (year?: number) => http.get<{ year: number; items: FestivalDate[] }>('/calendar/festivals', { year }),
  /** Every day of a month with its lunar date, solar term, festivals and the region's holiday row. */
  month: (year: number, month: number, region: Region = 'CN') => http.get<MonthView>('/calendar/month', { year, month, region }),
}

/** The caller's own agenda (visits, tasks, promises, birthdays, festivals), at most 62 days. */
export const agendaApi = {
  get: (from: string, to: string) => http.get<{ from: string; to: string; items: AgendaItem[] }>('/me/agenda', { from, to }),
}

export const holidaysApi = {
  list: (year: number, region: Region) => http.get<{ year: number; region: Region; items: Holiday[] }>('/calendar/holidays', { year, region }),
  create: (body: HolidayInput) => http.post<Holiday>('/calendar/holidays', body),
  update: (id: number, body: Partial<HolidayInput> & { version: number }) => http.patch<Holiday>(`/calendar/holidays/${id}`, body),
  remove: (id: number, version: number) => http.del(`/calendar/holidays/${id}`, { version }),
}
