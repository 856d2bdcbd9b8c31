import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { prepareSearchIndex } from '../features/search/index.js'
import { SEARCH_TABLE } from '../features/search/store.js'
import { emptySearchIndex, searchIndexHolds } from './helpers/searchIndex.js'

// The index follows every change at once: publish, edit, draft edit, unpublish, delete, an
// author's or source's rename; time alone (a schedule, an expiry) needs no reindexing.
let app: TestApp
type Id = string | number

const SEARCH = `query ($q: String!, $page: Int, $limit: Int) {
  SearchArticles(q: $q, page: $page, limit: $limit) { docs { id title } totalDocs page totalPages }
}`

async function titles(q: string): Promise<string[]> {
  const { data, errors } = await app.graphql(SEARCH, { q })
  expect(errors).toBeUndefined()
  return (data.SearchArticles.docs as Array<{ title: string }>).map((doc) => doc.title)
}

const create = async (data: Record<string, unknown>) =>
  (await app.payload.create({ collection: 'articles', data: data as never })).id as Id
const update = (id: Id, data: Record<string, unknown>, draft = false) =>
  app.payload.update({ collection: 'articles', id, data: data as never, draft })
const PUBLISHED = { _status: 'published', publishedAt: '2026-02-01T03:00:00.000Z' }

beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

describe('the search index follows the articles', () => {
  it('a published article is found at once; an edit replaces its words', async () => {
    const id = await create({ title: 'Khánh thành cầu treo Pá Hu', ...PUBLISHED })
    expect(await titles('cau treo')).toEqual(['Khánh thành cầu treo Pá Hu'])
    await update(id, { title: 'Khánh thành đường liên xã' })
    expect(await titles('cau treo')).toEqual([])
    expect(await titles('duong lien xa')).toEqual(['Khánh thành đường liên xã'])
  })

  it('a draft edit of a published article is not searchable; the published text still is', async () => {
    const id = await create({ title: 'Mùa hoa tam giác mạch', ...PUBLISHED })
    await update(id, { title: 'Mùa lúa chín vàng' }, true)
    expect(await titles('lua chin')).toEqual([])
    expect(await titles('tam giac mach')).toEqual(['Mùa hoa tam giác mạch'])
  })

  it('an unpublished article is gone, and back when published again', async () => {
    const id = await create({ title: 'Giải bóng chuyền thanh niên', ...PUBLISHED })
    await update(id, { _status: 'draft' })
    expect(await titles('bong chuyen')).toEqual([])
    await update(id, { _status: 'published' })
    expect(await titles('bong chuyen')).toEqual(['Giải bóng chuyền thanh niên'])
  })

  it('a deleted article is gone, its index row too', async () => {
    const id = await create({ title: 'Hội chợ hàng nông sản', ...PUBLISHED })
    expect(await searchIndexHolds(app.payload, id)).toBe(true)
    await app.payload.delete({ collection: 'articles', id })
    expect(await titles('hoi cho')).toEqual([])
    expect(await searchIndexHolds(app.payload, id)).toBe(false)
  })

  it('a scheduled article appears and an expiring one disappears on time, without reindexing', async () => {
    const soon = new Date(Date.now() + 1_500).toISOString()
    await create({ title: 'Lịch tiếp công dân tháng ba', _status: 'published', publishedAt: soon })
    await create({
      title: 'Thông báo tiếp công dân tháng hai',
      ...PUBLISHED,
      expiresAt: soon,
    })
    expect(await titles('tiep cong dan')).toEqual(['Thông báo tiếp công dân tháng hai'])
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(await titles('tiep cong dan')).toEqual(['Lịch tiếp công dân tháng ba'])
  })

  it('an author’s or a source’s new name finds their articles, the old one no longer', async () => {
    const author = await app.payload.create({ collection: 'authors', data: { name: 'Lò Văn Páo' } })
    const source = await app.payload.create({
      collection: 'sources',
      data: { title: 'Báo Lai Châu' },
    })
    await create({
      title: 'Bản tin nông thôn',
      authors: [author.id],
      source: source.id,
      ...PUBLISHED,
    })
    expect(await titles('lo van pao')).toEqual(['Bản tin nông thôn'])
    await app.payload.update({ collection: 'authors', id: author.id, data: { name: 'Lò Thị Mai' } })
    expect(await titles('lo van pao')).toEqual([])
    expect(await titles('lo thi mai')).toEqual(['Bản tin nông thôn'])
    await app.payload.update({
      collection: 'sources',
      id: source.id,
      data: { title: 'Đài Phát thanh tỉnh' },
    })
    expect(await titles('bao lai chau')).toEqual([])
    expect(await titles('dai phat thanh')).toEqual(['Bản tin nông thôn'])
  })

  it('an empty index (a database from before search) is filled from every article at start', async () => {
    await create({ title: 'Tuyên truyền phòng chống cháy rừng', ...PUBLISHED })
    await emptySearchIndex(app.payload)
    // Another spelling: the public cache keeps this empty answer (a real backfill runs before any request).
    expect(await titles('CHÁY RỪNG')).toEqual([])
    const { totalDocs } = await app.payload.count({ collection: 'articles' })
    expect(await prepareSearchIndex(app.payload)).toBe(totalDocs)
    expect(await titles('chay rung')).toEqual(['Tuyên truyền phòng chống cháy rừng'])
    // Not empty any more: the next start indexes nothing.
    expect(await prepareSearchIndex(app.payload)).toBe(0)
  })
})

