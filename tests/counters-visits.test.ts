import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { COUNTERS_QUEUE, PRUNE_TASK } from '../features/counters/index.js'
import type { VisitorStats } from '../features/counters/visits.js'

/** A wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no DST). */
const local = (isoWithoutZone: string) => new Date(`${isoWithoutZone}+07:00`)
const minutes = (n: number) => n * 60_000

let app: TestApp
let clock = local('2030-06-15T10:00:00')
let articleId: string | number
let editorToken: string

type Stats = VisitorStats

const RECORD = `mutation Record($session: String!, $path: String, $article: ID) {
  recordVisit(session: $session, path: $path, article: $article) { online today thisMonth lastMonth total updatedAt }
}`

async function record(
  session: string,
  extra: { article?: string | number; userAgent?: string } = {},
): Promise<Stats> {
  const result = await app.graphql<{ recordVisit: Stats }>(
    RECORD,
    {
      session,
      path: '/tin-tuc-su-kien/bai-viet',
      article: extra.article === undefined ? null : String(extra.article),
    },
    extra.userAgent ? { headers: { 'user-agent': extra.userAgent } } : {},
  )
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  return result.data.recordVisit
}

async function stats(): Promise<Stats> {
  const result = await app.graphql<{ VisitorStats: Stats }>(
    '{ VisitorStats { online today thisMonth lastMonth total updatedAt } }',
  )
  if (result.errors) throw new Error(JSON.stringify(result.errors))
  return result.data.VisitorStats
}

async function views(id: string | number = articleId): Promise<number> {
  const response = await app.rest('GET', `/articles/${id}?depth=0`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { views: number }).views
}

