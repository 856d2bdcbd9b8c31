import { createHmac } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { clientAddress, keyedHash, voterIdentity } from '../features/ratings/voter.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createRatingArticles, RATE, storedSummary, voteCount } from './ratings/fixtures.js'

describe('MemoryRateLimitStore', () => {
  it('allows `limit` hits per window and says exactly how long to wait', () => {
    let now = 1_000_000
    const store = new MemoryRateLimitStore(() => now)
    for (let i = 0; i < 3; i++) {
      expect(store.hit('a', 3, 60_000)).toEqual({ allowed: true, retryAfter: 0 })
      now += 10_000
    }
    // Hits at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s.
    expect(store.hit('a', 3, 60_000)).toEqual({ allowed: false, retryAfter: 30 })
    expect(store.hit('b', 3, 60_000)).toEqual({ allowed: true, retryAfter: 0 })
    now += 29_500
    expect(store.hit('a', 3, 60_000)).toEqual({ allowed: false, retryAfter: 1 })
    now += 500
    expect(store.hit('a', 3, 60_000)).toEqual({ allowed: true, retryAfter: 0 })
    // Refused attempts are not counted: the next free slot is when the 10 s hit expires.
    expect(store.hit('a', 3, 60_000)).toEqual({ allowed: false, retryAfter: 10 })
  })
})

// One app per test file: the route handlers share Payload's default instance.
let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>
let now = Date.parse('2026-01-01T00:00:00Z')

beforeAll(async () => {
  app = await startTestApp({
    ratingsPerMinute: 5,
    ratingRateLimitStore: new MemoryRateLimitStore(() => now),
  })
  articles = await createRatingArticles(app.payload)
})
afterAll(() => app?.close())

describe('rate limit', () => {
  it('more than ratingsPerMinute votes from one address → RATE_LIMITED with retryAfter, nothing written', async () => {
    const ip = '192.0.2.10'
    for (let n = 0; n < 5; n++) {
      const result = await app.graphql(
        RATE,
        { article: String(articles.published), score: 4 },
        { ip, headers: { 'x-voter-token': `many-${n}` } },
      )
      expect(result.data.rateArticle.count).toBe(n + 1)
      now += 1000
    }
    const graphql = await app.graphql(
      RATE,
      { article: String(articles.published), score: 4 },
      { ip, headers: { 'x-voter-token': 'many-6' } },
    )
    expect(graphql.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 55 })
    const rest = await app.rest('POST', `/articles/${articles.published}/rate`, {
      body: { score: 4 },
      ip,
      headers: { 'x-voter-token': 'many-7' },
    })
    expect(rest.status).toBe(429)
    expect(rest.headers.get('retry-after')).toBe('55')
    expect((await rest.json()).errors[0]).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 55 })
    expect(await storedSummary(app.payload, articles.published)).toEqual({ total: 20, count: 5 })

    // Another address is not affected; the first one may vote again once the window has moved.
    const other = await app.graphql(
      RATE,
      { article: String(articles.published), score: 1 },
      { ip: '192.0.2.11', headers: { 'x-voter-token': 'x' } },
    )
    expect(other.data.rateArticle).toEqual({ total: 21, count: 6, average: 3.5 })
    now += 56_000
    const later = await app.graphql(
      RATE,
      { article: String(articles.published), score: 4 },
      { ip, headers: { 'x-voter-token': 'many-8' } },
    )
    expect(later.data.rateArticle.count).toBe(7)
  })

  it('without trustProxy, x-forwarded-for is ignored: a client cannot dodge the limit by inventing addresses', async () => {
    const ip = '192.0.2.20'
    const codes: unknown[] = []
    for (let n = 0; n < 7; n++) {
      const result = await app.graphql(
        RATE,
        { article: String(articles.other), score: 3 },
        {
          ip,
          headers: { 'x-voter-token': `spoof-${n}`, 'x-forwarded-for': `203.0.113.${n}` },
        },
      )
      codes.push(result.errors?.[0].extensions?.code ?? 'OK')
    }
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED'])
    expect(await voteCount(app.payload, articles.other)).toBe(5)
  })
})

