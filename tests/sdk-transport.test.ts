import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  createPortalClient,
  PortalError,
  type ArticlePage,
  type DossierStats,
  type RatingSummary,
  type VisitorStats,
} from '../sdk/src/index.js'

interface Seen {
  at: number
  headers: http.IncomingHttpHeaders
  body: { query: string; operationName?: string; variables?: Record<string, unknown> }
}
type Reply = (res: http.ServerResponse, seen: Seen) => void

/** A GraphQL server on 127.0.0.1 that answers each request with the next scripted reply. */
let server: http.Server
let endpoint: string
let replies: Reply[] = []
let seen: Seen[] = []
const hanging = new Set<http.ServerResponse>()

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
const hang: Reply = (res) => {
  hanging.add(res)
}
const ok = (data: unknown) => json(200, { data })
const articles = {
  Articles: {
    docs: [],
    totalDocs: 0,
    totalPages: 1,
    page: 1,
    limit: 10,
    hasNextPage: false,
    hasPrevPage: false,
    nextPage: null,
    prevPage: null,
  },
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => (raw += chunk))
    req.on('end', () => {
      const entry: Seen = { at: Date.now(), headers: req.headers, body: JSON.parse(raw) }
      seen.push(entry)
      const reply = replies.shift() ?? json(500, { errors: [{ message: 'No scripted reply.' }] })
      reply(res, entry)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graphql`
})

afterEach(() => {
  for (const res of hanging) res.destroy()
  hanging.clear()
  replies = []
  seen = []
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  )

describe('retries, timeouts and errors against a real HTTP server', () => {
  it('a query answered 500 then 200 is retried once and succeeds', async () => {
    replies = [json(500, { errors: [{ message: 'Something went wrong.' }] }), ok(articles)]
    const portal = createPortalClient({ endpoint })
    const result = await portal.articles.list()
    expect(result.totalDocs).toBe(0)
    expect(seen.map((s) => s.body.operationName)).toEqual(['ArticleList', 'ArticleList'])
  })

  it('a query answered 429 with Retry-After: 1 waits a second, then succeeds', async () => {
    replies = [
      json(429, { errors: [{ message: 'Too many requests.' }] }, { 'retry-after': '1' }),
      ok(articles),
    ]
    const portal = createPortalClient({ endpoint })
    await portal.articles.list()
    expect(seen).toHaveLength(2)
    // Date.now() is whole milliseconds: a 1000 ms timer can show as 999.
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(999)
  })

  it('a Retry-After longer than the time left is not waited for: RATE_LIMITED at once', async () => {
    replies = [json(429, 'slow down', { 'retry-after': '30', 'content-type': 'text/plain' })]
    const portal = createPortalClient({ endpoint, timeoutMs: 5_000 })
    const error = (await failure(portal.authors.list())) as PortalError
    expect(error).toBeInstanceOf(PortalError)
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.status).toBe(429)
    expect(error.retryAfter).toBe(30)
    expect(seen).toHaveLength(1)
  })

  it('a server that never answers gives TIMEOUT at the set timeout, without a retry', async () => {
    replies = [hang, hang, hang]
    const portal = createPortalClient({ endpoint, timeoutMs: 300 })
    const started = Date.now()
    const error = (await failure(portal.articles.bySlug('x'))) as PortalError
    expect(Date.now() - started).toBeGreaterThanOrEqual(299)
    expect(error).toBeInstanceOf(PortalError)
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toBe(`The portal API at ${endpoint} did not answer within 300 ms.`)
    expect(seen).toHaveLength(1)
  })

  it('malformed JSON is a SERVER error with the status', async () => {
    replies = [json(200, '{"data": {"Articles": ')]
    const portal = createPortalClient({ endpoint })
    const error = (await failure(portal.articles.list())) as PortalError
    expect(error.code).toBe('SERVER')
    expect(error.status).toBe(200)
    expect(error.message).toBe(
      `The portal API at ${endpoint} sent a response that is not GraphQL JSON.`,
    )
    expect(seen).toHaveLength(1)
  })

  it('a 502 HTML page is retried twice by default, then SERVER with its status', async () => {
    const page: Reply = (res) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end('<html>Bad gateway</html>')
    }
    replies = [page, page, page]
    const portal = createPortalClient({ endpoint })
    const error = (await failure(portal.categories.list())) as PortalError
    expect(error.code).toBe('SERVER')
    expect(error.status).toBe(502)
    expect(error.message).toBe(`The portal API at ${endpoint} answered with HTTP 502.`)
    expect(seen).toHaveLength(3)
  })

  it('retries: 0 sends a failing query once', async () => {
    replies = [json(503, {})]
    const error = (await failure(
      createPortalClient({ endpoint, retries: 0 }).sources.list(),
    )) as PortalError
    expect([error.code, error.status]).toEqual(['SERVER', 503])
    expect(seen).toHaveLength(1)
  })

  it('a mutation answered 500 is not retried', async () => {
    replies = [
      json(500, { errors: [{ message: 'Something went wrong.' }] }),
      ok({ rateArticle: { total: 5, count: 1, average: 5 } }),
    ]
    const portal = createPortalClient({ endpoint })
    const error = (await failure(portal.ratings.rate(7, 5))) as PortalError
    expect(error.code).toBe('SERVER')
    expect(error.status).toBe(500)
    expect(error.message).toBe('Something went wrong.')
    expect(seen.map((s) => s.body.operationName)).toEqual(['RateArticle'])
  })

  it("the caller's abort rejects at once with the caller's reason, mid-request", async () => {
    replies = [hang]
    const controller = new AbortController()
    const reason = new Error('the reader left the page')
    const portal = createPortalClient({ endpoint })
    const call = portal.articles.page('x', { signal: controller.signal })
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort(reason)
    expect(await failure(call)).toBe(reason)
    expect(seen).toHaveLength(1)
  })

  it("the caller's abort also ends a wait between retries, and an aborted signal sends nothing", async () => {
    replies = [json(429, {}, { 'retry-after': '5' }), ok(articles)]
    const controller = new AbortController()
    const call = createPortalClient({ endpoint, timeoutMs: 20_000 }).articles.list({
      signal: controller.signal,
    })
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 50))
    controller.abort()
    const error = (await failure(call)) as Error
    expect(error.name).toBe('AbortError')
    expect(seen).toHaveLength(1)

    const before = seen.length
    expect(
      (
        (await failure(
          createPortalClient({ endpoint }).authors.list({ signal: AbortSignal.abort() }),
        )) as Error
      ).name,
    ).toBe('AbortError')
    expect(seen).toHaveLength(before)
  })

  it('an unreachable server is a NETWORK error', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = (await failure(
      createPortalClient({
        endpoint: `http://127.0.0.1:${port}/api/graphql`,
        retries: 1,
      }).authors.list(),
    )) as PortalError
    expect(error.code).toBe('NETWORK')
    expect(error.status).toBeUndefined()
    expect(error.message).toBe(
      `Could not reach the portal API at http://127.0.0.1:${port}/api/graphql.`,
    )
  })

  it('maps the GraphQL error codes of the portal to PortalError codes', async () => {
    const portal = createPortalClient({ endpoint })
    const cases: Array<[unknown, string, number | undefined]> = [
      [
        {
          message: 'You have already rated this article.',
          extensions: { code: 'ALREADY_RATED', summary: { total: 4, count: 1, average: 4 } },
        },
        'ALREADY_RATED',
        undefined,
      ],
      [
        { message: 'Ratings are closed for this article.', extensions: { code: 'RATINGS_CLOSED' } },
        'RATINGS_CLOSED',
        undefined,
      ],
      [
        { message: 'score must be an integer from 1 to 5', extensions: { code: 'VALIDATION' } },
        'VALIDATION',
        undefined,
      ],
      [
        { message: 'Too many votes.', extensions: { code: 'RATE_LIMITED', retryAfter: 42 } },
        'RATE_LIMITED',
        42,
      ],
      [
        { message: 'Not Found', extensions: { name: 'NotFound', statusCode: 404 } },
        'NOT_FOUND',
        undefined,
      ],
      [
        {
          message: 'The following field is invalid: score',
          extensions: { name: 'ValidationError', statusCode: 400 },
        },
        'VALIDATION',
        undefined,
      ],
    ]
    for (const [graphqlError, code, retryAfter] of cases) {
      replies = [json(200, { data: { rateArticle: null }, errors: [graphqlError] })]
      const error = (await failure(portal.ratings.rate(1, 4))) as PortalError
      expect([error.code, error.retryAfter]).toEqual([code, retryAfter])
      expect(error.message).toMatch(/\.$/)
    }
    expect(seen).toHaveLength(cases.length)
    replies = [json(200, { data: { rateArticle: null }, errors: [cases[0][0]] })]
    expect(((await failure(portal.ratings.rate(1, 4))) as PortalError).extensions?.summary).toEqual(
      { total: 4, count: 1, average: 4 },
    )
  })
})

