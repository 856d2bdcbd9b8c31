import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveOptions } from '../plugin/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createEditor } from './ratings/fixtures.js'

const CAP = 5
const COUNT = 7

let app: TestApp
let editorToken: string

beforeAll(async () => {
  app = await startTestApp({ maxPublicPageSize: CAP })
  for (let n = 0; n < COUNT; n++) {
    await app.payload.create({
      collection: 'articles',
      data: {
        title: `Bài số ${n}`,
        _status: 'published',
        publishedAt: new Date(Date.now() - (n + 1) * 60_000).toISOString(),
      },
      overrideAccess: true,
    })
    await app.payload.create({
      collection: 'categories',
      data: { title: `Chuyên mục ${n}` },
      overrideAccess: true,
    })
  }
  editorToken = (await createEditor(app)).token
})
afterAll(() => app?.close())

type Page = { docs: unknown[]; limit: number; totalDocs: number; hasNextPage: boolean }

const restPage = async (query: string, token?: string): Promise<Page> => {
  const response = await app.rest('GET', `/articles?depth=0&${query}`, { token })
  expect(response.status).toBe(200)
  return (await response.json()) as Page
}
const summary = (page: Page) => ({
  docs: page.docs.length,
  limit: page.limit,
  totalDocs: page.totalDocs,
  hasNextPage: page.hasNextPage,
})

describe('public list queries are capped at maxPublicPageSize', () => {
  it('defaults to 100 a page', () => {
    expect(resolveOptions({}).maxPublicPageSize).toBe(100)
  })

  it('REST: limit=0 ("all" in Payload), a limit over the cap and pagination=false return one capped page', async () => {
    const capped = { docs: CAP, limit: CAP, totalDocs: COUNT, hasNextPage: true }
    expect(summary(await restPage('limit=0'))).toEqual(capped)
    expect(summary(await restPage('limit=1000'))).toEqual(capped)
    expect(summary(await restPage('pagination=false'))).toEqual(capped)
    // A negative limit is no "all": it is refused (tests/fuzz-findings.test.ts has the rest).
    const negative = await app.rest('GET', '/articles?limit=-1')
    expect([negative.status, await negative.json()]).toEqual([
      400,
      {
        errors: [
          {
            message: 'limit must be a whole number, 0 or more; got -1.',
            name: 'APIError',
            data: { field: 'limit' },
          },
        ],
      },
    ])
    expect(summary(await restPage('limit=3'))).toEqual({
      docs: 3,
      limit: 3,
      totalDocs: COUNT,
      hasNextPage: true,
    })
    // The next page is reachable: nothing is hidden, only split.
    expect((await restPage('limit=0&page=2')).docs).toHaveLength(COUNT - CAP)
  })

  it('GraphQL: the same for every plugin collection', async () => {
    const { data, errors } = await app.graphql(`{
      zero: Articles(limit: 0) { docs { id } limit totalDocs }
      huge: Articles(limit: 100000) { docs { id } limit }
      all: Articles(pagination: false) { docs { id } limit }
      categories: Categories(limit: 0) { docs { id } limit totalDocs }
    }`)
    expect(errors).toBeUndefined()
    expect({
      zero: [data.zero.docs.length, data.zero.limit, data.zero.totalDocs],
      huge: [data.huge.docs.length, data.huge.limit],
      all: [data.all.docs.length, data.all.limit],
      categories: [data.categories.docs.length, data.categories.limit, data.categories.totalDocs],
    }).toEqual({
      zero: [CAP, CAP, COUNT],
      huge: [CAP, CAP],
      all: [CAP, CAP],
      categories: [CAP, CAP, COUNT],
    })
  })

  it("editors keep Payload's behaviour: limit=0 is every document", async () => {
    expect(summary(await restPage('limit=0', editorToken))).toEqual({
      docs: COUNT,
      limit: 0,
      totalDocs: COUNT,
      hasNextPage: false,
    })
    const { data } = await app.graphql('{ Articles(limit: 0) { docs { id } } }', undefined, {
      token: editorToken,
    })
    expect(data.Articles.docs).toHaveLength(COUNT)
  })

  it('relationships of a capped page are still populated in full', async () => {
    const categories = (await app.payload.find({ collection: 'categories', limit: 0 })).docs
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài có nhiều chuyên mục',
        _status: 'published',
        publishedAt: new Date().toISOString(),
        categories: categories.map((category) => category.id),
      },
      overrideAccess: true,
    })
    const { data, errors } = await app.graphql(
      '{ Articles(limit: 1, sort: "-publishedAt") { docs { categories { id } } } }',
    )
    expect(errors).toBeUndefined()
    expect(data.Articles.docs[0].categories).toHaveLength(COUNT)
  })
})
