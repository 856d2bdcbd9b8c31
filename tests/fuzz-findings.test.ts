import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { seedWidgets } from '../seed/widgets.js'
import { createEditor } from './ratings/fixtures.js'

/**
 * Inputs the public-API fuzz suite (tests/fuzz-public-api-*.test.ts) answered with a 500, one
 * test each, named after the input. Each must now get a 4xx naming what was wrong, or the answer
 * an unknown value gets.
 */
let app: TestApp
let categoryId: string | number
let editorToken: string

beforeAll(async () => {
  app = await startTestApp()
  const category = await app.payload.create({
    collection: 'categories',
    data: { title: 'Tin tức', slug: 'tin-tuc' },
  })
  await app.payload.create({
    collection: 'articles',
    data: { title: 'Bài có sẵn', categories: [category.id], _status: 'published' },
  })
  categoryId = category.id
  await seedWidgets(app.payload, { log: false })
  editorToken = (await createEditor(app)).token
})
afterAll(() => app?.close())

async function restError(path: string, token?: string) {
  const response = await app.rest('GET', path, { token })
  const body = (await response.json()) as { errors?: Array<{ message: string }> }
  return { status: response.status, message: body.errors?.[0]?.message }
}

async function graphqlError(query: string, variables?: Record<string, unknown>, token?: string) {
  const result = await app.graphql(query, variables, { token })
  const error = result.errors?.[0] as
    { message: string; extensions?: { statusCode?: number } } | undefined
  return { message: error?.message, statusCode: error?.extensions?.statusCode, data: result.data }
}

describe('REST where: odd conditions are refused naming the field, never a 500', () => {
  it.each([
    [
      'where[title][near]=1,2',
      'where: "title" cannot be queried with near: only a point field can.',
    ],
    [
      'where[categories][all]=1',
      'where: "categories" cannot be queried with all on this database.',
    ],
    [
      'where[title][equals][x]=1',
      'where: "title" equals needs text, a number, true/false or null; got an object.',
    ],
    [
      'where[publishedAt][greater_than]=2024-13-45',
      'where: "publishedAt" greater_than needs a date between the years 1 and 9999; got "2024-13-45".',
    ],
    [
      'where[createdAt][less_than]=1e400',
      'where: "createdAt" less_than needs a date between the years 1 and 9999; got "1e400".',
    ],
    [
      'where[categories][equals]=abc',
      'where: "categories" equals needs the id of a document; got "abc".',
    ],
    ['where[id][in]=1,abc', 'where: "id" in needs the id of a document; got "abc".'],
    ['where[tags][like][0]=x', 'where: "tags" like needs a single value; got a list.'],
    ['where[title][equals]=a%00b', 'where: "title" equals must not contain a NUL character.'],
  ])('GET /api/articles?%s is a 400', async (query, message) => {
    expect(await restError(`/articles?${query}`)).toEqual({ status: 400, message })
  })

  it('GET /api/articles?where[title][contains]=<50 001 characters> is a 400', async () => {
    expect(await restError(`/articles?where[title][contains]=${'x'.repeat(50_001)}`)).toEqual({
      status: 400,
      message: `where: "title" contains needs text of at most 1000 characters; got "${'x'.repeat(40)}…".`,
    })
  })

  it.each([
    ['/articles?where[expiresAt][contains]=0', '"expiresAt" cannot be searched with contains'],
    ['/articles?where[authors][not_like]=0', '"authors" cannot be searched with not_like'],
    ['/articles?where[_status][like]=published', '"_status" cannot be searched with like'],
    ['/articles?where[allowRatings][like]=true', '"allowRatings" cannot be searched with like'],
    ['/articles?where[body][like]=a', '"body" cannot be searched with like'],
    ['/articles?where[id][contains]=1', '"id" cannot be searched with contains'],
    ['/categories?where[order][contains]=1', '"order" cannot be searched with contains'],
  ])('GET /api%s (a text search on a field that is not text) is a 400', async (path, start) => {
    expect(await restError(path)).toEqual({
      status: 400,
      message: `where: ${start}: it is not a text field.`,
    })
  })

  it('GET /api/articles?where[body.root.type][equals]=root (inside rich text) is a 400', async () => {
    expect(await restError('/articles?where[body.root.type][equals]=root')).toEqual({
      status: 400,
      message: 'where: "body.root.type" cannot be queried: rich text is not searchable inside.',
    })
  })

  it('GET /api/categories?where[parent][equals]=abc is a 400', async () => {
    expect(await restError('/categories?where[parent][equals]=abc')).toEqual({
      status: 400,
      message: 'where: "parent" equals needs the id of a document; got "abc".',
    })
  })

  it('GET /api/counter-widgets?where[kind][equals]=garbage is a 400 listing the choices', async () => {
    expect(await restError('/counter-widgets?where[kind][equals]=garbage')).toEqual({
      status: 400,
      message: 'where: "kind" equals needs one of visitors, dossier-stats; got "garbage".',
    })
  })

  it('GET /api/articles?where=nope (not JSON) is a 400 naming where', async () => {
    expect(await restError('/articles?where=nope')).toEqual({
      status: 400,
      message: 'where must be JSON or brackets (where[field][operator]=value).',
    })
  })

  it('GET /api/articles?data=nope (not JSON) is a 400 naming data', async () => {
    expect(await restError('/articles?data=nope')).toEqual({
      status: 400,
      message: 'data must be JSON.',
    })
  })

  it('well-formed conditions still run', async () => {
    const response = await app.rest(
      'GET',
      `/articles?where[or][0][title][like]=có&where[or][1][categories][in]=${categoryId},99&where[publishedAt][less_than]=2999-01-01&where[allowRatings][equals]=true&where[categories.slug][equals]=tin-tuc&where[categories][contains]=${categoryId}&where[title][not_like]=zzz&where[tags][exists]=false`,
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { totalDocs: number }).totalDocs).toBe(1)
  })
})

