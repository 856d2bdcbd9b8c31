import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CATEGORY_LISTS_TABLE,
  categoryListShape,
  rebuildCategoryLists,
} from '../features/content/categoryLists/index.js'
import { installCategoryListReads } from '../features/content/categoryLists/reads.js'
import { publicArticleWhere } from '../features/content/publicWhere.js'
import { idLiteral, runSql } from '../core/sql.js'
import { resolveOptions } from '../plugin/options.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { recordStatements } from './helpers/recordSql.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'

// Issue 17: a list of one category (`categories: { equals }`: the SDK's `articles.list({ category })`
// and the portal's sections) reads its page and total from the plugin's category table instead of
// Payload's join and `COUNT(1) OVER() … GROUP BY` over every article of the site. Every read below
// is made with the table's reads off (`categoryListReads: false`), then on: same docs, same
// figures. The table itself must equal a copy made from scratch after every kind of change.
let app: TestApp
let routes: Payload
let site: TestSite
let commune: TestSite
let news: string | number
let economy: string | number
let communeNews: string | number
let editorToken: string

const FIGURES =
  'totalDocs totalPages page limit hasNextPage hasPrevPage nextPage prevPage pagingCounter'
const FIELDS =
  'id title slug publishedAt expiresAt _status primaryCategory { id } categories { id }'
const page = (args: string) => `{ Articles(${args}) { ${FIGURES} docs { ${FIELDS} } } }`
const inCategory = (id: string | number, operator = 'equals') =>
  `{ categories: { ${operator}: ${JSON.stringify(operator === 'in' ? [id] : id)} } }`

const gql =
  (args: string, options: { token?: string; headers?: Record<string, string> } = {}) =>
  async () => {
    const result = await app.graphql(page(args), undefined, options)
    if (result.errors) throw new Error(JSON.stringify(result.errors))
    return result.data
  }
const rest = (query: string, token?: string) => async () =>
  (await app.rest('GET', `/articles?${query}`, { token })).json()

/** Every read compared, as [name, read, answered by the table]. */
const reads = (): Array<[string, () => Promise<unknown>, boolean]> => [
  ['public, page 1', gql(`limit: 4, where: ${inCategory(economy)}`), true],
  ['public, page 2', gql(`limit: 4, page: 2, where: ${inCategory(economy)}`), true],
  ['public, the last page', gql(`limit: 4, page: 4, where: ${inCategory(economy)}`), true],
  ['public, past the last page', gql(`limit: 4, page: 9, where: ${inCategory(economy)}`), true],
  ['public, `in` one category', gql(`limit: 5, where: ${inCategory(news, 'in')}`), true],
  [
    'public, -publishedAt named',
    gql(`limit: 5, sort: "-publishedAt", where: ${inCategory(news)}`),
    true,
  ],
  ['public, by title (Payload)', gql(`limit: 5, sort: "title", where: ${inCategory(news)}`), false],
  [
    'public, with another filter (Payload)',
    gql(
      `limit: 5, where: { categories: { equals: ${JSON.stringify(news)} }, title: { like: "Bài 1" } }`,
    ),
    false,
  ],
  [
    'public, a category with nothing public',
    gql(`limit: 5, where: ${inCategory(communeNews)}`),
    true,
  ],
  [
    "public, the commune's category asked on the district",
    gql(`limit: 5, where: ${inCategory(communeNews)}`, { headers: onSite(site) }),
    true,
  ],
  [
    "public, the commune's own",
    gql(`limit: 5, where: ${inCategory(communeNews)}`, { headers: onSite(commune) }),
    true,
  ],
  [
    'an editor (drafts and scheduled too)',
    gql(`limit: 5, page: 2, where: ${inCategory(economy)}`, { token: editorToken }),
    true,
  ],
  ['REST, public', rest(`limit=3&page=2&depth=0&where[categories][equals]=${economy}`), true],
  ['REST, by string id', rest(`limit=3&where[categories][in][0]=${String(news)}&depth=0`), true],
  [
    'REST drafts as an editor (Payload: the versions table)',
    rest(`limit=3&draft=true&depth=0&where[categories][equals]=${economy}`, editorToken),
    false,
  ],
]

/** Every statement the route handlers' database client runs while `run` runs. */
const recorded = async (run: () => Promise<unknown>) =>
  (await recordStatements(routes, run)).map((statement) => statement.text)

/** The table as the hooks left it, then as a copy from scratch makes it. */
async function tableNowAndRebuilt(): Promise<[unknown[], unknown[]]> {
  const { payload } = app
  const all = async () =>
    (
      await runSql(
        payload,
        `SELECT "article_id", "category_id", "site_id", "status", "published_at", "created_at", "expires_at" FROM "${CATEGORY_LISTS_TABLE}" ORDER BY "article_id", "category_id"`,
      )
    ).map((row) =>
      JSON.stringify(Object.values(row).map((value) => (value === null ? null : String(value)))),
    )
  const now = await all()
  await rebuildCategoryLists(payload)
  return [now, await all()]
}

