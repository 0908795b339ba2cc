import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { CareSettings, CareSettingsValues } from '../types'

const settings = vi.fn()
const saveSettings = vi.fn()
vi.mock('../api', () => ({ careApi: { settings: () => settings(), saveSettings: (...a: unknown[]) => saveSettings(...a) } }))

import CareSettingsPage from '../pages/CareSettingsPage.vue'

const stored: CareSettings = {
  contact_gap_days: { A: 30, B: 60, C: 90 }, new_customer_days: 7, birthday_lead_days: 3, festival_lead_days: 7, anniversary_lead_days: 7,
  milestone_lead_days: 7, personal_event_lead_days: 1, festival_grades: ['A', 'B'], version: 4, updated_at: '2027-01-05T02:00:00Z',
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

type Vm = { model: CareSettingsValues; errors: Record<string, string>; save: () => Promise<void> }

afterEach(() => {
  settings.mockReset()
  saveSettings.mockReset()
  document.body.innerHTML = ''
})

describe('CareSettingsPage', () => {
  it('sends every setting with the version read and puts field errors on their inputs', async () => {
    setLocale('zh-CN')
    settings.mockResolvedValue(stored)
    const w = mount(CareSettingsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    vm.model.contact_gap_days.A = 20
    vm.model.festival_grades = ['C', 'A']
    saveSettings.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'contact_gap_days.B': '应在 1 至 3650 之间', birthday_lead_days: '应在 0 至 60 之间' } }))
    await vm.save()
    await settle()
    expect(saveSettings).toHaveBeenCalledWith({
      contact_gap_days: { A: 20, B: 60, C: 90 }, new_customer_days: 7, birthday_lead_days: 3, festival_lead_days: 7, anniversary_lead_days: 7,
      milestone_lead_days: 7, personal_event_lead_days: 1, festival_grades: ['A', 'C'], version: 4,
    })
    expect(vm.errors).toEqual({ 'contact_gap_days.B': '应在 1 至 3650 之间', birthday_lead_days: '应在 0 至 60 之间' })

    saveSettings.mockResolvedValueOnce({ ...stored, contact_gap_days: { A: 20, B: 60, C: 90 }, version: 5 })
    await vm.save()
    await settle()
    expect(saveSettings.mock.calls[1][0].version).toBe(4)
    expect(vm.errors).toEqual({})
    expect(vm.model.contact_gap_days.A).toBe(20)
    w.unmount()
  })

  it('offers to load the latest settings when someone else saved meanwhile', async () => {
    setLocale('zh-CN')
    settings.mockResolvedValue(stored)
    const w = mount(CareSettingsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    saveSettings.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: 'stale' }))
    await (w.vm as unknown as Vm).save()
    await settle()
    expect(document.querySelector('[data-test="settings-error"]')?.textContent).toContain(i18n.global.t('care.settings.stale'))
    const box = document.querySelector('.el-message-box')
    expect(box).not.toBeNull()
    settings.mockResolvedValue({ ...stored, contact_gap_days: { A: 15, B: 60, C: 90 }, version: 6 })
    ;(box?.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
    await settle()
    expect(settings).toHaveBeenCalledTimes(2)
    expect((w.vm as unknown as Vm).model.contact_gap_days.A).toBe(15)
    w.unmount()
  })
})
