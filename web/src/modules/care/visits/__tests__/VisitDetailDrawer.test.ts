import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { Visit } from '../types'

const api = {
  get: vi.fn(),
  approve: vi.fn(),
  reject: vi.fn(),
  review: vi.fn(),
  report: vi.fn(),
  update: vi.fn(),
  create: vi.fn(),
  list: vi.fn(),
}
vi.mock('../api', () => ({ visitsApi: new Proxy({}, { get: (_t, k: string) => (...a: unknown[]) => (api as Record<string, (...a: unknown[]) => unknown>)[k](...a) }) }))
vi.mock('@/modules/calendar/api', () => ({ calendarApi: { lunar: () => Promise.resolve({ year: 2027, month: 12, day: 29, leap: false }) } }))

import VisitDetailDrawer from '../components/VisitDetailDrawer.vue'

const base: Visit = {
  id: 7, customer_id: 1, customer_name: '深圳市张伟润滑油有限公司', date: '2027-02-05', purpose: '年度回访，了解新产线需求',
  participants: ['李娜', '技术部小周'], leader_visit: true, status: 'submitted', overdue: false,
  decision_comment: null, decided_by: null, decided_by_name: null, decided_at: null,
  findings: null, needs: null, problems: null, follow_ups: null, next_visit_date: null, reported_at: null,
  review_comment: null, reviewed_by: null, reviewed_by_name: null, reviewed_at: null,
  user_id: 9, user_name: '李娜', team_id: 2, team_name: '华南事业部', actions: ['approve', 'reject'], version: 1,
  created_at: '2027-02-01T02:00:00Z', updated_at: '2027-02-01T02:00:00Z',
}

type Vm = { comment: string; commentError: string; actionError: string; item: Visit | null }

const mountDrawer = () =>
  mount(VisitDetailDrawer, {
    props: { modelValue: true, visitId: 7 },
    global: { plugins: [i18n, ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  })

const buttons = () => [...document.querySelectorAll('[data-test="visit-drawer"] .el-form-item button')].map((b) => b.getAttribute('data-test'))

describe('VisitDetailDrawer', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    for (const f of Object.values(api)) f.mockReset()
    document.body.innerHTML = ''
  })

  it('shows the plan and the lead\'s buttons; a rejection needs a comment', async () => {
    api.get.mockResolvedValue(base)
    const w = mountDrawer()
    await flushPromises()
    expect(document.querySelector('[data-test="visit-purpose"]')?.textContent).toBe('年度回访，了解新产线需求')
    expect(document.querySelector('[data-test="visit-status"]')?.textContent).toBe('待审批')
    expect(buttons()).toEqual(['visit-approve', 'visit-reject'])
    expect(document.querySelector('[data-test="visit-comment"]')).not.toBeNull()

    ;(document.querySelector('[data-test="visit-reject"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api.reject).not.toHaveBeenCalled()
    const vm = w.vm as unknown as Vm
    expect(vm.commentError).toBe('驳回须填写意见')

    vm.comment = '  客户本月停产检修，下月再去 '
    api.reject.mockResolvedValue({ ...base, status: 'rejected', actions: [], decision_comment: '客户本月停产检修，下月再去', decided_by_name: '王强', decided_at: '2027-02-02T02:00:00Z', version: 2 })
    ;(document.querySelector('[data-test="visit-reject"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api.reject).toHaveBeenCalledWith(7, { version: 1, comment: '客户本月停产检修，下月再去' })
    expect(document.querySelector('[data-test="visit-status"]')?.textContent).toBe('已驳回')
    expect(document.querySelector('[data-test="visit-decision-comment"]')?.textContent).toBe('客户本月停产检修，下月再去')
    expect(w.emitted('changed')).toHaveLength(1)
    w.unmount()
  })

  it('approves without a comment; a stale version says so and reloads', async () => {
    api.get.mockResolvedValue(base)
    const w = mountDrawer()
    await flushPromises()
    api.approve.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    ;(document.querySelector('[data-test="visit-approve"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api.approve).toHaveBeenCalledWith(7, { version: 1 })
    expect((w.vm as unknown as Vm).actionError).toBe('这条拜访刚被其他人处理过，已重新加载，请查看后再操作。')
    expect(api.get).toHaveBeenCalledTimes(2)
    w.unmount()
  })

  it('a rejected plan offers "edit and resubmit" to its planner, which opens the plan form', async () => {
    api.get.mockResolvedValue({ ...base, status: 'rejected', actions: ['edit'], decision_comment: '时间冲突', decided_by_name: '王强', decided_at: '2027-02-02T02:00:00Z' })
    const w = mountDrawer()
    await flushPromises()
    expect(buttons()).toEqual(['visit-edit'])
    expect(document.querySelector('[data-test="visit-edit"]')?.textContent?.trim()).toBe('修改并重新提交')
    expect(document.querySelector('[data-test="visit-comment"]')).toBeNull()
    ;(document.querySelector('[data-test="visit-edit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.querySelector('[data-test="visit-plan-form"]')).not.toBeNull()
    expect(document.querySelector('[data-test="visit-plan-rejection"]')?.textContent).toContain('时间冲突')
    w.unmount()
  })

  it('the planner writes the report of an approved visit', async () => {
    api.get.mockResolvedValue({ ...base, status: 'approved', actions: ['report'] })
    const w = mountDrawer()
    await flushPromises()
    expect(buttons()).toEqual(['visit-report'])
    ;(document.querySelector('[data-test="visit-report"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.querySelector('[data-test="visit-report-form"]')).not.toBeNull()
    w.unmount()
  })

  it('says what is awaited when the caller has nothing to do', async () => {
    api.get.mockResolvedValue({ ...base, status: 'reported', actions: [], findings: '见了采购经理', reported_at: '2027-02-05T08:00:00Z' })
    const w = mountDrawer()
    await flushPromises()
    expect(document.querySelector('[data-test="visit-no-actions"]')?.textContent).toBe('等待主管审阅拜访报告。')
    expect(document.querySelector('[data-test="visit-findings"]')?.textContent).toBe('见了采购经理')
    w.unmount()
  })
})
