import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import { useSessionStore } from '@/app/stores/session'
import type { Role } from '@/modules/auth/types'
import type { ContactLog } from '../types'

const list = vi.fn()
const promises = vi.fn()
vi.mock('../api', () => ({
  contactLogsApi: { list: (...a: unknown[]) => list(...a) },
  promisesApi: { list: (...a: unknown[]) => promises(...a) },
  careApi: { today: () => Promise.resolve({ counts: {} }) },
}))
vi.mock('@/modules/customers/api', () => ({ customersApi: { get: () => Promise.resolve({ contacts: [] }) } }))

import ContactLogTab from '../components/ContactLogTab.vue'

const entry = (over: Partial<ContactLog>): ContactLog => ({
  id: 1, customer_id: 7, customer_name: '深圳市张伟润滑油有限公司', kind: 'call', at: '2025-01-31T02:00:00Z', day: '2025-01-31',
  summary: '电话问候', outcome: '客户同意加单', next_contact_date: '2025-02-10', gift: null, visit_id: null,
  user_id: 6, user_name: '李娜', version: 1, created_at: '2025-01-31T02:00:00Z', updated_at: '2025-01-31T02:00:00Z',
  contacts: [{ id: 31, name: '孙总', title: '总经理', left: false }], promises: [], ...over,
})
const logs = [
  entry({}),
  entry({
    id: 2, kind: 'gift', user_id: 9, user_name: '赵敏', summary: '送去年货', outcome: null, next_contact_date: null, gift: { item: '坚果礼盒', cost: 28850, reason: '春节' },
    contacts: [{ id: 32, name: '王芳', title: null, left: true }],
    promises: [{ id: 5, customer_id: 7, customer_name: 'x', log_id: 2, text: '节后寄样品', due_date: '2025-02-05', status: 'kept', closed_note: '已寄出', closed_by_name: '赵敏', closed_at: null, user_id: 9, user_name: '赵敏', version: 2, created_at: '' }],
  }),
]

async function mountTab(role: Role, canEdit = true) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = { id: 6, username: 'alice', name: '李娜', role, team_id: null, team_name: null, active: true, must_change_password: false, version: 1 }
  const w = mount(ContactLogTab, { props: { customerId: 7, customerName: '深圳市张伟润滑油有限公司', contacts: [], canEdit }, global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body })
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
  return w
}

const items = () => [...document.querySelectorAll('[data-test="log-item"]')]

afterEach(() => {
  list.mockReset()
  promises.mockReset()
  document.body.innerHTML = ''
})

describe('ContactLogTab', () => {
  it('shows the entries with contacts, gift in yuan and promises; its author may change an entry', async () => {
    setLocale('zh-CN')
    list.mockResolvedValue({ items: logs, total: 2, page: 1, page_size: 10 })
    promises.mockResolvedValue({ items: [{ id: 6, text: '月底前提供报价单', due_date: '2025-02-01', status: 'open', user_name: '李娜', version: 1 }], total: 1 })
    const w = await mountTab('account_manager')
    expect(list).toHaveBeenCalledWith({ customer_id: 7, kind: undefined, page: 1, page_size: 10 })
    expect(promises).toHaveBeenCalledWith({ customer_id: 7, status: 'open', page_size: 100 })
    expect(items()).toHaveLength(2)
    const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim()
    const [first, second] = items()
    expect(text(first.querySelector('[data-test="kind-call"]'))).toBe('电话')
    expect(text(first.querySelector('[data-test="log-contact"]'))).toBe('孙总总经理')
    expect(text(first)).toContain('客户同意加单')
    expect(text(first)).toContain('2025-02-10')
    expect(text(second.querySelector('[data-test="log-gift"]'))).toBe('礼品：坚果礼盒 ¥288.50 · 春节')
    expect(text(second.querySelector('[data-test="log-contact"]'))).toBe('王芳已离职')
    expect(text(second.querySelector('[data-test="log-promise"]'))).toBe('已兑现节后寄样品期限 2025-02-05 · 已寄出')
    // mine: edit and delete; a colleague's: nothing
    expect(items()[0].querySelector('[data-test="log-edit"]')).not.toBeNull()
    expect(items()[1].querySelector('[data-test="log-edit"]')).toBeNull()
    expect(document.querySelector('[data-test="log-add"]')).not.toBeNull()
    expect(document.querySelector('[data-test="open-promise"]')?.textContent).toContain('月底前提供报价单')
    expect(document.querySelector('[data-test="promise-keep"]')).not.toBeNull()
    w.unmount()
  })

  it('lets a lead change anybody\'s entry, and gives the read-only roles no write buttons', async () => {
    list.mockResolvedValue({ items: logs, total: 2, page: 1, page_size: 10 })
    promises.mockResolvedValue({ items: [{ id: 6, text: '月底前提供报价单', due_date: '2025-02-01', status: 'open', user_name: '李娜', version: 1 }], total: 1 })
    let w = await mountTab('manager')
    expect(items()[1].querySelector('[data-test="log-edit"]')).not.toBeNull()
    w.unmount()
    document.body.innerHTML = ''
    w = await mountTab('service')
    expect(document.querySelector('[data-test="log-add"]')).toBeNull()
    expect(document.querySelector('[data-test="log-edit"]')).toBeNull()
    expect(document.querySelector('[data-test="promise-keep"]')).toBeNull()
    w.unmount()
    document.body.innerHTML = ''
    // a customer the account manager may only read
    w = await mountTab('account_manager', false)
    expect(document.querySelector('[data-test="log-add"]')).toBeNull()
    w.unmount()
  })
})
