// The board (pure): open complaints grouped into one column per status, in the order a
// complaint moves; reopened ones get a column of their own when there are any.
import { BOARD_STATUSES, type Complaint } from './types'

export interface Column {
  status: string
  items: Complaint[]
}

export function boardColumns(items: readonly Complaint[]): Column[] {
  const cols: Column[] = BOARD_STATUSES.map((s) => ({ status: s, items: [] }))
  const reopened: Column = { status: 'reopened', items: [] }
  for (const c of items) {
    const col = c.status === 'reopened' ? reopened : cols.find((x) => x.status === c.status)
    col?.items.push(c)
  }
  return reopened.items.length ? [reopened, ...cols] : cols
}
