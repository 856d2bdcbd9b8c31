import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'
import { paragraph, richText } from '../core/lexical.js'

// One site's articles that "hội thảo" finds in the title, the lead and the body; others found by
// byline, author and source; and what must never be found: a draft, a scheduled and an expired
// article, and another site's.
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number
const ids: Record<string, Id> = {}

const SEARCH = `query ($q: String!, $category: String, $page: Int, $limit: Int) {
  SearchArticles(q: $q, category: $category, page: $page, limit: $limit) {
    docs { title } totalDocs page totalPages
  }
}`

interface SearchAnswer {
  titles: string[]
  totalDocs: number
  page: number
  totalPages: number
}

async function search(
  q: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SearchAnswer> {
  const { data, errors } = await app.graphql(SEARCH, { q, ...variables }, { headers })
  expect(errors).toBeUndefined()
  const { docs, ...rest } = data.SearchArticles as { docs: Array<{ title: string }> } & SearchAnswer
  return { ...rest, titles: docs.map((doc) => doc.title) }
}

const titles = async (
  q: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => (await search(q, variables, headers)).titles

async function refused(variables: Record<string, unknown>) {
  const { status, data, errors } = await app.graphql(SEARCH, variables)
  expect(data).toBeNull()
  expect(errors).toHaveLength(1)
  return { status, error: errors![0] }
}

const published = (publishedAt: string) => ({ _status: 'published', publishedAt })
const HOUR = 3_600_000

beforeAll(async () => {
  app = await startTestApp()
  const { payload } = app
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim', siteUrl: 'https://muongkim.laichau.gov.vn' })
  const make = async (collection: string, data: Record<string, unknown>, draft = false) =>
    (await payload.create({ collection: collection as 'articles', data: data as never, draft })).id
  ids.news = await make('categories', { title: 'Tin tức', site: a.id })
  ids.culture = await make('categories', { title: 'Văn hóa', site: a.id })
  ids.author = await make('authors', { name: 'Đặng Văn Hùng' })
  ids.source = await make('sources', { title: 'Thông tấn xã Việt Nam' })
  const onA = { site: a.id, categories: [ids.news] }
  ids.farming = await make('articles', {
    title: 'Hội thảo nông nghiệp sạch',
    ...published('2026-01-01T03:00:00.000Z'),
    ...onA,
  })
  ids.tourism = await make('articles', {
    title: 'Hội thảo du lịch cộng đồng',
    ...published('2026-01-03T03:00:00.000Z'),
    site: a.id,
    categories: [ids.culture],
  })
  ids.yearEnd = await make('articles', {
    title: 'Tổng kết năm',
    lead: 'Buổi HỘI THẢO diễn ra sôi nổi.',
    ...published('2026-01-05T03:00:00.000Z'),
    ...onA,
  })
  ids.roads = await make('articles', {
    title: 'Tin vắn',
    body: richText(paragraph('Một cuộc hội thảo về đường sá miền núi.')),
    ...published('2026-01-04T03:00:00.000Z'),
    ...onA,
  })
  ids.byline = await make('articles', {
    title: 'Ghi chép vùng cao',
    byline: 'Nguyễn Đình Thi',
    ...published('2026-01-02T03:00:00.000Z'),
    ...onA,
  })
  ids.report = await make('articles', {
    title: 'Phóng sự bản Mông',
    authors: [ids.author],
    ...published('2026-01-02T04:00:00.000Z'),
    ...onA,
  })
  ids.notice = await make('articles', {
    title: 'Thông cáo báo chí',
    source: ids.source,
    ...published('2026-01-02T05:00:00.000Z'),
    ...onA,
  })
  const now = Date.now()
  await make('articles', { title: 'Hội thảo bản nháp', _status: 'draft', ...onA }, true)
  await make('articles', {
    title: 'Hội thảo sắp diễn ra',
    ...published(new Date(now + 24 * HOUR).toISOString()),
    ...onA,
  })
  await make('articles', {
    title: 'Hội thảo đã hết hạn',
    ...published('2025-12-01T03:00:00.000Z'),
    expiresAt: new Date(now - HOUR).toISOString(),
    ...onA,
  })
  await make('articles', {
    title: 'Hội thảo ở xã',
    ...published('2026-01-06T03:00:00.000Z'),
    site: b.id,
  })
})
afterAll(() => app?.close())

describe('SearchArticles: what it finds, in which order', () => {
  it('title matches first, newest first, then lead and body matches, newest first', async () => {
    expect(await search('hội thảo')).toEqual({
      titles: [
        'Hội thảo du lịch cộng đồng',
        'Hội thảo nông nghiệp sạch',
        'Tổng kết năm',
        'Tin vắn',
      ],
      totalDocs: 4,
      page: 1,
      totalPages: 1,
    })
  })

  it('ignores case and Vietnamese marks, đ = d, and the last word may be a beginning', async () => {
    const all = [
      'Hội thảo du lịch cộng đồng',
      'Hội thảo nông nghiệp sạch',
      'Tổng kết năm',
      'Tin vắn',
    ]
    expect(await titles('hoi thao')).toEqual(all)
    expect(await titles('HOI THAO')).toEqual(all)
    expect(await titles('Hội Thả')).toEqual(all)
    expect(await titles('hoi th')).toEqual(all)
    expect(await titles('duong sa')).toEqual(['Tin vắn'])
    expect(await titles('đường')).toEqual(['Tin vắn'])
    expect(await titles('cong dong')).toEqual(['Hội thảo du lịch cộng đồng'])
  })

  it('every word must match: "hội thảo du lịch" finds one article', async () => {
    expect(await titles('hội thảo du lịch')).toEqual(['Hội thảo du lịch cộng đồng'])
    expect(await titles('hội thảo hàng không')).toEqual([])
  })

  it('finds the byline, the authors and the source', async () => {
    expect(await titles('dinh thi')).toEqual(['Ghi chép vùng cao'])
    expect(await titles('Đặng Văn Hùng')).toEqual(['Phóng sự bản Mông'])
    expect(await titles('dang van')).toEqual(['Phóng sự bản Mông'])
    expect(await titles('thong tan xa')).toEqual(['Thông cáo báo chí'])
  })

  it('pages: limit and page, with the total', async () => {
    expect(await search('hoi thao', { limit: 3, page: 1 })).toEqual({
      titles: ['Hội thảo du lịch cộng đồng', 'Hội thảo nông nghiệp sạch', 'Tổng kết năm'],
      totalDocs: 4,
      page: 1,
      totalPages: 2,
    })
    expect(await search('hoi thao', { limit: 3, page: 2 })).toEqual({
      titles: ['Tin vắn'],
      totalDocs: 4,
      page: 2,
      totalPages: 2,
    })
    expect(await search('hoi thao', { limit: 3, page: 3 })).toEqual({
      titles: [],
      totalDocs: 4,
      page: 3,
      totalPages: 2,
    })
  })

  it('in one category of the site, by its slug', async () => {
    expect(await titles('hoi thao', { category: 'van-hoa' })).toEqual([
      'Hội thảo du lịch cộng đồng',
    ])
    expect(await titles('hoi thao', { category: 'tin-tuc' })).toEqual([
      'Hội thảo nông nghiệp sạch',
      'Tổng kết năm',
      'Tin vắn',
    ])
    const { error } = await refused({ q: 'hoi thao', category: 'khong-co' })
    expect(error.message).toBe('category: no category has the slug "khong-co".')
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'category' })
  })

  it('on the request’s site only', async () => {
    expect(await titles('hoi thao', {}, onSite(b))).toEqual(['Hội thảo ở xã'])
    expect(await titles('nong nghiep', {}, onSite(b))).toEqual([])
    expect(await titles('nong nghiep', {}, onSite(a))).toEqual(['Hội thảo nông nghiệp sạch'])
  })

  it('never a draft, a scheduled or an expired article, even for an editor', async () => {
    for (const q of ['ban nhap', 'sap dien ra', 'het han']) expect(await titles(q)).toEqual([])
    const { token } = await userOn(app, 'editor@search.test', ['editor'], [a])
    for (const q of ['ban nhap', 'sap dien ra', 'het han']) {
      const { data } = await app.graphql(SEARCH, { q }, { token })
      expect(data.SearchArticles).toEqual({ docs: [], totalDocs: 0, page: 1, totalPages: 0 })
    }
  })
})
