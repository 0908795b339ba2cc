// The one place that talks HTTP to the kehu server (same origin, /api/v1).
// It sends the session cookie, the UI language and the CSRF token on writes,
// and turns the server's error JSON into a typed ApiError.

export const API_BASE = '/api/v1'

export interface DuplicateMatch {
  id: number
  name: string
  reason: string
  owner_name?: string | null
  /** false when the caller may not open the existing customer */
  visible?: boolean
}

export interface ApiErrorBody {
  code: string
  message: string
  fields?: Record<string, string>
  warnings?: Record<string, string>
  matches?: DuplicateMatch[]
  request_id?: string
  /** Any other members of the error object (e.g. `credit` of credit_limit_exceeded). */
  extra?: Record<string, unknown>
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  readonly warnings: Record<string, string>
  readonly matches: DuplicateMatch[]
  readonly requestId?: string
  /** Members of the error object beyond the common ones, such as `credit`. */
  readonly extra: Record<string, unknown>

  constructor(status: number, body: ApiErrorBody) {
    super(body.message || body.code)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields ?? {}
    this.warnings = body.warnings ?? {}
    this.matches = body.matches ?? []
    this.requestId = body.request_id
    this.extra = body.extra ?? {}
  }

  /** True when the error carries anything to show next to form items. */
  get hasFields(): boolean {
    return Object.keys(this.fields).length > 0
  }
}

/** Codes the client itself produces when no server error body is available. */
export const CLIENT_CODES = { network: 'network_error', badResponse: 'bad_response' } as const

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  423: 'locked',
  429: 'rate_limited',
}

const COMMON_ERROR_KEYS = new Set(['code', 'message', 'fields', 'warnings', 'matches', 'request_id'])

function asStringMap(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    out[k] = typeof val === 'string' ? val : JSON.stringify(val)
  }
  return out
}

/** Parse an error response body (already decoded JSON or raw text) into an ApiError. */
export function parseApiError(status: number, payload: unknown, statusText = ''): ApiError {
  const err =
    payload && typeof payload === 'object' && 'error' in payload
      ? (payload as { error: unknown }).error
      : undefined
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>
    const code = typeof e.code === 'string' && e.code ? e.code : STATUS_CODES[status] ?? 'internal'
    return new ApiError(status, {
      code,
      message: typeof e.message === 'string' ? e.message : '',
      fields: asStringMap(e.fields),
      warnings: asStringMap(e.warnings),
      matches: Array.isArray(e.matches) ? (e.matches as DuplicateMatch[]) : undefined,
      request_id: typeof e.request_id === 'string' ? e.request_id : undefined,
      extra: Object.fromEntries(Object.entries(e).filter(([k]) => !COMMON_ERROR_KEYS.has(k))),
    })
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : CLIENT_CODES.badResponse)
  const text = typeof payload === 'string' ? payload.slice(0, 200) : ''
  return new ApiError(status, { code, message: text || statusText || `HTTP ${status}` })
}

export interface HttpHooks {
  /** Current UI locale, sent as Accept-Language. */
  locale: () => string
  /** Called on 401 (except for calls that opt out, such as login and /auth/me). */
  onUnauthenticated: () => void
  /** Called on 403 password_change_required. */
  onPasswordChangeRequired: () => void
}

let csrfToken = ''
let hooks: HttpHooks = {
  locale: () => 'zh-CN',
  onUnauthenticated: () => {},
  onPasswordChangeRequired: () => {},
}

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? ''
}
export function getCsrfToken(): string {
  return csrfToken
}
export function setHttpHooks(h: Partial<HttpHooks>): void {
  hooks = { ...hooks, ...h }
}

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>

export function buildQuery(q?: Query): string {
  if (!q) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => p.append(k, String(x)))
    else p.append(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** Do not run the global 401 handler (login page, session probe). */
  skipAuthRedirect?: boolean
  signal?: AbortSignal
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.locale(),
  }
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let res: Response
  try {
    res = await fetch(API_BASE + path + buildQuery(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, { code: CLIENT_CODES.network, message: String(e) })
  }

  const text = res.status === 204 ? '' : await res.text()
  let payload: unknown = text
  if (text) {
    try {
      payload = JSON.parse(text)
    } catch {
      /* keep the raw text */
    }
  }

  if (!res.ok) {
    const err = parseApiError(res.status, payload, res.statusText)
    if (res.status === 401 && !opts.skipAuthRedirect) hooks.onUnauthenticated()
    if (res.status === 403 && err.code === 'password_change_required') hooks.onPasswordChangeRequired()
    throw err
  }
  if (!text) return undefined as T
  if (typeof payload === 'string') throw parseApiError(res.status, payload, 'invalid JSON')
  return payload as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PATCH', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts: RequestOptions = {}) => request<T>('PUT', path, { ...opts, body }),
  del: <T = void>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>('DELETE', path, { ...opts, query }),
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}
