import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import type { Notification } from '../types'

const list = vi.fn()
const read = vi.fn()
const readAll = vi.fn()
const push = vi.fn()
vi.mock('../api', () => ({ notificationsApi: { list: (q: unknown) => list(q), read: (id: number) => read(id), readAll: () => readAll() } }))
vi.mock('vue-router', () => ({ useRouter: () => ({ push }) }))

import NotificationBell from '../components/NotificationBell.vue'
import { notificationTarget, POLL_MS } from '../target'

const items: Notification[] = [
  { id: 2, kind: 'complaint_escalated', entity: 'complaint', entity_id: 45, message: '投诉 TS-20261113-0001（九江市富远供应链管理有限公司）已超时两倍仍未响应，升级至总监', read: false, created_at: '2026-11-23T16:34:18Z' },
  { id: 1, kind: 'other', entity: null, entity_id: null, message: '系统维护通知', read: true, created_at: '2026-11-20T01:00:00Z' },
]
type Vm = { unread: number; items: Notification[]; pick: (n: Notification) => Promise<void>; readAll: () => Promise<void>; loadList: () => Promise<void> }

describe('NotificationBell', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    for (const f of [list, read, readAll, push]) f.mockReset()
    document.body.innerHTML = ''
  })
  afterEach(() => vi.useRealTimers())

  it('asks for the unread count on load and every minute', async () => {
    list.mockResolvedValue({ items: [], unread: 3, page: 1, page_size: 1 })
    const w = mount(NotificationBell, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(list).toHaveBeenCalledWith({ unread: true, page_size: 1 })
    expect(document.querySelector('[data-test="notify-count"] .el-badge__content')?.textContent?.trim()).toBe('3')
    list.mockResolvedValue({ items: [], unread: 5, page: 1, page_size: 1 })
    vi.advanceTimersByTime(POLL_MS)
    await flushPromises()
    expect(list).toHaveBeenCalledTimes(2)
    expect((w.vm as unknown as Vm).unread).toBe(5)
    w.unmount()
    vi.advanceTimersByTime(POLL_MS)
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('a click marks the message read and opens the complaint; mark all read', async () => {
    list.mockResolvedValue({ items, unread: 1, page: 1, page_size: 20 })
    const w = mount(NotificationBell, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    const vm = w.vm as unknown as Vm
    await vm.loadList()
    expect(vm.items.map((n) => n.message)).toEqual([items[0].message, '系统维护通知'])
    read.mockResolvedValue(undefined)
    await vm.pick(vm.items[0])
    expect(read).toHaveBeenCalledWith(2)
    expect(push).toHaveBeenCalledWith({ name: 'complaint', params: { id: 45 } })
    expect(vm.unread).toBe(0)
    // an already read one without a target: neither a call nor a move
    await vm.pick(vm.items[1])
    expect(read).toHaveBeenCalledTimes(1)
    expect(push).toHaveBeenCalledTimes(1)
    vm.unread = 4
    readAll.mockResolvedValue({ marked: 4 })
    await vm.readAll()
    expect(vm.unread).toBe(0)
    w.unmount()
  })

  it('targets: complaints and customers', () => {
    expect(notificationTarget({ entity: 'complaint', entity_id: 9 })).toEqual({ name: 'complaint', params: { id: 9 } })
    expect(notificationTarget({ entity: 'customer', entity_id: 3 })).toEqual({ name: 'customer', params: { id: 3 } })
    expect(notificationTarget({ entity: 'complaint', entity_id: null })).toBeNull()
    expect(notificationTarget({ entity: 'order', entity_id: 1 })).toBeNull()
  })
})
