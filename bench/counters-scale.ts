/**
 * `npm run bench:counters-scale`: recordVisit and rateArticle, one request at a time through the
 * GraphQL route handler, on a database holding BENCH_VOTES votes (default 1,000,000) and the
 * visit-session table at its pruning ceiling, against a fresh database in the same run. Both
 * databases get the demo seed and a 1,000-article archive first; rounds alternate between them.
 * The ceiling: the prune task (every 10 minutes by default) keeps sessions seen within
 * max(sessionIdleMinutes, onlineWindowMinutes) = 30 minutes, so the table holds up to 40 minutes
 * of sessions: BENCH_SESSIONS rows (default 500,000, ~200 new sessions a second) over 40 minutes.
 * TEST_DATABASE_URL=postgres://… runs it on PostgreSQL. Prints each ratio; target ≤ 1.5×.
 */
import { startTestApp, type TestApp } from '../tests/helpers/app.js'
import { seed } from '../seed/index.js'
import { generateArchive } from '../seed/archive/generate.js'
import { fillSessions, fillVotes } from './scale/counterRows.js'
import { ms, summarize, timeOneAtATime } from './scale/timing.js'
import { pruneSessions, SESSIONS } from '../features/counters/store.js'
import type { Id } from '../core/ids.js'

const VOTES = Number(process.env.BENCH_VOTES ?? 1_000_000)
const SESSIONS_ROWS = Number(process.env.BENCH_SESSIONS ?? 500_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 200)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CEILING_MINUTES = 40

process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'
// Two databases in one process: Payload pushes the schema once per process unless forced.
process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'

const VISIT = `mutation Visit($session: String!, $article: ID) {
  recordVisit(session: $session, path: "/tin-tuc-su-kien", article: $article) { online today thisMonth lastMonth total updatedAt }
}`
const RATE = `mutation Rate($article: ID!, $score: Int!) { rateArticle(article: $article, score: $score) { total count average } }`

interface Subject {
  name: 'fresh' | 'filled'
  app: TestApp
  site: Id
  articles: Id[]
}

async function prepare(name: Subject['name']): Promise<Subject> {
  const app = await startTestApp({})
  app.payload.logger.level = 'warn'
  await seed(app.payload, { log: false })
  const articles: Id[] = []
  await generateArchive(app.payload, {
    articles: 1_000,
    onArticle: (article, kind) => void (kind === 'public' && articles.push(article.id)),
  })
  const site = (await app.payload.find({ collection: 'sites', depth: 0, limit: 1, sort: 'id' }))
    .docs[0].id
  return { name, app, site, articles }
}

