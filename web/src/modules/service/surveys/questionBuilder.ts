// Pure helpers behind the template builder: questions ⇄ editable rows (options only for choice
// questions), the checks the server makes (so most problems show before saving), keys for new
// questions, reordering, and the template bodies.
import { CHOICE_TYPES, type Question, type QuestionType, type SurveyTemplate, type TemplateInput, type TemplatePatch } from './types'

export const QUESTIONS_MAX = 30
export const KEY_MAX = 40
export const TEXT_MAX = 500
export const OPTIONS_MIN = 2
export const OPTIONS_MAX = 20
export const OPTION_MAX = 100
export const NAME_MAX = 100
export const DESCRIPTION_MAX = 2000
export const KEY_RE = /^[a-z][a-z0-9_]*$/

export interface QuestionRow {
  /** a stable id for v-for while rows move */
  uid: number
  key: string
  text: string
  type: QuestionType
  required: boolean
  /** kept while the type is switched back and forth; sent only for a choice question */
  options: string[]
}

export interface TemplateDraft {
  name: string
  description: string
  active: boolean
  is_default: boolean
  questions: QuestionRow[]
}

export interface BuilderMessages {
  required: string
  tooLong: string
  key: string
  keyTaken: string
  options: string
  optionsDistinct: string
  count: string
}

export type BuilderErrors = Record<string, string>

let nextUid = 1
const uid = () => nextUid++

export const isChoice = (type: QuestionType) => CHOICE_TYPES.includes(type)

export function rowFromQuestion(q: Question): QuestionRow {
  return { uid: uid(), key: q.key, text: q.text, type: q.type, required: !!q.required, options: [...(q.options ?? [])] }
}

/** The first free key "q1", "q2", … among the rows. */
export function nextKey(rows: Pick<QuestionRow, 'key'>[]): string {
  const used = new Set(rows.map((r) => r.key))
  for (let i = rows.length + 1; ; i++) if (!used.has(`q${i}`)) return `q${i}`
}

export function newRow(rows: Pick<QuestionRow, 'key'>[], type: QuestionType = 'score5'): QuestionRow {
  return { uid: uid(), key: nextKey(rows), text: '', type, required: type !== 'text', options: isChoice(type) ? ['', ''] : [] }
}

export function emptyTemplateDraft(): TemplateDraft {
  return { name: '', description: '', active: true, is_default: false, questions: [newRow([])] }
}

export function draftFromTemplate(t: SurveyTemplate): TemplateDraft {
  return { name: t.name, description: t.description ?? '', active: t.active, is_default: t.is_default, questions: t.questions.map(rowFromQuestion) }
}

