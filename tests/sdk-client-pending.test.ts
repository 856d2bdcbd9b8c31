import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { createPortalClient, PortalError, type ArticlePage, type PortalClient, type RatingSummary, type VisitorStats } from '../sdk/src/index'
import { startTestApp, type TestApp } from './helpers/app'
import { seed, seedArticle } from '../seed'
import { generatedArticles } from '../seed/generated'
import site from '../seed/fixtures/seed-site.json'

/*
 * The SDK methods whose server side comes from other branches (ArticlePage: issue 5; rateArticle and
 * Article.rating: issue 3; recordVisit, VisitorStats, DossierStats and Article.views: issue 4).
 * Each test checks what the app serves today: while a field is missing, the SDK's request is refused
 * with a VALIDATION error naming it; once merged, the same test checks the seed data end to end.
 */

let app: TestApp
let portal: PortalClient
let requests = 0
const served = new Set<string>()

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload, { log: false })
  portal = createPortalClient({
    endpoint: 'http://localhost:3000/api/graphql',
    fetch: (input, init) => {
      requests += 1
      return app.graphqlRoute(new Request(input, init))
    },
  })
  const { data } = await app.graphql<{
    __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } }
  }>('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }')
  for (const field of [...data.__schema.queryType.fields, ...data.__schema.mutationType.fields]) served.add(field.name)
  const article = await app.graphql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Article") { fields { name } } }')
  for (const field of article.data.__type.fields) served.add(`Article.${field.name}`)
})

afterAll(async () => {
  await app?.close()
})

/** Asserts the app does not serve `field` yet: the SDK call fails with VALIDATION naming it. */
async function refusedWhileMissing(call: () => Promise<unknown>, field: string) {
  const error = await call().then(
    () => expect.fail(`the app does not serve ${field}, so the call should fail`),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PortalError)
  expect((error as PortalError).code).toBe('VALIDATION')
  expect((error as PortalError).errors?.map((e) => e.message).join(' ')).toContain(field)
}

const seedArticleId = async () =>
  (await app.payload.find({ collection: 'articles', where: { slug: { equals: seedArticle.slug } }, limit: 1 })).docs[0].id

const pageServed = () => served.has('ArticlePage') && served.has('Article.rating') && served.has('Article.views')

describe('news-portal-sdk methods served by the other branches, against the in-process app', () => {
  it('articles.page gives the seed page in exactly one request', async () => {
    if (!pageServed()) {
      const missing = ['ArticlePage', 'rating', 'views'].find((name) => !served.has(name) && !served.has(`Article.${name}`))!
      return refusedWhileMissing(() => portal.articles.page(seedArticle.slug), missing)
    }
    const sameCategory = [{ title: seedArticle.title, publishedAt: seedArticle.publishedAt, categorySlug: 'tin-tuc-su-kien' }]
      .concat(generatedArticles())
      .filter((a) => a.categorySlug === 'tin-tuc-su-kien')
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    const at = sameCategory.findIndex((a) => a.title === seedArticle.title)
    const before = requests
    const page = await portal.articles.page(seedArticle.slug, { neighbors: 3 })
    expect(requests - before).toBe(1)
    expectTypeOf(page).toEqualTypeOf<ArticlePage | null>()
    expect(page!.article.title).toBe(site.article.title)
    expect(page!.article.authors?.map((a) => a.name)).toEqual(['Mạnh Cường'])
    expect(page!.article.source?.title).toBe('Trung tâm VH, TT-TT Than Uyên')
    expect(page!.article.bodyHtml).toContain('<figcaption>Quang cảnh Hội thảo</figcaption>')
    expect(page!.article.rating).toEqual({ total: 0, count: 0, average: 0 })
    expect(typeof page!.article.views).toBe('number')
    expect(page!.newer.map((a) => a.title)).toEqual(sameCategory.slice(at + 1, at + 4).map((a) => a.title))
    expect(page!.older.map((a) => a.title)).toEqual(sameCategory.slice(Math.max(0, at - 3), at).reverse().map((a) => a.title))
    expect(await portal.articles.page('khong-co-bai-nay')).toBeNull()
  })

  it('ratings.rate counts one vote per voter token', async () => {
    const id = await seedArticleId()
    if (!served.has('rateArticle')) return refusedWhileMissing(() => portal.ratings.rate(id, 4, { voterToken: 'sdk-voter-1' }), 'rateArticle')
    const summary = await portal.ratings.rate(id, 4, { voterToken: 'sdk-voter-1' })
    expectTypeOf(summary).toEqualTypeOf<RatingSummary>()
    expect(summary).toEqual({ total: 4, count: 1, average: 4 })
    expect(await portal.ratings.rate(id, 5, { voterToken: 'sdk-voter-2' })).toEqual({ total: 9, count: 2, average: 4.5 })
    const again = await portal.ratings.rate(id, 1, { voterToken: 'sdk-voter-1' }).catch((e: unknown) => e)
    expect((again as PortalError).code).toBe('ALREADY_RATED')
    const invalid = await portal.ratings.rate(id, 6, { voterToken: 'sdk-voter-3' }).catch((e: unknown) => e)
    expect((invalid as PortalError).code).toBe('VALIDATION')
    expect((invalid as PortalError).message).toContain('score')
  })

  it('visits.record adds exactly one visit and one article view', async () => {
    const id = await seedArticleId()
    const visit = { session: 'sdk-session-1', path: `/tin-tuc-su-kien/${seedArticle.slug}`, article: id }
    if (!served.has('recordVisit')) return refusedWhileMissing(() => portal.visits.record(visit), 'recordVisit')
    const before = await portal.widgets.visitors()
    expectTypeOf(before).toEqualTypeOf<VisitorStats>()
    const viewsBefore = (await portal.articles.page(seedArticle.slug))?.article.views ?? 0
    const after = await portal.visits.record(visit)
    expect(after.total).toBe(before.total + 1)
    expect(after.today).toBe(before.today + 1)
    expect(after.thisMonth).toBe(before.thisMonth + 1)
    expect((await portal.articles.page(seedArticle.slug))?.article.views).toBe(viewsBefore + 1)
  })

  it('widgets.visitors and widgets.dossierStats return exactly what the server serves', async () => {
    if (!served.has('VisitorStats')) return refusedWhileMissing(() => portal.widgets.visitors(), 'VisitorStats')
    const raw = await app.graphql('{ VisitorStats { online today thisMonth lastMonth total updatedAt } }')
    const visitors = await portal.widgets.visitors()
    // updatedAt is the time of the answer, so it moves between the two requests.
    expect({ ...visitors, updatedAt: null }).toEqual({ ...raw.data.VisitorStats, updatedAt: null })
    expect(Date.parse(visitors.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(raw.data.VisitorStats.updatedAt))
    if (!served.has('DossierStats')) return refusedWhileMissing(() => portal.widgets.dossierStats(), 'DossierStats')
    const panel = await app.graphql(
      '{ DossierStats { title agency period levels { label count } received resolved overdue onTime onTimeRate overdueRate updatedAt } }',
    )
    expect(await portal.widgets.dossierStats()).toEqual(panel.data.DossierStats)
  })
})
