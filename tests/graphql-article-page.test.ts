import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import {
  ARTICLE_PAGE_QUERY,
  expectedSeedNeighbors,
  slugOf,
  type CardTitle,
} from './helpers/articlePage.js'
import { seed, seedArticle } from '../seed/index.js'
import site from '../seed/fixtures/seed-site.json'
import { generatedArticles, hiddenArticles } from '../seed/generated.js'
import { linkNode, paragraph, richText } from '../core/lexical.js'

let app: TestApp
const titles = (cards: CardTitle[]) => cards.map((card) => card.title)
const page = (slug: string, neighbors?: number, token?: string) =>
  app.graphql(ARTICLE_PAGE_QUERY, { slug, neighbors }, { token })

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload, { log: false })
})
afterAll(async () => app?.close())

describe('ArticlePage for the seed article', () => {
  test('resolves the article with its author, source, categories, cover image and captioned figure', async () => {
    const { status, data, errors } = await page(seedArticle.slug)
    expect(errors).toBeUndefined()
    expect(status).toBe(200)
    const article = data.ArticlePage.article
    expect(article.title).toBe(site.article.title)
    expect(article.slug).toBe(seedArticle.slug)
    expect(article.publishedAt).toBe(seedArticle.publishedAt)
    expect(article.lead).toBe(site.article.lead)
    expect(article.authors.map((author: { name: string }) => author.name)).toEqual(['Mạnh Cường'])
    expect(article.source.title).toBe('Trung tâm VH, TT-TT Than Uyên')
    expect(article.categories.map((category: { slug: string }) => category.slug)).toEqual([
      'tin-tuc-su-kien',
    ])
    expect(article.coverImage).toMatchObject({
      alt: 'Quang cảnh Hội thảo',
      caption: 'Quang cảnh Hội thảo',
      width: 1200,
      height: 675,
    })
    expect(article.coverImage.url).toBe('/api/media/file/quang-canh-hoi-thao.jpg')
    expect(article.bodyHtml).toContain(
      '<figure><img src="/api/media/file/quang-canh-hoi-thao.jpg" alt="Quang cảnh Hội thảo" width="1200" height="675" loading="lazy" /><figcaption>Quang cảnh Hội thảo</figcaption></figure>',
    )
    expect(article.bodyHtml).toContain(`<p>${site.article.bodyParagraphs[1]}</p>`)
  })

  test('lists the 5 newer (oldest first) and 5 older (newest first) public articles of its category by default', async () => {
    const expected = expectedSeedNeighbors()
    const { data } = await page(seedArticle.slug)
    expect(data.ArticlePage.newer.map((card: CardTitle) => [card.title, card.publishedAt])).toEqual(
      expected.newer.slice(0, 5).map((card) => [card.title, card.publishedAt]),
    )
    expect(data.ArticlePage.older.map((card: CardTitle) => [card.title, card.publishedAt])).toEqual(
      expected.older.slice(0, 5).map((card) => [card.title, card.publishedAt]),
    )
    // The generated articles of the seed's category: 6 after it, 6 before it.
    expect([expected.newer.length, expected.older.length]).toEqual([6, 6])
    expect(
      data.ArticlePage.newer[0].categories.map((category: { slug: string }) => category.slug),
    ).toEqual(['tin-tuc-su-kien'])
    expect(data.ArticlePage.newer[0].authors).toEqual([{ name: 'Mạnh Cường' }])
  })

  test('neighbors = 20 gives every public neighbour and never a draft, scheduled or expired one', async () => {
    const expected = expectedSeedNeighbors()
    const { data } = await page(seedArticle.slug, 20)
    expect(titles(data.ArticlePage.newer)).toEqual(titles(expected.newer))
    expect(titles(data.ArticlePage.older)).toEqual(titles(expected.older))
    const hidden = hiddenArticles(new Date()).map((article) => article.title)
    expect(hidden).toHaveLength(5)
    const shown = [...titles(data.ArticlePage.newer), ...titles(data.ArticlePage.older)]
    for (const title of hidden) expect(shown).not.toContain(title)
  })

  test('neighbors = 1 gives exactly the nearest article on each side', async () => {
    const expected = expectedSeedNeighbors()
    const { data } = await page(seedArticle.slug, 1)
    expect(titles(data.ArticlePage.newer)).toEqual([expected.newer[0].title])
    expect(titles(data.ArticlePage.older)).toEqual([expected.older[0].title])
  })
})

