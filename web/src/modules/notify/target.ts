// Where a notification leads (pure): the record it is about, when the UI has a page for it.
import type { RouteLocationRaw } from 'vue-router'
import type { Notification } from './types'

export function notificationTarget(n: Pick<Notification, 'entity' | 'entity_id'>): RouteLocationRaw | null {
  if (!n.entity_id) return null
  switch (n.entity) {
    case 'complaint':
      return { name: 'complaint', params: { id: n.entity_id } }
    case 'customer':
      return { name: 'customer', params: { id: n.entity_id } }
    default:
      return null
  }
}

/** The polling interval of the unread count. */
export const POLL_MS = 60_000
