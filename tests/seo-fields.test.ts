import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPayload } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { countQueries } from './helpers/queryCount.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'

// SEO: optional meta title, description and image on articles and pages, and `canonicalUrl`
// computed from the site's address and the public path (never stored, never written).
let app: TestApp
let a: TestSite
let b: TestSite
let image: string | number

beforeAll(async () => {
  app = await startTestApp({ siteUrl: 'https://thanuyen.laichau.gov.vn/' })
  a = await defaultSite(app)
  // A site without an address: no canonical URL can be made for it.
  b = await addSite(app, { name: 'Xã Mường Kim' })
  const { payload } = app
  image = (
    await payload.create({
      collection: 'media',
      data: { alt: 'Ruộng bậc thang' },
      file: {
        data: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
        mimetype: 'image/png',
        name: 'ruong-bac-thang.png',
        size: 68,
      },
    })
  ).id
  const category = (
    await payload.create({
      collection: 'categories',
      data: { title: 'Tin tức sự kiện', site: a.id } as never,
    })
  ).id
  for (let n = 1; n <= 3; n++) {
    await payload.create({
      collection: 'articles',
      data: {
        title: `Mùa vàng ${n}`,
        _status: 'published',
        site: a.id,
        categories: [category],
        ...(n === 1
          ? {
              meta: {
                title: 'Mùa vàng Than Uyên',
                description: 'Ruộng bậc thang mùa lúa chín.',
                image,
              },
            }
          : {}),
      } as never,
    })
  }
  await payload.create({
    collection: 'articles',
    data: { title: 'Không chuyên mục', _status: 'published', site: a.id } as never,
  })
  await payload.create({
    collection: 'articles',
    data: { title: 'Tin xã', _status: 'published', site: b.id } as never,
  })
})
afterAll(() => app?.close())

const ARTICLE = `query ($slug: String!) {
  Articles(where: { slug: { equals: $slug } }) {
    docs { canonicalUrl meta { title description image { alt url } } }
  }
}`
const article = async (slug: string, headers?: Record<string, string>) => {
  const result = await app.graphql(ARTICLE, { slug }, { headers })
  expect(result.errors).toBeUndefined()
  return result.data.Articles.docs[0]
}

describe('SEO fields', () => {
  it('an article has its meta fields and its canonical URL under its primary category', async () => {
    expect(await article('mua-vang-1')).toEqual({
      canonicalUrl: 'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/mua-vang-1',
      meta: {
        title: 'Mùa vàng Than Uyên',
        description: 'Ruộng bậc thang mùa lúa chín.',
        image: { alt: 'Ruộng bậc thang', url: '/api/media/file/ruong-bac-thang.png' },
      },
    })
    expect(await article('mua-vang-2')).toEqual({
      canonicalUrl: 'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/mua-vang-2',
      meta: { title: null, description: null, image: null },
    })
  })

  it('without a category the path is the slug; a site without an address gives null', async () => {
    expect((await article('khong-chuyen-muc')).canonicalUrl).toBe(
      'https://thanuyen.laichau.gov.vn/khong-chuyen-muc',
    )
    expect((await article('tin-xa', onSite(b))).canonicalUrl).toBeNull()
  })

  it('ArticlePage gives the canonical URL too', async () => {
    const result = await app.graphql(
      `{ ArticlePage(slug: "mua-vang-3") { article { canonicalUrl } } }`,
    )
    expect(result.data.ArticlePage.article.canonicalUrl).toBe(
      'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/mua-vang-3',
    )
  })

  it('a list of canonical URLs costs one read of categories', async () => {
    const served = await getPayload({ config: app.config })
    const { calls } = await countQueries(served, async () => {
      const result = await app.graphql(`{ Articles(limit: 10) { docs { canonicalUrl } } }`)
      expect(result.data.Articles.docs).toHaveLength(4)
    })
    expect(calls.filter((call) => call === 'find:categories')).toHaveLength(1)
  })

  it('canonicalUrl is never stored nor written; a meta title over 120 characters is refused', async () => {
    const doc = await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Tin ghi đè',
        _status: 'published',
        site: a.id,
        canonicalUrl: 'https://evil.example/',
      } as never,
    })
    expect((doc as { canonicalUrl?: string }).canonicalUrl).toBe(
      'https://thanuyen.laichau.gov.vn/tin-ghi-de',
    )
    await expect(
      app.payload.create({
        collection: 'articles',
        data: { title: 'Quá dài', site: a.id, meta: { title: 'x'.repeat(121) } } as never,
      }),
    ).rejects.toMatchObject({ data: { errors: [{ path: 'meta.title' }] } })
  })

  it('a page has meta fields and its canonical URL under /trang/', async () => {
    await app.payload.create({
      collection: 'pages',
      data: {
        title: 'Liên hệ',
        _status: 'published',
        site: a.id,
        meta: { description: 'Địa chỉ và điện thoại.' },
      } as never,
    })
    const result = await app.graphql(
      `{ Pages(where: { slug: { equals: "lien-he" } }) { docs { canonicalUrl meta { title description } } } }`,
    )
    expect(result.data.Pages.docs).toEqual([
      {
        canonicalUrl: 'https://thanuyen.laichau.gov.vn/trang/lien-he',
        meta: { title: null, description: 'Địa chỉ và điện thoại.' },
      },
    ])
  })
})
