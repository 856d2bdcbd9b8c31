import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import {
  createPortalClient,
  PortalError,
  type ArticlePage,
  type DossierStats,
  type PortalClient,
  type PortalId,
  type RatingSummary,
  type VisitorStats,
} from '../sdk/src/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seed, seedArticle } from '../seed/index.js'
import { seedWidgets } from '../seed/widgets.js'
import { slugify } from '../core/slugify.js'
import site from '../seed/fixtures/seed-site.json'

/*
 * articles.page, ratings.rate, visits.record, widgets.visitors and widgets.dossierStats against the
 * in-process app and the seed data. The counters' clock is pinned to the moment the seed page's
 * dossier panel was last updated (16:15:52 on 23/11/2024, Asia/Ho_Chi_Minh), and the visitor
 * counter is seeded for that day, so "today", "this month" and "last month" are exact whatever
 * the date the tests run on.
 */

const CLOCK = new Date('2024-11-23T09:15:52.000Z')
const ENDPOINT = 'http://localhost:3000/api/graphql'

// The seed article's neighbours in its category (tin-tuc-su-kien), nearest first. The expired
// "Hết hạn: …" article (2022-08-04 10:00 UTC, same category) sits between it and the first older
// one and must not appear.
const NEWER = [
  'Trao nhà Đại đoàn kết cho hộ nghèo tại xã Mường Kim (08/2022)',
  'Lễ hội văn hóa dân tộc Thái tại xã Phúc Than (10/2022)',
  'Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội tại xã Mường Kim (12/2022)',
  'Tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tại xã Phúc Than (02/2023)',
  'Trao nhà Đại đoàn kết cho hộ nghèo tại xã Mường Kim (04/2023)',
]
const OLDER = [
  'Tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tại xã Phúc Than (06/2022)',
  'Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội tại xã Mường Kim (04/2022)',
  'Lễ hội văn hóa dân tộc Thái tại xã Phúc Than (02/2022)',
  'Trao nhà Đại đoàn kết cho hộ nghèo tại xã Mường Kim (12/2021)',
  'Tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tại xã Phúc Than (10/2021)',
]

// The seed page's visitor counter; "online" is live only (no baseline): nobody yet.
const SEED_VISITORS: VisitorStats = {
  online: 0,
  today: 13_933,
  thisMonth: 291_448,
  lastMonth: 453_141,
  total: 16_917_328,
  updatedAt: CLOCK.toISOString(),
}

const SEED_DOSSIER: DossierStats = {
  title: 'TÌNH HÌNH GIẢI QUYẾT HỒ SƠ',
  agency: 'UBND huyện Than Uyên',
  period: '2024-11',
  levels: [
    { label: 'Mức độ 2', count: 206 },
    { label: 'Mức độ 3', count: 25 },
    { label: 'Mức độ 4', count: 56 },
  ],
  received: 591,
  resolved: 662,
  overdue: 1,
  onTime: 662,
  onTimeRate: 99.85,
  overdueRate: 0.15,
  updatedAt: '2024-11-23T09:15:52.000Z',
}

let app: TestApp
let portal: PortalClient
let articleId: PortalId
const requests: Array<{
  operationName: string
  variables: Record<string, unknown>
  voterToken: string | null
}> = []

