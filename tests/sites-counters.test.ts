import type { CollectionSlug } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CountersDashboard } from '../admin/CountersDashboard.js'
import { dashboardSite } from '../features/counters/dashboardSite.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
import { resolveOptions } from '../plugin/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { RATE, storedSummary, voteCount } from './ratings/fixtures.js'

/** A wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no DST). */
const local = (isoWithoutZone: string) => new Date(`${isoWithoutZone}+07:00`)
const minutes = (n: number) => n * 60_000

type Id = string | number
type Site = { id: Id; slug: string }
type Stats = { online: number; today: number; thisMonth: number; lastMonth: number; total: number }

const VISITS_PER_MINUTE = 5
const RATINGS_PER_MINUTE = 3
const FIGURES = 'online today thisMonth lastMonth total'
const RECORD = `mutation ($session: String!, $article: ID) {
  recordVisit(session: $session, article: $article) { ${FIGURES} }
}`
const DOSSIER = `query ($slug: String) { DossierStats(slug: $slug) { title slug received } }`

let app: TestApp
let clock = local('2031-03-10T10:00:00')
let now = Date.parse('2031-03-10T03:00:20Z')
let defaultSite: Site
// Commune A keeps Vietnam's time; department B, for the test, keeps UTC (its day starts 7 h later).
let siteA: Site
let siteB: Site
const articles: Record<'a' | 'b', Id> = { a: 0, b: 0 }

const on = (site: Site, extra: Record<string, string> = {}) => ({
  headers: { 'x-portal-site': site.slug, ...extra },
})

async function record(site: Site, session: string, article?: Id) {
  const result = await app.graphql<{ recordVisit: Stats }>(
    RECORD,
    { session, article: article === undefined ? null : String(article) },
    on(site),
  )
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  return result.data.recordVisit
}

async function stats(site?: Site): Promise<Stats> {
  const result = await app.graphql<{ VisitorStats: Stats }>(
    `{ VisitorStats { ${FIGURES} } }`,
    undefined,
    site ? on(site) : {},
  )
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  return result.data.VisitorStats
}

async function views(site: Site, article: Id): Promise<number> {
  const result = await app.graphql<{ Article: { views: number } }>(
    `query ($id: Int!) { Article(id: $id) { views } }`,
    { id: Number(article) },
    on(site),
  )
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  return result.data.Article.views
}

async function rows(collection: string): Promise<Array<Record<string, unknown>>> {
  const { docs } = await app.payload.db.find({
    collection: collection as CollectionSlug,
    limit: 0,
    pagination: false,
  })
  return docs as unknown as Array<Record<string, unknown>>
}

