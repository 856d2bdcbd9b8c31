/**
 * `npm run bench:cache`: the public response cache (issue 14) against the production build.
 *
 * 1. Seeds a fresh SQLite file (`npm run seed` in production mode: the committed migrations, then the data).
 * 2. `npm run build` (skip with `--no-build` when .next is already built from this code).
 * 3. Two `next start` servers on that file: "cached" (the app as configured) and "off"
 *    (`PUBLIC_CACHE=false`); both answer `/api/bench-static` (a trivial route handler returning the
 *    bytes of the seed's ArticlePage answer, from the file BENCH_STATIC_FILE names).
 * 4. Whether the build has the cache: the `x-news-portal-cache` header (hit | miss | bypass) of the
 *    cached server's answers. Without it, the figures that need the cache are printed as n/a and
 *    the rest (the cache-off figures) are measured all the same.
 * 5. With autocannon, 20 connections, BENCH_ROUNDS rounds (default 3) of BENCH_SECONDS (default 5)
 *    after a 3 s warm-up, loads of a round back to back, medians compared:
 *    (a) the seed's anonymous ArticlePage by POST: cached vs off (target >= 10x);
 *    (b) the same against the trivial route handler returning the same bytes (aim >= 0.8);
 *    (c) the same page by GET with its persisted hash (the SDK's `get: true`), cached vs off;
 *    (d) a mix on the cached server: the page while an editor publishes a neighbour once a
 *        second: hit rate and p99;
 *    (e) the cached server's RSS before and after BENCH_KEYS distinct keys (default 100,000 with
 *        the cache; 10,000 without, where it only shows the server's own baseline).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { freePort, run, seedProduction } from './server.js'
import { ArticlePageDocument } from '../sdk/src/generated/graphql.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SLUG = 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = 20
const CACHE_HEADER = 'x-news-portal-cache'
const ADMIN = { email: 'admin@example.com', password: crypto.randomBytes(12).toString('base64url') }
// The SDK's own ArticlePage: the document a front end sends, and the one known by hash.
const PAGE_BODY = JSON.stringify({ query: ArticlePageDocument, variables: { slug: SLUG } })
const PAGE_GET = `/api/graphql?${new URLSearchParams({
  variables: JSON.stringify({ slug: SLUG }),
  extensions: JSON.stringify({
    persistedQuery: {
      version: 1,
      sha256Hash: crypto.createHash('sha256').update(ArticlePageDocument).digest('hex'),
    },
  }),
})}`

const postPage = (base: string) =>
  fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: PAGE_BODY,
  })

async function waitUntilUp(base: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`)
    try {
      if ((await postPage(base)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the server did not answer within 120 s')
}

/** The resident set of the server: the largest process under `pid` (next start runs next-server). */
function serverRssMb(pid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // The process ended while we looked.
    }
  }
  let largest = 0
  const visit = (id: number) => {
    try {
      const status = fs.readFileSync(`/proc/${id}/status`, 'utf8')
      largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0))
    } catch {
      // Gone.
    }
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(pid)
  return largest / 1024
}

type Load = { base: string; path: string; method: 'GET' | 'POST'; body?: string }
type Sample = {
  requestsPerSecond: number
  p99: number
  cache: Record<string, number>
  errors: number
  timeouts: number
}

