import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { useSessionStore } from '@/app/stores/session'
import type { Role } from '@/modules/auth/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title */
    title?: string
    /** public pages need no session */
    public?: boolean
    roles?: Role[]
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/modules/auth/pages/LoginPage.vue'), meta: { public: true, title: 'auth.loginTitle' } },
  { path: '/change-password', name: 'change-password', component: () => import('@/modules/auth/pages/ChangePasswordPage.vue'), meta: { title: 'auth.changePasswordTitle' } },
  {
    path: '/',
    component: () => import('@/app/layout/AppLayout.vue'),
    children: [
      { path: '', redirect: { name: 'today' } },
      { path: 'today', name: 'today', component: () => import('@/modules/care/pages/TodayPage.vue'), meta: { title: 'care.nav.today' } },
      { path: 'care/overdue', name: 'care-overdue', component: () => import('@/modules/care/pages/OverduePage.vue'), meta: { title: 'care.nav.overdue' } },
      { path: 'admin/care-settings', name: 'care-settings', component: () => import('@/modules/care/pages/CareSettingsPage.vue'), meta: { title: 'care.nav.settings', roles: ['admin', 'director'] } },
      { path: 'care/visits', name: 'care-visits', component: () => import('@/modules/care/visits/pages/VisitsPage.vue'), meta: { title: 'careVisits.title' } },
      { path: 'care/regional-events', name: 'care-regional-events', component: () => import('@/modules/care/events/pages/RegionalEventsPage.vue'), meta: { title: 'careEvents.regional.title' } },
      { path: 'customers', name: 'customers', component: () => import('@/modules/customers/pages/CustomerListPage.vue'), meta: { title: 'nav.customerList' } },
      { path: 'customers/recycle-bin', name: 'recycle-bin', component: () => import('@/modules/customers/pages/RecycleBinPage.vue'), meta: { title: 'nav.recycleBin' } },
      { path: 'customers/:id(\\d+)', name: 'customer', component: () => import('@/modules/customers/pages/CustomerDetailPage.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'nav.customers' } },
      { path: 'sales/products', name: 'products', component: () => import('@/modules/sales/pages/ProductsPage.vue'), meta: { title: 'nav.products' } },
      { path: 'sales/orders', name: 'orders', component: () => import('@/modules/sales/pages/OrdersPage.vue'), meta: { title: 'nav.orders' } },
      { path: 'sales/orders/new', name: 'order-new', component: () => import('@/modules/sales/pages/OrderEntryPage.vue'), meta: { title: 'sales.entry.title' } },
      { path: 'sales/returns', name: 'returns', component: () => import('@/modules/sales/pages/ReturnsPage.vue'), meta: { title: 'nav.returns' } },
      { path: 'calendar', name: 'calendar', component: () => import('@/modules/calendar/pages/CalendarPage.vue'), meta: { title: 'calendar.title' } },
      { path: 'admin/holidays', name: 'admin-holidays', component: () => import('@/modules/calendar/pages/HolidaysPage.vue'), meta: { title: 'calendar.holidaysTitle', roles: ['admin'] } },
      { path: 'admin/users', name: 'admin-users', component: () => import('@/modules/admin/pages/UsersPage.vue'), meta: { title: 'nav.users', roles: ['admin'] } },
      { path: 'admin/teams', name: 'admin-teams', component: () => import('@/modules/admin/pages/TeamsPage.vue'), meta: { title: 'nav.teams', roles: ['admin'] } },
      { path: 'admin/custom-fields', name: 'admin-custom-fields', component: () => import('@/modules/admin/pages/CustomFieldsPage.vue'), meta: { title: 'nav.customFields', roles: ['admin'] } },
      { path: 'profile', name: 'profile', component: () => import('@/modules/admin/pages/ProfilePage.vue'), meta: { title: 'nav.profile' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/app/pages/NotFoundPage.vue'), meta: { title: 'common.notFound' } },
    ],
  },
]

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (!session.loaded) await session.load()
    if (to.meta.public) {
      // Already signed in: the login page has nothing to do.
      if (to.name === 'login' && session.user) return session.mustChangePassword ? { name: 'change-password' } : { name: 'customers' }
      return true
    }
    if (!session.user) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
    if (session.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' }
    if (to.meta.roles && !to.meta.roles.includes(session.user.role)) return { name: 'customers' }
    return true
  })

  return router
}
