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

describe('who may go where', () => {
  it('a logged-out visitor is sent to the login page, in Vietnamese', async () => {
    const page = await browser.newPage({ locale: 'en-US' })
    await page.goto(`${baseURL}/admin/collections/articles`)
    await page.waitForURL((url) => url.pathname === '/admin/login')
    await expect(page.locator('button[type="submit"]').textContent()).resolves.toMatch(/Đăng nhập/)
    await screenshot(page, 'access-logged-out-redirect')
    await page.close()
  })

  it('an editor cannot open user management or change roles', async () => {
    const page = await browser.newPage()
    await login(page, baseURL, editor.email, editor.password)
    // The sidebar offers no user management.
    await expect(page.locator('a[href="/admin/collections/users"]').count()).resolves.toBe(0)
    await page.goto(`${baseURL}/admin/collections/users`)
    await page.waitForLoadState('networkidle')
    const listText = await page.locator('body').innerText()
    expect(listText).not.toContain('admin@example.com')
    await screenshot(page, 'access-editor-users-list')

    // Their own account shows roles read-only, and the API refuses a change.
    const me = (await (await page.request.get(`${baseURL}/api/users/me`)).json()) as {
      user: { id: number | string }
    }
    const change = await page.request.patch(`${baseURL}/api/users/${me.user.id}`, {
      data: { roles: ['admin'] },
    })
    const after = (await (await page.request.get(`${baseURL}/api/users/me`)).json()) as {
      user: { roles: string[] }
    }
    expect(after.user.roles).toEqual(['editor'])
    expect([200, 403]).toContain(change.status())
    await page.close()
  })
})
