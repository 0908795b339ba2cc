import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import type { ClosedComplaint, Complaint } from '../types'

const api = { get: vi.fn(), step: vi.fn(), preventionDone: vi.fn() }
vi.mock('../api', () => ({
  complaintsApi: new Proxy({}, { get: (_t, k: string) => (...a: unknown[]) => (api as Record<string, (...a: unknown[]) => unknown>)[k](...a) }),
  categoriesApi: { list: () => Promise.resolve([]), forget: () => undefined },
}))
vi.mock('@/modules/customers/api', () => ({ lookupApi: { users: () => Promise.resolve([]) } }))
vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn(), back: vi.fn() }) }))

import ComplaintDetailPage from '../pages/ComplaintDetailPage.vue'

const complaint: Complaint = {
  id: 12, reference: 'TS-20270201-0001', customer_id: 3, customer_name: '深圳市张伟润滑油有限公司', contact_id: null, contact_name: null,
  reporter_name: null, reporter_phone: null, reporter_email: null, reporter_company: null, channel: 'phone', category: 'product_quality',
  severity: 'high', product_id: null, product_name: null, order_id: null, description: '机油桶渗漏', status: 'rated', assignee_id: 5,
  assignee_name: '李娜', first_response_due: '2027-02-02T00:00:00Z', first_response_at: '2027-02-01T01:00:00Z', answered_in_time: true,
  director_escalation_due: '2027-02-03T00:00:00Z', resolution_due: '2027-02-04T00:00:00Z', informed_at: '2027-02-03T00:00:00Z', closed_at: null,
  escalation_level: 0, time_left_seconds: null, breached: false, resolution_plan: '换货', resolution: null, result_note: '已换货', satisfaction: 4,
  satisfaction_note: null, root_cause: null, root_cause_text: null, prevention_action: null, prevention_owner_id: null, prevention_owner_name: null,
  prevention_due: null, prevention_done_at: null, reject_reason: null, reopen_count: 0, grade: 'A', version: 8, created_at: '2027-02-01T00:00:00Z',
  updated_at: '2027-02-03T00:00:00Z',
  timeline: [
    { at: '2027-02-01T00:00:00Z', user_id: null, user_name: null, action: 'file', from_status: null, to_status: 'received', note: null },
    { at: '2027-02-01T01:00:00Z', user_id: 5, user_name: '李娜', action: 'accept', from_status: 'received', to_status: 'accepted', note: '已联系客户' },
  ],
  actions: ['close'],
}

type Vm = { done: (c: ClosedComplaint) => void; actionError: string; item: Complaint | null }
const mountPage = () =>
  mount(ComplaintDetailPage, {
    props: { id: 12 },
    global: { plugins: [i18n, ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  })

describe('ComplaintDetailPage', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    for (const f of Object.values(api)) f.mockReset()
    document.body.innerHTML = ''
  })

  it('shows the complaint, its timeline, and a button for each allowed step only', async () => {
    api.get.mockResolvedValue(complaint)
    const w = mountPage()
    await flushPromises()
    expect(document.querySelector('[data-test="complaint-title"]')?.textContent).toBe('TS-20270201-0001')
    expect(document.querySelector('[data-test="complaint-status"]')?.textContent).toBe('已评价')
    expect([...document.querySelectorAll('[data-test="complaint-actions"] button')].map((b) => b.getAttribute('data-test'))).toEqual(['step-close'])
    const items = [...document.querySelectorAll('[data-test="timeline-item"]')].map((e) => e.textContent?.replace(/\s+/g, ' ').trim())
    expect(items).toEqual(['提交投诉 · 客户（在线表单）已接收', '受理 · 李娜已接收 → 已受理'])
    expect(document.querySelector('[data-test="timeline-note"]')?.textContent).toBe('已联系客户')
    expect(document.querySelector('[data-test="complaint-satisfaction"]')?.getAttribute('data-value')).toBe('4')
    ;(document.querySelector('[data-test="step-close"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(document.querySelector('.el-dialog[data-test="step-form"]')?.getAttribute('data-step')).toBe('close')
    w.unmount()
  })

  it('after closing shows the survey link once, as a full URL', async () => {
    api.get.mockResolvedValue(complaint)
    const w = mountPage()
    await flushPromises()
    ;(w.vm as unknown as Vm).done({ ...complaint, status: 'closed', actions: ['reopen', 'prevention_done'], survey: { id: 4, token: 'tok', path: '/survey?token=tok', expires_at: '2027-03-01T00:00:00Z' } })
    await flushPromises()
    expect((document.querySelector('input[data-test="survey-url"]') as HTMLInputElement).value).toBe(`${location.origin}/survey?token=tok`)
    expect([...document.querySelectorAll('[data-test="complaint-actions"] button')].map((b) => b.getAttribute('data-test'))).toEqual(['step-prevention_done', 'step-reopen'])
    w.unmount()
  })

  it('a stale step: the message, and the complaint is read again', async () => {
    api.get.mockResolvedValue(complaint)
    const w = mountPage()
    await flushPromises()
    expect(api.get).toHaveBeenCalledTimes(1)
    w.findComponent({ name: 'StepDialog' }).vm.$emit('stale', '这件投诉刚被其他人处理过，已重新加载最新状态。')
    await flushPromises()
    expect(api.get).toHaveBeenCalledTimes(2)
    expect(document.querySelector('[data-test="complaint-action-error"]')?.textContent).toContain('这件投诉刚被其他人处理过')
    w.unmount()
  })
})
