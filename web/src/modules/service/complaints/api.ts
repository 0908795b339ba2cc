import { http } from '@/app/api/http'
import type {
  Analysis, Category, CategoryInput, CategoryPatch, ClosedComplaint, Complaint, ComplaintInput, ComplaintPage, ComplaintQuery,
  PublicComplaintInput, PublicComplaintReply, PublicStatus, SlaSettings, SlaValues, Step, StepBody,
} from './types'

export const complaintsApi = {
  list: (q: ComplaintQuery) => http.get<ComplaintPage>('/complaints', { ...q }),
  get: (id: number) => http.get<Complaint>(`/complaints/${id}`),
  create: (body: ComplaintInput) => http.post<Complaint>('/complaints', body),
  /** a step of the status machine; closing answers with the survey link once */
  step: (id: number, step: Step, body: StepBody) => http.post<ClosedComplaint>(`/complaints/${id}/${step}`, body),
  preventionDone: (id: number, version: number) => http.post<Complaint>(`/complaints/${id}/prevention-done`, { version }),
  analysis: (q: { from?: string; to?: string }) => http.get<Analysis>('/complaints/analysis', q),
}

let categoryList: Promise<Category[]> | null = null
export const categoriesApi = {
  /** Every category (inactive ones too: old complaints still name them), asked once while the app runs. */
  list: (): Promise<Category[]> => {
    categoryList ??= http.get<{ items: Category[] }>('/complaint-categories').then((r) => r.items ?? [])
    categoryList.catch(() => (categoryList = null))
    return categoryList
  },
  /** forget the cached list (after an admin changed it) */
  forget: () => void (categoryList = null),
  create: (body: CategoryInput) => http.post<Category>('/complaint-categories', body),
  update: (id: number, body: CategoryPatch) => http.patch<Category>(`/complaint-categories/${id}`, body),
}

export const serviceSettingsApi = {
  get: () => http.get<SlaSettings>('/service/settings'),
  save: (body: SlaValues & { version: number }) => http.put<SlaSettings>('/service/settings', body),
}

/** The public form and status page: no session, and a 401 must not send anyone to the login page. */
export const publicComplaintsApi = {
  create: (body: PublicComplaintInput) => http.post<PublicComplaintReply>('/public/complaints', body, { skipAuthRedirect: true }),
  status: (reference: string, token: string) =>
    http.get<PublicStatus>(`/public/complaints/${encodeURIComponent(reference)}`, { token }, { skipAuthRedirect: true }),
  /** the configured categories when someone is signed in; the caller falls back to the fixed list */
  categories: () => http.get<{ items: Category[] }>('/complaint-categories', undefined, { skipAuthRedirect: true }).then((r) => r.items ?? []),
}
