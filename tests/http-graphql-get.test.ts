import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ArticlePageDocument, VisitorStatsDocument } from '../sdk/src/generated/graphql.js'

/*
 * GET /api/graphql (GraphQL over HTTP) and persisted queries, through the route as apps deploy it
 * (tests/helpers/app.ts graphqlRoute: withHttpCaching → graphqlGet → limitRequestBody → Payload).
 */

const ORIGIN = 'https://laichau.gov.vn'
const MAX_BYTES = 4096
const SLUG = 'hoi-nghi-tong-ket-nam'
const PAGE_QUERY = 'query Page($slug: String!) { ArticlePage(slug: $slug) { article { title } } }'
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } })

let app: TestApp

/** A GET to the GraphQL route with these query-string parameters (each value as given). */
function get(params: Array<[string, string]> | Record<string, string>, headers = {}) {
  const search = new URLSearchParams(Array.isArray(params) ? params : Object.entries(params))
  return app.graphqlRoute(new Request(`http://localhost:3000/api/graphql?${search}`, { headers }))
}

function post(body: unknown, headers = {}) {
  return app.graphqlRoute(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  )
}

async function visitRows() {
  return (await app.payload.count({ collection: 'visit-counts', overrideAccess: true })).totalDocs
}

beforeAll(async () => {
  app = await startTestApp({ corsOrigins: [ORIGIN], maxRequestBodyBytes: MAX_BYTES })
  const category = await app.payload.create({
    collection: 'categories',
    data: { title: 'Tin tức' },
  })
  await app.payload.create({
    collection: 'articles',
    data: {
      title: 'Hội nghị tổng kết năm',
      slug: SLUG,
      categories: [category.id],
      publishedAt: '2024-01-01T02:00:00.000Z',
      _status: 'published',
    },
  })
})
afterAll(async () => app?.close())

