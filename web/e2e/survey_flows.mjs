// Browser flows of service requests and satisfaction surveys (客户服务), for e2e/run.mjs:
//
//   import { surveyFlows } from './survey_flows.mjs'
//   … return [ …the other flows,
//     ...surveyFlows({ page, base, h, api, state, check, users: { AM, LEAD, AM1, DIRECTOR, SERVICE } }) ]
//
// `h` are run.mjs's page helpers (login, switchUser, pickOption, shot, …), `api(method, path, body)`
// calls the API with the browser's session and answers { status, body }, `check(cond, message)`
// throws a Fail. Each flow sets up its own customer through the API, so it does not depend on the
// others; the public answer page is opened in a second browser context that has no session.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts')
const REQUEST_CUSTOMER = '湛江市霞山区港湾船舶机械有限公司'
const REQUEST_TITLE = '在用油分析（液压系统）'
const REQUEST_OUTCOME = '油品清洁度 NAS 7 级，水分正常；建议三个月后复检'
const SURVEY_CUSTOMER = '清远市清城区宏盛汽车运输有限公司'
const SURVEY_CONTACT = '钟卫东'
const SUGGESTION = '希望旺季能提前备货，<b>送货</b>再快一点'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const pad = (n) => String(n).padStart(2, '0')
/** "2027-01-31" + n months, clamped to the month's end (as the server plans the next inspection). */
function addMonths(date, n) {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + n
  const d = Number(date.slice(8, 10))
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${year}-${pad(month + 1)}-${pad(Math.min(d, last))}`
}

export function surveyFlows({ page, base, h, api, state, check, users }) {
  const { AM, SERVICE } = users

  /** Make sure u is signed in, whether someone else or nobody is. */
  const signIn = async (u) => {
    await page.goto(`${base}/customers`)
    const header = page.locator('.header .user')
    const login = page.locator('input[data-test="login-username"]')
    await Promise.race([header.waitFor(), login.waitFor()])
    if (await login.isVisible()) return h.login(u)
    if (!((await header.textContent()) ?? '').includes(u.name)) await h.switchUser(u)
  }

  /** A customer of the account manager's, with one contact; its id. */
  const makeCustomer = async (name, contact) => {
    await signIn(AM)
    const c = await api('POST', '/customers', { name, grade: 'A', status: 'active', confirm_duplicate: true, contacts: [contact] })
    check(c.status === 201, `creating ${name} answered ${c.status}: ${JSON.stringify(c.body)}`)
    return c.body.id
  }

  /** Type into a CustomerPicker (a remote el-select) and choose the customer. */
  const pickCustomer = async (scope, name) => {
    await scope.locator('.customer-picker').click()
    await page.keyboard.type(name.slice(0, 8))
    const opt = page.locator('.el-select-dropdown__item:visible', { hasText: name }).first()
    await opt.waitFor({ state: 'visible' })
    await opt.click()
  }

  return [
    ['service: an inspection repeating every 3 months is planned from the customer page, done, and the next one appears', async () => {
      const id = await makeCustomer(REQUEST_CUSTOMER, { name: '梁工', title: '设备主管', mobile: '13900139101' })
      await signIn(SERVICE)
      const summary = await api('GET', `/customers/${id}/service-summary`)
      check(summary.status === 200 && /^\d{4}-\d{2}-\d{2}$/.test(summary.body?.date ?? ''), `GET service-summary answered ${summary.status}`)
      const today = summary.body.date
      const next = addMonths(today, 3)
      const me = (await api('GET', `/users?q=${encodeURIComponent(SERVICE.username)}&page_size=50`)).body.items.find((u) => u.username === SERVICE.username)

      await page.goto(`${base}/customers/${id}?tab=service`)
      await page.locator('[data-test="customer-title"]', { hasText: REQUEST_CUSTOMER }).waitFor()
      await page.locator('[data-test="service-summary"] [data-test="summary-next-none"]').waitFor()
      await page.locator('[data-test="service-request-new"]').click()
      const dlg = page.locator('.el-dialog[data-test="request-form"]')
      await dlg.waitFor({ state: 'visible' })
      check((await dlg.locator('[data-test="request-customer-name"]').textContent()).trim() === REQUEST_CUSTOMER, 'the form does not name the customer')
      // the repeat is only offered for an inspection
      await h.pickOption(dlg.locator('[data-test="request-type"]'), '上门服务')
      check((await dlg.locator('[data-test="request-repeat"]').count()) === 0, 'the repeat is offered for an on-site service')
      await h.pickOption(dlg.locator('[data-test="request-type"]'), '检验服务')
      await dlg.locator('[data-test="request-repeat"]').waitFor()
      await dlg.locator('input[data-test="request-title"]').fill(REQUEST_TITLE)
      const dateInput = dlg.locator('[data-test="request-date"] input')
      await dateInput.fill(today)
      await dateInput.press('Enter')
      await dlg.locator('.el-dialog__title').click() // close the date panel
      await dlg.locator('[data-test="request-staff"]', { hasText: SERVICE.name }).waitFor() // the desk user is on the staff to start with
      await dlg.locator('[data-test="request-repeat"]').click()
      const months = dlg.locator('[data-test="request-repeat-months"] input')
      await months.waitFor()
      check((await months.inputValue()) === '3', `the repeat does not start at 3 months (${await months.inputValue()})`)
      await h.shot('service-01-request-form')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/service-requests') && r.request().method() === 'POST')
      await dlg.locator('[data-test="request-save"]').click()
      const r = await resp
      check(r.status() === 201, `creating the request answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(
        sent.customer_id === id && sent.type === 'inspection' && sent.title === REQUEST_TITLE && sent.scheduled_on === today &&
          sent.repeat_every_months === 3 && JSON.stringify(sent.staff_ids) === JSON.stringify([me.id]),
        `unexpected POST /service-requests body ${JSON.stringify(sent)}`,
      )
      const created = await r.json()
      await dlg.waitFor({ state: 'hidden' })

      const tab = page.locator('[data-test="customer-service"]')
      const row = tab.locator('[data-test="request-table"] .el-table__row', { hasText: REQUEST_TITLE }).first()
      await row.waitFor()
      const rowText = await row.textContent()
      check(rowText.includes('检验服务') && rowText.includes('每 3 个月') && rowText.includes('计划中') && rowText.includes(today), `the new row reads "${rowText}"`)
      await h.shot('service-02-request-planned')

      // done, with its cost
      await row.locator('[data-test="request-done"]').click()
      const doneDlg = page.locator('.el-dialog[data-test="request-done-form"]')
      await doneDlg.waitFor({ state: 'visible' })
      await doneDlg.locator('textarea[data-test="request-outcome"]').fill(REQUEST_OUTCOME)
      await doneDlg.locator('input[data-test="request-cost"]').fill('350')
      await h.shot('service-03-request-done-form')
      const doneResp = page.waitForResponse((x) => x.url().endsWith(`/api/v1/service-requests/${created.id}/done`))
      await doneDlg.locator('[data-test="request-close-save"]').click()
      const d = await doneResp
      check(d.status() === 200, `marking it done answered ${d.status()}: ${await d.text()}`)
      const doneSent = d.request().postDataJSON()
      check(doneSent.version === created.version && doneSent.outcome === REQUEST_OUTCOME && doneSent.cost === 35000 && doneSent.done_on === today,
        `unexpected done body ${JSON.stringify(doneSent)}`)
      const doneBody = await d.json()
      check(doneBody.status === 'done' && Number.isInteger(doneBody.next_id), `the done request has no next_id: ${JSON.stringify(doneBody)}`)
      await doneDlg.waitFor({ state: 'hidden' })

      // the next one: said so, in the table and in the summary
      const alert = tab.locator('[data-test="request-next"]')
      await alert.waitFor()
      check((await alert.textContent()).includes(next), `the notice does not give the next day ${next}: ${await alert.textContent()}`)
      const nextRow = tab.locator('[data-test="request-table"] .el-table__row', { hasText: next }).first()
      await nextRow.waitFor()
      check((await nextRow.textContent()).includes('计划中'), `the next request is not planned: ${await nextRow.textContent()}`)
      await tab.locator('[data-test="summary-next"]', { hasText: next }).waitFor()
      await tab.locator('[data-test="summary-done"]', { hasText: '1' }).waitFor()
      check((await tab.locator('[data-test="summary-cost-year"]').textContent()).includes('¥350.00'), 'the cost this year is not ¥350.00')
      await h.shot('service-04-request-next-planned')

      // the drawer of the next one leads back to the one done
      await alert.locator('[data-test="request-next-open"]').click()
      const drawer = page.locator('[data-test="request-drawer"]')
      await drawer.locator('[data-test="request-previous"]').waitFor()
      await drawer.locator('[data-test="request-previous"]').click()
      await drawer.locator('[data-test="request-drawer-outcome"]', { hasText: REQUEST_OUTCOME }).waitFor()
      await h.shot('service-05-request-drawer')
      await page.keyboard.press('Escape')

      // and on the list of all requests
      await page.locator('[data-test="nav-service-requests"]').click()
      await page.waitForURL(/\/service\/requests$/)
      await page.locator('[data-test="request-table"] .el-table__row', { hasText: REQUEST_CUSTOMER }).first().waitFor()
      const rows = await page.locator('[data-test="request-table"] .el-table__row', { hasText: REQUEST_CUSTOMER }).allTextContents()
      check(rows.length === 2 && rows.some((t) => t.includes(next) && t.includes('计划中')) && rows.some((t) => t.includes('已完成') && t.includes('¥350.00')),
        `the list does not show the done request and the next one: ${JSON.stringify(rows)}`)
      await h.shot('service-06-request-list')
    }],

    ['surveys: a link is sent to a customer, answered on the public page without a login once only, and counted in the results', async () => {
      const id = await makeCustomer(SURVEY_CUSTOMER, { name: SURVEY_CONTACT, title: '车队长', mobile: '13900139102' })
      await signIn(AM)
      const before = await api('GET', `/surveys/results?customer_id=${id}`)
      check(before.status === 200 && before.body.responses === 0, `the customer already has results: ${JSON.stringify(before.body)}`)

      // send the link
      await page.locator('[data-test="nav-surveys"]').click()
      await page.waitForURL(/\/service\/surveys$/)
      await page.locator('[data-test="survey-send"]').click()
      const dlg = page.locator('.el-dialog[data-test="send-survey"]')
      await dlg.waitFor({ state: 'visible' })
      await dlg.locator('[data-test="send-template"]', { hasText: '客户满意度调查' }).waitFor()
      await pickCustomer(dlg.locator('[data-test="send-customer"]'), SURVEY_CUSTOMER)
      await h.pickOption(dlg.locator('[data-test="send-contact"]'), SURVEY_CONTACT)
      await h.shot('survey-01-send-dialog')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/surveys/invitations') && r.request().method() === 'POST')
      await dlg.locator('[data-test="send-save"]').click()
      const r = await resp
      check(r.status() === 201, `sending the survey answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(sent.customer_id === id && sent.channel === 'link' && Number.isInteger(sent.template_id) && Number.isInteger(sent.contact_id),
        `unexpected POST /surveys/invitations body ${JSON.stringify(sent)}`)
      const invitation = await r.json()
      const urlInput = dlg.locator('input[data-test="survey-link-url"]')
      await urlInput.waitFor()
      const url = await urlInput.inputValue()
      check(url === `${base}${invitation.path}` && /\/survey\?token=[\w-]{20,}$/.test(url), `the link shown is "${url}"`)
      await h.shot('survey-02-link-shown-once')
      await dlg.locator('.el-dialog__footer button').first().click()
      await dlg.waitFor({ state: 'hidden' })
      const pendingRow = page.locator('[data-test="invitation-table"] .el-table__row', { hasText: SURVEY_CUSTOMER }).first()
      await pendingRow.waitFor()
      check((await pendingRow.textContent()).includes('待填写'), `the new invitation is not pending: ${await pendingRow.textContent()}`)

      // the customer answers on a phone, signed in nowhere
      const other = await page.context().browser().newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true })
      try {
        const phone = await other.newPage()
        phone.setDefaultTimeout(10_000)
        const errors = []
        phone.on('pageerror', (e) => errors.push(String(e)))
        await phone.goto(url)
        const form = phone.locator('[data-test="survey-form"]')
        await form.waitFor()
        check((await phone.locator('[data-test="survey-customer"]').textContent()).includes(SURVEY_CUSTOMER), 'the answer page does not greet the customer')
        check((await phone.locator('.aside, .header .user').count()) === 0, 'the answer page shows the app frame')
        check((await phone.locator('[data-test="survey-name"]').textContent()).trim() === '客户满意度调查', 'the answer page does not show the survey name')
        const wide = await phone.evaluate(() => document.documentElement.scrollWidth)
        check(wide <= 375, `the answer page is wider than the phone (${wide} px)`)

        // the language switch
        await phone.locator('.lang-button').click()
        await phone.locator('.el-dropdown-menu__item:visible', { hasText: '繁體中文' }).click()
        await phone.locator('[data-test="survey-submit"]', { hasText: '送出' }).waitFor()
        await phone.locator('.lang-button').click()
        await phone.locator('.el-dropdown-menu__item:visible', { hasText: '简体中文' }).click()
        await phone.locator('[data-test="survey-submit"]', { hasText: '提交' }).waitFor()

        // nothing answered: the required questions say so and nothing is sent
        let posted = false
        phone.on('request', (q) => {
          if (q.method() === 'POST' && q.url().includes('/api/v1/public/surveys')) posted = true
        })
        await phone.locator('[data-test="survey-submit"]').click()
        await phone.locator('[data-test="question-error-overall"]').waitFor()
        check(!posted, 'the answers were sent with required questions unanswered')
        await phone.screenshot({ path: join(ARTIFACTS, 'survey-03-public-required.png') })
        posted = false

        for (const [key, score] of [['overall', 5], ['product_quality', 4], ['delivery', 5], ['service', 4], ['nps', 9]]) {
          await phone.locator(`[data-test="q-${key}-${score}"]`).click()
        }
        await phone.locator('textarea[data-test="q-suggestions-text"]').fill(SUGGESTION)
        check((await phone.locator('[data-test^="question-error-"]').count()) === 0, 'errors stay after answering')
        await phone.screenshot({ path: join(ARTIFACTS, 'survey-04-public-answered.png'), fullPage: true })
        const answered = phone.waitForResponse((x) => x.url().includes('/api/v1/public/surveys') && x.request().method() === 'POST')
        await phone.locator('[data-test="survey-submit"]').click()
        const a = await answered
        check(a.status() === 201, `answering answered ${a.status()}: ${await a.text()}`)
        const body = a.request().postDataJSON()
        check(JSON.stringify(body) === JSON.stringify({ answers: { overall: 5, product_quality: 4, delivery: 5, service: 4, nps: 9, suggestions: SUGGESTION } }),
          `unexpected answers ${JSON.stringify(body)}`)
        await phone.locator('[data-test="survey-thanks"]').waitFor()
        await phone.screenshot({ path: join(ARTIFACTS, 'survey-05-public-thanks.png') })

        // the link again: answered already
        await phone.goto(url)
        await phone.locator('[data-test="survey-answered"]').waitFor()
        check((await phone.locator('[data-test="survey-answered"]').textContent()).includes('已经填写过了'), 'the second visit does not say the survey was answered')
        await phone.screenshot({ path: join(ARTIFACTS, 'survey-06-public-answered-already.png') })
        // a made-up token: invalid or expired
        await phone.goto(`${base}/survey?token=not-a-real-token-0000000000`)
        await phone.locator('[data-test="survey-invalid"]').waitFor()
        check(errors.length === 0, `page errors on the answer page: ${errors.join(' | ')}`)
      } finally {
        await other.close()
      }

      // staff see the answers on the invitation
      await page.reload()
      const row = page.locator('[data-test="invitation-table"] .el-table__row', { hasText: SURVEY_CUSTOMER }).first()
      await row.locator('[data-test="invitation-status"]', { hasText: '已填写' }).waitFor()
      await row.locator('[data-test="invitation-open"]').click()
      const drawer = page.locator('[data-test="invitation-drawer"]')
      await drawer.locator('[data-test="answer-nps"]', { hasText: '9 / 10' }).waitFor()
      check((await drawer.locator('[data-test="answer-suggestions"]').textContent()).includes(SUGGESTION), 'the drawer does not show the suggestion as text')
      await h.shot('survey-07-invitation-answers')
      await page.keyboard.press('Escape')

      // the results count it: 4 scores of 4 or 5, one promoter
      await page.locator('[data-test="nav-survey-results"]').click()
      await page.waitForURL(/\/service\/surveys\/results$/)
      await page.locator('[data-test="survey-kpis"]').waitFor()
      await pickCustomer(page.locator('[data-test="results-filters"]'), SURVEY_CUSTOMER)
      const res = page.waitForResponse((x) => x.url().includes('/api/v1/surveys/results') && x.url().includes(`customer_id=${id}`))
      await page.locator('[data-test="results-search"]').click()
      check((await res).status() === 200, 'GET /surveys/results failed')
      await page.locator('[data-test="kpi-responses-value"]', { hasText: /^\s*1\s*$/ }).waitFor()
      const sat = page.locator('[data-test="kpi-satisfaction"]')
      check((await sat.textContent()).includes('100.0%') && (await sat.getAttribute('data-tone')) === 'success', `satisfaction is not a green 100.0%: ${await sat.textContent()}`)
      check((await page.locator('[data-test="kpi-nps"]').textContent()).includes('+100.0'), 'NPS is not +100.0')
      check((await page.locator('[data-test="results-by-manager"]').textContent()).includes(AM.name), `the response is not credited to ${AM.name}`)
      await page.locator('[data-test="result-overall"] [data-test="distribution-chart"][data-total="1"]').waitFor()
      await h.shot('survey-08-results')
      await sleep(100)
      state.surveyCustomerId = id
    }],
  ]
}
