import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ask, TITLES, titlesOf } from './cache/helpers.js'

let off: TestApp

beforeAll(async () => {
  off = await startTestApp({ publicCache: false })
  await off.payload.create({
    collection: 'articles',
    data: {
      title: 'Bài không lưu đệm',
      _status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
    } as never,
  })
})
afterAll(async () => off?.close())

describe('publicCache: false', () => {
  test('every answer comes from the handler, with no cache header', async () => {
    const first = await ask(off, TITLES)
    expect(first.verdict).toBeNull()
    expect(titlesOf(first)).toEqual(['Bài không lưu đệm'])
    await off.payload.update({
      collection: 'articles',
      where: { title: { equals: 'Bài không lưu đệm' } },
      data: { title: 'Bài đã sửa' },
    })
    const second = await ask(off, TITLES)
    expect(second.verdict).toBeNull()
    expect(titlesOf(second)).toEqual(['Bài đã sửa'])
    expect((await off.rest('GET', '/feed.xml')).headers.get('x-news-portal-cache')).toBeNull()
  })
})
