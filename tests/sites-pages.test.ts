import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'
import { linkNode, paragraph, richText } from '../core/lexical.js'

// ArticlePage and its neighbours, the RSS feed, body links and the "view on site" link: each on
// the request's (or the article's) site. A and B carry the same titles, categories and slugs.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number
const articles: Record<string, Id> = {}
let editorToken: string

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 3)).toISOString()

beforeAll(async () => {
  app = await startTestApp({ siteName: 'Cổng thông tin tỉnh', siteUrl: 'https://laichau.gov.vn' })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim', siteUrl: 'https://muongkim.laichau.gov.vn/' })
  // The first user is made an admin whatever it asks: the editor comes second.
  await userOn(app, 'admin@tinh.vn', ['admin'])
  editorToken = (await userOn(app, 'bientap@tinh.vn', ['editor'], [a])).token
  const { payload } = app
  for (const site of [a, b]) {
    const suffix = site === a ? 'A' : 'B'
    const category = (
      await payload.create({
        collection: 'categories',
        data: { title: 'Tin tức', site: site.id } as never,
      })
    ).id
    // Days 1..5 in the category, days 11..13 without one; the page article is day 3 ("Hội nghị").
    for (const day of [1, 2, 3, 4, 5, 11, 12, 13]) {
      const title = day === 3 ? 'Hội nghị' : `Tin ngày ${day}`
      const doc = await payload.create({
        collection: 'articles',
        data: {
          title,
          _status: 'published',
          publishedAt: at(day),
          site: site.id,
          ...(day < 10 ? { categories: [category] } : {}),
        } as never,
      })
      articles[`${title}${suffix}`] = doc.id
    }
    articles[`draft${suffix}`] = (
      await payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'Bản nháp', _status: 'draft', site: site.id } as never,
      })
    ).id
  }
})
afterAll(() => app?.close())

const PAGE = `query ($slug: String!, $neighbors: Int) {
  ArticlePage(slug: $slug, neighbors: $neighbors) { article { id } newer { id } older { id } }
}`
const page = async (slug: string, headers: Record<string, string>, token?: string) =>
  app.graphql(PAGE, { slug, neighbors: 20 }, { headers, token })

describe('ArticlePage and its neighbours are on the request’s site', () => {
  it('the article of the site, with neighbours of the same site and primary category', async () => {
    for (const [site, s] of [
      [b, 'B'],
      [a, 'A'],
    ] as const) {
      const result = await page('hoi-nghi', onSite(site))
      expect(result.errors).toBeUndefined()
      expect(result.data.ArticlePage).toEqual({
        article: { id: articles[`Hội nghị${s}`] },
        newer: [{ id: articles[`Tin ngày 4${s}`] }, { id: articles[`Tin ngày 5${s}`] }],
        older: [{ id: articles[`Tin ngày 2${s}`] }, { id: articles[`Tin ngày 1${s}`] }],
      })
    }
  })

  it('an article without a category has neighbours of its own site only', async () => {
    const result = await page('tin-ngay-12', onSite(b))
    const ofB = (...keys: string[]) => keys.map((key) => ({ id: articles[`${key}B`] }))
    expect(result.data.ArticlePage).toEqual({
      article: { id: articles['Tin ngày 12B'] },
      newer: ofB('Tin ngày 13'),
      older: ofB('Tin ngày 11', 'Tin ngày 5', 'Tin ngày 4', 'Hội nghị', 'Tin ngày 2', 'Tin ngày 1'),
    })
  })

  it('an editor of A asking on B gets B’s page, never A’s draft of the same slug', async () => {
    const slug = (
      await app.payload.findByID({ collection: 'articles', id: articles.draftA, draft: true })
    ).slug as string
    const own = await page(slug, onSite(a), editorToken)
    expect(own.data.ArticlePage.article).toEqual({ id: articles.draftA })
    const onB = await page(slug, onSite(b), editorToken)
    expect(onB.data.ArticlePage).toBeNull()
  })

  it('an unknown x-portal-site is UNKNOWN_SITE in extensions', async () => {
    const result = await page('hoi-nghi', onSite('xa-khong-co'))
    expect(result.data?.ArticlePage ?? null).toBeNull()
    expect(result.errors?.[0]).toMatchObject({
      message: 'The x-portal-site header names no site: "xa-khong-co".',
      extensions: { code: 'UNKNOWN_SITE', field: 'x-portal-site' },
    })
  })
})

