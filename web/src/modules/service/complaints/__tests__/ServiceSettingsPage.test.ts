import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { SlaGrid } from '../settingsGrid'
import type { SlaSettings } from '../types'

const get = vi.fn()
const save = vi.fn()
vi.mock('../api', () => ({
  serviceSettingsApi: { get: () => get(), save: (b: unknown) => save(b) },
  categoriesApi: { list: () => Promise.resolve([]), forget: () => undefined },
}))

import ServiceSettingsPage from '../pages/ServiceSettingsPage.vue'

const SETTINGS: SlaSettings = {
  base: { first_response_hours: 24, resolution_hours: 72 },
  targets: { A: { critical: { first_response_hours: 4, resolution_hours: 24 } } },
  working_hours: false,
  version: 3,
}
type Vm = { grid: SlaGrid; errors: Record<string, string>; generalError: string; save: () => Promise<void> }
const mountPage = () => mount(ServiceSettingsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })

describe('ServiceSettingsPage', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    get.mockReset()
    save.mockReset()
    document.body.innerHTML = ''
  })

  it('shows the grid (A × critical filled, the rest empty) and saves every key with the version', async () => {
    get.mockResolvedValue(SETTINGS)
    const w = mountPage()
    await flushPromises()
    const cellInputs = (g: string, s: string) => [...document.querySelectorAll(`[data-test="sla-cell-${g}-${s}"] input`)].map((i) => (i as HTMLInputElement).value)
    expect(cellInputs('A', 'critical')).toEqual(['4', '24'])
    expect(cellInputs('C', 'low')).toEqual(['', ''])
    const vm = w.vm as unknown as Vm
    vm.grid.cells.B.high = { first_response_hours: 12, resolution_hours: 48 }
    vm.grid.working_hours = true
    save.mockResolvedValue({ ...SETTINGS, version: 4 })
    await vm.save()
    expect(save).toHaveBeenCalledWith({
      base: { first_response_hours: 24, resolution_hours: 72 },
      targets: { A: { critical: { first_response_hours: 4, resolution_hours: 24 } }, B: { high: { first_response_hours: 12, resolution_hours: 48 } } },
      working_hours: true,
      version: 3,
    })
    // the category admin is the admin's only
    expect(document.querySelector('[data-test="category-admin"]')).toBeNull()
    w.unmount()
  })

  it('refuses a cell due before its first answer; server field errors mark their cell', async () => {
    get.mockResolvedValue(SETTINGS)
    const w = mountPage()
    await flushPromises()
    const vm = w.vm as unknown as Vm
    vm.grid.cells.C.low = { first_response_hours: 48, resolution_hours: 24 }
    await vm.save()
    expect(save).not.toHaveBeenCalled()
    expect(vm.errors).toEqual({ 'C.low': '解决时限不能短于首次响应时限' })
    vm.grid.cells.C.low = { first_response_hours: null, resolution_hours: null }
    save.mockRejectedValue(new ApiError(422, { code: 'validation_failed', message: 'x', fields: { 'targets.A.critical.resolution_hours': '须在 1 到 8760 之间' } }))
    await vm.save()
    await flushPromises()
    expect(vm.errors).toEqual({ 'A.critical': '须在 1 到 8760 之间' })
    expect(document.querySelector('[data-test="sla-cell-A-critical"]')?.classList.contains('error')).toBe(true)
    w.unmount()
  })
})
