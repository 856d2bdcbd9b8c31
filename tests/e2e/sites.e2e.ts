import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, login, screenshot } from './browser.js'
import { runAxe } from './axe.js'

const baseURL = inject('baseURL')
const adminPassword = inject('adminPassword')
let browser: Browser
const pages: Page[] = []

type Id = string | number
const names = { a: 'Xã Mường Kim (e2e)', b: 'Xã Tà Hừa (e2e)' }
const drafts = { a: 'Bản nháp riêng của xã Mường Kim', b: 'Bản nháp riêng của xã Tà Hừa' }
const categoryTitles = { a: 'Tin Mường Kim (e2e)', b: 'Tin Tà Hừa (e2e)' }
const editorOfA = { email: 'bientap-muong-kim@example.com', password: 'muong-kim-e2e-123' }
const created = {
  sites: {} as Record<'a' | 'b', Id>,
  articles: {} as Record<'a' | 'b', Id>,
  categories: {} as Record<'a' | 'b', Id>,
  editor: undefined as Id | undefined,
}
let adminHeaders: Record<string, string>

/** One REST call as the admin; throws unless it answers `expected`. */
async function asAdmin<T>(method: string, path: string, body?: unknown, expected = 200) {
  const response = await fetch(`${baseURL}/api${path}`, {
    method,
    headers: adminHeaders,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status !== expected)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}
const createDoc = async (collection: string, data: Record<string, unknown>, query = '') =>
  (await asAdmin<{ doc: { id: Id } }>('POST', `/${collection}${query}`, data, 201)).doc.id

/** Two sites, a category on each, a draft on each, and an editor of the first site only. */
beforeAll(async () => {
  browser = await launchBrowser()
  const { token } = await (
    await fetch(`${baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: adminPassword }),
    })
  ).json()
  adminHeaders = { 'content-type': 'application/json', authorization: `JWT ${token}` }
  for (const key of ['a', 'b'] as const) {
    created.sites[key] = await createDoc('sites', { name: names[key] })
    created.categories[key] = await createDoc('categories', {
      title: categoryTitles[key],
      site: created.sites[key],
    })
    created.articles[key] = await createDoc(
      'articles',
      { title: drafts[key], site: created.sites[key], _status: 'draft' },
      '?draft=true',
    )
  }
  created.editor = await createDoc('users', {
    ...editorOfA,
    name: 'Biên tập viên xã Mường Kim',
    roles: ['editor'],
    sites: [created.sites.a],
  })
})

beforeEach((context) => {
  // On failure, keep what the last opened page showed.
  context.onTestFailed(async () => {
    const page = pages[pages.length - 1]
    if (page)
      await screenshot(page, `failed-sites-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`)
  })
})

// The suite's other files share this database: leave it as it was.
afterAll(async () => {
  for (const page of pages) await page.close()
  await browser?.close()
  const remove = (path: string) => asAdmin('DELETE', path).catch(() => undefined)
  for (const key of ['a', 'b'] as const) {
    if (created.articles[key]) await remove(`/articles/${created.articles[key]}`)
    if (created.categories[key]) await remove(`/categories/${created.categories[key]}`)
  }
  if (created.editor) await remove(`/users/${created.editor}`)
  for (const key of ['a', 'b'] as const)
    if (created.sites[key]) await remove(`/sites/${created.sites[key]}`)
})

async function openAs(email: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  pages.push(page)
  await login(page, baseURL, email, password)
  return page
}

/** Only this file's drafts: the list searched for the words their titles share. */
const articleList = `${baseURL}/admin/collections/articles?search=${encodeURIComponent('Bản nháp riêng')}`

/** The titles the article list shows (poll it: rows render after the page). */
async function listedTitles(page: Page): Promise<string[]> {
  await page.locator('table tbody tr').first().waitFor()
  return (await page.locator('table tbody tr td:nth-child(2)').allInnerTexts()).map((text) =>
    text.trim(),
  )
}

const selector = (page: Page) => page.locator('[data-news-portal="site-selector"]')

/** Picks a site in the selector (the page reloads with the new choice). */
async function choose(page: Page, label: string) {
  await Promise.all([
    page.waitForEvent('load'),
    page.locator('#news-portal-site-selector').selectOption({ label }),
  ])
}

describe('several sites in the admin', () => {
  it('an editor of site A has no selector, and the article list shows A’s draft and not B’s', async () => {
    const page = await openAs(editorOfA.email, editorOfA.password)
    await expect(selector(page).count()).resolves.toBe(0)
    await page.goto(articleList)
    await expect.poll(() => listedTitles(page), { timeout: 30_000 }).toContain(drafts.a)
    expect(await listedTitles(page)).not.toContain(drafts.b)
    await screenshot(page, 'sites-editor-a-list')
  })

  // Needs the content access rules (branch wip-sites): an editor reads only their sites' drafts.
  it('an editor of site A opening B’s draft by its admin URL sees none of it (access rules)', async () => {
    const page = await openAs(editorOfA.email, editorOfA.password)
    await page.goto(`${baseURL}/admin/collections/articles/${created.articles.b}`)
    // Payload sends a document the user cannot read back to the list, marked "not found".
    await page.waitForURL(
      (url) =>
        url.pathname === '/admin/collections/articles' &&
        url.searchParams.get('notFound') === String(created.articles.b),
      { timeout: 30_000 },
    )
    await expect(page.locator('#field-title').count()).resolves.toBe(0)
    expect(await page.content()).not.toContain(drafts.b)
    await screenshot(page, 'sites-editor-a-opens-b')
    const direct = await page.request.get(
      `${baseURL}/api/articles/${created.articles.b}?draft=true`,
    )
    expect(direct.status()).toBe(404)
  })

  it('the admin sees both sites’ drafts and switches the list between A and B', async () => {
    const page = await openAs('admin@example.com', adminPassword)
    await selector(page).waitFor()
    const options = (await page.locator('#news-portal-site-selector option').allInnerTexts()).map(
      (text) => text.trim(),
    )
    expect(options[0]).toBe('Tất cả các trang')
    expect(options).toEqual(expect.arrayContaining([names.a, names.b]))
    await expect(page.locator('label[for="news-portal-site-selector"]').innerText()).resolves.toBe(
      'Trang đang làm việc',
    )
    const critical = (await runAxe(page)).filter(
      (finding) => finding.ours && finding.impact === 'critical',
    )
    expect(critical).toEqual([])
    await selector(page).screenshot({ path: `${__dirname}/screenshots/sites-selector.png` })
    // In English.
    await page.context().addCookies([{ name: 'payload-lng', value: 'en', url: baseURL }])
    await page.reload()
    await expect(page.locator('label[for="news-portal-site-selector"]').innerText()).resolves.toBe(
      'Working on',
    )
    await expect(
      page.locator('#news-portal-site-selector option').first().innerText(),
    ).resolves.toBe('All sites')
    await page.context().addCookies([{ name: 'payload-lng', value: 'vi', url: baseURL }])

    await page.goto(articleList)
    await expect
      .poll(() => listedTitles(page), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([drafts.a, drafts.b]))

    await choose(page, names.a)
    await expect(
      page.locator('#news-portal-site-selector option:checked').innerText(),
    ).resolves.toBe(names.a)
    await expect.poll(() => listedTitles(page), { timeout: 30_000 }).toContain(drafts.a)
    expect(await listedTitles(page)).not.toContain(drafts.b)
    await screenshot(page, 'sites-admin-list-a')

    await choose(page, names.b)
    await expect.poll(() => listedTitles(page), { timeout: 30_000 }).toContain(drafts.b)
    expect(await listedTitles(page)).not.toContain(drafts.a)
    await screenshot(page, 'sites-admin-list-b')
  })

  it('with site B chosen, a new article is on B and its category picker offers B’s categories only', async () => {
    const page = await openAs('admin@example.com', adminPassword)
    await choose(page, names.b)
    await page.goto(`${baseURL}/admin/collections/articles/create`)
    const site = page.locator('#field-site .rs__value-container')
    await expect.poll(() => site.innerText(), { timeout: 30_000 }).toContain(names.b)
    await page.locator('#field-categories .rs__control').click()
    const offered = () =>
      page
        .locator('.rs__option')
        .allInnerTexts()
        .then((texts) => texts.map((text) => text.trim()))
    await expect.poll(offered, { timeout: 30_000 }).toEqual([categoryTitles.b])
    await screenshot(page, 'sites-admin-new-article-on-b')
    await page.keyboard.press('Escape')
    // Back to every site: the choice is the browser's, and nothing of this file should stay chosen.
    await page.goto(`${baseURL}/admin`)
    await choose(page, 'Tất cả các trang')
    await expect(page.locator('#news-portal-site-selector').inputValue()).resolves.toBe('')
  })
})