/** One load; `mix` counts the cache header of every answer and reports errors instead of failing. */
async function cannon(load: Load, seconds = SECONDS, mix = false): Promise<Sample> {
  const cache: Record<string, number> = {}
  const result = await autocannon({
    url: `${load.base}${load.path}`,
    method: load.method,
    headers: load.body ? { 'content-type': 'application/json' } : {},
    body: load.body,
    connections: CONNECTIONS,
    duration: seconds,
    // A shared machine under load answers slowly; a timeout is then counted, not a failure.
    timeout: 30,
    requests: mix
      ? [
          {
            onResponse: (_status, _body, _context, headers) => {
              const value = (headers as Record<string, string>)[CACHE_HEADER] ?? 'none'
              cache[value] = (cache[value] ?? 0) + 1
            },
          },
        ]
      : undefined,
  })
  if (result.non2xx || (!mix && (result.errors || result.timeouts))) {
    throw new Error(
      `${load.path}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    cache,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`admin login: ${response.status}`)
  return token
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-bench-cache-'))
  const staticFile = path.join(work, 'article-page.json')
  const { NODE_ENV: _mode, ...inherited } = process.env
  const env = {
    ...inherited,
    DATABASE_URL: `file:${path.join(work, 'bench.db')}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-secret-not-for-production',
    NEXT_TELEMETRY_DISABLED: '1',
    BENCH_STATIC_FILE: staticFile,
  } as unknown as NodeJS.ProcessEnv
  const servers: ChildProcess[] = []
  const stop = () => {
    for (const server of servers) {
      try {
        if (server.pid) process.kill(-server.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
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

    const start = async (extra: Record<string, string>) => {
      const port = await freePort()
      const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: root,
        env: { ...env, ...extra, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      })
      servers.push(server)
      return { base: `http://127.0.0.1:${port}`, server }
    }
    const cached = await start({})
    const off = await start({ PUBLIC_CACHE: 'false' })
    await Promise.all([waitUntilUp(cached.base, cached.server), waitUntilUp(off.base, off.server)])

    // The trivial handler answers the exact bytes of the page (as the cache-off server sends them).
    const offAnswer = await postPage(off.base)
    const bytes = Buffer.from(await offAnswer.arrayBuffer())
    const page = JSON.parse(bytes.toString('utf8')) as { data?: { ArticlePage?: any } }
    if (page.data?.ArticlePage?.article?.slug !== SLUG)
      throw new Error(`ArticlePage: ${bytes.toString('utf8').slice(0, 300)}`)
    fs.writeFileSync(staticFile, bytes)
    const first = await postPage(cached.base)
    const second = await postPage(cached.base)
    const cachedBytes = Buffer.from(await second.arrayBuffer())
    if (!cachedBytes.equals(bytes)) throw new Error('the cached server answers other bytes')
    const hasCache = first.headers.get(CACHE_HEADER) !== null
    console.log(
      `ArticlePage answer: ${bytes.length} bytes; ${CACHE_HEADER}: ${first.headers.get(CACHE_HEADER) ?? 'absent'}, then ${second.headers.get(CACHE_HEADER) ?? 'absent'}` +
        (hasCache ? '' : ' (this build has no public cache: its figures are n/a)'),
    )
    const staticAnswer = await fetch(`${cached.base}/api/bench-static`)
    if (!Buffer.from(await staticAnswer.arrayBuffer()).equals(bytes))
      throw new Error('/api/bench-static does not answer the same bytes')
    const byGet = await fetch(`${cached.base}${PAGE_GET}`)
    if (!byGet.ok) throw new Error(`GET with the persisted hash: ${byGet.status}`)

    const loads = {
      cachedPost: { base: cached.base, path: '/api/graphql', method: 'POST', body: PAGE_BODY },
      offPost: { base: off.base, path: '/api/graphql', method: 'POST', body: PAGE_BODY },
      staticRoute: { base: cached.base, path: '/api/bench-static', method: 'GET' },
      cachedGet: { base: cached.base, path: PAGE_GET, method: 'GET' },
      offGet: { base: off.base, path: PAGE_GET, method: 'GET' },
    } satisfies Record<string, Load>
    const names = Object.keys(loads) as Array<keyof typeof loads>
    for (const name of names) await cannon(loads[name], 3)
    const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<
      keyof typeof loads,
      Sample[]
    >
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of names) {
        const sample = await cannon(loads[name])
        samples[name].push(sample)
        console.log(
          `round ${round} ${name.padEnd(12)} ${sample.requestsPerSecond.toFixed(1).padStart(8)} req/s  p99 ${String(sample.p99).padStart(5)} ms`,
        )
      }
    }
    const rate = (name: keyof typeof loads) =>
      median(samples[name].map((sample) => sample.requestsPerSecond))
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`
    const needsCache = (text: string) => (hasCache ? text : `n/a (no cache in this build)`)
    console.log('')
    console.log(
      `(a) ArticlePage by POST: cached ${rate('cachedPost').toFixed(1)} req/s, PUBLIC_CACHE=false ${rate('offPost').toFixed(1)} req/s: ` +
        needsCache(`${ratio(rate('cachedPost'), rate('offPost'))} (target >= 10x)`),
    )
    console.log(
      `(b) trivial route handler, same ${bytes.length} bytes: ${rate('staticRoute').toFixed(1)} req/s; cached / trivial ` +
        needsCache(`${ratio(rate('cachedPost'), rate('staticRoute'))} (aim >= 0.8)`) +
        `; cache off / trivial ${ratio(rate('offPost'), rate('staticRoute'))}`,
    )
    console.log(
      `(c) ArticlePage by GET (persisted hash): cached ${rate('cachedGet').toFixed(1)} req/s, off ${rate('offGet').toFixed(1)} req/s: ` +
        needsCache(ratio(rate('cachedGet'), rate('offGet'))) +
        `; GET / POST with the cache off ${ratio(rate('offGet'), rate('offPost'))}`,
    )

    // (d) One publish a second on the cached server while readers load the page.
    const token = await login(cached.base)
    const neighbours = [...page.data!.ArticlePage.newer, ...page.data!.ArticlePage.older] as Array<{
      id: number
      title: string
    }>
    let publishes = 0
    const publisher = setInterval(() => {
      const neighbour = neighbours[publishes % neighbours.length]
      publishes += 1
      void fetch(`${cached.base}/api/articles/${neighbour.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ title: `${neighbour.title} (${publishes})`, _status: 'published' }),
      }).then(async (response) => {
        if (!response.ok) console.log(`publish: ${response.status} ${await response.text()}`)
      })
    }, 1000)
    const mix = await cannon(loads.cachedPost, Math.max(10, SECONDS * 2), true).finally(() =>
      clearInterval(publisher),
    )
    const answered = Object.values(mix.cache).reduce((sum, count) => sum + count, 0)
    console.log(
      `(d) mix, one publish a second (${publishes} publishes): ${mix.requestsPerSecond.toFixed(1)} req/s, p99 ${mix.p99} ms, ` +
        `${mix.errors} errors, ${mix.timeouts} timeouts, ` +
        needsCache(
          `hit rate ${(((mix.cache.hit ?? 0) / answered) * 100).toFixed(1)}% (${JSON.stringify(mix.cache)})`,
        ),
    )

    // (e) Distinct keys: a page for a slug that does not exist, each its own entry.
    const keys = Number(process.env.BENCH_KEYS ?? (hasCache ? 100_000 : 10_000))
    const rssBefore = serverRssMb(cached.server.pid!)
    let key = 0
    const started = Date.now()
    const distinct = await autocannon({
      url: `${cached.base}/api/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      amount: keys,
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              query: ArticlePageDocument,
              variables: { slug: `bench-key-${(key += 1)}` },
            }),
          }),
        },
      ],
    })
    const rssAfter = serverRssMb(cached.server.pid!)
    console.log(
      `(e) RSS of the cached server: ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after ${keys} distinct keys ` +
        `(${Math.round((Date.now() - started) / 1000)} s, ${distinct.non2xx} non-2xx, ${distinct.errors} errors)` +
        (hasCache ? '' : ' (no cache in this build: the server alone)'),
    )
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