/** Move row i by delta (−1 up, +1 down); a move past either end changes nothing. */
export function moveRow<T>(rows: T[], i: number, delta: number): T[] {
  const j = i + delta
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return rows
  const out = [...rows]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

/** The rows as the API's questions: trimmed, `required` always, `options` (non-empty, trimmed) only on choice questions. */
export function questionsToJson(rows: QuestionRow[]): Question[] {
  return rows.map((r) => {
    const q: Question = { key: r.key.trim(), text: r.text.trim(), type: r.type, required: r.required }
    if (isChoice(r.type)) q.options = r.options.map((o) => o.trim()).filter((o) => o !== '')
    return q
  })
}

const len = (s: string) => [...s].length

/** The server's checks on the questions, keyed like its field errors (`questions[i].key`, …). */
export function validateQuestions(rows: QuestionRow[], msg: BuilderMessages): BuilderErrors {
  const errors: BuilderErrors = {}
  if (rows.length < 1 || rows.length > QUESTIONS_MAX) errors.questions = msg.count
  const seen = new Set<string>()
  questionsToJson(rows).forEach((q, i) => {
    if (!q.key) errors[`questions[${i}].key`] = msg.required
    else if (!KEY_RE.test(q.key) || len(q.key) > KEY_MAX) errors[`questions[${i}].key`] = msg.key
    else if (seen.has(q.key)) errors[`questions[${i}].key`] = msg.keyTaken
    seen.add(q.key)
    if (!q.text) errors[`questions[${i}].text`] = msg.required
    else if (len(q.text) > TEXT_MAX) errors[`questions[${i}].text`] = msg.tooLong
    if (q.options) {
      if (q.options.length < OPTIONS_MIN || q.options.length > OPTIONS_MAX) errors[`questions[${i}].options`] = msg.options
      else if (new Set(q.options).size !== q.options.length) errors[`questions[${i}].options`] = msg.optionsDistinct
      else if (q.options.some((o) => len(o) > OPTION_MAX)) errors[`questions[${i}].options`] = msg.tooLong
    }
  })
  return errors
}

function validateHead(d: TemplateDraft, msg: BuilderMessages, errors: BuilderErrors) {
  const name = d.name.trim()
  if (!name) errors.name = msg.required
  else if (len(name) > NAME_MAX) errors.name = msg.tooLong
  if (len(d.description.trim()) > DESCRIPTION_MAX) errors.description = msg.tooLong
}

export interface Built<T> {
  body: T | null
  errors: BuilderErrors
}

/** POST /surveys/templates body. */
export function templateBody(d: TemplateDraft, msg: BuilderMessages): Built<TemplateInput> {
  const errors = validateQuestions(d.questions, msg)
  validateHead(d, msg, errors)
  if (Object.keys(errors).length) return { body: null, errors }
  const body: TemplateInput = { name: d.name.trim(), active: d.active, is_default: d.is_default, questions: questionsToJson(d.questions) }
  const description = d.description.trim()
  if (description) body.description = description
  return { body, errors }
}

/** Whether two lists of questions say the same (what the server compares to find a change). */
export function sameQuestions(a: Question[], b: Question[]): boolean {
  const norm = (qs: Question[]) =>
    JSON.stringify(qs.map((q) => ({ key: q.key, text: q.text, type: q.type, required: !!q.required, options: isChoice(q.type) ? q.options ?? [] : [] })))
  return norm(a) === norm(b)
}

/**
 * PATCH /surveys/templates/{id} body: what changed, plus the version read. The questions of a
 * template in use are not sent (they are frozen; the builder shows them read-only).
 */
export function templatePatchBody(t: SurveyTemplate, d: TemplateDraft, msg: BuilderMessages): Built<TemplatePatch> & { changed: boolean } {
  const errors: BuilderErrors = t.in_use ? {} : validateQuestions(d.questions, msg)
  validateHead(d, msg, errors)
  if (Object.keys(errors).length) return { body: null, errors, changed: true }
  const body: TemplatePatch = { version: t.version }
  if (d.name.trim() !== t.name) body.name = d.name.trim()
  const description = d.description.trim() || null
  if (description !== (t.description || null)) body.description = description
  if (d.active !== t.active) body.active = d.active
  if (d.is_default !== t.is_default) body.is_default = d.is_default
  if (!t.in_use) {
    const questions = questionsToJson(d.questions)
    if (!sameQuestions(questions, t.questions)) body.questions = questions
  }
  return { body, errors, changed: Object.keys(body).length > 1 }
}

/** Fields of the template outside its questions that the builder shows next to an input. */
const HEAD_FIELDS = ['name', 'description', 'active', 'is_default']

/**
 * The server's field errors → the builder's: `questions[i].key|text|type|options|required` (also
 * `questions[i].options[j]`) go to row i; `questions` and the head fields to theirs; anything else
 * (`questions[i].foo` of an unknown field, say) comes back in `rest`.
 */
export function mapTemplateErrors(fields: Record<string, string>): { byField: BuilderErrors; rest: BuilderErrors } {
  const byField: BuilderErrors = {}
  const rest: BuilderErrors = {}
  const add = (k: string, v: string) => (byField[k] = byField[k] && byField[k] !== v ? `${byField[k]}; ${v}` : v)
  for (const [k, v] of Object.entries(fields)) {
    const m = /^questions\[(\d+)\]\.(key|text|type|options|required)(\[\d+\])?$/.exec(k)
    if (m) add(`questions[${m[1]}].${m[2]}`, v)
    else if (k === 'questions' || /^questions\[\d+\]$/.test(k)) add('questions', v)
    else if (HEAD_FIELDS.includes(k)) add(k, v)
    else rest[k] = v
  }
  return { byField, rest }
}
