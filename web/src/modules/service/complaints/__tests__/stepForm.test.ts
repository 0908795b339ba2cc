import { describe, expect, it } from 'vitest'
import { emptyDraft, splitFieldErrors, stepBody, stepButtons, type StepDraft } from '../stepForm'
import type { Step } from '../types'

const msg = { required: 'required', tooLong: (n: number) => `max ${n}`, dueInPast: 'past' }
const TODAY = '2027-02-10'
const draft = (step: Step, over: Partial<StepDraft> = {}): StepDraft => ({ ...emptyDraft(step), ...over })

describe('stepBody: what each step sends', () => {
  it.each<[Step, Partial<StepDraft>, Record<string, unknown>]>([
    ['accept', {}, { version: 3 }],
    ['accept', { note: '  已电话联系客户 ' }, { version: 3, note: '已电话联系客户' }],
    ['investigate', {}, { version: 3 }],
    ['propose', { resolution_plan: ' 换货并承担运费 ' }, { version: 3, resolution_plan: '换货并承担运费' }],
    ['approve', { note: '同意' }, { version: 3, note: '同意' }],
    ['send_back', { note: '先查清批次' }, { version: 3, note: '先查清批次' }],
    ['start', {}, { version: 3 }],
    ['inform', { result_note: '已更换两桶机油' }, { version: 3, result_note: '已更换两桶机油' }],
    ['rate', { satisfaction: 4 }, { version: 3, satisfaction: 4 }],
    ['rate', { satisfaction: 2, satisfaction_note: '到货太慢' }, { version: 3, satisfaction: 2, satisfaction_note: '到货太慢' }],
    ['reject', { note: '不属于我司产品' }, { version: 3, note: '不属于我司产品' }],
    ['reopen', { note: '客户再次反映' }, { version: 3, note: '客户再次反映' }],
    [
      'close',
      { root_cause: 'product_quality', root_cause_text: '灌装封口温度不足', resolution: '换货', prevention_action: '每班点检封口温度', prevention_owner_id: 7, prevention_due: '2027-03-01' },
      { version: 3, root_cause: 'product_quality', root_cause_text: '灌装封口温度不足', resolution: '换货', prevention_action: '每班点检封口温度', prevention_owner_id: 7, prevention_due: '2027-03-01' },
    ],
  ])('%s %o', (step, over, body) => {
    const r = stepBody(step, draft(step, over), 3, TODAY, msg)
    expect(r.errors).toEqual({})
    expect(r.body).toEqual(body)
  })

  it.each<[Step, Partial<StepDraft>, Record<string, string>]>([
    ['reject', { note: '   ' }, { note: 'required' }],
    ['send_back', {}, { note: 'required' }],
    ['reopen', {}, { note: 'required' }],
    ['propose', {}, { resolution_plan: 'required' }],
    ['inform', {}, { result_note: 'required' }],
    ['rate', {}, { satisfaction: 'required' }],
    ['rate', { satisfaction: 6 }, { satisfaction: 'required' }],
    ['accept', { note: 'x'.repeat(2001) }, { note: 'max 2000' }],
    [
      'close',
      { root_cause: '', prevention_due: '2027-02-09' },
      { root_cause: 'required', root_cause_text: 'required', resolution: 'required', prevention_action: 'required', prevention_owner_id: 'required', prevention_due: 'past' },
    ],
  ])('%s refuses %o', (step, over, errors) => {
    const r = stepBody(step, draft(step, over), 3, TODAY, msg)
    expect(r.body).toBeNull()
    expect(r.errors).toEqual(errors)
  })

  it('a due date of today is fine; the length counts code points', () => {
    const r = stepBody('close', draft('close', { root_cause: 'delivery', root_cause_text: '😀'.repeat(2000), resolution: 'r', prevention_action: 'p', prevention_owner_id: 1, prevention_due: TODAY }), 1, TODAY, msg)
    expect(r.errors).toEqual({})
  })

  it('closing starts from the category and the approved plan', () => {
    const d = emptyDraft('close', { category: 'delivery', resolution_plan: '补发并致歉' })
    expect(d.root_cause).toBe('delivery')
    expect(d.resolution).toBe('补发并致歉')
    expect(emptyDraft('reject', { category: 'delivery', resolution_plan: 'x' }).root_cause).toBe('')
  })
})

describe('stepButtons', () => {
  it('exactly the server\'s actions, forward steps first, unknown ones left out', () => {
    expect(stepButtons(['reject', 'accept']).map((b) => b.action)).toEqual(['accept', 'reject'])
    expect(stepButtons(['send_back', 'approve', 'teleport']).map((b) => [b.action, b.type, b.plain])).toEqual([
      ['approve', 'success', false],
      ['send_back', 'warning', true],
    ])
    expect(stepButtons(['reopen', 'prevention_done']).map((b) => b.label)).toEqual(['complaints.steps.prevention_done', 'complaints.steps.reopen'])
    expect(stepButtons(undefined)).toEqual([])
  })
})

describe('splitFieldErrors', () => {
  it('the step\'s fields go to their items, the rest above the form', () => {
    expect(splitFieldErrors('close', { prevention_owner_id: '用户不存在', prevention_due: '不能早于今天', version: '必填' })).toEqual({
      byField: { prevention_owner_id: '用户不存在', prevention_due: '不能早于今天' },
      rest: ['必填'],
    })
    expect(splitFieldErrors('reject', { resolution_plan: 'x' })).toEqual({ byField: {}, rest: ['x'] })
  })
})
