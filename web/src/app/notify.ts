import { ElMessage } from 'element-plus'
import { ApiError, CLIENT_CODES } from '@/app/api/http'
import { i18n } from '@/app/i18n'

/** The text to show a person for a failed call: the server's own message (already in their language). */
export function errorText(e: unknown): string {
  const t = i18n.global.t
  if (e instanceof ApiError) {
    if (e.code === CLIENT_CODES.network) return t('common.networkError')
    if (e.message && e.status !== 0) return e.message
  }
  return t('common.unknownError')
}

export function showError(e: unknown): void {
  // 401 and password_change_required are handled by navigation already.
  if (e instanceof ApiError && (e.status === 401 || e.code === 'password_change_required')) return
  ElMessage({ type: 'error', message: errorText(e), grouping: true, showClose: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true })
}
