import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { TemplateDraft } from '../questionBuilder'
import type { SurveyResults, SurveyTemplate } from '../types'

const copy = vi.fn()
const create = vi.fn()
const update = vi.fn()
const invite = vi.fn()
vi.mock('../api', () => ({
  templatesApi: {
    copy: (...a: unknown[]) => copy(...a),
    create: (...a: unknown[]) => create(...a),
    update: (...a: unknown[]) => update(...a),
    get: () => Promise.resolve(null),
    list: () => Promise.resolve({ items: [tpl({ id: 1, is_default: true }), tpl({ id: 2, name: '季度回访' })], total: 2 }),
  },
  invitationsApi: { create: (...a: unknown[]) => invite(...a) },
}))
vi.mock('@/modules/customers/api', () => ({
  customersApi: {
    get: () => Promise.resolve({ id: 7, name: '深圳市张伟润滑油有限公司', contacts: [
      { id: 31, name: '孙总', title: '总经理', left_company: false, is_primary: true },
      { id: 32, name: '老王', left_company: true, is_primary: false },
    ] }),
  },
}))
vi.mock('@/modules/sales/api', () => ({ salesApi: { searchCustomers: () => Promise.resolve([]) } }))

import KpiCards from '../components/KpiCards.vue'
import TemplateBuilderDialog from '../components/TemplateBuilderDialog.vue'
import SendSurveyDialog from '../components/SendSurveyDialog.vue'

