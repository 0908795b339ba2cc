import { createI18n } from 'vue-i18n'
import { computed, ref } from 'vue'
import zhCnEl from 'element-plus/es/locale/lang/zh-cn'
import zhTwEl from 'element-plus/es/locale/lang/zh-tw'
import enEl from 'element-plus/es/locale/lang/en'
import zhCN from '@/locales/zh-CN'
import zhTW from '@/locales/zh-TW'
import en from '@/locales/en'

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'kehu.locale'

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (isLocale(v)) return v
  } catch {
    /* storage blocked */
  }
  return DEFAULT_LOCALE
}

export type MessageSchema = typeof zhCN

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en },
  missingWarn: false,
  fallbackWarn: false,
})

const current = ref<Locale>(i18n.global.locale.value as Locale)

export const currentLocale = computed(() => current.value)

const EL_LOCALES = { 'zh-CN': zhCnEl, 'zh-TW': zhTwEl, en: enEl }
export const elementLocale = computed(() => EL_LOCALES[current.value])

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  current.value = l
  try {
    localStorage.setItem(STORAGE_KEY, l)
  } catch {
    /* ignore */
  }
  document.documentElement.lang = l
}

export function getLocale(): Locale {
  return current.value
}