describe('rate-limit buckets', () => {
  const NO_SUCH_ARTICLE = '999999'
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0].extensions?.code ?? 'OK'

  it('readers whose address is unknown do not share one bucket: made-up tokens from one shell lock nobody out', async () => {
    const shell: unknown[] = []
    for (let n = 0; n < 8; n++) {
      shell.push(
        codeOf(
          await app.graphql(
            RATE,
            { article: NO_SUCH_ARTICLE, score: 3 },
            { headers: { 'x-voter-token': `made-up-${n}` } },
          ),
        ),
      )
    }
    expect(shell).toEqual(Array(8).fill('NOT_FOUND'))
    const reader = await app.graphql(
      RATE,
      { article: String(articles.other), score: 2 },
      { headers: { 'x-voter-token': 'a-reader-with-no-known-address' } },
    )
    expect(reader.errors).toBeUndefined()
    expect(reader.data.rateArticle.count).toBe(await voteCount(app.payload, articles.other))
  })

  it('a voter whose address is unknown is still limited: by its own token', async () => {
    const codes: unknown[] = []
    for (let n = 0; n < 7; n++) {
      codes.push(
        codeOf(
          await app.graphql(
            RATE,
            { article: NO_SUCH_ARTICLE, score: 3 },
            { headers: { 'x-voter-token': 'one-token-many-tries' } },
          ),
        ),
      )
    }
    expect(codes).toEqual([...Array(5).fill('NOT_FOUND'), 'RATE_LIMITED', 'RATE_LIMITED'])
  })

  it('IPv6 addresses of one /64 share a bucket; the next /64 has its own', async () => {
    const from = async (ip: string, n: number) =>
      codeOf(
        await app.graphql(
          RATE,
          { article: NO_SUCH_ARTICLE, score: 3 },
          { ip, headers: { 'x-voter-token': `v6-${n}` } },
        ),
      )
    const sameNetwork = [
      '2001:db8:aa:1::1',
      '2001:db8:aa:1::2',
      '2001:db8:aa:1:ffff:ffff:ffff:ffff',
      '2001:DB8:AA:1:0:0:0:4',
      '2001:db8:aa:1:1234::5',
      '2001:db8:aa:1:9::6',
    ]
    const codes: unknown[] = []
    for (const [n, ip] of sameNetwork.entries()) codes.push(await from(ip, n))
    expect(codes).toEqual([...Array(5).fill('NOT_FOUND'), 'RATE_LIMITED'])
    expect(await from('2001:db8:aa:2::1', 10)).toBe('NOT_FOUND')
  })
})

