import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { PublicDraft } from '../publicForm'
import type { PublicComplaintReply } from '../types'

const create = vi.fn()
const categories = vi.fn()
vi.mock('../api', () => ({ publicComplaintsApi: { create: (...a: unknown[]) => create(...a), categories: () => categories() } }))

import PublicComplaintPage from '../pages/PublicComplaintPage.vue'

type Vm = { draft: PublicDraft; errors: Record<string, string>; generalError: string; done: PublicComplaintReply | null; submit: () => Promise<void> }
const mountPage = () =>
  mount(PublicComplaintPage, {
    global: { plugins: [i18n, ElementPlus], stubs: { 'router-link': { props: ['to'], template: '<a :href="to" data-test="public-status-link"><slot /></a>' } } },
    attachTo: document.body,
  })

describe('the public complaint form', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    create.mockReset()
    categories.mockReset()
    document.body.innerHTML = ''
  })

  it('offers the five seeded categories without a session, in the chosen language', async () => {
    const w = mountPage()
    await flushPromises()
    expect(categories).not.toHaveBeenCalled()
    const labels = () => [...document.querySelectorAll('[data-test="public-category"] .el-radio__label')].map((e) => e.textContent?.trim())
    expect(labels()).toEqual(['产品质量', '物流配送', '服务态度', '账务结算', '其他'])
    setLocale('zh-TW')
    await flushPromises()
    expect(labels()).toEqual(['產品品質', '物流配送', '服務態度', '帳務結算', '其他'])
    w.unmount()
  })

  it('checks before sending: a name, a phone or e-mail, the category and the text', async () => {
    const w = mountPage()
    await flushPromises()
    const vm = w.vm as unknown as Vm
    await vm.submit()
    expect(create).not.toHaveBeenCalled()
    expect(vm.errors).toEqual({ name: '此项为必填', phone: '请填写手机或邮箱', category: '此项为必填', description: '此项为必填' })
    vm.draft.description = '投'.repeat(5001)
    await flushPromises()
    expect(document.querySelector('[data-test="public-counter"]')?.textContent?.trim()).toBe('5001 / 5000')
    expect(document.querySelector('[data-test="public-counter"]')?.classList.contains('over')).toBe(true)
    w.unmount()
  })

  it('sends the body and shows the reference and the status link', async () => {
    const w = mountPage()
    await flushPromises()
    const vm = w.vm as unknown as Vm
    Object.assign(vm.draft, { name: ' 张先生 ', company: '张记汽修', phone: '13800138000', category: 'delivery', description: '说好三天到货，一周了还没到' })
    create.mockResolvedValue({ reference: 'TS-20270201-0003', status: 'received', first_response_due: '2027-02-02T02:00:00Z', token: 'abc', status_path: '/complaint-status/TS-20270201-0003?token=abc' })
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({ name: '张先生', company: '张记汽修', phone: '13800138000', category: 'delivery', description: '说好三天到货，一周了还没到' })
    expect(document.querySelector('[data-test="public-reference"]')?.textContent).toBe('TS-20270201-0003')
    expect((document.querySelector('input[data-test="public-status-url"]') as HTMLInputElement).value).toBe(`${location.origin}/complaint-status/TS-20270201-0003?token=abc`)
    expect(document.querySelector('[data-test="public-status-link"]')?.getAttribute('href')).toBe('/complaint-status/TS-20270201-0003?token=abc')
    w.unmount()
  })

  it('too many from one address (429) says try later; 422 puts the errors on the fields', async () => {
    const w = mountPage()
    await flushPromises()
    const vm = w.vm as unknown as Vm
    Object.assign(vm.draft, { name: '张先生', email: 'zhang@example.com', category: 'other', description: '问题' })
    create.mockRejectedValueOnce(new ApiError(429, { code: 'rate_limited', message: 'Too many' }))
    await vm.submit()
    expect(vm.generalError).toBe('提交次数过多，请稍后再试。')
    create.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { email: '邮箱格式不正确', category: '无效的选项' } }))
    await vm.submit()
    expect(vm.errors).toEqual({ email: '邮箱格式不正确', category: '无效的选项' })
    expect(vm.done).toBeNull()
    w.unmount()
  })
})
