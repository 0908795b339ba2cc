import type { Role, User } from '@/modules/auth/types'

export type { Role, User }

export interface Team {
  id: number
  name: string
  leader_id: number | null
  leader_name: string | null
  member_count: number
  version: number
}

export interface ApiToken {
  id: number
  name: string
  created_at: string
  last_used_at: string | null
}

export interface CreatedToken {
  id: number
  name: string
  token: string
}

export type CustomFieldType = 'text' | 'number' | 'date' | 'select'
export const CUSTOM_FIELD_TYPES: CustomFieldType[] = ['text', 'number', 'date', 'select']

export interface CustomFieldDef {
  id?: number
  key: string
  label: string
  type: CustomFieldType
  options?: string[] | null
  version?: number
}

export interface CustomFieldInput {
  key: string
  label: string
  type: CustomFieldType
  options?: string[]
}
