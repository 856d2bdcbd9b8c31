import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { buildAppConfig } from '../../config/buildAppConfig'
import type { NewsPortalPluginConfig } from '../../plugin/types'

export interface TestApp {
  payload: Payload
  config: Promise<SanitizedConfig>
  /** Calls the REST route handler as a browser would: `rest('GET', '/articles?limit=5')`. */
  rest: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', pathAndQuery: string, options?: RequestOptions) => Promise<Response>
  /** Calls the GraphQL route handler and returns its JSON body with the HTTP status. */
  graphql: <T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions) => Promise<GraphQLResult<T>>
  /** The GraphQL route handler itself: hand it any standard Request (the SDK tests' `fetch`). */
  graphqlRoute: (request: Request) => Promise<Response>
  /** Logs a user in through the Local API and returns the JWT for `Authorization` headers. */
  login: (email: string, password: string) => Promise<string>
  close: () => Promise<void>
}

export interface RequestOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
  /** The client's socket address, as a Node server would hand it over (`request.ip`). */
  ip?: string
}

export interface GraphQLResult<T> {
  status: number
  data: T
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: string[] }>
}

/**
 * The database for one test file: its own SQLite file in a fresh temporary folder, or, when
 * `TEST_DATABASE_URL` names a MongoDB server, its own database there.
 */
function testDatabase(sqliteOnly = false): { databaseUrl: string; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-test-'))
  const shared = sqliteOnly ? undefined : process.env.TEST_DATABASE_URL
  if (shared && /^mongodb(\+srv)?:\/\//.test(shared)) {
    const url = new URL(shared)
    url.pathname = `/news_portal_test_${crypto.randomBytes(6).toString('hex')}`
    return { databaseUrl: url.toString(), dataDir }
  }
  return { databaseUrl: `file:${path.join(dataDir, 'test.db')}`, dataDir }
}

export async function startTestApp(
  plugin: NewsPortalPluginConfig = {},
  { sqliteOnly = false }: { sqliteOnly?: boolean } = {},
): Promise<TestApp> {
  const { databaseUrl, dataDir } = testDatabase(sqliteOnly)
  const config = buildAppConfig({ databaseUrl, dataDir, plugin })
  const payload = await getPayload({ config, key: dataDir })
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const graphqlHandler = GRAPHQL_POST(config)

  const request = (method: string, url: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `JWT ${options.token}`
    let body: string | undefined
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    const built = new Request(`http://localhost:3000${url}`, { method, headers, body })
    if (options.ip) Object.defineProperty(built, 'ip', { value: options.ip, enumerable: false })
    return built
  }

  return {
    payload,
    config,
    async rest(method, pathAndQuery, options) {
      const pathname = pathAndQuery.split('?')[0]
      const slug = pathname.split('/').filter(Boolean)
      return handlers[method](request(method, `/api${pathAndQuery}`, options), {
        params: Promise.resolve({ slug }),
      })
    },
    async graphql(query, variables, options = {}) {
      const response = await graphqlHandler(
        request('POST', '/api/graphql', { ...options, body: { query, variables } }),
      )
      const json = (await response.json()) as { data: any; errors?: GraphQLResult<unknown>['errors'] }
      return { status: response.status, data: json.data, errors: json.errors }
    },
    graphqlRoute: (request) => graphqlHandler(request),
    async login(email, password) {
      const result = await payload.login({ collection: 'users', data: { email, password } })
      if (!result.token) throw new Error(`login failed for ${email}`)
      return result.token
    },
    async close() {
      await payload.destroy()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
