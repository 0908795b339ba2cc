// Words and small computations for service requests: status keys and tag colours, the
// scheduled day and time in one line, the types' labels from the server.
import { ref, watch } from 'vue'
import { currentLocale } from '@/app/i18n'
import { serviceRequestsApi } from './api'
import type { ServiceRequest, ServiceTypeOption } from './types'

export const statusKey = (status: string) => `serviceRequests.statuses.${status}`

/** Tag colours of the statuses (Element Plus tag types). */
export const STATUS_TAG: Record<string, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  planned: 'primary',
  done: 'success',
  cancelled: 'info',
}

/** "2027-02-10 14:30" or just the day. */
export function scheduleText(r: Pick<ServiceRequest, 'scheduled_on' | 'scheduled_time'>): string {
  return r.scheduled_time ? `${r.scheduled_on} ${r.scheduled_time}` : r.scheduled_on
}

/** The browser's date as YYYY-MM-DD. */
export function localDay(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** YYYY-MM-DD + n years (Feb 29 → Feb 28). */
export function addYears(day: string, n: number): string {
  const y = Number(day.slice(0, 4)) + n
  const md = day.slice(5)
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`
  return `${y}-${md}`
}

/**
 * The service types with the server's labels in the current language (asked again when the
 * language changes); `label(key)` falls back to the key until they are known.
 */
export function useServiceTypes() {
  const items = ref<ServiceTypeOption[]>([])
  const load = () =>
    serviceRequestsApi
      .types()
      .then((r) => (items.value = r))
      .catch(() => undefined)
  watch(currentLocale, () => void load(), { immediate: true })
  const label = (key: string) => items.value.find((i) => i.key === key)?.label ?? key
  return { items, label }
}