beforeAll(async () => {
  // Figures are read back at once after a vote or a visit: no public cache (it may keep them 5 s).
  app = await startTestApp({ counters: { now: () => CLOCK }, publicCache: false })
  // The widgets first, for the pinned day; seed() then leaves them as they are (idempotent by slug).
  await seedWidgets(app.payload, { now: CLOCK, log: false })
  await seed(app.payload, { log: false })
  const found = await app.payload.find({
    collection: 'articles',
    where: { slug: { equals: seedArticle.slug } },
    limit: 1,
  })
  articleId = found.docs[0].id
  portal = createPortalClient({
    endpoint: ENDPOINT,
    // Hands each request to the real GraphQL route handler, and notes what was sent.
    fetch: async (input, init) => {
      const request = new Request(input, init)
      const body = (await request.clone().json()) as {
        operationName: string
        variables?: Record<string, unknown>
      }
      requests.push({
        operationName: body.operationName,
        variables: body.variables ?? {},
        voterToken: request.headers.get('x-voter-token'),
      })
      return app.graphqlRoute(request)
    },
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

/** The PortalError a call rejects with (fails the test when it resolves or throws something else). */
async function portalError(call: () => Promise<unknown>): Promise<PortalError> {
  const error = await call().then(
    () => expect.fail('the call should have failed'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PortalError)
  return error as PortalError
}

describe('news-portal-sdk articles.page, ratings, visits and widgets against the in-process app', () => {
  it('articles.page gives the seed page, with its exact newer and older lists, in exactly one request', async () => {
    const { result: page, sent } = await counted(() => portal.articles.page(seedArticle.slug))
    expectTypeOf(page).toEqualTypeOf<ArticlePage | null>()
    expect(sent.map((r) => r.operationName)).toEqual(['ArticlePage'])
    expect(sent[0].variables).toEqual({ slug: seedArticle.slug })
    const { article, newer, older } = page!
    expect(article.id).toBe(articleId)
    expect(article.title).toBe(site.article.title)
    expect(article.slug).toBe(seedArticle.slug)
    expect(article.publishedAt).toBe('2022-08-04T14:59:00.000Z')
    expect(article.lead).toBe(site.article.lead)
    expect(article.authors?.map((a) => a.name)).toEqual(['Mạnh Cường'])
    expect(article.source?.title).toBe('Trung tâm VH, TT-TT Than Uyên')
    expect(article.categories?.map((c) => c.slug)).toEqual(['tin-tuc-su-kien'])
    expect(article.bodyHtml).toContain('<figcaption>Quang cảnh Hội thảo</figcaption>')
    expect(article.bodyHtml).toContain(site.article.bodyParagraphs[2])
    expect(article.rating).toEqual({ total: 0, count: 0, average: 0 })
    expect(article.views).toBe(0)
    // The server's default is 5 neighbours on each side, nearest first.
    expect(newer.map((a) => a.title)).toEqual(NEWER)
    expect(older.map((a) => a.title)).toEqual(OLDER)
    expect([...newer, ...older].every((a) => a.primaryCategory?.slug === 'tin-tuc-su-kien')).toBe(
      true,
    )
  })

  it('articles.page honours neighbors, and gives null in one request for an article that is missing or not public', async () => {
    const { result: page, sent } = await counted(() =>
      portal.articles.page(seedArticle.slug, { neighbors: 2 }),
    )
    expect(sent.map((r) => r.variables)).toEqual([{ slug: seedArticle.slug, neighbors: 2 }])
    expect(page!.newer.map((a) => a.title)).toEqual(NEWER.slice(0, 2))
    expect(page!.older.map((a) => a.title)).toEqual(OLDER.slice(0, 2))
    const expired = slugify('Hết hạn: Thông báo tuyển dụng viên chức năm 2022')
    const draft = slugify('Bản nháp: Kế hoạch tổ chức Tết Trung thu cho thiếu nhi')
    // Both exist (an editor can read them); the public cannot.
    const hidden = await app.payload.find({
      collection: 'articles',
      where: { slug: { in: [expired, draft] } },
      draft: true,
      overrideAccess: true,
    })
    expect(hidden.docs.map((a) => a.slug).sort()).toEqual([draft, expired].sort())
    for (const slug of ['khong-co-bai-nay', expired, draft]) {
      const missing = await counted(() => portal.articles.page(slug))
      expect(missing.result).toBeNull()
      expect(missing.sent).toHaveLength(1)
    }
  })

  it('ratings.rate counts one vote per voter token and returns the summary; a repeat is ALREADY_RATED and changes nothing', async () => {
    const { result: first, sent } = await counted(() =>
      portal.ratings.rate(articleId, 4, { voterToken: 'sdk-voter-1' }),
    )
    expectTypeOf(first).toEqualTypeOf<RatingSummary>()
    expect(first).toEqual({ total: 4, count: 1, average: 4 })
    expect(sent.map((r) => [r.operationName, r.voterToken])).toEqual([
      ['RateArticle', 'sdk-voter-1'],
    ])
    expect(await portal.ratings.rate(articleId, 5, { voterToken: 'sdk-voter-2' })).toEqual({
      total: 9,
      count: 2,
      average: 4.5,
    })

    const before = requests.length
    const again = await portalError(() =>
      portal.ratings.rate(articleId, 1, { voterToken: 'sdk-voter-1' }),
    )
    expect(requests.length - before).toBe(1) // a mutation is never retried
    expect(again.code).toBe('ALREADY_RATED')
    expect(again.extensions?.summary).toEqual({ total: 9, count: 2, average: 4.5 })

    const invalid = await portalError(() =>
      portal.ratings.rate(articleId, 6, { voterToken: 'sdk-voter-3' }),
    )
    expect(invalid.code).toBe('VALIDATION')
    expect(invalid.message).toContain('score')

    expect((await portal.articles.page(seedArticle.slug))!.article.rating).toEqual({
      total: 9,
      count: 2,
      average: 4.5,
    })
  })

  it("widgets.visitors gives the seed page's counter", async () => {
    const { result, sent } = await counted(() => portal.widgets.visitors())
    expectTypeOf(result).toEqualTypeOf<VisitorStats>()
    expect(sent.map((r) => r.operationName)).toEqual(['VisitorStats'])
    expect(result).toEqual(SEED_VISITORS)
  })

  it('visits.record adds exactly one visit and one article view, once per session', async () => {
    const visit = {
      session: 'sdk-session-1',
      path: `/tin-tuc-su-kien/${seedArticle.slug}`,
      article: articleId,
    }
    const { result: recorded, sent } = await counted(() => portal.visits.record(visit))
    expectTypeOf(recorded).toEqualTypeOf<VisitorStats>()
    expect(sent.map((r) => [r.operationName, r.variables])).toEqual([['RecordVisit', visit]])
    const afterOne = {
      ...SEED_VISITORS,
      online: 1,
      today: 13_934,
      thisMonth: 291_449,
      total: 16_917_329,
    }
    expect(recorded).toEqual(afterOne)
    expect((await portal.articles.page(seedArticle.slug))!.article.views).toBe(1)

    // The same session again within its 30 idle minutes: no new visit, no new view.
    expect(await portal.visits.record(visit)).toEqual(afterOne)
    expect((await portal.articles.page(seedArticle.slug))!.article.views).toBe(1)
    expect(await portal.widgets.visitors()).toEqual(afterOne)
  })

  it("widgets.dossierStats gives the seed page's panel, by default and by slug; null for an unknown slug", async () => {
    const { result: panel, sent } = await counted(() => portal.widgets.dossierStats())
    expectTypeOf(panel).toEqualTypeOf<DossierStats | null>()
    expect(sent.map((r) => r.operationName)).toEqual(['DossierStats'])
    expect(panel).toEqual(SEED_DOSSIER)
    expect(await portal.widgets.dossierStats(slugify(SEED_DOSSIER.title!))).toEqual(SEED_DOSSIER)
    expect(await portal.widgets.dossierStats('khong-co-bang-nay')).toBeNull()
  })
})
