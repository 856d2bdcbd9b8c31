import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installIdFirstReads } from '../features/content/idFirstReads.js'
import { resolveOptions } from '../plugin/options.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { recordStatements } from './helpers/recordSql.js'
import { defaultSite, userOn } from './helpers/sites.js'

// Issue 17: a page after the first of articles reads its ids (with the final where, sort and
// page), then only those rows. Every read below is made with the wrapper off (the plugin started
// with `idFirstReads: false`), then again once it is installed: same docs, same figures. No
// public cache, so every read reaches the database.
let app: TestApp
let routes: Payload
let categoryId: string | number
let editorToken: string

const FIGURES =
  'totalDocs totalPages page limit hasNextPage hasPrevPage nextPage prevPage pagingCounter'
const FIELDS = 'id title slug lead tags publishedAt primaryCategory { id } categories { id }'
const graphqlPage = (args: string) => `{ Articles(${args}) { ${FIGURES} docs { ${FIELDS} } } }`

/** Every read compared, as [name, read]: public GraphQL and REST, and an editor's drafts. */
const reads = (): Array<[string, () => Promise<unknown>]> => {
  const where = `{ primaryCategory: { equals: ${JSON.stringify(categoryId)} } }`
  const gql = (args: string) => async () => (await app.graphql(graphqlPage(args))).data
  const rest = (query: string, token?: string) => async () =>
    (await app.rest('GET', `/articles?${query}`, { token })).json()
  return [
    ['GraphQL page 1', gql('limit: 5, page: 1, sort: "-publishedAt"')],
    ['GraphQL page 3', gql('limit: 5, page: 3, sort: "-publishedAt"')],
    ['GraphQL page 3 by title', gql('limit: 5, page: 3, sort: "title"')],
    ['GraphQL a category, page 2', gql(`limit: 4, page: 2, where: ${where}`)],
    ['GraphQL past the last page', gql('limit: 5, page: 40, sort: "-publishedAt"')],
    ['REST page 3', rest('limit=5&page=3&depth=1&sort=-publishedAt')],
    ['REST page 2 by title', rest('limit=5&page=2&depth=0&sort=-title')],
    [
      'REST drafts as an editor, page 2',
      rest('limit=5&page=2&depth=0&draft=true&sort=-publishedAt', editorToken),
    ],
    [
      'REST drafts as an editor by title, page 3',
      rest('limit=4&page=3&depth=0&draft=true&sort=title', editorToken),
    ],
  ]
}

/** Every statement the route handlers' database client runs while `run` runs. */
const recorded = async (run: () => Promise<unknown>) =>
  (await recordStatements(routes, run)).map((statement) => statement.text)

