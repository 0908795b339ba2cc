// Pure helpers behind the customer form: model ⇄ API body, server field errors → form items.
import { fenToYuan, yuanToFen } from '@/ui/money'
import type { Customer, CustomerInput, ContactInput, CustomerType, CustomerStatus } from './types'

export interface ContactDraft {
  name: string
  title: string
  mobile: string
  email: string
  wechat: string
}

export interface CustomerFormModel {
  type: CustomerType
  name: string
  short_name: string
  credit_code: string
  industry: string
  size: string
  region: string[]
  address: string
  lat: number | null
  lng: number | null
  source: string
  status: CustomerStatus
  grade: string
  tags: string[]
  cooperation_start: string
  credit_limit: number | null // yuan
  bank_name: string
  bank_account: string
  tax_number: string
  website: string
  notes: string
  custom: Record<string, unknown>
  owner_id: number | null
  department: string
  dealer_level: string
  parent_id: number | null
  /** shown with the picker until the options are loaded */
  parent_name: string
  return_window_days: number | null
  contact: ContactDraft
}

/** The server's default return window (days). */
export const DEFAULT_RETURN_WINDOW = 30

const TEXT_FIELDS = [
  'name', 'short_name', 'credit_code', 'industry', 'size', 'address', 'source', 'grade',
  'cooperation_start', 'bank_name', 'bank_account', 'tax_number', 'website', 'notes', 'department',
  'dealer_level',
] as const

export function emptyContact(): ContactDraft {
  return { name: '', title: '', mobile: '', email: '', wechat: '' }
}

export function emptyModel(): CustomerFormModel {
  return {
    type: 'company', name: '', short_name: '', credit_code: '', industry: '', size: '', region: [],
    address: '', lat: null, lng: null, source: '', status: 'prospect', grade: '', tags: [],
    cooperation_start: '', credit_limit: null, bank_name: '', bank_account: '', tax_number: '',
    website: '', notes: '', custom: {}, owner_id: null, department: '', dealer_level: '', parent_id: null,
    parent_name: '', return_window_days: DEFAULT_RETURN_WINDOW, contact: emptyContact(),
  }
}

export function modelFromCustomer(c: Customer): CustomerFormModel {
  const m = emptyModel()
  m.type = c.type ?? 'company'
  m.status = c.status ?? 'prospect'
  for (const k of TEXT_FIELDS) m[k] = ((c as unknown as Record<string, unknown>)[k] as string | null | undefined) ?? ''
  m.region = [c.province_code, c.city_code, c.district_code].filter((x): x is string => !!x)
  m.lat = c.lat ?? null
  m.lng = c.lng ?? null
  m.tags = [...(c.tags ?? [])]
  m.credit_limit = fenToYuan(c.credit_limit)
  m.custom = { ...(c.custom ?? {}) }
  m.owner_id = c.owner_id ?? null
  m.parent_id = c.parent_id ?? null
  m.parent_name = c.parent_name ?? ''
  m.return_window_days = c.return_window_days ?? DEFAULT_RETURN_WINDOW
  return m
}

type Body = Record<string, unknown>

/** The customer fields of the model as the API wants them (empty text → null). */
/** What the user may set besides the ordinary fields: the owner, and the credit terms
 * (credit limit and return window), which only leads set. */
export interface FormRights {
  withOwner: boolean
  withTerms?: boolean
}

function wireFields(m: CustomerFormModel, opts: FormRights): Body {
  const b: Body = { type: m.type, status: m.status }
  for (const k of TEXT_FIELDS) {
    const v = m[k].trim()
    b[k] = v === '' ? null : v
  }
  b.province_code = m.region[0] ?? null
  b.city_code = m.region[1] ?? null
  b.district_code = m.region[2] ?? null
  b.lat = m.lat ?? null
  b.lng = m.lng ?? null
  b.tags = m.tags.map((t) => t.trim()).filter(Boolean)
  if (opts.withTerms) b.credit_limit = yuanToFen(m.credit_limit)
  const custom: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(m.custom)) if (v !== '' && v !== null && v !== undefined) custom[k] = v
  b.custom = custom
  if (opts.withOwner) b.owner_id = m.owner_id
  b.parent_id = m.parent_id ?? null
  if (opts.withTerms) b.return_window_days = m.return_window_days ?? DEFAULT_RETURN_WINDOW
  return b
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** POST body: only filled-in fields, plus the first contact when it has a name. */
export function createBody(m: CustomerFormModel, opts: FormRights): CustomerInput {
  const all = wireFields(m, opts)
  const b: Body = {}
  for (const [k, v] of Object.entries(all)) {
    if (v === null || v === undefined) continue
    if (Array.isArray(v) && v.length === 0) continue
    if (k === 'custom' && Object.keys(v as object).length === 0) continue
    if (k === 'return_window_days' && v === DEFAULT_RETURN_WINDOW) continue // the server's default
    b[k] = v
  }
  const c = m.contact
  if (c.name.trim()) {
    const contact: ContactInput = { name: c.name.trim(), is_primary: true }
    for (const k of ['title', 'mobile', 'email', 'wechat'] as const) if (c[k].trim()) contact[k] = c[k].trim()
    b.contacts = [contact]
  }
  return b as CustomerInput
}

/** PATCH body: the fields that differ from what was read, plus its version. */
export function patchBody(m: CustomerFormModel, original: Customer, opts: FormRights): CustomerInput {
  const now = wireFields(m, opts)
  const before = wireFields(modelFromCustomer(original), opts)
  const b: Body = {}
  for (const [k, v] of Object.entries(now)) if (!same(v, before[k])) b[k] = v
  b.version = original.version
  return b as CustomerInput
}

/**
 * Map the server's error.fields onto form item props.
 * `province_code` → `region`; `contacts[0].mobile` / `contacts.0.mobile` → `contact.mobile`;
 * `custom.key` stays. Keys the form has no item for are returned as `rest`.
 */
export function mapFieldErrors(
  fields: Record<string, string>,
  known: (prop: string) => boolean,
): { byProp: Record<string, string>; rest: Record<string, string> } {
  const byProp: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [key, msg] of Object.entries(fields)) {
    let prop = key
    if (/^(province|city|district)_code$/.test(key)) prop = 'region'
    const cm = /^contacts(?:\[0\]|\.0)\.(\w+)$/.exec(key)
    if (cm) prop = `contact.${cm[1]}`
    if (known(prop)) byProp[prop] = byProp[prop] ? `${byProp[prop]}; ${msg}` : msg
    else rest[key] = msg
  }
  return { byProp, rest }
}
