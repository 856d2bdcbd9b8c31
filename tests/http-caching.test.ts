import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ifNoneMatchHits } from '../features/http/etag.js'
import { mergeVary } from '../features/http/cacheControl.js'

/*
 * HTTP caching of the GraphQL route (withHttpCaching): ETag and 304 for anonymous GET queries,
 * Cache-Control sized to the portal's staleness bounds, private/no-store for everything else.
 */

const CONTENT = 'public, max-age=1, s-maxage=1, stale-while-revalidate=0, must-revalidate'
const COUNTERS = 'public, max-age=5, s-maxage=5, stale-while-revalidate=0, must-revalidate'
const NOT_STORED = 'private, no-store'
const VARY = 'Accept, Authorization, Host, Origin, X-Portal-Site'
const SLUG = 'ngay-hoi-doc-sach'
const PAGE = `query Page { ArticlePage(slug: "${SLUG}") { article { title } } }`

let app: TestApp
let articleId: number | string
let token: string

const get = (query: string, headers: Record<string, string> = {}) =>
  app.graphqlRoute(
    new Request(`http://localhost:3000/api/graphql?${new URLSearchParams({ query })}`, { headers }),
  )

const etagOf = (body: string) => `"${crypto.createHash('sha256').update(body).digest('base64url')}"`

beforeAll(async () => {
  app = await startTestApp()
  const category = await app.payload.create({
    collection: 'categories',
    data: { title: 'Văn hóa' },
  })
  articleId = (
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Ngày hội đọc sách',
        slug: SLUG,
        categories: [category.id],
        publishedAt: '2024-03-01T02:00:00.000Z',
        _status: 'published',
      },
    })
  ).id
  await app.payload.create({
    collection: 'users',
    data: { email: 'editor@http.vn', password: 'editor-pass-1', roles: ['editor'] },
  })
  token = await app.login('editor@http.vn', 'editor-pass-1')
})
afterAll(async () => app?.close())

describe('an anonymous GET query', () => {
  test('carries a strong ETag (SHA-256 of its body), public Cache-Control of 1 s and Vary', async () => {
    const response = await get(PAGE)
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({
      data: { ArticlePage: { article: { title: 'Ngày hội đọc sách' } } },
    })
    expect(response.headers.get('etag')).toBe(etagOf(body))
    expect(response.headers.get('cache-control')).toBe(CONTENT)
    expect(response.headers.get('vary')).toBe(VARY)
  })

  test('If-None-Match with its ETag is 304 with no body, the same validators and freshness', async () => {
    const etag = (await get(PAGE)).headers.get('etag')!
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await get(PAGE, { 'if-none-match': header })
      expect(response.status).toBe(304)
      expect(await response.text()).toBe('')
      expect(response.headers.get('etag')).toBe(etag)
      expect(response.headers.get('cache-control')).toBe(CONTENT)
      expect(response.headers.get('vary')).toBe(VARY)
      expect(response.headers.get('content-type')).toBeNull()
    }
    const other = await get(PAGE, { 'if-none-match': '"something-else"' })
    expect(other.status).toBe(200)
  })

  test('after an edit the old ETag no longer matches: 200 with the new body and a new ETag', async () => {
    const before = (await get(PAGE)).headers.get('etag')!
    await app.payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Ngày hội đọc sách 2024' },
    })
    const response = await get(PAGE, { 'if-none-match': before })
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(JSON.parse(body).data.ArticlePage.article.title).toBe('Ngày hội đọc sách 2024')
    expect(response.headers.get('etag')).toBe(etagOf(body))
    expect(response.headers.get('etag')).not.toBe(before)
  })

  test('an answer of counters only may be kept 5 s; one with content beside them 1 s', async () => {
    const counters = await get('{ VisitorStats { total } DossierStats { title } }')
    expect(counters.status).toBe(200)
    expect(counters.headers.get('cache-control')).toBe(COUNTERS)
    const viaFragment = await get('query { ...C } fragment C on Query { VisitorStats { total } }')
    expect(viaFragment.headers.get('cache-control')).toBe(COUNTERS)
    const mixed = await get('{ VisitorStats { total } Articles { totalDocs } }')
    expect(mixed.headers.get('cache-control')).toBe(CONTENT)
    const aliased = await get('{ VisitorStats: Articles { totalDocs } }')
    expect(aliased.headers.get('cache-control')).toBe(CONTENT)
  })

  test('an answer with errors is not stored', async () => {
    const response = await get(PAGE, { 'x-portal-site': 'no-such-site' })
    const answer = await response.json()
    expect(answer.errors[0].extensions.code).toBe('UNKNOWN_SITE')
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  test('a refused GET (400, 405) is not stored', async () => {
    expect((await get('')).headers.get('cache-control')).toBe(NOT_STORED)
    const mutation = await get('mutation { recordVisit(session: "x") { total } }')
    expect(mutation.status).toBe(405)
    expect(mutation.headers.get('cache-control')).toBe(NOT_STORED)
  })
})

describe('requests with credentials and mutations', () => {
  test('a GET with Authorization is private, no-store, without an ETag, even with If-None-Match', async () => {
    const anonymous = await get(PAGE)
    const etag = anonymous.headers.get('etag')!
    const response = await get(PAGE, { authorization: `JWT ${token}`, 'if-none-match': etag })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  test("a GET with Payload's auth cookie is private, no-store", async () => {
    const response = await get('{ __typename }', { cookie: `theme=dark; payload-token=${token}` })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(NOT_STORED)
    expect(response.headers.get('etag')).toBeNull()
  })

  test('an editor reading a draft by GET gets it, never as a stored answer', async () => {
    await app.payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Bản nháp chưa đăng', _status: 'draft' },
      draft: true,
    })
    const draftQuery = `{ Article(id: ${JSON.stringify(articleId)}, draft: true) { title } }`
    const editor = await get(draftQuery, { authorization: `JWT ${token}` })
    expect((await editor.json()).data.Article.title).toBe('Bản nháp chưa đăng')
    expect(editor.headers.get('cache-control')).toBe(NOT_STORED)
    const reader = await get(PAGE)
    expect((await reader.json()).data.ArticlePage.article.title).toBe('Ngày hội đọc sách 2024')
  })

  test('every POST, query or mutation, is private, no-store, without an ETag', async () => {
    for (const query of [
      '{ __typename }',
      'mutation { recordVisit(session: "post-session-1") { total } }',
    ]) {
      const response = await app.graphqlRoute(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe(NOT_STORED)
      expect(response.headers.get('etag')).toBeNull()
    }
  })
})

describe('validators and Vary', () => {
  test('If-None-Match compares weakly and lists', () => {
    expect(ifNoneMatchHits('"a"', '"a"')).toBe(true)
    expect(ifNoneMatchHits('W/"a"', '"a"')).toBe(true)
    expect(ifNoneMatchHits('"b", W/"a"', '"a"')).toBe(true)
    expect(ifNoneMatchHits(' * ', '"a"')).toBe(true)
    expect(ifNoneMatchHits('"ab"', '"a"')).toBe(false)
    expect(ifNoneMatchHits('a', '"a"')).toBe(false)
    expect(ifNoneMatchHits(null, '"a"')).toBe(false)
  })

  test("Vary keeps the handler's own names once, whatever their case", () => {
    expect(mergeVary('origin, Accept-Encoding', ['Accept', 'Origin'])).toBe(
      'origin, Accept-Encoding, Accept',
    )
    expect(mergeVary(null, ['Accept'])).toBe('Accept')
  })
})
