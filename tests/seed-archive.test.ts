import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seed } from '../seed/index.js'
import { generateArchive, type ArchiveKind, type ArchiveResult } from '../seed/archive/generate.js'
import type { ArchiveArticle } from '../seed/archive/rows.js'
import { bulkWriter } from '../seed/archive/bulk.js'

let app: TestApp
let result: ArchiveResult
const written: Array<{ article: ArchiveArticle; kind: ArchiveKind }> = []
const sites: Array<{ id: string | number; slug: string }> = []
const before = { all: 0, drafts: 0, publicBySite: new Map<string, number>() }
const now = new Date()

const publicTotal = async (slug: string) =>
  (
    await app.graphql<{ Articles: { totalDocs: number } }>(
      `{ Articles(limit: 1) { totalDocs } }`,
      {},
      {
        headers: { 'x-portal-site': slug },
      },
    )
  ).data.Articles.totalDocs

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload, { log: false, communes: true })
  const found = await app.payload.find({ collection: 'sites', depth: 0, sort: 'id', limit: 0 })
  sites.push(...(found.docs as unknown as typeof sites))
  before.all = (await app.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
  before.drafts = (
    await app.payload.count({ collection: 'articles', where: { _status: { equals: 'draft' } } })
  ).totalDocs
  for (const site of sites) before.publicBySite.set(site.slug, await publicTotal(site.slug))
  result = await generateArchive(app.payload, {
    articles: 300,
    now,
    onArticle: (article, kind) => written.push({ article, kind }),
  })
}, 120_000)
afterAll(() => app?.close())

const first = (kind: ArchiveKind, extra: (article: ArchiveArticle) => boolean = () => true) =>
  written.find((entry) => entry.kind === kind && extra(entry.article))!.article

/** What Payload reads of an article the generator wrote: every field, as written. */
const expectedDoc = (article: ArchiveArticle) => ({
  id: article.id,
  title: article.title,
  lead: article.lead,
  body: JSON.parse(article.body),
  bodyHtml: article.bodyHtml,
  slug: article.slug,
  publishedAt: article.publishedAt,
  coverImage: article.coverImage,
  categories: article.categories,
  primaryCategory: article.categories[0],
  authors: article.authors,
  source: article.source,
  byline: article.byline,
  allowRatings: true,
  site: article.siteId,
  _status: article.status,
  createdAt: article.createdAt,
  updatedAt: article.updatedAt,
})

