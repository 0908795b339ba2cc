import { http, type Page } from '@/app/api/http'
import type { ApiToken, CreatedToken, CustomFieldDef, CustomFieldInput, Role, Team, User } from './types'

export const usersApi = {
  list: (q: { q?: string; role?: string; team_id?: number | ''; active?: boolean | ''; page?: number; page_size?: number }) =>
    http.get<Page<User>>('/users', q),
  create: (body: { username: string; name: string; role: Role; team_id?: number | null; password: string }) =>
    http.post<User>('/users', body),
  update: (id: number, body: { name?: string; role?: Role; team_id?: number | null; active?: boolean; version: number }) =>
    http.patch<User>(`/users/${id}`, body),
  resetPassword: (id: number, password: string) => http.post<void>(`/users/${id}/password`, { password }),
}

export const teamsApi = {
  list: () => http.get<{ items: Team[] }>('/teams'),
  create: (body: { name: string; leader_id?: number | null }) => http.post<Team>('/teams', body),
  update: (id: number, body: { name?: string; leader_id?: number | null; version: number }) => http.patch<Team>(`/teams/${id}`, body),
}

export const tokensApi = {
  list: () => http.get<{ items: ApiToken[] } | ApiToken[]>('/auth/tokens').then((r) => (Array.isArray(r) ? r : r.items ?? [])),
  create: (name: string) => http.post<CreatedToken>('/auth/tokens', { name }),
  revoke: (id: number) => http.del(`/auth/tokens/${id}`),
}

export const customFieldsApi = {
  list: () => http.get<{ items: CustomFieldDef[] } | CustomFieldDef[]>('/customer-fields').then((r) => (Array.isArray(r) ? r : r.items ?? [])),
  create: (body: CustomFieldInput) => http.post<CustomFieldDef>('/customer-fields', body),
}