describe('ArticlePage access', () => {
  test.each(hiddenArticles(new Date()).map((article) => [article.title]))(
    '"%s" gives null to the public',
    async (title) => {
      const { data, errors } = await page(await slugOf(app.payload, title))
      expect(errors).toBeUndefined()
      expect(data).toEqual({ ArticlePage: null })
    },
  )

  test('a missing slug gives null', async () => {
    const { data, errors } = await page('khong-co-bai-nay')
    expect(errors).toBeUndefined()
    expect(data).toEqual({ ArticlePage: null })
  })

  test('an editor sees a draft page (their own access), but only public neighbours', async () => {
    const token = await app.login('editor@example.com', 'editor-demo-123')
    const draft = 'Bản nháp: Kế hoạch tổ chức Tết Trung thu cho thiếu nhi'
    const { data, errors } = await page(await slugOf(app.payload, draft), 1, token)
    expect(errors).toBeUndefined()
    expect(data.ArticlePage.article.title).toBe(draft)
    // The draft is dated 2022-08-05 09:00 (+07): the seed article is the public one just before it.
    expect(titles(data.ArticlePage.older)).toEqual([site.article.title])
    expect(titles(data.ArticlePage.newer)).toEqual([expectedSeedNeighbors().newer[0].title])
  })
})

describe('ArticlePage arguments', () => {
  test.each([0, 21, -3])(
    'neighbors = %i is refused with a validation error naming neighbors',
    async (neighbors) => {
      const { status, data, errors } = await page(seedArticle.slug, neighbors)
      expect(status).toBe(200)
      expect(data).toEqual({ ArticlePage: null })
      expect(errors).toHaveLength(1)
      expect(errors![0].message).toBe('The following field is invalid: neighbors')
      expect(errors![0].extensions).toMatchObject({
        name: 'ValidationError',
        statusCode: 400,
        data: {
          errors: [
            {
              path: 'neighbors',
              message: `neighbors must be an integer from 1 to 20; got ${neighbors}.`,
            },
          ],
        },
      })
    },
  )

  test('neighbors given as a string is a GraphQL validation error, not a server error', async () => {
    const { status, errors } = await app.graphql(ARTICLE_PAGE_QUERY, {
      slug: seedArticle.slug,
      neighbors: 'năm',
    })
    expect(status).toBe(200)
    expect(errors?.map((error) => error.message)).toEqual([
      'Variable "$neighbors" got invalid value "năm"; Int cannot represent non-integer value: "năm"',
    ])
  })
})

describe('ArticlePage ordering', () => {
  test('articles published at the same instant are ordered by id', async () => {
    const { payload } = app
    const category = await payload.create({
      collection: 'categories',
      data: { title: 'Cùng giờ', slug: 'cung-gio' },
    })
    const at = '2020-01-01T01:00:00.000Z'
    const created = []
    for (const name of ['Một', 'Hai', 'Ba']) {
      created.push(
        await payload.create({
          collection: 'articles',
          data: {
            title: `Cùng giờ: bài ${name}`,
            categories: [category.id],
            publishedAt: at,
            _status: 'published',
          },
        }),
      )
    }
    const { data } = await page(created[1].slug as string, 5)
    expect(titles(data.ArticlePage.newer)).toEqual(['Cùng giờ: bài Ba'])
    expect(titles(data.ArticlePage.older)).toEqual(['Cùng giờ: bài Một'])
  })

  test('an article with no category is compared with every public article', async () => {
    const at = '2022-08-04T15:00:00.000Z'
    const loose = await app.payload.create({
      collection: 'articles',
      data: { title: 'Bài không chuyên mục', publishedAt: at, _status: 'published' },
    })
    const everyPublic = [
      ...generatedArticles().map(({ title, publishedAt }) => ({
        title,
        publishedAt: new Date(publishedAt).toISOString(),
      })),
      { title: site.article.title, publishedAt: seedArticle.publishedAt },
    ]
    const newer = everyPublic
      .filter((a) => a.publishedAt > at)
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    const older = everyPublic
      .filter((a) => a.publishedAt < at)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    const { data } = await page(loose.slug as string, 4)
    expect(titles(data.ArticlePage.newer)).toEqual(titles(newer.slice(0, 4)))
    expect(titles(data.ArticlePage.older)).toEqual(titles(older.slice(0, 4)))
    // Across categories: the nearest older one is the seed article itself, a minute earlier.
    expect(data.ArticlePage.older[0].title).toBe(site.article.title)
  })
})