describe('client options', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('refuses a bad endpoint, timeout or retry count, naming the option', () => {
    expect(() => createPortalClient({ endpoint: 'portal.example.vn/api' })).toThrow(
      'createPortalClient: endpoint must be an absolute URL such as https://portal.example.vn/api/graphql, not "portal.example.vn/api".',
    )
    expect(() => createPortalClient({ endpoint: undefined as unknown as string })).toThrow(
      /endpoint must be an absolute URL.*not null\.$/,
    )
    for (const timeoutMs of [0, -1, Number.NaN]) {
      expect(() => createPortalClient({ endpoint, timeoutMs })).toThrow(
        `createPortalClient: timeoutMs must be a positive number of milliseconds (or Infinity), not ${timeoutMs}.`,
      )
    }
    for (const retries of [-1, 1.5]) {
      expect(() => createPortalClient({ endpoint, retries })).toThrow(
        `createPortalClient: retries must be a whole number from 0, not ${retries}.`,
      )
    }
  })

  it('resolves a relative endpoint against the page in a browser', async () => {
    vi.stubGlobal('location', {
      href: endpoint.replace('/api/graphql', '/tin-tuc-su-kien/bai-viet'),
    })
    replies = [ok(articles)]
    expect(
      (await createPortalClient({ endpoint: '/api/graphql', timeoutMs: Infinity }).articles.list())
        .totalDocs,
    ).toBe(0)
    expect(seen).toHaveLength(1)
  })
})

