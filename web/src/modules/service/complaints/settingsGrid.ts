// The response promise's settings as an editable grid (pure): the base target, one cell per
// grade × severity (empty = the base), calendar or working hours; and back to the PUT body.
import { SEVERITIES, SLA_GRADES, type Severity, type SlaGrade, type SlaValues, type Target } from './types'

export const MAX_HOURS = 8760

export interface Cell {
  first_response_hours: number | null
  resolution_hours: number | null
}

export interface SlaGrid {
  base: Target
  cells: Record<SlaGrade, Record<Severity, Cell>>
  working_hours: boolean
}

const emptyCell = (): Cell => ({ first_response_hours: null, resolution_hours: null })

/** GET /service/settings → the grid (grades and severities the UI does not know are dropped). */
export function toGrid(s: SlaValues): SlaGrid {
  const cells = {} as SlaGrid['cells']
  for (const g of SLA_GRADES) {
    cells[g] = {} as Record<Severity, Cell>
    for (const sev of SEVERITIES) {
      const t = s.targets?.[g]?.[sev]
      cells[g][sev] = t ? { first_response_hours: t.first_response_hours, resolution_hours: t.resolution_hours } : emptyCell()
    }
  }
  return { base: { ...s.base }, cells, working_hours: !!s.working_hours }
}

const isEmpty = (v: number | null | undefined) => v === null || v === undefined || Number.isNaN(v)

export interface GridMessages {
  /** a number of hours outside 1…8760 */
  range: string
  /** the resolution is due before the first answer */
  order: string
}

function checkTarget(t: Target, key: string, msg: GridMessages, errors: Record<string, string>) {
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_HOURS
  if (!ok(t.first_response_hours) || !ok(t.resolution_hours)) errors[key] = msg.range
  else if (t.resolution_hours < t.first_response_hours) errors[key] = msg.order
}

/**
 * The grid → the PUT body's values: the cells with a number (an empty half takes the base's
 * value), nothing for an empty cell. Errors are keyed "base" or "A.critical".
 */
export function fromGrid(grid: SlaGrid, msg: GridMessages): { values: SlaValues | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const base = { first_response_hours: grid.base.first_response_hours, resolution_hours: grid.base.resolution_hours }
  checkTarget(base, 'base', msg, errors)
  const targets: SlaValues['targets'] = {}
  for (const g of SLA_GRADES) {
    for (const sev of SEVERITIES) {
      const c = grid.cells[g]?.[sev]
      if (!c || (isEmpty(c.first_response_hours) && isEmpty(c.resolution_hours))) continue
      const t: Target = {
        first_response_hours: isEmpty(c.first_response_hours) ? base.first_response_hours : (c.first_response_hours as number),
        resolution_hours: isEmpty(c.resolution_hours) ? base.resolution_hours : (c.resolution_hours as number),
      }
      checkTarget(t, `${g}.${sev}`, msg, errors)
      ;(targets[g] ??= {})[sev] = t
    }
  }
  if (Object.keys(errors).length) return { values: null, errors }
  return { values: { base, targets, working_hours: grid.working_hours }, errors }
}

/** Server field names ("targets.A.critical.resolution_hours", "base.first_response_hours") → grid keys. */
export function gridErrorKey(field: string): string | null {
  let m = /^targets\.([ABC])\.(\w+)(\.|$)/.exec(field)
  if (m) return `${m[1]}.${m[2]}`
  m = /^base(\.|$)/.exec(field)
  if (m) return 'base'
  if (field === 'working_hours') return 'working_hours'
  return null
}
