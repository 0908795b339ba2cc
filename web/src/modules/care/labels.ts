// Words for care records: the i18n keys of kinds, subjects and reasons, short dates, and the
// one-line sentence that says what a task asks for ("孙总 农历生日（腊月廿七，2月3日）").
import { lunarDateLabel, type LunarLike } from '@/modules/calendar/lunarLabel'
import type { CareTask } from './types'

type T = (key: string, named?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export const contactKindKey = (kind: string) => `care.kinds.${kind}`
export const taskKindKey = (kind: string) => `care.taskKinds.${kind}`
export const reasonKey = (reason: string) => `care.reasons.${reason}`
export const festivalKey = (name: string) => `calendar.festivals.${name}`
export const eventKey = (kind: string) => `care.events.${kind}`
export const regionalEventKey = (kind: string) => `care.regionalEvents.${kind}`
export const promiseStatusKey = (status: string) => `care.promise.statuses.${status}`

/** Tag colours of the contact kinds (Element Plus tag types). */
export const KIND_TAG: Record<string, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  call: 'primary', visit: 'success', sms: 'info', email: 'info', wechat: 'success', meeting: 'primary', gift: 'danger', event: 'warning', other: 'info',
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2027-02-03" → "2月3日" (Chinese) / "Feb 3" (English); the year only when it is not `year`. */
export function shortDate(date: string | null | undefined, locale: string, year?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '')
  if (!m) return date ?? ''
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const withYear = year !== undefined && y !== year
  if (locale.startsWith('zh')) return `${withYear ? `${y}年` : ''}${mo}月${d}日`
  return `${MONTHS_EN[mo - 1]} ${d}${withYear ? `, ${y}` : ''}`
}

/** A key's text when the locale has it, else the raw value (a subject the UI does not know yet). */
function known(t: T, te: Te | undefined, key: string, raw: string): string {
  if (te && !te(key)) return raw
  return t(key)
}

export interface SentenceOptions {
  locale: string
  /** the lunar date of a lunar birthday's day, once known */
  lunar?: LunarLike | null
  /** without it every subject is assumed to have a key */
  te?: Te
}

/** What the task asks for, in one line. */
export function taskSentence(task: CareTask, t: T, o: SentenceOptions): string {
  const date = shortDate(task.event_date ?? task.due_date, o.locale)
  const subject = task.subject ?? ''
  const who = task.contact_name || task.customer_name || ''
  switch (task.kind) {
    case 'birthday':
      if (subject === 'lunar') {
        const lunar = o.lunar ? lunarDateLabel(o.lunar, o.locale) : ''
        return lunar ? t('care.task.birthdayLunar', { name: who, lunar, date }) : t('care.task.birthdayLunarPlain', { name: who, date })
      }
      return t('care.task.birthday', { name: who, date })
    case 'festival':
      return t('care.task.festival', { festival: known(t, o.te, festivalKey(subject), subject), date })
    case 'anniversary':
      return t('care.task.anniversary', { years: subject, date })
    case 'milestone':
      return t('care.task.milestone', { event: known(t, o.te, eventKey(subject), subject), date })
    case 'personal_event':
      return t('care.task.personalEvent', { name: who, event: known(t, o.te, eventKey(subject), subject), date })
    case 'regional_event':
      return t('care.task.regionalEvent', { event: known(t, o.te, regionalEventKey(subject), subject), date })
    case 'staff_change':
      return t('care.task.staffChange', { name: subject || who })
    case 'follow_up':
      return t('care.task.followUp', { text: subject, date })
    default:
      return `${subject} ${date}`.trim()
  }
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)))
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)))
  return Math.round((b - a) / 86_400_000)
}

/** The browser's date as YYYY-MM-DD. */
export function localDay(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
