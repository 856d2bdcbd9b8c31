import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPayload } from 'payload'
import { countQueries } from './helpers/queryCount.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'

// Topics ("dòng sự kiện"): site-scoped like categories; ArticlePage.related lists up to 5 public
// articles sharing a topic with the page's article, newest first, never the article itself.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number
let flood: Id
let storm: Id
let stormOnB: Id

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 3)).toISOString()

const article = async (title: string, day: number, data: Record<string, unknown> = {}) =>
  (
    await app.payload.create({
      collection: 'articles',
      data: { title, _status: 'published', publishedAt: at(day), site: a.id, ...data } as never,
    })
  ).id

beforeAll(async () => {
  app = await startTestApp()
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim' })
  const topic = async (title: string, site: TestSite) =>
    (await app.payload.create({ collection: 'topics', data: { title, site: site.id } as never })).id
  flood = await topic('Lũ quét tháng Bảy', a)
  storm = await topic('Bão số 3', a)
  stormOnB = await topic('Bão số 3', b)
  // Days 1..8 on the flood topic; day 9 on both; one draft, one scheduled, one expired on it.
  for (let day = 1; day <= 8; day++) await article(`Lũ ngày ${day}`, day, { topics: [flood] })
  await article('Lũ và bão', 9, { topics: [storm, flood] })
  await article('Bản nháp lũ', 10, { topics: [flood], _status: 'draft' })
  await article('Lũ hẹn giờ', 11, { topics: [flood], publishedAt: at(400) })
  await article('Lũ hết hạn', 12, { topics: [flood], expiresAt: at(13) })
  await article('Bão riêng', 14, { topics: [storm] })
  await article('Không dòng sự kiện', 15)
})
afterAll(() => app?.close())

const PAGE = `query ($slug: String!) {
  ArticlePage(slug: $slug) { article { title } related { title publishedAt } }
}`
const related = async (slug: string) => {
  const result = await app.graphql(PAGE, { slug })
  expect(result.errors).toBeUndefined()
  return (result.data.ArticlePage.related as Array<{ title: string }>).map((card) => card.title)
}

describe('topics', () => {
  it('get a Vietnamese slug unique per site', async () => {
    const { docs } = await app.payload.find({ collection: 'topics', sort: 'createdAt', depth: 0 })
    expect(
      docs.map((doc) => [doc.slug, String((doc as unknown as { site: unknown }).site)]),
    ).toEqual([
      ['lu-quet-thang-bay', String(a.id)],
      ['bao-so-3', String(a.id)],
      ['bao-so-3', String(b.id)],
    ])
    const again = await app.payload.create({
      collection: 'topics',
      data: { title: 'Bão số 3', site: a.id } as never,
    })
    expect(again.slug).toBe('bao-so-3-2')
    await app.payload.delete({ collection: 'topics', id: again.id })
  })

  it('an article may not take a topic of another site', async () => {
    await expect(
      app.payload.create({
        collection: 'articles',
        data: { title: 'Sai trang', site: a.id, topics: [stormOnB] } as never,
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [
          { path: 'topics', message: `topics ${stormOnB} is on another site than this document.` },
        ],
      },
    })
  })

  it("a topic's articles through GraphQL: public ones only, on the topic's site", async () => {
    const result = await app.graphql(
      `query ($topic: [JSON]) { Articles(where: { topics: { in: $topic } }, sort: "-publishedAt", limit: 20) { docs { title } totalDocs } }`,
      { topic: [storm] },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.Articles.docs.map((doc: { title: string }) => doc.title)).toEqual([
      'Bão riêng',
      'Lũ và bão',
    ])
    const onB = await app.graphql(
      `query ($topic: [JSON]) { Articles(where: { topics: { in: $topic } }) { totalDocs } }`,
      { topic: [storm] },
      { headers: onSite(b) },
    )
    expect(onB.data.Articles.totalDocs).toBe(0)
  })

  it('Topics by slug on each site', async () => {
    const query = `{ Topics(where: { slug: { equals: "bao-so-3" } }) { docs { id title slug } } }`
    const onA = await app.graphql(query)
    const onB = await app.graphql(query, {}, { headers: onSite(b) })
    expect(onA.data.Topics.docs).toEqual([{ id: storm, title: 'Bão số 3', slug: 'bao-so-3' }])
    expect(onB.data.Topics.docs).toEqual([{ id: stormOnB, title: 'Bão số 3', slug: 'bao-so-3' }])
  })
})

describe('ArticlePage.related', () => {
  it('up to 5 public articles sharing a topic, newest first, never the article itself', async () => {
    expect(await related('lu-ngay-1')).toEqual([
      'Lũ và bão',
      'Lũ ngày 8',
      'Lũ ngày 7',
      'Lũ ngày 6',
      'Lũ ngày 5',
    ])
    expect(await related('lu-ngay-8')).toEqual([
      'Lũ và bão',
      'Lũ ngày 7',
      'Lũ ngày 6',
      'Lũ ngày 5',
      'Lũ ngày 4',
    ])
  })

  it('through any of its topics, each article once', async () => {
    expect(await related('bao-rieng')).toEqual(['Lũ và bão'])
    expect(await related('lu-va-bao')).toEqual([
      'Bão riêng',
      'Lũ ngày 8',
      'Lũ ngày 7',
      'Lũ ngày 6',
      'Lũ ngày 5',
    ])
  })

  it('is empty for an article without topics', async () => {
    expect(await related('khong-dong-su-kien')).toEqual([])
  })

  it('costs one read of articles when asked for, none otherwise', async () => {
    const served = await getPayload({ config: app.config })
    const articleReads = async (query: string) => {
      const { calls } = await countQueries(served, async () => {
        const result = await app.graphql(query)
        expect(result.errors).toBeUndefined()
      })
      return calls.filter((call) => call === 'find:articles').length
    }
    const plain = await articleReads(
      `{ ArticlePage(slug: "lu-ngay-1") { article { title } newer { id } older { id } } }`,
    )
    const withRelated = await articleReads(
      `{ ArticlePage(slug: "lu-ngay-1") { article { title } newer { id } older { id } related { id } } }`,
    )
    expect([plain, withRelated]).toEqual([3, 4])
  })
})
