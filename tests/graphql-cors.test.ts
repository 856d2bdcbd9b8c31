import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { startTestApp, type TestApp } from './helpers/app.js'
import { resolveOptions } from '../plugin/index.js'
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

  test('sets Payload cors to the listed origins', async () => {
    expect((await app.config).cors).toEqual(['https://laichau.gov.vn'])
  })

  test('a listed origin may read /api/graphql from a browser; another may not', async () => {
    const allowed = await rawGraphQL(app, 'https://laichau.gov.vn')
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toEqual({ data: { Articles: { totalDocs: 0 } } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://laichau.gov.vn')
    const other = await rawGraphQL(app, 'https://evil.example')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
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