function tpl(over: Partial<SurveyTemplate> = {}): SurveyTemplate {
  return {
    id: 1, name: '客户满意度调查', description: null, active: true, is_default: false,
    questions: [
      { key: 'overall', text: '整体是否满意？', type: 'score5', required: true },
      { key: 'nps', text: '是否愿意推荐？', type: 'nps', required: true },
    ],
    copied_from: null, in_use: false, invitations: 0, responses: 0, version: 1, created_by: null, created_by_name: null,
    created_at: '2027-01-01T00:00:00Z', updated_at: '2027-01-01T00:00:00Z', ...over,
  }
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

afterEach(() => {
  for (const f of [copy, create, update, invite]) f.mockReset()
  document.body.innerHTML = ''
})

describe('KpiCards', () => {
  const base: SurveyResults = {
    responses: 42, satisfaction_pct: 91.3, score5_answers: 168, satisfied_answers: 153, nps: 35.7, nps_answers: 42, promoters: 21,
    passives: 15, detractors: 6, target_pct: 90, met: true, by_question: [], by_manager: [], by_team: [], by_month: [],
  }
  it('is green when the target is met, red when not, grey without answers', async () => {
    setLocale('zh-CN')
    const w = mount(KpiCards, { props: { results: base }, global: { plugins: [i18n, ElementPlus] } })
    const sat = () => w.find('[data-test="kpi-satisfaction"]')
    expect(sat().attributes('data-tone')).toBe('success')
    expect(sat().classes()).toContain('tone-success')
    expect(sat().text()).toContain('91.3%')
    expect(sat().text()).toContain('目标 90%')
    expect(w.find('[data-test="kpi-met"]').text()).toBe('达标')
    expect(w.find('[data-test="kpi-nps"]').text()).toContain('+35.7')

    await w.setProps({ results: { ...base, satisfaction_pct: 89.9, met: false, nps: -5 } })
    expect(sat().attributes('data-tone')).toBe('danger')
    expect(w.find('[data-test="kpi-met"]').text()).toBe('未达标')
    expect(w.find('[data-test="kpi-nps"]').attributes('data-tone')).toBe('danger')

    await w.setProps({ results: { ...base, responses: 0, satisfaction_pct: null, met: false, nps: null } })
    expect(sat().attributes('data-tone')).toBe('info')
    expect(sat().text()).toContain('—')
    expect(w.find('[data-test="kpi-met"]').exists()).toBe(false)
  })
})

describe('TemplateBuilderDialog', () => {
  type Vm = { draft: TemplateDraft; errors: Record<string, string>; submit: () => Promise<void>; copy: () => Promise<void> }

  it('builds a template: add, reorder, options for a choice question, and the body', async () => {
    setLocale('zh-CN')
    const w = mount(TemplateBuilderDialog, { props: { modelValue: true }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    expect(vm.draft.questions).toHaveLength(1)
    vm.draft.name = '季度回访'
    vm.draft.questions[0].text = '整体是否满意？'
    ;(document.querySelector('[data-test="qb-add"]') as HTMLElement).click()
    await flushPromises()
    expect(vm.draft.questions.map((q) => q.key)).toEqual(['q1', 'q2'])
    vm.draft.questions[1].type = 'single'
    vm.draft.questions[1].options = ['电话', '', '微信']
    vm.draft.questions[1].text = '您通常怎样订货？'
    await flushPromises()
    expect(document.querySelector('[data-test="qb-option-1-2"]')).not.toBeNull()
    ;(document.querySelector('[data-test="qb-up-1"]') as HTMLElement).click()
    await flushPromises()
    expect(vm.draft.questions.map((q) => q.key)).toEqual(['q2', 'q1'])

    create.mockResolvedValueOnce(tpl({ id: 9 }))
    await vm.submit()
    await flushPromises()
    expect(create).toHaveBeenCalledWith({
      name: '季度回访', active: true, is_default: false,
      questions: [
        { key: 'q2', text: '您通常怎样订货？', type: 'single', required: true, options: ['电话', '微信'] },
        { key: 'q1', text: '整体是否满意？', type: 'score5', required: true },
      ],
    })
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 9 })
    w.unmount()
  })

  it('shows the server errors on the question rows', async () => {
    setLocale('zh-CN')
    const w = mount(TemplateBuilderDialog, { props: { modelValue: true, template: tpl() }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    vm.draft.questions[1].text = '您有多大可能推荐我们？'
    update.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'questions[1].text': '太长了' } }))
    await vm.submit()
    await settle()
    expect(update).toHaveBeenCalledWith(1, { version: 1, questions: [tpl().questions[0], { ...tpl().questions[1], text: '您有多大可能推荐我们？' }] })
    expect(vm.errors).toEqual({ 'questions[1].text': '太长了' })
    expect(document.querySelector('[data-test="qb-row-1"] .el-form-item__error')?.textContent?.trim()).toBe('太长了')
    w.unmount()
  })

  it('says the questions of a template in use are frozen and offers a copy', async () => {
    setLocale('zh-CN')
    const w = mount(TemplateBuilderDialog, {
      props: { modelValue: true, template: tpl({ in_use: true, invitations: 12 }) },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await settle()
    expect(document.querySelector('[data-test="builder-frozen"]')?.textContent).toContain('已经发出 12 次')
    expect(document.querySelector('[data-test="qb-add"]')).toBeNull()
    expect((document.querySelector('textarea[data-test="qb-text-0"]') as HTMLTextAreaElement).disabled).toBe(true)
    const vm = w.vm as unknown as Vm
    vm.draft.name = '客户满意度调查（旧版）'
    update.mockResolvedValueOnce(tpl({ name: '客户满意度调查（旧版）', in_use: true, version: 2 }))
    await vm.submit()
    expect(update).toHaveBeenCalledWith(1, { version: 1, name: '客户满意度调查（旧版）' })

    copy.mockResolvedValueOnce(tpl({ id: 5, name: '客户满意度调查（副本）', copied_from: 1 }))
    ;(document.querySelector('[data-test="builder-copy"]') as HTMLElement).click()
    await settle()
    expect(copy).toHaveBeenCalledWith(1)
    expect(w.emitted('copied')?.[0]?.[0]).toMatchObject({ id: 5 })
    w.unmount()
  })

  it('is read-only for those who may not edit templates', async () => {
    setLocale('zh-CN')
    const w = mount(TemplateBuilderDialog, { props: { modelValue: true, template: tpl(), readonly: true }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    expect(document.querySelector('[data-test="builder-save"]')).toBeNull()
    expect(document.querySelector('[data-test="qb-add"]')).toBeNull()
    await (w.vm as unknown as Vm).submit()
    expect(update).not.toHaveBeenCalled()
    w.unmount()
  })
})

describe('SendSurveyDialog', () => {
  type Vm = { form: { template_id: number | null; customer_id: number | null; contact_id: number | null; channel: string }; link: { url: string } | null; submit: () => Promise<void> }

  it('sends a link and shows its address once; a phone survey goes to the answer form', async () => {
    setLocale('zh-CN')
    const w = mount(SendSurveyDialog, {
      props: { modelValue: true, customer: { id: 7, name: '深圳市张伟润滑油有限公司' } },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await settle()
    const vm = w.vm as unknown as Vm
    // the default template, the primary contact still there
    expect(vm.form).toMatchObject({ template_id: 1, customer_id: 7, contact_id: 31, channel: 'link' })
    invite.mockResolvedValueOnce({ id: 70, channel: 'link', customer_name: '深圳市张伟润滑油有限公司', path: '/survey?token=abc', token: 'abc', expires_at: '2027-03-03T01:00:00Z' })
    await vm.submit()
    await settle()
    expect(invite).toHaveBeenCalledWith({ template_id: 1, customer_id: 7, contact_id: 31, channel: 'link' })
    expect(vm.link?.url).toBe(`${location.origin}/survey?token=abc`)
    expect((document.querySelector('input[data-test="survey-link-url"]') as HTMLInputElement).value).toBe(`${location.origin}/survey?token=abc`)
    expect(w.emitted('phone')).toBeUndefined()
    w.unmount()

    const w2 = mount(SendSurveyDialog, {
      props: { modelValue: true, customer: { id: 7, name: '深圳市张伟润滑油有限公司' } },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await settle()
    const vm2 = w2.vm as unknown as Vm
    vm2.form.channel = 'phone'
    vm2.form.contact_id = null
    vm2.form.template_id = 2
    invite.mockResolvedValueOnce({ id: 71, channel: 'phone', customer_name: '深圳市张伟润滑油有限公司', template_id: 2, version: 1 })
    await vm2.submit()
    await settle()
    expect(invite).toHaveBeenLastCalledWith({ template_id: 2, customer_id: 7, channel: 'phone' })
    expect(w2.emitted('phone')?.[0]?.[0]).toMatchObject({ id: 71 })
    expect(w2.emitted('update:modelValue')?.at(-1)).toEqual([false])
    w2.unmount()
  })
})
