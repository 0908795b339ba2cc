// Wire types of /api/v1/calendar (see docs/api.md, "Calendar").

export type Region = 'CN' | 'TW' | 'HK'
export const REGIONS: Region[] = ['CN', 'TW', 'HK']

/** A lunar date: `year` is numbered as the Gregorian year of its 正月初一; `leap` marks 闰月. */
export interface LunarDate {
  year: number
  month: number
  day: number
  leap: boolean
}

export type FestivalName =
  | 'new_year' | 'laba' | 'new_years_eve' | 'spring_festival' | 'lantern' | 'qingming'
  | 'dragon_boat' | 'qixi' | 'mid_autumn' | 'national_day' | 'double_ninth'

export type SolarTermName =
  | 'xiaohan' | 'dahan' | 'lichun' | 'yushui' | 'jingzhe' | 'chunfen' | 'qingming' | 'guyu'
  | 'lixia' | 'xiaoman' | 'mangzhong' | 'xiazhi' | 'xiaoshu' | 'dashu' | 'liqiu' | 'chushu'
  | 'bailu' | 'qiufen' | 'hanlu' | 'shuangjiang' | 'lidong' | 'xiaoxue' | 'daxue' | 'dongzhi'

export interface FestivalDate {
  name: FestivalName
  date: string
}

export type DayKind = 'holiday' | 'workday'

export interface CalendarDay {
  date: string
  /** 1 Monday … 7 Sunday */
  weekday: number
  lunar: LunarDate
  solar_term: SolarTermName | null
  festivals: FestivalName[]
  holiday: { id: number; kind: DayKind; name: string } | null
  working_day: boolean
}

export interface MonthView {
  year: number
  month: number
  region: Region
  items: CalendarDay[]
}

export interface Holiday {
  id: number
  region: Region
  date: string
  kind: DayKind
  name: string
  version: number
  created_at: string
  updated_at: string
}

export interface HolidayInput {
  region: Region
  date: string
  kind: DayKind
  name: string
}

/** One entry of the caller's agenda (GET /me/agenda), already in the caller's language. */
export interface AgendaItem {
  date: string
  category: 'VISIT' | 'TASK' | 'PROMISE' | 'BIRTHDAY' | 'FESTIVAL'
  summary: string
  uid: string
  note: string
}
