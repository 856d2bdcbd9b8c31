import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'
import { drawSeedPicture } from '../seed/image.js'

// Two sites: the default one (A, the province) and a commune (B) with its own domain. The same
// titles on both, so the same slugs: nothing of A may show on B's requests, and the other way round.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number
const ids = {} as Record<
  | 'categoryA'
  | 'categoryB'
  | 'authorA'
  | 'authorB'
  | 'authorShared'
  | 'sourceB'
  | 'sourceShared'
  | 'festivalA'
  | 'festivalB'
  | 'draftB'
  | 'mixedB'
  | 'widgetA'
  | 'widgetB'
  | 'media',
  Id
>

beforeAll(async () => {
  app = await startTestApp()
  const { payload } = app
  a = await defaultSite(app)
  b = await addSite(app, {
    name: 'Xã Mường Kim',
    domains: [{ domain: 'muongkim.laichau.gov.vn' }],
    siteUrl: 'https://muongkim.laichau.gov.vn',
  })
  const make = async (collection: string, data: Record<string, unknown>, draft = false) =>
    (await payload.create({ collection: collection as 'articles', data: data as never, draft })).id
  ids.categoryA = await make('categories', { title: 'Tin tức', site: a.id })
  ids.categoryB = await make('categories', { title: 'Tin tức', site: b.id })
  ids.authorA = await make('authors', { name: 'Lò Văn Tỉnh', site: a.id })
  ids.authorB = await make('authors', { name: 'Lò Văn Xã', site: b.id })
  ids.authorShared = await make('authors', { name: 'Phóng viên chung' })
  ids.sourceB = await make('sources', { title: 'Đài truyền thanh xã', site: b.id })
  ids.sourceShared = await make('sources', { title: 'Thông tấn xã Việt Nam' })
  const published = { _status: 'published', publishedAt: '2026-01-10T03:00:00.000Z' }
  ids.festivalA = await make('articles', {
    title: 'Lễ hội hoa ban',
    ...published,
    site: a.id,
    categories: [ids.categoryA],
    authors: [ids.authorA],
  })
  ids.festivalB = await make('articles', {
    title: 'Lễ hội hoa ban',
    ...published,
    site: b.id,
    categories: [ids.categoryB],
    authors: [ids.authorB, ids.authorShared],
    source: ids.sourceShared,
  })
  ids.draftB = await make(
    'articles',
    { title: 'Bản nháp của xã', _status: 'draft', site: b.id },
    true,
  )
  ids.mixedB = await make('articles', {
    title: 'Bài xã có chuyên mục tỉnh',
    ...published,
    site: b.id,
    categories: [ids.categoryB],
  })
  // An article of B that names A's category and author (written before sites were checked, or
  // straight into the database): reading it on B must still never show them.
  await payload.db.updateOne({
    collection: 'articles',
    id: ids.mixedB,
    data: { categories: [ids.categoryB, ids.categoryA], authors: [ids.authorA] },
    req: {} as never,
  })
  ids.widgetA = await make('counter-widgets', { title: 'Lượt truy cập', site: a.id })
  ids.widgetB = await make('counter-widgets', { title: 'Lượt truy cập', site: b.id })
  const picture = await drawSeedPicture(64, 48)
  ids.media = (
    await payload.create({
      collection: 'media',
      data: { alt: 'Ruộng bậc thang' },
      file: { data: picture, mimetype: 'image/jpeg', name: 'ruong.jpg', size: picture.length },
    })
  ).id
})
afterAll(() => app?.close())

const list = async (path: string, headers: Record<string, string> = {}) => {
  const response = await app.rest('GET', path, { headers })
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: Array<{ id: Id }> }).docs.map((doc) => doc.id)
}
const sorted = (values: Id[]) => [...values].map(String).sort()

