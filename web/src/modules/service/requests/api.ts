import { http, type Page } from '@/app/api/http'
import { getLocale } from '@/app/i18n'
import type {
  RequestCancelInput, RequestCreateInput, RequestDoneInput, RequestPatchInput, RequestQuery, ReturnVisitSettings,
  ReturnVisitSettingsValues, ServiceRequest, ServiceSummary, ServiceTypeOption,
} from './types'

let typesCache: Promise<ServiceTypeOption[]> | null = null
let typesLocale = ''

export const serviceRequestsApi = {
  list: (q: RequestQuery) => http.get<Page<ServiceRequest>>('/service-requests', { ...q }),
  get: (id: number) => http.get<ServiceRequest>(`/service-requests/${id}`),
  create: (body: RequestCreateInput) => http.post<ServiceRequest>('/service-requests', body),
  update: (id: number, body: RequestPatchInput) => http.patch<ServiceRequest>(`/service-requests/${id}`, body),
  done: (id: number, body: RequestDoneInput) => http.post<ServiceRequest>(`/service-requests/${id}/done`, body),
  cancel: (id: number, body: RequestCancelInput) => http.post<ServiceRequest>(`/service-requests/${id}/cancel`, body),
  summary: (customerId: number) => http.get<ServiceSummary>(`/customers/${customerId}/service-summary`),
  /** The types and their labels never change while the app runs: asked once per language. */
  types: (): Promise<ServiceTypeOption[]> => {
    if (!typesCache || typesLocale !== getLocale()) {
      typesLocale = getLocale()
      typesCache = http
        .get<{ items: ServiceTypeOption[] }>('/service-requests/types')
        .then((r) => r.items ?? [])
        .catch((e) => {
          typesCache = null
          throw e
        })
    }
    return typesCache
  },
}

export const returnVisitApi = {
  settings: () => http.get<ReturnVisitSettings>('/service/return-visit-settings'),
  save: (body: ReturnVisitSettingsValues & { version: number }) => http.put<ReturnVisitSettings>('/service/return-visit-settings', body),
}
