import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.js'
import { describeFindings, runAxe } from './axe.js'
import { WEBHOOK_SECRET } from './server.js'

const baseURL = inject('baseURL')
const adminPassword = inject('adminPassword')
const seedPath = '/tin-tuc-su-kien/hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
})
afterAll(async () => {
  await page?.close()
  await browser?.close()
})

/** The serious and critical axe findings of the page, one line each. */
async function seriousFindings(name: string): Promise<string[]> {
  const findings = await runAxe(page)
  await screenshot(page, `site-${name}`)
  return describeFindings(
    name,
    findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical'),
  )
}

const ratingFigures = (line: string) => {
  const match = /là: ([\d.]+) trong ([\d.]+) đánh giá/.exec(line)
  if (!match) throw new Error(`not a rating line: ${line}`)
  return [Number(match[1].replace(/\./g, '')), Number(match[2].replace(/\./g, ''))]
}

describe('the portal (app/(site), on the SDK only)', () => {
  it('/ is the portal: the site name, the latest articles, the dossier panel and the visitor counter; axe finds nothing serious', async () => {
    const response = await page.goto(`${baseURL}/`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('.site-header__name > span:last-child').innerText()).resolves.toBe(
      'TRANG THÔNG TIN ĐIỆN TỬ HUYỆN THAN UYÊN',
    )
    await expect(page.getByRole('heading', { name: 'Tin mới nhất' }).count()).resolves.toBe(1)
    await expect(page.locator('#dossier-title').innerText()).resolves.toBe(
      'TÌNH HÌNH GIẢI QUYẾT HỒ SƠ',
    )
    await page.getByTestId('visitor-counter').waitFor()
    expect(await seriousFindings('home')).toEqual([])
  })

  it('a section lists ten articles a page, and ?trang=2 is its second page; axe finds nothing serious', async () => {
    await page.goto(`${baseURL}/tin-tuc-su-kien`)
    await expect(page.locator('h1').innerText()).resolves.toBe('Tin tức - Sự kiện')
    await expect(page.locator('.page-main .article-list > li').count()).resolves.toBe(10)
    expect(await seriousFindings('list')).toEqual([])
    await page.getByRole('link', { name: /Trang sau/ }).click()
    await page.waitForURL(`${baseURL}/tin-tuc-su-kien?trang=2`)
    await expect(page.locator('[aria-current="page"]').last().innerText()).resolves.toMatch(
      /^Trang 2 \/ \d+$/,
    )
  })

  it('a reader opens the seed article, sees it as the seed page shows it, rates it from the keyboard and sees the line change', async () => {
    await page.goto(`${baseURL}${seedPath}`)
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'Hội thảo chia sẻ kinh nghiệm thực hiện các tiểu dự án cộng đồng',
    )
    await expect(page.locator('.article__meta .date-line').innerText()).resolves.toBe(
      'Thứ năm - 04/08/2022 21:59',
    )
    await expect(page.locator('.article__body figcaption').innerText()).resolves.toBe(
      'Quang cảnh Hội thảo',
    )
    await expect(page.locator('.article__author').innerText()).resolves.toBe('Tác giả: Mạnh Cường')
    expect(await seriousFindings('article')).toEqual([])

    const line = page.getByTestId('rating-line')
    const [total, count] = ratingFigures(await line.innerText())
    await page.getByRole('button', { name: '4 sao' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => line.innerText(), { timeout: 10_000 })
      .toBe(`Tổng số điểm của bài viết là: ${total + 4} trong ${count + 1} đánh giá`)
    await expect(
      page.getByRole('button', { name: '4 sao' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true')
  })

  it('a visit is recorded once per browser session', async () => {
    const context = await browser.newContext()
    const reader = await context.newPage()
    let recorded = 0
    reader.on('request', (request) => {
      if (request.url().endsWith('/api/graphql') && request.postData()?.includes('recordVisit'))
        recorded++
    })
    await reader.goto(`${baseURL}${seedPath}`)
    await expect.poll(() => recorded, { timeout: 10_000 }).toBe(1)
    await reader.reload()
    await reader.getByTestId('visitor-counter').waitFor()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(recorded).toBe(1)
    await context.close()
  })

  it('the print view has no navigation and prints the address and the date; axe finds nothing serious', async () => {
    await page.goto(`${baseURL}${seedPath}/in`)
    await expect(page.locator('nav').count()).resolves.toBe(0)
    await expect(page.getByTestId('printed-url').innerText()).resolves.toBe(`${baseURL}${seedPath}`)
    await expect(page.locator('.date-line').innerText()).resolves.toBe('Thứ năm - 04/08/2022 21:59')
    expect(await seriousFindings('print')).toEqual([])
  })

  it('"Lưu bài viết" downloads one HTML file with the picture inside', async () => {
    const response = await fetch(`${baseURL}${seedPath}/luu`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong.html"',
    )
    const html = await response.text()
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]{1000,}"/)
    expect(html).toContain('<figcaption>Quang cảnh Hội thảo</figcaption>')
    expect(html).not.toMatch(/src="\/api\//)
  })

  it("an unknown address is the portal's 404 page", async () => {
    const response = await page.goto(`${baseURL}/khong-co-chuyen-muc-nay`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1').innerText()).resolves.toBe('Không tìm thấy trang')
  })

  it('search says it is not available until the SDK searches', async () => {
    await page.goto(`${baseURL}/tim-kiem?q=hoi+thao`)
    await expect(page.getByRole('status').first().innerText()).resolves.toBe(
      'Chức năng tìm kiếm chưa sẵn sàng trên cổng thông tin này.',
    )
    expect(await seriousFindings('search')).toEqual([])
  })

  it('an editor publishes; after the signed webhook the site shows it within a second', async () => {
    const login = await fetch(`${baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: adminPassword }),
    })
    const { token } = (await login.json()) as { token: string }
    const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    // The section page is rendered and cached first, so only a revalidation can show the new article.
    await page.goto(`${baseURL}/tin-tuc-su-kien`)
    // The communes have a "tin-tuc-su-kien" too: the default site's is the one at this address.
    const sites = (await (
      await fetch(`${baseURL}/api/sites?where[isDefault][equals]=true`, { headers })
    ).json()) as { docs: Array<{ id: number }> }
    const category = (await (
      await fetch(
        `${baseURL}/api/categories?where[slug][equals]=tin-tuc-su-kien&where[site][equals]=${sites.docs[0].id}`,
        { headers },
      )
    ).json()) as { docs: Array<{ id: number }> }
    const title = `Tin vừa đăng ${Date.now()}`
    const created = await fetch(`${baseURL}/api/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title, categories: [category.docs[0].id], _status: 'published' }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { slug: string } }
    await page.goto(`${baseURL}/tin-tuc-su-kien`)
    await expect(page.getByText(title).count()).resolves.toBe(0)

    const body = JSON.stringify({
      event: 'publish',
      collection: 'articles',
      docId: 1,
      site: 'than-uyen',
      oldPaths: [],
      newPaths: [`/tin-tuc-su-kien/${doc.slug}`, '/tin-tuc-su-kien'],
    })
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`
    const started = Date.now()
    const hook = await fetch(`${baseURL}/_portal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-news-portal-signature': signature },
      body,
    })
    expect(hook.status).toBe(200)
    await page.goto(`${baseURL}/tin-tuc-su-kien`)
    await expect(page.getByText(title).count()).resolves.toBe(1)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('the webhook refuses a body whose signature does not match, and names the header', async () => {
    const response = await fetch(`${baseURL}/_portal/revalidate`, {
      method: 'POST',
      headers: { 'x-news-portal-signature': `sha256=${'0'.repeat(64)}` },
      body: '{"event":"publish"}',
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'The x-news-portal-signature header is missing or does not match the body.',
    })
  })
})
