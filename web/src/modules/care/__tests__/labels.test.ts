import { describe, expect, it } from 'vitest'
import { i18n, setLocale, type Locale } from '@/app/i18n'
import { daysBetween, shortDate, taskSentence } from '../labels'
import type { CareTask } from '../types'

const base: CareTask = {
  id: 1, user_id: 6, user_name: '李娜', customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', contact_id: 31, contact_name: '孙总',
  kind: 'birthday', subject: 'lunar', event_date: '2027-02-03', due_date: '2027-02-01', status: 'open', done_at: null, done_log_id: null,
  version: 1, created_at: '2027-01-31T01:00:00Z',
}
const task = (over: Partial<CareTask>): CareTask => ({ ...base, ...over })

function say(tk: CareTask, locale: Locale, lunar: { month: number; day: number; leap: boolean } | null = null) {
  setLocale(locale)
  const { t, te } = i18n.global
  return taskSentence(tk, t as never, { locale, te: te as never, lunar })
}

describe('shortDate', () => {
  it('writes month and day the way each language does', () => {
    expect(shortDate('2027-02-03', 'zh-CN')).toBe('2月3日')
    expect(shortDate('2027-12-25', 'zh-TW')).toBe('12月25日')
    expect(shortDate('2027-02-03', 'en')).toBe('Feb 3')
    expect(shortDate('2028-01-02', 'zh-CN', 2027)).toBe('2028年1月2日')
    expect(shortDate('2028-01-02', 'en', 2027)).toBe('Jan 2, 2028')
    expect(shortDate('', 'en')).toBe('')
  })

  it('counts days across months and years', () => {
    expect(daysBetween('2027-01-30', '2027-02-01')).toBe(2)
    expect(daysBetween('2027-12-31', '2028-01-01')).toBe(1)
    expect(daysBetween('2027-02-01', '2027-02-01')).toBe(0)
    expect(daysBetween('2027-02-03', '2027-02-01')).toBe(-2)
  })
})

describe('taskSentence', () => {
  it('names the contact, the lunar date and the day of a lunar birthday', () => {
    const lunar = { month: 12, day: 27, leap: false }
    expect(say(base, 'zh-CN', lunar)).toBe('孙总 农历生日（腊月廿七，2月3日）')
    expect(say(base, 'zh-TW', lunar)).toBe('孙总 農曆生日（臘月廿七，2月3日）')
    expect(say(base, 'en', lunar)).toBe('孙总: lunar birthday (L12/27, Feb 3)')
    // before the lunar date is known
    expect(say(base, 'zh-CN')).toBe('孙总 农历生日（2月3日）')
    expect(say(task({ subject: 'lunar' }), 'zh-CN', { month: 8, day: 15, leap: true })).toBe('孙总 农历生日（闰八月十五，2月3日）')
  })

  it('says a solar birthday, a festival, an anniversary', () => {
    expect(say(task({ subject: 'solar' }), 'zh-CN')).toBe('孙总 生日（2月3日）')
    expect(say(task({ kind: 'festival', subject: 'spring_festival', contact_id: null, contact_name: null, event_date: '2027-02-06' }), 'zh-CN')).toBe('春节问候（2月6日）')
    expect(say(task({ kind: 'festival', subject: 'mid_autumn', event_date: '2027-09-15' }), 'en')).toBe('Mid-Autumn Festival greetings (Sep 15)')
    expect(say(task({ kind: 'anniversary', subject: '5', event_date: '2027-03-01' }), 'zh-CN')).toBe('合作 5 周年（3月1日）')
  })

  it('says events, staff changes and follow-ups', () => {
    expect(say(task({ kind: 'milestone', subject: 'store_opening', contact_name: null }), 'zh-CN')).toBe('客户开业（2月3日）')
    expect(say(task({ kind: 'personal_event', subject: 'wedding' }), 'zh-CN')).toBe('孙总 婚礼（2月3日）')
    expect(say(task({ kind: 'regional_event', subject: 'typhoon', contact_name: null }), 'zh-TW')).toBe('颱風慰問（2月3日）')
    expect(say(task({ kind: 'staff_change', subject: '王经理', contact_name: null }), 'zh-CN')).toBe('王经理 已离职，与接任者建立联系')
    expect(say(task({ kind: 'follow_up', subject: '寄送新品样品', event_date: null, due_date: '2027-02-05' }), 'zh-CN')).toBe('跟进：寄送新品样品（2月5日）')
    // a personal event without a contact names the customer
    expect(say(task({ kind: 'personal_event', subject: 'illness', contact_name: null }), 'en')).toBe('深圳市张伟润滑油有限公司: illness (Feb 3)')
  })

  it('shows a subject it has no words for as it came', () => {
    expect(say(task({ kind: 'festival', subject: 'dongzhi' }), 'zh-CN')).toBe('dongzhi问候（2月3日）')
    setLocale('zh-CN')
  })
})
