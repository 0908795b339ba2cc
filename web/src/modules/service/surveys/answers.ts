// Pure helpers behind answering a survey (the customer's public page and the phone form):
// an empty draft per question, the checks the server makes, the body (only what was answered),
// the server's `answers.<key>` errors → the questions, and an answer as text.
import type { Answer, AnswerValue, Question } from './types'

export const ANSWER_TEXT_MAX = 2000

/** null = not answered yet */
export type AnswerDraft = Record<string, AnswerValue | null>

export interface AnswerMessages {
  required: string
  tooLong: string
  invalid: string
}

/** control characters other than line breaks and tabs, and the bidi overrides: refused by the server */
const REFUSED_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/

export function emptyAnswers(questions: Question[]): AnswerDraft {
  const out: AnswerDraft = {}
  for (const q of questions) out[q.key] = q.type === 'multiple' ? [] : q.type === 'text' ? '' : null
  return out
}

/** null, blank text and [] count as no answer (as on the server). */
export function isAnswered(v: AnswerValue | null | undefined): boolean {
  if (v === null || v === undefined) return false
  if (typeof v === 'string') return v.trim() !== ''
  if (Array.isArray(v)) return v.length > 0
  return true
}

function checkOne(q: Question, v: AnswerValue, msg: AnswerMessages): string | null {
  switch (q.type) {
    case 'score5':
      return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5 ? null : msg.invalid
    case 'nps':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10 ? null : msg.invalid
    case 'single':
      return typeof v === 'string' && (q.options ?? []).includes(v) ? null : msg.invalid
    case 'multiple':
      return Array.isArray(v) && v.every((o) => (q.options ?? []).includes(o)) && new Set(v).size === v.length ? null : msg.invalid
    case 'text':
      if (typeof v !== 'string') return msg.invalid
      if ([...v.trim()].length > ANSWER_TEXT_MAX) return msg.tooLong
      return REFUSED_TEXT.test(v) ? msg.invalid : null
    default:
      return msg.invalid
  }
}

/** Problems by question key: a required question without an answer, a value out of range. */
export function validateAnswers(questions: Question[], draft: AnswerDraft, msg: AnswerMessages): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const q of questions) {
    const v = draft[q.key]
    if (!isAnswered(v)) {
      if (q.required) errors[q.key] = msg.required
      continue
    }
    const problem = checkOne(q, v as AnswerValue, msg)
    if (problem) errors[q.key] = problem
  }
  return errors
}

/** The answers to send: the answered questions only, text trimmed, choices in the options' order. */
export function answersBody(questions: Question[], draft: AnswerDraft): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {}
  for (const q of questions) {
    const v = draft[q.key]
    if (!isAnswered(v)) continue
    if (q.type === 'text') out[q.key] = (v as string).trim()
    else if (q.type === 'multiple') out[q.key] = (q.options ?? []).filter((o) => (v as string[]).includes(o))
    else out[q.key] = v as AnswerValue
  }
  return out
}

/** The server's field errors: `answers.<key>` goes to its question, anything else to the general message. */
export function mapAnswerErrors(fields: Record<string, string>): { byKey: Record<string, string>; rest: Record<string, string> } {
  const byKey: Record<string, string> = {}
  const rest: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    const m = /^answers\.(.+)$/.exec(k)
    if (m) byKey[m[1]] = v
    else rest[k] = v
  }
  return { byKey, rest }
}

/** An answer as one line of text: "4 / 5", "9 / 10", the options joined, the text itself. */
export function answerText(a: Pick<Answer, 'type' | 'value'>): string {
  const v = a.value
  if (v === null || v === undefined) return ''
  if (a.type === 'score5') return `${v} / 5`
  if (a.type === 'nps') return `${v} / 10`
  if (Array.isArray(v)) return v.join('、')
  return String(v)
}
