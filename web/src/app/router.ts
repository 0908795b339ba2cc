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
  // the public complaint form and status page: no session, no app frame
  { path: '/complaint', name: 'public-complaint', component: () => import('@/modules/service/complaints/pages/PublicComplaintPage.vue'), meta: { public: true, title: 'complaints.public.title' } },
  { path: '/complaint-status/:reference', name: 'public-complaint-status', component: () => import('@/modules/service/complaints/pages/PublicStatusPage.vue'), meta: { public: true, title: 'complaints.public.statusTitle' } },
  // the customer's survey answer page: no session, no app frame
  { path: '/survey', name: 'public-survey', component: () => import('@/modules/service/surveys/pages/PublicSurveyPage.vue'), meta: { public: true, title: 'surveys.public.title' } },
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
      // complaints (投诉)
      { path: 'service/complaints', name: 'complaints', component: () => import('@/modules/service/complaints/pages/ComplaintListPage.vue'), meta: { title: 'complaints.nav.list' } },
      { path: 'service/complaints/board', name: 'complaints-board', component: () => import('@/modules/service/complaints/pages/ComplaintBoardPage.vue'), meta: { title: 'complaints.nav.board' } },
      { path: 'service/complaints/analysis', name: 'complaints-analysis', component: () => import('@/modules/service/complaints/pages/ComplaintAnalysisPage.vue'), meta: { title: 'complaints.nav.analysis' } },
      { path: 'service/complaints/:id(\\d+)', name: 'complaint', component: () => import('@/modules/service/complaints/pages/ComplaintDetailPage.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'complaints.detail.title' } },
      { path: 'admin/service-settings', name: 'service-settings', component: () => import('@/modules/service/complaints/pages/ServiceSettingsPage.vue'), meta: { title: 'complaints.nav.settings', roles: ['admin', 'director'] } },
      // service requests, return visits and satisfaction surveys
      { path: 'service/requests', name: 'service-requests', component: () => import('@/modules/service/requests/pages/ServiceRequestsPage.vue'), meta: { title: 'serviceRequests.title' } },
      { path: 'admin/return-visits', name: 'return-visits', component: () => import('@/modules/service/requests/pages/ReturnVisitSettingsPage.vue'), meta: { title: 'serviceRequests.returnVisits.title', roles: ['admin', 'director'] } },
      { path: 'service/surveys', name: 'surveys', component: () => import('@/modules/service/surveys/pages/InvitationsPage.vue'), meta: { title: 'surveys.title' } },
      { path: 'service/surveys/templates', name: 'survey-templates', component: () => import('@/modules/service/surveys/pages/TemplatesPage.vue'), meta: { title: 'surveys.templates.title' } },
      { path: 'service/surveys/results', name: 'survey-results', component: () => import('@/modules/service/surveys/pages/ResultsPage.vue'), meta: { title: 'surveys.results.title' } },
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
