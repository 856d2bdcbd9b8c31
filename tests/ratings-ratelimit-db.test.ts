import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectionSlug } from 'payload'
import { resolveOptions } from '../plugin/index.js'
import { DatabaseRateLimitStore } from '../features/ratings/rateLimitDatabase.js'
import { MemoryRateLimitStore } from '../features/ratings/rateLimit.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createRatingArticles, RATE, storedSummary } from './ratings/fixtures.js'

const HITS = 'rate-limit-hits' as CollectionSlug
const MINUTE = 60_000

// One app per test file: the route handlers share Payload's default instance.
let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>
// Inside a window (not at its edge), so the fixed window is the same for every vote below.
let now = Date.parse('2026-03-01T10:00:20Z')
const store = new DatabaseRateLimitStore(() => now)

beforeAll(async () => {
  app = await startTestApp({ ratingsPerMinute: 30, ratingRateLimitStore: store })
  articles = await createRatingArticles(app.payload)
})
afterAll(() => app?.close())

const rows = async () =>
  (await app.payload.db.find({ collection: HITS, limit: 0, pagination: false }))
    .docs as unknown as Array<{ key: string; hits: number; expiresAt: string }>

describe('the ratingRateLimitStore option', () => {
  it("'memory' (the default) and 'database' name the stores; anything else is refused naming the option", () => {
    expect(resolveOptions({}).ratingRateLimitStore).toBeInstanceOf(MemoryRateLimitStore)
    expect(resolveOptions({ ratingRateLimitStore: 'memory' }).ratingRateLimitStore).toBeInstanceOf(
      MemoryRateLimitStore,
    )
    expect(
      resolveOptions({ ratingRateLimitStore: 'database' }).ratingRateLimitStore,
    ).toBeInstanceOf(DatabaseRateLimitStore)
    expect(() => resolveOptions({ ratingRateLimitStore: 'redis' as never })).toThrow(
      /ratingRateLimitStore must be 'memory', 'database'/,
    )
  })
})

describe('DatabaseRateLimitStore', () => {
  it('of 50 simultaneous hits on one key with a limit of 30, exactly 30 pass; one row per (key, window)', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 50 }, () => store.hit('k:burst', 30, MINUTE, app.payload)),
    )
    expect(decisions.filter((d) => d.allowed)).toHaveLength(30)
    // Window 10:00:00–10:01:00, now 10:00:20: 40 s to wait.
    expect(decisions.filter((d) => !d.allowed).map((d) => d.retryAfter)).toEqual(Array(20).fill(40))
    const burst = (await rows()).filter((row) => row.key.startsWith('k:burst@'))
    expect(burst).toHaveLength(1)
    expect(burst[0]).toMatchObject({
      key: `k:burst@${Date.parse('2026-03-01T10:00:00Z')}`,
      hits: 50,
    })
    expect(new Date(burst[0].expiresAt).toISOString()).toBe('2026-03-01T10:01:00.000Z')
    // Another key is counted on its own.
    expect(await store.hit('k:other', 30, MINUTE, app.payload)).toEqual({
      allowed: true,
      retryAfter: 0,
    })
  })

  it('a new window starts from zero, and rows of ended windows are pruned', async () => {
    now = Date.parse('2026-03-01T10:01:05Z')
    expect(await store.hit('k:burst', 30, MINUTE, app.payload)).toEqual({
      allowed: true,
      retryAfter: 0,
    })
    await store.prune(app.payload, new Date(Date.parse('2026-03-01T10:01:00Z')))
    expect((await rows()).map((row) => row.key).sort()).toEqual([
      `k:burst@${Date.parse('2026-03-01T10:01:00Z')}`,
    ])
  })

  it('without the Payload instance it says what is missing', async () => {
    await expect(store.hit('k', 1, MINUTE)).rejects.toThrow(/needs the Payload instance/)
  })
})

describe('votes limited through the database store', () => {
  it('the 31st vote from one address in a window gets RATE_LIMITED with its retryAfter, and nothing is written', async () => {
    now = Date.parse('2026-03-01T11:00:30Z')
    const ip = '198.51.100.7'
    const results = await Promise.all(
      Array.from({ length: 31 }, (_, n) =>
        app.graphql(
          RATE,
          { article: String(articles.published), score: 2 },
          { ip, headers: { 'x-voter-token': `db-limit-${n}` } },
        ),
      ),
    )
    const limited = results.filter(
      (result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED',
    )
    expect(results.filter((result) => result.data?.rateArticle)).toHaveLength(30)
    expect(limited).toHaveLength(1)
    expect(limited[0].errors?.[0].extensions).toMatchObject({ retryAfter: 30 })
    expect(await storedSummary(app.payload, articles.published)).toEqual({ total: 60, count: 30 })
    // No raw address in the store: the key is a keyed hash.
    expect((await rows()).some((row) => row.key.includes(ip))).toBe(false)
  })
})
