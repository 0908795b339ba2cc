// The open-work count on the menu's "Today" entry: refreshed when the layout mounts, when the
// today page loads, and after care work is done elsewhere.
import { ref } from 'vue'
import { careApi } from './api'
import type { TodayCounts } from './types'

const count = ref(0)

/** Everything on the today list that waits for the user. */
export function openWork(c: Partial<TodayCounts> | null | undefined): number {
  if (!c) return 0
  return (c.contacts_due ?? 0) + (c.tasks ?? 0) + (c.promises ?? 0) + (c.visits ?? 0) + (c.approvals ?? 0)
}

export function setTodayCount(c: Partial<TodayCounts> | null | undefined): void {
  count.value = openWork(c)
}

let inFlight: Promise<void> | null = null
/** Ask the server again (quietly: the badge is a hint, not worth an error message). */
export function refreshTodayCount(): Promise<void> {
  inFlight ??= careApi
    .today()
    .then((r) => setTodayCount(r.counts))
    .catch(() => undefined)
    .finally(() => (inFlight = null))
  return inFlight
}

export function useTodayCount() {
  return count
}
