/**
 * `npm run bench:soak` (by hand, not in CI; needs `npm run build`, or CLUSTER_REUSE_BUILD=1 to
 * reuse `.next`): one production instance (`next start`) on a fresh SQLite file (or
 * SOAK_DATABASE_URL, an empty database), seeded, then SOAK_SECONDS (60) of mixed traffic from
 * SOAK_CONCURRENCY (50) clients: 80% ArticlePage, 15% recordVisit (a new session each), 5%
 * rateArticle (a new voter each). Prints p50/p99 latency per kind against a bare `{ __typename }`
 * baseline measured first in the same run, the 5xx count and the server's RSS (from /proc) from
 * the end of the warm-up (SOAK_WARMUP_SECONDS, 10) to the end. Fails on any 5xx, on an unexpected
 * GraphQL error, or when RSS grew by 20% or more after warm-up.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  ensureBuild,
  freePort,
  graphql,
  killInstance,
  SEED_SLUG,
  seedDatabase,
  startInstance,
  type Instance,
} from '../tests/cluster/harness.js'
import { ARTICLE_PAGE_QUERY } from '../tests/helpers/articlePage.js'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const WARMUP = Number(process.env.SOAK_WARMUP_SECONDS ?? 10)
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 50)
const BASELINE_SECONDS = Number(process.env.SOAK_BASELINE_SECONDS ?? 5)
const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

type Kind = 'bare' | 'ArticlePage' | 'recordVisit' | 'rateArticle'

/** RSS in kB of a process and all its descendants (next start may run its server in a child). */
function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  let total = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
    for (const child of children ? children.split(/\s+/) : []) total += rssKb(Number(child))
  }
  return total
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN

