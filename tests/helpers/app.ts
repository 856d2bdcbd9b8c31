import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type CollectionConfig, type Payload, type SanitizedConfig } from 'payload'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { buildAppConfig } from '../../config/buildAppConfig.js'
import type { NewsPortalPluginConfig } from '../../core/types.js'
import {
  graphqlGet,
  limitRequestBody,
  withHttpCaching,
  withPublicCache,
} from '../../plugin/index.js'
import { stopPublicCache } from '../../features/cache/index.js'

export interface TestApp {
  payload: Payload
  config: Promise<SanitizedConfig>
  /** Calls the REST route handler as a browser would: `rest('GET', '/articles?limit=5')`. */
  rest: (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    pathAndQuery: string,
    options?: RequestOptions,
  ) => Promise<Response>
  /** Calls the GraphQL route handler and returns its JSON body with the HTTP status. */
  graphql: <T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ) => Promise<GraphQLResult<T>>
  /** The GraphQL route's handlers (GET or POST by the request's method): hand it any standard Request (the SDK tests' `fetch`). */
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
 * The database for one test file: its own SQLite file in a fresh temporary folder; when
 * `TEST_DATABASE_URL` names a MongoDB server, its own database there; when it names a PostgreSQL
 * server, its own fresh database there (created now, dropped by `close()`).
 */
async function testDatabase(
  sqliteOnly = false,
): Promise<{ databaseUrl: string; dataDir: string; drop?: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-test-'))
  const shared = sqliteOnly ? undefined : process.env.TEST_DATABASE_URL
  const name = `news_portal_test_${crypto.randomBytes(6).toString('hex')}`
  if (shared && /^mongodb(\+srv)?:\/\//.test(shared)) {
    const url = new URL(shared)
    url.pathname = `/${name}`
    return { databaseUrl: url.toString(), dataDir }
  }
  if (shared && /^postgres(ql)?:\/\//.test(shared)) {
    await postgresAdmin(shared, `CREATE DATABASE ${name}`)
    const url = new URL(shared)
    url.pathname = `/${name}`
    return { databaseUrl: url.toString(), dataDir, drop: () => dropPostgresDatabase(shared, name) }
  }
  return { databaseUrl: `file:${path.join(dataDir, 'test.db')}`, dataDir }
}

type PgClient = { end: () => Promise<void>; on: (event: 'error', listener: () => void) => void }
type PgPool = {
  _clients?: PgClient[]
  on: (event: 'error', listener: () => void) => void
  end: () => Promise<void>
}

/** Ends every connection of the Postgres adapter's pool, the one it keeps checked out included. */
export async function closePostgresPool(payload: Payload): Promise<void> {
  const pool = (payload.db as unknown as { pool?: PgPool }).pool
  if (!pool) return
  pool.on('error', () => {})
  await Promise.all(
    [...(pool._clients ?? [])].map((client) => {
      client.on('error', () => {})
      // A connection that does not close within 2 s is left to DROP DATABASE … WITH (FORCE).
      return Promise.race([
        client.end().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
      ])
    }),
  )
  // The pool does not track the client it handed out and Payload never returned, so end() would
  // wait for it forever: mark the pool ended without waiting.
  void pool.end().catch(() => {})
}

/** Drops a test database once its connections are gone (ending what is left after two tries). */
async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postgresAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name}`)
    } catch (error) {
      // 55006: "database … is being accessed by other users": the server already waited 5 s for
      // the connections to close; one more try, then end them.
      if ((error as { code?: string }).code !== '55006') throw error
      if (attempt >= 1)
        return await postgresAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** Runs one statement on the server's maintenance database (the one `TEST_DATABASE_URL` names). */
async function postgresAdmin(serverUrl: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function startTestApp(
  plugin: NewsPortalPluginConfig = {},
  {
    sqliteOnly = false,
    collections,
  }: { sqliteOnly?: boolean; collections?: CollectionConfig[] } = {},
): Promise<TestApp> {
  const { databaseUrl, dataDir, drop } = await testDatabase(sqliteOnly)
  const config = buildAppConfig({ databaseUrl, dataDir, plugin, collections })
  const payload = await getPayload({ config, key: dataDir })
  const handlers = {
    GET: withPublicCache(config, REST_GET(config)),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  // The route as apps deploy it (app/(payload)/api/graphql/route.ts): the plugin's wrappers first.
  const post = limitRequestBody(config, withPublicCache(config, GRAPHQL_POST(config)))
  const graphqlHandler = withHttpCaching(config, post)
  const graphqlGetHandler = withHttpCaching(config, graphqlGet(config, post))

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
      const json = (await response.json()) as {
        data: any
        errors?: GraphQLResult<unknown>['errors']
      }
      return { status: response.status, data: json.data, errors: json.errors }
    },
    graphqlRoute: (request) =>
      request.method === 'GET' ? graphqlGetHandler(request) : graphqlHandler(request),
    async login(email, password) {
      const result = await payload.login({ collection: 'users', data: { email, password } })
      if (!result.token) throw new Error(`login failed for ${email}`)
      return result.token
    },
    async close() {
      await payload.destroy()
      // The route handlers' own instance (getPayload's default key) polls the cache signal too.
      const served = (
        globalThis as { _payload?: Map<string, { payload?: Payload }> }
      )._payload?.get('default')?.payload
      if (served && served !== payload) {
        stopPublicCache(served)
        if (drop) await closePostgresPool(served)
      }
      if (drop) {
        // Payload's Postgres adapter keeps its pool (and one client it never releases) after
        // destroy(): close every connection cleanly before the database is dropped.
        await closePostgresPool(payload)
        await drop()
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
