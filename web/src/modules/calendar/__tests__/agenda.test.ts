import { describe, expect, it } from 'vitest'
import { monthRange } from '../agenda'

describe('monthRange', () => {
  it('gives the first and last day, leap years included', () => {
    expect(monthRange(2027, 2)).toEqual({ from: '2027-02-01', to: '2027-02-28' })
    expect(monthRange(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange(2027, 12)).toEqual({ from: '2027-12-01', to: '2027-12-31' })
    expect(monthRange(2027, 4)).toEqual({ from: '2027-04-01', to: '2027-04-30' })
  })
})
