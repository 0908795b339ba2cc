// In-app notifications (GET /api/v1/notifications): the message comes translated by the server.
export interface Notification {
  id: number
  /** e.g. "complaint_escalated" */
  kind: string
  /** what it is about ("complaint") and its id */
  entity: string | null
  entity_id: number | null
  message: string
  read: boolean
  created_at: string
}

export interface NotificationPage {
  items: Notification[]
  /** every unread notification of the user (not only this page) */
  unread: number
  page: number
  page_size: number
}