describe('voter identity', () => {
  const request = (
    headers: Record<string, string> = {},
    ip?: string,
    user?: { id: number | string; collection: string },
  ) => ({ headers: new Headers(headers), ip, user: user ?? null }) as unknown as PayloadRequest
  const opts = (
    ratingVoter: 'token' | 'ip' | 'token+ip',
    trustProxy: boolean | number = false,
  ) => ({ ratingVoter, trustProxy })
  const identity = (req: PayloadRequest, mode: 'token' | 'ip' | 'token+ip', trustProxy = false) =>
    voterIdentity(req, opts(mode), clientAddress(req, opts(mode, trustProxy)))

  it("'token' (default): the token; without one, the address; with neither, VALIDATION naming x-voter-token", () => {
    expect(identity(request({ 'x-voter-token': 't1' }, '198.51.100.1'), 'token')).toBe('token:t1')
    expect(identity(request({ 'x-voter-token': 't1' }, '198.51.100.2'), 'token')).toBe('token:t1')
    expect(identity(request({}, '198.51.100.1'), 'token')).toBe('ip:198.51.100.1')
    expect(() => identity(request({}), 'token')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: { field: 'x-voter-token' } }),
    )
  })

  it("'ip': the address whatever the token; IPv4-mapped IPv6 is the same client", () => {
    expect(identity(request({ 'x-voter-token': 'a' }, '198.51.100.1'), 'ip')).toBe(
      'ip:198.51.100.1',
    )
    expect(identity(request({ 'x-voter-token': 'b' }, '::ffff:198.51.100.1'), 'ip')).toBe(
      'ip:198.51.100.1',
    )
    expect(identity(request({}, '2001:DB8::1'), 'ip')).toBe('ip:2001:db8::1')
  })

  it("'token+ip': token and address together; a token is required", () => {
    expect(identity(request({ 'x-voter-token': 't1' }, '198.51.100.1'), 'token+ip')).toBe(
      'token+ip:t1|198.51.100.1',
    )
    expect(identity(request({ 'x-voter-token': 't1' }, '198.51.100.2'), 'token+ip')).toBe(
      'token+ip:t1|198.51.100.2',
    )
    expect(() => identity(request({}, '198.51.100.1'), 'token+ip')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
  })

  it('a logged-in user is the voter in every mode', () => {
    const user = { id: 7, collection: 'users' }
    for (const mode of ['token', 'ip', 'token+ip'] as const) {
      expect(identity(request({ 'x-voter-token': 'x' }, '198.51.100.1', user), mode)).toBe(
        'user:users:7',
      )
    }
  })

  it('proxy headers count only with trustProxy: x-forwarded-for first hop, then x-real-ip, then the socket', () => {
    const forwarded = request(
      { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '203.0.113.9' },
      '127.0.0.1',
    )
    expect(clientAddress(forwarded, { trustProxy: false })).toBe('127.0.0.1')
    expect(clientAddress(forwarded, { trustProxy: true })).toBe('203.0.113.7')
    expect(
      clientAddress(request({ 'x-real-ip': '203.0.113.9' }, '127.0.0.1'), { trustProxy: true }),
    ).toBe('203.0.113.9')
    expect(
      clientAddress(request({ 'x-forwarded-for': 'garbage' }, '127.0.0.1'), { trustProxy: true }),
    ).toBe('127.0.0.1')
    expect(clientAddress(request({}), { trustProxy: true })).toBeUndefined()
  })

  it('trustProxy: n takes the address the outermost of n proxies saw, so a forged header does not help', () => {
    // The client sent "x-forwarded-for: 1.1.1.1"; its proxy appended the real address.
    const forged = request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.7' }, '10.0.0.2')
    expect(clientAddress(forged, { trustProxy: 1 })).toBe('203.0.113.7')
    expect(clientAddress(forged, { trustProxy: true })).toBe('1.1.1.1')
    // A CDN in front of a load balancer: two trusted hops.
    const twoHops = request(
      { 'x-forwarded-for': '1.1.1.1, 203.0.113.7, 198.51.100.50' },
      '10.0.0.2',
    )
    expect(clientAddress(twoHops, { trustProxy: 2 })).toBe('203.0.113.7')
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.7' }), { trustProxy: 3 })).toBe(
      '203.0.113.7',
    )
    expect(
      clientAddress(request({ 'x-forwarded-for': '1.1.1.1' }, '10.0.0.2'), { trustProxy: 0 }),
    ).toBe('10.0.0.2')
  })

  it('what is stored is an HMAC-SHA256 keyed with the secret', () => {
    const hash = keyedHash('secret-a', 'token:t1')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(createHmac('sha256', 'secret-a').update('token:t1').digest('hex'))
    expect(keyedHash('secret-b', 'token:t1')).not.toBe(hash)
  })
})

describe('absurd tokens', () => {
  it('a voter token over 200 characters is refused naming x-voter-token, nothing written', async () => {
    const result = await app.rest('POST', `/articles/${articles.closed}/rate`, {
      body: { score: 3 },
      headers: { 'x-voter-token': 'x'.repeat(201) },
    })
    expect(result.status).toBe(400)
    expect((await result.json()).errors[0]).toMatchObject({
      code: 'VALIDATION',
      field: 'x-voter-token',
    })
  })
})
