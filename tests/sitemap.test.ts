import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'
import { resolveOptions } from '../plugin/options.js'

// Site A (the default) has 2 categories and 3 public articles, and a draft, a scheduled and an
// expired one; B has 1 category and 1 article; C holds the news sitemap's cases. Pages of 2 URLs
// make A's sitemap an index of 3 files while B's stays one file.
let app: TestApp
let a: TestSite
let b: TestSite
let c: TestSite
type Id = string | number
const A_URL = 'https://laichau.gov.vn'
const B_URL = 'https://muongkim.laichau.gov.vn'
const C_URL = 'https://svhttdl.laichau.gov.vn'
const HOUR = 3_600_000
const updatedAt: Record<string, string> = {}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap'].includes(name),
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await app.rest('GET', path, { headers })
  const xml = new TextDecoder('utf-8', { fatal: true }).decode(await response.arrayBuffer())
  return { response, xml }
}

async function urlset(path: string, headers: Record<string, string> = {}) {
  const { response, xml } = await get(path, headers)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed = parser.parse(xml)
  expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  return (parsed.urlset.url ?? []) as Array<Record<string, any>>
}

async function make(data: Record<string, unknown>, collection = 'articles', draft = false) {
  const doc = await app.payload.create({
    collection: collection as 'articles',
    data: data as never,
    draft,
  })
  updatedAt[`${collection}:${doc.id}`] = doc.updatedAt as string
  return doc.id as Id
}
const published = (publishedAt: string | Date) => ({
  _status: 'published',
  publishedAt: new Date(publishedAt).toISOString(),
})

const ids: Record<string, Id> = {}

beforeAll(async () => {
  app = await startTestApp({ siteUrl: `${A_URL}/`, sitemapPageSize: 2 })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim', siteUrl: `${B_URL}/` })
  c = await addSite(app, { name: 'Sở Văn hóa & Thể thao', siteUrl: C_URL })
  ids.news = await make({ title: 'Tin tức', site: a.id }, 'categories')
  ids.culture = await make({ title: 'Văn hóa', site: a.id }, 'categories')
  ids.festival = await make({
    title: 'Lễ hội hoa ban',
    ...published('2026-01-01T03:00:00Z'),
    site: a.id,
    categories: [ids.news],
  })
  ids.dance = await make({
    title: 'Múa xòe Thái',
    ...published('2026-01-03T03:00:00Z'),
    site: a.id,
    categories: [ids.culture, ids.news],
  })
  ids.loose = await make({
    title: 'Thông báo chung',
    ...published('2026-01-02T03:00:00Z'),
    site: a.id,
  })
  await make({ title: 'Bản nháp', _status: 'draft', site: a.id }, 'articles', true)
  await make({ title: 'Sắp đăng', ...published(new Date(Date.now() + 24 * HOUR)), site: a.id })
  await make({
    title: 'Đã hết hạn',
    ...published('2025-12-01T03:00:00Z'),
    expiresAt: new Date(Date.now() - HOUR).toISOString(),
    site: a.id,
  })
  ids.communeNews = await make({ title: 'Tin xã', site: b.id }, 'categories')
  ids.commune = await make({
    title: 'Lễ hội hoa ban',
    ...published('2026-01-05T03:00:00Z'),
    site: b.id,
    categories: [ids.communeNews],
  })
})
afterAll(() => app?.close())

