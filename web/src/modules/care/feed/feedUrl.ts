// The calendar subscription's addresses: the https (or http) URL to paste into a calendar
// application, and the webcal:// variant that opens the calendar application directly.

export interface FeedUrls {
  /** origin + path (with the language of the event texts unless it is the default zh-CN) */
  url: string
  /** the same address with the webcal scheme */
  webcal: string
}

/**
 * `origin` is `location.origin` ("https://crm.example.cn"), `path` what POST /me/calendar-feed
 * answered ("/api/v1/feeds/calendar.ics?token=…"). A `lang` other than zh-CN is added to the
 * query unless the path has one already.
 */
export function feedUrls(origin: string, path: string, lang?: string): FeedUrls {
  const base = origin.replace(/\/+$/, '')
  let p = path.startsWith('/') ? path : `/${path}`
  if (lang && lang !== 'zh-CN' && !/[?&]lang=/.test(p)) p += `${p.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`
  const url = base + p
  const webcal = url.replace(/^https?:\/\//i, 'webcal://')
  return { url, webcal }
}
