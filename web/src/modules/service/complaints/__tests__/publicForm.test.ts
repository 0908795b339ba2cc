import { describe, expect, it } from 'vitest'
import { emptyPublicDraft, publicBody, type PublicDraft } from '../publicForm'

const msg = { required: 'required', tooLong: (n: number) => `max ${n}`, contactRequired: 'contact', phoneInvalid: 'phone', emailInvalid: 'email' }
const d = (over: Partial<PublicDraft>): PublicDraft => ({ ...emptyPublicDraft(), name: '张先生', category: 'delivery', description: '货到晚了一周', phone: '13800138000', ...over })

describe('the public complaint form', () => {
  it('sends the trimmed values, leaving out what is empty', () => {
    expect(publicBody(d({ name: ' 张先生 ', company: '', email: '', description: ' 货到晚了一周 \n' }), msg)).toEqual({
      body: { name: '张先生', phone: '13800138000', category: 'delivery', description: '货到晚了一周' },
      errors: {},
    })
    expect(publicBody(d({ phone: '', email: 'zhang@example.com', company: '张记商行' }), msg).body).toEqual({
      name: '张先生', company: '张记商行', email: 'zhang@example.com', category: 'delivery', description: '货到晚了一周',
    })
  })

  it('needs a phone or an e-mail', () => {
    expect(publicBody(d({ phone: ' ', email: '' }), msg).errors).toEqual({ phone: 'contact' })
  })

  it.each([
    [{ name: '' }, { name: 'required' }],
    [{ name: '张'.repeat(51) }, { name: 'max 50' }],
    [{ company: 'x'.repeat(101) }, { company: 'max 100' }],
    [{ phone: '12345' }, { phone: 'phone' }],
    [{ phone: '138-0013-800a' }, { phone: 'phone' }],
    [{ email: 'not-an-email' }, { email: 'email' }],
    [{ category: '' }, { category: 'required' }],
    [{ description: '   ' }, { description: 'required' }],
    [{ description: '投'.repeat(5001) }, { description: 'max 5000' }],
  ])('refuses %o', (over, errors) => {
    const r = publicBody(d(over), msg)
    expect(r.body).toBeNull()
    expect(r.errors).toEqual(errors)
  })

  it('accepts phones with the usual separators and 5000 characters (emoji count once)', () => {
    expect(publicBody(d({ phone: '+86 138-0013-8000' }), msg).errors).toEqual({})
    expect(publicBody(d({ phone: '(020) 8888 6666' }), msg).errors).toEqual({})
    expect(publicBody(d({ description: '😀'.repeat(5000) }), msg).errors).toEqual({})
  })

  it('sends script text as it is (the server stores it inert)', () => {
    expect(publicBody(d({ description: '<script>alert(1)</script>' }), msg).body?.description).toBe('<script>alert(1)</script>')
  })
})
