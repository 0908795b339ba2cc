// Customer import over HTTP: the template and error-file addresses, the upload (the CSV as the
// raw body, with upload progress, which fetch cannot report), the history and undo.
import { API_BASE, ApiError, CLIENT_CODES, buildQuery, getCsrfToken, http, parseApiError } from '@/app/api/http'
import { importQuery, reportFromPayload, type ImportHistoryItem, type ImportOptions, type ImportReport } from './importReport'

const IMPORTS = '/customers/imports'

export const importTemplateUrl = `${API_BASE}/customers/import-template.csv`

export function importErrorsUrl(id: number): string {
  return `${API_BASE}${IMPORTS}/${id}/errors.csv`
}

export function importUrl(opts: ImportOptions, run: { dryRun: boolean; validRows: boolean; withOwner: boolean }): string {
  return API_BASE + IMPORTS + buildQuery(importQuery(opts, run))
}

export interface ImportOutcome {
  /** HTTP status: 200 dry run, 201 stored, 422 refused */
  status: number
  report: ImportReport
  /** set when the server refused the file (422); the report says why, row by row */
  refused: ApiError | null
}

/** upload: bytes sent so far; processing: all sent, the server is reading the rows */
export type ImportPhase = 'upload' | 'processing'

export interface UploadHooks {
  onProgress?: (phase: ImportPhase, loaded: number, total: number) => void
  signal?: AbortSignal
  locale?: string
}

/** What a finished request means: a report, a refusal with a report, or an ApiError to throw. */
export function outcomeOf(status: number, text: string, statusText = ''): ImportOutcome {
  let payload: unknown = text
  if (text) {
    try {
      payload = JSON.parse(text)
    } catch {
      /* keep the raw text */
    }
  }
  if (status >= 200 && status < 300) {
    const report = reportFromPayload(payload)
    if (!report) throw parseApiError(status, payload, 'invalid JSON')
    return { status, report, refused: null }
  }
  const err = parseApiError(status, payload, statusText)
  const report = status === 422 ? reportFromPayload(payload) : null
  if (report) return { status, report, refused: err }
  throw err
}

/**
 * POST the file to /customers/imports. Resolves with the report (also for a 422 that carries
 * one); rejects with an ApiError for anything else, or an AbortError when aborted.
 */
export function uploadImport(
  file: Blob,
  opts: ImportOptions,
  run: { dryRun: boolean; validRows: boolean; withOwner: boolean },
  hooks: UploadHooks = {},
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', importUrl(opts, run))
    xhr.setRequestHeader('Content-Type', 'text/csv')
    xhr.setRequestHeader('Accept', 'application/json')
    if (hooks.locale) xhr.setRequestHeader('Accept-Language', hooks.locale)
    const token = getCsrfToken()
    if (token) xhr.setRequestHeader('X-CSRF-Token', token)
    xhr.upload.onprogress = (e) => hooks.onProgress?.('upload', e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.upload.onload = () => hooks.onProgress?.('processing', file.size, file.size)
    xhr.onload = () => {
      try {
        resolve(outcomeOf(xhr.status, xhr.responseText, xhr.statusText))
      } catch (e) {
        // an expired session: let the shared client's handlers take the person to the login page
        if (e instanceof ApiError && (e.status === 401 || e.code === 'password_change_required')) {
          void http.get(IMPORTS).catch(() => undefined)
        }
        reject(e)
      }
    }
    xhr.onerror = () => reject(new ApiError(0, { code: CLIENT_CODES.network, message: 'network error' }))
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    if (hooks.signal) {
      if (hooks.signal.aborted) return reject(new DOMException('aborted', 'AbortError'))
      hooks.signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    xhr.send(file)
  })
}

/** What POST …/undo answers: customers moved to the recycle bin, restored, and kept (changed since). */
export interface UndoResult {
  id: number
  undone_at: string
  version: number
  deleted?: number
  restored?: number
  kept?: number
}

export const importsApi = {
  history: (page = 1, pageSize = 50) =>
    http.get<{ items: ImportHistoryItem[]; total: number }>(IMPORTS, { page, page_size: pageSize }),
  undo: (item: Pick<ImportHistoryItem, 'id' | 'version'>) =>
    http.post<UndoResult>(`${IMPORTS}/${item.id}/undo`, item.version === undefined ? {} : { version: item.version }),
}
