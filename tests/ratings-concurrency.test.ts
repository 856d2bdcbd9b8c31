import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import {
  createEditor,
  createRatingArticles,
  RATE,
  storedSummary,
  voteCount,
} from './ratings/fixtures.js'

let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>
let editor: Awaited<ReturnType<typeof createEditor>>

/** Voter n: its own token and its own address (so the per-address limiter stays out of the way). */
const voter = (prefix: string, n: number) => ({
  headers: { 'x-voter-token': `${prefix}-${n}` },
  ip: `10.${prefix.length}.${Math.floor(n / 250)}.${(n % 250) + 1}`,
})
/** A fixed, varied score per voter, so the expected total is known exactly. */
const scoreOf = (n: number) => (n % 5) + 1

beforeAll(async () => {
  app = await startTestApp()
  articles = await createRatingArticles(app.payload)
  editor = await createEditor(app)
})
afterAll(() => app?.close())

describe('exact under concurrency', () => {
  it('300 different voters voting at once: count is exactly 300 and total exactly the sum', async () => {
    const voters = Array.from({ length: 300 }, (_, n) => n)
    const results = await Promise.all(
      voters.map((n) =>
        n % 2 === 0
          ? app
              .graphql(
                RATE,
                { article: String(articles.published), score: scoreOf(n) },
                voter('crowd', n),
              )
              .then((r) => r.errors ?? r.data.rateArticle)
          : app
              .rest('POST', `/articles/${articles.published}/rate`, {
                body: { score: scoreOf(n) },
                ...voter('crowd', n),
              })
              .then((r) => r.json()),
      ),
    )
    const failures = results.filter((result) => Array.isArray(result) || 'errors' in result)
    expect(failures).toEqual([])
    const sum = voters.reduce((total, n) => total + scoreOf(n), 0)
    expect(sum).toBe(900)
    expect(await storedSummary(app.payload, articles.published)).toEqual({ total: 900, count: 300 })
    expect(await voteCount(app.payload, articles.published)).toBe(300)
    // Every acknowledged vote saw a summary that already included it.
    expect(Math.max(...results.map((result) => (result as { count: number }).count))).toBe(300)
  })

  it('50 simultaneous votes by one voter: count 1', async () => {
    const same = voter('single', 1)
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        app.graphql(RATE, { article: String(articles.other), score: scoreOf(n) }, same),
      ),
    )
    const accepted = results.filter((result) => result.data?.rateArticle)
    const codes = results.flatMap(
      (result) => result.errors?.map((error) => error.extensions?.code) ?? [],
    )
    expect(accepted.length).toBe(1)
    // 29 more reached the database and hit the unique index; the limiter (30 a minute) stopped 20.
    expect(codes.filter((code) => code === 'ALREADY_RATED').length).toBe(29)
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBe(20)
    const score = accepted[0].data.rateArticle.total
    expect(await storedSummary(app.payload, articles.other)).toEqual({ total: score, count: 1 })
    expect(await voteCount(app.payload, articles.other)).toBe(1)
  })

  it('200 votes arriving while an editor updates and republishes the article: none is lost', async () => {
    const article = articles.closed
    // Open ratings on the article first (an editor's own save).
    await app.payload.update({
      collection: 'articles',
      id: article,
      data: { allowRatings: true },
      overrideAccess: true,
    })
    const editorUser = await app.payload.findByID({
      collection: 'users',
      id: editor.id,
      overrideAccess: true,
    })

    const votes = Array.from({ length: 200 }, (_, n) =>
      app
        .rest('POST', `/articles/${article}/rate`, {
          body: { score: scoreOf(n) },
          ...voter('busy', n),
        })
        .then((r) => r.status),
    )
    const edits = (async () => {
      for (let round = 0; round < 5; round++) {
        // A draft save, then a publish, as the admin does; each writes the versioned article row.
        await app.payload.update({
          collection: 'articles',
          id: article,
          data: { lead: `Bản nháp ${round}` },
          draft: true,
          user: editorUser,
          overrideAccess: false,
        })
        await app.payload.update({
          collection: 'articles',
          id: article,
          // The admin form sends the whole document back, including a stale `rating`: it must be ignored.
          data: {
            title: `Bài tắt đánh giá (sửa lần ${round})`,
            _status: 'published',
            rating: { total: 0, count: 0, average: 0 },
          },
          user: editorUser,
          overrideAccess: false,
        })
      }
    })()
    const [statuses] = await Promise.all([Promise.all(votes), edits])
    expect(statuses.filter((status) => status !== 200)).toEqual([])

    const sum = Array.from({ length: 200 }, (_, n) => scoreOf(n)).reduce((a, b) => a + b, 0)
    expect(sum).toBe(600)
    expect(await storedSummary(app.payload, article)).toEqual({ total: 600, count: 200 })
    expect(await voteCount(app.payload, article)).toBe(200)
    const read = await app.payload.findByID({ collection: 'articles', id: article, depth: 0 })
    expect(read.title).toBe('Bài tắt đánh giá (sửa lần 4)')
    expect(read.rating).toEqual({ total: 600, count: 200, average: 3 })
  })
})

describe('the database enforces one vote per voter', () => {
  it('a second row with the same article and voter hash is refused by the unique index', async () => {
    const data = { article: articles.other, score: 4, voterHash: 'f'.repeat(64) }
    await app.payload.db.create({ collection: 'ratings', data })
    await expect(
      app.payload.db.create({ collection: 'ratings', data: { ...data, score: 2 } }),
    ).rejects.toThrow()
    // The same voter hash on another article is a different vote.
    await app.payload.db.create({
      collection: 'ratings',
      data: { ...data, article: articles.published },
    })
    const { totalDocs } = await app.payload.db.count({
      collection: 'ratings',
      where: { voterHash: { equals: data.voterHash } },
    })
    expect(totalDocs).toBe(2)
  })

  it('the index is a real unique index in the database itself', async () => {
    const db = app.payload.db as unknown as {
      name: string
      client?: { execute: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> }
      collections?: Record<
        string,
        { collection: { indexes: () => Promise<Array<{ key: object; unique?: boolean }>> } }
      >
      pool?: { query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }> }
    }
    let definitions: string[]
    if (db.name === 'sqlite') {
      const { rows } = await db.client!.execute(
        `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ratings'`,
      )
      definitions = rows.map((row) => String(row.sql).replace(/[`"]/g, ''))
    } else if (db.name === 'mongoose') {
      const indexes = await db.collections!.ratings.collection.indexes()
      definitions = indexes.map(
        (index) =>
          `${index.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX'} x ON ratings (${Object.keys(index.key).join(', ')})`,
      )
    } else {
      const { rows } = await db.pool!.query(
        `SELECT indexdef FROM pg_indexes WHERE tablename = 'ratings'`,
      )
      definitions = rows.map((row) => String(row.indexdef).replace(/"/g, ''))
    }
    expect(
      definitions.some((sql) =>
        /CREATE UNIQUE INDEX .*\((article_id|article),\s*(voter_hash|voterHash)\)/.test(sql),
      ),
    ).toBe(true)
  })
})
