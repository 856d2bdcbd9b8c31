import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { ensureEditor, launchBrowser, login, screenshot } from './browser.js'

const baseURL = inject('baseURL')
let browser: Browser
let editor: { email: string; password: string }

beforeAll(async () => {
  browser = await launchBrowser()
  editor = await ensureEditor(baseURL, inject('adminPassword'))
})
afterAll(() => browser?.close())

describe('the admin home', () => {
  it('shows the visitor counter and the dossier panel with the seed figures, the Vietnamese way', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await login(page, baseURL, editor.email, editor.password)
    const panels = page.locator('[data-news-portal="counters-dashboard"] section')
    const [visitors, dossier] = (await panels.allInnerTexts()).map((text) =>
      text.replace(/\s*\n\s*/g, ' | '),
    )
    expect(visitors).toContain('Tổng lượt truy cập | 16.917.328')
    expect(visitors).toContain('Tháng trước | 453.141')
    expect(visitors).toContain('Tháng hiện tại | 291.448')
    expect(visitors).toContain('Hôm nay | 13.933')
    expect(dossier).toContain('TÌNH HÌNH GIẢI QUYẾT HỒ SƠ')
    expect(dossier).toContain('Đúng hạn | 662 (99,85%)')
    expect(dossier).toContain('Quá hạn | 1 (0,15%)')
    await screenshot(page, 'dashboard-counters')
    await page.close()
  })

  it('groups the sidebar: "Tin tức", "Thống kê", "Hệ thống" in Vietnamese; News, Statistics, System in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await login(page, baseURL, editor.email, editor.password)
    const groups = async () =>
      page.locator('nav .nav-group').evaluateAll((nodes) =>
        nodes.map((node) => ({
          group: node.querySelector('.nav-group__label')?.textContent?.trim(),
          links: [...node.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        })),
      )
    expect(await groups()).toEqual([
      {
        group: 'Tin tức',
        links: [
          '/admin/collections/media',
          '/admin/collections/categories',
          '/admin/collections/authors',
          '/admin/collections/sources',
          '/admin/collections/articles',
          '/admin/collections/topics',
          '/admin/collections/pages',
        ],
      },
      {
        group: 'Thống kê',
        links: [
          '/admin/collections/ratings',
          '/admin/collections/rating-summaries',
          '/admin/collections/counter-widgets',
        ],
      },
      // The sites, read-only for an editor (only admins write them; user management stays hidden),
      // and the webhook delivery log of the editor's sites.
      {
        group: 'Hệ thống',
        links: ['/admin/collections/sites', '/admin/collections/webhook-deliveries'],
      },
    ])
    await screenshot(page, 'sidebar-groups-vi')

    await page.context().addCookies([{ name: 'payload-lng', value: 'en', url: baseURL }])
    await page.reload()
    expect((await groups()).map(({ group }) => group)).toEqual(['News', 'Statistics', 'System'])
    await screenshot(page, 'sidebar-groups-en')
    await page.close()
  })

  it('an admin also sees the "Hệ thống" group with user management', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await login(page, baseURL, 'admin@example.com', inject('adminPassword'))
    const labels = await page.locator('nav .nav-group .nav-group__label').allInnerTexts()
    // Groups follow the config's collection order, and the demo app declares its users first.
    expect(labels.map((text) => text.trim())).toEqual(['Hệ thống', 'Tin tức', 'Thống kê'])
    await expect(page.locator('nav a[href="/admin/collections/users"]').count()).resolves.toBe(1)
    await page.close()
  })
})
