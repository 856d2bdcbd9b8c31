import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seed, seedArticle } from '../seed/index.js'
import site from '../seed/fixtures/seed-site.json'
import { generatedArticles, hiddenArticles } from '../seed/generated.js'
import { linkNode, paragraph, richText } from '../core/lexical.js'
import type { ArticlePathInput } from '../core/types.js'

const SITE = 'https://thanuyen.laichau.gov.vn'
const articlePath = ({ slug, primaryCategorySlug }: ArticlePathInput) =>
  `/tin/${primaryCategorySlug ?? 'chung'}/${slug}.html`
const TRICKY = {
  title: 'Giá lúa <tăng> & "ổn định" ở Mường Kim',
  lead: 'Giá lúa tăng 5% & ổn định <so với> năm trước.',
}

let app: TestApp
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
})

interface FeedItem {
  title: string
  link: string
  guid: { '#text': string; '@_isPermaLink': string }
  description: string
  pubDate: string
  'dc:creator': string[]
  category: string[]
}

async function readFeed(query = '') {
  const response = await app.rest('GET', `/feed.xml${query}`)
  const xml = new TextDecoder('utf-8', { fatal: true }).decode(await response.arrayBuffer())
  return { response, xml }
}

/** Every public article the seed and this file create, newest first, from their own data. */
function publicArticlesNewestFirst(categorySlug?: string) {
  const all = [
    ...generatedArticles().map((a) => ({
      title: a.title,
      lead: a.lead,
      categorySlug: a.categorySlug,
      publishedAt: new Date(a.publishedAt).toISOString(),
    })),
    {
      title: site.article.title,
      lead: site.article.lead,
      categorySlug: 'tin-tuc-su-kien',
      publishedAt: seedArticle.publishedAt,
    },
    { ...TRICKY, categorySlug: 'kinh-te-xa-hoi', publishedAt: '2024-01-01T02:00:00.000Z' },
  ]
  return all
    .filter((article) => !categorySlug || article.categorySlug === categorySlug)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
}

beforeAll(async () => {
  app = await startTestApp({
    siteUrl: `${SITE}/`,
    siteName: 'Trang Thông tin điện tử huyện Than Uyên',
    articlePath,
  })
  await seed(app.payload, { log: false })
  const category = (
    await app.payload.find({
      collection: 'categories',
      where: { slug: { equals: 'kinh-te-xa-hoi' } },
    })
  ).docs[0]
  await app.payload.create({
    collection: 'articles',
    data: {
      ...TRICKY,
      categories: [category.id],
      publishedAt: '2024-01-01T02:00:00.000Z',
      _status: 'published',
    },
  })
})
afterAll(async () => app?.close())