describe('bodyHtml', () => {
  test('a link to another article becomes its public path /{category-slug}/{article-slug}', async () => {
    const seedDoc = (
      await app.payload.find({
        collection: 'articles',
        where: { slug: { equals: seedArticle.slug } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    const linking = await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài có liên kết nội bộ',
        body: richText(
          paragraph(
            'Xem thêm: ',
            linkNode({ articleId: seedDoc.id }, 'hội thảo <IKOTA> & cộng đồng'),
          ),
        ),
        publishedAt: '2021-01-01T00:00:00.000Z',
        _status: 'published',
      },
    })
    const { data } = await page(linking.slug as string, 1)
    expect(data.ArticlePage.article.bodyHtml).toBe(
      `<p>Xem thêm: <a href="/tin-tuc-su-kien/${seedArticle.slug}">hội thảo &lt;IKOTA&gt; &amp; cộng đồng</a></p>`,
    )
  })
})

describe('ArticlePage(locale) keeps its locale to itself', () => {
  const slug = 'bai-song-ngu-locale'
  const CARD = '{ title categories { title parent { title } } }'
  const vi = { title: 'Bài song ngữ', category: 'Thời sự', parent: 'Tin tức' }
  const en = { title: 'Bilingual article', category: 'Current affairs', parent: 'News' }
  const card = (texts: typeof vi) => ({
    title: texts.title,
    categories: [{ title: texts.category, parent: { title: texts.parent } }],
  })

  beforeAll(async () => {
    const { payload } = app
    const parent = await payload.create({
      collection: 'categories',
      locale: 'vi',
      data: { title: vi.parent, slug: 'tin-tuc-locale' },
    })
    await payload.update({
      collection: 'categories',
      id: parent.id,
      locale: 'en',
      data: { title: en.parent },
    })
    const child = await payload.create({
      collection: 'categories',
      locale: 'vi',
      data: { title: vi.category, slug: 'thoi-su-locale', parent: parent.id },
    })
    await payload.update({
      collection: 'categories',
      id: child.id,
      locale: 'en',
      data: { title: en.category },
    })
    const article = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: vi.title,
        slug,
        categories: [child.id],
        publishedAt: '2020-01-01T00:00:00.000Z',
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'en',
      data: { title: en.title, _status: 'published' },
    })
  })

  const articles = (locale = '') =>
    `Articles(where: { slug: { equals: "${slug}" } }${locale}) { docs ${CARD} }`
  const articlePage = (locale = '') =>
    `ArticlePage(slug: "${slug}", neighbors: 1${locale}) { article ${CARD} }`

  test('a sibling root field after it reads in the request locale', async () => {
    const { data, errors } = await app.graphql(
      `{ ArticlePage: ${articlePage(', locale: en')} Articles: ${articles()} }`,
    )
    expect(errors).toBeUndefined()
    expect(data.ArticlePage.article).toEqual(card(en))
    expect(data.Articles.docs).toEqual([card(vi)])
  })

  test('a sibling root field before it reads in the request locale', async () => {
    const { data, errors } = await app.graphql(
      `{ Articles: ${articles()} ArticlePage: ${articlePage(', locale: en')} }`,
    )
    expect(errors).toBeUndefined()
    expect(data.Articles.docs).toEqual([card(vi)])
    expect(data.ArticlePage.article).toEqual(card(en))
  })

  test('two ArticlePage fields with different locales each read in their own', async () => {
    const { data, errors } = await app.graphql(
      `{ english: ${articlePage(', locale: en')} vietnamese: ${articlePage(', locale: vi')} plain: ${articlePage()} }`,
    )
    expect(errors).toBeUndefined()
    expect(data.english.article).toEqual(card(en))
    expect(data.vietnamese.article).toEqual(card(vi))
    expect(data.plain.article).toEqual(card(vi))
  })
})
