import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import { useSessionStore } from '@/app/stores/session'
import type { Role } from '@/modules/auth/types'
import type { CareTask, Today } from '../types'

const today = vi.fn()
const done = vi.fn()
const dismiss = vi.fn()
const refresh = vi.fn()
const LUNAR: Record<string, { year: number; month: number; day: number; leap: boolean }> = {
  '2027-02-01': { year: 2026, month: 12, day: 25, leap: false },
  '2027-02-03': { year: 2026, month: 12, day: 27, leap: false },
  '2027-02-06': { year: 2027, month: 1, day: 1, leap: false },
}
vi.mock('../api', () => ({
  careApi: { today: () => today() },
  tasksApi: { done: (...a: unknown[]) => done(...a), dismiss: (...a: unknown[]) => dismiss(...a), refresh: () => refresh() },
  lunarOf: (d: string) => (LUNAR[d] ? Promise.resolve(LUNAR[d]) : Promise.reject(new Error('no'))),
  contactLogsApi: {},
  promisesApi: {},
}))
vi.mock('@/modules/customers/api', () => ({ customersApi: { get: () => Promise.resolve({ id: 7, name: 'x', contacts: [] }) } }))

import TodayPage from '../pages/TodayPage.vue'
import { useTodayCount } from '../todayBadge'

const task = (over: Partial<CareTask>): CareTask => ({
  id: 1, user_id: 6, user_name: '李娜', customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', contact_id: 31, contact_name: '孙总',
  kind: 'birthday', subject: 'lunar', event_date: '2027-02-03', due_date: '2027-02-01', status: 'open', done_at: null, done_log_id: null,
  version: 2, created_at: '2027-01-31T01:00:00Z', ...over,
})

function fixture(over: Partial<Today> = {}): Today {
  return {
    date: '2027-02-01',
    contacts_due: {
      items: [
        { customer_id: 11, customer_name: '惠州市大亚湾宏达汽修厂', grade: 'A', owner_id: 6, owner_name: '李娜', last_contact_day: '2026-12-20', next_contact_date: null, due_date: '2027-01-19', days_overdue: 13, reason: 'no_contact' },
        { customer_id: 12, customer_name: '中山市小榄镇永安汽车服务部', grade: null, owner_id: 6, owner_name: '李娜', last_contact_day: null, next_contact_date: null, due_date: '2027-02-01', days_overdue: 0, reason: 'new_customer' },
      ],
      total: 5,
    },
    tasks: {
      items: [
        task({}),
        task({ id: 2, kind: 'festival', subject: 'spring_festival', contact_id: null, contact_name: null, event_date: '2027-02-06', due_date: '2027-01-30' }),
        task({ id: 3, kind: 'follow_up', subject: '寄送新品样品', event_date: null, due_date: '2027-02-04', customer_id: 12, customer_name: '中山市小榄镇永安汽车服务部', contact_id: null, contact_name: null }),
      ],
      total: 3,
    },
    promises: [{ id: 5, customer_id: 11, customer_name: '惠州市大亚湾宏达汽修厂', text: '节前送货', due_date: '2027-01-31', version: 1, overdue: true }],
    festivals: [{ name: 'spring_festival', date: '2027-02-06', days: 5 }],
    counts: { contacts_due: 5, tasks: 3, promises: 1, visits: 0, approvals: 2 },
    ...over,
  }
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function mountPage(role: Role = 'account_manager') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = { id: 6, username: 'alice', name: '李娜', role, team_id: null, team_name: null, active: true, must_change_password: false, version: 1 }
  const stub = { template: '<div/>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/today', name: 'today', component: stub },
      { path: '/customers/:id', name: 'customer', component: stub },
      { path: '/care/overdue', name: 'care-overdue', component: stub },
    ],
  })
  await router.push('/today')
  await router.isReady()
  const w = mount(TodayPage, { global: { plugins: [pinia, i18n, ElementPlus, router] }, attachTo: document.body })
  await settle()
  return w
}

const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())

afterEach(() => {
  today.mockReset()
  done.mockReset()
  document.body.innerHTML = ''
})

