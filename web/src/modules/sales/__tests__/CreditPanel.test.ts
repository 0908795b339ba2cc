import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/app/i18n'
import CreditPanel from '../components/CreditPanel.vue'

const mountPanel = (props: { credit: InstanceType<typeof CreditPanel>['$props']['credit'] }) => mount(CreditPanel, { props, global: { plugins: [i18n, ElementPlus] } })

describe('CreditPanel', () => {
  it('shows limit, outstanding now and after this order, within the limit', () => {
    setLocale('zh-CN')
    const w = mountPanel({ credit: { within: true, limit: 10_000_000, outstanding_before: 2_000_000, order_amount: 599_700, outstanding_after: 2_599_700 } })
    expect(w.get('[data-test="credit-limit"]').text()).toBe('¥100,000.00')
    expect(w.get('[data-test="credit-before"]').text()).toBe('¥20,000.00')
    expect(w.get('[data-test="credit-order"]').text()).toBe('¥5,997.00')
    expect(w.get('[data-test="credit-after"]').text()).toBe('¥25,997.00')
    expect(w.find('[data-test="credit-warning"]').exists()).toBe(false)
    expect(w.get('[data-test="credit-ok"]').text()).toBe('在授信额度以内')
  })

  it('warns in red when the order takes the customer over the limit, with the excess', () => {
    setLocale('zh-CN')
    const w = mountPanel({ credit: { within: false, limit: 10_000_000, outstanding_before: 9_000_000, order_amount: 2_000_000, outstanding_after: 11_000_000 } })
    const warn = w.get('[data-test="credit-warning"]')
    expect(w.find('.el-alert--error').exists()).toBe(true)
    expect(warn.text()).toContain('超出授信额度')
    expect(warn.text()).toContain('¥10,000.00')
    expect(w.get('[data-test="credit-after"]').classes()).toContain('red')
    expect(w.get('[data-test="credit-panel"]').classes()).toContain('over')
  })

  it('derives "over" from the numbers when `within` is absent, and speaks English', () => {
    setLocale('en')
    const w = mountPanel({ credit: { limit: 100, outstanding_before: 0, order_amount: 101, outstanding_after: 101 } })
    expect(w.get('[data-test="credit-warning"]').text()).toContain('Over the credit limit')
    setLocale('zh-CN')
  })

  it('explains itself when nothing was checked yet', () => {
    const w = mountPanel({ credit: null })
    expect(w.get('[data-test="credit-empty"]').text()).toContain('选择客户')
  })
})
