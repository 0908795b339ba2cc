// The public complaint form (pure): its draft, the checks made before sending (the server makes
// them again), and the POST /public/complaints body.
import type { PublicComplaintInput } from './types'

export const NAME_MAX = 50
export const COMPANY_MAX = 100
export const PHONE_MAX = 30
export const EMAIL_MAX = 254
export const DESCRIPTION_MAX = 5000

export interface PublicDraft {
  name: string
  company: string
  phone: string
  email: string
  category: string
  description: string
}

export const emptyPublicDraft = (): PublicDraft => ({ name: '', company: '', phone: '', email: '', category: '', description: '' })

export interface PublicMessages {
  required: string
  tooLong: (max: number) => string
  /** neither a phone nor an e-mail */
  contactRequired: string
  phoneInvalid: string
  emailInvalid: string
}

/** Code points, as the server counts (an emoji is one). */
export const charCount = (s: string) => [...s].length

// Digits with the usual separators, an optional leading +; 7 to 15 digits (the server parses it exactly).
const PHONE = /^\+?[\d\s\-()]+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type PublicField = keyof PublicDraft

export function publicBody(d: PublicDraft, msg: PublicMessages): { body: PublicComplaintInput | null; errors: Partial<Record<PublicField, string>> } {
  const errors: Partial<Record<PublicField, string>> = {}
  const v = {
    name: d.name.trim(),
    company: d.company.trim(),
    phone: d.phone.trim(),
    email: d.email.trim(),
    category: d.category,
    description: d.description.trim(),
  }
  if (!v.name) errors.name = msg.required
  else if (charCount(v.name) > NAME_MAX) errors.name = msg.tooLong(NAME_MAX)
  if (charCount(v.company) > COMPANY_MAX) errors.company = msg.tooLong(COMPANY_MAX)
  if (!v.phone && !v.email) errors.phone = msg.contactRequired
  if (v.phone) {
    const digits = v.phone.replace(/\D/g, '').length
    if (charCount(v.phone) > PHONE_MAX || !PHONE.test(v.phone) || digits < 7 || digits > 15) errors.phone = msg.phoneInvalid
  }
  if (v.email && (charCount(v.email) > EMAIL_MAX || !EMAIL.test(v.email))) errors.email = msg.emailInvalid
  if (!v.category) errors.category = msg.required
  if (!v.description) errors.description = msg.required
  else if (charCount(v.description) > DESCRIPTION_MAX) errors.description = msg.tooLong(DESCRIPTION_MAX)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: PublicComplaintInput = { name: v.name, category: v.category, description: v.description }
  if (v.company) body.company = v.company
  if (v.phone) body.phone = v.phone
  if (v.email) body.email = v.email
  return { body, errors }
}
