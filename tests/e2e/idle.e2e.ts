import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { ensureEditor, launchBrowser, login, screenshot } from './browser.js'

// This app instance signs tokens valid for 20 seconds (TOKEN_EXPIRATION_SECONDS=20, see globalSetup).
const shortTokenURL = inject('shortTokenURL')
const tokenSeconds = 20
let browser: Browser
let editor: { email: string; password: string }

beforeAll(async () => {
  browser = await launchBrowser()
  editor = await ensureEditor(shortTokenURL, inject('adminPassword'))
})
afterAll(() => browser?.close())

describe('the idle warning', () => {
  it('asks "Duy trì đăng nhập" before the token expires, and accepting keeps the session past the original expiry', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await login(page, shortTokenURL, editor.email, editor.password)
    const me = async () =>
      (await (await page.request.get(`${shortTokenURL}/api/users/me`)).json()) as {
        user: { email: string } | null
        exp?: number
      }
    const first = await me()
    expect(first.user?.email).toBe(editor.email)
    const originalExpiry = first.exp! * 1000

    // Payload opens the prompt half-way through a short token (the last minute of a long one).
    const modal = page.locator('.confirmation-modal', { hasText: 'Duy trì đăng nhập' })
    await modal.waitFor({ state: 'visible', timeout: tokenSeconds * 1000 })
    expect(Date.now()).toBeLessThan(originalExpiry)
    await screenshot(page, 'idle-stay-logged-in-prompt')
    await modal.getByRole('button', { name: 'Duy trì đăng nhập' }).click()

    // Past the original expiry, the session is still valid and the editor still on the dashboard.
    await page.waitForTimeout(Math.max(0, originalExpiry - Date.now()) + 2000)
    const after = await me()
    expect(after.user?.email).toBe(editor.email)
    expect(after.exp! * 1000).toBeGreaterThan(originalExpiry)
    expect(new URL(page.url()).pathname).toBe('/admin')
    await screenshot(page, 'idle-session-kept')
    await page.close()
  })
})
