import { computed } from 'vue'
import { useSessionStore } from '@/app/stores/session'
import type { ContactLog } from './types'

const LEADS = ['admin', 'director', 'manager']
const READ_ONLY = ['service', 'auditor']

/** Who may do what in care (the server decides; these only shape the UI). */
export function useCareRoles() {
  const session = useSessionStore()
  const role = computed(() => session.user?.role ?? '')
  const canWrite = computed(() => !!role.value && !READ_ONLY.includes(role.value))
  const isLead = computed(() => LEADS.includes(role.value))
  return {
    /** log contacts, close tasks and promises (service and auditor only read) */
    canWrite,
    /** sees a team's or everyone's lists; may change anybody's logs */
    isLead,
    canEditSettings: computed(() => ['admin', 'director'].includes(role.value)),
    /** a log is changed by its author or a lead */
    canChangeLog: (log: Pick<ContactLog, 'user_id'>) => canWrite.value && (isLead.value || log.user_id === session.user?.id),
  }
}
