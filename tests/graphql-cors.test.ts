import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { startTestApp, type TestApp } from './helpers/app.js'
import { limitRequestBody, resolveOptions } from '../plugin/index.js'
import { corsOriginsFromEnv } from '../plugin/options.js'

describe('CORS origins', () => {
  afterEach(() => vi.unstubAllEnvs())

  test('CORS_ORIGINS is read as a comma-separated list, trailing slashes dropped', () => {
    expect(
      corsOriginsFromEnv('https://laichau.gov.vn, https://thanuyen.laichau.gov.vn/ ,'),
    ).toEqual(['https://laichau.gov.vn', 'https://thanuyen.laichau.gov.vn'])
    expect(corsOriginsFromEnv('*')).toBe('*')
    expect(corsOriginsFromEnv(' ')).toBeUndefined()
    expect(corsOriginsFromEnv(undefined)).toBeUndefined()
  })

  test('the option wins over CORS_ORIGINS, which wins over nothing (the site keeps its own cors)', () => {
    vi.stubEnv('CORS_ORIGINS', 'https://laichau.gov.vn')
    expect(resolveOptions({}).corsOrigins).toEqual(['https://laichau.gov.vn'])
    expect(resolveOptions({ corsOrigins: ['https://vietnam.gov.vn'] }).corsOrigins).toEqual([
      'https://vietnam.gov.vn',
    ])
    vi.stubEnv('CORS_ORIGINS', '')
    expect(resolveOptions({}).corsOrigins).toBeUndefined()
  })
})

describe('an app with corsOrigins', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ corsOrigins: ['https://laichau.gov.vn'] })
  })
  afterAll(async () => app?.close())

  test('sets Payload cors to the listed origins, allowing the headers the SDK adds (voter token, site)', async () => {
    expect((await app.config).cors).toEqual({
      origins: ['https://laichau.gov.vn'],
      headers: ['x-voter-token', 'x-portal-site'],
    })
  })

  test.each([
    ['/api/graphql', ['graphql']],
    ['/api/visits', ['visits']],
    ['/api/articles/1/rate', ['articles', '1', 'rate']],
  ])(
    'a preflight of %s from a listed origin allows exactly the methods and headers the SDK sends',
    async (pathname, slug) => {
      const response = await REST_OPTIONS(app.config)(
        new Request(`http://localhost:3000${pathname}`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://laichau.gov.vn',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,x-voter-token,x-portal-site',
          },
        }),
        { params: Promise.resolve({ slug }) },
      )
      expect(response.status).toBe(204)
      expect(Object.fromEntries(response.headers)).toEqual({
        'access-control-allow-origin': 'https://laichau.gov.vn',
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers':
          'Origin, X-Requested-With, Content-Type, Accept, Authorization, Content-Encoding, x-apollo-tracing, X-Payload-HTTP-Method-Override, x-voter-token, x-portal-site',
        'access-control-max-age': '600',
        vary: 'Origin',
      })
    },
  )

  test('a preflight from an origin that is not listed gets no permission', async () => {
    const response = await REST_OPTIONS(app.config)(
      new Request('http://localhost:3000/api/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
      { params: Promise.resolve({ slug: ['graphql'] }) },
    )
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })

  test('a vote through the SDK from a listed origin carries its token and gets the CORS answer', async () => {
    const response = await app.graphqlRoute(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://laichau.gov.vn',
          'x-voter-token': 'cross-origin-voter',
        },
        body: JSON.stringify({
          query: 'mutation { rateArticle(article: "999999", score: 4) { count } }',
        }),
      }),
    )
    expect(response.headers.get('access-control-allow-origin')).toBe('https://laichau.gov.vn')
    expect(
      ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        .extensions.code,
    ).toBe('NOT_FOUND')
  })

  test('a listed origin may read /api/graphql from a browser; another may not', async () => {
    const allowed = await rawGraphQL(app, 'https://laichau.gov.vn')
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toEqual({ data: { Articles: { totalDocs: 0 } } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://laichau.gov.vn')
    const other = await rawGraphQL(app, 'https://evil.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a GraphQL body over the limit is refused with the CORS headers, so the front end can read why', async () => {
    const response = await limitRequestBody(
      app.config,
      GRAPHQL_POST(app.config),
    )(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://laichau.gov.vn' },
        body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(110_000) }),
      }),
    )
    expect(response.status).toBe(413)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://laichau.gov.vn')
    expect(((await response.json()) as { errors: Array<{ code: string }> }).errors[0].code).toBe(
      'BODY_TOO_LARGE',
    )
  })

  test('the RSS feed carries the same CORS headers', async () => {
    const response = await app.rest('GET', '/feed.xml', {
      headers: { origin: 'https://laichau.gov.vn' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://laichau.gov.vn')
  })
})

/** The GraphQL route's raw Response, for its headers. */
function rawGraphQL(app: TestApp, origin: string): Promise<Response> {
  return GRAPHQL_POST(app.config)(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ Articles { totalDocs } }' }),
    }),
  )
}