describe('odd input is a 400 naming it, or an empty answer; never a 500', () => {
  const refusal = async (variables: Record<string, unknown>) => {
    const { status, data, errors } = await app.graphql(SEARCH, variables)
    expect(data).toBeNull()
    expect(errors).toHaveLength(1)
    return { status, message: errors![0].message, extensions: errors![0].extensions }
  }

  it.each([
    [{ q: '' }, 'q', 'q must not be empty.'],
    [{ q: '   \n\t' }, 'q', 'q must not be empty.'],
    [{ q: 'hội thảo '.repeat(556) }, 'q', 'q must be at most 200 characters; got 5004.'],
    [{ q: 'hoi\u0000thao' }, 'q', 'q must not contain control characters.'],
    [{ q: 'hoi', limit: 101 }, 'limit', 'limit must be an integer from 1 to 100; got 101.'],
    [{ q: 'hoi', limit: 0 }, 'limit', 'limit must be an integer from 1 to 100; got 0.'],
    [{ q: 'hoi', page: 0 }, 'page', 'page must be an integer of at least 1; got 0.'],
    [{ q: 'hoi', page: -3 }, 'page', 'page must be an integer of at least 1; got -3.'],
  ])('%# is refused naming %s', async (variables, field, message) => {
    const answer = await refusal(variables)
    // GraphQL answers 200 with the error's status in extensions, as for Payload's own errors.
    expect(answer.status).toBe(200)
    expect(answer.message).toBe(message)
    expect(answer.extensions).toMatchObject({ code: 'VALIDATION', field, statusCode: 400 })
  })

  it.each([
    '"',
    '""',
    'AND OR NEAR * " ( ) ^ -',
    '^*',
    '( )',
    '-',
    ':',
    "'; DROP TABLE articles; --",
  ])('full-text operators are plain text: %j finds nothing', async (q) => {
    const { status, data, errors } = await app.graphql(SEARCH, { q })
    expect(errors).toBeUndefined()
    expect(status).toBe(200)
    expect(data.SearchArticles).toEqual({ docs: [], totalDocs: 0, page: 1, totalPages: 0 })
  })

  it('quotes, stars and operators around words are ignored: the words are searched', async () => {
    await create({ title: 'Hội thảo "chuyển đổi số" cấp xã', ...PUBLISHED })
    for (const q of [
      '"chuyển đổi số"',
      'chuyen* (doi) so^',
      '-chuyen -doi -so',
      'title:chuyen doi so',
    ])
      expect(await titles(q), q).toEqual(
        q.startsWith('title:') ? [] : ['Hội thảo "chuyển đổi số" cấp xã'],
      )
  })
})

// MongoDB has no schema push: its models only ever touch their own collections.
const onMongo = /^mongodb(\+srv)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '')

describe.skipIf(onMongo)('development’s schema push', () => {
  it('leaves the search index alone (it is no table of Payload’s schema)', async () => {
    await create({ title: 'Sơ kết công tác phòng cháy', ...PUBLISHED })
    const db = app.payload.db as unknown as {
      schema: unknown
      drizzle: unknown
      schemaName?: string
      tablesFilter?: string[]
      requireDrizzleKit: () => {
        pushSchema: (...args: unknown[]) => Promise<{ statementsToExecute: string[] }>
      }
    }
    // As Payload's pushDevSchema calls it on every development start.
    const { statementsToExecute } = await db
      .requireDrizzleKit()
      .pushSchema(
        db.schema,
        db.drizzle,
        db.schemaName ? [db.schemaName] : undefined,
        db.tablesFilter,
      )
    expect(statementsToExecute.filter((statement) => statement.includes(SEARCH_TABLE))).toEqual([])
    // Every other table is still compared (a filter hiding them all would create them again).
    expect(statementsToExecute.filter((statement) => /CREATE TABLE/i.test(statement))).toEqual([])
    expect(await titles('so ket')).toEqual(['Sơ kết công tác phòng cháy'])
  })
})
