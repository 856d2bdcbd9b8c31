import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPortalClient, type PortalClient } from '../sdk/src/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seed } from '../seed/index.js'

// The SDK's topics, pages, articles of a topic, related articles and old slugs, against the
// real GraphQL route with the demo seed.
let app: TestApp
let portal: PortalClient
type Id = string | number
let topic: Id

beforeAll(async () => {
  app = await startTestApp({ siteUrl: 'https://thanuyen.laichau.gov.vn' })
  await seed(app.payload, { log: false })
  portal = createPortalClient({
    endpoint: 'http://localhost:3000/api/graphql',
    fetch: (input, init) => app.graphqlRoute(new Request(input, init)),
  })
  const { payload } = app
  topic = (await payload.create({ collection: 'topics', data: { title: 'Nông thôn mới' } })).id
  const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString()
  for (const day of [1, 2, 3])
    await payload.create({
      collection: 'articles',
      data: {
        title: `Nông thôn mới ${day}`,
        _status: 'published',
        publishedAt: at(day),
        topics: [topic],
      } as never,
    })
  const renamed = await payload.find({
    collection: 'categories',
    where: { slug: { equals: 'tin-tuc-su-kien' } },
    depth: 0,
  })
  await payload.update({
    collection: 'categories',
    id: renamed.docs[0].id,
    data: { slug: 'tin-tuc' },
  })
})
afterAll(() => app?.close())

describe('SDK: topics, pages, related articles, old slugs', () => {
  it('topics.list and topics.bySlug; articles.list({ topic }) newest first', async () => {
    const list = await portal.topics.list()
    expect(list.docs.map((doc) => doc.slug)).toEqual(['nong-thon-moi'])
    const found = await portal.topics.bySlug('nong-thon-moi')
    expect(found).toMatchObject({
      id: topic,
      title: 'Nông thôn mới',
      description: null,
      canonicalUrl: 'https://thanuyen.laichau.gov.vn/chu-de/nong-thon-moi',
    })
    expect(await portal.topics.bySlug('khong-co')).toBeNull()
    const articles = await portal.articles.list({ topic, sort: '-publishedAt' })
    expect(articles.docs.map((doc) => doc.title)).toEqual([
      'Nông thôn mới 3',
      'Nông thôn mới 2',
      'Nông thôn mới 1',
    ])
  })

  it('articles.page gives the related articles and the article its topics, meta and canonical URL', async () => {
    const page = (await portal.articles.page('nong-thon-moi-2'))!
    expect(page.related.map((card) => card.title)).toEqual(['Nông thôn mới 3', 'Nông thôn mới 1'])
    expect(page.article.topics).toEqual([
      { id: topic, title: 'Nông thôn mới', slug: 'nong-thon-moi' },
    ])
    expect(page.article.meta).toEqual({ title: null, description: null, image: null })
    expect(page.article.canonicalUrl).toBe('https://thanuyen.laichau.gov.vn/nong-thon-moi-2')
  })

  it('pages.list and pages.bySlug in Vietnamese and English', async () => {
    const list = await portal.pages.list({ sort: 'createdAt' })
    expect(list.docs.map((doc) => [doc.title, doc.parent?.slug ?? null])).toEqual([
      ['Giới thiệu', null],
      ['Cơ cấu tổ chức', 'gioi-thieu'],
      ['Liên hệ', null],
    ])
    const contact = await portal.pages.bySlug('lien-he', { locale: 'en' })
    expect(contact).toMatchObject({
      title: 'Contact',
      slug: 'lien-he',
      canonicalUrl: 'https://thanuyen.laichau.gov.vn/trang/lien-he',
    })
    expect(contact?.bodyHtml).toContain('Phone: 0213 3784 224.')
    expect(await portal.pages.bySlug('khong-co')).toBeNull()
  })

  it('categories.bySlug finds a category by its old slug, with its current slug', async () => {
    expect((await portal.categories.bySlug('tin-tuc-su-kien'))?.slug).toBe('tin-tuc')
    expect((await portal.categories.bySlug('tin-tuc'))?.slug).toBe('tin-tuc')
    expect(await portal.categories.bySlug('khong-co')).toBeNull()
  })
})
