// Satisfaction surveys (满意度调查): templates of questions, invitations sent to customers (a
// one-time link or a phone survey), answers, and the results. Wire types of /api/v1.

export const QUESTION_TYPES = ['score5', 'nps', 'single', 'multiple', 'text'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
/** the types that have options */
export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple']

export interface Question {
  key: string
  text: string
  type: QuestionType
  required: boolean
  /** single and multiple only */
  options?: string[]
}

export interface SurveyTemplate {
  id: number
  name: string
  description: string | null
  active: boolean
  is_default: boolean
  questions: Question[]
  copied_from: number | null
  /** it has invitations: its questions are frozen */
  in_use: boolean
  invitations: number
  responses: number
  version: number
  created_by: number | null
  created_by_name: string | null
  created_at: string
  updated_at: string
}

/** POST /surveys/templates */
export interface TemplateInput {
  name: string
  description?: string
  active?: boolean
  is_default?: boolean
  questions: Question[]
}

/** PATCH /surveys/templates/{id} */
export interface TemplatePatch {
  version: number
  name?: string
  description?: string | null
  active?: boolean
  is_default?: boolean
  questions?: Question[]
}

/** score5 / nps: an integer; single / text: a string; multiple: a list */
export type AnswerValue = number | string | string[]

export interface Answer {
  key: string
  text?: string
  type: QuestionType
  value: AnswerValue
}

export const INVITATION_STATUSES = ['pending', 'answered', 'expired'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]
export const CHANNELS = ['link', 'phone'] as const
export type Channel = (typeof CHANNELS)[number]

export interface Invitation {
  id: number
  template_id: number
  template_name: string
  customer_id: number
  customer_name: string
  contact_id: number | null
  contact_name: string | null
  complaint_id: number | null
  channel: Channel
  status: InvitationStatus
  expires_at: string | null
  answered_at: string | null
  answered_via: 'link' | 'staff' | null
  answered_by: number | null
  answered_by_name: string | null
  owner_id: number | null
  owner_name: string | null
  team_id: number | null
  team_name: string | null
  version: number
  created_by: number | null
  created_by_name: string | null
  created_at: string
  updated_at: string
  /** a single invitation only */
  answers?: Answer[]
}

/** POST /surveys/invitations answers this once, for a link */
export interface CreatedInvitation extends Invitation {
  token?: string
  /** "/survey?token=…" */
  path?: string
  api_path?: string
}

export interface InvitationInput {
  template_id: number
  customer_id: number
  contact_id?: number
  complaint_id?: number
  channel: Channel
}

export interface InvitationQuery {
  customer_id?: number
  complaint_id?: number
  template_id?: number
  status?: string
  channel?: string
  page?: number
  page_size?: number
}

/** GET /public/surveys?token= */
export interface PublicSurvey {
  survey: { name: string; description: string | null }
  customer_name: string
  questions: Question[]
  expires_at: string | null
}

export interface ResultCounts {
  responses: number
  satisfaction_pct: number | null
  score5_answers: number
  satisfied_answers: number
  nps: number | null
  nps_answers: number
  promoters: number
  passives: number
  detractors: number
  met: boolean
}

export interface TextAnswer {
  invitation_id: number
  customer_name: string
  answered_at: string
  text: string
}

export interface QuestionResult {
  key: string
  text: string
  type: QuestionType
  answers: number
  average: number | null
  /** per score (score5, nps) or per option (single, multiple) */
  distribution: Record<string, number>
  /** text questions: the newest answers */
  latest?: TextAnswer[]
}

export interface SurveyResults extends ResultCounts {
  target_pct: number
  by_question: QuestionResult[]
  by_manager: (ResultCounts & { owner_id: number | null; owner_name: string | null })[]
  by_team: (ResultCounts & { team_id: number | null; team_name: string | null })[]
  by_month: (ResultCounts & { month: string })[]
}

export interface ResultsQuery {
  from?: string
  to?: string
  customer_id?: number
  owner_id?: number
  team_id?: number
  template_id?: number
}
