import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n } from '@/app/i18n'
import { useSessionStore } from '@/app/stores/session'

const upload = vi.fn()
const history = vi.fn()
const undo = vi.fn()
vi.mock('../importApi', async (importOriginal) => {
  const real = await importOriginal<typeof import('../importApi')>()
  return {
    ...real,
    uploadImport: (...a: unknown[]) => upload(...a),
    importsApi: { history: () => history(), undo: (...a: unknown[]) => undo(...a) },
  }
})
const users = vi.fn(() => Promise.resolve([{ id: 3, name: '赵敏', role: 'account_manager' }]))
vi.mock('../api', () => ({ lookupApi: { users: () => users() } }))

import ImportDialog from '../components/ImportDialog.vue'
import ImportHistoryDrawer from '../components/ImportHistoryDrawer.vue'

const CHECKED = {
  id: null, dry_run: true, encoding: 'utf-8', duplicate_key: 'name', mode: 'skip',
  columns: [
    { index: 0, header: '客户名称', field: 'name' },
    { index: 1, header: '手机', field: 'contact_mobile' },
    { index: 2, header: '微博', field: null },
  ],
  unmapped: ['微博'],
  rows: 3, created: 2, updated: 0, skipped: 0, invalid: 1,
  errors: [{ row: 3, column: '手机', field: 'contact_mobile', message: '手机号应为 11 位' }],
  seconds: 0.2,
}
const STORED = { ...CHECKED, id: 7, dry_run: false }

/** Both components take just `modelValue`. */
function mountWith(component: typeof ImportDialog | typeof ImportHistoryDrawer, role = 'account_manager') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = { id: 1, username: 'alice', name: '李娜', role } as never
  return mount(component as typeof ImportDialog, {
    props: { modelValue: true },
    global: { plugins: [pinia, i18n, ElementPlus] },
    attachTo: document.body,
  })
}

const $ = (sel: string) => document.body.querySelector(sel) as HTMLElement | null
const $$ = (sel: string) => [...document.body.querySelectorAll(sel)] as HTMLElement[]

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

const csv = () => new File(['客户名称,手机,微博\n甲公司,13800138000,x\n乙公司,1380013800,y\n丙公司,,z\n'], '客户.csv', { type: 'text/csv' })

afterEach(() => {
  upload.mockReset()
  history.mockReset()
  undo.mockReset()
  users.mockClear()
  document.body.innerHTML = ''
})

describe('ImportDialog', () => {
  it('checks the file, shows row and column of the bad row, and imports the valid rows only when asked', async () => {
    upload.mockResolvedValueOnce({ status: 200, report: CHECKED, refused: null }).mockResolvedValueOnce({ status: 201, report: STORED, refused: null })
    const w = mountWith(ImportDialog)
    await settle()
    expect($('[data-test="import-template"]')?.getAttribute('href')).toBe('/api/v1/customers/import-template.csv')
    // an account manager chooses no owner
    expect($('[data-test="import-owner"]')).toBeNull()
    expect($('[data-test="import-check"]')?.hasAttribute('disabled')).toBe(true)

    ;(w.vm as unknown as { pickFile: (f: File) => void }).pickFile(csv())
    await settle()
    expect($('[data-test="import-file"]')?.textContent).toContain('客户.csv')
    expect($('[data-test="import-file-size"]')?.textContent).toMatch(/\d+ B/)
    $('[data-test="import-check"]')!.click()
    await settle()

    expect(upload).toHaveBeenCalledTimes(1)
    const [, opts, run] = upload.mock.calls[0]
    expect(opts).toMatchObject({ duplicate_key: 'name', mode: 'skip', encoding: 'auto', owner_id: null })
    expect(run).toEqual({ dryRun: true, validRows: false, withOwner: false })

    const errors = $('[data-test="import-errors"]')!.textContent!
    expect(errors).toContain('第 3 行')
    expect(errors).toContain('手机')
    expect(errors).toContain('手机号应为 11 位')
    expect($('[data-test="import-unmapped"]')?.textContent).toContain('微博')
    expect($('[data-test="import-columns"]')?.textContent).toContain('联系人手机')
    expect($('[data-test="import-count-invalid"]')?.textContent).toContain('1')
    // a dry run stores nothing: no error file yet
    expect($('[data-test="import-errors-file"]')).toBeNull()
    // no plain import while rows are bad: the explicit choice only
    expect($('[data-test="import-run"]')).toBeNull()
    expect($('[data-test="import-valid"]')?.textContent).toContain('只导入有效的 2 行')

    $('[data-test="import-valid"]')!.click()
    await settle()
    expect(upload.mock.calls[1][2]).toEqual({ dryRun: false, validRows: true, withOwner: false })
    expect($('[data-test="import-done-summary"]')?.textContent).toContain('新建 2 个')
    expect($('[data-test="import-errors-file"]')?.getAttribute('href')).toBe('/api/v1/customers/imports/7/errors.csv')
    expect(w.emitted('imported')?.[0]).toEqual([STORED])
    w.unmount()
  })

  it('refuses a file over 50 MB or not a CSV before sending it', async () => {
    const w = mountWith(ImportDialog)
    await settle()
    const pick = (w.vm as unknown as { pickFile: (f: File) => void }).pickFile
    pick({ name: '大文件.csv', size: 50 * 1024 * 1024 + 1 } as File)
    await settle()
    expect($('[data-test="import-file-error"]')?.textContent).toContain('50 MB')
    expect($('.el-message')?.textContent).toContain('50 MB')
    expect($('[data-test="import-check"]')?.hasAttribute('disabled')).toBe(true)
    pick({ name: '客户.xlsx', size: 100 } as File)
    await settle()
    expect($('[data-test="import-file-error"]')?.textContent).toContain('.csv')
    expect(upload).not.toHaveBeenCalled()
    w.unmount()
  })

  it('shows a refused import (422) with its report and offers the choice again', async () => {
    const clean = { ...CHECKED, invalid: 0, errors: [] }
    upload
      .mockResolvedValueOnce({ status: 200, report: clean, refused: null })
      .mockResolvedValueOnce({ status: 422, report: { ...CHECKED, dry_run: false }, refused: new ApiError(422, { code: 'validation_failed', message: '有 1 行有误，未导入任何数据' }) })
    const w = mountWith(ImportDialog, 'manager')
    await settle()
    // a lead may choose the owner
    expect($('[data-test="import-owner"]')).not.toBeNull()
    ;(w.vm as unknown as { pickFile: (f: File) => void }).pickFile(csv())
    await settle()
    $('[data-test="import-check"]')!.click()
    await settle()
    expect($('[data-test="import-all-valid"]')?.textContent).toContain('3 行')
    $('[data-test="import-run"]')!.click()
    await settle()
    expect(upload.mock.calls[1][2]).toEqual({ dryRun: false, validRows: false, withOwner: true })
    expect($('[data-test="import-refused"]')?.textContent).toContain('有 1 行有误')
    expect($('[data-test="import-errors"]')?.textContent).toContain('第 3 行')
    expect($('[data-test="import-valid"]')).not.toBeNull()
    expect(w.emitted('imported')).toBeUndefined()
    w.unmount()
  })

  it('says why when the server refuses the file without a report', async () => {
    upload.mockRejectedValueOnce(new ApiError(413, { code: 'too_large', message: '文件超过 50 MB' }))
    const w = mountWith(ImportDialog)
    await settle()
    ;(w.vm as unknown as { pickFile: (f: File) => void }).pickFile(csv())
    await settle()
    $('[data-test="import-check"]')!.click()
    await settle()
    expect($('[data-test="import-error"]')?.textContent).toContain('文件超过 50 MB')
    expect($('[data-test="import-step-check"]')).toBeNull()
    w.unmount()
  })
})

