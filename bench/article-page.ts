/**
 * `npm run bench:article-page`: ArticlePage over HTTP against the production build.
 *
 * 1. Seeds a fresh SQLite file (`npm run seed` in production mode: the committed migrations, then the data).
 * 2. `npm run build` (skip with `--no-build` when .next is already built from this code).
 * 3. `next start` on a free port with NODE_ENV=production on that file.
 * 4. With autocannon, in the same run, interleaved:
 *    (a) pages/second: one ArticlePage request per page vs. the naive page (article by slug, newer
 *        list, older list: three requests to Payload's own `Articles` query), 8 connections;
 *    (b) latency: ArticlePage vs. a bare `Article(id)` with the same article fields, 1 connection
 *        (also printed: against `Article(id, select: true)`, which reads only those fields).
 *    (c) site resolution: the same ArticlePage, 8 connections, with no site information (Host
 *        127.0.0.1: the default site) vs. naming the default site in `x-portal-site` vs. a Host
 *        that is the default site's domain (`than-uyen.localhost`, set as admin through REST).
 * Each load runs BENCH_ROUNDS times (default 5) for BENCH_SECONDS (default 5) after a 3 s warm-up;
 * the medians are compared, and so is each round's own ratio (loads of a round run back to back). Prints the ratios. Targets: (a) ≥ 2.5×, (b) ≤ 1.5×, (c) ≤ 1.05×.
 * `--sites-only` measures (c) and (d) alone.
 * 5. (d) bench/site-resolution.ts: resolveSite's own share of an in-process ArticlePage request
 *    (the baseline without sites, which no server of this build can serve).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { freePort, run, seedProduction } from './server.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SLUG = 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
// `--sites-only`: only (c) and (d), the page under each way of naming its site.
const SITES_ONLY = process.argv.includes('--sites-only')
// The default site's domain for (c); `*.localhost` never leaves the machine.
const SITE_DOMAIN = 'than-uyen.localhost'
const ADMIN = { email: 'admin@example.com', password: crypto.randomBytes(12).toString('base64url') }

const ARTICLE = `id title slug lead bodyHtml publishedAt byline sourceUrl
  authors { id name avatar { url } } source { id title url }
  categories { id title slug } coverImage { id url alt caption width height }`
const CARD =
  'id title slug lead publishedAt coverImage { url alt } authors { name } categories { slug title }'

const PAGE_QUERY = `query Page($slug: String!) {
  ArticlePage(slug: $slug, neighbors: 5) { article { ${ARTICLE} } newer { ${CARD} } older { ${CARD} } }
}`
const BY_SLUG_QUERY = `query BySlug($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { ${ARTICLE} } } }`
// The neighbours as a front end would list them: same primary category (the stored, indexed field
// ArticlePage uses too), before / after the article's date.
const NEIGHBORS_QUERY = (
  direction: 'greater_than' | 'less_than',
) => `query Neighbours($category: JSON, $at: DateTime) {
  Articles(where: { primaryCategory: { equals: $category }, publishedAt: { ${direction}: $at } },
    sort: "${direction === 'greater_than' ? 'publishedAt' : '-publishedAt'}", limit: 5) { docs { ${CARD} } }
}`
const BY_ID_QUERY = `query ById($id: Int!) { Article(id: $id) { ${ARTICLE} } }`
// The same with Payload's `select: true`: only the requested fields are read (what ArticlePage does).
const BY_ID_SELECT_QUERY = `query ById($id: Int!) { Article(id: $id, select: true) { ${ARTICLE} } }`

async function graphql(base: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  const json = (await response.json()) as { data?: any; errors?: Array<{ message: string }> }
  if (!response.ok || json.errors)
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(json.errors)}`)
  return json.data
}

/** A GraphQL request with a Host header of our choosing (fetch always sends the URL's host). */
function graphqlAs(
  base: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: any; errors?: unknown }> {
  const url = new URL(`${base}/api/graphql`)
  const body = JSON.stringify({ query, variables })
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = ''
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve(JSON.parse(text)))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** Gives the default site `SITE_DOMAIN` as the admin would (REST), and returns its slug. */
async function giveDefaultSiteADomain(base: string): Promise<string> {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const { token } = (await login.json()) as { token?: string }
  if (!token) throw new Error(`admin login: ${login.status}`)
  const found = await fetch(`${base}/api/sites?where[isDefault][equals]=true&depth=0`)
  const site = ((await found.json()) as { docs: Array<{ id: number; slug: string }> }).docs[0]
  if (!site) throw new Error('no default site')
  const saved = await fetch(`${base}/api/sites/${site.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ domains: [{ domain: SITE_DOMAIN }] }),
  })
  if (!saved.ok) throw new Error(`PATCH sites/${site.id}: ${saved.status} ${await saved.text()}`)
  return site.slug
}

async function waitUntilUp(base: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`)
    try {
      await graphql(base, '{ __typename }', {})
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  throw new Error('the server did not answer within 120 s')
}

type Load = {
  requests: autocannon.Request[]
  connections: number
  headers?: Record<string, string>
}
async function cannon(base: string, load: Load) {
  const result = await autocannon({
    url: `${base}/api/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...load.headers },
    connections: load.connections,
    duration: SECONDS,
    requests: load.requests,
  })
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `bad responses: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return { requestsPerSecond: result.requests.average, latencyMs: result.latency.average }
}

const post = (query: string, variables: Record<string, unknown>): autocannon.Request => ({
  method: 'POST',
  body: JSON.stringify({ query, variables }),
})
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-bench-'))
  const { NODE_ENV: _mode, ...inherited } = process.env
  const env = {
    ...inherited,
    DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-secret-not-for-production',
    NEXT_TELEMETRY_DISABLED: '1',
  } as unknown as NodeJS.ProcessEnv
  let server: ChildProcess | undefined
  const stop = () => {
    try {
      if (server?.pid) process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.on('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop()
      fs.rmSync(work, { recursive: true, force: true })
      process.exit(130)
    })
  }
  try {
    // The production seed (bench/server.ts): a schema pushed in development mode would make the
    // production start wait on a migration prompt.
    const seedEnv = {
      ...env,
      NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    } as NodeJS.ProcessEnv
    await seedProduction(root, seedEnv, path.join(work, 'bench.db'))
    if (!process.argv.includes('--no-build'))
      await run('npm', ['run', 'build'], {
        cwd: root,
        env: { ...env, NODE_ENV: 'production' },
        label: 'next build',
      })

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    })
    await waitUntilUp(base, server)
    const page = (await graphql(base, PAGE_QUERY, { slug: SLUG })).ArticlePage
    const { id, publishedAt, categories } = page.article
    const naive = [
      post(BY_SLUG_QUERY, { slug: SLUG }),
      post(NEIGHBORS_QUERY('greater_than'), { category: categories[0].id, at: publishedAt }),
      post(NEIGHBORS_QUERY('less_than'), { category: categories[0].id, at: publishedAt }),
    ]
    // Both ways must show the same page, or the comparison means nothing.
    if (!SITES_ONLY) await sameNaivePage()
    async function sameNaivePage() {
      const [bySlug, newer, older] = await Promise.all(
        naive.map((request) => {
          const { query, variables } = JSON.parse(request.body as string)
          return graphql(base, query, variables)
        }),
      )
      const titles = (docs: Array<{ title: string }>) => docs.map((doc) => doc.title).join(' | ')
      if (
        bySlug.Articles.docs[0].id !== id ||
        titles(newer.Articles.docs) !== titles(page.newer) ||
        titles(older.Articles.docs) !== titles(page.older) ||
        page.newer.length !== 5 ||
        page.older.length !== 5
      ) {
        throw new Error('the naive page differs from ArticlePage')
      }
    }
    const siteSlug = await giveDefaultSiteADomain(base)
    const sites = {
      none: {},
      header: { 'x-portal-site': siteSlug },
      host: { host: `${SITE_DOMAIN}:${port}` },
    }
    // Each way must reach the default site (the domain through the Host header, not the fallback:
    // a commune's domain must reach the commune) and the same page.
    for (const [name, headers] of Object.entries({
      ...sites,
      commune: { host: `xa-muong-kim.localhost:${port}` },
    })) {
      const answer = await graphqlAs(base, headers, `{ PortalSite { slug } }`)
      const expected = name === 'commune' ? 'xa-muong-kim' : siteSlug
      if (answer.data?.PortalSite?.slug !== expected)
        throw new Error(`${name}: PortalSite ${JSON.stringify(answer)}, expected ${expected}`)
      if (name === 'commune') continue
      const shown = await graphqlAs(base, headers, PAGE_QUERY, { slug: SLUG })
      if (shown.data?.ArticlePage?.article?.id !== id)
        throw new Error(`${name}: ArticlePage ${JSON.stringify(shown).slice(0, 300)}`)
    }
    const loads = {
      page: { requests: [post(PAGE_QUERY, { slug: SLUG })], connections: 8 },
      naive: { requests: naive, connections: 8 },
      // The same three requests with Payload's `select: true` (read only the requested fields).
      naiveSelect: {
        requests: naive.map((request) => ({
          ...request,
          body: (request.body as string).replace(/Articles\(/, 'Articles(select: true, '),
        })),
        connections: 8,
      },
      pageLatency: { requests: [post(PAGE_QUERY, { slug: SLUG })], connections: 1 },
      byIdLatency: { requests: [post(BY_ID_QUERY, { id })], connections: 1 },
      byIdSelectLatency: { requests: [post(BY_ID_SELECT_QUERY, { id })], connections: 1 },
      siteNone: {
        requests: [post(PAGE_QUERY, { slug: SLUG })],
        connections: 8,
        headers: sites.none,
      },
      siteHeader: {
        requests: [post(PAGE_QUERY, { slug: SLUG })],
        connections: 8,
        headers: sites.header,
      },
      siteHost: {
        requests: [post(PAGE_QUERY, { slug: SLUG })],
        connections: 8,
        headers: sites.host,
      },
    } satisfies Record<string, Load>
    const measured = (Object.keys(loads) as Array<keyof typeof loads>).filter(
      (name) => !SITES_ONLY || name.startsWith('site'),
    )
    // Warm-up (JIT, caches), not counted.
    for (const load of measured.map((name) => loads[name] as Load)) {
      await autocannon({
        url: `${base}/api/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...load.headers },
        connections: load.connections,
        duration: 3,
        requests: load.requests,
      })
    }

    const samples: Record<
      keyof typeof loads,
      Array<{ requestsPerSecond: number; latencyMs: number }>
    > = {
      page: [],
      naive: [],
      naiveSelect: [],
      pageLatency: [],
      byIdLatency: [],
      byIdSelectLatency: [],
      siteNone: [],
      siteHeader: [],
      siteHost: [],
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of measured) {
        const result = await cannon(base, loads[name])
        samples[name].push(result)
        console.log(
          `round ${round} ${name.padEnd(17)} ${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  ${result.latencyMs.toFixed(2).padStart(7)} ms`,
        )
      }
    }
    const spread = (name: keyof typeof samples, key: 'requestsPerSecond' | 'latencyMs') => {
      const values = samples[name].map((s) => s[key])
      return `${Math.min(...values).toFixed(key === 'latencyMs' ? 2 : 1)}–${Math.max(...values).toFixed(key === 'latencyMs' ? 2 : 1)}`
    }
    // Each round measures every load back to back, so a round's own ratio is the least exposed to
    // the other jobs on a shared machine changing the load between rounds.
    const perRound = (ratio: (round: number) => number) => {
      const values = Array.from({ length: ROUNDS }, (_, round) => ratio(round))
      return `median ${median(values).toFixed(2)}x, rounds ${values.map((value) => value.toFixed(2)).join(' ')}`
    }
    const rate = (name: keyof typeof samples, round: number) =>
      samples[name][round].requestsPerSecond
    const latency = (name: keyof typeof samples, round: number) => samples[name][round].latencyMs
    if (!SITES_ONLY) {
      const pagesPerSecond = median(samples.page.map((s) => s.requestsPerSecond))
      const naivePagesPerSecond =
        median(samples.naive.map((s) => s.requestsPerSecond)) / naive.length
      const pageLatency = median(samples.pageLatency.map((s) => s.latencyMs))
      const byIdLatency = median(samples.byIdLatency.map((s) => s.latencyMs))
      const byIdSelectLatency = median(samples.byIdSelectLatency.map((s) => s.latencyMs))
      console.log('')
      console.log(
        `(a) pages/second: ArticlePage ${pagesPerSecond.toFixed(1)} vs naive ${naivePagesPerSecond.toFixed(1)} (3 requests a page)`,
      )
      console.log(
        `    ratio ${(pagesPerSecond / naivePagesPerSecond).toFixed(2)}x (target >= 2.5x)`,
      )
      const naiveSelectPagesPerSecond =
        median(samples.naiveSelect.map((s) => s.requestsPerSecond)) / naive.length
      console.log(
        `    against the naive page with select: true ${naiveSelectPagesPerSecond.toFixed(1)}: ratio ${(pagesPerSecond / naiveSelectPagesPerSecond).toFixed(2)}x`,
      )
      console.log(
        `(b) latency: ArticlePage ${pageLatency.toFixed(2)} ms vs Article(id) ${byIdLatency.toFixed(2)} ms`,
      )
      console.log(`    ratio ${(pageLatency / byIdLatency).toFixed(2)}x (target <= 1.5x)`)
      console.log(
        `    against Article(id, select: true) ${byIdSelectLatency.toFixed(2)} ms: ratio ${(pageLatency / byIdSelectLatency).toFixed(2)}x`,
      )
      console.log('ratios within each round:')
      console.log(
        `  (a) vs naive                     ${perRound((r) => rate('page', r) / (rate('naive', r) / naive.length))}`,
      )
      console.log(
        `  (a) vs naive with select         ${perRound((r) => rate('page', r) / (rate('naiveSelect', r) / naive.length))}`,
      )
      console.log(
        `  (b) vs Article(id)               ${perRound((r) => latency('pageLatency', r) / latency('byIdLatency', r))}`,
      )
      console.log(
        `  (b) vs Article(id, select: true) ${perRound((r) => latency('pageLatency', r) / latency('byIdSelectLatency', r))}`,
      )
      console.log(
        `spread over ${ROUNDS} rounds: page ${spread('page', 'requestsPerSecond')} req/s, naive ${spread('naive', 'requestsPerSecond')} req/s, ` +
          `naive select ${spread('naiveSelect', 'requestsPerSecond')} req/s, ` +
          `page ${spread('pageLatency', 'latencyMs')} ms, Article(id) ${spread('byIdLatency', 'latencyMs')} ms, ` +
          `Article(id, select) ${spread('byIdSelectLatency', 'latencyMs')} ms`,
      )
    }
    const siteLatency = (name: 'siteNone' | 'siteHeader' | 'siteHost') =>
      median(samples[name].map((s) => s.latencyMs))
    console.log('')
    console.log(
      `(c) site resolution, ArticlePage at 8 connections: no site information ${siteLatency('siteNone').toFixed(2)} ms, ` +
        `x-portal-site ${siteLatency('siteHeader').toFixed(2)} ms, Host ${SITE_DOMAIN} ${siteLatency('siteHost').toFixed(2)} ms`,
    )
    console.log(
      `    x-portal-site / none ${(siteLatency('siteHeader') / siteLatency('siteNone')).toFixed(3)}x, ` +
        `Host / none ${(siteLatency('siteHost') / siteLatency('siteNone')).toFixed(3)}x (target <= 1.05x)`,
    )
    console.log(
      `    within each round: x-portal-site / none ${perRound((r) => latency('siteHeader', r) / latency('siteNone', r))}`,
    )
    console.log(
      `                       Host / none          ${perRound((r) => latency('siteHost', r) / latency('siteNone', r))}`,
    )
    console.log(
      `    spread: none ${spread('siteNone', 'latencyMs')} ms, x-portal-site ${spread('siteHeader', 'latencyMs')} ms, Host ${spread('siteHost', 'latencyMs')} ms`,
    )

    // (d) The baseline without sites: no server of this build skips resolveSite, so its own cost
    // is measured in-process against the whole request, with the HTTP server stopped.
    stop()
    console.log('')
    console.log('(d) resolveSite in-process (bench/site-resolution.ts):')
    await new Promise<void>((resolve, reject) => {
      const { DATABASE_URL: _url, ...rest } = env
      const child = spawn('npx', ['tsx', 'bench/site-resolution.ts'], {
        cwd: root,
        env: { ...rest, NODE_ENV: 'test', BENCH_ROUNDS: String(ROUNDS) } as NodeJS.ProcessEnv,
        stdio: ['ignore', 'inherit', 'inherit'],
      })
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`site-resolution exited with ${code}`)),
      )
    })
  } finally {
    stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
