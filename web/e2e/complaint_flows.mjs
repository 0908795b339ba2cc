// Browser flows of complaints (投诉), for e2e/run.mjs:
//
//   import { complaintFlows } from './complaint_flows.mjs'
//   … ...complaintFlows({ page, base, h, api, state, check, users: { AM1, LEAD, DIRECTOR, SERVICE } }),
//
// `h` are run.mjs's page helpers (login, logout, switchUser, pickOption, shot, openTab, …),
// `api(method, path, body)` calls the API with the browser's session, `check(cond, message)` throws.
// The service-desk user defaults to run.mjs's `liukefu` (刘客服) when `users.SERVICE` is not given.
//
// The story: a customer files a complaint through the public form on a phone (a fresh, signed-out
// browser context) and follows its status page; the service desk finds it in the list and takes it
// through accept → investigate → propose; the team lead approves the plan; the desk starts,
// informs the customer, records the satisfaction and closes it with the root cause and a
// prevention action (the survey link is shown once); the status page then shows it closed with
// the result; the analysis counts it and its prevention action is marked done there. Along the
// way: the account manager files a second complaint from the customer's tab, it shows on the
// board; the director edits the response promise; the bell opens its list.

const CUSTOMER = '江门市新会区捷达物流有限公司'
const CONTACT = '吴振华'
// The contact's mobile: the public form links a complaint from it to this customer.
const MOBILE = '13987650123'
const PUBLIC_NAME = '吴振华'
const PUBLIC_COMPANY = '捷达物流'
const PUBLIC_TEXT = '上周到货的 20 桶液压油中有 3 桶封口破损，油品外漏，仓库地面被污染。<script>alert(1)</script>'
const PLAN = '三桶换新并承担运费；质检部抽检同批次封口'
const RESULT = '已为客户更换 3 桶液压油并承担运费，同批次抽检合格'
const CAUSE = '灌装线封口温度偏低，夜班未按时点检'
const PREVENTION = '灌装线每班点检封口温度并记录'
const SECOND_TEXT = '业务员承诺的返利迟迟未到账'
const SERVICE_DEFAULT = { username: 'liukefu', password: 'Secret-pass-123', name: '刘客服' }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const pad = (n) => String(n).padStart(2, '0')
const day = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`

export function complaintFlows({ page, base, h, api, state, check, users }) {
  const { AM1, LEAD, DIRECTOR } = users
  const SERVICE = users.SERVICE ?? SERVICE_DEFAULT

  /** Sign u in, whether someone else or nobody is signed in now. */
  const signIn = async (u) => {
    // the login page sends back to where one came from; h.login expects the today page
    await page.goto(`${base}/today`)
    const header = page.locator('.header .user')
    const login = page.locator('input[data-test="login-username"]')
    await Promise.race([header.waitFor(), login.waitFor()])
    if (await login.isVisible()) return h.login(u)
    if (!((await header.textContent()) ?? '').includes(u.name)) await h.switchUser(u)
  }

  /** A fresh, signed-out phone-sized browser; page errors and CSP reports are collected. */
  const phone = async () => {
    const browser = page.context().browser()
    check(browser, 'no browser to open a fresh context in')
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, timezoneId: 'Asia/Shanghai' })
    const p = await ctx.newPage()
    p.setDefaultTimeout(10_000)
    const problems = []
    p.on('pageerror', (e) => problems.push(String(e)))
    p.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|evaluate|apply)/i.test(m.text())) problems.push(m.text())
    })
    p.on('dialog', (d) => {
      problems.push(`${d.type()}: ${d.message()}`)
      void d.dismiss().catch(() => {})
    })
    return { p, ctx, problems }
  }
  const phoneShot = (p, name) => sleep(350).then(() => p.screenshot({ path: new URL(`./artifacts/${name}.png`, import.meta.url).pathname }))

  /** The detail page of the complaint: its status text and its step buttons. */
  const statusText = async () => ((await page.locator('[data-test="complaint-title"] ~ [data-test="complaint-status"]').first().textContent()) ?? '').trim()
  const openComplaint = async () => {
    check(state.complaintId, 'no complaint: filing it failed')
    await page.goto(`${base}/service/complaints/${state.complaintId}`)
    await page.locator('[data-test="complaint-title"]', { hasText: state.reference }).waitFor()
  }

  /** Click a step button, fill its form with `fill(dialog)`, save; the step's response. */
  const takeStep = async (stepName, fill) => {
    await page.locator(`[data-test="step-${stepName}"]`).click()
    const dlg = page.locator(`.el-dialog[data-test="step-form"][data-step="${stepName}"]`)
    await dlg.waitFor({ state: 'visible' })
    if (fill) await fill(dlg)
    const resp = page.waitForResponse((r) => r.url().endsWith(`/api/v1/complaints/${state.complaintId}/${stepName}`) && r.request().method() === 'POST')
    await dlg.locator('[data-test="step-save"]').click()
    const r = await resp
    check(r.status() === 200, `${stepName} answered ${r.status()}: ${await r.text()}`)
    await dlg.waitFor({ state: 'hidden' })
    return { sent: r.request().postDataJSON(), body: await r.json() }
  }
  const buttons = async () => page.locator('[data-test="complaint-actions"] button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-test')))

  return [
    ['complaints: a customer files a complaint through the public form on a phone, signed out, and sees its status page', async () => {
      // the customer and its contact, made by the lead for his account manager
      await signIn(LEAD)
      const me = await api('GET', `/users?q=${encodeURIComponent(AM1.username)}&page_size=50`)
      const owner = (me.body?.items ?? []).find((u) => u.username === AM1.username)
      check(owner, `user ${AM1.username} not found`)
      const c = await api('POST', '/customers', {
        name: CUSTOMER, owner_id: owner.id, grade: 'A', status: 'active', confirm_duplicate: true,
        contacts: [{ name: CONTACT, title: '仓库主管', mobile: MOBILE, is_primary: true }],
      })
      check(c.status === 201, `creating ${CUSTOMER} answered ${c.status}: ${JSON.stringify(c.body)}`)
      state.complaintCustomerId = c.body.id

      const { p, ctx, problems } = await phone()
      try {
        await p.goto(`${base}/complaint`)
        await p.locator('[data-test="public-form"]').waitFor()
        check((await p.locator('.aside, .el-menu').count()) === 0, 'the public form shows the app menu')
        check(!/\/login/.test(p.url()), 'the public form sent a signed-out visitor to the login page')
        // nothing filled: the form says what is missing, nothing is sent
        let posted = 0
        p.on('request', (r) => r.url().endsWith('/api/v1/public/complaints') && posted++)
        await p.locator('[data-test="public-submit"]').click()
        await p.locator('.el-form-item__error', { hasText: '请填写手机或邮箱' }).waitFor()
        check(posted === 0, 'an empty public form was sent')
        // no horizontal scrolling on a 375 px screen
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        check(overflow <= 0, `the public form is ${overflow}px wider than the phone screen`)

        await p.locator('input[data-test="public-name"]').fill(PUBLIC_NAME)
        await p.locator('input[data-test="public-company"]').fill(PUBLIC_COMPANY)
        await p.locator('input[data-test="public-phone"]').fill('139 8765 0123')
        await p.locator('[data-test="public-category-product_quality"]').click()
        await p.locator('textarea[data-test="public-description"]').fill(PUBLIC_TEXT)
        check((await p.locator('[data-test="public-counter"]').textContent()).trim() === `${[...PUBLIC_TEXT].length} / 5000`, 'the character counter is wrong')
        await phoneShot(p, 'complaints-01-public-form-phone')
        const resp = p.waitForResponse((r) => r.url().endsWith('/api/v1/public/complaints') && r.request().method() === 'POST')
        await p.locator('[data-test="public-submit"]').click()
        const r = await resp
        check(r.status() === 201, `the public form answered ${r.status()}: ${await r.text()}`)
        const sent = r.request().postDataJSON()
        check(sent.name === PUBLIC_NAME && sent.company === PUBLIC_COMPANY && sent.phone === '139 8765 0123' && sent.category === 'product_quality' &&
          sent.description === PUBLIC_TEXT && !('email' in sent), `unexpected public body ${JSON.stringify(sent)}`)
        const reply = await r.json()
        await p.locator('[data-test="public-done"]').waitFor()
        const ref = (await p.locator('[data-test="public-reference"]').textContent()).trim()
        check(/^TS-\d{8}-\d{4}$/.test(ref) && ref === reply.reference, `the reference shown is "${ref}"`)
        state.reference = ref
        state.statusUrl = `${base}${reply.status_path}`
        check((await p.locator('input[data-test="public-status-url"]').inputValue()) === state.statusUrl, 'the status link shown is not the full status URL')
        await phoneShot(p, 'complaints-02-public-done-phone')

        await p.locator('[data-test="public-status-link"]').click()
        await p.waitForURL(/\/complaint-status\/TS-/)
        await p.locator('[data-test="public-status-stage"]').waitFor()
        check((await p.locator('[data-test="public-status-reference"]').textContent()).trim() === ref, 'the status page shows another reference')
        check((await p.locator('[data-test="public-status-stage"]').getAttribute('data-status')) === 'received', 'a new complaint is not "received" on its status page')
        check((await p.locator('[data-test="public-timeline-item"]').allTextContents()).some((t) => t.includes('您提交了投诉')), 'the status timeline does not show the filing')
        await phoneShot(p, 'complaints-03-public-status-received')
        // a wrong token shows nothing of it
        await p.goto(`${base}/complaint-status/${ref}?token=wrong-token`)
        await p.locator('[data-test="public-status-missing"]').waitFor()
        check(problems.length === 0, `page errors on the public pages: ${problems.join(' | ')}`)
      } finally {
        await ctx.close()
      }
    }],

    ['complaints: the service desk finds it in the list and takes it through accept → investigate → propose', async () => {
      check(state.reference, 'no complaint: the public form failed')
      await signIn(SERVICE)
      await page.locator('[data-test="nav-complaints"]').click()
      await page.waitForURL(/\/service\/complaints$/)
      await page.locator('[data-test="complaint-table"]').waitFor()
      await page.locator('input[data-test="complaint-q"]').fill(state.reference)
      const listed = page.waitForResponse((r) => r.url().includes('/api/v1/complaints?') && r.url().includes(`q=${state.reference}`))
      await page.locator('input[data-test="complaint-q"]').press('Enter')
      check((await listed).status() === 200, 'searching complaints failed')
      const row = page.locator('[data-test="complaint-table"] .el-table__row', { hasText: state.reference })
      await row.waitFor()
      const rowText = await row.textContent()
      check(rowText.includes(CUSTOMER), `the public complaint is not linked to ${CUSTOMER} by the contact's mobile: ${rowText}`)
      check(rowText.includes('产品质量') && rowText.includes('已接收'), `the row does not show the category and status: ${rowText}`)
      check((await row.locator('[data-test="promise-countdown"]').getAttribute('data-tone')) === 'success', 'a new complaint\'s time-left badge is not green')
      check(/响应剩 \d+ 小时/.test(await row.locator('[data-test="promise-countdown"]').textContent()), 'the badge does not say how long is left to answer')
      await h.shot('complaints-04-list')
      await row.click()
      await page.waitForURL(/\/service\/complaints\/\d+$/)
      state.complaintId = Number(/\/service\/complaints\/(\d+)$/.exec(page.url())[1])
      await page.locator('[data-test="complaint-title"]', { hasText: state.reference }).waitFor()
      check((await page.locator('[data-test="complaint-description"]').textContent()) === PUBLIC_TEXT, 'the description is not shown as plain text')
      check(JSON.stringify(await buttons()) === JSON.stringify(['step-accept', 'step-reject']), `a received complaint offers ${JSON.stringify(await buttons())}`)
      await h.shot('complaints-05-detail-received')
      // a photo of the damage: uploaded, listed, downloadable; an HTML page called .png is refused
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f90000000049454e44ae426082', 'hex')
      const upload = page.waitForResponse((r) => /\/attachments\?name=/.test(r.url()))
      await page.locator('[data-test="attachment-input"]').setInputFiles({ name: '破损照片.png', mimeType: 'image/png', buffer: png })
      check((await upload).status() === 201, 'the photo was not accepted')
      const link = page.locator('[data-test="attachments"] a', { hasText: '破损照片.png' })
      await link.waitFor()
      const dl = await page.evaluate(async (href) => { const r = await fetch(href); return { status: r.status, cd: r.headers.get('content-disposition'), size: (await r.arrayBuffer()).byteLength } }, await link.getAttribute('href'))
      check(dl.status === 200 && dl.cd.startsWith('attachment') && dl.size === png.length, `the download answered ${JSON.stringify(dl)}`)
      const refused = page.waitForResponse((r) => /\/attachments\?name=/.test(r.url()))
      await page.locator('[data-test="attachment-input"]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') })
      check((await refused).status() === 422, 'an HTML page called .png was accepted')
      await h.shot('complaints-05b-attachment')

      let r = await takeStep('accept', (dlg) => dlg.locator('textarea[data-test="step-note"]').fill('已电话联系吴主管，确认破损情况'))
      check(r.sent.version >= 1 && r.sent.note === '已电话联系吴主管，确认破损情况' && r.body.status === 'accepted', `accept sent ${JSON.stringify(r.sent)}`)
      await page.locator('[data-test="promise-answered"]', { hasText: '已按时响应' }).first().waitFor()
      r = await takeStep('investigate')
      check(r.body.status === 'investigating', `investigate gave ${r.body.status}`)
      // propose needs its plan
      await page.locator('[data-test="step-propose"]').click()
      const dlg = page.locator('.el-dialog[data-test="step-form"][data-step="propose"]')
      await dlg.waitFor({ state: 'visible' })
      await dlg.locator('[data-test="step-save"]').click()
      await dlg.locator('.el-form-item__error', { hasText: '此项为必填' }).waitFor()
      await dlg.locator('.el-dialog__headerbtn').click()
      await dlg.waitFor({ state: 'hidden' })
      r = await takeStep('propose', (d) => d.locator('textarea[data-test="step-resolution_plan"]').fill(PLAN))
      check(r.sent.resolution_plan === PLAN && r.body.status === 'proposed', `propose sent ${JSON.stringify(r.sent)}`)
      check((await statusText()) === '方案待批', `after proposing the status reads "${await statusText()}"`)
      // the desk may not approve its own plan
      check(!(await buttons()).includes('step-approve'), 'the service desk is offered "approve"')
      check((await page.locator('[data-test="timeline-item"]').count()) === 5, 'the timeline does not show file, attach, accept, investigate, propose')
      await h.shot('complaints-06-proposed')
    }],

    ['complaints: the team lead approves the plan', async () => {
      check(state.complaintId, 'no complaint')
      await signIn(LEAD)
      await openComplaint()
      check(JSON.stringify(await buttons()) === JSON.stringify(['step-approve', 'step-send_back']), `the lead is offered ${JSON.stringify(await buttons())}`)
      check((await page.locator('[data-test="complaint-plan"]').textContent()) === PLAN, 'the lead does not see the plan')
      const r = await takeStep('approve', (dlg) => dlg.locator('textarea[data-test="step-note"]').fill('同意，尽快处理'))
      check(r.body.status === 'approved', `approve gave ${r.body.status}`)
      check((await statusText()) === '方案已批准', `after approving the status reads "${await statusText()}"`)
      await h.shot('complaints-07-approved')
    }],

    ['complaints: the desk starts, informs the customer, records the satisfaction and closes with cause and prevention', async () => {
      check(state.complaintId, 'no complaint')
      await signIn(SERVICE)
      await openComplaint()
      let r = await takeStep('start')
      check(r.body.status === 'resolving', `start gave ${r.body.status}`)
      r = await takeStep('inform', (dlg) => dlg.locator('textarea[data-test="step-result_note"]').fill(RESULT))
      check(r.sent.result_note === RESULT && r.body.status === 'informed', `inform sent ${JSON.stringify(r.sent)}`)
      r = await takeStep('rate', async (dlg) => {
        await dlg.locator('[data-test="step-satisfaction"] .el-rate__item').nth(3).click()
        await dlg.locator('textarea[data-test="step-satisfaction_note"]').fill('处理及时，希望以后包装更结实')
      })
      check(r.sent.satisfaction === 4 && r.body.status === 'rated', `rate sent ${JSON.stringify(r.sent)}`)
      check((await page.locator('[data-test="complaint-satisfaction"]').getAttribute('data-value')) === '4', 'the satisfaction is not shown as 4 stars')

      const due = day(new Date(Date.now() + 14 * 86400_000))
      r = await takeStep('close', async (dlg) => {
        check((await dlg.locator('[data-test="step-root_cause"]').textContent()).includes('产品质量'), 'closing does not start from the complaint\'s category')
        check((await dlg.locator('textarea[data-test="step-resolution"]').inputValue()) === PLAN, 'closing does not start from the approved plan')
        await dlg.locator('textarea[data-test="step-root_cause_text"]').fill(CAUSE)
        await dlg.locator('textarea[data-test="step-resolution"]').fill(RESULT)
        await dlg.locator('textarea[data-test="step-prevention_action"]').fill(PREVENTION)
        await h.pickOption(dlg.locator('[data-test="step-prevention_owner"]'), LEAD.name)
        const dueInput = dlg.locator('[data-test="step-prevention_due"] input')
        await dueInput.fill(due)
        await dueInput.press('Enter')
        await dlg.locator('.el-dialog__title').click() // close the date panel
        await h.shot('complaints-08-close-form')
      })
      check(r.sent.root_cause === 'product_quality' && r.sent.root_cause_text === CAUSE && r.sent.resolution === RESULT &&
        r.sent.prevention_action === PREVENTION && Number.isInteger(r.sent.prevention_owner_id) && r.sent.prevention_due === due,
      `close sent ${JSON.stringify(r.sent)}`)
      check(r.body.status === 'closed', `close gave ${r.body.status}`)
      // the satisfaction survey link, once
      const link = page.locator('.el-dialog[data-test="survey-link"]')
      await link.waitFor({ state: 'visible' })
      const url = await link.locator('input[data-test="survey-url"]').inputValue()
      check(r.body.survey?.path && url === `${base}${r.body.survey.path}`, `the survey link shown is "${url}"`)
      await h.shot('complaints-09-survey-link')
      await link.locator('[data-test="survey-link-close"]').click()
      await link.waitFor({ state: 'hidden' })
      check((await statusText()) === '已结案', `after closing the status reads "${await statusText()}"`)
      const cause = await page.locator('[data-test="complaint-cause"]').textContent()
      check(cause.includes(CAUSE) && cause.includes(PREVENTION) && cause.includes(LEAD.name) && cause.includes(due), `the cause and prevention are not shown: ${cause}`)
      check(JSON.stringify(await buttons()) === JSON.stringify(['step-prevention_done', 'step-reopen']), `a closed complaint offers ${JSON.stringify(await buttons())}`)
      await h.shot('complaints-10-closed')
    }],

    ['complaints: the public status page shows it closed, with the result', async () => {
      check(state.statusUrl, 'no status link')
      const { p, ctx, problems } = await phone()
      try {
        await p.goto(state.statusUrl)
        await p.locator('[data-test="public-status-stage"]').waitFor()
        check((await p.locator('[data-test="public-status-stage"]').getAttribute('data-status')) === 'closed', 'the status page does not say closed')
        check((await p.locator('[data-test="public-status-stage"]').textContent()).trim() === '已结案', 'the stage is not 已结案')
        check((await p.locator('[data-test="public-result"]').textContent()) === RESULT, 'the status page does not show what the customer was told')
        const steps = await p.locator('[data-test="public-steps"] .el-step__head.is-success').count()
        check(steps === 6, `the step bar shows ${steps} of 6 stages done`)
        const timeline = (await p.locator('[data-test="public-timeline-item"]').allTextContents()).join(' ')
        check(timeline.includes('已结案') && timeline.includes('已告知您处理结果'), `the public timeline: ${timeline}`)
        check(!timeline.includes(CAUSE) && !(await p.content()).includes(SERVICE.name), 'the public page shows staff names or internal notes')
        await phoneShot(p, 'complaints-11-public-status-closed')
        check(problems.length === 0, `page errors on the status page: ${problems.join(' | ')}`)
      } finally {
        await ctx.close()
      }
    }],

    ['complaints: the account manager files one from the customer\'s tab; it waits on the board', async () => {
      check(state.complaintCustomerId, 'no customer')
      await signIn(AM1)
      await page.goto(`${base}/customers/${state.complaintCustomerId}?tab=complaints`)
      await page.locator('[data-test="customer-complaints"]').waitFor()
      await page.locator('[data-test="customer-complaints"] .el-table__row', { hasText: state.reference }).waitFor()
      await page.locator('[data-test="customer-complaint-new"]').click()
      const dlg = page.locator('.el-dialog[data-test="complaint-form"]')
      await dlg.waitFor({ state: 'visible' })
      check((await dlg.locator('[data-test="complaint-form-customer"]').textContent()).includes(CUSTOMER) ||
        (await dlg.locator('[data-test="complaint-form-customer"] .el-select__selected-item').allTextContents()).join('').includes(CUSTOMER), 'the form does not name the customer')
      await h.pickOption(dlg.locator('[data-test="complaint-form-contact"]'), CONTACT)
      await h.pickOption(dlg.locator('[data-test="complaint-form-category"]'), '账务结算')
      await dlg.locator('[data-test="severity-high"]').click()
      await dlg.locator('textarea[data-test="complaint-form-description"]').fill(SECOND_TEXT)
      await h.shot('complaints-12-new-complaint-form')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST')
      await dlg.locator('[data-test="complaint-form-save"]').click()
      const r = await resp
      check(r.status() === 201, `filing from the customer's tab answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(sent.customer_id === state.complaintCustomerId && sent.channel === 'phone' && sent.category === 'billing' && sent.severity === 'high' &&
        sent.description === SECOND_TEXT && Number.isInteger(sent.contact_id), `unexpected POST /complaints body ${JSON.stringify(sent)}`)
      const second = await r.json()
      await page.waitForURL(new RegExp(`/service/complaints/${second.id}$`))
      await page.locator('[data-test="complaint-title"]', { hasText: second.reference }).waitFor()

      await page.locator('[data-test="nav-complaints-board"]').click()
      await page.waitForURL(/\/service\/complaints\/board$/)
      const card = page.locator('[data-test="board-col-received"] [data-test="board-card"]', { hasText: second.reference })
      await card.waitFor()
      check((await card.textContent()).includes(CUSTOMER), 'the board card does not name the customer')
      check((await page.locator(`[data-test="board-card"][data-reference="${state.reference}"]`).count()) === 0, 'the closed complaint is on the board')
      await h.shot('complaints-13-board')
      await card.click()
      await page.waitForURL(new RegExp(`/service/complaints/${second.id}$`))
    }],

    ['complaints: the analysis counts it, and its prevention action is marked done there', async () => {
      check(state.complaintId, 'no complaint')
      await signIn(SERVICE)
      const resp = page.waitForResponse((r) => r.url().includes('/api/v1/complaints/analysis'))
      await page.locator('[data-test="nav-complaints-analysis"]').click()
      await page.waitForURL(/\/service\/complaints\/analysis$/)
      const r = await resp
      check(r.status() === 200, `the analysis answered ${r.status()}`)
      const a = await r.json()
      check(a.total >= 2, `the analysis counts ${a.total} complaints`)
      await page.locator('[data-test="kpi-total"] [data-test="kpi-value"]').waitFor()
      check(Number((await page.locator('[data-test="kpi-total"] [data-test="kpi-value"]').textContent()).trim()) === a.total, 'the total card does not show the total')
      const quality = a.by_category.find((c) => c.key === 'product_quality')
      check(quality && quality.count >= 1, `product_quality is not counted: ${JSON.stringify(a.by_category)}`)
      check(Number(await page.locator('[data-test="chart-category"]').getAttribute('data-total')) === a.total, 'the category chart does not add up to the total')
      check(a.by_root_cause.some((c) => c.key === 'product_quality'), 'the root cause of the closed complaint is not counted')
      check(/%$/.test((await page.locator('[data-test="kpi-satisfaction"] [data-test="kpi-value"]').textContent()).trim()), 'the satisfaction card shows no percentage')
      await sleep(600) // let the charts draw
      await h.shot('complaints-14-analysis')

      const row = page.locator('[data-test="open-prevention"] .el-table__row', { hasText: state.reference })
      await row.waitFor()
      check((await row.textContent()).includes(PREVENTION), 'the open prevention action is not listed')
      const done = page.waitForResponse((x) => x.url().endsWith(`/api/v1/complaints/${state.complaintId}/prevention-done`))
      await row.locator('[data-test="prevention-done-button"]').click()
      const d = await done
      check(d.status() === 200 && Number.isInteger(d.request().postDataJSON().version), `prevention-done answered ${d.status()}`)
      await row.waitFor({ state: 'detached' })
    }],

    ['complaints: the director sets the response promise by grade and severity', async () => {
      await signIn(DIRECTOR)
      const loaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/service/settings') && r.request().method() === 'GET')
      await page.locator('[data-test="nav-service-settings"]').click()
      await page.waitForURL(/\/admin\/service-settings$/)
      check((await loaded).status() === 200, 'the settings did not load')
      const cell = page.locator('[data-test="sla-cell-B-high"]')
      await cell.waitFor()
      await sleep(200) // the grid takes the loaded values
      check((await page.locator('[data-test="sla-cell-A-critical"] input').first().inputValue()) === '4', 'A × critical does not show the seeded 4 hours')
      await cell.locator('input').nth(0).fill('12')
      await cell.locator('input').nth(1).fill('48')
      await page.locator('[data-test="sla-working-hours"] .el-radio-button', { hasText: '工作小时' }).click()
      await h.shot('complaints-15-settings')
      const resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/service/settings') && r.request().method() === 'PUT')
      await page.locator('[data-test="sla-save"]').click()
      const r = await resp
      check(r.status() === 200, `saving the settings answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(sent.targets?.B?.high?.first_response_hours === 12 && sent.targets.B.high.resolution_hours === 48 && sent.targets.A?.critical?.first_response_hours === 4 &&
        sent.working_hours === true && Number.isInteger(sent.version) && !sent.targets.C, `unexpected PUT body ${JSON.stringify(sent)}`)
      // put it back for anything that runs later
      const back = await api('GET', '/service/settings')
      const reset = await api('PUT', '/service/settings', { base: back.body.base, targets: { ...back.body.targets, B: { critical: back.body.targets.B.critical } }, working_hours: false, version: back.body.version })
      check(reset.status === 200, `resetting the settings answered ${reset.status}`)
    }],

    ['complaints: the bell in the header opens the notifications', async () => {
      await signIn(LEAD)
      await page.locator('[data-test="notify-bell"]').click()
      const list = page.locator('[data-test="notify-list"]')
      await list.waitFor({ state: 'visible' })
      const r = await api('GET', '/notifications?page_size=20')
      check(r.status === 200, `GET /notifications answered ${r.status}`)
      await page.waitForFunction((n) => document.querySelectorAll('[data-test="notify-item"]').length === n, r.body.items.length)
      if (!r.body.items.length) await list.locator('.el-empty').waitFor()
      await h.shot('complaints-16-bell')
      await page.keyboard.press('Escape')
    }],
  ]
}
