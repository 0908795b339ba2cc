import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/app/api/http'
import { i18n, setLocale } from '@/app/i18n'
import type { CalendarDay, MonthView } from '../types'

const month = vi.fn()
vi.mock('../api', () => ({
  calendarApi: { month: (...a: unknown[]) => month(...a) },
}))

import MonthCalendar from '../components/MonthCalendar.vue'

// February 2026 as the server answers it (abridged to the days the tests look at).
function day(date: string, weekday: number, lunar: [number, number, number, boolean], extra: Partial<CalendarDay> = {}): CalendarDay {
  return {
    date, weekday, lunar: { year: lunar[0], month: lunar[1], day: lunar[2], leap: lunar[3] },
    solar_term: null, festivals: [], holiday: null, working_day: weekday < 6, ...extra,
  }
}
const FEB_2026: MonthView = {
  year: 2026, month: 2, region: 'CN',
  items: [
    day('2026-02-01', 7, [2025, 12, 14, false]),
    day('2026-02-02', 1, [2025, 12, 15, false]),
    day('2026-02-04', 3, [2025, 12, 17, false], { solar_term: 'lichun' }),
    day('2026-02-14', 6, [2025, 12, 27, false], { holiday: { id: 7, kind: 'workday', name: '春节' }, working_day: true }),
    day('2026-02-16', 1, [2025, 12, 29, false], { festivals: ['new_years_eve'], holiday: { id: 9, kind: 'holiday', name: '春节' }, working_day: false }),
    day('2026-02-17', 2, [2026, 1, 1, false], { festivals: ['spring_festival'], holiday: { id: 10, kind: 'holiday', name: '春节' }, working_day: false }),
    day('2026-02-18', 3, [2026, 1, 2, false], { holiday: { id: 11, kind: 'holiday', name: '春节' }, working_day: false }),
  ],
}
const MAR_2026: MonthView = { year: 2026, month: 3, region: 'CN', items: [day('2026-03-01', 7, [2026, 1, 13, false])] }
const JUN_2025: MonthView = { year: 2025, month: 6, region: 'CN', items: [day('2025-06-25', 3, [2025, 6, 1, false]), day('2025-07-25', 5, [2025, 6, 1, true])] }

async function mountCalendar(props: Record<string, unknown>) {
  const w = mount(MonthCalendar, { props, global: { plugins: [i18n, ElementPlus] } })
  await flushPromises()
  return w
}

afterEach(() => {
  month.mockReset()
  setLocale('zh-CN')
})

