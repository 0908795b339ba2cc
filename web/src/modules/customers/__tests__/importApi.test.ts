import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, setCsrfToken } from '@/app/api/http'
import { importErrorsUrl, importTemplateUrl, importUrl, outcomeOf, uploadImport } from '../importApi'
import { defaultOptions } from '../importReport'

const REPORT = {
  id: 7, dry_run: false, encoding: 'utf-8', duplicate_key: 'name', mode: 'skip',
  columns: [{ index: 0, header: '客户名称', field: 'name' }, { index: 1, header: '手机', field: 'contact_mobile' }],
  unmapped: [], rows: 3, created: 2, updated: 0, skipped: 0, invalid: 1,
  errors: [{ row: 3, column: '手机', field: 'contact_mobile', message: '手机号应为 11 位' }], seconds: 0.1,
}

/** Enough of XMLHttpRequest for uploadImport; the test answers with respond(). */
class FakeXHR {
  static last: FakeXHR
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  status = 0
  statusText = ''
  responseText = ''
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  constructor() {
    FakeXHR.last = this
  }
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v
  }
  send(body: unknown) {
    this.body = body
  }
  abort() {
    this.onabort?.()
  }
  respond(status: number, body: unknown) {
    this.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true })
    this.upload.onload?.()
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.onload?.()
  }
}

beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXHR))
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('import addresses', () => {
  it('builds the template, errors and upload URLs', () => {
    expect(importTemplateUrl).toBe('/api/v1/customers/import-template.csv')
    expect(importErrorsUrl(7)).toBe('/api/v1/customers/imports/7/errors.csv')
    expect(importUrl({ ...defaultOptions(), owner_id: 4 }, { dryRun: true, validRows: false, withOwner: true })).toBe(
      '/api/v1/customers/imports?dry_run=true&duplicate_key=name&mode=skip&valid_rows=false&encoding=auto&owner_id=4',
    )
  })
})

describe('outcomeOf', () => {
  it('returns the report of a 200 or 201', () => {
    const o = outcomeOf(201, JSON.stringify(REPORT))
    expect(o).toMatchObject({ status: 201, refused: null })
    expect(o.report.id).toBe(7)
  })

  it('keeps the report of a 422 and the error beside it', () => {
    const o = outcomeOf(422, JSON.stringify({ error: { code: 'validation_failed', message: '有 1 行有误，未导入', request_id: 'x' }, ...REPORT, id: null }))
    expect(o.status).toBe(422)
    expect(o.refused).toBeInstanceOf(ApiError)
    expect(o.refused?.message).toBe('有 1 行有误，未导入')
    expect(o.report.errors[0]).toMatchObject({ row: 3, column: '手机' })
  })

  it('throws an ApiError for a 422 without a report and for other failures', () => {
    expect(() => outcomeOf(422, JSON.stringify({ error: { code: 'validation_failed', message: 'bad', fields: { duplicate_key: 'x' } } }))).toThrow(ApiError)
    try {
      outcomeOf(413, JSON.stringify({ error: { code: 'too_large', message: '文件超过 50 MB' } }))
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ status: 413, code: 'too_large', message: '文件超过 50 MB' })
    }
    expect(() => outcomeOf(502, '<html>bad gateway</html>')).toThrow(ApiError)
    // a success that is not a report is a bad response, not a silent empty report
    expect(() => outcomeOf(200, 'not json')).toThrow(ApiError)
  })
})

describe('uploadImport', () => {
  it('sends the raw file with the CSRF token and reports progress, then processing', async () => {
    setCsrfToken('tok')
    const file = new File(['客户名称\n甲\n'], 'a.csv', { type: 'text/csv' })
    const phases: string[] = []
    const p = uploadImport(file, defaultOptions(), { dryRun: true, validRows: false, withOwner: false }, {
      locale: 'zh-TW',
      onProgress: (phase, loaded, total) => phases.push(`${phase}:${loaded}/${total}`),
    })
    const x = FakeXHR.last
    expect(x.method).toBe('POST')
    expect(x.url).toContain('/api/v1/customers/imports?dry_run=true')
    expect(x.body).toBe(file)
    expect(x.headers).toMatchObject({ 'Content-Type': 'text/csv', 'X-CSRF-Token': 'tok', 'Accept-Language': 'zh-TW' })
    x.respond(200, { ...REPORT, id: null, dry_run: true })
    const o = await p
    expect(o.report.dry_run).toBe(true)
    expect(phases).toEqual(['upload:5/10', `processing:${file.size}/${file.size}`])
  })

  it('resolves a 422 with its report, rejects other errors, and aborts', async () => {
    const file = new File(['x'], 'a.csv')
    let p = uploadImport(file, defaultOptions(), { dryRun: false, validRows: false, withOwner: false })
    FakeXHR.last.respond(422, { error: { code: 'validation_failed', message: 'no' }, ...REPORT })
    expect((await p).refused?.code).toBe('validation_failed')

    p = uploadImport(file, defaultOptions(), { dryRun: false, validRows: false, withOwner: false })
    FakeXHR.last.respond(409, { error: { code: 'conflict', message: '另一个导入正在进行' } })
    await expect(p).rejects.toMatchObject({ status: 409, message: '另一个导入正在进行' })

    p = uploadImport(file, defaultOptions(), { dryRun: false, validRows: false, withOwner: false })
    FakeXHR.last.onerror?.()
    await expect(p).rejects.toMatchObject({ status: 0, code: 'network_error' })

    const ac = new AbortController()
    p = uploadImport(file, defaultOptions(), { dryRun: true, validRows: false, withOwner: false }, { signal: ac.signal })
    ac.abort()
    await expect(p).rejects.toMatchObject({ name: 'AbortError' })
  })
})
