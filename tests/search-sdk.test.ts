import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import {
  createPortalClient,
  PortalError,
  type PortalClient,
  type SearchResult,
} from '../sdk/src/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { routeFetch, type SentOperation } from './helpers/sdkFetch.js'

// portal.articles.search(q, { category, page, limit }) is one SearchArticles request.
let app: TestApp
let portal: PortalClient
const requests: SentOperation[] = []

beforeAll(async () => {
  app = await startTestApp()
  const { payload } = app
  const category = await payload.create({ collection: 'categories', data: { title: 'Văn hóa' } })
  const publish = (title: string, publishedAt: string, categories: unknown[] = []) =>
    payload.create({
      collection: 'articles',
      data: { title, _status: 'published', publishedAt, categories } as never,
    })
  await publish('Hội thảo du lịch cộng đồng', '2026-01-03T03:00:00.000Z', [category.id])
  await publish('Hội thảo nông nghiệp', '2026-01-01T03:00:00.000Z')
  await publish('Hội thảo chuyển đổi số', '2026-01-02T03:00:00.000Z')
  portal = createPortalClient({
    endpoint: 'http://localhost:3000/api/graphql',
    fetch: routeFetch(app, requests),
  })
})
afterAll(() => app?.close())

describe('portal.articles.search', () => {
  it('returns one page of results with the total, in one SearchArticles request', async () => {
    requests.length = 0
    const result = await portal.articles.search('hoi thao', { limit: 2, page: 1 })
    expectTypeOf(result).toEqualTypeOf<SearchResult>()
    expect(result.docs.map((doc) => doc.title)).toEqual([
      'Hội thảo du lịch cộng đồng',
      'Hội thảo chuyển đổi số',
    ])
    expect([result.totalDocs, result.page, result.totalPages]).toEqual([3, 1, 2])
    expect(requests).toEqual([
      { operationName: 'SearchArticles', variables: { q: 'hoi thao', limit: 2, page: 1 } },
    ])
    const second = await portal.articles.search('hoi thao', { limit: 2, page: 2 })
    expect(second.docs.map((doc) => doc.title)).toEqual(['Hội thảo nông nghiệp'])
  })

  it('narrows to a category by its slug', async () => {
    const result = await portal.articles.search('HỘI THẢO', { category: 'van-hoa' })
    expect(result.docs.map((doc) => doc.title)).toEqual(['Hội thảo du lịch cộng đồng'])
  })

  it('a blank q is a PortalError with code VALIDATION naming q', async () => {
    const error = await portal.articles.search('  ').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PortalError)
    expect((error as PortalError).code).toBe('VALIDATION')
    expect((error as PortalError).message).toBe('q must not be empty.')
    expect((error as PortalError).errors?.[0].extensions).toMatchObject({ field: 'q' })
  })
})
