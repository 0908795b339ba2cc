import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'

const status = vi.fn()
const create = vi.fn()
const remove = vi.fn()
vi.mock('../api', () => ({
  calendarFeedApi: { status: () => status(), create: () => create(), remove: () => remove() },
}))

import CalendarFeedSection from '../CalendarFeedSection.vue'

const PATH = '/api/v1/feeds/calendar.ics?token=abc'

describe('CalendarFeedSection', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    for (const f of [status, create, remove]) f.mockReset()
    document.body.innerHTML = ''
  })

  it('turns the subscription on and shows the address once, with its webcal variant', async () => {
    status.mockResolvedValue({ active: false, created_at: null })
    const w = mount(CalendarFeedSection, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(w.get('[data-test="feed-status"]').text()).toBe('未开启')
    expect(w.find('[data-test="feed-off"]').exists()).toBe(false)
    create.mockResolvedValue({ token: 'abc', path: PATH })
    await w.get('[data-test="feed-create"]').trigger('click')
    await flushPromises()
    expect(create).toHaveBeenCalledTimes(1)
    expect((w.get('input[data-test="feed-url"]').element as HTMLInputElement).value).toBe(`${location.origin}${PATH}`)
    expect((w.get('input[data-test="feed-webcal"]').element as HTMLInputElement).value).toBe(`${location.origin.replace(/^https?:/, 'webcal:')}${PATH}`)
    expect(w.get('[data-test="feed-status"]').text()).toBe('已开启')
    expect(w.get('[data-test="feed-create"]').text()).toBe('重新生成链接')
    w.unmount()
  })

  it('asks before making a new link and before turning it off', async () => {
    status.mockResolvedValue({ active: true, created_at: '2027-02-01T02:00:00Z' })
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = mount(CalendarFeedSection, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    create.mockResolvedValue({ token: 'def', path: PATH })
    await w.get('[data-test="feed-create"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(String(confirm.mock.calls[0][0])).toContain('旧的订阅链接将停止工作')
    expect(create).toHaveBeenCalledTimes(1)
    remove.mockResolvedValue(undefined)
    await w.get('[data-test="feed-off"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(2)
    expect(remove).toHaveBeenCalledTimes(1)
    expect(w.get('[data-test="feed-status"]').text()).toBe('未开启')
    expect(w.find('[data-test="feed-url"]').exists()).toBe(false)
    confirm.mockRestore()
    w.unmount()
  })
})
