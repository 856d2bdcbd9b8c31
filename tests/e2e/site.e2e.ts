import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.js'
import { describeFindings, runAxe } from './axe.js'

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

/** The seeded administrator's REST headers. */
async function editorHeaders(): Promise<Record<string, string>> {
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: adminPassword }),
  })
  const { token } = (await login.json()) as { token: string }
  return { 'content-type': 'application/json', authorization: `JWT ${token}` }
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

  it('a reader searches "hoi thao" and finds the seed article; axe finds nothing serious', async () => {
    await page.goto(`${baseURL}/`)
    await page.locator('header form[role="search"] input[name="q"]').fill('hoi thao')
    await page.locator('header form[role="search"] input[name="q"]').press('Enter')
    await page.waitForURL(/\/tim-kiem\?q=hoi\+thao/)
    await expect(page.getByRole('status').first().innerText()).resolves.toMatch(/^\d+ kết quả$/)
    await page.locator(`.page-main a[href="${seedPath}"]`).first().waitFor()
    expect(await seriousFindings('search')).toEqual([])
  })

  it('search says what is wrong with a blank or over-long query (never a 500)', async () => {
    const blank = await page.goto(`${baseURL}/tim-kiem?q=+`)
    expect(blank?.status()).toBe(200)
    await expect(page.getByRole('status').first().innerText()).resolves.toBe(
      'Nhập từ khóa để tìm bài viết.',
    )
    const long = await page.goto(`${baseURL}/tim-kiem?q=${'a'.repeat(201)}`)
    expect(long?.status()).toBe(200)
    await expect(page.getByRole('status').first().innerText()).resolves.toBe(
      'Từ khóa quá dài: tối đa 200 ký tự.',
    )
  })

  it("the article page has its related articles, an absolute canonical link and the SDK's JSON-LD", async () => {
    await page.goto(`${baseURL}${seedPath}`)
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
    // The seed site has no siteUrl: the origin it is served from.
    expect(canonical).toBe(`${baseURL}${seedPath}`)
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '',
    ) as { '@type': string; headline: string }
    expect(ld['@type']).toBe('NewsArticle')
    expect(ld.headline).toBe(await page.locator('h1').innerText())
    // The seed article follows no topic yet: no related list.
    await expect(page.locator('#related-title').count()).resolves.toBe(0)
  })

  it('an article sharing a topic with the seed article shows under "Tin liên quan" once the webhook lands', async () => {
    const headers = await editorHeaders()
    const topic = (await (
      await fetch(`${baseURL}/api/topics`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: `Chủ đề hội thảo ${Date.now()}` }),
      })
    ).json()) as { doc: { id: number } }
    const seed = (await (
      await fetch(`${baseURL}/api/articles?where[slug][equals]=${seedPath.split('/')[2]}`, {
        headers,
      })
    ).json()) as { docs: Array<{ id: number; categories: Array<{ id: number } | number> }> }
    const category = seed.docs[0].categories.map((c) => (typeof c === 'object' ? c.id : c))
    const title = `Bài cùng chủ đề ${Date.now()}`
    const created = await fetch(`${baseURL}/api/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title,
        categories: category,
        topics: [topic.doc.id],
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    const patched = await fetch(`${baseURL}/api/articles/${seed.docs[0].id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ topics: [topic.doc.id] }),
    })
    expect(patched.status).toBe(200)
    const started = Date.now()
    while (Date.now() - started < 5000) {
      if ((await (await fetch(`${baseURL}${seedPath}`)).text()).includes(title)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await page.goto(`${baseURL}${seedPath}`)
    await expect(page.locator('#related-title').textContent()).resolves.toBe('Tin liên quan')
    await expect(
      page.locator('section[aria-labelledby="related-title"]').getByText(title).count(),
    ).resolves.toBe(1)
  })

  it("the footer links the site's static pages, in Vietnamese and in English", async () => {
    await page.goto(`${baseURL}/`)
    const about = page.locator('footer nav a', { hasText: 'Giới thiệu' })
    await expect(about.getAttribute('href')).resolves.toBe('/trang/gioi-thieu')
    await about.click()
    await page.waitForURL(`${baseURL}/trang/gioi-thieu`)
    await expect(page.locator('h1').innerText()).resolves.toBe('Giới thiệu')
    await page.goto(`${baseURL}/en`)
    const english = page.locator('footer nav a', { hasText: 'About' })
    await expect(english.getAttribute('href')).resolves.toBe('/en/trang/gioi-thieu')
    await english.click()
    await page.waitForURL(`${baseURL}/en/trang/gioi-thieu`)
    await expect(page.locator('h1').innerText()).resolves.toBe('About')
  })

  it("an editor publishes; the plugin's own webhook brings it to the site within a second", async () => {
    const headers = await editorHeaders()
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
    const started = Date.now()
    const created = await fetch(`${baseURL}/api/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title, categories: [category.docs[0].id], _status: 'published' }),
    })
    expect(created.status).toBe(201)
    // No webhook from the test: the plugin's delivery to /_portal/revalidate is what refreshes the page.
    let shownAfter = Infinity
    while (Date.now() - started < 5000) {
      const html = await (await fetch(`${baseURL}/tin-tuc-su-kien`)).text()
      if (html.includes(title)) {
        shownAfter = Date.now() - started
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(shownAfter).toBeLessThan(1000)
    await page.goto(`${baseURL}/tin-tuc-su-kien`)
    await expect(page.getByText(title).count()).resolves.toBe(1)
    const log = (await (
      await fetch(`${baseURL}/api/webhook-deliveries?sort=-createdAt&limit=1`, { headers })
    ).json()) as { docs: Array<{ status: string; url?: string }> }
    expect(log.docs[0]?.status).toBe('delivered')
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
