import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, parseApiError, request, setCsrfToken, setHttpHooks, buildQuery, http } from '../http'

describe('parseApiError', () => {
  it('reads code, message, fields and request id from the error JSON', () => {
    const e = parseApiError(422, {
      error: { code: 'validation_failed', message: '名称不能为空', fields: { name: '必填' }, request_id: 'r-1' },
    })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(422)
    expect(e.code).toBe('validation_failed')
    expect(e.message).toBe('名称不能为空')
    expect(e.fields).toEqual({ name: '必填' })
    expect(e.hasFields).toBe(true)
    expect(e.requestId).toBe('r-1')
  })

  it('keeps duplicate matches and overridable warnings', () => {
    const dup = parseApiError(409, {
      error: { code: 'duplicate', message: 'dup', matches: [{ id: 7, name: '张伟贸易', reason: 'name' }] },
    })
    expect(dup.matches).toEqual([{ id: 7, name: '张伟贸易', reason: 'name' }])
    const warn = parseApiError(422, {
      error: { code: 'validation_failed', message: 'check', warnings: { credit_code: '校验位不对' } },
    })
    expect(warn.warnings).toEqual({ credit_code: '校验位不对' })
    expect(warn.hasFields).toBe(false)
  })

  it('falls back to a code from the status when the body is not the error JSON', () => {
    const e = parseApiError(502, '<html>Bad gateway</html>', 'Bad Gateway')
    expect(e.code).toBe('internal')
    expect(e.message).toContain('Bad gateway')
    expect(parseApiError(404, null).code).toBe('not_found')
    expect(parseApiError(409, { error: { message: 'x' } }).code).toBe('conflict')
    expect(parseApiError(418, undefined, "I'm a teapot").message).toBe("I'm a teapot")
  })

  it('turns non-string field messages into text instead of failing', () => {
    const e = parseApiError(422, { error: { code: 'validation_failed', message: 'm', fields: { a: ['x'], b: 3 } } })
    expect(e.fields).toEqual({ a: '["x"]', b: '3' })
  })
})

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ q: '张伟', page: 1, grade: '', owner_id: undefined, x: null })).toBe('?q=%E5%BC%A0%E4%BC%9F&page=1')
    expect(buildQuery({})).toBe('')
  })
})

describe('request', () => {
  const fetchMock = vi.fn()
  const onUnauthenticated = vi.fn()
  const onPasswordChangeRequired = vi.fn()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    setHttpHooks({ locale: () => 'zh-TW', onUnauthenticated, onPasswordChangeRequired })
    setCsrfToken('tok-123')
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
    onUnauthenticated.mockReset()
    onPasswordChangeRequired.mockReset()
    setCsrfToken('')
  })

  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

  it('sends the locale, cookies and the CSRF token on writes only', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0 }))
    await http.get('/customers', { q: 'zw' })
    let [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/customers?q=zw')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers['Accept-Language']).toBe('zh-TW')
    expect(init.headers['X-CSRF-Token']).toBeUndefined()

    fetchMock.mockResolvedValueOnce(json(201, { id: 1 }))
    const created = await http.post<{ id: number }>('/customers', { name: 'A' })
    expect(created).toEqual({ id: 1 })
    ;[url, init] = fetchMock.mock.calls[1]
    expect(init.method).toBe('POST')
    expect(init.headers['X-CSRF-Token']).toBe('tok-123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"name":"A"}')
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await expect(http.del('/customers/1', { version: 3 })).resolves.toBeUndefined()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/customers/1?version=3')
  })

  it('throws a typed ApiError with the server fields', async () => {
    fetchMock.mockResolvedValueOnce(
      json(422, { error: { code: 'validation_failed', message: '手机号格式不对', fields: { 'contacts[0].mobile': '应为 11 位' } } }),
    )
    const err = (await http.post('/customers', {}).catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('validation_failed')
    expect(err.fields['contacts[0].mobile']).toBe('应为 11 位')
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('calls the login hook on 401 unless asked not to', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json(401, { error: { code: 'unauthenticated', message: '请先登录' } })))
    await expect(request('GET', '/customers')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    await expect(request('GET', '/auth/me', { skipAuthRedirect: true })).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('calls the password hook on 403 password_change_required only', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'password_change_required', message: '请修改密码' } }))
    await expect(request('GET', '/customers')).rejects.toMatchObject({ code: 'password_change_required' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'forbidden', message: 'no' } }))
    await expect(request('GET', '/customers')).rejects.toMatchObject({ code: 'forbidden' })
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
  })

  it('reports a network failure as network_error', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(request('GET', '/customers')).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })
})
