import { http } from '@/app/api/http'
import type { NotificationPage } from './types'

export const notificationsApi = {
  list: (q: { unread?: boolean; page?: number; page_size?: number } = {}) => http.get<NotificationPage>('/notifications', { ...q }),
  read: (id: number) => http.post<void>(`/notifications/${id}/read`),
  readAll: () => http.post<{ marked: number }>('/notifications/read-all'),
}