describe('seed:archive on top of the demo seed', () => {
  it('writes the asked number of articles, each counted once by what the public sees', async () => {
    expect(result.articles).toBe(300)
    expect(written).toHaveLength(300)
    expect(result.public + result.drafts + result.scheduled + result.expired).toBe(300)
    for (const kind of ['drafts', 'scheduled', 'expired'] as const)
      expect(result[kind]).toBeGreaterThan(0)
    const total = await app.payload.count({ collection: 'articles', overrideAccess: true })
    expect(total.totalDocs).toBe(before.all + 300)
    const drafts = await app.payload.count({
      collection: 'articles',
      where: { _status: { equals: 'draft' } },
    })
    expect(drafts.totalDocs).toBe(before.drafts + result.drafts)
  })

  it('the public sees exactly the public articles of each site (drafts, scheduled and expired hidden)', async () => {
    for (const site of sites) {
      const own = written.filter(
        (entry) => entry.kind === 'public' && String(entry.article.siteId) === String(site.id),
      )
      expect(await publicTotal(site.slug)).toBe(before.publicBySite.get(site.slug)! + own.length)
    }
  })

  it('an article reads back through the Local API as written, from the document and its latest version', async () => {
    const article = first('public', (a) => a.tags.length > 0 && a.coverImage !== null)
    const read = async (draft: boolean) =>
      app.payload.findByID({
        collection: 'articles',
        id: article.id,
        depth: 0,
        draft,
        locale: 'vi',
        overrideAccess: true,
      })
    expect(await read(false)).toMatchObject({ ...expectedDoc(article), tags: article.tags })
    expect(await read(true)).toMatchObject({ ...expectedDoc(article), tags: article.tags })
  })

  it('reads the same as the same article created through the Local API (bodyHtml rendered alike)', async () => {
    const article = first('expired', (a) => a.coverImage !== null && a.tags.length > 0)
    const twin = await app.payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: article.title,
        lead: article.lead,
        body: JSON.parse(article.body),
        slug: `${article.slug}-twin`,
        publishedAt: article.publishedAt,
        expiresAt: article.expiresAt,
        coverImage: article.coverImage,
        categories: article.categories,
        authors: article.authors,
        source: article.source,
        byline: article.byline,
        tags: article.tags,
        site: article.siteId,
        _status: 'published',
      } as never,
    })
    const read = (id: number | string, draft: boolean) =>
      app.payload.findByID({ collection: 'articles', id, depth: 0, draft, overrideAccess: true })
    const strip = ({ id, slug, createdAt, updatedAt, ...rest }: Record<string, unknown>) => {
      void [id, slug, createdAt, updatedAt]
      return rest
    }
    for (const draft of [false, true])
      expect(strip((await read(article.id, draft)) as never)).toEqual(
        strip((await read(twin.id, draft)) as never),
      )
  })

  it('a draft is the document and its only version, as the Local API writes a draft', async () => {
    const draft = first('drafts')
    const doc = await app.payload.findByID({
      collection: 'articles',
      id: draft.id,
      depth: 0,
      draft: true,
      overrideAccess: true,
    })
    expect(doc).toMatchObject({ ...expectedDoc(draft), publishedAt: null, _status: 'draft' })
    const versions = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: draft.id } },
      depth: 0,
    })
    expect(versions.docs.map((v) => [v.version._status, v.latest])).toEqual([['draft', true]])
  })

  it('an article saved as a draft before it was published has both versions, the published one latest', async () => {
    const article = first('public', (a) => a.draftBeforePublish)
    const versions = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(versions.docs.map((v) => [v.version._status, Boolean(v.latest)])).toEqual([
      ['draft', false],
      ['published', true],
    ])
  })

  it('GraphQL gives the public a public article by slug, and nothing for a scheduled or expired one', async () => {
    const article = first('public', (a) => a.authors.length > 0)
    const site = sites.find((s) => String(s.id) === String(article.siteId))!
    const bySlug = (slug: string) =>
      app.graphql<{ Articles: { docs: Array<Record<string, unknown>> } }>(
        `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs {
          id title slug publishedAt bodyHtml primaryCategory { id } categories { id } authors { id }
        } } }`,
        { slug },
        { headers: { 'x-portal-site': site.slug } },
      )
    const res = await bySlug(article.slug)
    expect(res.errors).toBeUndefined()
    expect(res.data.Articles.docs).toEqual([
      {
        id: article.id,
        title: article.title,
        slug: article.slug,
        publishedAt: article.publishedAt,
        bodyHtml: article.bodyHtml,
        primaryCategory: { id: article.categories[0] },
        categories: article.categories.map((id) => ({ id })),
        authors: article.authors.map((id) => ({ id })),
      },
    ])
    for (const kind of ['scheduled', 'expired'] as const) {
      const hidden = first(kind)
      const other = sites.find((s) => String(s.id) === String(hidden.siteId))!
      const found = await app.graphql<{ Articles: { docs: unknown[] } }>(
        `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { id } } }`,
        { slug: hidden.slug },
        { headers: { 'x-portal-site': other.slug } },
      )
      expect(found.data.Articles.docs).toEqual([])
    }
  })

  it('slugs are unique per site and every site, category and author of the demo is used', async () => {
    const keys = written.map(({ article }) => `${article.siteId}/${article.slug}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(written.map(({ article }) => String(article.siteId))).size).toBe(sites.length)
    const categories = await app.payload.find({ collection: 'categories', limit: 0, depth: 0 })
    const used = new Set(written.flatMap(({ article }) => article.categories.map(String)))
    expect([...used].sort()).toEqual(categories.docs.map((doc) => String(doc.id)).sort())
    expect(new Set(written.flatMap(({ article }) => article.authors)).size).toBeGreaterThan(3)
  })
})

describe('seed:archive on MongoDB', () => {
  it('refuses in one sentence naming the databases it writes', () => {
    const mongo = { db: { name: 'mongoose' } } as never
    expect(() => bulkWriter(mongo)).toThrow(
      'seed:archive writes SQL databases only (SQLite, PostgreSQL); this database is "mongoose". Use a file: or postgres:// DATABASE_URL.',
    )
  })
})
