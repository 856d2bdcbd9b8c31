import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { startTestApp, type TestApp } from './helpers/app.js'
import { withPublicCache } from '../plugin/index.js'
import { ask, TITLES, titlesOf } from './cache/helpers.js'

let app: TestApp
let articleId: number | string

const request = () =>
  new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: TITLES }),
  })

beforeAll(async () => {
  app = await startTestApp()
  articleId = (
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Tiêu đề cũ',
        _status: 'published',
        publishedAt: '2026-01-01T00:00:00.000Z',
      } as never,
    })
  ).id
})
afterAll(async () => app?.close())

describe('a read in flight when a change commits never stores what it read', () => {
  test('the answer read before the change is returned to its reader but not kept', async () => {
    const graphql = GRAPHQL_POST(app.config)
    let title = 'Tiêu đề giữa chừng'
    // The handler reads, then the change commits before the answer reaches the cache.
    const slowRead = withPublicCache(app.config, async (incoming: Request) => {
      const response = await graphql(incoming)
      await app.payload.update({ collection: 'articles', id: articleId, data: { title } })
      return response
    })
    const inFlight = await slowRead(request())
    expect(inFlight.headers.get('x-news-portal-cache')).toBe('miss')
    expect(titlesOf({ json: await inFlight.json() } as never)).toEqual(['Tiêu đề cũ'])
    title = 'unused'
    const next = await ask(app, TITLES)
    expect(next.verdict).toBe('miss')
    expect(titlesOf(next)).toEqual(['Tiêu đề giữa chừng'])
  })

  test('a save inside a transaction invalidates again once it commits', async () => {
    await ask(app, TITLES)
    const transactionID = await app.payload.db.beginTransaction()
    await app.payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Tiêu đề đã lưu' },
      req: { transactionID: transactionID ?? undefined } as never,
    })
    const during = await ask(app, TITLES)
    // PostgreSQL: other connections still see the committed row; SQLite (no transactions): the new one.
    expect(titlesOf(during)).toEqual([transactionID ? 'Tiêu đề giữa chừng' : 'Tiêu đề đã lưu'])
    expect((await ask(app, TITLES)).verdict).toBe('hit')
    if (transactionID) await app.payload.db.commitTransaction(transactionID)
    const after = await ask(app, TITLES)
    expect(after.verdict).toBe(transactionID ? 'miss' : 'hit')
    expect(titlesOf(after)).toEqual(['Tiêu đề đã lưu'])
  })
})
