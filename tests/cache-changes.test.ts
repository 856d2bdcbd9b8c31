import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { defaultSite, type TestSite } from './helpers/sites.js'
import { onPublicChange, type PublicChange } from '../plugin/index.js'

let app: TestApp
let site: TestSite
const changes: PublicChange[] = []
let news: number | string
let events: number | string

beforeAll(async () => {
  app = await startTestApp()
  site = await defaultSite(app)
  news = (await app.payload.create({ collection: 'categories', data: { title: 'Tin tức' } })).id
  events = (await app.payload.create({ collection: 'categories', data: { title: 'Sự kiện' } })).id
  onPublicChange(app.payload, (change) => void changes.push(change))
})
afterAll(async () => app?.close())

/** What `run` reported, in order. */
async function reported(run: () => Promise<unknown>): Promise<PublicChange[]> {
  changes.length = 0
  await run()
  return [...changes]
}

describe('public changes, as listeners receive them', () => {
  test('an article: publish, slug and category changes (old and new paths), draft saves, unpublish, delete', async () => {
    let id: number | string = 0
    const created = await reported(async () => {
      id = (
        await app.payload.create({
          collection: 'articles',
          data: {
            title: 'Lễ hội',
            _status: 'published',
            publishedAt: '2026-01-01T00:00:00.000Z',
            categories: [news],
          } as never,
        })
      ).id
    })
    const change = (
      operation: PublicChange['operation'],
      oldPaths: string[],
      newPaths: string[],
    ) => ({
      collection: 'articles',
      id,
      site: site.id,
      operation,
      oldPaths,
      newPaths,
    })
    expect(created).toEqual([change('create', [], ['/tin-tuc/le-hoi'])])
    const moved = await reported(() =>
      app.payload.update({
        collection: 'articles',
        id,
        data: { slug: 'le-hoi-2026', categories: [events, news] },
      }),
    )
    expect(moved).toEqual([change('update', ['/tin-tuc/le-hoi'], ['/su-kien/le-hoi-2026'])])
    const draftOnly = await reported(() =>
      app.payload.update({
        collection: 'articles',
        id,
        draft: true,
        data: { title: 'Nháp' } as never,
      }),
    )
    expect(draftOnly).toEqual([])
    const unpublished = await reported(() =>
      app.payload.update({ collection: 'articles', id, data: { _status: 'draft' } as never }),
    )
    expect(unpublished).toEqual([change('update', ['/su-kien/le-hoi-2026'], [])])
    const draftCreated = await reported(() =>
      app.payload.create({
        collection: 'articles',
        draft: true,
        data: { title: 'Chỉ nháp' } as never,
      }),
    )
    expect(draftCreated).toEqual([])
    await app.payload.update({
      collection: 'articles',
      id,
      data: { _status: 'published' } as never,
    })
    const deleted = await reported(() => app.payload.delete({ collection: 'articles', id }))
    expect(deleted).toEqual([change('delete', ['/su-kien/le-hoi-2026'], [])])
  })

  test('a category renamed reports its old and new path; media report every site (null)', async () => {
    const renamed = await reported(() =>
      app.payload.update({ collection: 'categories', id: news, data: { slug: 'thoi-su' } }),
    )
    expect(renamed).toEqual([
      {
        collection: 'categories',
        id: news,
        site: site.id,
        operation: 'update',
        oldPaths: ['/tin-tuc'],
        newPaths: ['/thoi-su'],
      },
    ])
    const author = await reported(() =>
      app.payload.create({ collection: 'authors', data: { name: 'Hà Vy' } }),
    )
    expect(author).toEqual([
      expect.objectContaining({
        collection: 'authors',
        operation: 'create',
        oldPaths: [],
        newPaths: [],
      }),
    ])
  })
})
