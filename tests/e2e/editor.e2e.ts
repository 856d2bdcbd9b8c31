import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { ensureEditor, launchBrowser, login, screenshot } from './browser.js'
import { anonymousGraphQL } from './graphql.js'

const baseURL = inject('baseURL')
let browser: Browser
let page: Page
let editor: { email: string; password: string }

// Tones on every vowel family, and đ/Đ: the slug must drop them all.
const title = 'Đồng chí Chủ tịch huyện kiểm tra đường Mường Kim – Ưu tiên tiến độ'
const slug = 'dong-chi-chu-tich-huyen-kiem-tra-duong-muong-kim-uu-tien-tien-do'
const paragraph = 'Sáng nay, đoàn công tác đã kiểm tra tiến độ thi công tuyến đường.'
const caption = 'Đoàn công tác kiểm tra hiện trường'

const articleBySlug = `query ($slug: String!) {
  Articles(where: { slug: { equals: $slug } }) { totalDocs docs { title slug bodyHtml } }
  ArticlePage(slug: $slug) { article { slug } }
}`
type ArticleBySlug = {
  Articles: { totalDocs: number; docs: Array<{ title: string; slug: string; bodyHtml: string }> }
  ArticlePage: { article: { slug: string } } | null
}

beforeAll(async () => {
  browser = await launchBrowser()
  editor = await ensureEditor(baseURL, inject('adminPassword'))
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await login(page, baseURL, editor.email, editor.password)
})
beforeEach((context) => {
  // On failure, keep what the browser showed.
  context.onTestFailed(() =>
    screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`),
  )
})
afterAll(async () => {
  await page?.close()
  await browser?.close()
})

/** Picks `option` in the react-select of the field `name` (a relationship in the sidebar). */
async function pick(name: string, search: string, option: string) {
  const field = page.locator(`#field-${name}`)
  await field.locator('.rs__control').click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: option }).first().click()
  await expect(field.locator('.rs__value-container').innerText()).resolves.toContain(option)
}

