import { computed } from 'vue'
import { useSessionStore } from '@/app/stores/session'

/** The service desk and the leads work requests of every customer they see. */
const DESK = ['service', 'admin', 'director', 'manager']

/** Who may do what with service requests (the server decides; these only shape the UI). */
export function useRequestRoles() {
  const session = useSessionStore()
  const role = computed(() => session.user?.role ?? '')
  return {
    /**
     * creates, edits, completes and cancels requests: the desk and the leads for any customer they
     * see, an account manager for a customer he may write (`canEditCustomer`), never the auditor
     */
    canWrite: (canEditCustomer?: boolean) =>
      !!role.value && role.value !== 'auditor' && (DESK.includes(role.value) || canEditCustomer !== false),
    /** the return-visit settings */
    canEditSettings: computed(() => ['admin', 'director'].includes(role.value)),
  }
}
