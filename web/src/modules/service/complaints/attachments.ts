// Complaint attachments: the upload (the file as the raw body, its name in the query) and the
// download address. The server checks the type by content; the UI only pre-checks the size.
import { API_BASE, getCsrfToken, parseApiError } from '@/app/api/http'

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
export const ACCEPT = '.png,.jpg,.jpeg,.gif,.webp,.pdf,image/png,image/jpeg,image/gif,image/webp,application/pdf'

export interface Attachment {
  id: number
  file_name: string
  content_type: string
  size: number
  created_at: string
  created_by_name?: string | null
}

export function attachmentUrl(complaintId: number, attachmentId: number): string {
  return `${API_BASE}/complaints/${complaintId}/attachments/${attachmentId}`
}

export function uploadUrl(complaintId: number, fileName: string): string {
  return `${API_BASE}/complaints/${complaintId}/attachments?name=${encodeURIComponent(fileName)}`
}

/** "1.5 MB", "820 KB", "12 B" */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

export async function uploadAttachment(complaintId: number, file: File, locale: string): Promise<Attachment> {
  const r = await fetch(uploadUrl(complaintId, file.name), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': getCsrfToken(), 'Accept-Language': locale },
    body: file,
  })
  const text = await r.text()
  let payload: unknown = text
  try {
    payload = JSON.parse(text)
  } catch {
    /* not JSON: keep the text */
  }
  if (!r.ok) throw parseApiError(r.status, payload, r.statusText)
  return payload as Attachment
}
