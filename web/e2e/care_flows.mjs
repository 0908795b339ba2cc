// Browser flows of relationship care (客情维护), for e2e/run.mjs:
//
//   import { careFlows } from './care_flows.mjs'
//   … return [ …the other flows, ...careFlows({ page, base, h, api, state, check, users: { AM, LEAD, AM1, DIRECTOR } }) ]
//
// `h` are run.mjs's page helpers (ensureUser, openTab, shot, …), `api(method, path, body)` calls the
// API with the browser's session and answers { status, body }, `check(cond, message)` throws a Fail.
// Each flow sets up its own customer through the API, so it does not depend on the others.

const CALL_CUSTOMER = '广州市白云区恒发汽配有限公司'
const CALL_CONTACT = '孙志刚'
const CALL_SUMMARY = '电话回访：客户反映新到的机油包装有渗漏'
const PROMISE_TEXT = '三天内上门更换渗漏的两桶机油'
const BIRTHDAY_CUSTOMER = '佛山市南海区顺达汽车维修中心'
const BIRTHDAY_CONTACT = '孙建国'
const GIFT_ITEM = '茶叶礼盒'

const pad = (n) => String(n).padStart(2, '0')
/** "2027-02-01" + n days, by the calendar (no time zone involved). */
function addDays(date, n) {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + n))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
/** "2027-02-03" → "2月3日", as the today page writes a day in zh-CN */
const shortDate = (date) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
/** 腊月廿七, 闰二月十五: the zh-CN lunar label (the same rules as src/modules/calendar/lunarLabel.ts) */
function lunarLabel({ month, day, leap }) {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  const months = ['', '正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']
  const d = day <= 10 ? '初' + digits[day] : day < 20 ? '十' + digits[day - 10] : day === 20 ? '二十' : day < 30 ? '廿' + digits[day - 20] : '三十'
  return `${leap ? '闰' : ''}${months[month]}月${d}`
}

