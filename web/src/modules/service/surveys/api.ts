import { http, type Page } from '@/app/api/http'
import type {
  AnswerValue, CreatedInvitation, Invitation, InvitationInput, InvitationQuery, PublicSurvey, ResultsQuery, SurveyResults, SurveyTemplate,
  TemplateInput, TemplatePatch,
} from './types'

export const templatesApi = {
  list: (q: { active?: boolean; page?: number; page_size?: number } = {}) => http.get<Page<SurveyTemplate>>('/surveys/templates', { page_size: 100, ...q }),
  get: (id: number) => http.get<SurveyTemplate>(`/surveys/templates/${id}`),
  create: (body: TemplateInput) => http.post<SurveyTemplate>('/surveys/templates', body),
  update: (id: number, body: TemplatePatch) => http.patch<SurveyTemplate>(`/surveys/templates/${id}`, body),
  copy: (id: number, name?: string) => http.post<SurveyTemplate>(`/surveys/templates/${id}/copy`, name ? { name } : {}),
}

export const invitationsApi = {
  list: (q: InvitationQuery) => http.get<Page<Invitation>>('/surveys/invitations', { ...q }),
  get: (id: number) => http.get<Invitation>(`/surveys/invitations/${id}`),
  /** a link's token and path come back this once */
  create: (body: InvitationInput) => http.post<CreatedInvitation>('/surveys/invitations', body),
  /** answers taken by phone (or on the customer's behalf) */
  answer: (id: number, body: { answers: Record<string, AnswerValue>; version: number }) => http.post<Invitation>(`/surveys/invitations/${id}/answers`, body),
}

export const resultsApi = {
  get: (q: ResultsQuery) => http.get<SurveyResults>('/surveys/results', { ...q }),
}

/** The customer's answer page: no session; the token is the only key. */
export const publicSurveyApi = {
  get: (token: string) => http.get<PublicSurvey>('/public/surveys', { token }, { skipAuthRedirect: true }),
  answer: (token: string, answers: Record<string, AnswerValue>) =>
    http.post<{ status: string; answers: number }>('/public/surveys', { answers }, { query: { token }, skipAuthRedirect: true }),
}
