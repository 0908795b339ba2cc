import { http } from '@/app/api/http'
import type { User } from './types'

export interface SessionReply {
  user: User
  csrf_token: string
}

export const authApi = {
  me: () => http.get<SessionReply>('/auth/me', undefined, { skipAuthRedirect: true }),
  login: (username: string, password: string) =>
    http.post<SessionReply>('/auth/login', { username, password }, { skipAuthRedirect: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { skipAuthRedirect: true }),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { old_password: oldPassword, new_password: newPassword }),
}
