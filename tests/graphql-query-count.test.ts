import { afterAll, beforeAll, expect, test } from 'vitest'
import { getPayload } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ARTICLE_PAGE_QUERY, expectedSeedNeighbors } from './helpers/articlePage.js'
import { countQueries } from './helpers/queryCount.js'
import { seed, seedArticle } from '../seed/index.js'
import { forgetSites } from '../features/sites/registry.js'

let app: TestApp

beforeAll(async () => {
  // Counts the handler's own reads: the public cache (and its reads) stays out of the way.
  app = await startTestApp({ publicCache: false })
  await seed(app.payload, { log: false })
  const { payload } = app
  // Several authors, categories and cover images on the seed article and every neighbour.
  const authors = []
  for (const name of ['Hoàng Anh', 'Lò Văn Thắng', 'Nguyễn Thị Hoa']) {
    authors.push((await payload.create({ collection: 'authors', data: { name } })).id)
  }
  const extraCategories = []
  for (const title of ['Nông thôn mới', 'Dự án cộng đồng']) {
    extraCategories.push((await payload.create({ collection: 'categories', data: { title } })).id)
  }
  const { docs } = await payload.find({
    collection: 'articles',
    where: { 'categories.slug': { equals: 'tin-tuc-su-kien' }, _status: { equals: 'published' } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  const cover = (await payload.find({ collection: 'media', limit: 1, depth: 0 })).docs[0].id
  for (const doc of docs) {
    const own = doc as unknown as {
      authors: Array<string | number>
      categories: Array<string | number>
    }
    await payload.update({
      collection: 'articles',
      id: doc.id,
      data: {
        authors: [...own.authors, ...authors],
        categories: [...own.categories, ...extraCategories],
        coverImage: cover,
      },
      overrideAccess: true,
    })
  }
})
afterAll(async () => app?.close())

test('an ArticlePage costs the same few database queries for neighbors = 1 and 20 (a bounded number of batched reads; 11 adapter calls on SQLite, 7 without rating and views, plus one read of the site list when it is cold)', async () => {
  // The route handlers run on the Payload instance that getPayload() caches for the config.
  const served = await getPayload({ config: app.config })
  const pages: Record<number, any> = {}
  // Each page also resolves its site from the site list, read at most once per instance every
  // SITE_LIST_TTL_MS: dropped before each count, that read is counted, exactly once (the worst case).
  const cold = <T>(count: () => Promise<T>) => {
    forgetSites(served)
    return count()
  }
  const measure = (neighbors: number) =>
    cold(() =>
      countQueries(served, async () => {
        const result = await app.graphql(ARTICLE_PAGE_QUERY, { slug: seedArticle.slug, neighbors })
        expect(result.errors).toBeUndefined()
        pages[neighbors] = result.data.ArticlePage
      }),
    )
  const one = await measure(1)
  const twenty = await measure(20)

  // The page really is bigger: 1 + 1 + 1 articles against 1 + 6 + 6, each with 4 authors and 3 categories.
  const expected = expectedSeedNeighbors()
  expect([pages[1].newer.length, pages[1].older.length]).toEqual([1, 1])
  expect([pages[20].newer.length, pages[20].older.length]).toEqual([
    expected.newer.length,
    expected.older.length,
  ])
  for (const card of [pages[20].article, ...pages[20].newer, ...pages[20].older]) {
    expect(card.authors).toHaveLength(4)
    expect(card.categories).toHaveLength(3)
    expect(card.coverImage.url).toBe('/api/media/file/quang-canh-hoi-thao.jpg')
  }

  // The article, then its newer and older lists (in parallel): 3 reads of articles. Every other
  // collection is read in batches, at most one batch per article read (Payload's DataLoader and our
  // rating/views loaders batch per tick; whether the two neighbour reads land in the same tick depends
  // on the database's timing, so a collection may take 1 to 3 batches) — never one query per article.
  const perCollection = (calls: string[]) =>
    calls.reduce<Record<string, number>>(
      (tally, call) => ({ ...tally, [call]: (tally[call] ?? 0) + 1 }),
      {},
    )
  const related = [
    'find:authors',
    'find:categories',
    'find:media',
    'find:rating-summaries',
    'find:sources',
    'find:visit-counts',
  ]
  for (const counted of [one, twenty]) {
    const tally = perCollection(counted.calls)
    expect(Object.keys(tally).sort()).toEqual(['find:articles', 'find:sites', ...related].sort())
    expect(tally['find:articles']).toBe(3)
    expect(tally['find:sites']).toBe(1)
    for (const call of related) expect(tally[call], call).toBeLessThanOrEqual(3)
    expect(counted.calls.length).toBeLessThanOrEqual(3 + 1 + 3 * related.length)
  }
  // On SQLite the two neighbour reads finish in the same tick: exactly 11 adapter calls and 11 SQL
  // statements for 1 and for 20 neighbours (each neighbour list is one indexed query on primaryCategory),
  // plus the site list's one.
  if (served.db.name === 'sqlite') {
    const perPage = [
      'find:articles',
      'find:articles',
      'find:articles',
      'find:authors',
      'find:categories',
      'find:media',
      'find:rating-summaries',
      'find:rating-summaries',
      'find:sites',
      'find:sources',
      'find:visit-counts',
      'find:visit-counts',
    ]
    expect(one.calls).toEqual(perPage)
    expect(twenty.calls).toEqual(perPage)
    expect([one.statements, twenty.statements]).toEqual([12, 12])
  }

  // Without rating and views, nothing reads them: 7 adapter calls, 7 statements on SQLite (+1: sites).
  const plain = ARTICLE_PAGE_QUERY.replace(/rating \{[^}]*\}\s*views/g, '')
  expect(plain).not.toMatch(/rating|views/)
  const lean = (neighbors: number) =>
    cold(() =>
      countQueries(served, async () => {
        const result = await app.graphql(plain, { slug: seedArticle.slug, neighbors })
        expect(result.errors).toBeUndefined()
        expect(result.data.ArticlePage.newer.map((card: { id: unknown }) => card.id)).toEqual(
          pages[neighbors].newer.map((card: { id: unknown }) => card.id),
        )
      }),
    )
  for (const counted of [await lean(1), await lean(20)]) {
    const tally = perCollection(counted.calls)
    expect(Object.keys(tally).sort()).toEqual([
      'find:articles',
      'find:authors',
      'find:categories',
      'find:media',
      'find:sites',
      'find:sources',
    ])
    expect(tally['find:articles']).toBe(3)
    if (served.db.name === 'sqlite') {
      expect(counted.calls).toHaveLength(8)
      expect(counted.statements).toBe(8)
    }
  }
})
