import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ask, sleep, TITLES, titlesOf } from './cache/helpers.js'

let app: TestApp

const VIEWS = /* GraphQL */ `
  query Views($id: Int!) {
    Article(id: $id) {
      title
      views
    }
  }
`

const RECORD = /* GraphQL */ `
  mutation Record($article: ID) {
    recordVisit(session: "cache-test", path: "/bai", article: $article) {
      total
    }
  }
`

beforeAll(async () => {
  // Counters kept 3 s here (5 s by default) so the test sees the bound pass.
  app = await startTestApp({ publicCache: { counterTtlSeconds: 3 } })
  await app.payload.create({
    collection: 'articles',
    data: {
      title: 'Bài cũ',
      _status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
    } as never,
  })
})
afterAll(async () => app?.close())

describe('no answer outlives the next scheduled boundary', () => {
  test('a scheduled article appears within 1 s of its publishedAt', async () => {
    const publishedAt = Date.now() + 4_000
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài hẹn giờ',
        _status: 'published',
        publishedAt: new Date(publishedAt).toISOString(),
      } as never,
    })
    expect(titlesOf(await ask(app, TITLES))).toEqual(['Bài cũ'])
    const cached = await ask(app, TITLES)
    expect(cached.verdict).toBe('hit')
    expect(titlesOf(cached)).toEqual(['Bài cũ'])
    await sleep(publishedAt - Date.now() + 20)
    const after = await ask(app, TITLES)
    expect(after.verdict).toBe('miss')
    expect(titlesOf(after).sort()).toEqual(['Bài cũ', 'Bài hẹn giờ'].sort())
  })

  test('an expiring article disappears within 1 s of its expiresAt', async () => {
    const expiresAt = Date.now() + 4_000
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài hết hạn',
        _status: 'published',
        publishedAt: '2026-01-02T00:00:00.000Z',
        expiresAt: new Date(expiresAt).toISOString(),
      } as never,
    })
    expect(titlesOf(await ask(app, TITLES)).sort()).toEqual(
      ['Bài cũ', 'Bài hết hạn', 'Bài hẹn giờ'].sort(),
    )
    expect((await ask(app, TITLES)).verdict).toBe('hit')
    await sleep(expiresAt - Date.now() + 20)
    const after = await ask(app, TITLES)
    expect(after.verdict).toBe('miss')
    expect(titlesOf(after).sort()).toEqual(['Bài cũ', 'Bài hẹn giờ'].sort())
  })
})

describe('counters may lag, boundedly', () => {
  test('an answer with views is kept at most counterTtlSeconds; the visit mutation is never cached and fresh', async () => {
    const { docs } = await app.payload.find({
      collection: 'articles',
      where: { title: { equals: 'Bài cũ' } },
    })
    const id = Number(docs[0].id)
    const before = await ask(app, VIEWS, { id })
    expect(before.verdict).toBe('miss')
    expect(before.json.data.Article).toEqual({ title: 'Bài cũ', views: 0 })
    const visit = await ask(app, RECORD, { article: String(id) })
    expect(visit.verdict).toBe('bypass')
    const second = await ask(app, RECORD, { article: String(id) })
    expect(second.verdict).toBe('bypass')
    expect(second.json.data.recordVisit.total).toBe(visit.json.data.recordVisit.total)
    // Within the bound the cached figure may lag…
    const lagging = await ask(app, VIEWS, { id })
    expect(lagging.verdict).toBe('hit')
    expect(lagging.json.data.Article.views).toBe(0)
    // …past it, the figure is read again.
    await sleep(3_050)
    const fresh = await ask(app, VIEWS, { id })
    expect(fresh.verdict).toBe('miss')
    expect(fresh.json.data.Article.views).toBe(1)
  })

  test('an answer without counters is not held to the counters’ bound', async () => {
    await ask(app, TITLES)
    await sleep(3_050)
    expect((await ask(app, TITLES)).verdict).toBe('hit')
  })
})
