import { afterEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n } from '@/app/i18n'

const create = vi.fn()
const fields = vi.fn(() => Promise.resolve({ items: [] as unknown[] }))
vi.mock('../api', () => ({
  customersApi: {
    create: (...a: unknown[]) => create(...a),
    update: vi.fn(),
    get: vi.fn(),
    fields: () => fields(),
  },
  lookupApi: {
    regionTree: () => Promise.resolve([]),
    users: () => Promise.resolve([]),
  },
}))

import CustomerFormDialog from '../components/CustomerFormDialog.vue'

function mountDialog() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div/>' } }, { path: '/customers/:id', name: 'customer', component: { template: '<div/>' } }] })
  return mount(CustomerFormDialog, {
    props: { modelValue: true, customer: null },
    global: { plugins: [createPinia(), i18n, ElementPlus, router] },
    attachTo: document.body,
  })
}

/** The dialog is teleported to <body>, so look there. */
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
  // el-form-item shows its message after a short debounce
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

afterEach(() => {
  create.mockReset()
  fields.mockReset()
  fields.mockImplementation(() => Promise.resolve({ items: [] }))
  document.body.innerHTML = ''
})

describe('CustomerFormDialog', () => {
  it('shows a server field error next to the form item', async () => {
    create.mockRejectedValueOnce(
      new ApiError(422, {
        code: 'validation_failed',
        message: '请检查输入',
        fields: { credit_code: '统一社会信用代码校验位错误', 'contacts[0].mobile': '手机号应为 11 位' },
      }),
    )
    const w = mountDialog()
    await settle()
    await $('input[data-test=\"field-name\"]').setValue('深圳市张伟润滑油有限公司')
    await $('input[data-test=\"field-credit-code\"]').setValue('91440300MA5XXXXXX1')
    await $('input[data-test=\"contact-name\"]').setValue('张伟')
    await $('input[data-test=\"contact-mobile\"]').setValue('1380013800')
    await $('[data-test="form-save"]').trigger('click')
    await settle()

    expect(create).toHaveBeenCalledTimes(1)
    const body = create.mock.calls[0][0]
    expect(body.name).toBe('深圳市张伟润滑油有限公司')
    expect(body.contacts[0]).toMatchObject({ name: '张伟', mobile: '1380013800' })

    const creditItem = document.body.querySelector('[data-test="field-credit-code"]')!.closest('.el-form-item')!
    expect(creditItem.classList.contains('is-error')).toBe(true)
    expect(creditItem.querySelector('.el-form-item__error')?.textContent).toContain('统一社会信用代码校验位错误')
    const mobileItem = document.body.querySelector('[data-test="contact-mobile"]')!.closest('.el-form-item')!
    expect(mobileItem.querySelector('.el-form-item__error')?.textContent).toContain('手机号应为 11 位')
    expect(document.body.querySelector('[data-test="form-error"]')).not.toBeNull()
    w.unmount()
  })

  it('offers "create anyway" on a duplicate and resends with confirm_duplicate', async () => {
    create
      .mockRejectedValueOnce(
        new ApiError(409, { code: 'duplicate', message: '可能重复', matches: [{ id: 5, name: '<img src=x onerror=alert(1)>', reason: 'name' }] }),
      )
      .mockResolvedValueOnce({ id: 6, name: 'x' })
    const w = mountDialog()
    await settle()
    await $('input[data-test=\"field-name\"]').setValue('张伟贸易')
    await $('[data-test="form-save"]').trigger('click')
    await settle()
    const dup = $('[data-test="duplicates"]')
    // customer-supplied text is shown as text, never as markup
    expect(dup.text()).toContain('<img src=x onerror=alert(1)>')
    expect(dup.find('img').exists()).toBe(false)
    await $('[data-test="create-anyway"]').trigger('click')
    await settle()
    expect(create).toHaveBeenCalledTimes(2)
    expect(create.mock.calls[1][0].confirm_duplicate).toBe(true)
    expect(w.emitted('saved')?.[0]).toEqual([{ id: 6, name: 'x' }])
    w.unmount()
  })

  it('renders custom fields by type and sends their values in `custom`', async () => {
    fields.mockImplementation(() =>
      Promise.resolve({
        items: [
          { key: 'remark_code', label: '内部编码', type: 'text' },
          { key: 'employees', label: '员工人数', type: 'number' },
          { key: 'signed_on', label: '签约日期', type: 'date' },
          { key: 'grade_source', label: '客户等级来源', type: 'select', options: ['展会评定', '老客户转介绍'] },
        ],
      }),
    )
    create.mockResolvedValueOnce({ id: 7, name: 'x' })
    const w = mountDialog()
    await settle()
    const item = (label: string) => {
      const el = [...document.body.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent?.trim() === label)
      if (!el) throw new Error(`no form item ${label}`)
      return el
    }
    expect(item('内部编码').querySelector('input.el-input__inner')).not.toBeNull()
    expect(item('员工人数').querySelector('.el-input-number')).not.toBeNull()
    expect(item('签约日期').querySelector('.el-date-editor')).not.toBeNull()
    expect(item('客户等级来源').querySelector('.el-select')).not.toBeNull()
    // the select offers the defined options
    await new DOMWrapper(item('客户等级来源').querySelector('.el-select__wrapper')!).trigger('click')
    await settle()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(expect.arrayContaining(['展会评定', '老客户转介绍']))

    await $('input[data-test="field-name"]').setValue('杭州西湖龙井茶业有限公司')
    await new DOMWrapper(item('内部编码').querySelector('input')!).setValue('HZ-001')
    const model = (w.vm as unknown as { model: { custom: Record<string, unknown> } }).model
    Object.assign(model.custom, { employees: 120, signed_on: '2026-03-01', grade_source: '老客户转介绍' })
    await $('[data-test="form-save"]').trigger('click')
    await settle()
    expect(create).toHaveBeenCalledTimes(1)
    expect(create.mock.calls[0][0].custom).toEqual({ remark_code: 'HZ-001', employees: 120, signed_on: '2026-03-01', grade_source: '老客户转介绍' })
    w.unmount()
  })
})
