// The complaint categories for the screens: loaded once, named in the UI language.
import { computed, ref } from 'vue'
import { currentLocale } from '@/app/i18n'
import { categoriesApi } from './api'
import { categoryLabel, categoryName } from './labels'
import type { Category } from './types'

export function useCategories() {
  const list = ref<Category[]>([])
  const load = () =>
    categoriesApi
      .list()
      .then((items) => void (list.value = items))
      .catch(() => undefined)
  void load()
  /** the active ones, for choosing */
  const options = computed(() => list.value.filter((c) => c.active).map((c) => ({ value: c.key, label: categoryName(c, currentLocale.value) })))
  const label = (key: string | null | undefined) => categoryLabel(key, list.value, currentLocale.value)
  return { list, options, label }
}
