import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { getPayload, type Payload } from 'payload'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAppConfig } from '../config/buildAppConfig.js'
import { closePostgresPool } from './helpers/app.js'
import { down as sqliteDown } from '../migrations/sqlite/20261130_121503_sites.js'
import { down as postgresDown } from '../migrations/postgres/20261130_121508_sites.js'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.js'
import { migrations as postgresMigrations } from '../migrations/postgres/index.js'

// A database made by the code from before sites (its production seed plus a few readers' visits
// and votes, tests/fixtures/presites/, written by scripts/migrate-fixture.sh) is started with the
// current code in production mode, which runs the committed migrations: every article, figure
// and user must come through, on the default site. On PostgreSQL when TEST_DATABASE_URL names one.
const fixtures = path.resolve(__dirname, 'fixtures/presites')
const server = process.env.TEST_DATABASE_URL
const kind = server && /^postgres(ql)?:\/\//.test(server) ? 'postgres' : 'sqlite'
const before = JSON.parse(fs.readFileSync(path.join(fixtures, `${kind}.before.json`), 'utf8')) as {
  now: string
  visitorStats: Record<string, number>
  articles: Array<Record<string, unknown>>
}

type Row = Record<string, unknown>
let dataDir: string
let databaseUrl: string
let payload: Payload
let graphql: (query: string) => Promise<any>
let old: Record<string, Row[]>
let upgraded: Record<string, Row[]>
let query: (text: string) => Promise<Row[]>

/** Rows as plain values (PostgreSQL answers numbers as strings for numeric, dates as Date). */
const plain = (rows: Row[]): Row[] =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Date
          ? value.toISOString()
          : typeof value === 'bigint'
            ? Number(value)
            : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && key !== 'key'
              ? Number(value)
              : value,
      ]),
    ),
  )

/** What the upgrade must keep, read with plain SQL (the same statements before and after). */
const snapshotQueries = {
  articles: 'SELECT id, slug, _status AS status FROM articles ORDER BY id',
  titles: 'SELECT _parent_id AS id, _locale AS locale, title FROM articles_locales ORDER BY id',
  articleRels: 'SELECT parent_id, path, categories_id, authors_id FROM articles_rels ORDER BY id',
  versions: 'SELECT id, parent_id, version_slug AS slug FROM _articles_v ORDER BY id',
  categories: 'SELECT id, slug FROM categories ORDER BY id',
  authors: 'SELECT id, slug FROM authors ORDER BY id',
  sources: 'SELECT id, slug FROM sources ORDER BY id',
  widgets: 'SELECT id, slug, kind FROM counter_widgets ORDER BY id',
  counts: 'SELECT id, key, hits FROM visit_counts ORDER BY id',
  sessions: 'SELECT id, key, scope, last_seen_at FROM visit_sessions ORDER BY id',
  ratings: 'SELECT id, article_id, score FROM ratings ORDER BY id',
  summaries: 'SELECT id, article_id, total, count FROM rating_summaries ORDER BY id',
  users: 'SELECT id, email FROM users ORDER BY id',
}

async function snapshot(): Promise<Record<string, Row[]>> {
  const result: Record<string, Row[]> = {}
  for (const [name, text] of Object.entries(snapshotQueries)) result[name] = await query(text)
  return result
}