describe('TodayPage', () => {
  it('shows the counts, the customers due, tasks as sentences, promises and festivals with lunar dates', async () => {
    setLocale('zh-CN')
    today.mockResolvedValue(fixture())
    const w = await mountPage()
    expect(texts('[data-test="count-contacts_due"] .value')).toEqual(['5'])
    expect(texts('[data-test="count-contacts_due"] .label')).toEqual(['待联系客户'])
    expect(texts('[data-test="count-approvals"] .value')).toEqual(['2'])
    expect(useTodayCount().value).toBe(11)
    expect(texts('[data-test="today-lunar"]')).toEqual(['农历腊月廿五'])

    expect(texts('[data-test="due-customer"]')).toEqual(['惠州市大亚湾宏达汽修厂', '中山市小榄镇永安汽车服务部'])
    const due = texts('[data-test="due-table"] .el-table__body tr')
    expect(due[0]).toContain('2026-12-20')
    expect(due[0]).toContain('逾期 13 天')
    expect(due[0]).toContain('久未联系')
    expect(due[1]).toContain('从未联系')
    expect(due[1]).toContain('今天到期')
    expect(due[1]).toContain('新客户跟进')
    expect(texts('[data-test="today-due-all"]')).toEqual(['查看全部 5 个'])

    expect(texts('[data-test="task-sentence"]')).toEqual(['孙总 农历生日（腊月廿七，2月3日）', '春节问候（2月6日）', '跟进：寄送新品样品（2月4日）'])
    const rows = [...document.querySelectorAll('[data-test="task-row"]')]
    expect(rows.map((r) => r.classList.contains('overdue'))).toEqual([false, true, false])
    expect(rows[1].textContent).toContain('逾期 2 天')
    expect(rows[0].textContent).toContain('今天到期')

    expect(texts('[data-test="promise-row"] .p-text')).toEqual(['节前送货'])
    expect(document.querySelector('[data-test="promise-row"]')?.classList.contains('overdue')).toBe(true)
    expect(texts('[data-test="festival-row"] .f-name')).toEqual(['春节'])
    expect(texts('[data-test="festival-row"] .muted')).toEqual(['2月6日 · 正月初一'])
    expect(texts('[data-test="festival-row"] .el-tag')).toEqual(['5 天后'])
    // no visits in the answer: no visits section
    expect(document.querySelector('[data-test="today-visits"]')).toBeNull()
    w.unmount()
  })

  it('closes a task with its version and loads the list again', async () => {
    setLocale('zh-CN')
    today.mockResolvedValue(fixture())
    done.mockResolvedValue({})
    const w = await mountPage()
    const first = document.querySelector('[data-test="task-row"] [data-test="task-done"]') as HTMLElement
    first.click()
    await settle()
    expect(done).toHaveBeenCalledWith(1, 2)
    expect(today).toHaveBeenCalledTimes(2)
    w.unmount()
  })

  it('shows the visits when the server sends them, and no write buttons to the read-only roles', async () => {
    setLocale('zh-TW')
    today.mockResolvedValue(
      fixture({
        visits: {
          planned_today: [{ id: 1, customer_id: 11, customer_name: '惠州市大亚湾宏达汽修厂', date: '2027-02-01', purpose: '春节前走访', status: 'approved', user_name: '李娜' }],
          overdue_reports: [],
          awaiting_decision: [],
          awaiting_review: [],
        },
      }),
    )
    const w = await mountPage('auditor')
    expect(document.querySelector('[data-test="visits-planned_today"]')?.textContent).toContain('春节前走访')
    expect(document.querySelector('[data-test="visits-planned_today"]')?.textContent).toContain('已核准')
    expect(document.querySelector('[data-test="visits-overdue_reports"]')).toBeNull() // empty groups are left out
    expect(texts('[data-test="task-sentence"]')[0]).toBe('孙总 農曆生日（臘月廿七，2月3日）')
    expect(document.querySelector('[data-test="task-done"]')).toBeNull()
    expect(document.querySelector('[data-test="due-log"]')).toBeNull()
    expect(document.querySelector('[data-test="promise-keep"]')).toBeNull()
    w.unmount()
    setLocale('zh-CN')
  })
})
