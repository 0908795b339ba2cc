// Browser flows for the customer import (导入客户): a small UTF-8 CSV with one bad row is checked
// (dry run: the report names the row and the column), the valid rows are imported on an explicit
// choice, the new customer is found, and undoing the import takes it away again.
//
// Wired into run.mjs's flows(ctx) like the others (page helpers `h`, the `api` call with the
// browser's session, the shared `state`, `check` and the users created at start-up):
//
//   import { importFlows } from './import_flows.mjs'
//   …
//   ...importFlows({ page, base, h, api, state, check, users: { AM } }),

const GOOD_1 = '南宁市青秀区宏远机电设备有限公司'
const GOOD_2 = '柳州市鱼峰区顺发汽车配件经营部'
const BAD = '桂林市七星区永兴五金交电商行'
const BAD_MOBILE = '1390773000' // ten digits
// the header as people write it, in Chinese; line 4 (data row 3) has the bad mobile
const CSV = [
  '客户名称,联系人,手机,备注',
  `${GOOD_1},黄志强,13907710001,展会名单`,
  `${GOOD_2},韦丽,13907720002,`,
  `${BAD},莫海,${BAD_MOBILE},手机号少一位`,
  '',
].join('\r\n')

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export function importFlows({ page, base, h, api, state, check, users }) {
  const { AM } = users

  /** The text of a GET with the browser's session (CSV downloads). */
  const download = (path) =>
    page.evaluate(async (path) => {
      const r = await fetch(path)
      return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', text: await r.text() }
    }, path)

  /** Make sure u is signed in, whether someone else or nobody is (h.ensureUser assumes a session). */
  const signIn = async (u) => {
    await page.goto(`${base}/customers`)
    const header = page.locator('.header .user')
    const login = page.locator('input[data-test="login-username"]')
    await Promise.race([header.waitFor(), login.waitFor()])
    if (await login.isVisible()) {
      // signing in from /login?redirect=/customers lands back on the list
      await login.fill(u.username)
      await page.locator('input[data-test="login-password"]').fill(u.password)
      await page.locator('[data-test="login-submit"]').click()
      await header.waitFor()
    }
    if (!((await header.textContent()) ?? '').includes(u.name)) await h.switchUser(u)
  }

  const openDialog = async () => {
    await page.goto(`${base}/customers`)
    await page.locator('[data-test="customer-table"]').waitFor()
    await page.locator('[data-test="customer-import"]').click()
    const dlg = page.locator('.el-dialog[data-test="import-dialog"]')
    await dlg.waitFor({ state: 'visible' })
    return dlg
  }

  return [
    ['import: a CSV with one bad row is checked, the valid rows imported on request, then undone', async () => {
      await signIn(AM)
      const dlg = await openDialog()
      check((await dlg.locator('.el-dialog__title').textContent()).trim() === '导入客户', 'the dialog is not titled 导入客户')
      // an account manager does not choose the owner (leads only)
      check((await dlg.locator('[data-test="import-owner"]').count()) === 0, 'an account manager is offered the owner of imported customers')

      // the template is a CSV download with the Chinese headers
      const tplHref = await dlg.locator('[data-test="import-template"]').getAttribute('href')
      const tpl = await download(tplHref)
      check(tpl.status === 200 && /csv/.test(tpl.type) && tpl.text.includes('客户名称'), `the template download answered ${tpl.status} ${tpl.type}: ${tpl.text.slice(0, 120)}`)

      // not a CSV: refused before anything is sent
      const input = dlg.locator('[data-test="import-drop"] input[type="file"]')
      await input.setInputFiles({ name: '客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('PK') })
      await dlg.locator('[data-test="import-file-error"]').waitFor()
      check(await dlg.locator('[data-test="import-check"]').isDisabled(), 'the check button is enabled without a usable file')

      await input.setInputFiles({ name: '广西客户.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') })
      await dlg.locator('[data-test="import-file"]', { hasText: '广西客户.csv' }).waitFor()
      check((await h.text('[data-test="import-file-size"]')).endsWith(' B'), 'the picked file does not show its size')
      await h.shot('import-01-file-chosen')

      // step 2: the dry run
      let resp = page.waitForResponse((r) => r.url().includes('/api/v1/customers/imports?') && r.request().method() === 'POST')
      await dlg.locator('[data-test="import-check"]').click()
      let r = await resp
      const q = new URL(r.url()).searchParams
      check(q.get('dry_run') === 'true' && q.get('valid_rows') === 'false' && q.get('duplicate_key') === 'name' && q.get('mode') === 'skip',
        `unexpected dry-run query ${r.url()}`)
      check(r.request().headers()['content-type']?.startsWith('text/csv'), 'the file is not sent as text/csv')
      const checked = await r.json().catch(() => null)
      check([200, 422].includes(r.status()) && checked, `the dry run answered ${r.status()}`)
      const report = checked.rows !== undefined ? checked : checked.report ?? checked.error?.report ?? checked.error
      check(report.rows === 3 && report.invalid === 1, `the dry run should count 3 rows, 1 invalid: ${JSON.stringify(report).slice(0, 400)}`)
      const bad = report.errors?.[0]
      check(bad && [3, 4].includes(bad.row), `the dry run does not name the bad row: ${JSON.stringify(report.errors)}`)
      await dlg.locator('[data-test="import-step-check"]').waitFor()
      const errRow = dlg.locator('[data-test="import-errors"] .el-table__body .el-table__row').first()
      await errRow.waitFor()
      const errText = await errRow.textContent()
      check(errText.includes(`第 ${bad.row} 行`) && errText.includes('手机'), `the report does not name the row and the column: ${errText}`)
      check((await h.text('[data-test="import-count-rows"] .value')) === '3' && (await h.text('[data-test="import-count-invalid"] .value')) === '1',
        'the counts do not show 3 rows and 1 invalid')
      check((await dlg.locator('[data-test="import-columns"]').textContent()).includes('客户名称'), 'the column mapping does not list 客户名称')
      // nothing stored by the check
      const before = await api('GET', `/customers?q=${encodeURIComponent(GOOD_1)}`)
      check(before.status === 200 && !(before.body.items ?? []).some((c) => c.name === GOOD_1), 'the dry run stored a customer')
      // no plain "import": the person must choose to import only the valid rows
      check((await dlg.locator('[data-test="import-run"]').count()) === 0, 'a plain import is offered although a row is bad')
      const validBtn = dlg.locator('[data-test="import-valid"]')
      check((await validBtn.textContent()).includes('只导入有效的 2 行'), `the explicit choice does not say 2 valid rows: ${await validBtn.textContent()}`)
      await h.shot('import-02-dry-run-report')

      // step 3: import the valid rows
      resp = page.waitForResponse((r) => r.url().includes('/api/v1/customers/imports?') && r.request().method() === 'POST')
      await validBtn.click()
      r = await resp
      const q2 = new URL(r.url()).searchParams
      check(q2.get('dry_run') === 'false' && q2.get('valid_rows') === 'true', `unexpected import query ${r.url()}`)
      check(r.status() === 201, `importing the valid rows answered ${r.status()}: ${(await r.text()).slice(0, 300)}`)
      const stored = await r.json()
      check(stored.created === 2 && stored.invalid === 1 && typeof stored.id === 'number', `unexpected import result ${JSON.stringify(stored).slice(0, 300)}`)
      state.importId = stored.id
      await dlg.locator('[data-test="import-step-done"]').waitFor()
      check((await h.text('[data-test="import-done-summary"]')).includes('新建 2 个'), 'the result does not say 新建 2 个')
      // the rejected rows file of the stored import
      const errHref = await dlg.locator('[data-test="import-errors-file"]').getAttribute('href')
      const errFile = await download(errHref)
      check(errFile.status === 200 && errFile.text.includes(BAD) && !errFile.text.includes(GOOD_1), `the error file answered ${errFile.status}: ${errFile.text.slice(0, 200)}`)
      await h.shot('import-03-imported')
      await dlg.locator('[data-test="import-finish"]').click()
      await dlg.waitFor({ state: 'hidden' })

      // the new customers are in the list; the bad row is not
      let names = await h.search(GOOD_1)
      check(names.includes(GOOD_1), `the imported customer ${GOOD_1} is not found (got ${JSON.stringify(names)})`)
      names = await h.search('柳州')
      check(names.includes(GOOD_2), `the imported customer ${GOOD_2} is not found`)
      names = await h.search(BAD)
      check(!names.includes(BAD), 'the invalid row was imported')
      await h.search('')
      await h.shot('import-04-list-after-import')

      // the history: undo the import
      await page.locator('[data-test="customer-import-history"]').click()
      const drawer = page.locator('[data-test="import-history-drawer"]')
      const row = drawer.locator('.el-table__body .el-table__row').first()
      await row.waitFor()
      check((await row.textContent()).includes(AM.name), `the history row does not name ${AM.name}: ${await row.textContent()}`)
      await h.shot('import-05-history')
      await row.locator('[data-test="import-history-undo"]').click()
      const box = page.locator('.el-message-box')
      await box.waitFor({ state: 'visible' })
      check((await box.textContent()).includes('2 个客户'), `the confirmation does not say how many customers go: ${await box.textContent()}`)
      await h.shot('import-06-undo-confirm')
      resp = page.waitForResponse((r) => /\/api\/v1\/customers\/imports\/\d+\/undo$/.test(r.url()))
      await box.locator('.el-message-box__btns button', { hasText: '撤销' }).click()
      r = await resp
      check(r.status() === 200, `undo answered ${r.status()}: ${(await r.text()).slice(0, 200)}`)
      check(r.url().includes(`/imports/${state.importId}/undo`), `undo went to ${r.url()}, not the import ${state.importId}`)
      await h.toast(/已撤销导入/)
      await drawer.locator('[data-test="import-history-undone"]').first().waitFor()
      check((await row.locator('[data-test="import-history-undo"]').count()) === 0, 'the undone import can still be undone')
      await h.shot('import-07-undone')
      await drawer.locator('.el-drawer__close-btn').click()
      await drawer.waitFor({ state: 'hidden' })

      // undoing twice is a conflict
      const again = await api('POST', `/customers/imports/${state.importId}/undo`, { version: 99 })
      check(again.status === 409, `a second undo answered ${again.status}`)
      // and the customers are gone
      await sleep(200)
      names = await h.search(GOOD_1)
      check(!names.includes(GOOD_1), `${GOOD_1} is still listed after the undo`)
      names = await h.search('柳州')
      check(!names.includes(GOOD_2), `${GOOD_2} is still listed after the undo`)
      await h.shot('import-08-list-after-undo')
    }],

    ['import: the dialog in English and at phone width', async () => {
      await signIn(AM)
      await h.switchLanguage('English')
      try {
        let dlg = await openDialog()
        check((await dlg.locator('.el-dialog__title').textContent()).trim() === 'Import customers', 'the dialog title is not translated to English')
        check((await dlg.locator('[data-test="import-check"]').textContent()).trim() === 'Check', 'the check button is not translated to English')
        await h.shot('import-09-dialog-en')
        await dlg.locator('.el-dialog__headerbtn').click()
        await dlg.waitFor({ state: 'hidden' })
        await h.switchLanguage('繁體中文')
        dlg = await openDialog()
        check((await dlg.locator('.el-dialog__title').textContent()).trim() === '匯入客戶', 'the dialog title is not 匯入客戶 in zh-TW')
        await dlg.locator('.el-dialog__headerbtn').click()
        await dlg.waitFor({ state: 'hidden' })
      } finally {
        await h.switchLanguage('简体中文')
      }
      await page.setViewportSize({ width: 390, height: 844 })
      try {
        const dlg = await openDialog()
        const box = await dlg.boundingBox()
        check(box && box.x >= 0 && box.x + box.width <= 390, `the dialog does not fit a 390 px screen: ${JSON.stringify(box)}`)
        await h.shot('import-10-dialog-phone')
        await dlg.locator('.el-dialog__headerbtn').click()
        await dlg.waitFor({ state: 'hidden' })
      } finally {
        await page.setViewportSize({ width: 1440, height: 900 })
      }
    }],
  ]
}
