/**
 * In-process profile of the article page requests through the real GraphQL route handler
 * (development aid for bench:article-page): CPU time and wall time per request, sequential.
 * Run: NODE_ENV=test npx tsx bench/profile-article-page.ts   (N=300 requests of each kind)
 */
import { startTestApp } from '../tests/helpers/app.js'
import { seed, seedArticle } from '../seed/index.js'
import { countQueries } from '../tests/helpers/queryCount.js'
import { getPayload } from 'payload'
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'

const N = Number(process.env.N ?? 300)
const ARTICLE = `id title slug lead bodyHtml publishedAt byline sourceUrl
  authors { id name avatar { url } } source { id title url }
  categories { id title slug } coverImage { id url alt caption width height }`
const CARD =
  'id title slug lead publishedAt coverImage { url alt } authors { name } categories { slug title }'
const PAGE = `query Page($slug: String!) {
  ArticlePage(slug: $slug, neighbors: 5) { article { ${ARTICLE} } newer { ${CARD} } older { ${CARD} } }
}`
const BY_ID = `query ById($id: Int!) { Article(id: $id) { ${ARTICLE} } }`
const BY_ID_SELECT = `query ById($id: Int!) { Article(id: $id, select: true) { ${ARTICLE} } }`
const BY_SLUG = `query BySlug($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { ${ARTICLE} } } }`
const NEIGHBORS = (
  direction: 'greater_than' | 'less_than',
) => `query Neighbours($category: JSON, $at: DateTime) {
  Articles(where: { primaryCategory: { equals: $category }, publishedAt: { ${direction}: $at } },
    sort: "${direction === 'greater_than' ? 'publishedAt' : '-publishedAt'}", limit: 5) { docs { ${CARD} } }
}`

process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'
const app = await startTestApp({})
app.payload.logger.level = 'warn'
try {
  await seed(app.payload, { log: false })
  const page = await app.graphql(PAGE, { slug: seedArticle.slug })
  if (page.errors) throw new Error(JSON.stringify(page.errors))
  const { id, publishedAt, categories } = page.data.ArticlePage.article
  const neighbourVars = { category: categories[0].id, at: publishedAt }
  const kinds: Record<string, [string, Record<string, unknown>]> = {
    bare: ['{ __typename }', {}],
    page: [PAGE, { slug: seedArticle.slug }],
    byId: [BY_ID, { id }],
    byIdSelect: [BY_ID_SELECT, { id }],
    naiveSlug: [BY_SLUG, { slug: seedArticle.slug }],
    naiveNewer: [NEIGHBORS('greater_than'), neighbourVars],
    naiveOlder: [NEIGHBORS('less_than'), neighbourVars],
  }
  const only = process.env.ONLY?.split(',')
  const served = await getPayload({ config: app.config })
  for (const [name, [query, variables]] of Object.entries(kinds)) {
    const counted = await countQueries(served, () => app.graphql(query, variables))
    console.log(`${name}: ${counted.calls.join(' ')} (${counted.statements} statements)`)
  }
  for (let i = 0; i < 100; i++)
    for (const [query, variables] of Object.values(kinds)) await app.graphql(query, variables)
  const session = process.env.PROFILE ? new Session() : undefined
  if (session) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
    const line: string[] = []
    for (const [name, [query, variables]] of Object.entries(kinds)) {
      if (only && !only.includes(name)) continue
      const cpu = process.cpuUsage()
      const started = performance.now()
      for (let i = 0; i < N; i++) {
        const result = await app.graphql(query, variables)
        if (result.errors) throw new Error(JSON.stringify(result.errors))
      }
      const used = process.cpuUsage(cpu)
      line.push(
        `${name} ${((performance.now() - started) / N).toFixed(2)}ms wall ${((used.user + used.system) / 1000 / N).toFixed(2)}ms cpu`,
      )
    }
    console.log(line.join(' | '))
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop')
    fs.writeFileSync(process.env.PROFILE!, JSON.stringify(profile))
  }
} finally {
  await app.close()
}
process.exit(0)
