import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { setCsrfToken } from '@/app/api/http'
import { authApi, type SessionReply } from '@/modules/auth/api'
import type { User } from '@/modules/auth/types'

/** Who is logged in. The server is the authority; this only caches /auth/me. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null)
  const loaded = ref(false)

  const isAdmin = computed(() => user.value?.role === 'admin')
  const mustChangePassword = computed(() => !!user.value?.must_change_password)
  /** Roles that may choose or change a customer's owner. */
  const canAssignOwner = computed(() => ['admin', 'director', 'manager'].includes(user.value?.role ?? ''))
  /** credit limit and return window: leads only (the server refuses them from others) */
  const canSetCreditTerms = canAssignOwner
  const canHandover = computed(() => ['admin', 'director', 'manager'].includes(user.value?.role ?? ''))

  function apply(reply: SessionReply | null) {
    user.value = reply?.user ?? null
    setCsrfToken(reply?.csrf_token)
    loaded.value = true
  }

  async function load(): Promise<User | null> {
    try {
      apply(await authApi.me())
    } catch (e) {
      // 403 password_change_required still means "logged in"; keep what we had then.
      const code = (e as { code?: string }).code
      if (code === 'password_change_required' && user.value) {
        user.value = { ...user.value, must_change_password: true }
        loaded.value = true
      } else {
        apply(null)
      }
    }
    return user.value
  }

  async function login(username: string, password: string): Promise<User> {
    const reply = await authApi.login(username, password)
    apply(reply)
    return reply.user
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      apply(null)
    }
  }

  function forget() {
    apply(null)
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword)
    if (user.value) user.value = { ...user.value, must_change_password: false }
    await load()
  }

  return { user, loaded, isAdmin, mustChangePassword, canAssignOwner, canSetCreditTerms, canHandover, load, login, logout, forget, changePassword }
})
