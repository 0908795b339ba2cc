import { describe, expect, it } from 'vitest'
import { fromGrid, gridErrorKey, toGrid } from '../settingsGrid'
import type { SlaValues } from '../types'

const msg = { range: 'range', order: 'order' }
const DEFAULTS: SlaValues = {
  base: { first_response_hours: 24, resolution_hours: 72 },
  targets: { A: { critical: { first_response_hours: 4, resolution_hours: 24 }, high: { first_response_hours: 8, resolution_hours: 48 } }, B: { critical: { first_response_hours: 8, resolution_hours: 48 } } },
  working_hours: false,
}

describe('the settings grid', () => {
  it('JSON → grid: every grade × severity, empty where the base applies', () => {
    const g = toGrid(DEFAULTS)
    expect(g.base).toEqual({ first_response_hours: 24, resolution_hours: 72 })
    expect(g.cells.A.critical).toEqual({ first_response_hours: 4, resolution_hours: 24 })
    expect(g.cells.A.low).toEqual({ first_response_hours: null, resolution_hours: null })
    expect(g.cells.C.medium).toEqual({ first_response_hours: null, resolution_hours: null })
    expect(Object.keys(g.cells)).toEqual(['A', 'B', 'C'])
    expect(Object.keys(g.cells.B)).toEqual(['low', 'medium', 'high', 'critical'])
  })

  it('grid → JSON gives back what came in', () => {
    expect(fromGrid(toGrid(DEFAULTS), msg)).toEqual({ values: DEFAULTS, errors: {} })
  })

  it('an emptied cell is dropped; a new cell is added; working hours switch', () => {
    const g = toGrid(DEFAULTS)
    g.cells.A.high = { first_response_hours: null, resolution_hours: null }
    g.cells.C.critical = { first_response_hours: 12, resolution_hours: 96 }
    g.working_hours = true
    expect(fromGrid(g, msg).values).toEqual({
      base: { first_response_hours: 24, resolution_hours: 72 },
      targets: { A: { critical: { first_response_hours: 4, resolution_hours: 24 } }, B: { critical: { first_response_hours: 8, resolution_hours: 48 } }, C: { critical: { first_response_hours: 12, resolution_hours: 96 } } },
      working_hours: true,
    })
  })

  it('a half-filled cell takes the base for the other half', () => {
    const g = toGrid({ ...DEFAULTS, targets: {} })
    g.cells.B.high = { first_response_hours: 6, resolution_hours: null }
    expect(fromGrid(g, msg).values?.targets).toEqual({ B: { high: { first_response_hours: 6, resolution_hours: 72 } } })
  })

  it('refuses hours out of range and a resolution due before the answer', () => {
    const g = toGrid(DEFAULTS)
    g.base.first_response_hours = 0
    g.cells.A.low = { first_response_hours: 10, resolution_hours: 5 }
    g.cells.C.high = { first_response_hours: 9000, resolution_hours: null }
    g.cells.B.medium = { first_response_hours: 2.5, resolution_hours: 10 }
    expect(fromGrid(g, msg)).toEqual({ values: null, errors: { base: 'range', 'A.low': 'order', 'B.medium': 'range', 'C.high': 'range' } })
  })

  it.each([
    ['targets.A.critical.resolution_hours', 'A.critical'],
    ['targets.C.low', 'C.low'],
    ['base.first_response_hours', 'base'],
    ['base', 'base'],
    ['working_hours', 'working_hours'],
    ['version', null],
    ['targets.D.low', null],
  ])('server field %s → %s', (field, key) => expect(gridErrorKey(field)).toBe(key))
})
