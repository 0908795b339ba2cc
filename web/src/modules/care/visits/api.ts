import { http } from '@/app/api/http'
import type { Visit, VisitCreateInput, VisitPage, VisitPatchInput, VisitQuery, VisitReportInput } from './types'

export const visitsApi = {
  list: (q: VisitQuery) => http.get<VisitPage>('/visits', { ...q }),
  get: (id: number) => http.get<Visit>(`/visits/${id}`),
  create: (body: VisitCreateInput) => http.post<Visit>('/visits', body),
  /** the planner edits (and so resubmits) a submitted or rejected plan */
  update: (id: number, body: VisitPatchInput) => http.patch<Visit>(`/visits/${id}`, body),
  approve: (id: number, body: { version: number; comment?: string }) => http.post<Visit>(`/visits/${id}/approve`, body),
  /** a rejection needs a comment */
  reject: (id: number, body: { version: number; comment: string }) => http.post<Visit>(`/visits/${id}/reject`, body),
  report: (id: number, body: VisitReportInput) => http.post<Visit>(`/visits/${id}/report`, body),
  /** a review needs a comment */
  review: (id: number, body: { version: number; comment: string }) => http.post<Visit>(`/visits/${id}/review`, body),
}