describe('GraphQL where: odd conditions are refused naming the field, never a 500', () => {
  it.each([
    [
      'Articles(where: { categories: { in: [{ a: 1 }] } })',
      'where: "categories" in needs text, a number, true/false or null; got an object.',
    ],
    [
      'Articles(where: { coverImage: { equals: { a: 1 } } })',
      'where: "coverImage" equals needs text, a number, true/false or null; got an object.',
    ],
    [
      'Articles(where: { tags: { all: ["a"] } })',
      'where: "tags" cannot be queried with all on this database.',
    ],
    [
      'Categories(where: { order: { equals: 1e999 } })',
      'where: "order" equals needs a finite number; got Infinity.',
    ],
    [
      'Articles(where: { title: { equals: "a\\u0000b" } })',
      'where: "title" equals must not contain a NUL character.',
    ],
  ])('%s is a 400', async (call, message) => {
    const list = call.split('(')[0]
    expect(await graphqlError(`{ ${call} { docs { id } } }`)).toEqual({
      message,
      statusCode: 400,
      data: { [list]: null },
    })
  })
})

describe('GraphQL where: valid values are not refused', () => {
  it('a DateTime variable (Payload hands it over as a Date) filters by date', async () => {
    const result = await app.graphql(
      `query ($at: DateTime) {
        Articles(where: { publishedAt: { greater_than: $at } }, limit: 1) { totalDocs }
      }`,
      { at: '2000-01-01T00:00:00.000Z' },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data).toEqual({ Articles: { totalDocs: 1 } })
  })
})

describe('ids and slugs no row can have', () => {
  it('GET /api/articles/2147483648 (beyond a PostgreSQL id) is a 404', async () => {
    expect((await restError('/articles/2147483648')).status).toBe(404)
  })

  it('POST /api/articles/2147483648/rate is NOT_FOUND', async () => {
    const response = await app.rest('POST', '/articles/2147483648/rate', {
      body: { score: 3 },
      headers: { 'x-voter-token': 'fuzz-finding-voter' },
      ip: '203.0.113.9',
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      errors: [{ message: 'There is no public article with id "2147483648".', code: 'NOT_FOUND' }],
    })
  })

  it('GET /api/feed.xml?category=a%00b is a 400 naming category (no slug holds a NUL)', async () => {
    expect(await restError('/feed.xml?category=a%00b')).toEqual({
      status: 400,
      message: 'category must be a slug of at most 200 characters, without control characters.',
    })
  })

  it('DossierStats(slug: "a\\u0000b") is null, like any unknown slug', async () => {
    const result = await app.graphql(`{ DossierStats(slug: "a\\u0000b") { title } }`)
    expect(result).toEqual({ status: 200, data: { DossierStats: null }, errors: undefined })
  })

  it('ArticlePage(slug: "a\\u0000b") is null, like any unknown slug', async () => {
    const result = await app.graphql(`{ ArticlePage(slug: "a\\u0000b") { article { id } } }`)
    expect(result).toEqual({ status: 200, data: { ArticlePage: null }, errors: undefined })
  })
})

const LIMIT_MESSAGE = (given: string) => `limit must be a whole number, 0 or more; got ${given}.`
const PAGE_MESSAGE = (given: string) => `page must be a whole number, 1 or more; got ${given}.`

