// The public status page's step bar (pure): the complaint's status as one of the stages a
// customer cares about (received → accepted → being investigated → being resolved → result
// told → closed); a rejected complaint stops at the second stage.
export const PUBLIC_STAGES = ['received', 'accepted', 'investigating', 'resolving', 'informed', 'closed'] as const
export type PublicStage = (typeof PUBLIC_STAGES)[number]

const STAGE_OF: Record<string, number> = {
  received: 0,
  accepted: 1,
  investigating: 2, proposed: 2, approved: 2, reopened: 2,
  resolving: 3,
  informed: 4, rated: 4,
  closed: 5,
}

export interface StepBar {
  /** the current stage (el-steps' `active`) */
  active: number
  /** the current stage's state: "process" while open, "finish" once closed, "error" when rejected */
  state: 'process' | 'finish' | 'error'
  rejected: boolean
}

export function stepBar(status: string): StepBar {
  if (status === 'rejected') return { active: 1, state: 'error', rejected: true }
  const active = STAGE_OF[status] ?? 0
  return { active, state: status === 'closed' ? 'finish' : 'process', rejected: false }
}
