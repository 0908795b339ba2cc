// Words and colours for complaint records: the i18n keys of statuses, severities, channels and
// steps, the category names per language, and the five seeded categories for the public form.
import type { Category } from './types'

export const statusKey = (s: string) => `complaints.statuses.${s}`
export const severityKey = (s: string) => `complaints.severities.${s}`
export const channelKey = (c: string) => `complaints.channels.${c}`
export const stepKey = (a: string) => `complaints.steps.${a}`
/** the timeline's words for an event (a step, filing, escalation, prevention done) */
export const eventKey = (a: string) => `complaints.events.${a}`

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

export const STATUS_TAG: Record<string, TagType> = {
  received: 'danger', accepted: 'warning', investigating: 'warning', proposed: 'primary', approved: 'primary',
  resolving: 'primary', informed: 'success', rated: 'success', closed: 'info', rejected: 'info', reopened: 'danger',
}

export const SEVERITY_TAG: Record<string, TagType> = { low: 'info', medium: 'primary', high: 'warning', critical: 'danger' }

type NameFields = Pick<Category, 'key' | 'name_zh_cn' | 'name_zh_tw' | 'name_en'>

/** A category's name in the UI language (English for any other). */
export function categoryName(c: NameFields, locale: string): string {
  if (locale === 'zh-CN') return c.name_zh_cn
  if (locale === 'zh-TW') return c.name_zh_tw
  return c.name_en
}

/** The five categories every database starts with (the public form cannot ask for the list). */
export const SEEDED_CATEGORIES: NameFields[] = [
  { key: 'product_quality', name_zh_cn: '产品质量', name_zh_tw: '產品品質', name_en: 'Product quality' },
  { key: 'delivery', name_zh_cn: '物流配送', name_zh_tw: '物流配送', name_en: 'Delivery' },
  { key: 'service_attitude', name_zh_cn: '服务态度', name_zh_tw: '服務態度', name_en: 'Service attitude' },
  { key: 'billing', name_zh_cn: '账务结算', name_zh_tw: '帳務結算', name_en: 'Billing' },
  { key: 'other', name_zh_cn: '其他', name_zh_tw: '其他', name_en: 'Other' },
]

/** The name of a category key: from the list when it is there, else a seeded one, else the key itself. */
export function categoryLabel(key: string | null | undefined, list: readonly NameFields[], locale: string): string {
  if (!key) return ''
  const c = list.find((x) => x.key === key) ?? SEEDED_CATEGORIES.find((x) => x.key === key)
  return c ? categoryName(c, locale) : key
}

/** Who complained: the customer, or the public form's company / name. */
export function complainant(c: { customer_name: string | null; reporter_company: string | null; reporter_name: string | null }): string {
  if (c.customer_name) return c.customer_name
  return [c.reporter_company, c.reporter_name].filter(Boolean).join(' · ')
}
