import { describe, expect, it } from 'vitest'
import { answerText, answersBody, emptyAnswers, isAnswered, mapAnswerErrors, validateAnswers } from '../answers'
import { surveyUrl } from '../labels'
import { averageText, distributionRows, npsText, npsTone, pctText, satisfactionTone } from '../results'
import type { Question } from '../types'

const msg = { required: 'REQ', tooLong: 'LONG', invalid: 'BAD' }
const questions: Question[] = [
  { key: 'overall', text: '整体', type: 'score5', required: true },
  { key: 'nps', text: '推荐', type: 'nps', required: true },
  { key: 'topics', text: '关心', type: 'multiple', required: false, options: ['价格', '质量', '交期'] },
  { key: 'channel', text: '订货', type: 'single', required: true, options: ['电话', '微信'] },
  { key: 'suggestions', text: '建议', type: 'text', required: false },
]

describe('answers', () => {
  it('starts empty and counts blank text and [] as no answer', () => {
    expect(emptyAnswers(questions)).toEqual({ overall: null, nps: null, topics: [], channel: null, suggestions: '' })
    expect([null, '', '  ', [], undefined].map(isAnswered)).toEqual([false, false, false, false, false])
    expect([0, 'x', ['价格']].map(isAnswered)).toEqual([true, true, true])
  })

  it('wants every required answer and values in range', () => {
    expect(validateAnswers(questions, emptyAnswers(questions), msg)).toEqual({ overall: 'REQ', nps: 'REQ', channel: 'REQ' })
    expect(validateAnswers(questions, { overall: 6, nps: 4.5, topics: ['价格', '服务'], channel: '邮件', suggestions: 'x' }, msg)).toEqual({
      overall: 'BAD', nps: 'BAD', topics: 'BAD', channel: 'BAD',
    })
    expect(validateAnswers(questions, { overall: 5, nps: 0, topics: [], channel: '电话', suggestions: '长'.repeat(2001) }, msg)).toEqual({ suggestions: 'LONG' })
    expect(validateAnswers(questions, { overall: 1, nps: 10, topics: [], channel: '电话', suggestions: '好\u202Eevil' }, msg)).toEqual({ suggestions: 'BAD' })
    expect(validateAnswers(questions, { overall: 1, nps: 10, topics: [], channel: '电话', suggestions: '第一行\n第二行' }, msg)).toEqual({})
  })

  it('sends only what was answered, options in their order, text trimmed and otherwise verbatim', () => {
    const body = answersBody(questions, { overall: 4, nps: 9, topics: ['交期', '价格'], channel: '微信', suggestions: '  <script>alert(1)</script>\n谢谢 ' })
    expect(body).toEqual({ overall: 4, nps: 9, topics: ['价格', '交期'], channel: '微信', suggestions: '<script>alert(1)</script>\n谢谢' })
    expect(answersBody(questions, { overall: 5, nps: 0, topics: [], channel: '电话', suggestions: ' ' })).toEqual({ overall: 5, nps: 0, channel: '电话' })
  })

  it('puts answers.<key> errors on their questions and writes answers as text', () => {
    expect(mapAnswerErrors({ 'answers.nps': '应在 0 到 10 之间', 'answers.extra': '不是问卷中的问题', version: '?' })).toEqual({
      byKey: { nps: '应在 0 到 10 之间', extra: '不是问卷中的问题' },
      rest: { version: '?' },
    })
    expect(answerText({ type: 'score5', value: 4 })).toBe('4 / 5')
    expect(answerText({ type: 'nps', value: 0 })).toBe('0 / 10')
    expect(answerText({ type: 'multiple', value: ['价格', '交期'] })).toBe('价格、交期')
    expect(answerText({ type: 'text', value: '<b>x</b>' })).toBe('<b>x</b>')
  })

  it('makes the public address from the origin and the path', () => {
    expect(surveyUrl('https://crm.example.cn', '/survey?token=abc')).toBe('https://crm.example.cn/survey?token=abc')
    expect(surveyUrl('http://127.0.0.1:8080/', 'survey?token=x')).toBe('http://127.0.0.1:8080/survey?token=x')
  })
})

describe('results', () => {
  it('colours satisfaction green when the target is met, red when not, grey without answers', () => {
    expect(satisfactionTone(91.3, 90)).toBe('success')
    expect(satisfactionTone(90, 90)).toBe('success')
    expect(satisfactionTone(89.9, 90)).toBe('danger')
    expect(satisfactionTone(null, 90)).toBe('info')
    expect([npsTone(35.7), npsTone(0), npsTone(-10), npsTone(null)]).toEqual(['success', 'warning', 'danger', 'info'])
  })

  it('writes the figures', () => {
    expect([pctText(91.3), pctText(100), pctText(null)]).toEqual(['91.3%', '100.0%', '—'])
    expect([npsText(35.7), npsText(-10), npsText(0), npsText(null)]).toEqual(['+35.7', '-10.0', '0.0', '—'])
    expect([averageText(4.375), averageText(null)]).toEqual(['4.38', '—'])
  })

  it('lists every score of a distribution, zero included, and options as given', () => {
    expect(distributionRows({ type: 'score5', distribution: { '5': 20, '4': 3 } }).map((r) => `${r.label}:${r.count}`)).toEqual(['1:0', '2:0', '3:0', '4:3', '5:20'])
    expect(distributionRows({ type: 'nps', distribution: { '10': 2, '9': 1 } })).toHaveLength(11)
    expect(distributionRows({ type: 'nps', distribution: { '10': 2 } }).at(-1)).toEqual({ label: '10', count: 2 })
    expect(distributionRows({ type: 'multiple', distribution: { 价格: 3, 质量: 1 } })).toEqual([{ label: '价格', count: 3 }, { label: '质量', count: 1 }])
    expect(distributionRows({ type: 'text', distribution: {} })).toEqual([])
  })
})