describe('articles.page, ratings.rate, visits.record and the widgets on the wire, against a stub server', () => {
  const stats = {
    online: 53,
    today: 13933,
    thisMonth: 291448,
    lastMonth: 453141,
    total: 16917328,
    updatedAt: '2024-11-23T09:15:52.000Z',
  }

  it('articles.page makes exactly one request and returns the page, or null', async () => {
    const summary = {
      id: 2,
      title: 'Older',
      slug: 'older',
      lead: null,
      publishedAt: '2022-08-01T00:00:00.000Z',
      coverImage: null,
      categories: [],
    }
    const article = {
      id: 1,
      title: 'T',
      slug: 's',
      lead: 'L',
      bodyHtml: '<p>B</p>',
      publishedAt: '2022-08-04T14:59:00.000Z',
      updatedAt: null,
      coverImage: null,
      categories: [],
      authors: [],
      byline: null,
      source: null,
      sourceUrl: null,
      tags: null,
      allowRatings: true,
      rating: { total: 0, count: 0, average: 0 },
      views: 12,
    }
    replies = [
      ok({ ArticlePage: { article, newer: [], older: [summary] } }),
      ok({ ArticlePage: null }),
    ]
    const portal = createPortalClient({ endpoint, locale: 'vi' })
    const page = await portal.articles.page('s', { neighbors: 3 })
    expectTypeOf(page).toEqualTypeOf<ArticlePage | null>()
    expect(page?.article.views).toBe(12)
    expect(page?.older.map((a) => a.slug)).toEqual(['older'])
    expect(seen).toHaveLength(1)
    expect(seen[0].body.operationName).toBe('ArticlePage')
    expect(seen[0].body.variables).toEqual({ slug: 's', neighbors: 3, locale: 'vi' })
    expect(await portal.articles.page('missing')).toBeNull()
    expect(seen).toHaveLength(2)
  })

  it('ratings.rate sends the voter token header and returns the new summary', async () => {
    replies = [ok({ rateArticle: { total: 9, count: 2, average: 4.5 } })]
    const summary = await createPortalClient({
      endpoint,
      headers: { 'x-site': 'than-uyen' },
    }).ratings.rate('64f0c2', 5, { voterToken: 'voter-1' })
    expectTypeOf(summary).toEqualTypeOf<RatingSummary>()
    expect(summary).toEqual({ total: 9, count: 2, average: 4.5 })
    expect(seen[0].headers['x-voter-token']).toBe('voter-1')
    expect(seen[0].headers['x-site']).toBe('than-uyen')
    expect(seen[0].body.variables).toEqual({ article: '64f0c2', score: 5 })
    expect(seen[0].body.query.startsWith('mutation RateArticle(')).toBe(true)
  })

  it('visits.record, widgets.visitors and widgets.dossierStats return the figures', async () => {
    const dossier = {
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
    replies = [
      ok({ recordVisit: stats }),
      ok({ VisitorStats: stats }),
      ok({ DossierStats: dossier }),
      ok({ DossierStats: null }),
    ]
    const portal = createPortalClient({ endpoint })
    const recorded = await portal.visits.record({
      session: 'abc',
      path: '/tin-tuc-su-kien/x',
      article: 1,
    })
    expectTypeOf(recorded).toEqualTypeOf<VisitorStats>()
    expect(recorded.total).toBe(16917328)
    expect(seen[0].body.variables).toEqual({
      session: 'abc',
      path: '/tin-tuc-su-kien/x',
      article: 1,
    })
    expect(await portal.widgets.visitors()).toEqual(stats)
    const panel = await portal.widgets.dossierStats('than-uyen')
    expectTypeOf(panel).toEqualTypeOf<DossierStats | null>()
    expect(panel?.onTimeRate).toBe(99.85)
    expect(seen[2].body.variables).toEqual({ slug: 'than-uyen' })
    expect(await portal.widgets.dossierStats()).toBeNull()
    expect(seen.map((s) => s.body.operationName)).toEqual([
      'RecordVisit',
      'VisitorStats',
      'DossierStats',
      'DossierStats',
    ])
  })
})