describe('GET /api/feed.xml', () => {
  test('is well-formed RSS 2.0 in UTF-8 with caching headers', async () => {
    const { response, xml } = await readFeed()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=300')
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    const { rss } = parser.parse(xml)
    expect(rss['@_version']).toBe('2.0')
    expect(rss.channel.title).toBe('Trang Thông tin điện tử huyện Than Uyên')
    expect(rss.channel.link).toBe(SITE)
    expect(rss.channel.language).toBe('vi')
    expect(rss.channel['atom:link']['@_href']).toBe(`${SITE}/api/feed.xml`)
  })

  test('carries the 20 latest public articles, newest first, never a hidden one', async () => {
    const { xml } = await readFeed()
    const items: FeedItem[] = parser.parse(xml).rss.channel.item
    expect(items).toHaveLength(20)
    expect(items.map((item) => item.title)).toEqual(
      publicArticlesNewestFirst()
        .slice(0, 20)
        .map((a) => a.title),
    )
    const hidden = hiddenArticles(new Date()).map((article) => article.title)
    for (const item of items) expect(hidden).not.toContain(item.title)
  })

  test('escapes <, & and quotes in titles and leads, and keeps Vietnamese text intact', async () => {
    const { xml } = await readFeed()
    expect(xml).toContain(
      '<title>Giá lúa &lt;tăng&gt; &amp; &quot;ổn định&quot; ở Mường Kim</title>',
    )
    expect(xml).toContain(
      '<description>Giá lúa tăng 5% &amp; ổn định &lt;so với&gt; năm trước.</description>',
    )
    const first: FeedItem = parser.parse(xml).rss.channel.item[0]
    expect(first.title).toBe(TRICKY.title)
    expect(first.description).toBe(TRICKY.lead)
  })

  test('gives each item its public link, lead, RFC 822 date, author and category', async () => {
    const { xml } = await readFeed()
    const items: FeedItem[] = parser.parse(xml).rss.channel.item
    const first = items[0]
    expect(first.pubDate).toBe('Mon, 01 Jan 2024 02:00:00 GMT')
    expect(first.category).toEqual(['Kinh tế - Xã hội'])
    expect(first['dc:creator']).toBeUndefined()
    const newestGenerated = items[1]
    const expected = publicArticlesNewestFirst()[1]
    expect(newestGenerated.title).toBe(expected.title)
    expect(newestGenerated.description).toBe(expected.lead)
    expect(newestGenerated.pubDate).toBe(new Date(expected.publishedAt).toUTCString())
    expect(newestGenerated['dc:creator']).toEqual(['Mạnh Cường'])
    expect(newestGenerated.link).toMatch(
      new RegExp(`^${SITE}/tin/${expected.categorySlug}/[a-z0-9-]+\\.html$`),
    )
    expect(newestGenerated.guid).toEqual({ '#text': newestGenerated.link, '@_isPermaLink': 'true' })
  })

  test('?category=slug keeps only that category', async () => {
    const { response, xml } = await readFeed('?category=kinh-te-xa-hoi')
    expect(response.status).toBe(200)
    const { channel } = parser.parse(xml).rss
    const expected = publicArticlesNewestFirst('kinh-te-xa-hoi')
    expect(expected).toHaveLength(13)
    expect(channel.item.map((item: FeedItem) => item.title)).toEqual(expected.map((a) => a.title))
    expect(channel.title).toBe('Trang Thông tin điện tử huyện Than Uyên – Kinh tế - Xã hội')
    expect(channel['atom:link']['@_href']).toBe(`${SITE}/api/feed.xml?category=kinh-te-xa-hoi`)
  })

  test('an unknown category is a 404 naming the category', async () => {
    const response = await app.rest('GET', '/feed.xml?category=khong-co')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'category: no category has the slug "khong-co".',
          code: 'NOT_FOUND',
          field: 'category',
        },
      ],
    })
  })
})

describe('odd locale and category parameters never give a 500', () => {
  const errorMessages = async (response: Response) =>
    ((await response.json()) as { errors: Array<{ message: string }> }).errors.map(
      (error) => error.message,
    )

  test('?locale=en is the English channel', async () => {
    const { response, xml } = await readFeed('?locale=en')
    expect(response.status).toBe(200)
    expect(parser.parse(xml).rss.channel.language).toBe('en')
  })

  for (const [name, locale] of [
    ['all', 'all'],
    ['*', '*'],
    ['unknown', 'xx'],
    ['huge', 'v'.repeat(20_000)],
    ['NUL bytes', 'vi%00%00'],
    ['an array', 'vi&locale=en'],
  ] as const) {
    test(`?locale=${name} is a 400 naming locale`, async () => {
      const response = await app.rest('GET', `/feed.xml?locale=${locale}`)
      expect(response.status).toBe(400)
      expect(await errorMessages(response)).toEqual(['locale must be one of: vi, en.'])
    })
  }

  for (const [name, category] of [
    ['huge', 'a'.repeat(20_000)],
    ['NUL bytes', 'kinh-te%00xa-hoi'],
    ['control characters', 'kinh%0D%0Ate'],
  ] as const) {
    test(`?category=${name} is a 400 naming category`, async () => {
      const response = await app.rest('GET', `/feed.xml?category=${category}`)
      expect(response.status).toBe(400)
      expect(await errorMessages(response)).toEqual([
        'category must be a slug of at most 200 characters, without control characters.',
      ])
    })
  }

  test('?category= with quotes, percent signs and Vietnamese letters is a plain 404', async () => {
    const category = `'"%_ Thời sự <x>`
    const response = await app.rest('GET', `/feed.xml?category=${encodeURIComponent(category)}`)
    expect(response.status).toBe(404)
    expect(await errorMessages(response)).toEqual([
      `category: no category has the slug "${category}".`,
    ])
  })
})

test('the articlePath option shapes internal links in bodyHtml as it shapes feed links', async () => {
  const target = (
    await app.payload.find({
      collection: 'articles',
      where: { slug: { equals: seedArticle.slug } },
      depth: 0,
    })
  ).docs[0]
  const linking = await app.payload.create({
    collection: 'articles',
    data: {
      title: 'Liên kết nội bộ',
      body: richText(paragraph(linkNode({ articleId: target.id }, 'Hội thảo'))),
      _status: 'draft',
    },
    draft: true,
  })
  expect(linking.bodyHtml).toBe(
    `<p><a href="/tin/tin-tuc-su-kien/${seedArticle.slug}.html">Hội thảo</a></p>`,
  )
})
