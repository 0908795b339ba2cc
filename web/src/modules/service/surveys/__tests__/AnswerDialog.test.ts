import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { AnswerDraft } from '../answers'
import type { Invitation } from '../types'

const answer = vi.fn()
const getInvitation = vi.fn()
vi.mock('../api', () => ({
  templatesApi: {
    get: () => Promise.resolve({ id: 1, questions: [
      { key: 'overall', text: '整体是否满意？', type: 'score5', required: true },
      { key: 'nps', text: '是否愿意推荐？', type: 'nps', required: true },
      { key: 'suggestions', text: '建议', type: 'text', required: false },
    ] }),
  },
  invitationsApi: { answer: (...a: unknown[]) => answer(...a), get: (...a: unknown[]) => getInvitation(...a) },
}))

import AnswerDialog from '../components/AnswerDialog.vue'

const invitation: Invitation = {
  id: 71, template_id: 1, template_name: '客户满意度调查', customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', contact_id: 31, contact_name: '孙总',
  complaint_id: null, channel: 'phone', status: 'pending', expires_at: null, answered_at: null, answered_via: null, answered_by: null,
  answered_by_name: null, owner_id: 4, owner_name: '李娜', team_id: 1, team_name: '华南事业部', version: 1, created_by: 18,
  created_by_name: '罗晓燕', created_at: '2027-02-01T02:00:00Z', updated_at: '2027-02-01T02:00:00Z',
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

type Vm = { draft: AnswerDraft; errors: Record<string, string>; generalError: string; submit: () => Promise<void> }

afterEach(() => {
  answer.mockReset()
  getInvitation.mockReset()
  document.body.innerHTML = ''
})

describe('AnswerDialog (a phone survey)', () => {
  it('records the answers with the version read; answered meanwhile says so and stops', async () => {
    setLocale('zh-CN')
    const w = mount(AnswerDialog, { props: { modelValue: true, invitation }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await settle()
    const vm = w.vm as unknown as Vm
    expect(document.querySelectorAll('[data-test^="question-"]').length).toBe(3)
    await vm.submit()
    expect(answer).not.toHaveBeenCalled()
    expect(Object.keys(vm.errors)).toEqual(['overall', 'nps'])

    ;(document.querySelector('[data-test="q-overall-5"]') as HTMLElement).click()
    ;(document.querySelector('[data-test="q-nps-8"]') as HTMLElement).click()
    await settle()
    answer.mockRejectedValueOnce(new ApiError(409, { code: 'already_exists', message: '已填写', extra: { reason: 'already_answered' } }))
    getInvitation.mockResolvedValueOnce({ ...invitation, status: 'answered', version: 2 })
    await vm.submit()
    await settle()
    expect(answer).toHaveBeenCalledWith(71, { answers: { overall: 5, nps: 8 }, version: 1 })
    expect(vm.generalError).toBe(i18n.global.t('surveys.answer.answeredMeanwhile'))
    expect((document.querySelector('[data-test="answer-save"]') as HTMLButtonElement).disabled).toBe(true)
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ status: 'answered' })
    w.unmount()
  })
})