const before = new Map<string, unknown>()
const HOUR = 3_600_000

beforeAll(async () => {
  app = await startTestApp({ categoryListReads: false, publicCache: false })
  routes = await getPayload({ config: app.config })
  const { payload } = app
  site = await defaultSite(app)
  commune = await addSite(app, { name: 'Xã Mường Kim', slug: 'xa-muong-kim', domains: [] })
  const category = async (title: string, on: TestSite) =>
    (await payload.create({ collection: 'categories', data: { title, site: on.id } as never })).id
  news = await category('Thời sự', site)
  economy = await category('Kinh tế', site)
  communeNews = await category('Tin xã', commune)
  const now = Date.now()
  for (let i = 0; i < 30; i++) {
    const state = i % 10
    await payload.create({
      collection: 'articles',
      data: {
        title: `Bài ${String((i * 7) % 30).padStart(2, '0')}`,
        _status: state === 9 ? 'draft' : 'published',
        // Pairs published at the same minute (ties), one scheduled, one expired, one expiring later.
        publishedAt: new Date(
          state === 7 ? now + 48 * HOUR : now - (30 - Math.floor(i / 2)) * HOUR,
        ).toISOString(),
        expiresAt:
          state === 8
            ? new Date(now - HOUR).toISOString()
            : state === 6
              ? new Date(now + 48 * HOUR).toISOString()
              : undefined,
        // Within a pair of ties the later id was created first: the order is createdAt's, not the id's.
        createdAt: new Date(now - 60 * HOUR + (i % 2 ? -1 : 1) * 60_000 + i).toISOString(),
        // A third in both categories, economy first or second.
        categories: i % 3 === 0 ? [news, economy] : i % 3 === 1 ? [economy] : [economy, news],
        site: site.id,
      } as never,
    })
  }
  // The commune's category holds only a draft.
  await payload.create({
    collection: 'articles',
    data: {
      title: 'Tin xã nháp',
      _status: 'draft',
      categories: [communeNews],
      site: commune.id,
    } as never,
  })
  // A published article with a newer draft in another category: the public list keeps the published one.
  const { docs } = await payload.find({
    collection: 'articles',
    limit: 1,
    sort: 'publishedAt',
    where: { _status: { equals: 'published' } },
  })
  await payload.update({
    collection: 'articles',
    id: docs[0].id,
    data: { title: 'Bản nháp mới', categories: [news] } as never,
    draft: true,
  })
  editorToken = (await userOn(app, 'bientap@example.com', ['editor'], [site])).token
  for (const [name, read] of reads()) before.set(name, await read())
  installCategoryListReads(app.payload)
  installCategoryListReads(routes)
}, 120_000)
afterAll(() => app?.close())

