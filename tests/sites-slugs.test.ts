import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { isUniqueViolation } from '../core/database.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'

// Slugs are unique per site: the same title on two sites gives the same slug, twice on one site
// a number. Looked up by slug, each site finds its own document only, whichever route asks.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number

beforeAll(async () => {
  app = await startTestApp()
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim' })
})
afterAll(() => app?.close())

const create = async (collection: string, data: Record<string, unknown>) =>
  (await app.payload.create({
    collection: collection as 'articles',
    data: { _status: 'published', ...data } as never,
  })) as unknown as { id: Id; slug: string }

describe('slugs unique per site', () => {
  it('the same title on two sites gives the same slug; twice on one site, -2', async () => {
    for (const [collection, field] of [
      ['articles', 'title'],
      ['categories', 'title'],
      ['counter-widgets', 'title'],
    ] as const) {
      const onA = await create(collection, { [field]: 'Tin hoạt động', site: a.id })
      const onB = await create(collection, { [field]: 'Tin hoạt động', site: b.id })
      const againOnB = await create(collection, { [field]: 'Tin hoạt động', site: b.id })
      expect([onA.slug, onB.slug, againOnB.slug], collection).toEqual([
        'tin-hoat-dong',
        'tin-hoat-dong',
        'tin-hoat-dong-2',
      ])
    }
  })

  it('a shared author’s slug differs from every site’s, a site’s author’s from the shared ones', async () => {
    const onA = await create('authors', { name: 'Nguyễn Văn An', site: a.id })
    const onB = await create('authors', { name: 'Nguyễn Văn An', site: b.id })
    const shared = await create('authors', { name: 'Nguyễn Văn An' })
    const againOnA = await create('authors', { name: 'Nguyễn Văn An', site: a.id })
    expect([onA.slug, onB.slug, shared.slug, againOnA.slug]).toEqual([
      'nguyen-van-an',
      'nguyen-van-an',
      'nguyen-van-an-2',
      'nguyen-van-an-3',
    ])
  })

  it('an article moved to a site where its slug is taken gets a number there', async () => {
    const taken = await create('articles', { title: 'Bài chuyển trang', site: b.id })
    const moving = await create('articles', { title: 'Bài chuyển trang', site: a.id })
    expect([taken.slug, moving.slug]).toEqual(['bai-chuyen-trang', 'bai-chuyen-trang'])
    const moved = await app.payload.update({
      collection: 'articles',
      id: moving.id,
      data: { site: b.id } as never,
    })
    expect(moved.slug).toBe('bai-chuyen-trang-2')
  })

  it('the (site, slug) index refuses a duplicate that skips the hook (two saves racing)', async () => {
    const first = await create('categories', { title: 'Văn hóa', site: b.id })
    const duplicate = app.payload.db.create({
      collection: 'categories',
      data: { title: 'Văn hóa', slug: first.slug, site: b.id },
      req: {} as never,
    })
    // The adapters report a unique violation as a ValidationError.
    await expect(duplicate).rejects.toSatisfy((error) => isUniqueViolation(error))
    const elsewhere = await app.payload.db.create({
      collection: 'categories',
      data: { title: 'Văn hóa', slug: first.slug, site: a.id },
      req: {} as never,
    })
    expect(elsewhere.slug).toBe(first.slug)
  })
})

describe('lookup by slug on site B never returns site A’s document with the same slug', () => {
  let onA: Id
  let onB: Id
  beforeAll(async () => {
    onA = (await create('articles', { title: 'Hội nghị tổng kết', site: a.id })).id
    onB = (await create('articles', { title: 'Hội nghị tổng kết', site: b.id })).id
  })

  it('REST where[slug][equals]', async () => {
    for (const [site, id] of [
      [b, onB],
      [a, onA],
    ] as const) {
      const response = await app.rest('GET', '/articles?where[slug][equals]=hoi-nghi-tong-ket', {
        headers: onSite(site),
      })
      const docs = ((await response.json()) as { docs: Array<{ id: Id }> }).docs
      expect(docs.map((doc) => doc.id)).toEqual([id])
    }
  })

  it('GraphQL Articles(where: { slug })', async () => {
    const result = await app.graphql(
      '{ Articles(where: { slug: { equals: "hoi-nghi-tong-ket" } }) { docs { id } } }',
      {},
      { headers: onSite(b) },
    )
    expect(result.data.Articles.docs).toEqual([{ id: onB }])
  })

  it('ArticlePage(slug)', async () => {
    const query = '{ ArticlePage(slug: "hoi-nghi-tong-ket") { article { id } } }'
    const onSiteB = await app.graphql(query, {}, { headers: onSite(b) })
    expect(onSiteB.data.ArticlePage.article).toEqual({ id: onB })
    const onSiteA = await app.graphql(query, {}, { headers: onSite(a) })
    expect(onSiteA.data.ArticlePage.article).toEqual({ id: onA })
  })
})
