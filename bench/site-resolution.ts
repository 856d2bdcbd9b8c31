/**
 * `npm run bench:site-resolution` (also run at the end of `bench:article-page`): what resolving the
 * request's site costs, in-process, against the whole ArticlePage request it is part of.
 *
 * On a fresh SQLite app seeded as `npm run seed` does (the default site given the domain
 * `than-uyen.localhost`), in BENCH_ROUNDS rounds (default 5):
 * - `resolveSite(req)` on a new request SITE_CALLS times (default 20000) for each way a request
 *   names its site: nothing (Host 127.0.0.1: the default site), `x-portal-site`, a site's domain;
 * - the seed's ArticlePage through the GraphQL route handler PAGE_CALLS times (default 200),
 *   with no site information (it resolves its site once, inside).
 * Prints the time per call, resolveSite's share of the page, and what re-reading the list of sites
 * costs (once per SITE_LIST_TTL_MS per instance). Target: the share ≤ 5 %.
 */
import type { PayloadRequest } from 'payload'
import { startTestApp } from '../tests/helpers/app.js'
import { seed, seedArticle } from '../seed/index.js'
import { resolveSite } from '../features/sites/resolve.js'
import { forgetSites, loadSites, SITE_LIST_TTL_MS } from '../features/sites/registry.js'
import { SITE_HEADER, SITES_SLUG } from '../core/constants.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SITE_CALLS = Number(process.env.SITE_CALLS ?? 20_000)
const PAGE_CALLS = Number(process.env.PAGE_CALLS ?? 200)
const DOMAIN = 'than-uyen.localhost'

const ARTICLE = `id title slug lead bodyHtml publishedAt byline sourceUrl
  authors { id name avatar { url } } source { id title url }
  categories { id title slug } coverImage { id url alt caption width height }`
const CARD =
  'id title slug lead publishedAt coverImage { url alt } authors { name } categories { slug title }'
const PAGE_QUERY = `query Page($slug: String!) {
  ArticlePage(slug: $slug, neighbors: 5) { article { ${ARTICLE} } newer { ${CARD} } older { ${CARD} } }
}`

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'
const app = await startTestApp({})
app.payload.logger.level = 'warn'
try {
  await seed(app.payload, { log: false, communes: true })
  const { defaultSite } = await loadSites(app.payload)
  if (!defaultSite) throw new Error('the seed left no default site')
  await app.payload.update({
    collection: SITES_SLUG as never,
    id: defaultSite.id,
    data: { domains: [{ domain: DOMAIN }] } as never,
    overrideAccess: true,
  })
  forgetSites(app.payload)
  const registry = await loadSites(app.payload)
  if (registry.byDomain.get(DOMAIN)?.id !== defaultSite.id)
    throw new Error(`${DOMAIN} does not name the default site`)

  const ways: Record<string, Record<string, string>> = {
    none: { host: '127.0.0.1:3000' },
    header: { host: '127.0.0.1:3000', [SITE_HEADER]: defaultSite.slug },
    host: { host: `${DOMAIN}:3000` },
  }
  const options = { trustProxy: false }
  const requestFor = (headers: Headers) =>
    ({ payload: app.payload, headers, context: {} }) as unknown as PayloadRequest
  for (const [name, headers] of Object.entries(ways)) {
    const site = await resolveSite(requestFor(new Headers(headers)), options)
    if (site?.id !== defaultSite.id) throw new Error(`${name}: resolved ${site?.slug}`)
  }
  const pageRequest = () =>
    new Request('http://127.0.0.1:3000/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ways.none },
      body: JSON.stringify({ query: PAGE_QUERY, variables: { slug: seedArticle.slug } }),
    })
  const page = async () => {
    const response = await app.graphqlRoute(pageRequest())
    const json = (await response.json()) as { data?: any; errors?: unknown }
    if (!response.ok || json.errors || json.data?.ArticlePage?.article?.slug !== seedArticle.slug)
      throw new Error(`ArticlePage ${response.status}: ${JSON.stringify(json.errors)}`)
  }

  // Warm-up (JIT, caches), not counted.
  for (let i = 0; i < 50; i++) await page()
  for (const headers of Object.values(ways))
    for (let i = 0; i < 2_000; i++) await resolveSite(requestFor(new Headers(headers)), options)

  const samples: Record<string, number[]> = { page: [], none: [], header: [], host: [] }
  for (let round = 1; round <= ROUNDS; round++) {
    let started = performance.now()
    for (let i = 0; i < PAGE_CALLS; i++) await page()
    samples.page.push(((performance.now() - started) / PAGE_CALLS) * 1000)
    for (const [name, headers] of Object.entries(ways)) {
      const shared = new Headers(headers)
      started = performance.now()
      // A new request each time: resolveSite keeps its answer on the request.
      for (let i = 0; i < SITE_CALLS; i++) await resolveSite(requestFor(shared), options)
      samples[name].push(((performance.now() - started) / SITE_CALLS) * 1000)
    }
    console.log(
      `round ${round} ArticlePage ${samples.page[round - 1].toFixed(0)} µs | resolveSite ` +
        Object.keys(ways)
          .map((name) => `${name} ${samples[name][round - 1].toFixed(2)} µs`)
          .join(', '),
    )
  }

  // What a request pays when the list of sites has expired: one read of the sites collection.
  const rereads: number[] = []
  for (let i = 0; i < 50; i++) {
    forgetSites(app.payload)
    const started = performance.now()
    await resolveSite(requestFor(new Headers(ways.none)), options)
    rereads.push(performance.now() - started)
  }

  const pageMicros = median(samples.page)
  console.log('')
  console.log(`in-process, per request: ArticlePage ${(pageMicros / 1000).toFixed(2)} ms`)
  for (const name of Object.keys(ways)) {
    const micros = median(samples[name])
    console.log(
      `  resolveSite ${name.padEnd(6)} ${micros.toFixed(2).padStart(6)} µs: ${((micros / pageMicros) * 100).toFixed(3)} % of the page`,
    )
  }
  console.log(
    `  re-reading the list of sites (once per ${SITE_LIST_TTL_MS / 1000} s per instance): ${median(rereads).toFixed(2)} ms`,
  )
  console.log('  (target: resolveSite <= 5 % of the page)')
} finally {
  await app.close()
}
process.exit(0)
