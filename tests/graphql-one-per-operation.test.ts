import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveOptions } from '../plugin/index.js'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createRatingArticles, storedSummary, voteCount } from './ratings/fixtures.js'

let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>
let now = Date.parse('2026-03-01T00:00:00Z')

beforeAll(async () => {
  // Figures are read back at once: without the cache's 10 s counter lag (tests/cache-schedule).
  app = await startTestApp({
    publicCache: false,
    visitsPerMinute: 3,
    ratingRateLimitStore: new MemoryRateLimitStore(() => now),
  })
  articles = await createRatingArticles(app.payload)
})
afterAll(() => app?.close())

const total = async (): Promise<number> =>
  (await app.graphql<{ VisitorStats: { total: number } }>('{ VisitorStats { total } }')).data
    .VisitorStats.total

const visitFields = (count: number, prefix: string) =>
  Array.from(
    { length: count },
    (_, n) => `v${n}: recordVisit(session: "${prefix}-${String(n).padStart(4, '0')}") { total }`,
  ).join('\n')

describe('one recordVisit and one rateArticle per operation', () => {
  it('300 aliased recordVisit are refused before any runs, naming the field: not one visit is added', async () => {
    const before = await total()
    const result = await app.graphql(`mutation { ${visitFields(300, 'aliased')} }`)
    expect(result.status).toBe(200)
    expect(result.data).toBeUndefined()
    expect(result.errors).toEqual([
      {
        message: 'recordVisit may appear at most once in an operation; this one has it 300 times.',
        locations: expect.any(Array),
        extensions: { code: 'ONE_PER_OPERATION', field: 'recordVisit', statusCode: 400 },
      },
    ])
    expect(await total()).toBe(before)
  })

  it('a client asking for the GraphQL-over-HTTP media type (as the SDK does) gets HTTP 400', async () => {
    const result = await app.graphql(`mutation { ${visitFields(2, 'media-type')} }`, undefined, {
      headers: { accept: 'application/graphql-response+json, application/json' },
    })
    expect(result.status).toBe(400)
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['ONE_PER_OPERATION'])
  })

  it('a second rateArticle, aliased or not, is refused naming rateArticle: no vote is written', async () => {
    const aliased = await app.graphql(
      `mutation ($a: ID!) {
        first: rateArticle(article: $a, score: 5) { count }
        second: rateArticle(article: $a, score: 4) { count }
      }`,
      { a: String(articles.published) },
      { ip: '192.0.2.50', headers: { 'x-voter-token': 'twice-aliased' } },
    )
    expect(aliased.errors?.map((error) => [error.message, error.extensions])).toEqual([
      [
        'rateArticle may appear at most once in an operation; this one has it 2 times.',
        { code: 'ONE_PER_OPERATION', field: 'rateArticle', statusCode: 400 },
      ],
    ])
    // The same field twice with the same arguments would merge into one execution: refused all the same.
    const repeated = await app.graphql(
      `mutation ($a: ID!) { rateArticle(article: $a, score: 5) { count } rateArticle(article: $a, score: 5) { count } }`,
      { a: String(articles.published) },
      { ip: '192.0.2.51', headers: { 'x-voter-token': 'twice-repeated' } },
    )
    expect(repeated.errors?.map((error) => error.extensions?.code)).toEqual(['ONE_PER_OPERATION'])
    expect(await voteCount(app.payload, articles.published)).toBe(0)
    expect(await storedSummary(app.payload, articles.published)).toEqual({ total: 0, count: 0 })
  })

  it('fields spread from fragments count too', async () => {
    const before = await total()
    const result = await app.graphql(`
      mutation Twice { ...Visit ... on Mutation { ...Visit } }
      fragment Visit on Mutation { recordVisit(session: "fragment-visit-0001") { total } }
    `)
    expect(result.errors?.map((error) => error.extensions?.field)).toEqual(['recordVisit'])
    expect(await total()).toBe(before)
  })

  it('one recordVisit and one rateArticle in the operation that runs both run; other operations of the document do not count', async () => {
    const before = await total()
    const response = await app.graphqlRoute(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-voter-token': 'one-of-each' },
        body: JSON.stringify({
          operationName: 'Page',
          query: `mutation Page($a: ID!) {
            recordVisit(session: "one-of-each-0001", article: $a) { total }
            rateArticle(article: $a, score: 4) { count }
          }
          mutation Other {
            a: recordVisit(session: "other-op-0001") { total }
            b: recordVisit(session: "other-op-0002") { total }
          }`,
          variables: { a: String(articles.other) },
        }),
      }),
    )
    expect(await response.json()).toEqual({
      data: { recordVisit: { total: before + 1 }, rateArticle: { count: 1 } },
    })
  })
})

describe('the visit rate limit', () => {
  const RECORD = `mutation ($s: String!) { recordVisit(session: $s) { total } }`

  it('defaults to 600 visits a minute per address', () => {
    expect(resolveOptions({}).visitsPerMinute).toBe(600)
  })

  it('more than visitsPerMinute visits from one address → RATE_LIMITED with retryAfter on GraphQL and REST; nothing counted; another address is untouched', async () => {
    const ip = '198.51.100.60'
    const before = await total()
    for (let n = 0; n < 3; n++) {
      const result = await app.graphql(RECORD, { s: `limited-${n}-session` }, { ip })
      expect(result.errors).toBeUndefined()
      now += 1000
    }
    expect(await total()).toBe(before + 3)
    const graphql = await app.graphql(RECORD, { s: 'limited-3-session' }, { ip })
    expect(graphql.data).toBeNull()
    expect(graphql.errors?.[0].message).toBe(
      'Too many visits from this address; try again in 57 s.',
    )
    expect(graphql.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: 57,
      statusCode: 429,
    })
    const rest = await app.rest('POST', '/visits', {
      body: { session: 'limited-4-session' },
      ip,
    })
    expect(rest.status).toBe(429)
    expect(rest.headers.get('retry-after')).toBe('57')
    expect(await rest.json()).toEqual({
      errors: [
        {
          message: 'Too many visits from this address; try again in 57 s.',
          code: 'RATE_LIMITED',
          retryAfter: 57,
        },
      ],
    })
    expect(await total()).toBe(before + 3)

    const other = await app.rest('POST', '/visits', {
      body: { session: 'other-address-session' },
      ip: '198.51.100.61',
    })
    expect(other.status).toBe(200)
    now += 57_000
    const later = await app.graphql(RECORD, { s: 'limited-5-session' }, { ip })
    expect(later.errors).toBeUndefined()
    expect(await total()).toBe(before + 5)
  })
})
