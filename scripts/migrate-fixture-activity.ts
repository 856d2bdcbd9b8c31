// Run by scripts/migrate-fixture.sh INSIDE a checkout of the code before sites, on a database its
// production seed made: readers visit and rate through GraphQL, then the figures that code shows
// are written to the file named by FIXTURE_BEFORE (what tests/sites-upgrade.test.ts compares with).
import fs from 'node:fs'
import path from 'node:path'
import { getPayload } from 'payload'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { buildAppConfig } from '../config/buildAppConfig.js'

const now = new Date(process.env.FIXTURE_NOW!)
const config = buildAppConfig({
  dataDir: path.resolve('data'),
  autoRunJobs: false,
  // The database store, so the old database holds rate-limit rows too (the upgrade empties them).
  plugin: { counters: { now: () => now }, ratingRateLimitStore: 'database' },
})
const payload = await getPayload({ config })
const graphql = GRAPHQL_POST(config)

let client = 0
async function ask(query: string, variables: Record<string, unknown> = {}, voter?: string) {
  client += 1
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(voter ? { 'x-voter-token': voter } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  // One address per reader: the per-address limits never refuse the fixture's traffic.
  Object.defineProperty(request, 'ip', { value: `198.51.100.${client % 250}` })
  const body = (await (await graphql(request)).json()) as {
    data: Record<string, Record<string, unknown>>
    errors?: unknown[]
  }
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors))
  return body.data
}

const articleFields = 'id slug title views rating { total count }'
const list = async () =>
  (await ask(`{ Articles(limit: 100, sort: "-publishedAt") { docs { ${articleFields} } } }`))
    .Articles.docs as Array<{ id: number; slug: string }>

const articles = await list()
const visits: Array<[string, number | undefined]> = [
  ['reader-1', articles[0].id],
  ['reader-1', articles[1].id],
  ['reader-2', articles[0].id],
  ['reader-3', undefined],
  ['reader-4', articles[2].id],
  ['reader-5', articles[0].id],
]
for (const [session, article] of visits)
  await ask(
    'mutation ($session: String!, $article: ID) { recordVisit(session: $session, article: $article) { total } }',
    { session, article },
  )
const votes: Array<[string, number, number]> = [
  ['voter-1', articles[0].id, 5],
  ['voter-2', articles[0].id, 4],
  ['voter-3', articles[1].id, 2],
  ['voter-1', articles[2].id, 3],
]
for (const [voter, article, score] of votes)
  await ask(
    'mutation ($article: ID!, $score: Int!) { rateArticle(article: $article, score: $score) { total } }',
    { article, score },
    voter,
  )

const stats = await ask('{ VisitorStats { online today thisMonth lastMonth total } }')
const before = {
  now: now.toISOString(),
  visitorStats: stats.VisitorStats,
  articles: await list(),
}
fs.writeFileSync(process.env.FIXTURE_BEFORE!, `${JSON.stringify(before, null, 2)}\n`)
await payload.destroy()
process.exit(0)