describe('MonthCalendar', () => {
  it('asks for the month and region, and starts the grid on the right weekday', async () => {
    month.mockResolvedValue(FEB_2026)
    const w = await mountCalendar({ year: 2026, month: 2, region: 'CN' })
    expect(month).toHaveBeenCalledWith(2026, 2, 'CN')
    expect(w.get('[data-test="cal-title"]').text()).toBe('2026 年 2 月')
    // 1 February 2026 is a Sunday: six empty cells before it.
    expect(w.findAll('.cell.empty')).toHaveLength(6)
    expect(w.emitted('change')![0]).toEqual([{ year: 2026, month: 2 }])
  })

  it('marks the days that have something on the user\'s agenda', async () => {
    month.mockResolvedValue(FEB_2026)
    const w = await mountCalendar({ year: 2026, month: 2, region: 'CN', marks: { '2026-02-04': ['VISIT', 'BIRTHDAY'] } })
    const marked = w.get('[data-test="day-2026-02-04"]').findAll('.mark')
    expect(marked.map((m) => m.classes())).toEqual([['mark', 'visit'], ['mark', 'birthday']])
    expect(w.get('[data-test="day-2026-02-02"]').find('[data-test="day-marks"]').exists()).toBe(false)
  })

  it('shows lunar days, the month name on 初一, festivals and solar terms', async () => {
    month.mockResolvedValue(FEB_2026)
    const w = await mountCalendar({ year: 2026, month: 2 })
    const label = (d: string) => w.get(`[data-test="day-${d}"] [data-test="day-label"]`).text()
    expect(label('2026-02-02')).toBe('十五')
    expect(label('2026-02-04')).toBe('立春')
    expect(label('2026-02-16')).toBe('除夕')
    expect(label('2026-02-17')).toBe('春节')
    expect(label('2026-02-18')).toBe('初二')
    expect(w.get('[data-test="day-2026-02-17"]').classes()).toContain('feast')
    expect(w.get('[data-test="day-2026-02-04"]').classes()).toContain('term')
    expect(w.get('[data-test="day-2026-02-17"]').attributes('title')).toContain('正月初一')
  })

  it('marks days off (休) and make-up working days (班)', async () => {
    month.mockResolvedValue(FEB_2026)
    const w = await mountCalendar({ year: 2026, month: 2 })
    const sat = w.get('[data-test="day-2026-02-14"]')
    expect(sat.get('[data-test="day-badge"]').text()).toBe('班')
    expect(sat.get('[data-test="day-badge"]').classes()).toContain('workday')
    expect(sat.classes()).not.toContain('off')
    const off = w.get('[data-test="day-2026-02-18"]')
    expect(off.get('[data-test="day-badge"]').text()).toBe('休')
    expect(off.classes()).toContain('off')
    expect(w.get('[data-test="day-2026-02-01"]').classes()).toContain('off') // a plain Sunday
    expect(w.get('[data-test="day-2026-02-02"]').find('[data-test="day-badge"]').exists()).toBe(false)
  })

  it('labels a leap month with 闰 and speaks traditional Chinese and English', async () => {
    month.mockResolvedValue(JUN_2025)
    setLocale('zh-TW')
    const w = await mountCalendar({ year: 2025, month: 6 })
    expect(w.get('[data-test="day-2025-07-25"] [data-test="day-label"]').text()).toBe('閏六月')
    expect(w.get('[data-test="day-2025-06-25"] [data-test="day-label"]').text()).toBe('六月')
    setLocale('en')
    await flushPromises()
    expect(w.get('[data-test="day-2025-07-25"] [data-test="day-label"]').text()).toBe('L6+/1')
  })

  it('moves to the next and previous month', async () => {
    month.mockResolvedValueOnce(FEB_2026).mockResolvedValueOnce(MAR_2026).mockResolvedValueOnce(FEB_2026)
    const w = await mountCalendar({ year: 2026, month: 2 })
    await w.get('[data-test="cal-next"]').trigger('click')
    await flushPromises()
    expect(month).toHaveBeenLastCalledWith(2026, 3, 'CN')
    expect(w.get('[data-test="cal-title"]').text()).toBe('2026 年 3 月')
    expect(w.find('[data-test="day-2026-03-01"]').exists()).toBe(true)
    await w.get('[data-test="cal-prev"]').trigger('click')
    await flushPromises()
    expect(month).toHaveBeenLastCalledWith(2026, 2, 'CN')
    expect(w.emitted('change')!.map((e) => e[0])).toEqual([{ year: 2026, month: 2 }, { year: 2026, month: 3 }, { year: 2026, month: 2 }])
  })

  it('stops at the ends of the supported range', async () => {
    month.mockResolvedValue({ year: 1900, month: 1, region: 'CN', items: [] })
    const w = await mountCalendar({ year: 1900, month: 1 })
    expect(w.get('[data-test="cal-prev"]').attributes('disabled')).toBeDefined()
    await w.get('[data-test="cal-prev"]').trigger('click')
    expect(month).toHaveBeenCalledTimes(1)
  })

  it('reloads when the region changes, and shows a failure', async () => {
    month.mockResolvedValueOnce(FEB_2026).mockRejectedValueOnce(new ApiError(500, { code: 'internal', message: '服务器出错' }))
    const w = await mountCalendar({ year: 2026, month: 2, region: 'CN' })
    await w.setProps({ region: 'TW' })
    await flushPromises()
    expect(month).toHaveBeenLastCalledWith(2026, 2, 'TW')
    expect(w.get('[data-test="cal-error"]').text()).toContain('服务器出错')
  })
})