describe("a category's list from the category table (issue 17)", () => {
  it('is on by default', () => {
    expect(resolveOptions({}).categoryListReads).toBe(true)
    expect(resolveOptions({ categoryListReads: false }).categoryListReads).toBe(false)
  })

  it('answers every read exactly as Payload does', async () => {
    for (const [name, read] of reads())
      expect({ name, answer: await read() }).toEqual({ name, answer: before.get(name) })
  })

  it('the reads checked are not empty: pages, figures and the draft-only category', () => {
    const first = (before.get('public, page 1') as any).Articles
    // 30 in economy: 3 drafts, 3 scheduled, 3 expired are not public: 21 public.
    expect(first.totalDocs).toBe(21)
    expect(first.docs).toHaveLength(4)
    expect((before.get('public, the last page') as any).Articles.docs).toHaveLength(4)
    expect((before.get('public, past the last page') as any).Articles).toMatchObject({
      docs: [],
      page: 1,
      totalDocs: 0,
    })
    expect((before.get('public, a category with nothing public') as any).Articles.totalDocs).toBe(0)
    expect((before.get('an editor (drafts and scheduled too)') as any).Articles.totalDocs).toBe(30)
  })

  it('reads the table where it can, and only there', async () => {
    for (const [name, read, byTable] of reads()) {
      const statements = await recorded(read)
      const table = statements.filter((text) => text.includes(CATEGORY_LISTS_TABLE))
      expect({ name, byTable: table.length > 0 }).toEqual({ name, byTable })
      if (!byTable) continue
      // The page's ids and the total from the table; nothing joins articles_rels (Payload's
      // filter on categories), so no count over the site and no plan through its articles.
      expect({
        name,
        joined: statements.filter((text) => /count\(1\) over\(\)|join "articles_rels"/i.test(text)),
      }).toEqual({ name, joined: [] })
    }
  })

  it('keeps the table exact through every kind of change', async () => {
    const { payload } = app
    const check = async (change: string) => {
      const [now, rebuilt] = await tableNowAndRebuilt()
      expect({ change, rows: now }).toEqual({ change, rows: rebuilt })
    }
    await check('the articles as created')
    const { docs } = await payload.find({
      collection: 'articles',
      limit: 5,
      sort: '-publishedAt',
      where: { categories: { equals: economy } },
    })
    const [one, two, three, four] = docs
    await payload.update({
      collection: 'articles',
      id: one.id,
      data: { categories: [news] } as never,
    })
    await check('a category taken away')
    await payload.update({
      collection: 'articles',
      id: two.id,
      data: { _status: 'draft' } as never,
    })
    await check('unpublished')
    await payload.update({
      collection: 'articles',
      id: three.id,
      data: { publishedAt: new Date(Date.now() + HOUR).toISOString() } as never,
    })
    await check('rescheduled')
    await payload.update({
      collection: 'articles',
      id: four.id,
      data: { title: 'Một bản nháp' } as never,
      draft: true,
    })
    await check('a draft saved over a published article')
    await payload.delete({ collection: 'articles', id: four.id })
    await check('an article deleted')
    const extra = await payload.create({
      collection: 'categories',
      data: { title: 'Tạm', site: site.id } as never,
    })
    await payload.update({
      collection: 'articles',
      id: one.id,
      data: { categories: [news, extra.id] } as never,
    })
    await payload.delete({ collection: 'categories', id: extra.id })
    await check('a category deleted')
    const rows = await runSql(
      payload,
      `SELECT count(*) AS "n" FROM "${CATEGORY_LISTS_TABLE}" WHERE "category_id" = ${Number(extra.id) || `'${extra.id}'`}`,
    )
    expect(Number(rows[0].n)).toBe(0)
  })

  it('two fills at once (two instances starting on an empty table) leave one copy', async () => {
    const [before] = await tableNowAndRebuilt()
    await runSql(app.payload, `DELETE FROM "${CATEGORY_LISTS_TABLE}"`)
    await Promise.all([rebuildCategoryLists(app.payload), rebuildCategoryLists(routes)])
    const [now, rebuilt] = await tableNowAndRebuilt()
    expect(now).toEqual(rebuilt)
    expect(now).toEqual(before)
  })

  it('the public list follows each change at once', async () => {
    const list = async () =>
      (
        await app.payload.find({
          collection: 'articles',
          where: { and: [{ categories: { equals: news } }, publicArticleWhere()] },
          limit: 50,
          depth: 0,
        })
      ).docs.map((doc) => doc.id)
    const created = await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Tin mới nhất',
        _status: 'published',
        categories: [news],
        site: site.id,
      } as never,
    })
    expect((await list())[0]).toBe(created.id)
    await app.payload.update({
      collection: 'articles',
      id: created.id,
      data: { categories: [economy] } as never,
    })
    expect(await list()).not.toContain(created.id)
  })
})

describe('a table that went wrong', () => {
  it('never shows what the article itself does not allow: each row of the page is checked', async () => {
    const { payload } = app
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [{ categories: { equals: economy } }, { _status: { equals: 'draft' } }] },
      limit: 1,
      depth: 0,
    })
    const draft = docs[0].id
    // A write that went past the hooks: the table says the draft is published and newest.
    await runSql(
      payload,
      `UPDATE "${CATEGORY_LISTS_TABLE}" SET "status" = 'published', "published_at" = "created_at" WHERE "article_id" = ${idLiteral(draft)}`,
    )
    try {
      const answer = (await gql(`limit: 50, where: ${inCategory(economy)}`)()) as any
      expect(answer.Articles.docs.map((doc: { id: unknown }) => doc.id)).not.toContain(draft)
      expect(answer.Articles.docs.length).toBeGreaterThan(0)
    } finally {
      await rebuildCategoryLists(payload)
    }
  })
})

describe('what the table answers', () => {
  const category = { categories: { equals: 4 } }
  it('one category with the public window, the site and the status', () => {
    expect(
      categoryListShape({
        and: [
          category,
          { site: { equals: 1 } },
          publicArticleWhere(new Date('2026-11-30T10:00:00.000Z')),
        ],
      }),
    ).toEqual({
      category: 4,
      site: 1,
      status: 'published',
      publishedBy: '2026-11-30T10:00:00.000Z',
      notExpiredAt: '2026-11-30T10:00:00.000Z',
    })
    expect(categoryListShape({ categories: { in: ['7'] } })).toEqual({ category: '7' })
  })

  it('anything else is left to Payload', () => {
    for (const where of [
      undefined,
      { site: { equals: 1 } },
      { categories: { in: [1, 2] } },
      { categories: { not_equals: 1 } },
      { and: [category, { categories: { equals: 5 } }] },
      { and: [category, { title: { like: 'x' } }] },
      { or: [category, { site: { equals: 1 } }] },
      { and: [category, { publishedAt: { less_than: '2026-11-30T10:00:00.000Z' } }] },
      { and: [category, { _status: { equals: 'archived' } }] },
      {
        and: [
          category,
          {
            or: [
              { expiresAt: { exists: true } },
              { expiresAt: { greater_than: '2026-11-30T10:00:00.000Z' } },
            ],
          },
        ],
      },
      { categories: { equals: "1' OR 1=1 --" } },
      { categories: { equals: { id: 1 } } },
    ])
      expect({ where, shape: categoryListShape(where as never) }).toEqual({ where, shape: null })
  })
})