const sessionsOf = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`)

async function createSite(name: string, slug: string, timeZone: string): Promise<Site> {
  const doc = await app.payload.create({
    collection: 'sites' as never,
    data: { name, slug, timeZone } as never,
  })
  return doc as unknown as Site
}

async function publish(title: string, site: Site): Promise<Id> {
  const doc = await app.payload.create({
    collection: 'articles',
    data: {
      title,
      _status: 'published',
      publishedAt: '2024-01-01T00:00:00.000Z',
      site: site.id,
    } as never,
  })
  return doc.id
}

async function widget(site: Site, data: Record<string, unknown>): Promise<void> {
  const doc = await app.payload.create({
    collection: 'counter-widgets' as never,
    data: { enabled: true, site: site.id, ...data } as never,
  })
  // The slug as asked, even when another site's widget has it: slugs are unique per site (the
  // slug hook's per-site lookup is the content work; the database's (site, slug) index allows it).
  if (data.slug && (doc as { slug?: unknown }).slug !== data.slug)
    await app.payload.db.updateOne({
      collection: 'counter-widgets' as never,
      id: (doc as { id: Id }).id,
      data: { slug: data.slug },
    })
}

beforeAll(async () => {
  // Figures are read back at once: without the cache's 10 s counter lag (tests/cache-schedule).
  app = await startTestApp({
    publicCache: false,
    counters: { now: () => clock },
    visitsPerMinute: VISITS_PER_MINUTE,
    ratingsPerMinute: RATINGS_PER_MINUTE,
    ratingRateLimitStore: new DatabaseRateLimitStore(() => now),
  })
  const { docs } = await app.payload.find({ collection: 'sites' as never })
  defaultSite = docs[0] as unknown as Site
  siteA = await createSite('Xã Mường Kim', 'xa-muong-kim', 'Asia/Ho_Chi_Minh')
  siteB = await createSite('Sở Nội vụ', 'so-noi-vu', 'UTC')
  articles.a = await publish('Tin của xã', siteA)
  articles.b = await publish('Tin của sở', siteB)
})
afterAll(() => app?.close())

describe('visitor figures per site', () => {
  it('50 and 30 concurrent distinct sessions on two sites: 50 and 30, and nothing on the default site', async () => {
    const a = sessionsOf('reader-a', 50).map((session, i) =>
      i % 2
        ? record(siteA, session)
        : app.rest('POST', '/visits', { body: { session }, ...on(siteA) }),
    )
    const b = sessionsOf('reader-b', 30).map((session) => record(siteB, session))
    await Promise.all([...a, ...b])
    expect(await stats(siteA)).toEqual({
      online: 50,
      today: 50,
      thisMonth: 50,
      lastMonth: 0,
      total: 50,
    })
    expect(await stats(siteB)).toEqual({
      online: 30,
      today: 30,
      thisMonth: 30,
      lastMonth: 0,
      total: 30,
    })
    expect(await stats()).toEqual({ online: 0, today: 0, thisMonth: 0, lastMonth: 0, total: 0 })
  })

  it('the same session on two sites counts once on each, however often it comes', async () => {
    const [a, b] = [await stats(siteA), await stats(siteB)]
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => record(i % 2 ? siteA : siteB, 'shared-session-1')),
    )
    expect(await stats(siteA)).toMatchObject({ today: a.today + 1, total: a.total + 1 })
    expect(await stats(siteB)).toMatchObject({ today: b.today + 1, total: b.total + 1 })
  })

  it("counter rows carry the site's prefix, and sessions the site's scope", async () => {
    const keys = (await rows('visit-counts')).map((row) => row.key as string).sort()
    expect(keys).toEqual(
      [
        `site:${siteA.id}:day:2031-03-10`,
        `site:${siteA.id}:month:2031-03`,
        `site:${siteA.id}:total`,
        `site:${siteB.id}:day:2031-03-10`,
        `site:${siteB.id}:month:2031-03`,
        `site:${siteB.id}:total`,
      ].sort(),
    )
    const shared = (await rows('visit-sessions'))
      .filter((row) => String(row.key).endsWith(':visit:shared-session-1'))
      .map((row) => [row.key, row.scope])
      .sort()
    expect(shared).toEqual(
      [
        [`site:${siteA.id}:visit:shared-session-1`, `site:${siteA.id}:visit`],
        [`site:${siteB.id}:visit:shared-session-1`, `site:${siteB.id}:visit`],
      ].sort(),
    )
  })

  it("online counts each site's own sessions", async () => {
    clock = local('2031-03-10T11:00:00')
    await Promise.all(sessionsOf('online-a', 3).map((session) => record(siteA, session)))
    clock = new Date(clock.getTime() + minutes(2))
    await Promise.all(sessionsOf('online-b', 2).map((session) => record(siteB, session)))
    expect((await stats(siteA)).online).toBe(3)
    expect((await stats(siteB)).online).toBe(2)
    clock = new Date(clock.getTime() + minutes(3) + 1000)
    expect((await stats(siteA)).online).toBe(0)
    expect((await stats(siteB)).online).toBe(2)
  })

  it("days start at midnight in each site's own time zone", async () => {
    // 00:30 on 15 March in Vietnam is 17:30 on 14 March in UTC.
    clock = local('2031-03-15T00:30:00')
    await Promise.all(sessionsOf('night-a', 4).map((session) => record(siteA, session)))
    await Promise.all(sessionsOf('night-b', 6).map((session) => record(siteB, session)))
    expect((await stats(siteA)).today).toBe(4)
    expect((await stats(siteB)).today).toBe(6)
    // 07:30 in Vietnam: the same day for A, a new day (00:30 UTC) for B.
    clock = local('2031-03-15T07:30:00')
    expect((await stats(siteA)).today).toBe(4)
    expect((await stats(siteB)).today).toBe(0)
    const keys = (await rows('visit-counts')).map((row) => row.key)
    expect(keys).toContain(`site:${siteA.id}:day:2031-03-15`)
    expect(keys).toContain(`site:${siteB.id}:day:2031-03-14`)
  })
})

describe('article views per site', () => {
  it("an article's views count on its own site", async () => {
    clock = local('2031-03-16T09:00:00')
    await Promise.all(
      sessionsOf('viewer-a', 7).map((session) => record(siteA, session, articles.a)),
    )
    expect(await views(siteA, articles.a)).toBe(7)
    expect(await views(siteB, articles.b)).toBe(0)
    // A read that selected views alone (not the article's site) counts under the request's site.
    const narrow = await app.graphql(
      `query ($id: Int) { Articles(select: true, where: { id: { equals: $id } }) { docs { views } } }`,
      { id: articles.a },
      on(siteA),
    )
    expect(narrow.errors).toBeUndefined()
    expect(narrow.data.Articles.docs).toEqual([{ views: 7 }])
    // The admin (here the Local API, on the default site) sees every site's articles' own views.
    const read = await app.payload.findByID({ collection: 'articles', id: articles.a, depth: 0 })
    expect((read as { views?: number }).views).toBe(7)
    expect(
      (await rows('visit-counts')).find(
        (row) => row.key === `site:${siteA.id}:article:${articles.a}`,
      )?.hits,
    ).toBe(7)
  })

  it('recordVisit naming an article of another site is refused naming article, and counts nothing', async () => {
    const before = await stats(siteB)
    const graphql = await app.graphql(
      RECORD,
      { session: 'cross-site-1', article: String(articles.a) },
      on(siteB),
    )
    expect(graphql.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'article' })
    expect(graphql.errors?.[0]?.message).toContain('article')
    const rest = await app.rest('POST', '/visits', {
      body: { session: 'cross-site-2', article: articles.a },
      ...on(siteB),
    })
    expect(rest.status).toBe(400)
    expect(await rest.json()).toMatchObject({ errors: [{ code: 'VALIDATION', field: 'article' }] })
    expect(await stats(siteB)).toEqual(before)
    expect(await views(siteA, articles.a)).toBe(7)
    expect(
      (await rows('visit-sessions')).some((row) => String(row.key).includes('cross-site')),
    ).toBe(false)
  })
})

describe('ratings per site', () => {
  it("rateArticle on another site's article is NOT_FOUND, over GraphQL and REST, and writes nothing", async () => {
    const graphql = await app.graphql(
      RATE,
      { article: String(articles.a), score: 5 },
      on(siteB, { 'x-voter-token': 'cross-voter-1' }),
    )
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
    const rest = await app.rest('POST', `/articles/${articles.a}/rate`, {
      body: { score: 5 },
      ...on(siteB, { 'x-voter-token': 'cross-voter-2' }),
    })
    expect(rest.status).toBe(404)
    expect(await voteCount(app.payload, articles.a)).toBe(0)
    expect(await storedSummary(app.payload, articles.a)).toEqual({ total: 0, count: 0 })
    // On its own site it is rated.
    const own = await app.graphql(
      RATE,
      { article: String(articles.a), score: 4 },
      on(siteA, { 'x-voter-token': 'own-voter-1' }),
    )
    expect(own.errors).toBeUndefined()
    expect(own.data.rateArticle).toEqual({ total: 4, count: 1, average: 4 })
  })

  it('rate limits count per site: an address at its limit on one site still votes and visits on another', async () => {
    now = Date.parse('2031-03-10T03:10:20Z')
    const ip = '198.51.100.23'
    const vote = (site: Site, article: Id, n: number) =>
      app.graphql(
        RATE,
        { article: String(article), score: 3 },
        { ip, ...on(site, { 'x-voter-token': `limited-${site.slug}-${n}` }) },
      )
    const onA = await Promise.all(
      Array.from({ length: RATINGS_PER_MINUTE + 1 }, (_, n) => vote(siteA, articles.a, n)),
    )
    expect(
      onA.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED'),
    ).toHaveLength(1)
    const onB = await Promise.all(
      Array.from({ length: RATINGS_PER_MINUTE }, (_, n) => vote(siteB, articles.b, n)),
    )
    expect(onB.map((result) => result.errors)).toEqual(Array(RATINGS_PER_MINUTE).fill(undefined))

    const visit = (site: Site, n: number) =>
      app.rest('POST', '/visits', { body: { session: `limited-visit-${n}` }, ip, ...on(site) })
    const visitsA = await Promise.all(
      Array.from({ length: VISITS_PER_MINUTE + 1 }, (_, n) => visit(siteA, n)),
    )
    expect(visitsA.map((response) => response.status).sort()).toEqual([
      ...Array(VISITS_PER_MINUTE).fill(200),
      429,
    ])
    const visitsB = await Promise.all(
      Array.from({ length: VISITS_PER_MINUTE }, (_, n) => visit(siteB, n)),
    )
    expect(visitsB.map((response) => response.status)).toEqual(Array(VISITS_PER_MINUTE).fill(200))

    const keys = (await rows('rate-limit-hits')).map((row) => String(row.key))
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.filter((key) => !/^site:[^:]+:(rating|visit):/.test(key))).toEqual([])
    for (const site of [siteA, siteB])
      for (const scope of ['rating', 'visit'])
        expect(keys.some((key) => key.startsWith(`site:${site.id}:${scope}:`))).toBe(true)
  })
})

describe('widgets per site', () => {
  it("VisitorStats adds the site's own visitor counter baseline, never another site's", async () => {
    clock = local('2031-03-20T09:00:00')
    const [a, b, home] = [await stats(siteA), await stats(siteB), await stats()]
    // The default site's counter is the oldest: "the first enabled counter" would be this one.
    await widget(defaultSite, {
      kind: 'visitors',
      title: 'Trang chính',
      baseline: { total: 9_000_000 },
    })
    await widget(siteA, { kind: 'visitors', title: 'Bộ đếm xã', baseline: { total: 1_000 } })
    await widget(siteB, {
      kind: 'visitors',
      title: 'Bộ đếm sở',
      enabled: false,
      baseline: { total: 5 },
    })
    await widget(siteB, { kind: 'visitors', title: 'Bộ đếm sở 2', baseline: { total: 2_000 } })
    expect((await stats(siteA)).total).toBe(a.total + 1_000)
    expect((await stats(siteB)).total).toBe(b.total + 2_000)
    expect((await stats()).total).toBe(home.total + 9_000_000)
  })

  it("DossierStats finds the panel by slug within the site, else the site's first panel", async () => {
    const panel = (title: string, received: number) => ({
      kind: 'dossier-stats',
      title,
      slug: 'tinh-hinh-ho-so',
      source: 'manual',
      received,
    })
    await widget(siteB, panel('Hồ sơ của sở', 20))
    await widget(siteA, panel('Hồ sơ của xã', 10))
    await widget(siteB, { ...panel('Bảng riêng của sở', 30), slug: 'bang-rieng' })
    const dossier = async (site: Site, slug?: string) => {
      const result = await app.graphql(DOSSIER, { slug: slug ?? null }, on(site))
      expect(result.errors).toBeUndefined()
      return result.data.DossierStats
    }
    expect(await dossier(siteA, 'tinh-hinh-ho-so')).toEqual({
      title: 'Hồ sơ của xã',
      slug: 'tinh-hinh-ho-so',
      received: 10,
    })
    expect(await dossier(siteB, 'tinh-hinh-ho-so')).toMatchObject({
      title: 'Hồ sơ của sở',
      received: 20,
    })
    expect(await dossier(siteA)).toMatchObject({ title: 'Hồ sơ của xã' })
    expect(await dossier(siteB)).toMatchObject({ title: 'Hồ sơ của sở' })
    expect(await dossier(siteB, 'bang-rieng')).toMatchObject({ received: 30 })
    expect(await dossier(siteA, 'bang-rieng')).toBeNull()
    expect(await dossier(defaultSite)).toBeNull()
  })

  it("the admin dashboard shows the figures of the editor's site", async () => {
    const options = resolveOptions({ counters: { now: () => clock } })
    const render = async (user: Record<string, unknown>) =>
      renderToStaticMarkup(
        await CountersDashboard({
          payload: app.payload,
          user: user as never,
          countersOptions: options,
        }),
      )
    const b = await stats(siteB)
    const html = await render({ id: 9, collection: 'users', roles: ['editor'], sites: [siteB.id] })
    expect(html).toContain('Hồ sơ của sở')
    expect(html).toContain(new Intl.NumberFormat('vi-VN').format(b.total))
    expect(html).not.toContain('Hồ sơ của xã')
    const populated = await render({
      id: 9,
      collection: 'users',
      roles: ['editor'],
      sites: [{ id: siteA.id }],
    })
    expect(populated).toContain('Hồ sơ của xã')
  })
  it("follows the admin site selector's choice when the user may edit that site, else their first site, else the default", async () => {
    const options = resolveOptions({})
    const pick = async (user: Record<string, unknown>, selected?: string) =>
      (await dashboardSite(app.payload, options, user as never, selected))?.slug
    const editorOfB = { id: 9, collection: 'users', roles: ['editor'], sites: [siteB.id] }
    const admin = { id: 1, collection: 'users', roles: ['admin'] }
    expect(await pick(editorOfB)).toBe(siteB.slug)
    expect(await pick(editorOfB, String(siteB.id))).toBe(siteB.slug)
    // Not theirs: an editor cannot look at another site's figures by setting the cookie.
    expect(await pick(editorOfB, siteA.slug)).toBe(siteB.slug)
    expect(await pick(admin, siteA.slug)).toBe(siteA.slug)
    expect(await pick(admin, String(siteB.id))).toBe(siteB.slug)
    expect(await pick(admin)).toBe(defaultSite.slug)
    expect(await pick(admin, 'khong-co-trang-nay')).toBe(defaultSite.slug)
    expect(await pick({ id: 10, collection: 'users', roles: ['editor'] })).toBe(defaultSite.slug)
  })
})

describe('an unknown x-portal-site', () => {
  it('is UNKNOWN_SITE naming the header on every counter and rating path, and writes nothing', async () => {
    const before = {
      counts: (await rows('visit-counts')).length,
      sessions: (await rows('visit-sessions')).length,
      votes: (await rows('ratings')).length,
      hits: (await rows('rate-limit-hits')).length,
    }
    const unknown = { 'x-portal-site': 'khong-co-trang-nay', 'x-voter-token': 'unknown-site-voter' }
    for (const [query, variables] of [
      [`{ VisitorStats { total } }`, undefined],
      [DOSSIER, { slug: 'tinh-hinh-ho-so' }],
      [RECORD, { session: 'unknown-site-1' }],
      [RATE, { article: String(articles.a), score: 2 }],
    ] as const) {
      const result = await app.graphql(query, variables, { headers: unknown })
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'UNKNOWN_SITE',
        field: 'x-portal-site',
      })
      expect(result.errors?.[0]?.message).toContain('x-portal-site')
    }
    for (const path of ['/visits', `/articles/${articles.a}/rate`]) {
      const response = await app.rest('POST', path, {
        body: { session: 'unknown-site-2', score: 2 },
        headers: unknown,
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ errors: [{ code: 'UNKNOWN_SITE' }] })
    }
    expect({
      counts: (await rows('visit-counts')).length,
      sessions: (await rows('visit-sessions')).length,
      votes: (await rows('ratings')).length,
      hits: (await rows('rate-limit-hits')).length,
    }).toEqual(before)
  })
})
