import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { localDay } from '../dates'
import type { PlanDraft } from '../visitForm'

const create = vi.fn()
const update = vi.fn()
vi.mock('../api', () => ({ visitsApi: { create: (...a: unknown[]) => create(...a), update: (...a: unknown[]) => update(...a) } }))
vi.mock('@/modules/calendar/api', () => ({ calendarApi: { lunar: () => Promise.resolve({ year: 2027, month: 1, day: 15, leap: false }) } }))

import VisitPlanDialog from '../components/VisitPlanDialog.vue'

type Vm = { draft: PlanDraft; errors: Record<string, string>; generalError: string; submit: () => Promise<void> }

describe('VisitPlanDialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    create.mockReset()
    update.mockReset()
    document.body.innerHTML = ''
  })

  it('from the customer page: posts the plan for that customer and shows field errors inline', async () => {
    const w = mount(VisitPlanDialog, {
      props: { modelValue: true, customer: { id: 5, name: '深圳市张伟润滑油有限公司' } },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(document.querySelector('[data-test="visit-plan-customer-fixed"]')?.textContent).toBe('深圳市张伟润滑油有限公司')
    const vm = w.vm as unknown as Vm
    expect(vm.draft.date).toBe(localDay())
    vm.draft.purpose = ' 年度回访 '
    vm.draft.participants = ['李娜', ' 技术部小周 ']
    vm.draft.leader_visit = true
    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { date: '拜访日期须在今天至一年之内' } }))
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({ customer_id: 5, date: localDay(), purpose: '年度回访', participants: ['李娜', '技术部小周'], leader_visit: true })
    expect(vm.errors.date).toBe('拜访日期须在今天至一年之内')
    const dateItem = document.querySelector('[data-test="visit-plan-date"]')!.closest('.el-form-item')!
    expect(dateItem.classList.contains('is-error')).toBe(true)
    await new Promise((r) => setTimeout(r, 250)) // Element Plus shows the message debounced
    expect(dateItem.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('拜访日期须在今天至一年之内')
    expect(vm.generalError).toBe('')

    create.mockResolvedValueOnce({ id: 9, status: 'submitted' })
    await vm.submit()
    await flushPromises()
    expect(w.emitted('saved')?.[0]).toEqual([{ id: 9, status: 'submitted' }])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('does not call the server without a customer and a purpose', async () => {
    const w = mount(VisitPlanDialog, { props: { modelValue: true }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    await vm.submit()
    expect(create).not.toHaveBeenCalled()
    expect(Object.keys(vm.errors).sort()).toEqual(['customer_id', 'purpose'])
    w.unmount()
  })
})
