import fs from 'node:fs'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createEditor, createRatingArticles, RATE, voteCount } from './ratings/fixtures.js'

const TOKEN = 'voter-token-7f3a9c1e5b'
const IP = '203.0.113.99'
const IP_ONLY = '198.51.100.77'

let app: TestApp
let served: Payload
let articles: Awaited<ReturnType<typeof createRatingArticles>>
let editor: Awaited<ReturnType<typeof createEditor>>
const logged: string[] = []

/** Records everything either Payload instance logs, to search it afterwards. */
function captureLogs(payload: Payload) {
  const logger = payload.logger as unknown as Record<string, (...args: unknown[]) => void>
  for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) {
    const original = logger[level].bind(logger)
    logger[level] = (...args: unknown[]) => {
      logged.push(
        JSON.stringify(args, (_key, value) =>
          value instanceof Error ? { message: value.message, stack: value.stack } : value,
        ),
      )
      return original(...args)
    }
  }
}

beforeAll(async () => {
  app = await startTestApp()
  served = await getPayload({ config: app.config })
  captureLogs(app.payload)
  captureLogs(served)
  articles = await createRatingArticles(app.payload)
  editor = await createEditor(app)

  // Every way a vote can arrive, accepted and refused, with the test's token and addresses.
  const withToken = { headers: { 'x-voter-token': TOKEN }, ip: IP }
  await app.graphql(RATE, { article: String(articles.published), score: 5 }, withToken)
  await app.graphql(RATE, { article: String(articles.published), score: 4 }, withToken)
  await app.rest('POST', `/articles/${articles.other}/rate`, { body: { score: 3 }, ...withToken })
  await app.rest('POST', `/articles/${articles.other}/rate`, { body: { score: 3 }, ...withToken })
  await app.rest('POST', `/articles/${articles.published}/rate`, {
    body: { score: 2 },
    ip: IP_ONLY,
  })
  await app.graphql(RATE, { article: String(articles.draft), score: 2 }, withToken)
  await app.graphql(RATE, { article: String(articles.published), score: 9 }, withToken)
  await app.rest('POST', `/articles/${articles.closed}/rate`, { body: { score: 1 }, ...withToken })
  await app.rest('POST', '/rating-summaries/recompute', { token: editor.token })
})
afterAll(() => app?.close())

describe('what is stored', () => {
  it('the votes were recorded', async () => {
    expect(await voteCount(app.payload, articles.published)).toBe(2)
    expect(await voteCount(app.payload, articles.other)).toBe(1)
  })

  it('no stored row of the ratings collections contains the voter token or the IP address', async () => {
    for (const collection of ['ratings', 'rating-summaries'] as const) {
      const { docs } = await app.payload.db.find({ collection, limit: 0, pagination: false })
      expect(docs.length).toBeGreaterThan(0)
      const text = JSON.stringify(docs)
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(IP)
      expect(text).not.toContain(IP_ONLY)
    }
    const hashes = (
      await app.payload.db.find({ collection: 'ratings', limit: 0, pagination: false })
    ).docs.map((doc) => (doc as unknown as { voterHash: string }).voterHash)
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true)
    expect(new Set(hashes).size).toBe(2)
  })

  it('on SQLite, neither appears anywhere in the database files', async () => {
    const db = app.payload.db as unknown as { name: string; clientConfig?: { url?: string } }
    // Other adapters keep no local file; the row scan above covers them.
    if (db.name !== 'sqlite') return
    const file = db.clientConfig!.url!.replace(/^file:/, '')
    const bytes = Buffer.concat(
      [file, `${file}-wal`]
        .filter((path) => fs.existsSync(path))
        .map((path) => fs.readFileSync(path)),
    )
    expect(bytes.length).toBeGreaterThan(0)
    expect(bytes.includes(Buffer.from('Bài được chấm điểm'))).toBe(true)
    for (const secret of [TOKEN, IP, IP_ONLY])
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false)
  })

  it('nothing logged while voting contains the voter token or the IP address', () => {
    expect(logged.length).toBeGreaterThan(0)
    const text = logged.join('\n')
    for (const secret of [TOKEN, IP, IP_ONLY]) expect(text.includes(secret), secret).toBe(false)
  })
})

describe('who can read what', () => {
  it('anonymous GraphQL cannot read ratings', async () => {
    const list = await app.graphql(`{ Ratings { docs { id score voterHash } } }`)
    expect(list.data.Ratings).toBeNull()
    expect(list.errors?.[0].extensions?.statusCode).toBe(403)
    const { docs } = await app.payload.find({ collection: 'ratings', limit: 1, depth: 0 })
    const one = await app.graphql(
      `query ($id: ${typeof docs[0].id === 'number' ? 'Int' : 'String'}!) { Rating(id: $id) { id score } }`,
      {
        id: docs[0].id,
      },
    )
    expect(one.data.Rating).toBeNull()
    expect(one.errors?.[0].extensions?.statusCode).toBe(403)
  })

  it('anonymous REST cannot read ratings, nor create one directly', async () => {
    const { docs } = await app.payload.find({ collection: 'ratings', limit: 1, depth: 0 })
    expect((await app.rest('GET', '/ratings')).status).toBe(403)
    expect((await app.rest('GET', `/ratings/${docs[0].id}`)).status).toBe(403)
    const created = await app.rest('POST', '/ratings', {
      body: { article: articles.published, score: 5, voterHash: 'x' },
    })
    expect(created.status).toBe(403)
    expect(await voteCount(app.payload, articles.published)).toBe(2)
  })

  it('the summaries collection is neither readable nor writable from outside', async () => {
    const { docs } = await app.payload.find({ collection: 'rating-summaries', limit: 1, depth: 0 })
    const id = docs[0].id
    expect((await app.rest('GET', '/rating-summaries')).status).toBe(403)
    expect((await app.rest('GET', `/rating-summaries/${id}`)).status).toBe(403)
    expect(
      (
        await app.rest('POST', '/rating-summaries', {
          body: { article: articles.other, total: 99, count: 1 },
        })
      ).status,
    ).toBe(403)
    expect(
      (await app.rest('PATCH', `/rating-summaries/${id}`, { body: { total: 99 } })).status,
    ).toBe(403)
    expect((await app.rest('DELETE', `/rating-summaries/${id}`)).status).toBe(403)
    // Not even an editor may write the figures by hand (only votes, deletions and recompute change them).
    expect(
      (
        await app.rest('PATCH', `/rating-summaries/${id}`, {
          body: { total: 99 },
          token: editor.token,
        })
      ).status,
    ).toBe(403)
    // No GraphQL operations exist for it at all.
    const graphql = await app.graphql(`{ RatingSummaries { docs { total } } }`)
    expect(graphql.errors?.[0].message).toContain('Cannot query field "RatingSummaries"')
    const after = await app.payload.findByID({ collection: 'rating-summaries', id, depth: 0 })
    expect(after.total).toBe(docs[0].total)
  })

  it('editors list the votes and filter them by article', async () => {
    const response = await app.rest(
      'GET',
      `/ratings?where[article][equals]=${articles.published}&depth=0`,
      { token: editor.token },
    )
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.totalDocs).toBe(2)
    expect(body.docs.map((doc: { score: number }) => doc.score).sort()).toEqual([2, 5])
  })
})
