import { computed } from 'vue'
import { useSessionStore } from '@/app/stores/session'

/** Who sees what of the visit screens (the server decides; these only shape the UI). */
export function useVisitRoles() {
  const session = useSessionStore()
  const role = computed(() => session.user?.role ?? '')
  return {
    /** plans visits (read-only roles do not) */
    canPlan: computed(() => !!role.value && !['service', 'auditor'].includes(role.value)),
    /** decides plans and reviews reports of a team (or of everyone) */
    isLead: computed(() => ['admin', 'director', 'manager'].includes(role.value)),
  }
}
