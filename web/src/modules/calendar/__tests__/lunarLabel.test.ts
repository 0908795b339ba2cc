// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { lunarCellLabel, lunarDateLabel, lunarDayLabel, lunarMonthLabel } from '../lunarLabel'

describe('lunarDayLabel', () => {
  it('names all thirty days', () => {
    const all = Array.from({ length: 30 }, (_, i) => lunarDayLabel(i + 1))
    expect(all).toEqual([
      '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
      '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
      '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
    ])
    expect(lunarDayLabel(15, 'zh-TW')).toBe('十五')
    expect(lunarDayLabel(15, 'en')).toBe('15')
  })
  it('is empty for what is not a lunar day', () => {
    for (const d of [0, 31, -1, 1.5, NaN]) expect(lunarDayLabel(d)).toBe('')
  })
})

describe('lunarMonthLabel', () => {
  it('uses the customary names, 闰 for the leap month', () => {
    const all = Array.from({ length: 12 }, (_, i) => lunarMonthLabel(i + 1))
    expect(all).toEqual(['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月'])
    expect(lunarMonthLabel(2, true)).toBe('闰二月')
    expect(lunarMonthLabel(11, true)).toBe('闰冬月')
  })
  it('writes traditional characters for zh-TW', () => {
    expect(lunarMonthLabel(12, false, 'zh-TW')).toBe('臘月')
    expect(lunarMonthLabel(6, true, 'zh-TW')).toBe('閏六月')
    expect(lunarMonthLabel(1, false, 'zh-TW')).toBe('正月')
  })
  it('is short in English', () => {
    expect(lunarMonthLabel(1, false, 'en')).toBe('L1')
    expect(lunarMonthLabel(2, true, 'en')).toBe('L2+')
  })
  it('is empty for what is not a month', () => {
    expect(lunarMonthLabel(0)).toBe('')
    expect(lunarMonthLabel(13)).toBe('')
  })
})

describe('lunarDateLabel and lunarCellLabel', () => {
  it('writes whole dates', () => {
    expect(lunarDateLabel({ month: 1, day: 1, leap: false })).toBe('正月初一')
    expect(lunarDateLabel({ month: 2, day: 15, leap: true })).toBe('闰二月十五')
    expect(lunarDateLabel({ month: 12, day: 30, leap: false }, 'zh-TW')).toBe('臘月三十')
    expect(lunarDateLabel({ month: 1, day: 1, leap: false }, 'en')).toBe('L1/1')
    expect(lunarDateLabel({ month: 2, day: 15, leap: true }, 'en')).toBe('L2+/15')
    expect(lunarDateLabel({ month: 13, day: 1, leap: false })).toBe('')
  })
  it('shows the month on its first day in a grid cell, else the day', () => {
    expect(lunarCellLabel({ month: 1, day: 1, leap: false })).toBe('正月')
    expect(lunarCellLabel({ month: 11, day: 1, leap: true })).toBe('闰冬月')
    expect(lunarCellLabel({ month: 1, day: 2, leap: false })).toBe('初二')
    expect(lunarCellLabel({ month: 8, day: 15, leap: false }, 'zh-TW')).toBe('十五')
    expect(lunarCellLabel({ month: 8, day: 15, leap: false }, 'en')).toBe('L8/15')
  })
})
