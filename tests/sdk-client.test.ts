import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import {
  createPortalClient,
  PortalError,
  type Article,
  type ArticleSummary,
  type Author,
  type Category,
  type Paginated,
  type PortalClient,
  type Source,
} from '../sdk/src/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { routeFetch, type SentOperation } from './helpers/sdkFetch.js'
import { seed, seedArticle } from '../seed/index.js'
import { generatedArticles, generatedCategories, hiddenArticles } from '../seed/generated.js'
import site from '../seed/fixtures/seed-site.json'

const ENDPOINT = 'http://localhost:3000/api/graphql'

// Every public article, newest first: the seed page's article and the 36 generated ones.
const publicArticles = [
  {
    title: seedArticle.title,
    publishedAt: seedArticle.publishedAt,
    categorySlug: 'tin-tuc-su-kien',
  },
]
  .concat(
    generatedArticles().map(({ title, publishedAt, categorySlug }) => ({
      title,
      publishedAt,
      categorySlug,
    })),
  )
  .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

let app: TestApp
let portal: PortalClient
const requests: SentOperation[] = []

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload, { log: false })
  portal = createPortalClient({
    endpoint: ENDPOINT,
    fetch: routeFetch(app, requests),
  })
})

afterAll(async () => {
  await app?.close()
})

/** Runs one SDK call and returns its result with the requests it made. */
async function counted<T>(call: () => Promise<T>): Promise<{ result: T; sent: typeof requests }> {
  const before = requests.length
  const result = await call()
  return { result, sent: requests.slice(before) }
}

const categoryId = async (slug: string) => (await portal.categories.bySlug(slug))!.id

