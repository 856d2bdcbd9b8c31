import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'

/**
 * 500s the public-API fuzz suite found in parts other items of issue 12 own. Each test states the
 * behaviour the fix must give and is marked `it.fails` until then: when the fix is merged, this
 * test fails ("expected to fail"), so turn it into `it` and delete the matching entry of
 * tests/helpers/fuzz/knownFindings.ts (the fuzz properties then cover those inputs again).
 */
let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
  await app.payload.create({
    collection: 'articles',
    data: { title: 'Bài có sẵn', _status: 'published' },
  })
})
afterAll(() => app?.close())

/** Status and `errors[0].message` of an answer, or of the bare 500 Next sends when the handler throws. */
async function outcome(answer: Promise<Response>) {
  let response: Response
  try {
    response = await answer
  } catch {
    return { status: 500, message: undefined }
  }
  const text = await response.text()
  let message: unknown
  try {
    message = (JSON.parse(text) as { errors?: Array<{ message?: unknown }> }).errors?.[0]?.message
  } catch {
    message = undefined
  }
  return { status: response.status, message }
}

const readable = { status: expect.any(Number), message: expect.any(String) }

describe('feed locale (issue 12 item 7): finding feed-locale-all', () => {
  it.fails.each(['all', '*'])('GET /api/feed.xml?locale=%s is not a 500', async (locale) => {
    const response = await app.rest('GET', `/feed.xml?locale=${encodeURIComponent(locale)}`)
    expect(response.status).toBeLessThan(500)
  })
})

describe('list caps (issue 12 item 3): finding list-limit-page', () => {
  it.fails.each(['limit=1.5', 'limit=-1&page=2'])(
    'GET /api/articles?%s is a 4xx with a message, or a capped list',
    async (query) => {
      const { status } = await outcome(app.rest('GET', `/articles?${query}`))
      expect(status).toBeLessThan(500)
    },
  )

  it.fails(
    '{ Categories(pagination: false) { limit } } is not a 500 (finding list-pagination-false)',
    async () => {
      const { errors } = await app.graphql('{ Categories(pagination: false) { limit } }')
      expect(errors?.map((error) => error.extensions?.statusCode ?? 400)).not.toContain(500)
    },
  )

  it.fails.each([
    '{ Sources(limit: -2, page: 17) { docs { id } } }',
    '{ Articles(limit: 100, page: 2147483647) { pagingCounter } }',
  ])('%s is not a 500', async (query) => {
    const { errors } = await app.graphql(query)
    expect(errors?.map((error) => error.extensions?.statusCode ?? 400)).not.toContain(500)
  })
})

describe('the GraphQL route (issue 12 item 3, its wrapper): finding graphql-transport', () => {
  const post = (body: string, headers: Record<string, string>) =>
    outcome(
      app.graphqlRoute(
        new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body }),
      ),
    )

  it.fails('a body that is not JSON under application/json is a 400 with a message', async () => {
    const result = await post('{not json', { 'content-type': 'application/json' })
    expect(result).toEqual({ ...readable, status: 400 })
  })

  it.fails('a multipart content type over a JSON body is a 4xx with a message', async () => {
    const result = await post('null', { 'content-type': 'multipart/form-data' })
    expect(result.status).toBeLessThan(500)
    expect(result.message).toEqual(expect.any(String))
  })

  it.fails('text/plain is a 415 with a message', async () => {
    const result = await post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' })
    expect(result).toEqual({ ...readable, status: 415 })
  })

  it.fails('Accept: text/html is a 406 with a message', async () => {
    const result = await post('{"query":"{ __typename }"}', {
      'content-type': 'application/json',
      accept: 'text/html',
    })
    expect(result).toEqual({ ...readable, status: 406 })
  })
})
