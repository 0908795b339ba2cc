import { describe, expect, it } from 'vitest'
import {
  draftFromTemplate, emptyTemplateDraft, mapTemplateErrors, moveRow, newRow, nextKey, questionsToJson, rowFromQuestion, sameQuestions, templateBody,
  templatePatchBody, validateQuestions, type QuestionRow,
} from '../questionBuilder'
import type { Question, SurveyTemplate } from '../types'

const msg = { required: 'REQ', tooLong: 'LONG', key: 'KEY', keyTaken: 'TAKEN', options: 'OPTIONS', optionsDistinct: 'DISTINCT', count: 'COUNT' }

const questions: Question[] = [
  { key: 'overall', text: '您对我们的整体服务是否满意？', type: 'score5', required: true },
  { key: 'nps', text: '您有多大可能把我们推荐给朋友？', type: 'nps', required: true },
  { key: 'topics', text: '您关心哪些方面？', type: 'multiple', required: false, options: ['价格', '质量', '交期'] },
  { key: 'channel', text: '您通常怎样订货？', type: 'single', required: false, options: ['电话', '微信'] },
  { key: 'suggestions', text: '还有什么建议？', type: 'text', required: false },
]

const template: SurveyTemplate = {
  id: 3, name: '季度满意度调查', description: null, active: true, is_default: false, questions, copied_from: null, in_use: false,
  invitations: 0, responses: 0, version: 4, created_by: 1, created_by_name: '王强', created_at: '2027-01-01T00:00:00Z', updated_at: '2027-01-01T00:00:00Z',
}

describe('questions ⇄ rows', () => {
  it('goes to rows and back to the same JSON', () => {
    const rows = questions.map(rowFromQuestion)
    expect(new Set(rows.map((r) => r.uid)).size).toBe(rows.length)
    expect(questionsToJson(rows)).toEqual(questions)
    expect(sameQuestions(questionsToJson(rows), questions)).toBe(true)
  })

  it('trims, drops empty options and sends options only with a choice question', () => {
    const rows: QuestionRow[] = [
      { uid: 1, key: ' q1 ', text: ' 交货是否及时？ ', type: 'score5', required: true, options: ['留着的', '选项'] },
      { uid: 2, key: 'q2', text: '喜欢哪种包装？', type: 'single', required: false, options: [' 4L ', '', '18L'] },
    ]
    expect(questionsToJson(rows)).toEqual([
      { key: 'q1', text: '交货是否及时？', type: 'score5', required: true },
      { key: 'q2', text: '喜欢哪种包装？', type: 'single', required: false, options: ['4L', '18L'] },
    ])
  })

  it('gives new questions a free key and reorders', () => {
    expect(nextKey([])).toBe('q1')
    expect(nextKey([{ key: 'q1' }, { key: 'q3' }])).toBe('q4')
    expect(nextKey([{ key: 'q2' }])).toBe('q3')
    expect(nextKey([{ key: 'overall' }, { key: 'q2' }])).toBe('q3')
    const choice = newRow([{ key: 'q1' }], 'single')
    expect(choice).toMatchObject({ key: 'q2', type: 'single', required: true, options: ['', ''] })
    expect(newRow([], 'text').required).toBe(false)
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })
})

describe('checks', () => {
  it('names the problems like the server does', () => {
    const rows: QuestionRow[] = [
      { uid: 1, key: '1a', text: '', type: 'single', required: true, options: ['甲', ''] },
      { uid: 2, key: 'dup', text: 'x', type: 'score5', required: true, options: [] },
      { uid: 3, key: 'dup', text: 'y', type: 'multiple', required: false, options: ['甲', '甲'] },
      { uid: 4, key: '', text: '长'.repeat(501), type: 'text', required: false, options: [] },
      { uid: 5, key: 'Upper', text: 'z', type: 'nps', required: true, options: [] },
    ]
    expect(validateQuestions(rows, msg)).toEqual({
      'questions[0].key': 'KEY', 'questions[0].text': 'REQ', 'questions[0].options': 'OPTIONS',
      'questions[2].key': 'TAKEN', 'questions[2].options': 'DISTINCT',
      'questions[3].key': 'REQ', 'questions[3].text': 'LONG',
      'questions[4].key': 'KEY',
    })
    expect(validateQuestions([], msg)).toEqual({ questions: 'COUNT' })
    expect(validateQuestions(questions.map(rowFromQuestion), msg)).toEqual({})
  })

  it('maps the server errors onto rows and the head', () => {
    const { byField, rest } = mapTemplateErrors({
      name: '必填', 'questions[1].options': '选择题须有 2 到 20 个选项', 'questions[0].options[1]': '选项过长', questions: '问卷已发出，问题不能再修改',
      'questions[2].foo': '未知字段',
    })
    expect(byField).toEqual({ name: '必填', 'questions[1].options': '选择题须有 2 到 20 个选项', 'questions[0].options': '选项过长', questions: '问卷已发出，问题不能再修改' })
    expect(rest).toEqual({ 'questions[2].foo': '未知字段' })
  })
})

describe('template bodies', () => {
  it('creates with every question', () => {
    const d = { ...emptyTemplateDraft(), name: ' 季度满意度调查 ', description: ' ', questions: questions.map(rowFromQuestion) }
    expect(templateBody(d, msg)).toEqual({ body: { name: '季度满意度调查', active: true, is_default: false, questions }, errors: {} })
    expect(templateBody({ ...d, name: '' }, msg).errors).toEqual({ name: 'REQ' })
  })

  it('patches what changed; a template in use never sends its questions', () => {
    const d = draftFromTemplate(template)
    expect(templatePatchBody(template, d, msg)).toEqual({ body: { version: 4 }, errors: {}, changed: false })
    d.questions = moveRow(d.questions, 0, 1)
    d.description = '感谢合作'
    const b = templatePatchBody(template, d, msg)
    expect(b.body).toEqual({ version: 4, description: '感谢合作', questions: [questions[1], questions[0], ...questions.slice(2)] })

    const inUse = { ...template, in_use: true, invitations: 12 }
    const frozen = draftFromTemplate(inUse)
    frozen.questions[0].text = '改过的题目'
    frozen.name = '季度满意度调查（旧）'
    frozen.active = false
    expect(templatePatchBody(inUse, frozen, msg).body).toEqual({ version: 4, name: '季度满意度调查（旧）', active: false })
  })
})
