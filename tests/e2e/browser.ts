import path from 'node:path'
import { inject } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { chromiumOptions } from './server.js'

/** The run's one Chromium (started by the global setup), or a browser of this file's own outside the suite. */
export function launchBrowser(): Promise<Browser> {
  const wsEndpoint = inject('browserWSEndpoint')
  return wsEndpoint ? chromium.connect(wsEndpoint) : chromium.launch(chromiumOptions())
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.resolve(__dirname, 'screenshots', `${name}.png`),
    fullPage: true,
  })
}

export async function login(
  page: Page,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseURL}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
}

/** Creates (once) an editor through the REST API as the admin, and returns its login. */
export async function ensureEditor(baseURL: string, adminPassword: string) {
  const editor = { email: 'bientap@example.com', password: 'bientap-e2e-123' }
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: adminPassword }),
  })
  const { token } = (await login.json()) as { token: string }
  const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  const existing = await fetch(`${baseURL}/api/users?where[email][equals]=${editor.email}`, {
    headers,
  })
  if (((await existing.json()) as { totalDocs: number }).totalDocs === 0) {
    // The editor writes the default site's articles (the seed's), as the demo editor does.
    const defaults = await fetch(`${baseURL}/api/sites?where[isDefault][equals]=true`, { headers })
    const site = ((await defaults.json()) as { docs: Array<{ id: number | string }> }).docs[0]
    const created = await fetch(`${baseURL}/api/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ...editor,
        name: 'Biên tập viên',
        roles: ['editor'],
        sites: site ? [site.id] : [],
      }),
    })
    if (created.status !== 201)
      throw new Error(`could not create the editor: ${created.status} ${await created.text()}`)
  }
  return editor
}