describe('news-portal-sdk against the in-process app', () => {
  it('articles.list gives the newest public articles first, typed, in one request', async () => {
    const { result, sent } = await counted(() => portal.articles.list({ limit: 5 }))
    expectTypeOf(result).toEqualTypeOf<Paginated<ArticleSummary>>()
    expect(sent.map((r) => r.operationName)).toEqual(['ArticleList'])
    expect(result.totalDocs).toBe(37)
    expect(result.totalPages).toBe(8)
    expect(result.page).toBe(1)
    expect(result.hasNextPage).toBe(true)
    expect(result.nextPage).toBe(2)
    expect(result.docs.map((a) => a.title)).toEqual(publicArticles.slice(0, 5).map((a) => a.title))
    const first = result.docs[0]
    expect(['number', 'string']).toContain(typeof first.id)
    expect(typeof first.slug).toBe('string')
    expect(first.publishedAt).toBe(publicArticles[0].publishedAt)
    expect(first.categories?.map((c) => c.slug)).toEqual([publicArticles[0].categorySlug])
    expect(first.primaryCategory?.slug).toBe(publicArticles[0].categorySlug)
  })

  it('articles.list filters by category, author, source and search words', async () => {
    const inNews = await portal.articles.list({
      category: await categoryId('tin-tuc-su-kien'),
      limit: 100,
    })
    expect(inNews.totalDocs).toBe(
      publicArticles.filter((a) => a.categorySlug === 'tin-tuc-su-kien').length,
    )
    expect(inNews.totalDocs).toBe(13)
    expect(inNews.docs.every((a) => a.categories?.[0]?.slug === 'tin-tuc-su-kien')).toBe(true)

    const author = (await portal.authors.bySlug('manh-cuong'))!
    expect((await portal.articles.list({ author: author.id })).totalDocs).toBe(37)
    const source = (await portal.sources.list()).docs[0]
    expect((await portal.articles.list({ source: source.id })).totalDocs).toBe(37)

    const found = await portal.articles.list({ search: 'IKOTA' })
    expect(found.docs.map((a) => a.title)).toEqual([site.article.title])
    expect((await portal.articles.list({ search: 'Bản nháp' })).totalDocs).toBe(0)
  })

  it('articles.all walks every page, one request each, and never shows a hidden article', async () => {
    const pages: Paginated<ArticleSummary>[] = []
    const { sent } = await counted(async () => {
      for await (const page of portal.articles.all({ limit: 10 })) pages.push(page)
    })
    expect(sent.map((r) => r.variables.page)).toEqual([1, 2, 3, 4])
    expect(pages.map((p) => p.docs.length)).toEqual([10, 10, 10, 7])
    const titles = pages.flatMap((p) => p.docs.map((a) => a.title))
    expect(titles).toEqual(publicArticles.map((a) => a.title))
    for (const hidden of hiddenArticles(new Date())) expect(titles).not.toContain(hidden.title)
  })

  it('articles.bySlug gives the whole seed article with its relationships', async () => {
    const { result: article, sent } = await counted(() => portal.articles.bySlug(seedArticle.slug))
    expectTypeOf(article).toEqualTypeOf<Article | null>()
    expect(sent).toHaveLength(1)
    expect(article).not.toBeNull()
    expect(article!.title).toBe(site.article.title)
    expect(article!.lead).toBe(site.article.lead)
    expect(article!.publishedAt).toBe('2022-08-04T14:59:00.000Z')
    expect(article!.authors?.map((a) => a.name)).toEqual(['Mạnh Cường'])
    expect(article!.source?.title).toBe('Trung tâm VH, TT-TT Than Uyên')
    expect(article!.categories?.map((c) => [c.slug, c.title])).toEqual([
      ['tin-tuc-su-kien', 'Tin tức - Sự kiện'],
    ])
    expect(article!.coverImage?.alt).toBe('Quang cảnh Hội thảo')
    expect(article!.coverImage?.caption).toBe('Quang cảnh Hội thảo')
    expect(article!.bodyHtml).toContain('<figcaption>Quang cảnh Hội thảo</figcaption>')
    expect(article!.bodyHtml).toContain(site.article.bodyParagraphs[1])
    expect(article!.allowRatings).toBe(true)
  })

  it('articles.bySlug gives null for a missing, draft, scheduled or expired article', async () => {
    expect(await portal.articles.bySlug('khong-co-bai-nay')).toBeNull()
    for (const hidden of hiddenArticles(new Date())) {
      const slug = (
        await app.payload.find({
          collection: 'articles',
          where: { title: { equals: hidden.title } },
          draft: true,
          overrideAccess: true,
        })
      ).docs[0]?.slug as string
      expect(slug).toBeTruthy()
      expect(await portal.articles.bySlug(slug)).toBeNull()
    }
  })

  it('authors, sources and categories list and find by slug', async () => {
    const authors = await portal.authors.list()
    expectTypeOf(authors.docs[0]).toEqualTypeOf<Author>()
    expect(authors.docs.map((a) => [a.name, a.slug])).toEqual([['Mạnh Cường', 'manh-cuong']])
    expect((await portal.authors.bySlug('manh-cuong'))?.name).toBe('Mạnh Cường')
    expect(await portal.authors.bySlug('khong-co')).toBeNull()

    const sources = await portal.sources.list()
    expectTypeOf(sources.docs[0]).toEqualTypeOf<Source>()
    expect(sources.docs.map((s) => s.title)).toEqual(['Trung tâm VH, TT-TT Than Uyên'])
    expect((await portal.sources.bySlug(sources.docs[0].slug))?.title).toBe(
      'Trung tâm VH, TT-TT Than Uyên',
    )

    const categories = await portal.categories.list()
    expectTypeOf(categories.docs[0]).toEqualTypeOf<Category>()
    expect(categories.docs.map((c) => [c.slug, c.title, c.order])).toEqual(
      generatedCategories.map((c) => [c.slug, c.title, c.order]),
    )
    expect((await portal.categories.bySlug('kinh-te-xa-hoi'))?.title).toBe('Kinh tế - Xã hội')
  })

  it('reads in the locale asked for, falling back to the default locale', async () => {
    const { result, sent } = await counted(() =>
      portal.categories.bySlug('kinh-te-xa-hoi', { locale: 'en' }),
    )
    expect(sent[0].variables.locale).toBe('en')
    expect(result?.title).toBe('Kinh tế - Xã hội')
    const english = createPortalClient({
      endpoint: ENDPOINT,
      locale: 'en',
      fetch: (input, init) => app.graphqlRoute(new Request(input, init)),
    })
    expect((await english.articles.bySlug(seedArticle.slug))?.title).toBe(site.article.title)
  })

  it('a wrong argument comes back as one PortalError with code VALIDATION', async () => {
    const error = await portal.articles
      .list({ limit: 'ten' as unknown as number })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PortalError)
    expect((error as PortalError).code).toBe('VALIDATION')
    expect((error as PortalError).status).toBe(400)
    expect((error as PortalError).message).toMatch(/limit|Int/)
  })
})