describe("an editor's day, in Vietnamese", () => {
  it('writes an article with a picture and a caption, saves a draft the public cannot see, then publishes it', async () => {
    await page.goto(`${baseURL}/admin/collections/articles/create`)
    await page.locator('#field-title').fill(title)
    // While the title is typed, the slug field previews the slug the server will make.
    await expect
      .poll(() => page.locator('#field-slug').getAttribute('placeholder'), { timeout: 10_000 })
      .toBe(slug)
    await expect(page.locator('#field-slug').inputValue()).resolves.toBe('')

    const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await body.click()
    await page.keyboard.type(paragraph)
    await page.keyboard.press('Enter')
    await page.keyboard.type('/')
    await page.locator('#slash-menu-popup__item-upload').click()
    // The media list drawer: the seed picture is "Quang cảnh Hội thảo".
    const mediaDrawer = page.locator('.drawer--is-open').last()
    const pictureRow = mediaDrawer.locator('tbody tr', { hasText: 'Quang cảnh Hội thảo' }).first()
    await pictureRow.locator('td button, td a').first().click()
    const upload = page.locator('.rich-text-lexical .LexicalEditorTheme__upload').first()
    await upload.waitFor()
    // The node's buttons show on hover, over the picture; once the picture has loaded it takes
    // the pointer at the button's centre in Chromium (a flaky click, 2 failures in 3 runs), so
    // the button gets its click event directly, as the pointer would give it.
    await upload.hover()
    await upload
      .locator('.LexicalEditorTheme__upload__upload-drawer-toggler')
      .dispatchEvent('click')
    const captionInput = page.locator('.drawer--is-open #field-caption')
    await captionInput.fill(caption)
    await screenshot(page, 'editor-0-image-caption')
    await page.locator('.drawer--is-open').last().locator('button[type="submit"]').click()
    await captionInput.waitFor({ state: 'detached' })

    await pick('authors', 'Mạnh', 'Mạnh Cường')
    await pick('source', 'Trung tâm', 'Trung tâm VH, TT-TT Than Uyên')
    await pick('categories', 'Tin tức', 'Tin tức - Sự kiện')
    await expect(page.locator('#action-save-draft').innerText()).resolves.toBe('Lưu bản nháp')

    await page.locator('#action-save-draft').click()
    // The first save creates the document; the server fills the slug in (the hook populateSlug).
    await page.waitForURL(
      (url) =>
        /\/admin\/collections\/articles\/[^/]+$/.test(url.pathname) &&
        !url.pathname.endsWith('/create'),
    )
    await expect
      .poll(() => page.locator('#field-slug').inputValue(), { timeout: 30_000 })
      .toBe(slug)
    await page.locator('.rich-text-lexical .LexicalEditorTheme__upload img').waitFor()
    await screenshot(page, 'editor-1-draft-saved')

    const draft = await anonymousGraphQL<ArticleBySlug>(baseURL, articleBySlug, { slug })
    expect(draft).toEqual({ Articles: { totalDocs: 0, docs: [] }, ArticlePage: null })

    await page.locator('#action-save').click()
    await expect
      .poll(
        async () =>
          (await anonymousGraphQL<ArticleBySlug>(baseURL, articleBySlug, { slug })).Articles
            .totalDocs,
        { timeout: 30_000 },
      )
      .toBe(1)
    await page.reload()
    await page.locator('.rich-text-lexical .LexicalEditorTheme__upload img').waitFor()
    await screenshot(page, 'editor-2-published')

    const published = await anonymousGraphQL<ArticleBySlug>(baseURL, articleBySlug, { slug })
    expect(published.ArticlePage).toEqual({ article: { slug } })
    const [article] = published.Articles.docs
    expect(article.title).toBe(title)
    expect(article.bodyHtml).toMatch(new RegExp(`<p[^>]*>${paragraph.replace(/[.]/g, '\\.')}</p>`))
    expect(article.bodyHtml).toMatch(
      new RegExp(
        `<figure><img src="/api/media/file/[^"]+" alt="Quang cảnh Hội thảo"[^>]*/><figcaption>${caption}</figcaption></figure>`,
      ),
    )

    // "View on site" uses the public path: primary category, then the slug.
    await expect(page.locator('#preview-button').getAttribute('href')).resolves.toBe(
      `/tin-tuc-su-kien/${slug}`,
    )
  })

  it('the article list shows title, primary category, status, date, views and rating, and filters by category and status', async () => {
    const rated = await fetch(`${baseURL}/api/articles/${await articleId()}/rate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voter-token': 'e2e-reader-1' },
      body: JSON.stringify({ score: 4 }),
    })
    expect(rated.status).toBe(200)

    // Relationship cells load only once scrolled into view: a window tall enough for a whole page of rows.
    await page.setViewportSize({ width: 1440, height: 2400 })
    await page.goto(`${baseURL}/admin/collections/articles`)
    const headings = (await page.locator('table thead th').allInnerTexts())
      .map((text) => text.trim())
      .filter(Boolean)
    expect(headings).toEqual([
      'Tiêu đề',
      'Chuyên mục chính',
      'Trạng thái',
      'Ngày đăng',
      'Lượt xem',
      'Đánh giá của bạn đọc',
    ])
    // Relationship cells show a placeholder, then "Đang tải...", then the title: wait for the final text.
    const row = page.locator('table tbody tr', { hasText: title })
    await expect
      .poll(() => texts(row.locator('td')), { timeout: 30_000 })
      .toEqual([
        '',
        title,
        'Tin tức - Sự kiện',
        'Đã xuất bản',
        expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
        '0',
        '4 (1)',
      ])
    await screenshot(page, 'editor-3-article-list')

    // Filtered by primary category (the query the filter panel writes).
    const categories = (await (
      await fetch(`${baseURL}/api/categories?where[slug][equals]=kinh-te-xa-hoi`)
    ).json()) as {
      docs: Array<{ id: string | number }>
    }
    await page.goto(
      `${baseURL}/admin/collections/articles?where[primaryCategory][equals]=${categories.docs[0].id}`,
    )
    await expect
      .poll(async () => [...new Set(await texts(page.locator('table tbody tr td:nth-child(3)')))], {
        timeout: 30_000,
      })
      .toEqual(['Kinh tế - Xã hội'])
    await expect(page.locator('table tbody tr', { hasText: title }).count()).resolves.toBe(0)

    // The same through the filter panel: "Bộ lọc" offers the primary category and the status; pick drafts.
    await page.goto(`${baseURL}/admin/collections/articles`)
    await page.locator('#toggle-list-filters').click()
    await page.locator('.where-builder__add-first-filter').click()
    await page.locator('.condition__field .rs__control').click()
    const fieldOptions = (await page.locator('.rs__option').allInnerTexts()).map((text) =>
      text.normalize('NFC').trim(),
    )
    expect(fieldOptions).toEqual(expect.arrayContaining(['Chuyên mục chính', 'Trạng thái']))
    await page.locator('.rs__option').nth(fieldOptions.indexOf('Trạng thái')).click()
    await page.locator('.condition__value .rs__control').click()
    const statusOptions = (await page.locator('.rs__option').allInnerTexts()).map((text) =>
      text.normalize('NFC').trim(),
    )
    await page.locator('.rs__option').nth(statusOptions.indexOf('Bản nháp')).click()
    await page.waitForURL((url) => url.search.includes('_status') && url.search.includes('draft'))
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 30_000 }).toBe(3)
    const drafts = await texts(page.locator('table tbody tr td:nth-child(2)'))
    expect(drafts.sort()).toEqual(
      [
        'Bản nháp: Kết quả kỳ thi học sinh giỏi cấp huyện',
        'Bản nháp: Kế hoạch tổ chức Tết Trung thu cho thiếu nhi',
        'Bản nháp: Thông báo lịch tiếp công dân tháng tới',
      ].sort(),
    )
    await screenshot(page, 'editor-4-filter-drafts')
  })
})

/** The cells' texts; Payload's translation file spells some words in decomposed Unicode, so normalise. */
async function texts(cells: ReturnType<Page['locator']>): Promise<string[]> {
  return (await cells.allInnerTexts()).map((text) => text.normalize('NFC').trim())
}

async function articleId(): Promise<string | number> {
  const response = await page.request.get(
    `${baseURL}/api/articles?where[slug][equals]=${slug}&depth=0`,
  )
  const { docs } = (await response.json()) as { docs: Array<{ id: string | number }> }
  return docs[0].id
}