const subjects = [await prepare('fresh'), await prepare('filled')]
try {
  const filled = subjects[1]
  // Only the default site's articles: the requests carry no site, so they are on the default site.
  for (const subject of subjects) {
    const { docs } = await subject.app.payload.find({
      collection: 'articles',
      where: { site: { equals: subject.site } },
      depth: 0,
      limit: 0,
      select: { id: true },
    })
    subject.articles = subject.articles.filter((id) => docs.some((doc) => doc.id === id))
  }
  let started = Date.now()
  await fillVotes(filled.app.payload, {
    articles: filled.articles,
    hot: filled.articles[0],
    votes: VOTES,
    hotShare: 0.1,
  })
  console.log(`filled ${VOTES} votes in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  started = Date.now()
  await fillSessions(filled.app.payload, {
    site: filled.site,
    rows: SESSIONS_ROWS,
    windowMinutes: CEILING_MINUTES,
    articles: filled.articles,
  })
  console.log(
    `filled ${SESSIONS_ROWS} visit sessions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  // The filled rows must be the ones the mutations meet: the site's online sessions and the hot article's votes.
  const stats = await filled.app.graphql('{ VisitorStats { online } }')
  const online = Number(stats.data?.VisitorStats?.online)
  const summary = await filled.app.payload.find({
    collection: 'rating-summaries' as never,
    where: { article: { equals: filled.articles[0] } },
    depth: 0,
  })
  const hotVotes = Number((summary.docs[0] as unknown as { count?: number })?.count)
  console.log(`filled database: ${online} sessions online, ${hotVotes} votes on the hot article`)
  // At least two of the five online minutes: filling takes a while, the window moves meanwhile.
  if (!(online > (SESSIONS_ROWS / 3) * (2 / CEILING_MINUTES)) || !(hotVotes >= VOTES * 0.1))
    throw new Error('the filled rows are not where the mutations look')

  const call = async (
    subject: Subject,
    query: string,
    variables: object,
    headers = {},
    ip?: string,
  ) => {
    const result = await subject.app.graphql(query, variables as Record<string, unknown>, {
      headers,
      ip,
    })
    if (result.errors) throw new Error(`${subject.name}: ${JSON.stringify(result.errors)}`)
  }
  let sequence = 0
  const reads = {
    'recordVisit, new session': (s: Subject) => (i: number) =>
      call(s, VISIT, { session: `bench-new-${sequence++}-${i}` }),
    'recordVisit, new session + article view': (s: Subject) => (i: number) =>
      call(s, VISIT, {
        session: `bench-view-${sequence++}-${i}`,
        article: s.articles[1 + (i % (s.articles.length - 1))],
      }),
    'recordVisit, returning session': (s: Subject) => (i: number) =>
      call(s, VISIT, { session: `bench-back-${i % 20}` }),
    'rateArticle, new voter, hot article': (s: Subject) => (i: number) =>
      call(
        s,
        RATE,
        { article: s.articles[0], score: (i % 5) + 1 },
        { 'x-voter-token': `bench-voter-${sequence++}` },
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      ),
  }
  const times = new Map<string, number[]>()
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, task] of Object.entries(reads))
      for (const subject of subjects) {
        const key = `${name}|${subject.name}`
        const measured = await timeOneAtATime(task(subject), {
          warmup: 20,
          runs: Math.ceil(RUNS / ROUNDS),
          offset: round * 10_000,
        })
        times.set(key, [...(times.get(key) ?? []), ...measured])
      }
  console.log(
    `\n${subjects[0].app.payload.db.name}: ${VOTES} votes, ${SESSIONS_ROWS} visit sessions (ceiling: ${CEILING_MINUTES} min of sessions); ${RUNS} requests each, one at a time`,
  )
  console.log('| mutation | fresh median (p95) ms | filled median (p95) ms | ratio (median) |')
  console.log('|---|---|---|---|')
  let worst = 0
  for (const name of Object.keys(reads)) {
    const fresh = summarize(times.get(`${name}|fresh`)!)
    const full = summarize(times.get(`${name}|filled`)!)
    const ratio = full.median / fresh.median
    worst = Math.max(worst, ratio)
    console.log(
      `| ${name} | ${ms(fresh.median)} (${ms(fresh.p95)}) | ${ms(full.median)} (${ms(full.p95)}) | ${ratio.toFixed(2)}× |`,
    )
  }
  console.log(`\nworst ratio ${worst.toFixed(2)}× (target ≤ 1.5×)`)
  // The prune task at the ceiling: one statement deleting the sessions idle past 30 minutes (a
  // quarter of them); on SQLite every writer waits for it.
  const pruneStarted = performance.now()
  const pruning = pruneSessions(filled.app.payload, new Date(Date.now() - 30 * 60_000))
  // A visit arriving 20 ms into the prune, timed from its arrival: a statement that blocks the
  // event loop (libsql runs SQLite on it) holds back every request of the process, not only writes.
  const arrival = performance.now() + 20
  await new Promise((resolve) => setTimeout(resolve, 20))
  await reads['recordVisit, new session'](filled)(0)
  const during = performance.now() - arrival
  await pruning
  const left = await filled.app.payload.db.count({ collection: SESSIONS, where: {} })
  console.log(
    `pruneSessions at the ceiling: ${ms(performance.now() - pruneStarted)} ms, ${SESSIONS_ROWS - left.totalDocs} of ${SESSIONS_ROWS} rows deleted; a new visit during it took ${ms(during)} ms`,
  )
} finally {
  for (const subject of subjects) await subject.app.close()
}
process.exit(0)
