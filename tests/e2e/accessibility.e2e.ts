import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { ensureEditor, launchBrowser, login, screenshot } from './browser.js'
import { describeFindings, runAxe, type AxeFinding } from './axe.js'

const baseURL = inject('baseURL')
let browser: Browser
let page: Page
const report: string[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
})
afterAll(async () => {
  // Payload's own findings are reported, not failed on: tests/e2e/screenshots/axe-report.txt.
  fs.writeFileSync(
    path.resolve(__dirname, 'screenshots', 'axe-report.txt'),
    `${report.join('\n')}\n`,
  )
  await page?.close()
  await browser?.close()
})

async function check(name: string): Promise<AxeFinding[]> {
  const findings = await runAxe(page)
  report.push(...describeFindings(name, findings))
  await screenshot(page, `axe-${name}`)
  return findings
}

const criticalOfOurs = (findings: AxeFinding[]) =>
  findings.filter((finding) => finding.ours && finding.impact === 'critical')

describe('accessibility (axe-core)', () => {
  it('the login page has no critical violation from our components', async () => {
    await page.goto(`${baseURL}/admin/login`)
    await page.locator('input[name="email"]').waitFor()
    expect(criticalOfOurs(await check('login'))).toEqual([])
  })

  it('the check does catch a critical violation inside one of our components', async () => {
    await page.goto(`${baseURL}/admin/login`)
    await page.locator('input[name="email"]').waitFor()
    await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.setAttribute('data-news-portal', 'probe')
      probe.innerHTML = '<input type="text" id="unlabelled-probe">'
      document.body.append(probe)
    })
    expect(criticalOfOurs(await runAxe(page))).toEqual([
      {
        rule: 'label',
        impact: 'critical',
        help: 'Form elements must have labels',
        target: '#unlabelled-probe',
        ours: true,
      },
    ])
  })

  it('the admin home, the article list and the article edit page have no critical violation from our components', async () => {
    const editor = await ensureEditor(baseURL, inject('adminPassword'))
    await login(page, baseURL, editor.email, editor.password)
    await page.locator('[data-news-portal="counters-dashboard"]').waitFor()
    expect(criticalOfOurs(await check('dashboard'))).toEqual([])

    await page.goto(`${baseURL}/admin/collections/articles`)
    await page.locator('[data-news-portal="views-cell"]').first().waitFor()
    expect(criticalOfOurs(await check('article-list'))).toEqual([])

    await page.locator('table tbody tr td a').first().click()
    await page.locator('#field-title').waitFor()
    await page.locator('.rich-text-lexical [contenteditable="true"]').first().waitFor()
    expect(criticalOfOurs(await check('article-edit'))).toEqual([])

    await page.goto(`${baseURL}/admin/collections/ratings`)
    await page.locator('[data-news-portal="recompute-ratings"]').waitFor()
    expect(criticalOfOurs(await check('ratings-list'))).toEqual([])
  })
})
