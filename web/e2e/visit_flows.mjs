// Browser flows for relationship care (客情维护): visit plans through approval, report and review;
// a contact who leaves and the rebuild warning on the customer's care tab.
//
// Wired into run.mjs's flows(ctx) like this (page helpers `h`, the `api` call with the browser's
// session, the shared `state`, `check` and the users created at start-up):
//
//   import { visitFlows } from './visit_flows.mjs'
//   …
//   ...visitFlows({ page, base, h, api, state, check, users: { AM, LEAD, AM1, AM2, DIRECTOR } }),

const VISIT_CUSTOMER = '珠海市香洲区宏图机电设备有限公司'
const VISIT_PURPOSE = '年度回访，了解新产线的润滑需求'
const VISIT_FINDINGS = '见了设备部陈经理，新产线三月投产，需要液压油和导轨油样品'
const VISIT_REVIEW = '跟进样品，三月前报价'
const STAFF_CUSTOMER = '汕头市龙湖区信达塑胶制品厂'
const LEAVER = '孙国栋'
const SUCCESSOR = '周丽华'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export function visitFlows({ page, base, h, api, state, check, users }) {
  const { LEAD, AM1 } = users

  /** Make sure u is signed in, whether someone else or nobody is (h.ensureUser assumes a session). */
  const signIn = async (u) => {
    await page.goto(`${base}/customers`)
    const header = page.locator('.header .user')
    const login = page.locator('input[data-test="login-username"]')
    await Promise.race([header.waitFor(), login.waitFor()])
    if (await login.isVisible()) return h.login(u)
    if (!((await header.textContent()) ?? '').includes(u.name)) await h.switchUser(u)
  }

  /** The id of a user by username (as the signed-in user, who may list users for pickers). */
  const userId = async (u) => {
    const r = await api('GET', `/users?q=${encodeURIComponent(u.username)}&page_size=50`)
    const found = (r.body?.items ?? []).find((x) => x.username === u.username)
    check(found, `user ${u.username} not found (${r.status})`)
    return found.id
  }

  /** A customer of AM1's made by his lead through the API, with contacts. */
  const makeCustomer = async (name, contacts) => {
    await signIn(LEAD)
    const owner = await userId(AM1)
    const c = await api('POST', '/customers', { name, owner_id: owner, status: 'active', grade: 'B', confirm_duplicate: true, contacts })
    check(c.status === 201, `creating ${name} answered ${c.status}: ${JSON.stringify(c.body)}`)
    return c.body.id
  }

  /** Open the visits page on a tab and the drawer of the row of `customer`. */
  const openVisitRow = async (tab, customer) => {
    await page.goto(`${base}/care/visits${tab === 'mine' ? '' : `?tab=${tab}`}`)
    await page.locator('[data-test="visit-table"]').waitFor()
    const row = page.locator('[data-test="visit-table"] .el-table__row', { hasText: customer }).first()
    await row.waitFor()
    await row.click()
    const drawer = page.locator('[data-test="visit-drawer"]')
    await drawer.locator('[data-test="visit-status"]').waitFor()
    return drawer
  }

  const statusOf = async (drawer) => ((await drawer.locator('[data-test="visit-status"]').textContent()) ?? '').trim()
  const closeDrawer = async (drawer) => {
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
  }

  return [
    ['care: an account manager plans a visit, the lead approves it, the report is written and reviewed', async () => {
      const customerId = await makeCustomer(VISIT_CUSTOMER, [{ name: '陈经理', title: '设备部经理', mobile: '13922001100', is_primary: true }])
      state.visitCustomerId = customerId

      // AM1 plans the visit for today from the customer's care tab
      await signIn(AM1)
      await page.goto(`${base}/customers/${customerId}`)
      await page.locator('[data-test="customer-title"]', { hasText: VISIT_CUSTOMER }).waitFor()
      await h.openTab('客情')
      await page.locator('[data-test="care-summary"]').waitFor()
      await page.locator('[data-test="care-plan-visit"]').click()
      const dlg = page.locator('.el-dialog[data-test="visit-plan-form"]')
      await dlg.waitFor({ state: 'visible' })
      check((await dlg.locator('[data-test="visit-plan-customer-fixed"]').textContent()).trim() === VISIT_CUSTOMER, 'the plan form does not name the customer')
      const today = await page.evaluate(() => {
        const d = new Date()
        const pad = (n) => String(n).padStart(2, '0')
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
      })
      check((await dlg.locator('[data-test="visit-plan-date"] input').inputValue()) === today, 'the plan form does not start on today')
      await dlg.locator('textarea[data-test="visit-plan-purpose"]').fill(VISIT_PURPOSE)
      const names = h.formItem(dlg, '参与人员').locator('input')
      await names.fill('赵敏')
      await names.press('Enter')
      await names.fill('技术部小周')
      await names.press('Enter')
      await h.formItem(dlg, '领导陪同').locator('.el-switch').click()
      await h.shot('visits-01-visit-plan-form')
      let resp = page.waitForResponse((r) => r.url().endsWith('/api/v1/visits') && r.request().method() === 'POST')
      await dlg.locator('[data-test="visit-plan-save"]').click()
      let r = await resp
      check(r.status() === 201, `planning answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(sent.customer_id === customerId && sent.date === today && sent.purpose === VISIT_PURPOSE && sent.leader_visit === true &&
        JSON.stringify(sent.participants) === JSON.stringify(['赵敏', '技术部小周']), `unexpected plan ${JSON.stringify(sent)}`)
      const visit = await r.json()
      state.visitId = visit.id
      await dlg.waitFor({ state: 'hidden' })
      // the new plan opens in the drawer, waiting for the lead; the planner may only edit it
      let drawer = page.locator('[data-test="visit-drawer"]')
      await drawer.locator('[data-test="visit-status"]').waitFor()
      check((await statusOf(drawer)) === '待审批', `a new plan shows "${await statusOf(drawer)}"`)
      check((await drawer.locator('[data-test="visit-approve"]').count()) === 0, 'the planner is offered "approve"')
      check((await drawer.locator('[data-test="visit-edit"]').count()) === 1, 'the planner is not offered "edit" on his submitted plan')
      await h.shot('visits-02-visit-submitted')
      await closeDrawer(drawer)
      check((await page.locator('[data-test="care-visits"] .el-table__row', { hasText: VISIT_PURPOSE }).count()) === 1, 'the care tab does not list the plan')

      // the lead approves it from his inbox
      await h.switchUser(LEAD)
      await page.goto(`${base}/care/visits`)
      await page.locator('[data-test="visit-count-decision"]').waitFor()
      check(Number((await page.locator('[data-test="visit-count-decision"]').textContent()).trim()) >= 1, 'the "to approve" count is not shown')
      await page.locator('[data-test="visit-tab-decision"]').click()
      const row = page.locator('[data-test="visit-table"] .el-table__row', { hasText: VISIT_CUSTOMER }).first()
      await row.waitFor()
      check((await row.textContent()).includes('赵敏'), 'the inbox row does not name the planner')
      await h.shot('visits-03-visit-inbox')
      await row.click()
      await drawer.locator('[data-test="visit-status"]').waitFor()
      await drawer.locator('[data-test="visit-approve"]').waitFor()
      check((await drawer.locator('[data-test="visit-reject"]').count()) === 1, 'the lead is not offered "reject"')
      // a rejection without a comment does not reach the server
      await drawer.locator('[data-test="visit-reject"]').click()
      await drawer.locator('.el-form-item__error', { hasText: '驳回须填写意见' }).waitFor()
      resp = page.waitForResponse((r) => /\/api\/v1\/visits\/\d+\/approve$/.test(r.url()))
      await drawer.locator('[data-test="visit-approve"]').click()
      r = await resp
      check(r.status() === 200, `approving answered ${r.status()}: ${await r.text()}`)
      await page.waitForFunction(() => document.querySelector('[data-test="visit-drawer"] [data-test="visit-status"]')?.textContent?.trim() === '已批准')
      await h.shot('visits-04-visit-approved')
      await closeDrawer(drawer)

      // AM1 writes the report
      await h.switchUser(AM1)
      drawer = await openVisitRow('mine', VISIT_CUSTOMER)
      check((await statusOf(drawer)) === '已批准', `the planner sees "${await statusOf(drawer)}"`)
      await drawer.locator('[data-test="visit-report"]').click()
      const rdlg = page.locator('.el-dialog[data-test="visit-report-form"]')
      await rdlg.waitFor({ state: 'visible' })
      await rdlg.locator('textarea[data-test="visit-report-findings"]').fill(VISIT_FINDINGS)
      await rdlg.locator('textarea[data-test="visit-report-needs"]').fill('液压油 46# 样品两桶')
      await rdlg.locator('textarea[data-test="visit-report-follow_ups"]').fill('本周寄样品')
      await h.shot('visits-05-visit-report-form')
      resp = page.waitForResponse((r) => /\/api\/v1\/visits\/\d+\/report$/.test(r.url()))
      await rdlg.locator('[data-test="visit-report-save"]').click()
      r = await resp
      check(r.status() === 200, `reporting answered ${r.status()}: ${await r.text()}`)
      const rep = r.request().postDataJSON()
      check(rep.findings === VISIT_FINDINGS && rep.follow_ups === '本周寄样品' && !('problems' in rep) && typeof rep.version === 'number', `unexpected report ${JSON.stringify(rep)}`)
      await rdlg.waitFor({ state: 'hidden' })
      await page.waitForFunction(() => document.querySelector('[data-test="visit-drawer"] [data-test="visit-status"]')?.textContent?.trim() === '待审阅')
      check((await drawer.locator('[data-test="visit-findings"]').textContent()).trim() === VISIT_FINDINGS, 'the drawer does not show the findings')
      await h.shot('visits-06-visit-reported')
      await closeDrawer(drawer)

      // the lead reviews it
      await h.switchUser(LEAD)
      drawer = await openVisitRow('review', VISIT_CUSTOMER)
      await drawer.locator('textarea[data-test="visit-comment"]').fill(VISIT_REVIEW)
      resp = page.waitForResponse((r) => /\/api\/v1\/visits\/\d+\/review$/.test(r.url()))
      await drawer.locator('[data-test="visit-review"]').click()
      r = await resp
      check(r.status() === 200, `reviewing answered ${r.status()}: ${await r.text()}`)
      check(r.request().postDataJSON().comment === VISIT_REVIEW, 'the review comment was not sent')
      await page.waitForFunction(() => document.querySelector('[data-test="visit-drawer"] [data-test="visit-status"]')?.textContent?.trim() === '已审阅')
      check((await drawer.locator('[data-test="visit-review-comment"]').textContent()).trim() === VISIT_REVIEW, 'the drawer does not show the review')
      await h.shot('visits-07-visit-reviewed')
      await closeDrawer(drawer)

      // the report is on the customer's contact log as a visit
      const logs = await api('GET', `/contact-logs?customer_id=${customerId}&kind=visit`)
      check(logs.status === 200, `the contact log answered ${logs.status}`)
      const entry = (logs.body.items ?? []).find((l) => l.visit_id === state.visitId)
      check(entry && entry.kind === 'visit', `no visit entry for visit ${state.visitId} in the contact log: ${JSON.stringify(logs.body.items)}`)
    }],

    ['care: a contact leaves with a successor and the care tab warns to rebuild the relationship', async () => {
      const customerId = await makeCustomer(STAFF_CUSTOMER, [
        { name: LEAVER, title: '采购总监', mobile: '13922002200', is_primary: true },
        { name: SUCCESSOR, title: '采购经理', mobile: '13922003300' },
      ])
      await signIn(AM1)
      await page.goto(`${base}/customers/${customerId}`)
      await page.locator('[data-test="customer-title"]', { hasText: STAFF_CUSTOMER }).waitFor()
      // no warning before anyone left
      await h.openTab('客情')
      await page.locator('[data-test="care-summary"]').waitFor()
      check((await page.locator('[data-test="care-rebuild-warning"]').count()) === 0, 'the rebuild warning shows before anyone left')

      await h.openTab('联系人')
      const row = page.locator('[data-test="contacts-table"] .el-table__row', { hasText: LEAVER }).first()
      await row.waitFor()
      const leftButton = row.locator('[data-test="contact-left"]')
      await leftButton.click()
      const dlg = page.locator('.el-dialog[data-test="staff-left-form"]')
      await dlg.waitFor({ state: 'visible' })
      check((await dlg.locator('.el-dialog__title').textContent()).includes(LEAVER), 'the dialog does not name who leaves')
      await h.pickOption(h.formItem(dlg, '接任者').locator('.el-select'), SUCCESSOR)
      check((await page.locator('.el-select-dropdown__item', { hasText: LEAVER }).count()) === 0, 'the leaver is offered as his own successor')
      await dlg.locator('textarea[data-test="staff-note"]').fill('调往集团总部')
      await h.shot('visits-08-staff-left-form')
      const resp = page.waitForResponse((r) => /\/api\/v1\/contacts\/\d+\/left$/.test(r.url()))
      await dlg.locator('[data-test="staff-left-save"]').click()
      const r = await resp
      check(r.status() === 201, `marking as left answered ${r.status()}: ${await r.text()}`)
      const sent = r.request().postDataJSON()
      check(typeof sent.left_on === 'string' && typeof sent.successor_id === 'number' && sent.note === '调往集团总部', `unexpected body ${JSON.stringify(sent)}`)
      await dlg.waitFor({ state: 'hidden' })
      // the contact shows as left and is no longer offered the action
      await page.waitForFunction((name) => [...document.querySelectorAll('[data-test="contacts-table"] .el-table__row')]
        .some((tr) => tr.textContent.includes(name) && tr.textContent.includes('已离职')), LEAVER)
      check((await page.locator('[data-test="contacts-table"] .el-table__row', { hasText: LEAVER }).locator('[data-test="contact-left"]').count()) === 0, 'a contact who left is still offered "left"')
      await h.shot('visits-09-contact-left')

      await h.openTab('客情')
      const warning = page.locator('[data-test="care-rebuild-warning"]')
      await warning.waitFor()
      check((await warning.textContent()).includes('关系需重建'), 'the warning does not say 关系需重建')
      const change = page.locator('[data-test="care-staff-changes"] .el-table__row', { hasText: LEAVER }).first()
      await change.waitFor()
      const txt = await change.textContent()
      check(txt.includes(SUCCESSOR) && txt.includes('待重建'), `the staff change row reads "${txt}"`)
      await sleep(200)
      await h.shot('visits-10-care-rebuild-warning')
    }],
  ]
}
