import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import { localDay } from '../../visits/dates'
import type { LeftDraft } from '../eventForm'

const left = vi.fn()
vi.mock('../api', () => ({ staffChangesApi: { left: (...a: unknown[]) => left(...a) } }))

import StaffChangeDialog from '../components/StaffChangeDialog.vue'

const contacts = [
  { id: 1, name: '张伟', title: '采购经理', left_company: false },
  { id: 2, name: '王芳', title: '财务', left_company: false },
  { id: 3, name: '刘强', title: null, left_company: true },
]
type Vm = { draft: LeftDraft; errors: Record<string, string>; generalError: string; options: { id: number }[]; submit: () => Promise<void> }

describe('StaffChangeDialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    left.mockReset()
    document.body.innerHTML = ''
  })

  it('offers the other current contacts as successors and posts the staff change', async () => {
    const w = mount(StaffChangeDialog, { props: { modelValue: true, contact: contacts[0], contacts }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    expect(vm.options.map((o) => o.id)).toEqual([2])
    expect(vm.draft).toEqual({ left_on: localDay(), successor_id: null, note: '' })
    vm.draft.successor_id = 2
    vm.draft.note = ' 调往集团总部 '
    left.mockResolvedValueOnce({ id: 5, contact_id: 1, successor_id: 2, status: 'open' })
    await vm.submit()
    await flushPromises()
    expect(left).toHaveBeenCalledWith(1, { left_on: localDay(), successor_id: 2, note: '调往集团总部' })
    expect(w.emitted('saved')?.[0]).toEqual([{ id: 5, contact_id: 1, successor_id: 2, status: 'open' }])
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w.unmount()
  })

  it('without a successor sends none; a server error lands on its field', async () => {
    const w = mount(StaffChangeDialog, { props: { modelValue: true, contact: contacts[1], contacts }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    left.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { left_on: '离职日期不能晚于今天，也不能早于 1990 年' } }))
    await vm.submit()
    await flushPromises()
    expect(left).toHaveBeenCalledWith(2, { left_on: localDay() })
    expect(vm.errors.left_on).toBe('离职日期不能晚于今天，也不能早于 1990 年')
    expect(vm.generalError).toBe('')
    expect(w.emitted('saved')).toBeUndefined()
    w.unmount()
  })

  it('a future day is refused before calling the server', async () => {
    const w = mount(StaffChangeDialog, { props: { modelValue: true, contact: contacts[0], contacts }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    vm.draft.left_on = '2999-01-01'
    await vm.submit()
    expect(left).not.toHaveBeenCalled()
    expect(vm.errors.left_on).toBe('离职日期不能晚于今天，也不能早于 1990 年')
    w.unmount()
  })
})
