import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest'
import { createPortalClient, PortalError, type PortalClientOptions } from '../sdk/src/index.js'
import { ArticlePageDocument, VisitorStatsDocument } from '../sdk/src/generated/graphql.js'
import { startTestApp, type TestApp } from './helpers/app.js'

/*
 * createPortalClient({ get: true }) against the real GraphQL route (tests/helpers/app.ts
 * graphqlRoute): queries by GET with their persisted hash, the text when the server does not know
 * the hash, mutations by POST.
 */

const ENDPOINT = 'http://localhost:3000/api/graphql'
const SLUG = 'le-hoi-hoa-ban'
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

interface Sent {
  method: string
  /** The GET's parameters by name (empty for a POST). */
  params: Record<string, string>
  status: number
}

let app: TestApp
let sent: Sent[] = []

/** A fetch handing each request to the route; `rewrite` may change it on the way (another server). */
function routeFetch(rewrite: (request: Request) => Request = (request) => request) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = rewrite(new Request(input, init))
    const response = await app.graphqlRoute(request)
    sent.push({
      method: request.method,
      params: Object.fromEntries(new URL(request.url).searchParams),
      status: response.status,
    })
    return response
  }
}

const persisted = (hash: string) =>
  JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })

beforeAll(async () => {
  app = await startTestApp()
  const category = await app.payload.create({
    collection: 'categories',
    data: { title: 'Du lịch' },
  })
  await app.payload.create({
    collection: 'articles',
    data: {
      title: 'Lễ hội hoa ban',
      slug: SLUG,
      categories: [category.id],
      publishedAt: '2024-03-10T02:00:00.000Z',
      _status: 'published',
    },
  })
})
afterAll(async () => app?.close())

describe('createPortalClient({ get: true })', () => {
  test('is an option of the client', () => {
    expectTypeOf<PortalClientOptions['get']>().toEqualTypeOf<boolean | undefined>()
  })

  test('sends a query by GET with its persisted hash and no text, and gets what a POST gets', async () => {
    sent = []
    const byGet = createPortalClient({ endpoint: ENDPOINT, get: true, fetch: routeFetch() })
    const byPost = createPortalClient({ endpoint: ENDPOINT, fetch: routeFetch() })
    const page = await byGet.articles.page(SLUG, { neighbors: 2 })
    expect(page?.article.title).toBe('Lễ hội hoa ban')
    expect(sent).toEqual([
      {
        method: 'GET',
        params: {
          variables: JSON.stringify({ slug: SLUG, neighbors: 2 }),
          extensions: persisted(sha256(ArticlePageDocument)),
        },
        status: 200,
      },
    ])
    expect(await byPost.articles.page(SLUG, { neighbors: 2 })).toEqual(page)
    expect(sent[1].method).toBe('POST')
  })

  test('a query without variables sends no variables parameter', async () => {
    sent = []
    const portal = createPortalClient({ endpoint: ENDPOINT, get: true, fetch: routeFetch() })
    const visitors = await portal.widgets.visitors()
    expect(visitors.total).toBe(0)
    expect(sent).toEqual([
      {
        method: 'GET',
        params: { extensions: persisted(sha256(VisitorStatsDocument)) },
        status: 200,
      },
    ])
  })

  test('mutations go by POST, whatever the option', async () => {
    sent = []
    const portal = createPortalClient({ endpoint: ENDPOINT, get: true, fetch: routeFetch() })
    const stats = await portal.visits.record({ session: 'sdk-get-session-1' })
    expect(stats.total).toBe(1)
    expect(sent.map(({ method, params }) => [method, params])).toEqual([['POST', {}]])
  })

  test('a server that does not know the hash gets the text, and from then on only the text', async () => {
    sent = []
    // A server of another build: the SDK's hash reaches it as one its manifest lacks.
    const otherBuild = (request: Request) => {
      const url = new URL(request.url)
      if (url.searchParams.has('extensions'))
        url.searchParams.set('extensions', persisted(sha256('another build')))
      return new Request(url, request)
    }
    const portal = createPortalClient({
      endpoint: ENDPOINT,
      get: true,
      fetch: routeFetch(otherBuild),
    })
    expect((await portal.articles.page(SLUG))?.article.slug).toBe(SLUG)
    expect(sent.map(({ params, status }) => [Object.keys(params), status])).toEqual([
      [['variables', 'extensions'], 400],
      [['query', 'variables'], 200],
    ])
    expect(sent[1].params.query).toBe(ArticlePageDocument)
    sent = []
    expect((await portal.articles.page(SLUG))?.article.slug).toBe(SLUG)
    expect(sent.map(({ params, status }) => [Object.keys(params), status])).toEqual([
      [['query', 'variables'], 200],
    ])
  })

  test("a server's error by GET is the same PortalError as by POST", async () => {
    const failures = await Promise.all(
      [true, false].map((get) =>
        createPortalClient({ endpoint: ENDPOINT, get, fetch: routeFetch() })
          .articles.page(SLUG, { neighbors: 50 })
          .then(
            () => expect.fail('resolved'),
            (error: unknown) => error,
          ),
      ),
    )
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(PortalError)
      expect((failure as PortalError).code).toBe('VALIDATION')
      expect((failure as PortalError).message).toBe('The following field is invalid: neighbors.')
    }
    const [byGet, byPost] = failures as PortalError[]
    expect(byGet.status).toBe(byPost.status)
  })
})