describe('odd paging is a 400 naming limit or page, for readers and editors alike', () => {
  it.each([
    ['limit=1.5', LIMIT_MESSAGE('1.5')],
    ['limit=-1&page=2', LIMIT_MESSAGE('-1')],
    ['limit=1e300', LIMIT_MESSAGE('1e+300')],
    ['page=0', PAGE_MESSAGE('0')],
    ['page=-3', PAGE_MESSAGE('-3')],
    ['page=2.5', PAGE_MESSAGE('2.5')],
    ['page=%20', PAGE_MESSAGE('" "')],
    [
      'limit=100&page=90071992547411',
      'page is too large for limit 100: the largest is 90071992547410; got 90071992547411.',
    ],
  ])('GET /api/articles?%s is a 400', async (query, message) => {
    expect(await restError(`/articles?${query}`)).toEqual({ status: 400, message })
    expect(await restError(`/articles?${query}`, editorToken)).toEqual({ status: 400, message })
  })

  it.each([
    ['{ Sources(limit: -2, page: 17) { docs { id } } }', 'Sources', LIMIT_MESSAGE('-2')],
    ['{ Categories(page: 0) { docs { id } } }', 'Categories', PAGE_MESSAGE('0')],
    [
      '{ Articles(limit: 100, page: 2147483647) { pagingCounter } }',
      'Articles',
      'page is too large for limit 100: the largest is 21474837; got 2147483647.',
    ],
  ])('%s is a 400', async (query, list, message) => {
    const expected = { message, statusCode: 400, data: { [list]: null } }
    expect(await graphqlError(query)).toEqual(expected)
    expect(await graphqlError(query, undefined, editorToken)).toEqual(expected)
  })

  it('the last page GraphQL can number still runs', async () => {
    const result = await app.graphql('{ Articles(limit: 100, page: 21474837) { pagingCounter } }')
    expect(result).toEqual({
      status: 200,
      data: { Articles: { pagingCounter: 2147483601 } },
      errors: undefined,
    })
  })

  it('{ Categories(pagination: false) { limit … } } for a reader: one capped page', async () => {
    const result = await app.graphql(
      '{ Categories(pagination: false) { limit page totalDocs totalPages pagingCounter } }',
    )
    expect(result.data).toEqual({
      Categories: { limit: 100, page: 1, totalDocs: 1, totalPages: 1, pagingCounter: 1 },
    })
  })

  it.each(['Categories', 'Articles', 'Sources'])(
    '{ %s(pagination: false) { limit … } } for an editor: every document, one page (limit 0)',
    async (list) => {
      const result = await app.graphql(
        `{ ${list}(pagination: false) { limit page totalPages pagingCounter hasNextPage nextPage } }`,
        undefined,
        { token: editorToken },
      )
      expect(result).toEqual({
        status: 200,
        data: {
          [list]: {
            limit: 0,
            page: 1,
            totalPages: 1,
            pagingCounter: 1,
            hasNextPage: false,
            nextPage: null,
          },
        },
        errors: undefined,
      })
    },
  )
})

describe('the GraphQL route (limitRequestBody over GRAPHQL_POST) answers odd transports with a JSON error', () => {
  const post = async (body: string, headers: Record<string, string>) => {
    const response = await app.graphqlRoute(
      new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body }),
    )
    return { status: response.status, body: await response.json() }
  }
  const refusal = (status: number, message: string, code: string, field: string) => ({
    status,
    body: { errors: [{ message, code, field }] },
  })
  const query = '{"query":"{ __typename }"}'

  it.each(['{not json', '   ', 'nul\u0000'])(
    'a body that is not JSON (%j) under application/json is a 400 naming body',
    async (body) => {
      expect(await post(body, { 'content-type': 'application/json' })).toEqual(
        refusal(
          400,
          'The body must be JSON: { query, variables?, operationName? }.',
          'VALIDATION',
          'body',
        ),
      )
    },
  )

  it.each([
    ['multipart/form-data', 'null'],
    ['multipart/form-data; boundary=x', query],
    ['text/plain', query],
    ['application/json; charset=latin1', query],
  ])('Content-Type %s is a 415 naming the content type expected', async (type, body) => {
    expect(await post(body, { 'content-type': type })).toEqual(
      refusal(
        415,
        `The body must be sent as Content-Type: application/json (UTF-8); got "${type}".`,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-type',
      ),
    )
  })

  it.each(['text/html', 'application/json; charset=latin1'])(
    'Accept: %s is a 406 naming what the answer can be',
    async (accept) => {
      expect(await post(query, { 'content-type': 'application/json', accept })).toEqual(
        refusal(
          406,
          `The answer is application/graphql-response+json or application/json (UTF-8); Accept was "${accept}".`,
          'NOT_ACCEPTABLE',
          'accept',
        ),
      )
    },
  )

  it('a well-formed request still runs, with any Accept the handler can answer', async () => {
    for (const accept of ['application/graphql-response+json', 'application/*', '*/*']) {
      expect(await post(query, { 'content-type': 'application/json', accept })).toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      })
    }
  })
})
