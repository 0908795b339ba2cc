import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import '@/app/styles.css'
import App from '@/app/App.vue'
import { createAppRouter } from '@/app/router'
import { i18n, getLocale } from '@/app/i18n'
import { setHttpHooks } from '@/app/api/http'
import { useSessionStore } from '@/app/stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
const router = createAppRouter()
app.use(router)

document.documentElement.lang = getLocale()

setHttpHooks({
  locale: getLocale,
  onUnauthenticated: () => {
    const session = useSessionStore(pinia)
    session.forget()
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      void router.push({ name: 'login', query: current.fullPath && current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
    }
  },
  onPasswordChangeRequired: () => {
    const session = useSessionStore(pinia)
    if (session.user) session.user = { ...session.user, must_change_password: true }
    if (router.currentRoute.value.name !== 'change-password') void router.push({ name: 'change-password' })
  },
})

app.mount('#app')
