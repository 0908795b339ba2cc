import { afterEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n } from '@/app/i18n'
import type { Holiday, HolidayInput } from '../types'

const list = vi.fn()
const create = vi.fn()
const update = vi.fn()
const remove = vi.fn()
vi.mock('../api', () => ({
  holidaysApi: {
    list: (...a: unknown[]) => list(...a),
    create: (...a: unknown[]) => create(...a),
    update: (...a: unknown[]) => update(...a),
    remove: (...a: unknown[]) => remove(...a),
  },
}))

import HolidaysPage from '../pages/HolidaysPage.vue'

const row = (id: number, date: string, kind: 'holiday' | 'workday', name: string, version = 1): Holiday => ({
  id, region: 'CN', date, kind, name, version, created_at: '2025-11-04T00:00:00Z', updated_at: '2025-11-04T00:00:00Z',
})
const ROWS = [row(1, '2026-02-14', 'workday', '春节'), row(2, '2026-02-15', 'holiday', '春节')]

function $(sel: string) {
  const el = document.body.querySelector(sel)
  if (!el) throw new Error(`not found: ${sel}`)
  return new DOMWrapper(el)
}
async function settle() {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

type PageVm = {
  year: number
  dlg: { open: boolean; error: string; editing: Holiday | null; form: HolidayInput }
  openAdd: () => void
  openEdit: (h: Holiday) => void
  save: () => Promise<void>
}

async function mountPage() {
  const w = mount(HolidaysPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  await settle()
  return w
}

afterEach(() => {
  for (const f of [list, create, update, remove]) f.mockReset()
  document.body.innerHTML = ''
})

describe('HolidaysPage', () => {
  it('lists the year of the chosen region with weekday and kind', async () => {
    list.mockResolvedValue({ year: 2026, region: 'CN', items: ROWS })
    const w = await mountPage()
    expect(list).toHaveBeenCalledWith(new Date().getFullYear(), 'CN')
    const body = $('[data-test="hol-table"] .el-table__body').text()
    expect(body).toContain('2026-02-14')
    expect(body).toContain('六') // a Saturday
    expect(body).toContain('调休上班')
    expect(body).toContain('放假')
    const vm = w.vm as unknown as PageVm
    vm.year = 2026
    await settle()
    expect(list).toHaveBeenLastCalledWith(2026, 'CN')
    w.unmount()
  })

  it('adds a make-up working day and shows field errors from the server', async () => {
    list.mockResolvedValue({ year: 2027, region: 'CN', items: [] })
    create
      .mockRejectedValueOnce(new ApiError(409, { code: 'already_exists', message: '该地区这一天已有记录', fields: { date: '该地区这一天已有记录' } }))
      .mockResolvedValueOnce(row(3, '2027-02-20', 'workday', '春节'))
    const w = await mountPage()
    const vm = w.vm as unknown as PageVm
    vm.openAdd()
    Object.assign(vm.dlg.form, { region: 'CN', date: '2027-02-20', kind: 'workday', name: ' 春节 ' })
    await vm.save()
    await settle()
    expect(create).toHaveBeenCalledWith({ region: 'CN', date: '2027-02-20', kind: 'workday', name: '春节' })
    const dateItem = document.body.querySelector('[data-test="hol-date"]')!.closest('.el-form-item')!
    expect(dateItem.querySelector('.el-form-item__error')?.textContent).toContain('该地区这一天已有记录')
    await vm.save()
    await settle()
    expect(vm.dlg.open).toBe(false)
    expect(list.mock.calls.length).toBeGreaterThanOrEqual(2)
    w.unmount()
  })

  it('edits with the version it read, and reloads on a stale version', async () => {
    list.mockResolvedValueOnce({ year: 2026, region: 'CN', items: ROWS })
      .mockResolvedValue({ year: 2026, region: 'CN', items: [row(1, '2026-02-14', 'workday', '春节调休', 2), ROWS[1]] })
    update.mockRejectedValueOnce(new ApiError(409, { code: 'stale_version', message: '数据已被修改' }))
    const w = await mountPage()
    const vm = w.vm as unknown as PageVm
    vm.openEdit(ROWS[0])
    vm.dlg.form.name = '春节（调休）'
    await vm.save()
    await settle()
    expect(update).toHaveBeenCalledWith(1, { region: 'CN', date: '2026-02-14', kind: 'workday', name: '春节（调休）', version: 1 })
    expect(vm.dlg.open).toBe(true)
    expect(vm.dlg.error).toContain('已被他人修改')
    expect(vm.dlg.editing?.version).toBe(2)
    w.unmount()
  })

  it('deletes after confirmation, sending the version', async () => {
    list.mockResolvedValue({ year: 2026, region: 'CN', items: ROWS })
    remove.mockResolvedValue(undefined)
    const w = await mountPage()
    document.body.querySelectorAll<HTMLElement>('[data-test="hol-delete"]')[1].click()
    await settle()
    const confirm = [...document.body.querySelectorAll<HTMLElement>('.el-message-box__btns button')].find((b) => b.textContent?.includes('删除'))
    expect(confirm).toBeTruthy()
    confirm!.click()
    await settle()
    expect(remove).toHaveBeenCalledWith(2, 1)
    w.unmount()
  })
})
