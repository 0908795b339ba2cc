// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { feedUrls } from '../feedUrl'

const PATH = '/api/v1/feeds/calendar.ics?token=_J2cmy5qxCYdqZVHR-Ksj1rhOzLGG45P'

describe('calendar feed URL', () => {
  it('is the origin plus the path, and its webcal variant', () => {
    expect(feedUrls('https://crm.example.cn', PATH)).toEqual({
      url: `https://crm.example.cn${PATH}`,
      webcal: `webcal://crm.example.cn${PATH}`,
    })
    expect(feedUrls('http://127.0.0.1:18124', PATH, 'zh-CN')).toEqual({
      url: `http://127.0.0.1:18124${PATH}`,
      webcal: `webcal://127.0.0.1:18124${PATH}`,
    })
  })

  it('adds the language of the texts unless it is the default or already there', () => {
    expect(feedUrls('https://crm.example.cn', PATH, 'zh-TW').url).toBe(`https://crm.example.cn${PATH}&lang=zh-TW`)
    expect(feedUrls('https://crm.example.cn', PATH, 'en').webcal).toBe(`webcal://crm.example.cn${PATH}&lang=en`)
    expect(feedUrls('https://crm.example.cn', `${PATH}&lang=en`, 'zh-TW').url).toBe(`https://crm.example.cn${PATH}&lang=en`)
    expect(feedUrls('https://crm.example.cn', '/api/v1/feeds/calendar.ics', 'en').url).toBe('https://crm.example.cn/api/v1/feeds/calendar.ics?lang=en')
  })

  it('joins the slashes once', () => {
    expect(feedUrls('https://crm.example.cn/', 'api/v1/feeds/calendar.ics?token=x').url).toBe('https://crm.example.cn/api/v1/feeds/calendar.ics?token=x')
  })
})