describe('ImportHistoryDrawer', () => {
  const ITEMS = [
    { id: 9, at: '2027-02-01T01:00:00Z', user_id: 1, user_name: '李娜', rows: 3, created: 2, updated: 0, skipped: 0, invalid: 1, duplicate_key: 'name', mode: 'skip', undone_at: null, can_undo: true, version: 1 },
    { id: 8, at: '2027-01-30T01:00:00Z', user_id: 1, user_name: '李娜', rows: 5, created: 5, updated: 0, skipped: 0, invalid: 0, duplicate_key: 'credit_code', mode: 'overwrite', undone_at: '2027-01-31T01:00:00Z', can_undo: false, version: 2 },
  ]

  async function confirmBox() {
    await settle()
    const box = $('.el-message-box')
    expect(box?.textContent).toContain('2 个客户')
    ;(box!.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
    await settle()
  }

  it('lists past imports and undoes the one that can be undone', async () => {
    history.mockResolvedValue({ items: ITEMS, total: 2 })
    undo.mockResolvedValueOnce({})
    const w = mountWith(ImportHistoryDrawer)
    await settle()
    const rows = $$('[data-test="import-history-table"] .el-table__body-wrapper .el-table__row')
    expect(rows).toHaveLength(2)
    expect(rows[0].textContent).toContain('跳过')
    expect(rows[1].textContent).toContain('已撤销')
    expect($$('[data-test="import-history-undo"]')).toHaveLength(1)
    expect($('[data-test="import-history-errors"]')?.getAttribute('href')).toBe('/api/v1/customers/imports/9/errors.csv')
    $('[data-test="import-history-undo"]')!.click()
    await confirmBox()
    expect(undo).toHaveBeenCalledWith(expect.objectContaining({ id: 9, version: 1 }))
    expect(w.emitted('undone')?.[0]?.[0]).toMatchObject({ id: 9 })
    expect(history).toHaveBeenCalledTimes(2)
    w.unmount()
  })

  it('on 409 says why and reloads the list', async () => {
    history.mockResolvedValueOnce({ items: ITEMS, total: 2 }).mockResolvedValueOnce({ items: [{ ...ITEMS[0], can_undo: false }], total: 1 })
    undo.mockRejectedValueOnce(new ApiError(409, { code: 'conflict', message: '这次导入之后已有新的导入，不能撤销' }))
    const w = mountWith(ImportHistoryDrawer)
    await settle()
    $('[data-test="import-history-undo"]')!.click()
    await confirmBox()
    expect($('.el-message')?.textContent).toContain('不能撤销')
    expect(history).toHaveBeenCalledTimes(2)
    expect($$('[data-test="import-history-undo"]')).toHaveLength(0)
    expect(w.emitted('undone')).toBeUndefined()
    w.unmount()
  })
})
