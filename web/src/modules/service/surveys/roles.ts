import { computed } from 'vue'
import { useSessionStore } from '@/app/stores/session'

/** Who may do what with surveys (the server decides; these only shape the UI). */
export function useSurveyRoles() {
  const session = useSessionStore()
  const role = computed(() => session.user?.role ?? '')
  return {
    /** builds, copies and (de)activates templates; everyone else reads them */
    canEditTemplates: computed(() => ['admin', 'director', 'manager'].includes(role.value)),
    /** sends surveys and records answers (anyone who may write the customer, and the service desk) */
    canSend: computed(() => !!role.value && role.value !== 'auditor'),
    /** picks a manager or a team on the results page */
    isLead: computed(() => ['admin', 'director', 'manager', 'service', 'auditor'].includes(role.value)),
  }
}