export function careFlows({ page, base, h, api, state, check, users }) {
  const { AM } = users

  /** A customer of the signed-in user with one contact; its id and the contact's id. */
  async function customerWithContact(name, contact) {
    const c = await api('POST', '/customers', { name, grade: 'A', confirm_duplicate: true })
    check(c.status === 201, `creating ${name} answered ${c.status}: ${JSON.stringify(c.body)}`)
    const k = await api('POST', `/customers/${c.body.id}/contacts`, contact)
    check(k.status === 201, `adding the contact ${contact.name} answered ${k.status}: ${JSON.stringify(k.body)}`)
    return { id: c.body.id, contactId: k.body.id }
  }

  const serverToday = async () => {
    const r = await api('GET', '/today')
    check(r.status === 200 && /^\d{4}-\d{2}-\d{2}$/.test(r.body?.date ?? ''), `GET /today answered ${r.status}`)
    return r.body.date
  }

  return [
    ['care: an account manager logs a call with a promise and keeps it from the today page', async () => {
      await h.ensureUser(AM)
      const today = await serverToday()
      const due = addDays(today, 3)
      const { id, contactId } = await customerWithContact(CALL_CUSTOMER, { name: CALL_CONTACT, title: '采购经理', mobile: '13900139001' })
      state.careCustomerId = id

      await page.goto(`${base}/customers/${id}`)
      await page.locator('[data-test="customer-title"]', { hasText: CALL_CUSTOMER }).waitFor()
      await h.openTab('联系记录')
      await page.locator('[data-test="contact-log"] .el-empty').waitFor()
      await page.locator('[data-test="log-add"]').click()
      const dlg = page.locator('.el-dialog[data-test="log-form"]')
      await dlg.waitFor({ state: 'visible' })
      await dlg.locator('[data-test="log-kind-call"]').click()
      await h.pickOption(dlg.locator('[data-test="log-contacts"]'), CALL_CONTACT)
      await dlg.locator('.el-dialog__title').click() // close the list of contacts
      await dlg.locator('textarea[data-test="log-summary"]').fill(CALL_SUMMARY)
      await dlg.locator('textarea[data-test="log-outcome"]').fill('同意换货，客户满意')
      await dlg.locator('[data-test="log-promise-add"]').click()
      await dlg.locator('input[data-test="log-promise-0-text"]').fill(PROMISE_TEXT)
      const dueInput = dlg.locator('[data-test="log-promise-0-due"] input')
      await dueInput.fill(due)
      await dueInput.press('Enter')
      await dlg.locator('.el-dialog__title').click() // close the date panel
      await h.shot('care-01-log-call-dialog')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/contact-logs') && r.request().method() === 'POST')
      await dlg.locator('[data-test="log-save"]').click()
      const r = await resp
      check(r.status() === 201, `logging the call answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(
        sent.customer_id === id && sent.kind === 'call' && sent.summary === CALL_SUMMARY && JSON.stringify(sent.contact_ids) === JSON.stringify([contactId]) &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(sent.at) && JSON.stringify(sent.promises) === JSON.stringify([{ text: PROMISE_TEXT, due_date: due }]),
        `unexpected POST /contact-logs body ${JSON.stringify(sent)}`,
      )
      await dlg.waitFor({ state: 'hidden' })

      // the log tab: the entry with its contact and promise, the promise among the open ones
      const item = page.locator('[data-test="log-item"]', { hasText: CALL_SUMMARY })
      await item.waitFor()
      const itemText = await item.textContent()
      check(itemText.includes(CALL_CONTACT) && itemText.includes('电话') && itemText.includes(PROMISE_TEXT) && itemText.includes('进行中'),
        `the log entry does not show the contact, the kind and the open promise: ${itemText}`)
      await page.locator('[data-test="open-promise"]', { hasText: PROMISE_TEXT }).waitFor()
      await h.shot('care-02-contact-log-tab')

      // the today page lists the promise; keeping it there takes it off
      await page.locator('[data-test="nav-today"]').click()
      await page.waitForURL(/\/today$/)
      check((await h.text('[data-test="page-title"]')) === '今日工作', 'the today page is not titled 今日工作')
      const row = page.locator('[data-test="promise-row"]', { hasText: PROMISE_TEXT })
      await row.waitFor()
      check((await row.textContent()).includes(CALL_CUSTOMER), 'the promise on the today page does not name the customer')
      check(Number(await h.text('[data-test="count-promises"] .value')) >= 1, 'the promises count on the today page is 0')
      await page.locator('[data-test="nav-today-badge"]').waitFor()
      await h.shot('care-03-today-promise')
      await row.locator('[data-test="promise-keep"]').click()
      const close = page.locator('.el-dialog[data-test="promise-close"]')
      await close.waitFor({ state: 'visible' })
      await close.locator('textarea[data-test="promise-note"]').fill('已上门更换')
      const kept = page.waitForResponse((r) => /\/api\/v1\/promises\/\d+\/keep$/.test(r.url()))
      await close.locator('[data-test="promise-close-save"]').click()
      const k = await kept
      check(k.status() === 200 && (await k.json()).status === 'kept', `keeping the promise answered ${k.status()}`)
      check(k.request().postDataJSON().note === '已上门更换', 'the note was not sent with the kept promise')
      await row.waitFor({ state: 'detached' })
      await h.shot('care-04-promise-kept')
    }],

    ['care: a lunar birthday two days ahead is a task on the today page; a gift to the contact completes it', async () => {
      await h.ensureUser(AM)
      const today = await serverToday()
      const day = addDays(today, 2)
      const lunar = await api('GET', `/calendar/lunar?date=${day}`)
      check(lunar.status === 200, `GET /calendar/lunar answered ${lunar.status}`)
      const { month, day: lday, leap } = lunar.body
      const { id, contactId } = await customerWithContact(BIRTHDAY_CUSTOMER, {
        name: BIRTHDAY_CONTACT, title: '总经理', mobile: '13900139002', birthday: { calendar: 'lunar', month, day: lday, leap },
      })

      await page.locator('[data-test="nav-today"]').click()
      await page.waitForURL(/\/today$/)
      await page.locator('[data-test="today-page"]').waitFor()
      // the reminders of the new contact are made now, not at the next sweep
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/tasks/refresh'))
      await page.locator('[data-test="today-refresh"]').click()
      check((await refreshed).status() === 200, 'POST /tasks/refresh failed')
      const sentence = `${BIRTHDAY_CONTACT} 农历生日（${lunarLabel({ month, day: lday, leap })}，${shortDate(day)}）`
      const row = page.locator('[data-test="task-row"]', { hasText: BIRTHDAY_CONTACT })
      await row.waitFor()
      await page.waitForFunction(
        ([name, want]) => [...document.querySelectorAll('[data-test="task-sentence"]')].some((e) => e.textContent.includes(name) && e.textContent.trim() === want),
        [BIRTHDAY_CONTACT, sentence],
      ).catch(async () => check(false, `the birthday task does not read "${sentence}" (got "${await row.locator('[data-test="task-sentence"]').textContent()}")`))
      check((await row.textContent()).includes(BIRTHDAY_CUSTOMER), 'the birthday task does not name the customer')
      await h.shot('care-05-today-lunar-birthday')

      // log a gift to that contact from the task
      await row.locator('[data-test="task-log"]').click()
      const dlg = page.locator('.el-dialog[data-test="log-form"]')
      await dlg.waitFor({ state: 'visible' })
      await dlg.locator('[data-test="log-contacts"]', { hasText: BIRTHDAY_CONTACT }).waitFor()
      await dlg.locator('[data-test="log-kind-gift"]').click()
      await dlg.locator('textarea[data-test="log-summary"]').fill('生日当天登门送上茶叶，祝孙总生日快乐')
      await dlg.locator('input[data-test="log-gift-item"]').fill(GIFT_ITEM)
      await dlg.locator('input[data-test="log-gift-cost"]').fill('288.50')
      await dlg.locator('input[data-test="log-gift-reason"]').fill('农历生日')
      await h.shot('care-06-gift-dialog')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/contact-logs') && r.request().method() === 'POST')
      await dlg.locator('[data-test="log-save"]').click()
      const r = await resp
      check(r.status() === 201, `logging the gift answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(sent.kind === 'gift' && sent.customer_id === id && JSON.stringify(sent.contact_ids) === JSON.stringify([contactId]) &&
        sent.gift?.item === GIFT_ITEM && sent.gift?.cost === 28850 && sent.gift?.reason === '农历生日',
        `unexpected POST /contact-logs body ${JSON.stringify(sent)}`)
      const logId = (await r.json()).id
      await dlg.waitFor({ state: 'hidden' })
      await row.waitFor({ state: 'detached' })
      const done = await api('GET', `/tasks?customer_id=${id}&kind=birthday`)
      const task = done.body?.items?.find((x) => x.contact_id === contactId)
      check(task && task.status === 'done' && task.done_log_id === logId, `the birthday task was not completed by the gift: ${JSON.stringify(done.body)}`)
      await h.shot('care-07-birthday-done')

      // the gift is in the customer's contact log with its cost in yuan
      await page.goto(`${base}/customers/${id}?tab=contact-log`)
      const gift = page.locator('[data-test="log-item"] [data-test="log-gift"]', { hasText: GIFT_ITEM })
      await gift.waitFor()
      check((await gift.textContent()).includes('¥288.50'), `the gift is not shown with ¥288.50: ${await gift.textContent()}`)
    }],
  ]
}
