// The "new complaint" form (pure): its draft and the POST /complaints body.
import type { Channel, ComplaintInput, Severity } from './types'

export const DESCRIPTION_MAX = 5000

export interface ComplaintDraft {
  customer_id: number | null
  contact_id: number | null
  channel: Channel | ''
  category: string
  severity: Severity
  product_id: number | null
  order_id: number | null
  description: string
}

export const emptyComplaintDraft = (customerId: number | null = null): ComplaintDraft => ({
  customer_id: customerId, contact_id: null, channel: 'phone', category: '', severity: 'medium', product_id: null, order_id: null, description: '',
})

export interface ComplaintMessages {
  required: string
  tooLong: (max: number) => string
}

export type ComplaintField = keyof ComplaintDraft

/** Required: customer, channel, category, severity, description; contact, product and order only when chosen. */
export function complaintBody(d: ComplaintDraft, msg: ComplaintMessages): { body: ComplaintInput | null; errors: Partial<Record<ComplaintField, string>> } {
  const errors: Partial<Record<ComplaintField, string>> = {}
  const description = d.description.trim()
  if (!d.customer_id) errors.customer_id = msg.required
  if (!d.channel) errors.channel = msg.required
  if (!d.category) errors.category = msg.required
  if (!d.severity) errors.severity = msg.required
  if (!description) errors.description = msg.required
  else if ([...description].length > DESCRIPTION_MAX) errors.description = msg.tooLong(DESCRIPTION_MAX)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: ComplaintInput = {
    customer_id: d.customer_id as number,
    channel: d.channel as Channel,
    category: d.category,
    severity: d.severity,
    description,
  }
  if (d.contact_id) body.contact_id = d.contact_id
  if (d.product_id) body.product_id = d.product_id
  if (d.order_id) body.order_id = d.order_id
  return { body, errors }
}
