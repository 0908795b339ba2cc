import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { useSessionStore } from '@/app/stores/session'
import type { RequestDraft } from '../requestForm'
import type { ServiceRequest } from '../types'

const create = vi.fn()
const update = vi.fn()
const get = vi.fn()
const done = vi.fn()
const cancel = vi.fn()
vi.mock('../api', () => ({
  serviceRequestsApi: {
    create: (...a: unknown[]) => create(...a),
    update: (...a: unknown[]) => update(...a),
    get: (...a: unknown[]) => get(...a),
    done: (...a: unknown[]) => done(...a),
    cancel: (...a: unknown[]) => cancel(...a),
    types: () =>
      Promise.resolve([
        { key: 'on_site', label: '上门服务', repeatable: false },
        { key: 'inspection', label: '检验服务', repeatable: true },
      ]),
  },
}))
vi.mock('@/modules/customers/api', () => ({
  lookupApi: {
    users: () =>
      Promise.resolve([
        { id: 9, name: '技术员小周', role: 'service', active: true },
        { id: 4, name: '李娜', role: 'account_manager', active: true },
      ]),
  },
}))
vi.mock('@/modules/sales/api', () => ({ salesApi: { searchCustomers: () => Promise.resolve([]) } }))

import RequestFormDialog from '../components/RequestFormDialog.vue'
import RequestCloseDialog from '../components/RequestCloseDialog.vue'
import { localDay } from '../labels'

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

function signIn() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = { id: 9, username: 'zhou', name: '技术员小周', role: 'service', team_id: null, team_name: null, active: true, must_change_password: false, version: 1 }
  return pinia
}

const stored: ServiceRequest = {
  id: 5, customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', type: 'inspection', title: '在用油分析', description: null,
  scheduled_on: '2027-02-10', scheduled_time: null, status: 'planned', overdue: false, staff: [{ id: 9, name: '技术员小周', active: true }],
  outcome: null, cost: null, done_on: null, cancel_reason: null, repeat_every_months: 3, previous_id: null, next_id: null,
  created_by: 9, created_by_name: '技术员小周', closed_by: null, closed_by_name: null, closed_at: null, version: 1,
  created_at: '2027-01-20T02:00:00Z', updated_at: '2027-01-20T02:00:00Z',
}

afterEach(() => {
  for (const f of [create, update, get, done, cancel]) f.mockReset()
  document.body.innerHTML = ''
})

