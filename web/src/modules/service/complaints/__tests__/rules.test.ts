import { describe, expect, it } from 'vitest'
import { lastTwelveMonths, monthSeries, percent, hours } from '../analysis'
import { boardColumns } from '../board'
import { categoryLabel, complainant } from '../labels'
import { stepBar } from '../publicStatus'
import type { Complaint } from '../types'

describe('the analysis helpers', () => {
  it('the default period is the last twelve months', () => {
    expect(lastTwelveMonths(new Date(2027, 1, 10))).toEqual({ from: '2026-02-11', to: '2027-02-10' })
  })

  it('every month of the period, 0 where nothing came', () => {
    expect(monthSeries({ from: '2026-11-15', to: '2027-02-10' }, [{ month: '2027-01', count: 4 }, { month: '2026-11', count: 1 }])).toEqual([
      { month: '2026-11', count: 1 }, { month: '2026-12', count: 0 }, { month: '2027-01', count: 4 }, { month: '2027-02', count: 0 },
    ])
  })

  it('per mille and minutes', () => {
    expect(percent(873)).toBe('87.3')
    expect(percent(1000)).toBe('100.0')
    expect(hours(90)).toBe('1.5')
  })
})

describe('the board', () => {
  const c = (id: number, status: string) => ({ id, status }) as Complaint
  it('one column per open status in order; reopened ones first when there are any', () => {
    const cols = boardColumns([c(1, 'proposed'), c(2, 'received'), c(3, 'proposed'), c(4, 'closed')])
    expect(cols.map((x) => x.status)).toEqual(['received', 'accepted', 'investigating', 'proposed', 'approved', 'resolving', 'informed', 'rated'])
    expect(cols.find((x) => x.status === 'proposed')?.items.map((x) => x.id)).toEqual([1, 3])
    expect(boardColumns([c(5, 'reopened')])[0]).toEqual({ status: 'reopened', items: [c(5, 'reopened')] })
  })
})

describe('the public step bar', () => {
  it.each([
    ['received', 0, 'process'],
    ['accepted', 1, 'process'],
    ['proposed', 2, 'process'],
    ['reopened', 2, 'process'],
    ['resolving', 3, 'process'],
    ['rated', 4, 'process'],
    ['closed', 5, 'finish'],
    ['rejected', 1, 'error'],
  ])('%s → stage %i (%s)', (status, active, state) => {
    expect(stepBar(status)).toMatchObject({ active, state, rejected: status === 'rejected' })
  })
})

describe('labels', () => {
  it('category names per language, the seeded ones without a list, else the key', () => {
    const list = [{ key: 'packaging', name_zh_cn: '包装', name_zh_tw: '包裝', name_en: 'Packaging' }]
    expect(categoryLabel('packaging', list, 'zh-TW')).toBe('包裝')
    expect(categoryLabel('billing', [], 'zh-TW')).toBe('帳務結算')
    expect(categoryLabel('billing', [], 'en')).toBe('Billing')
    expect(categoryLabel('mystery', [], 'zh-CN')).toBe('mystery')
  })

  it('who complained: the customer, else the public form\'s company and name', () => {
    expect(complainant({ customer_name: '深圳张伟', reporter_company: null, reporter_name: null })).toBe('深圳张伟')
    expect(complainant({ customer_name: null, reporter_company: '张记商行', reporter_name: '张先生' })).toBe('张记商行 · 张先生')
  })
})
