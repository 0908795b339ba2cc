import { computed } from 'vue'
import { useSessionStore } from '@/app/stores/session'

/** Who may do what in sales (docs/api.md): the server decides; these only shape the UI. */
export function useSalesRoles() {
  const session = useSessionStore()
  const role = computed(() => session.user?.role ?? '')
  return {
    /** create/edit products, see unit_cost */
    canManageProducts: computed(() => ['admin', 'director', 'manager'].includes(role.value)),
    /** may save an order over the credit limit with a reason */
    canOverrideCredit: computed(() => ['admin', 'director', 'manager'].includes(role.value)),
    canEnterOrders: computed(() => ['admin', 'director', 'manager', 'account_manager'].includes(role.value)),
  }
}
