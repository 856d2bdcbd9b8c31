import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'

let app: TestApp

const create = (target: TestApp, title: string) =>
  target.payload.create({
    collection: 'articles',
    data: { title, _status: 'published', publishedAt: '2026-01-01T00:00:00.000Z' } as never,
  })

beforeAll(async () => {
  app = await startTestApp()
  await create(app, 'Bài trong bản tin')
})
afterAll(async () => app?.close())

describe('the feed is cached like queries', () => {
  test('the second read is a hit with the same bytes; an edit shows in the next one', async () => {
    const first = await app.rest('GET', '/feed.xml')
    expect(first.headers.get('x-news-portal-cache')).toBe('miss')
    const xml = await first.text()
    expect(xml).toContain('<title>Bài trong bản tin</title>')
    const second = await app.rest('GET', '/feed.xml')
    expect(second.headers.get('x-news-portal-cache')).toBe('hit')
    expect(second.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(await second.text()).toBe(xml)
    await create(app, 'Bài mới trong bản tin')
    const third = await app.rest('GET', '/feed.xml')
    expect(third.headers.get('x-news-portal-cache')).toBe('miss')
    expect(await third.text()).toContain('<title>Bài mới trong bản tin</title>')
  })

  test.each(['/sitemap.xml', '/news-sitemap.xml'])(
    '%s is cached too, and a publish shows in the next read',
    async (path) => {
      await app.rest('GET', path)
      const cached = await app.rest('GET', path)
      expect(cached.headers.get('x-news-portal-cache')).toBe('hit')
      const fresh = await app.payload.create({
        collection: 'articles',
        data: {
          title: `Bài cho ${path}`,
          _status: 'published',
          publishedAt: new Date(Date.now() - 60_000).toISOString(),
        } as never,
      })
      const next = await app.rest('GET', path)
      expect(next.headers.get('x-news-portal-cache')).toBe('miss')
      expect(await next.text()).toContain((fresh as unknown as { slug: string }).slug)
    },
  )

  test('other REST reads are not the cache’s business', async () => {
    const list = await app.rest('GET', '/articles?limit=1')
    expect(list.headers.get('x-news-portal-cache')).toBeNull()
  })
})
