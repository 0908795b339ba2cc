import { http } from '@/app/api/http'

/** GET /me/calendar-feed */
export interface FeedStatus {
  active: boolean
  created_at: string | null
}

/** POST /me/calendar-feed (201): shown once; a new one retires the old URL. */
export interface CreatedFeed {
  token: string
  /** the path of the feed on this server, token included */
  path: string
  active?: boolean
  created_at?: string | null
}

export const calendarFeedApi = {
  status: () => http.get<FeedStatus>('/me/calendar-feed'),
  create: () => http.post<CreatedFeed>('/me/calendar-feed'),
  remove: () => http.del('/me/calendar-feed'),
}