describe('a query by GET', () => {
  test('answers exactly what the same query by POST answers', async () => {
    const variables = JSON.stringify({ slug: SLUG })
    const byGet = await get({ query: PAGE_QUERY, variables, operationName: 'Page' })
    const byPost = await post({
      query: PAGE_QUERY,
      variables: { slug: SLUG },
      operationName: 'Page',
    })
    expect(byGet.status).toBe(200)
    const body = await byGet.text()
    expect(JSON.parse(body)).toEqual({
      data: { ArticlePage: { article: { title: 'Hội nghị tổng kết năm' } } },
    })
    expect(body).toBe(await byPost.text())
  })

  test('a mutation by GET is 405 with Allow: POST, naming the operation, and records nothing', async () => {
    const before = await visitRows()
    const response = await get({
      query: 'mutation Visit { recordVisit(session: "get-session-1") { total } }',
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(await response.json()).toEqual({
      errors: [
        {
          message: '"Visit" is a mutation: a GET carries queries only; send it by POST.',
          code: 'METHOD_NOT_ALLOWED',
          field: 'query',
        },
      ],
    })
    expect(await visitRows()).toBe(before)
  })

  test('an unnamed mutation by GET is 405 naming its root fields', async () => {
    const response = await get({
      query: 'mutation { recordVisit(session: "get-session-2") { total } }',
    })
    expect(response.status).toBe(405)
    expect((await response.json()).errors[0].message).toBe(
      'This mutation (recordVisit): a GET carries queries only; send it by POST.',
    )
  })

  test('the mutation a document names by operationName decides, not its first operation', async () => {
    const query = 'query Q { __typename } mutation M { recordVisit(session: "s") { total } }'
    expect((await get({ query, operationName: 'M' })).status).toBe(405)
    const asQuery = await get({ query, operationName: 'Q' })
    expect(asQuery.status).toBe(200)
    expect(await asQuery.json()).toEqual({ data: { __typename: 'Query' } })
  })

  test.each([
    [
      { query: PAGE_QUERY, variables: '{"slug":' },
      'variables',
      'variables must be a JSON object such as {"slug":"…"}; it does not parse.',
    ],
    [
      { query: PAGE_QUERY, variables: '["x"]' },
      'variables',
      'variables must be a JSON object such as {"slug":"…"}.',
    ],
    [
      { query: PAGE_QUERY, extensions: 'nope' },
      'extensions',
      'extensions must be a JSON object such as {"slug":"…"}; it does not parse.',
    ],
    [
      { variables: '{}' },
      'query',
      'A GraphQL GET needs query (the document) or extensions.persistedQuery (its hash).',
    ],
    [
      { query: '' },
      'query',
      'A GraphQL GET needs query (the document) or extensions.persistedQuery (its hash).',
    ],
    [
      { query: '{ __typename }', locale: 'vi' },
      'locale',
      'Unknown parameter "locale": a GraphQL GET takes query, variables, operationName, extensions.',
    ],
  ])('odd parameters are 400 naming the one at fault (%j)', async (params, field, message) => {
    const response = await get(params)
    expect(response.status).toBe(400)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(await response.json()).toEqual({ errors: [{ message, code: 'VALIDATION', field }] })
  })

  test('a parameter given twice is 400 naming it', async () => {
    const response = await get([
      ['query', '{ __typename }'],
      ['query', '{ PortalSite { name } }'],
    ])
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      errors: [
        { message: 'query is given 2 times; give it once.', code: 'VALIDATION', field: 'query' },
      ],
    })
  })

  test('a query string over maxRequestBodyBytes is 400 naming the parameter that fills it', async () => {
    const query = `{ __typename ${'# padding\n'.repeat(400)}}`
    const search = new URLSearchParams({ query }).toString()
    expect(search.length + 1).toBeGreaterThan(MAX_BYTES)
    const response = await get({ query })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `The query string is ${search.length + 1} bytes, over the limit of ${MAX_BYTES} bytes (most of it in query): send the request by POST.`,
          code: 'VALIDATION',
          field: 'query',
        },
      ],
    })
  })

  test('the depth limit applies as to a POST', async () => {
    const deep = `{ Articles { docs { categories { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`
    const response = await get({ query: deep })
    const answer = await response.json()
    expect(answer.errors[0].extensions.code).toBe('QUERY_TOO_DEEP')
    expect(answer.errors[0].message).toBe('The query is nested 12 levels deep; the maximum is 10.')
  })

  test('an Accept the route cannot answer is 406, as for a POST', async () => {
    const response = await get({ query: '{ __typename }' }, { accept: 'text/html' })
    expect(response.status).toBe(406)
    expect((await response.json()).errors[0].code).toBe('NOT_ACCEPTABLE')
  })

  test('CORS: a listed origin may read the answer, and a refusal', async () => {
    const ok = await get({ query: '{ __typename }' }, { origin: ORIGIN })
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const refused = await get({ variables: '{}' }, { origin: ORIGIN })
    expect(refused.status).toBe(400)
    expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    const other = await get({ query: '{ __typename }' }, { origin: 'https://evil.example' })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

test('CORS: a 304 keeps the headers that let a listed origin use it', async () => {
  const first = await get({ query: '{ __typename }' }, { origin: ORIGIN })
  const etag = first.headers.get('etag')!
  const again = await get({ query: '{ __typename }' }, { origin: ORIGIN, 'if-none-match': etag })
  expect(again.status).toBe(304)
  expect(again.headers.get('access-control-allow-origin')).toBe(ORIGIN)
  expect(again.headers.get('etag')).toBe(etag)
})

describe('persisted queries', () => {
  const pageHash = sha256(ArticlePageDocument)

  test('a GET naming one of the SDK queries by hash answers as the full text does', async () => {
    const variables = JSON.stringify({ slug: SLUG })
    const byHash = await get({ variables, extensions: JSON.stringify(persisted(pageHash)) })
    const byText = await get({ query: ArticlePageDocument, variables })
    expect(byHash.status).toBe(200)
    const body = await byHash.text()
    expect(JSON.parse(body).data.ArticlePage.article.slug).toBe(SLUG)
    expect(body).toBe(await byText.text())
  })

  test('a POST naming one by hash answers as the full text does', async () => {
    const byHash = await post({ extensions: persisted(sha256(VisitorStatsDocument)) })
    expect(byHash.status).toBe(200)
    expect(await byHash.json()).toEqual(await (await post({ query: VisitorStatsDocument })).json())
  })

  test('an unknown hash is 400 PERSISTED_QUERY_NOT_FOUND, by GET and by POST', async () => {
    const hash = sha256('{ __typename }')
    const expected = {
      errors: [
        {
          message: `No persisted query has the hash ${hash}: send the query text instead.`,
          code: 'PERSISTED_QUERY_NOT_FOUND',
          field: 'extensions',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
        },
      ],
    }
    const byGet = await get({ extensions: JSON.stringify(persisted(hash)) })
    expect(byGet.status).toBe(400)
    expect(await byGet.json()).toEqual(expected)
    const byPost = await post({ extensions: persisted(hash) })
    expect(byPost.status).toBe(400)
    expect(await byPost.json()).toEqual(expected)
  })

  test('a document sent with its hash runs but is never registered: the hash alone stays unknown', async () => {
    const query = '{ PortalSite { name } }'
    const extensions = JSON.stringify(persisted(sha256(query)))
    const withText = await get({ query, extensions })
    expect(withText.status).toBe(200)
    expect((await withText.json()).data.PortalSite).toBeDefined()
    const byHashOnly = await get({ extensions })
    expect(byHashOnly.status).toBe(400)
    expect((await byHashOnly.json()).errors[0].code).toBe('PERSISTED_QUERY_NOT_FOUND')
  })

  test('a hash that is not the hash of the query sent with it is 400 naming extensions', async () => {
    const response = await get({
      query: '{ __typename }',
      extensions: JSON.stringify(persisted(pageHash)),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
          code: 'VALIDATION',
          field: 'extensions',
        },
      ],
    })
  })

  test.each([
    [{ persistedQuery: { version: 2, sha256Hash: sha256('x') } }],
    [{ persistedQuery: { version: 1, sha256Hash: 'ABC' } }],
    [{ persistedQuery: 'yes' }],
  ])('a malformed persistedQuery is 400 naming extensions (%j)', async (extensions) => {
    for (const response of [
      await get({ extensions: JSON.stringify(extensions) }),
      await post({ extensions }),
    ]) {
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        errors: [
          {
            message:
              'extensions.persistedQuery must be { "version": 1, "sha256Hash": <64 lowercase hex digits> }.',
            code: 'VALIDATION',
            field: 'extensions',
          },
        ],
      })
    }
  })

  test('a persisted mutation cannot exist: the manifest holds the SDK queries only', async () => {
    const { persistedDocuments } = await import('../features/graphql/persistedDocuments.js')
    expect(persistedDocuments.map(([, document]) => document.split(/[ ({]/)[0])).toEqual(
      Array(persistedDocuments.length).fill('query'),
    )
    // One entry per query operation of the SDK, none more.
    const operations = path.resolve(__dirname, '../sdk/src/operations')
    const queries = fs
      .readdirSync(operations)
      .map((file) => fs.readFileSync(path.join(operations, file), 'utf8'))
      .join('\n')
      .match(/^query /gm)
    expect(persistedDocuments.length).toBe(queries?.length)
    expect(persistedDocuments.length).toBe(17)
  })
})
