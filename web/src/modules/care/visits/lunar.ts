// The lunar date of a day as a label (十月初四), asked of the server once per day and cached.
import { ref, watch, type Ref } from 'vue'
import { calendarApi } from '@/modules/calendar/api'
import { lunarDateLabel } from '@/modules/calendar/lunarLabel'
import type { LunarDate } from '@/modules/calendar/types'
import { currentLocale } from '@/app/i18n'
import { isDay } from './dates'

const cache = new Map<string, Promise<LunarDate>>()

function lunarOf(day: string): Promise<LunarDate> {
  let p = cache.get(day)
  if (!p) {
    p = calendarApi.lunar(day)
    p.catch(() => cache.delete(day))
    cache.set(day, p)
  }
  return p
}

/** A label that follows `day` (empty while unknown, for a non-date, or when the lookup fails). */
export function useLunarLabel(day: Ref<string | null | undefined>): Ref<string> {
  const label = ref('')
  let seq = 0
  watch(
    () => [day.value, currentLocale.value] as const,
    async ([d, locale]) => {
      const mine = ++seq
      label.value = ''
      if (!isDay(d)) return
      try {
        const l = await lunarOf(d)
        if (mine === seq) label.value = lunarDateLabel(l, locale)
      } catch {
        /* no label then */
      }
    },
    { immediate: true },
  )
  return label
}
