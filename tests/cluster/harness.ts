import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../helpers/freePort.js'

export { freePort }

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every process this suite started, killed (as a process group) on exit whatever happens. */
const started = new Set<ChildProcess>()
function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal)
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', () => started.forEach((child) => killGroup(child)))
// A terminated run still cleans up: exit handlers kill the instances and stop the throwaway server.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)))

/** `npm run build`, unless CLUSTER_REUSE_BUILD=1 and a build exists. */
export function ensureBuild(): void {
  if (
    process.env.CLUSTER_REUSE_BUILD === '1' &&
    fs.existsSync(path.join(root, '.next', 'BUILD_ID'))
  )
    return
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status}).`)
}

export interface PostgresServer {
  /** A URL of the server's maintenance database; databases are created next to it. */
  url: string
  stop: () => void
}

/** CLUSTER_POSTGRES_URL, or a throwaway cluster (initdb in a temp folder, 127.0.0.1, a free port). */
export async function startPostgres(): Promise<PostgresServer> {
  if (process.env.CLUSTER_POSTGRES_URL)
    return { url: process.env.CLUSTER_POSTGRES_URL, stop: () => {} }
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base)
    ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    : []
  if (!versions.length) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: install postgresql (scripts/ci-postgres.sh does) or set CLUSTER_POSTGRES_URL.',
    )
  }
  const bin = path.join(base, versions.sort((a, b) => Number(a) - Number(b)).at(-1)!, 'bin')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-cluster-pg-'))
  fs.chmodSync(dir, 0o755)
  const asRoot = process.getuid?.() === 0
  if (asRoot) spawnSync('chown', ['postgres', dir])
  const run = (command: string, args: string[]) => {
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' })
    if (result.status !== 0)
      throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`)
  }
  const port = await freePort()
  run(path.join(bin, 'initdb'), [
    '-D',
    path.join(dir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`,
    'start',
  ])
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
    } catch {
      /* best effort */
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  process.on('exit', stop)
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}

export async function createPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg')
  const name = `news_portal_cluster_${crypto.randomBytes(5).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** The environment every instance of one cluster shares. */
export interface ClusterEnv {
  DATABASE_URL: string
  PAYLOAD_SECRET: string
  [name: string]: string
}

/** Runs the production seed (which runs the committed migrations first) on the shared database. */
export function seedDatabase(env: ClusterEnv, logFile: string): void {
  const result = spawnSync('npm', ['run', 'seed'], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 300_000,
  })
  fs.writeFileSync(logFile, `${result.stdout}\n${result.stderr}`)
  if (result.status !== 0)
    throw new Error(`npm run seed failed (exit ${result.status}); see ${logFile}`)
}

export interface Instance {
  port: number
  url: string
  child: ChildProcess
  logFile: string
}

/** `next start` on 127.0.0.1:port, in its own process group; resolves once it answers GraphQL. */
export async function startInstance(
  env: ClusterEnv,
  port: number,
  logFile: string,
): Promise<Instance> {
  const log = fs.openSync(logFile, 'a')
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  )
  fs.closeSync(log)
  started.add(child)
  child.once('exit', () => started.delete(child))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`instance on port ${port} exited (${child.exitCode}); see ${logFile}`)
    try {
      const response = await fetch(`${url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ VisitorStats { total } }' }),
      })
      if (response.ok && ((await response.json()) as { data?: unknown }).data)
        return { port, url, child, logFile }
    } catch {
      /* not listening yet */
    }
    await sleep(500)
  }
  killGroup(child)
  throw new Error(`instance on port ${port} did not answer within 180 s; see ${logFile}`)
}

/** kill -9 of the instance (its whole process group); resolves once it is gone. */
export async function killInstance(
  instance: Instance,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return
  const gone = new Promise((resolve) => instance.child.once('exit', resolve))
  killGroup(instance.child, signal)
  await Promise.race([gone, sleep(10_000)])
}

export async function graphql<T = any>(
  base: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await response.json()) as { data: T; errors?: unknown[] }
  if (body.errors)
    throw new Error(`GraphQL errors from ${base}: ${JSON.stringify(body.errors).slice(0, 500)}`)
  return body.data
}

/** One unit of load: sends its request to `base` and says what came back (throws on a network error). */
export type Job<R> = (base: string) => Promise<R>

export interface LoadResult<R> {
  results: R[]
  /** Attempts that failed at the network level (connection refused or reset) and were sent again. */
  retried: number
  /**
   * Jobs with an attempt whose fate the client cannot know: the connection broke after the request
   * was sent (the instance died under it). A refused connection never reached a server and is not in doubt.
   */
  inDoubt: Set<number>
}

/** True when a failed fetch never reached a server (nothing listening): it cannot have had any effect. */
function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code
  return code === 'ECONNREFUSED'
}

/**
 * Runs `jobs` with `concurrency` clients; job i goes to instance i mod n (round robin). A job whose
 * request fails at the network level (its instance is down) is sent again, to the next instance,
 * until it gets an answer: a client acts on answers only. `onProgress` sees how many jobs started.
 */
export async function runLoad<R>(
  instances: () => string[],
  jobs: Array<Job<R>>,
  {
    concurrency = 50,
    onProgress,
  }: { concurrency?: number; onProgress?: (started: number) => void } = {},
): Promise<LoadResult<R>> {
  const results = new Array<R>(jobs.length)
  let next = 0
  let retried = 0
  const inDoubt = new Set<number>()
  const deadline = Date.now() + 240_000
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++
      onProgress?.(next)
      for (let attempt = 0; ; attempt++) {
        const targets = instances()
        const base = targets[(index + attempt) % targets.length]
        try {
          results[index] = await jobs[index](base)
          break
        } catch (error) {
          if (Date.now() > deadline) throw error
          retried++
          if (!neverSent(error)) inDoubt.add(index)
          await sleep(50 + Math.min(500, attempt * 50))
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { results, retried, inDoubt }
}

const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

let visitor = 0
/** The `x-portal-site` header naming `site`, or none (the default site). */
const siteHeader = (site?: string): Record<string, string> =>
  site ? { 'x-portal-site': site } : {}

/** POST /api/visits (to `site`, else the default site) as a new visitor with its own address (behind one trusted proxy); the HTTP status (a network error throws). */
export async function visit(
  base: string,
  session: string,
  article: string | number,
  site?: string,
): Promise<number> {
  const response = await fetch(`${base}/api/visits`, {
    method: 'POST',
    headers: {
      ...siteHeader(site),
      'content-type': 'application/json',
      'user-agent': UA,
      // Per-address visit limits (visitsPerMinute) apply: each visitor comes from its own address.
      'x-forwarded-for': addressOf(8_000_000 + (visitor++ % 8_000_000)),
    },
    body: JSON.stringify({ session, path: '/tin-tuc-su-kien/bai', article: String(article) }),
  })
  await response.arrayBuffer()
  return response.status
}

/** POST /api/articles/:id/rate (on `site`, else the default site) as a voter with its own token, from `address` (behind one trusted proxy). */
export async function vote(
  base: string,
  article: string | number,
  score: number,
  token: string,
  address: string,
  site?: string,
): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${base}/api/articles/${article}/rate`, {
    method: 'POST',
    headers: {
      ...siteHeader(site),
      'content-type': 'application/json',
      'user-agent': UA,
      'x-voter-token': token,
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ score }),
  })
  const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ code?: string }> }
  return { status: response.status, code: body.errors?.[0]?.code }
}

export const SEED_SLUG = 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'

export interface Figures {
  today: number
  thisMonth: number
  total: number
  views: number
  rating: { total: number; count: number }
}

let figureReads = 0

/** The visitor figures of `site` (else the default site) and the views and rating of `article`. */
export async function figures(
  base: string,
  article: string | number,
  site?: string,
): Promise<Figures> {
  const data = await graphql<{
    VisitorStats: Figures
    Article: { views: number; rating: Figures['rating'] }
  }>(
    base,
    // A query of its own each time: a cached answer's counters may lag up to 10 s (docs/cache.md).
    `query Figures${++figureReads} ($id: Int!) { VisitorStats { today thisMonth total } Article(id: $id) { views rating { total count } } }`.replace(
      'Int!',
      typeof article === 'number' ? 'Int!' : 'String!',
    ),
    { id: article },
    siteHeader(site),
  )
  return { ...data.VisitorStats, views: data.Article.views, rating: data.Article.rating } as Figures
}

/** An address per voter: 10.a.b.c, distinct for n < 2^24. */
export const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
