import type { Customer } from './types'

/** "广东省 / 广州市 / 天河区" from the names the server stores on the customer. */
export function regionText(c: Pick<Customer, 'province' | 'city' | 'district'>): string {
  return [c.province, c.city, c.district].filter(Boolean).join(' / ')
}
