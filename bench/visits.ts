/**
 * `npm run bench:visits`: recorded visits per second at 50 concurrent sessions through the real
 * GraphQL route handler, against a bare `{ __typename }` request in the same run. Every visit is a
 * new session, so each one writes (session row + day, month and total increments) and returns the
 * full VisitorStats. Also measured: hits of the 50 clients' own sessions again (the common page
 * view: one conditional UPDATE, nothing counted). The final counts must be exact or the run fails.
 */
import { startTestApp } from '../tests/helpers/app.js'

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const VISITS = Number(process.env.BENCH_VISITS ?? 2000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

const RECORD = `mutation Record($session: String!, $path: String) {
  recordVisit(session: $session, path: $path) { online today thisMonth lastMonth total updatedAt }
}`

/** CPU time (user + system, all threads of this process) spent per round, in ms: steadier than wall time on a shared machine. */
const cpu: Record<string, number[]> = { bare: [], read: [], visit: [], returning: [] }

async function runConcurrently(
  n: number,
  task: (i: number) => Promise<void>,
  label?: keyof typeof cpu,
): Promise<number> {
  let next = 0
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await task(next++)
    }),
  )
  const used = process.cpuUsage(cpuStart)
  if (label) cpu[label].push((used.user + used.system) / 1000)
  return performance.now() - started
}

const app = await startTestApp({})
let recorded = 0
let sessionSeq = 0
try {
  const bare = async () => {
    const result = await app.graphql('{ __typename }')
    if (result.errors || result.data.__typename !== 'Query')
      throw new Error(`bare request failed: ${JSON.stringify(result)}`)
  }
  const visit = async () => {
    const session = `bench-session-${String(sessionSeq++).padStart(7, '0')}`
    const result = await app.graphql(RECORD, { session, path: '/tin-tuc-su-kien' })
    if (result.errors) throw new Error(`recordVisit failed: ${JSON.stringify(result.errors)}`)
    recorded++
  }
  const read = async () => {
    const result = await app.graphql(
      '{ VisitorStats { online today thisMonth lastMonth total updatedAt } }',
    )
    if (result.errors) throw new Error(`VisitorStats failed: ${JSON.stringify(result.errors)}`)
  }
  // The 50 clients' own sessions seen again within 30 minutes: the common page view, counted once already.
  const returning = async (i: number) => {
    const result = await app.graphql(RECORD, {
      session: `bench-returning-${i % CONCURRENCY}`,
      path: '/tin-tuc-su-kien',
    })
    if (result.errors) throw new Error(`recordVisit failed: ${JSON.stringify(result.errors)}`)
  }
  // Warm up both paths (JIT, schema, prepared statements, buckets created).
  await runConcurrently(200, bare)
  await runConcurrently(200, visit)
  await runConcurrently(200, returning)
  recorded += CONCURRENCY

  const bareMs: number[] = []
  const visitMs: number[] = []
  const readMs: number[] = []
  const returningMs: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    bareMs.push(await runConcurrently(VISITS, bare, 'bare'))
    readMs.push(await runConcurrently(VISITS, read, 'read'))
    visitMs.push(await runConcurrently(VISITS, visit, 'visit'))
    returningMs.push(await runConcurrently(VISITS, returning, 'returning'))
  }
  const stats = await app.graphql('{ VisitorStats { today thisMonth total } }')
  const { today, thisMonth, total } = stats.data.VisitorStats
  const exact = today === recorded && thisMonth === recorded && total === recorded
  const best = (list: number[]) => Math.min(...list)
  const bareRate = (VISITS / best(bareMs)) * 1000
  const visitRate = (VISITS / best(visitMs)) * 1000
  console.log(
    `concurrency ${CONCURRENCY}, ${VISITS} requests per round, best of ${ROUNDS} rounds, database: ${app.payload.db.name}`,
  )
  console.log(
    `bare { __typename }:       ${bareRate.toFixed(0)} req/s   (rounds ms: ${bareMs.map((ms) => ms.toFixed(0)).join(', ')})`,
  )
  console.log(
    `VisitorStats query (no write): ${((VISITS / best(readMs)) * 1000).toFixed(0)} req/s   (rounds ms: ${readMs.map((ms) => ms.toFixed(0)).join(', ')})`,
  )
  console.log(
    `recordVisit (new session):  ${visitRate.toFixed(0)} visits/s (rounds ms: ${visitMs.map((ms) => ms.toFixed(0)).join(', ')})`,
  )
  console.log(
    `recordVisit (returning session, not counted): ${((VISITS / best(returningMs)) * 1000).toFixed(0)} req/s (rounds ms: ${returningMs.map((ms) => ms.toFixed(0)).join(', ')})`,
  )
  console.log(
    `ratio (cost of a visit / cost of a bare request): ${(bareRate / visitRate).toFixed(2)}x  (target ≤ 2x)`,
  )
  const cpuPer = (label: keyof typeof cpu) => (best(cpu[label]) / VISITS) * 1000
  console.log(
    `CPU per request (best round): bare ${cpuPer('bare').toFixed(0)} µs, VisitorStats ${cpuPer('read').toFixed(0)} µs, recordVisit ${cpuPer('visit').toFixed(0)} µs → ratio ${(cpuPer('visit') / cpuPer('bare')).toFixed(2)}x; returning session ${cpuPer('returning').toFixed(0)} µs → ${(cpuPer('returning') / cpuPer('bare')).toFixed(2)}x`,
  )
  console.log(
    `final counts: today ${today}, thisMonth ${thisMonth}, total ${total}; recorded ${recorded} → ${exact ? 'exact' : 'MISMATCH'}`,
  )
  if (!exact) process.exitCode = 1
} finally {
  await app.close()
}
process.exit(process.exitCode ?? 0)
