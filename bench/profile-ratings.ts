/**
 * Development aid for bench:ratings: CPU profiles of bare requests and of votes, taken separately
 * in one process (PROFILE_DIR, default /tmp), with CPU time per request.
 * Run: npx tsx bench/profile-ratings.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import { Session } from 'node:inspector/promises'
import { startTestApp } from '../tests/helpers/app.js'
import { createRatingArticles, RATE } from '../tests/ratings/fixtures.js'
import { countQueries } from '../tests/helpers/queryCount.js'
import { getPayload } from 'payload'

const N = Number(process.env.N ?? 3000)
const CONCURRENCY = 50
const dir = process.env.PROFILE_DIR ?? '/tmp'
process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'

async function run(total: number, task: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await task(next++)
    }),
  )
}

const app = await startTestApp({ ratingsPerMinute: 30 })
app.payload.logger.level = 'warn'
try {
  const articles = await createRatingArticles(app.payload)
  const voter = (prefix: string, i: number) => ({
    headers: { 'x-voter-token': `${prefix}-${i}` },
    ip: `10.${prefix.length}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`,
  })
  const bare = async () => {
    await app.graphql('{ __typename }')
  }
  const vote = (prefix: string, on: string) => async (i: number) => {
    const result = await app.graphql(RATE, { article: on, score: (i % 5) + 1 }, voter(prefix, i))
    if (!result.data?.rateArticle) throw new Error(JSON.stringify(result.errors))
  }
  await run(300, bare)
  await run(300, vote('warm', String(articles.other)))
  const counted = await countQueries(await getPayload({ config: app.config }), () =>
    run(1000, vote('count', String(articles.published))),
  )
  const tally: Record<string, number> = {}
  for (const call of counted.calls) tally[call] = (tally[call] ?? 0) + 1
  console.log(
    `1000 votes at ${CONCURRENCY} concurrent: ${JSON.stringify(tally)}, ${counted.statements} statements`,
  )
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  for (const [name, task] of [
    ['bare', bare],
    ['vote', vote('bench', String(articles.published))],
  ] as const) {
    await session.post('Profiler.start')
    const cpu = process.cpuUsage()
    const started = performance.now()
    await run(N, task)
    const used = process.cpuUsage(cpu)
    const { profile } = await session.post('Profiler.stop')
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
    console.log(
      `${name}: ${((performance.now() - started) / N).toFixed(3)} ms wall, ${((used.user + used.system) / 1000 / N).toFixed(3)} ms cpu per request`,
    )
  }
} finally {
  await app.close()
}
process.exit(0)