const sessionsOf = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`)

beforeAll(async () => {
  // Figures are read back at once under a moved clock: without the cache's 10 s counter lag (tests/cache-schedule).
  app = await startTestApp({ counters: { now: () => clock }, publicCache: false })
  await app.payload.create({
    collection: 'users',
    data: {
      email: 'editor@counters.test',
      password: 'editor-pass-123',
      roles: ['editor'],
    } as never,
  })
  editorToken = await app.login('editor@counters.test', 'editor-pass-123')
  const article = await app.payload.create({
    collection: 'articles' as never,
    data: {
      title: 'Bài đếm lượt xem',
      _status: 'published',
      publishedAt: '2024-01-01T00:00:00.000Z',
    } as never,
  })
  articleId = (article as { id: string | number }).id
})
afterAll(async () => app?.close())

describe('recordVisit and VisitorStats', () => {
  it('1,000 distinct sessions at once add exactly 1,000 to today, this month and total', async () => {
    const before = await stats()
    expect(before).toMatchObject({ today: 0, thisMonth: 0, total: 0 })
    const results = await Promise.all(
      sessionsOf('thousand-visitors', 1000).map((session) => record(session)),
    )
    expect(results).toHaveLength(1000)
    const after = await stats()
    expect(after.today).toBe(1000)
    expect(after.thisMonth).toBe(1000)
    expect(after.total).toBe(1000)
    expect(after.lastMonth).toBe(0)
    expect(after.online).toBe(1000)
    expect(after.updatedAt).toBe(clock.toISOString())
  })

  it('1,000 views of one article by distinct sessions add exactly 1,000 views (REST POST /api/visits)', async () => {
    expect(await views()).toBe(0)
    const responses = await Promise.all(
      sessionsOf('thousand-readers', 1000).map((session) =>
        app.rest('POST', '/visits', { body: { session, path: '/bai', article: articleId } }),
      ),
    )
    expect(responses.map((response) => response.status).every((status) => status === 200)).toBe(
      true,
    )
    expect(await views()).toBe(1000)
    expect((await stats()).total).toBe(2000)
    const listed = await app.graphql('{ Articles(limit: 10) { docs { id views } } }')
    expect(listed.errors).toBeUndefined()
    const mine = listed.data.Articles.docs.find(
      (doc: { id: unknown }) => String(doc.id) === String(articleId),
    )
    expect(mine.views).toBe(1000)
  })

  it('Article.views for a list of articles costs one query per request', async () => {
    for (const title of ['Bài thứ hai', 'Bài thứ ba']) {
      await app.payload.create({
        collection: 'articles' as never,
        data: { title, _status: 'published', publishedAt: '2024-01-02T00:00:00.000Z' } as never,
      })
    }
    // The instance the route handlers use.
    const served = await getPayload({ config: app.config })
    const find = served.db.find
    let viewQueries = 0
    served.db.find = ((args: { collection: string }) => {
      if (args.collection === 'visit-counts') viewQueries++
      return find.call(served.db, args as never)
    }) as typeof find
    try {
      const response = await app.rest('GET', '/articles?limit=10&depth=0')
      const { docs } = (await response.json()) as { docs: Array<{ id: unknown; views: number }> }
      expect(docs).toHaveLength(3)
      expect(
        docs.map((doc) => (String(doc.id) === String(articleId) ? doc.views : doc.views + 1000)),
      ).toEqual([1000, 1000, 1000])
      expect(viewQueries).toBe(1)
    } finally {
      served.db.find = find
    }
  })

  it('the same session 20 times within 30 minutes counts once; 31 idle minutes later it counts again', async () => {
    clock = local('2030-06-15T11:00:00')
    const base = await stats()
    const baseViews = await views()
    await Promise.all(
      Array.from({ length: 20 }, () => record('returning-reader-1', { article: articleId })),
    )
    expect((await stats()).total).toBe(base.total + 1)
    expect(await views()).toBe(baseViews + 1)

    clock = new Date(clock.getTime() + minutes(29))
    await record('returning-reader-1', { article: articleId })
    expect((await stats()).total).toBe(base.total + 1)
    expect(await views()).toBe(baseViews + 1)

    // 30 minutes of activity then 31 idle minutes: the window slid with the last hit.
    clock = new Date(clock.getTime() + minutes(31))
    await Promise.all(
      Array.from({ length: 20 }, () => record('returning-reader-1', { article: articleId })),
    )
    const after = await stats()
    expect(after.total).toBe(base.total + 2)
    expect(after.today).toBe(base.today + 2)
    expect(await views()).toBe(baseViews + 2)
  })

  it('a bot user agent counts nothing, neither visits nor views', async () => {
    const base = await stats()
    const baseViews = await views()
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
    const answer = await record('crawler-session-1', { article: articleId, userAgent: googlebot })
    expect(answer.total).toBe(base.total)
    const rest = await app.rest('POST', '/visits', {
      body: { session: 'crawler-session-2', article: articleId },
      headers: { 'user-agent': 'curl/8.5.0' },
    })
    expect(rest.status).toBe(200)
    expect((await stats()).total).toBe(base.total)
    expect(await views()).toBe(baseViews)
    // A browser counts.
    await record('browser-session-1', {
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
    })
    expect((await stats()).total).toBe(base.total + 1)
  })

  it('online counts distinct sessions seen in the last 5 minutes', async () => {
    clock = local('2030-06-16T08:00:00')
    await Promise.all(sessionsOf('online-a', 3).map((session) => record(session)))
    clock = new Date(clock.getTime() + minutes(3))
    await Promise.all(sessionsOf('online-b', 2).map((session) => record(session)))
    expect((await stats()).online).toBe(5)
    clock = new Date(clock.getTime() + minutes(2) + 1000)
    expect((await stats()).online).toBe(2)
    await record('online-a-0000') // seen again: online again, not a new visit
    expect((await stats()).online).toBe(3)
  })

  it('bad input is refused naming the field, and nothing is counted', async () => {
    const base = await stats()
    const short = await app.graphql(RECORD, { session: 'x' })
    expect(short.errors?.[0]?.message).toContain('session')
    const missingArticle = await app.rest('POST', '/visits', {
      body: { session: 'valid-session-77', article: '999999' },
    })
    expect(missingArticle.status).toBe(400)
    expect(JSON.stringify(await missingArticle.json())).toContain('article')
    const badPath = await app.rest('POST', '/visits', {
      body: { session: 'valid-session-78', path: 42 },
    })
    expect(badPath.status).toBe(400)
    expect(JSON.stringify(await badPath.json())).toContain('path')
    const notJson = await app.rest('POST', '/visits', {
      body: undefined,
      headers: { 'content-type': 'application/json' },
    })
    expect(notJson.status).toBe(400)
    expect(await stats()).toEqual(base)
  })
})

describe('day, month and year boundaries in Asia/Ho_Chi_Minh', () => {
  it('23:59 → 00:00 local starts a new day; the month keeps counting', async () => {
    clock = local('2031-03-14T23:59:00')
    const base = await stats()
    await Promise.all(sessionsOf('day-edge-a', 4).map((session) => record(session)))
    expect((await stats()).today).toBe(base.today + 4)
    clock = local('2031-03-15T00:00:00') // still 14 March in UTC
    expect((await stats()).today).toBe(0)
    await Promise.all(sessionsOf('day-edge-b', 2).map((session) => record(session)))
    const after = await stats()
    expect(after.today).toBe(2)
    expect(after.thisMonth).toBe(base.thisMonth + 6)
    expect(after.total).toBe(base.total + 6)
  })

  it('31 Dec 23:59 → 1 Jan 00:00: today and this month restart, last month becomes December', async () => {
    clock = local('2031-12-01T00:00:00')
    await Promise.all(sessionsOf('december-early', 5).map((session) => record(session)))
    clock = local('2031-12-31T23:59:00')
    await Promise.all(sessionsOf('december-late', 7).map((session) => record(session)))
    const december = await stats()
    expect(december).toMatchObject({ today: 7, thisMonth: 12, lastMonth: 0 })

    clock = local('2032-01-01T00:00:00') // 2031-12-31T17:00Z
    const newYear = await stats()
    expect(newYear).toMatchObject({ today: 0, thisMonth: 0, lastMonth: 12, total: december.total })
    await Promise.all(sessionsOf('january-first', 3).map((session) => record(session)))
    expect(await stats()).toMatchObject({
      today: 3,
      thisMonth: 3,
      lastMonth: 12,
      total: december.total + 3,
    })

    clock = local('2032-02-01T00:00:00')
    expect(await stats()).toMatchObject({ today: 0, thisMonth: 0, lastMonth: 3 })
  })
})

describe('edits while hits arrive', () => {
  it('an editor saving the widget and republishing the article loses no hit', async () => {
    clock = local('2032-05-10T09:00:00')
    const widget = await app.payload.create({
      collection: 'counter-widgets' as never,
      data: { kind: 'visitors', title: 'Thống kê truy cập', enabled: true } as never,
    })
    const widgetId = (widget as { id: string | number }).id
    const base = await stats()
    const baseViews = await views()
    const hits = sessionsOf('during-edits', 300).map((session, i) =>
      i % 2 === 0
        ? record(session, { article: articleId })
        : app
            .rest('POST', '/visits', { body: { session, article: articleId } })
            .then(async (response) => {
              if (response.status !== 200)
                throw new Error(`${response.status} ${await response.text()}`)
            }),
    )
    const edits = Array.from({ length: 6 }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 15))
      const saved = await app.rest('PATCH', `/counter-widgets/${widgetId}`, {
        token: editorToken,
        body: { title: `Thống kê ${i}` },
      })
      const republished = await app.rest('PATCH', `/articles/${articleId}?draft=false`, {
        token: editorToken,
        body: { title: `Bài đếm lượt xem (${i})`, _status: 'published' },
      })
      return [saved.status, republished.status]
    })
    const [editStatuses] = await Promise.all([Promise.all(edits), Promise.all(hits)])
    expect(editStatuses.flat()).toEqual(Array(12).fill(200))
    const after = await stats()
    expect(after.today).toBe(base.today + 300)
    expect(after.total).toBe(base.total + 300)
    expect(await views()).toBe(baseViews + 300)
  })
})

describe('stale sessions', () => {
  it('the scheduled prune job removes sessions idle past the window and keeps the counts', async () => {
    clock = local('2032-06-01T08:00:00')
    await Promise.all(
      sessionsOf('prune-me', 4).map((session) => record(session, { article: articleId })),
    )
    clock = new Date(clock.getTime() + minutes(20))
    await record('keep-me-000001')
    const countsBefore = await stats()
    const rowsBefore = (await app.payload.count({ collection: 'visit-sessions' as never }))
      .totalDocs
    clock = new Date(clock.getTime() + minutes(15)) // prune-me idle 35 min, keep-me 15 min
    await app.payload.jobs.queue({
      task: PRUNE_TASK as never,
      input: {} as never,
      queue: COUNTERS_QUEUE,
    })
    await app.payload.jobs.run({ queue: COUNTERS_QUEUE })
    const remaining = await app.payload.find({
      collection: 'visit-sessions' as never,
      limit: 0,
      pagination: false,
    })
    // Session keys carry the site's prefix: these visits were on the default site.
    const home = (await app.payload.find({ collection: 'sites' as never })).docs[0]
    expect(remaining.docs.map((doc) => (doc as unknown as { key: string }).key)).toEqual([
      `site:${home.id}:visit:keep-me-000001`,
    ])
    expect(rowsBefore).toBeGreaterThan(1)
    const countsAfter = await stats()
    expect(countsAfter.total).toBe(countsBefore.total)
    // A pruned session counts again, as it would have after 30 idle minutes.
    await record('prune-me-0000')
    expect((await stats()).total).toBe(countsBefore.total + 1)
  })
})
