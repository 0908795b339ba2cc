import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { Complaint, Step } from '../types'
import type { StepDraft } from '../stepForm'

const step = vi.fn()
vi.mock('../api', () => ({
  complaintsApi: { step: (...a: unknown[]) => step(...a) },
  categoriesApi: {
    list: () => Promise.resolve([{ id: 1, key: 'product_quality', name_zh_cn: '产品质量', name_zh_tw: '產品品質', name_en: 'Product quality', active: true, sort: 1, version: 1 }]),
    forget: () => undefined,
  },
}))
vi.mock('@/modules/customers/api', () => ({ lookupApi: { users: () => Promise.resolve([{ id: 7, name: '王强', role: 'manager' }]) } }))

import StepDialog from '../components/StepDialog.vue'

const complaint = { id: 12, reference: 'TS-20270201-0001', status: 'rated', version: 8, category: 'product_quality', resolution_plan: '换货' } as Complaint
type Vm = { draft: StepDraft; errors: Record<string, string>; generalError: string; submit: () => Promise<void> }

function mountDialog(s: Step) {
  return mount(StepDialog, {
    props: { modelValue: true, complaint, step: s },
    global: { plugins: [i18n, ElementPlus] },
    attachTo: document.body,
  })
}

const tomorrow = () => {
  const d = new Date(Date.now() + 86400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

describe('StepDialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    step.mockReset()
    document.body.innerHTML = ''
  })

  it('a rejection needs its reason; the reason is sent with the version', async () => {
    const w = mountDialog('reject')
    await flushPromises()
    expect(document.querySelector('[data-test="step-form"] .el-dialog__title')?.textContent).toBe('驳回')
    expect(document.querySelector('[data-test="step-resolution_plan"]')).toBeNull()
    const vm = w.vm as unknown as Vm
    await vm.submit()
    expect(step).not.toHaveBeenCalled()
    expect(vm.errors.note).toBe('此项为必填')
    vm.draft.note = ' 非我司产品 '
    step.mockResolvedValue({ ...complaint, status: 'rejected', version: 9 })
    await vm.submit()
    expect(step).toHaveBeenCalledWith(12, 'reject', { version: 8, note: '非我司产品' })
    expect(w.emitted('done')?.[0]?.[0]).toMatchObject({ status: 'rejected' })
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('closing asks for cause and prevention, starts from the category and plan, and sends them all', async () => {
    const w = mountDialog('close')
    await flushPromises()
    for (const f of ['root_cause', 'root_cause_text', 'resolution', 'prevention_action', 'prevention_owner', 'prevention_due', 'note'])
      expect(document.querySelector(`[data-test="step-${f}"]`), f).not.toBeNull()
    const vm = w.vm as unknown as Vm
    expect(vm.draft.root_cause).toBe('product_quality')
    expect(vm.draft.resolution).toBe('换货')
    Object.assign(vm.draft, { root_cause_text: '封口温度不足', prevention_action: '每班点检', prevention_owner_id: 7, prevention_due: tomorrow() })
    step.mockResolvedValue({ ...complaint, status: 'closed', survey: { id: 1, token: 't', path: '/survey?token=t', expires_at: '2027-03-01T00:00:00Z' } })
    await vm.submit()
    expect(step).toHaveBeenCalledWith(12, 'close', {
      version: 8, root_cause: 'product_quality', root_cause_text: '封口温度不足', resolution: '换货', prevention_action: '每班点检', prevention_owner_id: 7, prevention_due: tomorrow(),
    })
    w.unmount()
  })

  it('server field errors go to their items (422)', async () => {
    const w = mountDialog('close')
    await flushPromises()
    const vm = w.vm as unknown as Vm
    Object.assign(vm.draft, { root_cause_text: 'x', prevention_action: 'y', prevention_owner_id: 99, prevention_due: tomorrow() })
    step.mockRejectedValue(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { prevention_owner_id: '用户不存在或已停用' } }))
    await vm.submit()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 250)) // el-form-item shows its message after a short debounce
    expect(vm.errors.prevention_owner_id).toBe('用户不存在或已停用')
    const item = document.querySelector('[data-test="step-prevention_owner"]')!.closest('.el-form-item')!
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('用户不存在或已停用')
    expect(w.emitted('stale')).toBeUndefined()
    w.unmount()
  })

  it('a stale version (409) closes the form and asks the page to reload', async () => {
    const w = mountDialog('rate')
    await flushPromises()
    const vm = w.vm as unknown as Vm
    vm.draft.satisfaction = 5
    step.mockRejectedValue(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    await vm.submit()
    expect(step).toHaveBeenCalledWith(12, 'rate', { version: 8, satisfaction: 5 })
    expect(w.emitted('stale')?.[0]).toEqual(['这件投诉刚被其他人处理过，已重新加载最新状态。'])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('a step no longer allowed (422 without fields) is treated like a stale one', async () => {
    const w = mountDialog('accept')
    await flushPromises()
    step.mockRejectedValue(new ApiError(422, { code: 'validation_failed', message: '当前状态（investigating）不能执行此步骤' }))
    await (w.vm as unknown as Vm).submit()
    expect(w.emitted('stale')?.[0]).toEqual(['当前状态（investigating）不能执行此步骤'])
    w.unmount()
  })
})
