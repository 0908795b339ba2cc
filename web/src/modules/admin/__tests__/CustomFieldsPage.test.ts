import { afterEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n } from '@/app/i18n'

const list = vi.fn()
const create = vi.fn()
vi.mock('../api', () => ({
  customFieldsApi: {
    list: (...a: unknown[]) => list(...a),
    create: (...a: unknown[]) => create(...a),
  },
}))

import CustomFieldsPage from '../pages/CustomFieldsPage.vue'

const FIELD = { id: 1, key: 'grade_source', label: '客户等级来源', type: 'select', options: ['展会评定', '老客户转介绍'], version: 1 }

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
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

type PageVm = { dlg: { form: { key: string; label: string; type: string; options: string[] } }; save: () => Promise<void>; openAdd: () => void }

async function mountPage() {
  const w = mount(CustomFieldsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
  await settle()
  return w
}

afterEach(() => {
  list.mockReset()
  create.mockReset()
  document.body.innerHTML = ''
})

describe('CustomFieldsPage', () => {
  it('lists the fields with their type and options', async () => {
    list.mockResolvedValue([FIELD])
    const w = await mountPage()
    const row = $('[data-test="fields-table"] .el-table__body').text()
    expect(row).toContain('grade_source')
    expect(row).toContain('客户等级来源')
    expect(row).toContain('下拉选择')
    expect(row).toContain('老客户转介绍')
    w.unmount()
  })

  it('shows the server errors next to the key: bad format (422) and an existing key (409)', async () => {
    list.mockResolvedValue([])
    create
      .mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { key: '键名须以小写字母开头' } }))
      .mockRejectedValueOnce(new ApiError(409, { code: 'already_exists', message: '该自定义字段已存在', fields: { key: '该自定义字段已存在' } }))
    const w = await mountPage()
    await $('[data-test="field-add"]').trigger('click')
    await settle()
    await $('input[data-test="field-key"]').setValue('GradeSource')
    await $('input[data-test="field-label"]').setValue('客户等级来源')
    await $('[data-test="field-save"]').trigger('click')
    await settle()
    expect(create).toHaveBeenCalledWith({ key: 'GradeSource', label: '客户等级来源', type: 'text' })
    const keyItem = () => document.body.querySelector('[data-test="field-key"]')!.closest('.el-form-item')!
    expect(keyItem().querySelector('.el-form-item__error')?.textContent).toContain('键名须以小写字母开头')

    await $('input[data-test="field-key"]').setValue('grade_source')
    await $('[data-test="field-save"]').trigger('click')
    await settle()
    expect(keyItem().querySelector('.el-form-item__error')?.textContent).toContain('该自定义字段已存在')
    expect($('[data-test="field-form-error"]').text()).toContain('该自定义字段已存在')
    w.unmount()
  })

  it('sends the options of a select field (trimmed, without blanks and repeats) and reloads the list', async () => {
    list.mockResolvedValueOnce([]).mockResolvedValueOnce([FIELD])
    create.mockResolvedValueOnce(FIELD)
    const w = await mountPage()
    const vm = w.vm as unknown as PageVm
    vm.openAdd()
    Object.assign(vm.dlg.form, { key: ' grade_source ', label: '客户等级来源', type: 'select', options: ['展会评定', ' 老客户转介绍 ', '', '展会评定'] })
    await vm.save()
    await settle()
    expect(create).toHaveBeenCalledWith({ key: 'grade_source', label: '客户等级来源', type: 'select', options: ['展会评定', '老客户转介绍'] })
    expect(list).toHaveBeenCalledTimes(2)
    expect($('[data-test="fields-table"] .el-table__body').text()).toContain('grade_source')
    w.unmount()
  })

  it('asks for at least one option before sending a select field', async () => {
    list.mockResolvedValue([])
    const w = await mountPage()
    const vm = w.vm as unknown as PageVm
    vm.openAdd()
    Object.assign(vm.dlg.form, { key: 'level', label: '级别', type: 'select', options: [] })
    await vm.save()
    await settle()
    expect(create).not.toHaveBeenCalled()
    const optionsItem = document.body.querySelector('[data-test="field-options"]')!.closest('.el-form-item')!
    expect(optionsItem.querySelector('.el-form-item__error')?.textContent).toContain('至少需要一个选项')
    w.unmount()
  })
})