describe('GET /api/sitemap.xml', () => {
  it('one file while the site has at most sitemapPageSize URLs: categories, then articles newest first', async () => {
    expect(await urlset('/sitemap.xml', onSite(b))).toEqual([
      { loc: `${B_URL}/tin-xa`, lastmod: updatedAt[`categories:${ids.communeNews}`] },
      { loc: `${B_URL}/tin-xa/le-hoi-hoa-ban`, lastmod: updatedAt[`articles:${ids.commune}`] },
    ])
    expect(await urlset('/sitemap.xml?page=1', onSite(b))).toHaveLength(2)
  })

  it('past it, an index of ?page=N files; each file lists its URLs, never a hidden article', async () => {
    const { response, xml } = await get('/sitemap.xml')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const index = parser.parse(xml).sitemapindex
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(index.sitemap).toEqual([
      { loc: `${A_URL}/api/sitemap.xml?page=1` },
      { loc: `${A_URL}/api/sitemap.xml?page=2` },
      { loc: `${A_URL}/api/sitemap.xml?page=3` },
    ])
    expect(await urlset('/sitemap.xml?page=1')).toEqual([
      { loc: `${A_URL}/tin-tuc`, lastmod: updatedAt[`categories:${ids.news}`] },
      { loc: `${A_URL}/van-hoa`, lastmod: updatedAt[`categories:${ids.culture}`] },
    ])
    expect(await urlset('/sitemap.xml?page=2')).toEqual([
      { loc: `${A_URL}/van-hoa/mua-xoe-thai`, lastmod: updatedAt[`articles:${ids.dance}`] },
      { loc: `${A_URL}/thong-bao-chung`, lastmod: updatedAt[`articles:${ids.loose}`] },
    ])
    expect(await urlset('/sitemap.xml?page=3')).toEqual([
      { loc: `${A_URL}/tin-tuc/le-hoi-hoa-ban`, lastmod: updatedAt[`articles:${ids.festival}`] },
    ])
  })

  it('a site with nothing public yet has an empty urlset', async () => {
    expect(await urlset('/sitemap.xml', onSite(c))).toEqual([])
  })

  it.each([
    ['?page=0', 'page must be a whole number of at least 1.'],
    ['?page=-1', 'page must be a whole number of at least 1.'],
    ['?page=1.5', 'page must be a whole number of at least 1.'],
    ['?page=abc', 'page must be a whole number of at least 1.'],
    ['?page=99999999999999999999', 'page must be a whole number of at least 1.'],
    ['?page=1&page=2', 'page must be given once.'],
  ])('%s is a 400 naming page', async (query, message) => {
    const response = await app.rest('GET', `/sitemap.xml${query}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message }] })
  })

  it('a page past the last is a 404 naming page; an unknown site a 400 naming the header', async () => {
    const past = await app.rest('GET', '/sitemap.xml?page=4')
    expect(past.status).toBe(404)
    expect(await past.json()).toEqual({
      errors: [{ message: 'page: the sitemap has 3 page(s).', code: 'NOT_FOUND', field: 'page' }],
    })
    const unknown = await app.rest('GET', '/sitemap.xml', { headers: onSite('khong-co') })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({
      errors: [{ code: 'UNKNOWN_SITE', field: 'x-portal-site' }],
    })
  })
})

describe('GET /api/news-sitemap.xml', () => {
  beforeAll(async () => {
    const now = Date.now()
    ids.recent = await make({
      title: 'Giải bóng đá <U15> & "Cúp" hè',
      ...published(new Date(now - HOUR)),
      site: c.id,
    })
    ids.yesterday = await make({
      title: 'Triển lãm ảnh',
      ...published(new Date(now - 47 * HOUR)),
      site: c.id,
    })
    await make({ title: 'Tin cũ', ...published(new Date(now - 49 * HOUR)), site: c.id })
    await make({ title: 'Sắp đăng', ...published(new Date(now + HOUR)), site: c.id })
    await make({
      title: 'Vừa hết hạn',
      ...published(new Date(now - 2 * HOUR)),
      expiresAt: new Date(now - HOUR).toISOString(),
      site: c.id,
    })
    await make({ title: 'Nháp mới', _status: 'draft', site: c.id }, 'articles', true)
    await make({ title: 'Tin xã mới', ...published(new Date(now - HOUR)), site: b.id })
  })

  it('lists the site’s public articles of the last two days, newest first, in Google News form', async () => {
    const { response, xml } = await get('/news-sitemap.xml', onSite(c))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain(
      '<news:title>Giải bóng đá &lt;U15&gt; &amp; &quot;Cúp&quot; hè</news:title>',
    )
    const { urlset: set } = parser.parse(xml)
    expect(set['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const publication = { 'news:name': 'Sở Văn hóa & Thể thao', 'news:language': 'vi' }
    const { docs } = await app.payload.find({
      collection: 'articles',
      where: { id: { in: [ids.recent, ids.yesterday] } },
      sort: '-publishedAt',
    })
    expect(set.url).toEqual(
      docs.map((doc) => ({
        loc: `${C_URL}/${doc.slug}`,
        'news:news': {
          'news:publication': publication,
          'news:publication_date': doc.publishedAt,
          'news:title': doc.title,
        },
      })),
    )
    expect(docs.map((doc) => doc.title)).toEqual(['Giải bóng đá <U15> & "Cúp" hè', 'Triển lãm ảnh'])
  })

  it('has no article of another site', async () => {
    const urls = parser.parse((await get('/news-sitemap.xml', onSite(b))).xml).urlset.url
    expect(urls.map((url: { loc: string }) => url.loc)).toEqual([`${B_URL}/tin-xa-moi`])
  })
})

describe('the sitemapPageSize option', () => {
  it('defaults to 50,000 (the protocol’s limit) and refuses more, or less than 1', () => {
    expect(resolveOptions({}).sitemapPageSize).toBe(50_000)
    expect(() => resolveOptions({ sitemapPageSize: 50_001 })).toThrow(
      'newsPortalPlugin: sitemapPageSize must be at most 50000; got 50001.',
    )
    expect(() => resolveOptions({ sitemapPageSize: 0 })).toThrow(
      'newsPortalPlugin: sitemapPageSize must be a whole number of at least 1; got 0.',
    )
  })
})
