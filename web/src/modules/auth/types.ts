export type Role = 'admin' | 'director' | 'manager' | 'account_manager' | 'service' | 'auditor'
export const ROLES: Role[] = ['admin', 'director', 'manager', 'account_manager', 'service', 'auditor']

export interface User {
  id: number
  username: string
  name: string
  role: Role
  team_id: number | null
  team_name: string | null
  active: boolean
  must_change_password: boolean
  version: number
}