describe('the RSS feed is the request’s site’s', () => {
  const feed = (query: string, headers: Record<string, string>) =>
    app.rest('GET', `/feed.xml${query}`, { headers })
  const itemTitles = (xml: string) =>
    [...xml.matchAll(/<item><title>([^<]*)<\/title>/g)].map((match) => match[1])
  const links = (xml: string) =>
    [...xml.matchAll(/<link>([^<]*)<\/link>/g)].map((match) => match[1])

  it('its public articles, its name as title, its siteUrl in every link, keyed by the header', async () => {
    const response = await feed('', onSite(b))
    expect(response.status).toBe(200)
    expect(response.headers.get('vary')).toBe('x-portal-site')
    const xml = await response.text()
    expect(itemTitles(xml)).toEqual([
      'Tin ngày 13',
      'Tin ngày 12',
      'Tin ngày 11',
      'Tin ngày 5',
      'Tin ngày 4',
      'Hội nghị',
      'Tin ngày 2',
      'Tin ngày 1',
    ])
    expect(xml).toContain('<title>Xã Mường Kim</title>')
    expect(links(xml)).toEqual([
      'https://muongkim.laichau.gov.vn',
      'https://muongkim.laichau.gov.vn/tin-ngay-13',
      'https://muongkim.laichau.gov.vn/tin-ngay-12',
      'https://muongkim.laichau.gov.vn/tin-ngay-11',
      ...[5, 4].map((day) => `https://muongkim.laichau.gov.vn/tin-tuc/tin-ngay-${day}`),
      'https://muongkim.laichau.gov.vn/tin-tuc/hoi-nghi',
      ...[2, 1].map((day) => `https://muongkim.laichau.gov.vn/tin-tuc/tin-ngay-${day}`),
    ])
  })

  it('the default site’s on a request naming none, with the plugin’s name and address', async () => {
    const xml = await (await feed('?category=tin-tuc', {})).text()
    expect(xml).toContain('<title>Cổng thông tin tỉnh – Tin tức</title>')
    expect(links(xml)[1]).toBe('https://laichau.gov.vn/tin-tuc/tin-ngay-5')
    expect(itemTitles(xml)).toHaveLength(5)
  })

  it('a category is looked up on the site; an unknown header is UNKNOWN_SITE (400) naming it', async () => {
    await app.payload.create({
      collection: 'categories',
      data: { title: 'Chỉ có ở tỉnh', site: a.id } as never,
    })
    const missing = await feed('?category=chi-co-o-tinh', onSite(b))
    expect(missing.status).toBe(404)
    const unknown = await feed('', onSite('xa-khong-co'))
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toEqual({
      errors: [
        {
          message: 'The x-portal-site header names no site: "xa-khong-co".',
          code: 'UNKNOWN_SITE',
          field: 'x-portal-site',
        },
      ],
    })
  })
})

describe('body links and the "view on site" link stay on the article’s site', () => {
  it('a link to another site’s article is text; to one of its own site, its path', async () => {
    const linking = await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài có liên kết',
        _status: 'published',
        site: b.id,
        body: richText(
          paragraph(linkNode({ articleId: articles['Tin ngày 1B'] }, 'cùng xã')),
          paragraph(linkNode({ articleId: articles['Tin ngày 1A'] }, 'của tỉnh')),
        ),
      } as never,
    })
    const response = await app.rest('GET', `/articles/${linking.id}`, { headers: onSite(b) })
    const { bodyHtml } = (await response.json()) as { bodyHtml: string }
    expect(bodyHtml).toBe('<p><a href="/tin-tuc/tin-ngay-1">cùng xã</a></p><p>của tỉnh</p>')
  })

  it('the preview link is on the article’s site’s address', async () => {
    const config = app.payload.collections.articles.config
    const preview = config.admin.preview as (doc: unknown, args: unknown) => Promise<string>
    const req = { payload: app.payload } as never
    await expect(
      preview({ slug: 'hoi-nghi', primaryCategory: null, site: b.id }, { req }),
    ).resolves.toBe('https://muongkim.laichau.gov.vn/hoi-nghi')
    await expect(
      preview({ slug: 'hoi-nghi', primaryCategory: null, site: a.id }, { req }),
    ).resolves.toBe('https://laichau.gov.vn/hoi-nghi')
  })
})
