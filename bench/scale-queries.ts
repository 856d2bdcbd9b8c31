/**
 * `npx tsx bench/scale-queries.ts --articles 100000 [--drop-indexes] [--log-sql]`: in-process latency
 * of the public and admin reads of articles at a given archive size (issue 17, the query side).
 * A fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL names a server), a few articles
 * made through the Local API, then copied by raw SQL (each copy an hour older) up to `--articles`.
 * `--drop-indexes` drops the composite indexes of the plugin first (the "before" figures).
 * `--id-first off|on|both` (default on): deep pages read ids first (features/content/idFirstReads.ts);
 * `both` measures every read without, then with it. The public cache is off: every read reaches SQL.
 * Not the archive generator (`npm run seed:archive`): a quick multiplier for query plans.
 */
import { performance } from 'node:perf_hooks'
import { getPayload } from 'payload'
import { startTestApp } from '../tests/helpers/app.js'
import { defaultSite, userOn } from '../tests/helpers/sites.js'
import { multiplyArticles, rawSql } from '../tests/helpers/archive.js'
import { RAW_READ_INDEXES } from '../features/content/readIndexes.js'
import { installIdFirstReads } from '../features/content/idFirstReads.js'

// The indexes this change adds: the declared ones (names as Payload builds them) and the raw ones.
const ARTICLE_READ_INDEXES = [
  'site__status_publishedAt_createdAt_expiresAt_idx',
  'site_primaryCategory__status_publishedAt_createdAt_expir_idx',
  'compound_index_idx',
  'compound_index_1_idx',
  ...Object.keys(RAW_READ_INDEXES),
]

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : process.argv[at + 1]
}
const TOTAL = Number(arg('articles', '1000'))
const RUNS = Number(arg('runs', '15'))
const DROP = process.argv.includes('--drop-indexes')
const LOG = process.argv.includes('--log-sql')
// PostgreSQL: EXPLAIN ANALYZE of the first page read of articles (with --log-sql).
const EXPLAIN = process.argv.includes('--explain')
const ID_FIRST = arg('id-first', 'on')
let explaining = false
const BASE = 20

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

async function main() {
  const app = await startTestApp({ publicCache: false, idFirstReads: ID_FIRST === 'on' })
  const sql = rawSql(app.payload)
  const { postgres } = sql
  const raw = (text: string) => sql.query(text)
  const { payload } = app
  const site = await defaultSite(app)
  const categories: Array<string | number> = []
  for (const title of ['Thời sự', 'Kinh tế', 'Văn hóa', 'Thể thao', 'Giáo dục'])
    categories.push(
      (await payload.create({ collection: 'categories', data: { title, site: site.id } as never }))
        .id,
    )
  const author = (
    await payload.create({ collection: 'authors', data: { name: 'Phóng viên' } as never })
  ).id
  const now = Date.now()
  for (let i = 0; i < BASE; i++) {
    const category = categories[i % categories.length]
    await payload.create({
      collection: 'articles',
      data: {
        title: `Bài ${i}`,
        lead: 'Tóm tắt của bài viết.',
        _status: 'published',
        publishedAt: new Date(now - (i + 1) * 60_000).toISOString(),
        categories: [category],
        authors: [author],
        site: site.id,
        tags: ['a', 'b'],
      } as never,
    })
  }
  await multiplyArticles(sql, BASE, Math.ceil(TOTAL / BASE) - 1)
  if (DROP) for (const index of ARTICLE_READ_INDEXES) await raw(`DROP INDEX IF EXISTS "${index}"`)
  // The first user is made an admin (config/Users.ts): the editor comes second.
  await userOn(app, 'quantri@example.com', ['admin'])
  const editor = await userOn(app, 'bientap@example.com', ['editor'], [site])
  const [{ count }] = (await raw('SELECT count(*) AS count FROM articles')) as Array<{
    count: number
  }>
  const middle = (await raw(
    `SELECT slug FROM articles WHERE id = ${Math.floor(Number(count) / 2)}`,
  )) as Array<{ slug: string }>

  const statements: string[] = []
  if (LOG) {
    // The route handlers run on their own Payload instance (the config's), not the test's.
    const routes = await getPayload({ config: app.config })
    const db = routes.db as unknown as Record<string, any>
    const target = postgres ? db.pool : db.client
    const method = postgres ? 'query' : 'execute'
    const original = target[method].bind(target)
    target[method] = async (...args: any[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0]?.sql ?? args[0]?.text)
      const start = performance.now()
      const result = await original(...args)
      statements.push(`${(performance.now() - start).toFixed(1)} ms  ${text}`)
      if (EXPLAIN && /^select "articles"\."id"/.test(text) && !explaining) {
        explaining = true
        const values = typeof args[0] === 'string' ? args[1] : (args[1] ?? args[0]?.values)
        const plan = await original(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
        console.log(plan.rows.map((row: any) => row['QUERY PLAN']).join('\n'))
      }
      return result
    }
  }
  const list = (extra: string) => `{ Articles(${extra}) { totalDocs docs { id title slug } } }`
  const reads: Record<string, () => Promise<unknown>> = {
    'Articles -publishedAt p1': () => app.graphql(list('limit: 10, sort: "-publishedAt"')),
    'Articles -publishedAt p500': () =>
      app.graphql(list('limit: 10, page: 500, sort: "-publishedAt"')),
    'Articles primaryCategory p1': () =>
      app.graphql(list(`limit: 10, where: { primaryCategory: { equals: ${categories[1]} } }`)),
    'Articles primaryCategory p500': () =>
      app.graphql(
        list(`limit: 10, page: 500, where: { primaryCategory: { equals: ${categories[1]} } }`),
      ),
    'Articles categories p1': () =>
      app.graphql(list(`limit: 10, where: { categories: { in: [${categories[1]}] } }`)),
    ArticlePage: () =>
      app.graphql(
        `{ ArticlePage(slug: "${middle[0].slug}") { article { id title bodyHtml } newer { id title } older { id title } } }`,
      ),
    'REST /api/articles?limit=10': () =>
      app.rest('GET', '/articles?limit=10').then((r) => r.text()),
    'feed.xml': () => app.rest('GET', '/feed.xml').then((r) => r.text()),
    'admin list (editor)': () =>
      app
        .rest('GET', '/articles?limit=10&depth=0&draft=true&sort=-publishedAt', {
          token: editor.token,
        })
        .then((r) => r.text()),
    'admin list (editor) p500': () =>
      app
        .rest('GET', '/articles?limit=10&page=500&depth=0&draft=true&sort=-publishedAt', {
          token: editor.token,
        })
        .then((r) => r.text()),
  }
  const only = arg('only', '')
  const passes = ID_FIRST === 'both' ? ['off', 'on'] : [ID_FIRST]
  for (const pass of passes) {
    if (pass === 'on' && ID_FIRST === 'both') {
      installIdFirstReads(payload)
      installIdFirstReads(await getPayload({ config: app.config }))
    }
    console.log(
      `${postgres ? 'postgres' : 'sqlite'} articles=${count} drop=${DROP} id-first=${pass}`,
    )
    for (const [name, run] of Object.entries(reads)) {
      if (only && !name.includes(only)) continue
      statements.length = 0
      const ms = await median(run)
      console.log(`${name.padEnd(32)} ${ms.toFixed(1).padStart(9)} ms`)
      if (LOG) {
        const seen = statements.slice(-12)
        for (const sql of seen)
          console.log('   SQL:', sql.slice(0, Number(arg('sql-width', '200'))))
      }
    }
  }
  await app.close()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