async function main() {
  ensureBuild()
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-soak-'))
  const env = {
    DATABASE_URL: process.env.SOAK_DATABASE_URL ?? `file:${path.join(work, 'soak.db')}`,
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    TRUST_PROXY: '1',
  }
  let instance: Instance | undefined
  const cleanup = async () => {
    if (instance) await killInstance(instance)
    fs.rmSync(work, { recursive: true, force: true })
  }
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)))
  try {
    console.log('soak: seeding…')
    seedDatabase(env, path.join(work, 'seed.log'))
    instance = await startInstance(env, await freePort(), path.join(work, 'server.log'))
    const base = instance.url
    const pid = instance.child.pid!
    const { Articles } = await graphql<{
      Articles: { docs: Array<{ id: number | string; slug: string }> }
    }>(base, '{ Articles(limit: 40, sort: "-publishedAt") { docs { id slug } } }')
    const slugs = Articles.docs.map((doc) => doc.slug)
    const ids = Articles.docs.map((doc) => doc.id)
    if (!slugs.includes(SEED_SLUG)) throw new Error('the seed article is missing')

    let serial = 0
    const request = async (kind: Kind): Promise<{ status: number; unexpected?: string }> => {
      const n = serial++
      let body: unknown
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': UA,
      }
      if (kind === 'bare') body = { query: '{ __typename }' }
      else if (kind === 'ArticlePage')
        body = {
          query: ARTICLE_PAGE_QUERY,
          variables: { slug: slugs[n % slugs.length], neighbors: 5 },
        }
      else if (kind === 'recordVisit') {
        // A new visitor with its own address, as behind the load balancer (visits are limited per address).
        headers['x-forwarded-for'] = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
        body = {
          query:
            'mutation ($s: String!, $a: ID) { recordVisit(session: $s, article: $a) { today total } }',
          variables: { s: `soak-${n}-${process.pid}`, a: String(ids[n % ids.length]) },
        }
      } else {
        headers['x-voter-token'] = `soak-voter-${n}`
        headers['x-forwarded-for'] = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
        body = {
          query:
            'mutation ($a: ID!, $s: Int!) { rateArticle(article: $a, score: $s) { total count } }',
          variables: { a: String(ids[n % ids.length]), s: (n % 5) + 1 },
        }
      }
      const response = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      })
      const json = (await response.json().catch(() => null)) as {
        errors?: Array<{ message: string }>
      } | null
      return {
        status: response.status,
        unexpected: json?.errors?.length ? json.errors[0].message : undefined,
      }
    }

    /** `seconds` of traffic from CONCURRENCY clients, the kind of each request drawn by `pick`. */
    const run = async (seconds: number, pick: () => Kind, onSecond?: (elapsed: number) => void) => {
      const latencies = new Map<Kind, number[]>()
      let fiveXX = 0
      const unexpected: string[] = []
      const end = Date.now() + seconds * 1000
      const ticker =
        onSecond && setInterval(() => onSecond(seconds - (end - Date.now()) / 1000), 1000)
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (Date.now() < end) {
            const kind = pick()
            const started = performance.now()
            const result = await request(kind)
            const ms = performance.now() - started
            if (!latencies.has(kind)) latencies.set(kind, [])
            latencies.get(kind)!.push(ms)
            if (result.status >= 500) fiveXX++
            if (result.unexpected && unexpected.length < 5)
              unexpected.push(`${kind}: ${result.unexpected}`)
          }
        }),
      )
      if (ticker) clearInterval(ticker)
      return { latencies, fiveXX, unexpected }
    }

    console.log(
      `soak: baseline, ${BASELINE_SECONDS} s of bare { __typename } at ${CONCURRENCY} clients…`,
    )
    const baseline = await run(BASELINE_SECONDS, () => 'bare')
    const bare = [...baseline.latencies.get('bare')!].sort((a, b) => a - b)

    console.log(
      `soak: ${SECONDS} s of mixed traffic (80% ArticlePage, 15% recordVisit, 5% rateArticle) at ${CONCURRENCY} clients…`,
    )
    const rss: Array<{ t: number; kb: number }> = [{ t: 0, kb: rssKb(pid) }]
    const soak = await run(
      SECONDS,
      () => {
        const r = Math.random()
        return r < 0.8 ? 'ArticlePage' : r < 0.95 ? 'recordVisit' : 'rateArticle'
      },
      (t) => rss.push({ t: Math.round(t), kb: rssKb(pid) }),
    )
    rss.push({ t: SECONDS, kb: rssKb(pid) })

    const all: number[] = []
    const line = (kind: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      return `${kind.padEnd(12)} n=${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms (${(percentile(sorted, 50) / percentile(bare, 50)).toFixed(2)}× bare)  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms (${(percentile(sorted, 99) / percentile(bare, 99)).toFixed(2)}× bare)`
    }
    console.log(`\n${line('bare', bare)}`)
    for (const kind of ['ArticlePage', 'recordVisit', 'rateArticle'] as Kind[]) {
      const values = soak.latencies.get(kind) ?? []
      all.push(...values)
      console.log(line(kind, values))
    }
    console.log(line('all (mixed)', all))
    const requests = all.length
    console.log(
      `throughput: ${(requests / SECONDS).toFixed(0)} req/s mixed; 5xx: ${soak.fiveXX + baseline.fiveXX}; unexpected GraphQL errors: ${soak.unexpected.length}${soak.unexpected.length ? ` (${soak.unexpected.join(' | ')})` : ''}`,
    )
    const warm = rss.filter((sample) => sample.t >= WARMUP)
    const atWarm = warm[0].kb
    const last = rss[rss.length - 1].kb
    const peak = Math.max(...warm.map((s) => s.kb))
    const growth = (last - atWarm) / atWarm
    console.log(
      `RSS (server process tree, /proc): start ${(rss[0].kb / 1024).toFixed(0)} MB, after ${WARMUP} s warm-up ${(atWarm / 1024).toFixed(0)} MB, end ${(last / 1024).toFixed(0)} MB (peak ${(peak / 1024).toFixed(0)} MB): ${(growth * 100).toFixed(1)}% after warm-up`,
    )
    console.log(
      `RSS every 10 s (MB): ${rss
        .filter((s) => s.t % 10 === 0)
        .map((s) => `${s.t}s=${(s.kb / 1024).toFixed(0)}`)
        .join(' ')}`,
    )
    const ok = soak.fiveXX + baseline.fiveXX === 0 && soak.unexpected.length === 0 && growth < 0.2
    console.log(ok ? 'soak: PASS' : 'soak: FAIL')
    await cleanup()
    process.exit(ok ? 0 : 1)
  } catch (error) {
    console.error(error)
    await cleanup()
    process.exit(1)
  }
}

void main()
