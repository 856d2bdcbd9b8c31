/**
 * `npm run bench:search`: SearchArticles against a plain `like` filter, in-process, at 100,000 articles.
 *
 * - A fresh SQLite database (or PostgreSQL: BENCH_POSTGRES_URL, a server where a database may be
 *   created) is filled with BENCH_ARTICLES (default 100000) published articles by raw SQL: titles
 *   and leads of Vietnamese syllables, and their search-index rows. `--db <file.db>` (or BENCH_DB)
 *   takes a prepared SQLite database instead (`npm run seed:archive`'s): nothing is written; an
 *   empty index is filled at start.
 * - Each query of QUERIES runs BENCH_RUNS times (default 30, after 3 warm-ups) through
 *   `searchArticles` (the resolver's own function: the index's ids and total, then the page's
 *   articles) and through Payload's `find` with `or: [{ title: { like } }, { lead: { like } }]`
 *   on the same public, same-site articles (10 per page, with the total, newest first).
 * Prints each query's matches and p50/p95 of both, and the ratio of the medians.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq, getPayload, type Payload } from 'payload'
import { buildAppConfig } from '../config/buildAppConfig.js'
import { startTestApp, type TestApp } from '../tests/helpers/app.js'
import { searchArticles } from '../features/search/index.js'
import { indexText, searchTerms } from '../features/search/terms.js'
import { runSql, wordsLiteral } from '../features/search/sql.js'
import { SEARCH_TABLE, searchArticleIds } from '../features/search/store.js'
import { publicArticleWhere } from '../features/content/publicWhere.js'
import { loadSites } from '../features/sites/registry.js'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)
const dbFlag = process.argv.indexOf('--db')
const PREPARED = dbFlag > 0 ? process.argv[dbFlag + 1] : process.env.BENCH_DB
const QUERIES = ['hội thảo', 'nông thôn mới', 'chuyển đổi số', 'Pá Hu', 'bản làng vùng cao']

const SYLLABLES = `hội thảo nông thôn mới chuyển đổi số xây dựng bản làng vùng cao huyện xã tỉnh
  kinh tế xã hội văn hóa du lịch giáo dục y tế an ninh quốc phòng đường giao thông cầu trường học
  trạm điện nước sạch rừng ruộng bậc thang lúa ngô chè cao su lễ hội hoa ban múa xòe đồng bào dân
  tộc thái mông dao hà nhì lự kháng giáy mùa vụ thu hoạch giá cả thị trường hợp tác doanh nghiệp
  đầu tư công trình dự án kế hoạch năm tháng quý hội nghị tổng kết sơ kết triển khai thực hiện
  chỉ thị nghị quyết cán bộ đảng viên chi bộ mặt trận thanh niên phụ nữ cựu chiến binh nông dân
  tuyên truyền phòng chống thiên tai lũ quét sạt lở cháy rừng dịch bệnh tiêm chủng học sinh`
  .split(/\s+/)
  .filter(Boolean)

/** A seeded generator: the same data on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function fill(payload: Payload, siteId: number) {
  const next = random(15)
  const words = (n: number) =>
    Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(' ')
  const sqlite = payload.db.name === 'sqlite'
  const [{ start }] = await runSql(payload, 'SELECT coalesce(max(id), 0) AS "start" FROM articles')
  const first = Number(start) + 1
  const BATCH = 500
  const t0 = Date.now()
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const articles: string[] = []
    const locales: string[] = []
    const index: string[] = []
    for (let n = from; n < Math.min(from + BATCH, ARTICLES); n++) {
      const id = first + n
      // One in a thousand names a rare place: the selective query.
      const title = `${words(6 + Math.floor(next() * 5))}${n % 1000 === 7 ? ' Pá Hu' : ''}`
      const lead = words(15 + Math.floor(next() * 10))
      const at = new Date(Date.UTC(2020, 0, 1) + n * 1_800_000).toISOString()
      articles.push(`(${id}, 'bench-${id}', '${at}', 'published', ${siteId}, '${at}', '${at}')`)
      locales.push(`(${wordsLiteral(title)}, ${wordsLiteral(lead)}, 'vi', ${id})`)
      index.push(`(${id}, ${wordsLiteral(indexText([title]))}, ${wordsLiteral(indexText([lead]))})`)
    }
    await runSql(
      payload,
      `INSERT INTO articles (id, slug, published_at, _status, site_id, updated_at, created_at) VALUES ${articles.join(',')}`,
    )
    await runSql(
      payload,
      `INSERT INTO articles_locales (title, lead, _locale, _parent_id) VALUES ${locales.join(',')}`,
    )
    await runSql(
      payload,
      `INSERT INTO "${SEARCH_TABLE}" (${sqlite ? 'rowid' : 'article_id'}, title, body) VALUES ${index.join(',')}`,
    )
  }
  if (!sqlite)
    await runSql(
      payload,
      `SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`,
    )
  if (sqlite)
    await runSql(payload, `INSERT INTO "${SEARCH_TABLE}"("${SEARCH_TABLE}") VALUES ('optimize')`)
  else await runSql(payload, 'ANALYZE')
  console.log(`filled ${ARTICLES} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let warm = 0; warm < 3; warm++) await run()
  const times: number[] = []
  for (let n = 0; n < RUNS; n++) {
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
  }
  return times
}

process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'
if (process.env.BENCH_POSTGRES_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_POSTGRES_URL
let app: TestApp | undefined
let payload: Payload
if (PREPARED) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'))
  const config = buildAppConfig({ databaseUrl: `file:${path.resolve(PREPARED)}`, dataDir })
  payload = await getPayload({ config })
} else {
  app = await startTestApp({})
  payload = app.payload
}
payload.logger.level = 'warn'
try {
  const { defaultSite } = await loadSites(payload)
  if (!defaultSite) throw new Error('no default site')
  if (!PREPARED) await fill(payload, Number(defaultSite.id))
  const req = await createLocalReq({}, payload)
  const options = { trustProxy: false, maxPublicPageSize: 100 }
  const select = { title: true, slug: true, publishedAt: true } as const
  const total = await payload.count({ collection: 'articles', overrideAccess: true })
  console.log(`${payload.db.name}, ${total.totalDocs} articles, ${RUNS} runs per query\n`)
  console.log(
    'query                  matches   search p50 / p95 ms    like p50 / p95 ms   like/search',
  )
  for (const q of QUERIES) {
    const found = await searchArticles(req, { q }, options, select)
    const like = () =>
      payload.find({
        collection: 'articles',
        where: {
          and: [
            publicArticleWhere(),
            { site: { equals: defaultSite.id } },
            { or: [{ title: { like: q } }, { lead: { like: q } }] },
          ],
        },
        sort: ['-publishedAt', '-id'],
        limit: 10,
        depth: 0,
        select,
        overrideAccess: true,
      })
    const liked = await like()
    const searchTimes = await time(() => searchArticles(req, { q }, options, select))
    const likeTimes = await time(like)
    const terms = searchTerms(q)
    const idTimes = await time(() =>
      searchArticleIds(payload, undefined, {
        terms,
        siteId: defaultSite.id,
        categoryId: null,
        now: new Date(),
        limit: 10,
        offset: 0,
      }),
    )
    const ratio = percentile(likeTimes, 50) / percentile(searchTimes, 50)
    console.log(
      `${q.padEnd(22)} ${String(found.totalDocs).padStart(7)} ${percentile(searchTimes, 50).toFixed(1).padStart(10)} / ${percentile(searchTimes, 95).toFixed(1).padEnd(8)} ${percentile(likeTimes, 50).toFixed(1).padStart(10)} / ${percentile(likeTimes, 95).toFixed(1).padEnd(8)} ${ratio.toFixed(1).padStart(8)}×   (like found ${liked.totalDocs}; the index query alone: ${percentile(idTimes, 50).toFixed(1)} ms)`,
    )
  }
} finally {
  if (app) await app.close()
  else await payload.destroy()
}
