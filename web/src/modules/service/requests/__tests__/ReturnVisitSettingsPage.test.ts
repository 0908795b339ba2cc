import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { ReturnVisitSettingsValues } from '../types'

const settings = vi.fn()
const save = vi.fn()
vi.mock('../api', () => ({ returnVisitApi: { settings: () => settings(), save: (...a: unknown[]) => save(...a) } }))

import ReturnVisitSettingsPage from '../pages/ReturnVisitSettingsPage.vue'

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

type Vm = { model: ReturnVisitSettingsValues; errors: Record<string, string>; generalError: string; save: () => Promise<void> }
const stored = { after_order_days: 7, after_complaint_days: 3, version: 2, updated_at: '2027-01-05T02:00:00Z' }

afterEach(() => {
  settings.mockReset()
  save.mockReset()
  document.body.innerHTML = ''
})

describe('ReturnVisitSettingsPage', () => {
  it('saves both numbers with the version read and shows the field errors', async () => {
    setLocale('zh-CN')
    settings.mockResolvedValue(stored)
    const w = mount(ReturnVisitSettingsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    expect(vm.model).toEqual({ after_order_days: 7, after_complaint_days: 3 })
    vm.model.after_order_days = 10
    save.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { after_complaint_days: '应在 1 到 90 之间' } }))
    await vm.save()
    expect(save).toHaveBeenCalledWith({ after_order_days: 10, after_complaint_days: 3, version: 2 })
    expect(vm.errors).toEqual({ after_complaint_days: '应在 1 到 90 之间' })

    save.mockResolvedValueOnce({ ...stored, after_order_days: 10, version: 3 })
    await vm.save()
    await settle()
    expect(vm.errors).toEqual({})
    expect(vm.model.after_order_days).toBe(10)
    // the next save sends the new version
    save.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    await vm.save()
    await settle()
    expect(save.mock.calls[2][0].version).toBe(3)
    expect(vm.generalError).toBe(i18n.global.t('serviceRequests.returnVisits.stale'))
    expect(document.querySelector('.el-message-box')).not.toBeNull()
    w.unmount()
  })
})