describe('RequestFormDialog', () => {
  type Vm = { draft: RequestDraft; errors: Record<string, string>; generalError: string; submit: () => Promise<void> }

  it('offers the repeat only for an inspection, sends it, and puts the server errors on their inputs', async () => {
    setLocale('zh-CN')
    const pinia = signIn()
    const w = mount(RequestFormDialog, {
      props: { modelValue: true, customer: { id: 7, name: '深圳市张伟润滑油有限公司' } },
      global: { plugins: [pinia, i18n, ElementPlus] },
      attachTo: document.body,
    })
    await settle()
    const vm = w.vm as unknown as Vm
    // the signed-in person is on the staff to start with
    expect(vm.draft.staff_ids).toEqual([9])
    expect(vm.draft.customer_id).toBe(7)
    expect(document.querySelector('[data-test="request-customer-name"]')?.textContent).toBe('深圳市张伟润滑油有限公司')

    vm.draft.type = 'on_site'
    await flushPromises()
    expect(document.querySelector('[data-test="request-repeat"]')).toBeNull()
    vm.draft.type = 'inspection'
    await flushPromises()
    expect(document.querySelector('[data-test="request-repeat"]')).not.toBeNull()

    Object.assign(vm.draft, { title: '在用油分析', scheduled_on: localDay(), repeat: true, repeat_every_months: 3, staff_ids: [9, 4] })
    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'staff_ids[1]': '该用户已停用' } }))
    await vm.submit()
    await settle()
    expect(create).toHaveBeenCalledWith({ customer_id: 7, type: 'inspection', title: '在用油分析', scheduled_on: localDay(), staff_ids: [9, 4], repeat_every_months: 3 })
    expect(vm.errors).toEqual({ staff_ids: '该用户已停用' })
    expect(document.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('该用户已停用')

    vm.draft.staff_ids = [9]
    await flushPromises()
    expect(vm.errors.staff_ids).toBeUndefined()
    create.mockResolvedValueOnce({ ...stored, id: 6 })
    await vm.submit()
    await flushPromises()
    expect(create.mock.calls[1][0].staff_ids).toEqual([9])
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 6 })
    w.unmount()
  })

  it('edits a planned request with the version read and reloads it when someone else changed it', async () => {
    setLocale('zh-CN')
    const pinia = signIn()
    const w = mount(RequestFormDialog, { props: { modelValue: true, request: stored }, global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    vm.draft.repeat_every_months = 6
    update.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    await vm.submit()
    await flushPromises()
    expect(update).toHaveBeenCalledWith(5, { version: 1, repeat_every_months: 6 })
    expect(vm.generalError).toBe(i18n.global.t('serviceRequests.stale'))
    const box = document.querySelector('.el-message-box')
    expect(box).not.toBeNull()
    get.mockResolvedValueOnce({ ...stored, version: 2, title: '油品检测' })
    ;(box?.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
    await settle()
    expect(get).toHaveBeenCalledWith(5)
    expect(vm.draft.title).toBe('油品检测')
    expect(vm.draft.repeat_every_months).toBe(3)
    w.unmount()
  })
})

describe('RequestCloseDialog', () => {
  type Vm = {
    done: { outcome: string; cost: string; done_on: string }
    reason: string
    errors: Record<string, string>
    generalError: string
    current: ServiceRequest
    submit: () => Promise<void>
  }

  it('marks it done with the cost in fen and hands over the next one of a repeating inspection', async () => {
    setLocale('zh-CN')
    const w = mount(RequestCloseDialog, { props: { modelValue: true, request: stored, mode: 'done' }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    expect(vm.done.done_on).toBe(localDay())
    expect(document.body.textContent).toContain(i18n.global.t('serviceRequests.repeatOnDone', { n: 3 }))
    // nothing typed: refused here
    await vm.submit()
    expect(done).not.toHaveBeenCalled()
    expect(vm.errors).toEqual({ outcome: i18n.global.t('common.required') })

    Object.assign(vm.done, { outcome: '油品正常', cost: '350' })
    const next = { ...stored, id: 6, scheduled_on: '2027-05-10', previous_id: 5 }
    done.mockResolvedValueOnce({ ...stored, status: 'done', next_id: 6, version: 2 })
    get.mockResolvedValueOnce(next)
    await vm.submit()
    await flushPromises()
    expect(done).toHaveBeenCalledWith(5, { version: 1, outcome: '油品正常', cost: 35000, done_on: localDay() })
    expect(get).toHaveBeenCalledWith(6)
    const saved = w.emitted('saved')?.[0]
    expect(saved?.[0]).toMatchObject({ status: 'done', next_id: 6 })
    expect(saved?.[1]).toMatchObject({ id: 6, scheduled_on: '2027-05-10' })
    w.unmount()
  })

  it('takes the latest version when the request changed meanwhile and keeps what was typed', async () => {
    setLocale('zh-CN')
    const w = mount(RequestCloseDialog, { props: { modelValue: true, request: stored, mode: 'cancel' }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    vm.reason = '客户停产'
    cancel.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    get.mockResolvedValueOnce({ ...stored, version: 3 })
    await vm.submit()
    await flushPromises()
    expect(cancel).toHaveBeenCalledWith(5, { version: 1, reason: '客户停产' })
    expect(vm.current.version).toBe(3)
    expect(vm.reason).toBe('客户停产')
    expect(vm.generalError).toBe(i18n.global.t('serviceRequests.staleClose'))
    expect(w.emitted('changed')).toBeTruthy()

    cancel.mockResolvedValueOnce({ ...stored, status: 'cancelled', version: 4 })
    await vm.submit()
    await flushPromises()
    expect(cancel.mock.calls[1]).toEqual([5, { version: 3, reason: '客户停产' }])
    expect(w.emitted('saved')?.[0]?.[1]).toBeNull()

    // a request no longer planned: the server's message, nothing to send
    cancel.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '只能修改计划中的服务请求' }))
    await vm.submit()
    await flushPromises()
    expect(vm.generalError).toBe('只能修改计划中的服务请求')
    w.unmount()
  })
})
