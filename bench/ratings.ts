/**
 * Votes per second through the GraphQL route handler at 50 concurrent voters, against a bare
 * `{ __typename }` request through the same handler, same process, same run.
 * Run: npm run bench:ratings  (VOTES=4000 CONCURRENCY=50 ROUNDS=8 by default)
 */
import { startTestApp } from '../tests/helpers/app.js'
import { createRatingArticles, RATE, storedSummary, voteCount } from '../tests/ratings/fixtures.js'

const VOTES = Number(process.env.VOTES ?? 4000)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50)
const ROUNDS = Number(process.env.ROUNDS ?? 8)

process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'

/** CPU time (user + system) per request of each measured round, in ms: steadier than rates on a shared machine. */
const cpuPerRequest: Record<'bare' | 'vote', number[]> = { bare: [], vote: [] }

async function run(
  label: string,
  total: number,
  task: (i: number) => Promise<void>,
  kind?: 'bare' | 'vote',
): Promise<number> {
  let next = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await task(next++)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  if (kind) cpuPerRequest[kind].push((used.user + used.system) / 1000 / total)
  const rate = total / seconds
  console.log(
    `${label.padEnd(22)} ${total} requests in ${seconds.toFixed(2)} s → ${rate.toFixed(0)}/s`,
  )
  return rate
}

async function main() {
  const app = await startTestApp({ ratingsPerMinute: 30 })
  const quiet = app.payload.logger
  quiet.level = 'warn'
  try {
    const articles = await createRatingArticles(app.payload)
    const article = String(articles.published)
    const voter = (prefix: string, i: number) => ({
      headers: { 'x-voter-token': `${prefix}-${i}` },
      ip: `10.${prefix.length}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`,
    })
    const bare = async () => {
      const result = await app.graphql('{ __typename }')
      if (result.data?.__typename !== 'Query')
        throw new Error(`bare request failed: ${JSON.stringify(result)}`)
    }
    const scoreOf = (i: number) => (i % 5) + 1
    const vote = (prefix: string, on: string) => async (i: number) => {
      const result = await app.graphql(RATE, { article: on, score: scoreOf(i) }, voter(prefix, i))
      if (!result.data?.rateArticle)
        throw new Error(`vote ${i} failed: ${JSON.stringify(result.errors)}`)
    }

    // Warm-up: schema build, JIT, first summary row.
    await run('warm-up bare', 200, bare)
    await run('warm-up votes', 200, vote('warm', String(articles.other)))

    // Alternate rounds so both kinds see the same machine load; keep each kind's best round.
    const bareRates: number[] = []
    const voteRates: number[] = []
    const perRound = Math.ceil(VOTES / ROUNDS)
    let voted = 0
    for (let round = 0; round < ROUNDS; round++) {
      bareRates.push(await run(`bare { __typename } #${round + 1}`, perRound, bare, 'bare'))
      const offset = voted
      voteRates.push(
        await run(
          `rateArticle #${round + 1}`,
          perRound,
          (i) => vote('bench', article)(offset + i),
          'vote',
        ),
      )
      voted += perRound
    }
    const bareRate = Math.max(...bareRates)
    const voteRate = Math.max(...voteRates)
    const ratio = bareRate / voteRate
    console.log(
      `\nconcurrency ${CONCURRENCY}, adapter ${app.payload.db.name}, best of ${ROUNDS} rounds each`,
    )
    console.log(`bare ${bareRate.toFixed(0)}/s, votes ${voteRate.toFixed(0)}/s`)
    console.log(`a vote costs ${ratio.toFixed(2)}× a bare request (target ≤ 2×)`)
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const [bareCpu, voteCpu] = [median(cpuPerRequest.bare), median(cpuPerRequest.vote)]
    console.log(
      `CPU per request (median of rounds): bare ${bareCpu.toFixed(3)} ms, vote ${voteCpu.toFixed(3)} ms → ${(voteCpu / bareCpu).toFixed(2)}×; ` +
        `per-round ratios ${cpuPerRequest.vote.map((v, i) => (v / cpuPerRequest.bare[i]).toFixed(2)).join(' ')}`,
    )

    const expectedTotal = Array.from({ length: voted }, (_, i) => scoreOf(i)).reduce(
      (a, b) => a + b,
      0,
    )
    const summary = await storedSummary(app.payload, articles.published)
    const logged = await voteCount(app.payload, articles.published)
    const exact = summary.count === voted && summary.total === expectedTotal && logged === voted
    console.log(
      `final: count ${summary.count} (expected ${voted}), total ${summary.total} (expected ${expectedTotal}), log rows ${logged} → ${exact ? 'exact' : 'WRONG'}`,
    )
    if (!exact) process.exitCode = 1
  } finally {
    await app.close()
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