async function loadOldDatabase(): Promise<void> {
  const dump = fs.readFileSync(path.join(fixtures, `${kind}.sql`), 'utf8')
  if (kind === 'sqlite') {
    const file = path.join(dataDir, 'presites.db')
    databaseUrl = `file:${file}`
    const client = createClient({ url: databaseUrl })
    await client.executeMultiple(dump)
    old = await snapshotWith(async (text) => (await client.execute(text)).rows as Row[])
    client.close()
    return
  }
  const { default: pg } = await import('pg')
  const name = `news_portal_upgrade_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(server!)
  url.pathname = `/${name}`
  databaseUrl = url.toString()
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query(dump)
  // The dump empties search_path for its own session: a fresh one reads the tables.
  await client.end()
  const reader = new pg.Client({ connectionString: databaseUrl })
  await reader.connect()
  old = await snapshotWith(async (text) => (await reader.query(text)).rows as Row[])
  await reader.end()
}

async function snapshotWith(
  read: (text: string) => Promise<Row[]>,
): Promise<Record<string, Row[]>> {
  query = async (text) => plain(await read(text))
  return snapshot()
}

/** Starts the current code as `next start` would: production mode runs the committed migrations. */
async function startUpgraded(): Promise<void> {
  const config = buildAppConfig({
    databaseUrl,
    dataDir,
    autoRunJobs: false,
    plugin: { counters: { now: () => new Date(before.now) } },
  })
  const env = { NODE_ENV: process.env.NODE_ENV, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET }
  Object.assign(process.env, { NODE_ENV: 'production', PAYLOAD_SECRET: 'sites-upgrade-test' })
  try {
    // The default key: the GraphQL route below asks getPayload for this same instance.
    payload = await getPayload({ config })
  } finally {
    Object.assign(process.env, env)
    if (env.PAYLOAD_SECRET === undefined) delete process.env.PAYLOAD_SECRET
  }
  const route = GRAPHQL_POST(config)
  graphql = async (text) => {
    const response = await route(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: text }),
      }),
    )
    const body = (await response.json()) as { data: any; errors?: unknown[] }
    expect(body.errors).toBeUndefined()
    return body.data
  }
  const db = payload.db as unknown as {
    client?: { execute: (text: string) => Promise<{ rows: Row[] }> }
    pool?: { query: (text: string) => Promise<{ rows: Row[] }> }
  }
  query = async (text) =>
    plain(db.client ? (await db.client.execute(text)).rows : (await db.pool!.query(text)).rows)
  upgraded = await snapshot()
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-upgrade-'))
  await loadOldDatabase()
  await startUpgraded()
}, 60_000)

afterAll(async () => {
  await payload?.destroy()
  if (kind === 'postgres' && payload) {
    await closePostgresPool(payload)
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: server })
    await admin.connect()
    await admin.query(
      `DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`,
    )
    await admin.end()
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const defaultSiteId = async () =>
  (await query('SELECT id FROM sites WHERE is_default = true'))[0]?.id as number

describe(`a ${kind} database from before sites, upgraded by the migrations`, () => {
  it('was made by the old code: it has content, figures, votes and rate-limit windows', () => {
    expect(old.articles.length).toBe(42)
    expect(old.counts.length).toBe(6)
    expect(old.sessions.length).toBe(10)
    expect(old.summaries.length).toBe(3)
    expect(old.users.length).toBe(1)
  })

  it('gains exactly one site, the default, made from the plugin options', async () => {
    const sites = await query('SELECT id, slug, site_url, time_zone, is_default FROM sites')
    expect(sites).toEqual([
      {
        id: sites[0].id,
        slug: 'cong-thong-tin-dien-tu',
        site_url: null,
        time_zone: 'Asia/Ho_Chi_Minh',
        is_default: kind === 'sqlite' ? 1 : true,
      },
    ])
    expect(await query('SELECT _locale AS locale, name FROM sites_locales')).toEqual([
      { locale: 'vi', name: 'Cổng thông tin điện tử' },
    ])
    const migrations = await query('SELECT name FROM payload_migrations ORDER BY name')
    // Every committed migration has run, in order (the list is the migrations' own index).
    expect(migrations.map((row) => row.name)).toEqual(
      (kind === 'sqlite' ? sqliteMigrations : postgresMigrations).map(
        (migration) => migration.name,
      ),
    )
  })

  it('gets a search index holding every article, filled at the first start', async () => {
    const key = kind === 'sqlite' ? 'rowid' : 'article_id'
    const indexed = await query(`SELECT ${key} AS id FROM portal_search ORDER BY ${key}`)
    expect(indexed.map((row) => row.id)).toEqual(old.articles.map((row) => row.id))
  })

  it('keeps every article, version, title, relationship, author and source: nothing renumbered', () => {
    for (const name of [
      'articles',
      'titles',
      'articleRels',
      'versions',
      'categories',
      'authors',
      'sources',
      'widgets',
      'ratings',
      'summaries',
      'users',
    ])
      expect(upgraded[name], name).toEqual(old[name])
  })

  it('puts every article, version, category and counter widget on the default site; authors and sources stay shared', async () => {
    const site = await defaultSiteId()
    const sitesOf = async (table: string, column = 'site_id') =>
      (await query(`SELECT DISTINCT ${column} AS site FROM ${table}`)).map((row) => row.site)
    expect(await sitesOf('articles')).toEqual([site])
    expect(await sitesOf('_articles_v', 'version_site_id')).toEqual([site])
    expect(await sitesOf('categories')).toEqual([site])
    expect(await sitesOf('counter_widgets')).toEqual([site])
    expect(await sitesOf('authors')).toEqual([null])
    expect(await sitesOf('sources')).toEqual([null])
  })

  it("moves every counter row under the site's prefix with the same figure; empties the rate-limit windows", async () => {
    const prefix = `site:${await defaultSiteId()}:`
    expect(upgraded.counts).toEqual(old.counts.map((row) => ({ ...row, key: prefix + row.key })))
    expect(upgraded.sessions).toEqual(
      old.sessions.map((row) => ({
        ...row,
        key: prefix + row.key,
        scope: prefix + row.scope,
      })),
    )
    expect(await query('SELECT id FROM rate_limit_hits')).toEqual([])
  })

  it('gives every existing user the default site', async () => {
    const site = await defaultSiteId()
    const { docs } = await payload.find({ collection: 'users', depth: 0, overrideAccess: true })
    expect(docs.map((user) => [user.id, (user as { sites?: unknown }).sites])).toEqual(
      old.users.map((user) => [user.id, [site]]),
    )
  })

  it('shows the same articles, views and ratings over GraphQL as the old code did', async () => {
    const data = await graphql(
      '{ Articles(limit: 100, sort: "-publishedAt") { docs { id slug title views rating { total count } } } }',
    )
    expect(data.Articles.docs).toEqual(before.articles)
  })

  it('shows the same visitor figures as the old code did at the same instant', async () => {
    const data = await graphql('{ VisitorStats { online today thisMonth lastMonth total } }')
    expect(data.VisitorStats).toEqual(before.visitorStats)
  })

  it('goes back down without losing a row: keys lose the prefix, the unique slugs return', async () => {
    const down = kind === 'sqlite' ? sqliteDown : postgresDown
    // The later migrations first (newest first, as `migrate:down` would): some index `site_id`.
    const all = kind === 'sqlite' ? sqliteMigrations : postgresMigrations
    const sitesAt = all.findIndex((migration) => migration.name.endsWith('_sites'))
    for (const later of all.slice(sitesAt + 1).reverse())
      await later.down({ db: (payload.db as any).drizzle, payload, req: {} } as never)
    await down({ db: (payload.db as any).drizzle, payload, req: {} } as never)
    const back = await snapshot()
    expect(back).toEqual(old)
    const tables = await query(
      kind === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sites%'"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'sites%'",
    )
    expect(tables).toEqual([])
    const slug = old.articles[0].slug as string
    await expect(
      query(`INSERT INTO articles (slug) VALUES ('${slug}')`),
      'the unique slug index is back',
    ).rejects.toThrow(/unique/i)
  })
})
