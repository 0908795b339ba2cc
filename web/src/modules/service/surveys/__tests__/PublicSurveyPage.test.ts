import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { AnswerDraft } from '../answers'
import type { PublicSurvey } from '../types'

const get = vi.fn()
const answer = vi.fn()
vi.mock('../api', () => ({ publicSurveyApi: { get: (...a: unknown[]) => get(...a), answer: (...a: unknown[]) => answer(...a) } }))

import PublicSurveyPage from '../pages/PublicSurveyPage.vue'

const survey: PublicSurvey = {
  survey: { name: '客户满意度调查', description: '感谢您与我们合作！' },
  customer_name: '深圳市张伟润滑油有限公司',
  questions: [
    { key: 'overall', text: '您对我们的整体服务是否满意？', type: 'score5', required: true },
    { key: 'nps', text: '您有多大可能把我们推荐给朋友或同行？', type: 'nps', required: true },
    { key: 'topics', text: '您关心哪些方面？', type: 'multiple', required: false, options: ['价格', '质量'] },
    { key: 'suggestions', text: '您对我们还有哪些意见或建议？', type: 'text', required: false },
  ],
  expires_at: '2027-03-03T01:00:00Z',
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function mountPage(query = '?token=tok-123') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/survey', name: 'public-survey', component: { template: '<div/>' } }] })
  await router.push(`/survey${query}`)
  await router.isReady()
  const w = mount(PublicSurveyPage, { global: { plugins: [i18n, ElementPlus, router] }, attachTo: document.body })
  await settle()
  return w
}

type Vm = { state: string; draft: AnswerDraft; errors: Record<string, string>; formError: string; submit: () => Promise<void> }
const click = (sel: string) => (document.querySelector(sel) as HTMLElement).click()

afterEach(() => {
  get.mockReset()
  answer.mockReset()
  document.body.innerHTML = ''
})

describe('PublicSurveyPage', () => {
  it('checks the required questions, then sends the answers once and thanks', async () => {
    setLocale('zh-CN')
    get.mockResolvedValueOnce(survey)
    const w = await mountPage()
    expect(get).toHaveBeenCalledWith('tok-123')
    const vm = w.vm as unknown as Vm
    expect(document.querySelector('[data-test="survey-customer"]')?.textContent).toContain('深圳市张伟润滑油有限公司')
    // eleven NPS buttons, five score buttons
    expect(document.querySelectorAll('[data-test="q-input-nps"] button')).toHaveLength(11)
    expect(document.querySelectorAll('[data-test="q-input-overall"] button')).toHaveLength(5)

    click('[data-test="survey-submit"]')
    await settle()
    expect(answer).not.toHaveBeenCalled()
    expect(vm.errors).toEqual({ overall: '请回答这个问题', nps: '请回答这个问题' })
    expect(document.querySelector('[data-test="question-error-overall"]')?.textContent).toBe('请回答这个问题')

    click('[data-test="q-overall-4"]')
    click('[data-test="q-nps-9"]')
    await settle()
    expect(vm.errors).toEqual({})
    expect(document.querySelector('[data-test="q-nps-9"]')?.getAttribute('aria-checked')).toBe('true')
    vm.draft.topics = ['质量', '价格']
    vm.draft.suggestions = '  交货再快一点  '
    answer.mockResolvedValueOnce({ status: 'answered', answers: 4 })
    await vm.submit()
    await settle()
    expect(answer).toHaveBeenCalledWith('tok-123', { overall: 4, nps: 9, topics: ['价格', '质量'], suggestions: '交货再快一点' })
    expect(vm.state).toBe('thanks')
    expect(document.querySelector('[data-test="survey-thanks"]')).not.toBeNull()
    w.unmount()
  })

  it('says a link answered already, a link unknown or expired, and too many tries', async () => {
    setLocale('zh-CN')
    get.mockRejectedValueOnce(new ApiError(409, { code: 'already_exists', message: '已填写', extra: { reason: 'already_answered' } }))
    let w = await mountPage()
    expect(document.querySelector('[data-test="survey-answered"]')?.textContent).toContain('这份问卷已经填写过了')
    w.unmount()

    get.mockRejectedValueOnce(new ApiError(404, { code: 'not_found', message: '记录不存在' }))
    w = await mountPage()
    expect(document.querySelector('[data-test="survey-invalid"]')?.textContent).toContain('链接无效或已过期')
    w.unmount()

    // no token at all: no call
    w = await mountPage('')
    expect(get).toHaveBeenCalledTimes(2)
    expect((w.vm as unknown as Vm).state).toBe('invalid')
    w.unmount()

    get.mockResolvedValueOnce(survey)
    w = await mountPage()
    const vm = w.vm as unknown as Vm
    Object.assign(vm.draft, { overall: 5, nps: 10 })
    answer.mockRejectedValueOnce(new ApiError(429, { code: 'rate_limited', message: 'too many' }))
    await vm.submit()
    await settle()
    expect(vm.state).toBe('form')
    expect(vm.formError).toBe(i18n.global.t('surveys.public.tooMany'))
    // the server names a problem of one answer
    answer.mockRejectedValueOnce(new ApiError(422, { code: 'validation_failed', message: '输入有误', fields: { 'answers.nps': '应在 0 到 10 之间' } }))
    await vm.submit()
    await settle()
    expect(vm.errors).toEqual({ nps: '应在 0 到 10 之间' })
    // answered in another tab meanwhile
    answer.mockRejectedValueOnce(new ApiError(409, { code: 'already_exists', message: '已填写', extra: { reason: 'already_answered' } }))
    await vm.submit()
    await settle()
    expect(vm.state).toBe('answered')
    w.unmount()
  })

  it('speaks the language chosen', async () => {
    setLocale('zh-TW')
    get.mockResolvedValueOnce(survey)
    const w = await mountPage()
    expect(document.querySelector('[data-test="survey-submit"]')?.textContent?.trim()).toBe('送出')
    setLocale('en')
    await settle()
    expect(document.querySelector('[data-test="survey-submit"]')?.textContent?.trim()).toBe('Submit')
    setLocale('zh-CN')
    w.unmount()
  })
})
