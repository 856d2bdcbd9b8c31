import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limitRequestBody, resolveOptions } from '../plugin/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createRatingArticles, voteCount } from './ratings/fixtures.js'

const LIMIT = 102_400
const TOO_LARGE = {
  errors: [
    {
      message: 'The request body is larger than the limit of 102400 bytes (100 KB).',
      code: 'BODY_TOO_LARGE',
      maxBytes: LIMIT,
    },
  ],
}

let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>

beforeAll(async () => {
  app = await startTestApp()
  articles = await createRatingArticles(app.payload)
})
afterAll(() => app?.close())

const url = 'http://localhost:3000/api/graphql'
const json = { 'content-type': 'application/json' }

/** A body stream of `chunks` chunks of 10 KB that counts how many were pulled. */
function countedStream(chunks: number) {
  const pulled = { count: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count >= chunks) return controller.close()
      pulled.count++
      controller.enqueue(new Uint8Array(10_240).fill(0x20))
    },
  })
  return { stream, pulled }
}

const total = async (): Promise<number> =>
  (await app.graphql<{ VisitorStats: { total: number } }>('{ VisitorStats { total } }')).data
    .VisitorStats.total

describe('request bodies over maxRequestBodyBytes get 413 before they are parsed', () => {
  it('defaults to 100 KB', () => {
    expect(resolveOptions({}).maxRequestBodyBytes).toBe(LIMIT)
  })

  it('GraphQL: a body over the limit → 413 with a JSON error naming the limit; one within it runs', async () => {
    const route = limitRequestBody(app.config, GRAPHQL_POST(app.config))
    const body = (pad: number) =>
      JSON.stringify({ query: '{ VisitorStats { total } }', variables: { pad: 'x'.repeat(pad) } })
    const large = await route(
      new Request(url, { method: 'POST', headers: json, body: body(LIMIT) }),
    )
    expect(large.status).toBe(413)
    expect(large.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await large.json()).toEqual(TOO_LARGE)
    const fits = await route(
      new Request(url, { method: 'POST', headers: json, body: body(LIMIT - 100) }),
    )
    expect(fits.status).toBe(200)
    expect(await fits.json()).toEqual({ data: { VisitorStats: { total: 0 } } })
  })

  it('a Content-Length over the limit is refused without reading a byte, and the handler never runs', async () => {
    let ran = false
    const route = limitRequestBody(app.config, async () => {
      ran = true
      return new Response('ran')
    })
    const { stream, pulled } = countedStream(20)
    const response = await route(
      new Request(url, {
        method: 'POST',
        headers: { ...json, 'content-length': String(LIMIT + 1) },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual(TOO_LARGE)
    expect(ran).toBe(false)
    // A ReadableStream pulls one chunk ahead when created; nothing more was read.
    expect(pulled.count).toBeLessThanOrEqual(1)
  })

  it('a streamed body without Content-Length is counted as it arrives and cut off past the limit', async () => {
    let ran = false
    const route = limitRequestBody(app.config, async () => {
      ran = true
      return new Response('ran')
    })
    const { stream, pulled } = countedStream(1000)
    const response = await route(
      new Request(url, {
        method: 'POST',
        headers: json,
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(ran).toBe(false)
    // 10 chunks of 10 KB fill the limit; the 11th goes past it and reading stops there.
    expect(pulled.count).toBeLessThanOrEqual(12)
  })

  it('what the handler receives is the same request: method, headers, body and the socket address', async () => {
    const route = limitRequestBody(app.config, async (request: Request) =>
      Response.json({
        method: request.method,
        token: request.headers.get('x-voter-token'),
        ip: (request as unknown as { ip?: string }).ip,
        body: await request.text(),
      }),
    )
    const request = new Request(url, {
      method: 'POST',
      headers: { ...json, 'x-voter-token': 't-1' },
      body: '{"query":"{ __typename }"}',
    })
    Object.defineProperty(request, 'ip', { value: '192.0.2.9' })
    expect(await (await route(request)).json()).toEqual({
      method: 'POST',
      token: 't-1',
      ip: '192.0.2.9',
      body: '{"query":"{ __typename }"}',
    })
  })

  it("the plugin's REST endpoints: POST /api/visits and /api/articles/:id/rate over the limit → 413, nothing written", async () => {
    const before = await total()
    const visit = await app.rest('POST', '/visits', {
      body: { session: 'big-body-session', path: 'x'.repeat(LIMIT) },
    })
    expect(visit.status).toBe(413)
    expect(await visit.json()).toEqual(TOO_LARGE)
    expect(await total()).toBe(before)

    const vote = await app.rest('POST', `/articles/${articles.published}/rate`, {
      body: { score: 4, note: 'x'.repeat(LIMIT) },
      ip: '192.0.2.10',
      headers: { 'x-voter-token': 'big-body-voter' },
    })
    expect(vote.status).toBe(413)
    expect(await vote.json()).toEqual(TOO_LARGE)
    expect(await voteCount(app.payload, articles.published)).toBe(0)

    const small = await app.rest('POST', '/visits', { body: { session: 'small-body-session' } })
    expect(small.status).toBe(200)
  })
})