describe('anonymous REST reads return the request’s site only (shared authors and sources on every site)', () => {
  it('lists of every collection on sites, by x-portal-site', async () => {
    const onB = onSite(b)
    expect(sorted(await list('/articles?limit=100', onB))).toEqual(
      sorted([ids.festivalB, ids.mixedB]),
    )
    expect(await list('/categories', onB)).toEqual([ids.categoryB])
    expect(sorted(await list('/authors', onB))).toEqual(sorted([ids.authorB, ids.authorShared]))
    expect(sorted(await list('/sources', onB))).toEqual(sorted([ids.sourceB, ids.sourceShared]))
    expect(await list('/counter-widgets', onB)).toEqual([ids.widgetB])
  })

  it('by the request’s host among the sites’ domains, and the default site otherwise', async () => {
    expect(sorted(await list('/articles', { host: 'muongkim.laichau.gov.vn' }))).toEqual(
      sorted([ids.festivalB, ids.mixedB]),
    )
    expect(await list('/articles', { host: 'unknown.example' })).toEqual([ids.festivalA])
    expect(await list('/articles')).toEqual([ids.festivalA])
    expect(await list('/categories')).toEqual([ids.categoryA])
    expect(sorted(await list('/authors'))).toEqual(sorted([ids.authorA, ids.authorShared]))
    expect(await list('/sources')).toEqual([ids.sourceShared])
    expect(await list('/counter-widgets')).toEqual([ids.widgetA])
  })

  it('by id: another site’s document is not found', async () => {
    for (const path of [
      `/articles/${ids.festivalA}`,
      `/categories/${ids.categoryA}`,
      `/authors/${ids.authorA}`,
      `/counter-widgets/${ids.widgetA}`,
    ]) {
      const response = await app.rest('GET', path, { headers: onSite(b) })
      expect(response.status, path).toBe(404)
    }
    const own = await app.rest('GET', `/articles/${ids.festivalB}`, { headers: onSite(b) })
    expect(((await own.json()) as { id: Id }).id).toBe(ids.festivalB)
    const shared = await app.rest('GET', `/authors/${ids.authorShared}`, { headers: onSite(b) })
    expect(shared.status).toBe(200)
  })

  it('by slug: the same slug on two sites gives each site its own article', async () => {
    const bySlug = '/articles?where[slug][equals]=le-hoi-hoa-ban'
    expect(await list(bySlug, onSite(b))).toEqual([ids.festivalB])
    expect(await list(bySlug, onSite(a))).toEqual([ids.festivalA])
    expect(await list('/categories?where[slug][equals]=tin-tuc', onSite(b))).toEqual([
      ids.categoryB,
    ])
  })

  it('draft=true gives the public the published articles of its site, never a draft', async () => {
    expect(sorted(await list('/articles?draft=true', onSite(b)))).toEqual(
      sorted([ids.festivalB, ids.mixedB]),
    )
    const draft = await app.rest('GET', `/articles/${ids.draftB}?draft=true`, {
      headers: onSite(b),
    })
    expect(draft.status).toBe(404)
    const versions = await app.rest('GET', '/articles/versions', { headers: onSite(b) })
    expect(versions.status).toBe(403)
  })

  it('populated relationships never bring another site’s category or author (only its id)', async () => {
    const response = await app.rest('GET', `/articles/${ids.mixedB}?depth=1`, {
      headers: onSite(b),
    })
    const article = (await response.json()) as { categories: unknown[]; authors: unknown[] }
    expect(article.categories).toEqual([
      expect.objectContaining({ id: ids.categoryB, slug: 'tin-tuc' }),
      ids.categoryA,
    ])
    expect(article.authors).toEqual([ids.authorA])
  })

  it('media stay global: every site lists the same library', async () => {
    expect(await list('/media', onSite(b))).toEqual([ids.media])
    expect(await list('/media', onSite(a))).toEqual([ids.media])
  })
})

describe('anonymous GraphQL reads return the request’s site only', () => {
  it('lists, by slug and by id', async () => {
    const result = await app.graphql(
      `query {
        Articles(limit: 100) { docs { id } }
        bySlug: Articles(where: { slug: { equals: "le-hoi-hoa-ban" } }) { docs { id } }
        Categories { docs { id } }
        Authors { docs { id } }
        Sources { docs { id } }
        CounterWidgets { docs { id } }
      }`,
      {},
      { headers: onSite(b) },
    )
    expect(result.errors).toBeUndefined()
    const idsOf = (key: string) => result.data[key].docs.map((doc: { id: Id }) => doc.id)
    expect(sorted(idsOf('Articles'))).toEqual(sorted([ids.festivalB, ids.mixedB]))
    expect(idsOf('bySlug')).toEqual([ids.festivalB])
    expect(idsOf('Categories')).toEqual([ids.categoryB])
    expect(sorted(idsOf('Authors'))).toEqual(sorted([ids.authorB, ids.authorShared]))
    expect(sorted(idsOf('Sources'))).toEqual(sorted([ids.sourceB, ids.sourceShared]))
    expect(idsOf('CounterWidgets')).toEqual([ids.widgetB])

    const other = await app.graphql(
      `query ($id: Int!) { Article(id: $id) { id } }`,
      { id: ids.festivalA },
      { headers: onSite(b) },
    )
    expect(other.data?.Article ?? null).toBeNull()
    expect(other.errors?.[0]?.extensions?.statusCode).toBe(404)
  })

  it('relationships leave out another site’s category or author', async () => {
    const result = await app.graphql(
      `query ($id: Int!) { Article(id: $id) { categories { id } authors { id } } }`,
      { id: ids.mixedB },
      { headers: onSite(b) },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.Article).toEqual({ categories: [{ id: ids.categoryB }], authors: [] })
  })
})

describe('the Local API with overrideAccess: false reads as the public of the request’s site', () => {
  it('without a request: the default site; with one naming B: B', async () => {
    const read = async (headers?: Record<string, string>) =>
      (
        await app.payload.find({
          collection: 'articles',
          overrideAccess: false,
          depth: 0,
          ...(headers ? { req: { headers: new Headers(headers) } } : {}),
        })
      ).docs.map((doc) => doc.id)
    expect(await read()).toEqual([ids.festivalA])
    expect(sorted(await read(onSite(b)))).toEqual(sorted([ids.festivalB, ids.mixedB]))
  })
})

describe('an unknown x-portal-site is UNKNOWN_SITE naming the header, never another site', () => {
  const message = 'The x-portal-site header names no site: "xa-khong-co".'

  it('REST: 400 with the code and the header as field', async () => {
    for (const path of ['/articles', '/categories', `/articles/${ids.festivalA}`]) {
      const response = await app.rest('GET', path, { headers: onSite('xa-khong-co') })
      expect(response.status, path).toBe(400)
      expect(await response.json()).toEqual({
        errors: [{ message, code: 'UNKNOWN_SITE', field: 'x-portal-site' }],
      })
    }
  })

  it('GraphQL: extensions.code UNKNOWN_SITE, and no data', async () => {
    const result = await app.graphql(
      '{ Articles { docs { id } } }',
      {},
      { headers: onSite('xa-khong-co') },
    )
    expect(result.data?.Articles ?? null).toBeNull()
    expect(result.errors).toHaveLength(1)
    expect(result.errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'UNKNOWN_SITE', field: 'x-portal-site', statusCode: 400 },
    })
  })
})
