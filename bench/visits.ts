/**
 * `npm run bench:visits`: recorded visits per second at 50 concurrent sessions through the real
 * GraphQL route handler, against a bare `{ __typename }` request in the same run. Every visit is a
 * new session, so each one writes (session row + day, month and total increments) and returns the
 * full VisitorStats. The final counts must be exact or the run fails.
 */
import { startTestApp } from '../tests/helpers/app'

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)
const VISITS = Number(process.env.BENCH_VISITS ?? 2000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

const RECORD = `mutation Record($session: String!, $path: String) {
  recordVisit(session: $session, path: $path) { online today thisMonth lastMonth total updatedAt }
}`

async function runConcurrently(n: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await task(next++)
    }),
  )
  return performance.now() - started
}

const app = await startTestApp({})
let recorded = 0
let sessionSeq = 0
try {
  const bare = async () => {
    const result = await app.graphql('{ __typename }')
    if (result.errors || result.data.__typename !== 'Query') throw new Error(`bare request failed: ${JSON.stringify(result)}`)
  }
  const visit = async () => {
    const session = `bench-session-${String(sessionSeq++).padStart(7, '0')}`
    const result = await app.graphql(RECORD, { session, path: '/tin-tuc-su-kien' })
    if (result.errors) throw new Error(`recordVisit failed: ${JSON.stringify(result.errors)}`)
    recorded++
  }
  const read = async () => {
    const result = await app.graphql('{ VisitorStats { online today thisMonth lastMonth total updatedAt } }')
    if (result.errors) throw new Error(`VisitorStats failed: ${JSON.stringify(result.errors)}`)
  }
  // Warm up both paths (JIT, schema, prepared statements, buckets created).
  await runConcurrently(200, bare)
  await runConcurrently(200, visit)

  const bareMs: number[] = []
  const visitMs: number[] = []
  const readMs: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    bareMs.push(await runConcurrently(VISITS, bare))
    readMs.push(await runConcurrently(VISITS, read))
    visitMs.push(await runConcurrently(VISITS, visit))
  }
  const stats = await app.graphql('{ VisitorStats { today thisMonth total } }')
  const { today, thisMonth, total } = stats.data.VisitorStats
  const exact = today === recorded && thisMonth === recorded && total === recorded
  const best = (list: number[]) => Math.min(...list)
  const bareRate = (VISITS / best(bareMs)) * 1000
  const visitRate = (VISITS / best(visitMs)) * 1000
  console.log(`concurrency ${CONCURRENCY}, ${VISITS} requests per round, best of ${ROUNDS} rounds, database: ${app.payload.db.name}`)
  console.log(`bare { __typename }:       ${bareRate.toFixed(0)} req/s   (rounds ms: ${bareMs.map((ms) => ms.toFixed(0)).join(', ')})`)
  console.log(`VisitorStats query (no write): ${((VISITS / best(readMs)) * 1000).toFixed(0)} req/s   (rounds ms: ${readMs.map((ms) => ms.toFixed(0)).join(', ')})`)
  console.log(`recordVisit (new session):  ${visitRate.toFixed(0)} visits/s (rounds ms: ${visitMs.map((ms) => ms.toFixed(0)).join(', ')})`)
  console.log(`ratio (cost of a visit / cost of a bare request): ${(bareRate / visitRate).toFixed(2)}x  (target ≤ 2x)`)
  console.log(`final counts: today ${today}, thisMonth ${thisMonth}, total ${total}; recorded ${recorded} → ${exact ? 'exact' : 'MISMATCH'}`)
  if (!exact) process.exitCode = 1
} finally {
  await app.close()
}
process.exit(process.exitCode ?? 0)
