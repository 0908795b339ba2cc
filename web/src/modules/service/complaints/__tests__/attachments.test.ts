import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '@/app/api/http'
import { attachmentUrl, formatSize, uploadAttachment, uploadUrl } from '../attachments'

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken('')
})

describe('attachments', () => {
  it('puts the file name in the query, encoded', () => {
    expect(uploadUrl(7, '桶 身.png')).toBe('/api/v1/complaints/7/attachments?name=%E6%A1%B6%20%E8%BA%AB.png')
    expect(uploadUrl(7, '../a&b.pdf')).toBe('/api/v1/complaints/7/attachments?name=..%2Fa%26b.pdf')
    expect(attachmentUrl(7, 3)).toBe('/api/v1/complaints/7/attachments/3')
  })

  it('formats sizes', () => {
    expect(formatSize(12)).toBe('12 B')
    expect(formatSize(820 * 1024)).toBe('820 KB')
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB')
  })

  it('sends the file as the raw body with the CSRF token, and turns errors into ApiErrors', async () => {
    setCsrfToken('tok')
    const fetchMock = vi.fn().mockResolvedValueOnce(new Response(JSON.stringify({ id: 1, file_name: 'a.png', content_type: 'image/png', size: 3, created_at: 'x' }), { status: 201 }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'validation_failed', message: '只能上传图片或 PDF', fields: { file: '只能上传图片或 PDF' } } }), { status: 422 }))
    vi.stubGlobal('fetch', fetchMock)
    const file = new File([new Uint8Array([137, 80, 78])], 'a.png', { type: 'image/png' })
    const a = await uploadAttachment(9, file, 'zh-CN')
    expect(a.id).toBe(1)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/complaints/9/attachments?name=a.png')
    expect(init.method).toBe('POST')
    expect(init.body).toBe(file)
    expect(init.headers['X-CSRF-Token']).toBe('tok')
    await expect(uploadAttachment(9, file, 'zh-CN')).rejects.toMatchObject({ status: 422, code: 'validation_failed' })
  })
})