/** The statements whose main table is `table` and that read rows (not the count). */
const rowReads = (statements: string[], table: string) =>
  statements.filter(
    (text) =>
      new RegExp(`\\bfrom "${table}"(?: "${table}")?(?: where| left join| order|\\)|$)`).test(
        text,
      ) && !/count\(/i.test(text),
  )

const results = new Map<string, unknown>()
let pageThreeOff: string[] = []

beforeAll(async () => {
  app = await startTestApp({ idFirstReads: false, publicCache: false })
  routes = await getPayload({ config: app.config })
  const { payload } = app
  const site = await defaultSite(app)
  const categories: Array<string | number> = []
  for (const title of ['Thời sự', 'Kinh tế'])
    categories.push(
      (await payload.create({ collection: 'categories', data: { title, site: site.id } as never }))
        .id,
    )
  categoryId = categories[1]
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  for (let i = 0; i < 24; i++)
    await payload.create({
      collection: 'articles',
      data: {
        // Titles out of publication order, and pairs published at the same minute (ties).
        title: `Bài ${String((i * 7) % 24).padStart(2, '0')}`,
        lead: `Tóm tắt ${i}.`,
        _status: i % 6 === 5 ? 'draft' : 'published',
        publishedAt: new Date(start + Math.floor(i / 2) * 60_000).toISOString(),
        categories: [categories[i % 2]],
        primaryCategory: categories[i % 2],
        tags: [`thẻ ${i % 3}`],
        site: site.id,
      } as never,
    })
  // A published article with a newer draft on top: the editor's list shows the draft's title.
  const { docs } = await payload.find({ collection: 'articles', limit: 1, sort: 'publishedAt' })
  await payload.update({
    collection: 'articles',
    id: docs[0].id,
    data: { title: 'Bản nháp mới' } as never,
    draft: true,
  })
  await userOn(app, 'quantri@example.com', ['admin'])
  editorToken = (await userOn(app, 'bientap@example.com', ['editor'], [site])).token
  for (const [name, read] of reads()) results.set(name, await read())
  pageThreeOff = rowReads(
    await recorded(() => app.graphql(graphqlPage('limit: 5, page: 3, sort: "-publishedAt"'))),
    'articles',
  )
  installIdFirstReads(app.payload)
  installIdFirstReads(routes)
}, 120_000)
afterAll(() => app?.close())

describe('deep pages of articles read their ids first (issue 17)', () => {
  it('is on by default', () => {
    expect(resolveOptions({}).idFirstReads).toBe(true)
    expect(resolveOptions({ idFirstReads: false }).idFirstReads).toBe(false)
  })

  it('`idFirstReads: false` leaves the adapter as Payload made it: page 3 in one statement', () => {
    expect(pageThreeOff).toHaveLength(1)
    expect(pageThreeOff[0]).toMatch(/\boffset\b/i)
    expect(pageThreeOff[0]).toMatch(/articles_locales|articles_rels/)
  })

  it('the reads compared have pages, drafts and ties to get wrong', () => {
    const page3 = results.get('GraphQL page 3') as any
    expect(page3.Articles).toMatchObject({ totalDocs: 20, totalPages: 4, page: 3 })
    expect(page3.Articles.docs).toHaveLength(5)
    const drafts = results.get('REST drafts as an editor, page 2') as any
    expect(drafts).toMatchObject({ totalDocs: 24, totalPages: 5, page: 2 })
    const titles = (results.get('REST drafts as an editor by title, page 3') as any).docs.map(
      (doc: { title: string }) => doc.title,
    )
    expect(titles).toEqual(['Bài 09', 'Bài 10', 'Bài 11', 'Bài 12'])
  })

  for (const [name] of reads())
    it(`${name}: the same docs and figures with the wrapper on`, async () => {
      const read = reads().find(([other]) => other === name)![1]
      expect(await read()).toEqual(results.get(name))
    })

  it('page 3 reads the ids with OFFSET and no row parts, then the rows by id without OFFSET', async () => {
    const statements = rowReads(
      await recorded(() => app.graphql(graphqlPage('limit: 5, page: 3, sort: "-publishedAt"'))),
      'articles',
    )
    expect(statements).toHaveLength(2)
    const [ids, rows] = statements
    expect(ids).toMatch(/\boffset\b/i)
    expect(ids).not.toMatch(/articles_locales|articles_rels|articles_texts/)
    expect(rows).not.toMatch(/\boffset\b/i)
    expect(rows).toMatch(/"articles"\."id" in \(/)
    expect(rows).toMatch(/articles_locales|articles_rels/)
  })

  it('page 1 is read as Payload reads it: one statement for its rows', async () => {
    const statements = rowReads(
      await recorded(() => app.graphql(graphqlPage('limit: 5, page: 1, sort: "-publishedAt"'))),
      'articles',
    )
    expect(statements).toHaveLength(1)
  })

  it("an editor's drafts, page 2: the latest versions' parents first, then those versions", async () => {
    const statements = rowReads(
      await recorded(() =>
        app.rest('GET', '/articles?limit=5&page=2&depth=0&draft=true', { token: editorToken }),
      ),
      '_articles_v',
    )
    expect(statements).toHaveLength(2)
    expect(statements[0]).toMatch(/\boffset\b/i)
    expect(statements[1]).not.toMatch(/\boffset\b/i)
    expect(statements[1]).toMatch(/"_articles_v"\."parent_id" in \(/)
  })
})
