import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createPostgresDatabase,
  ensureBuild,
  freePort,
  killInstance,
  sleep,
  startInstance,
  startPostgres,
  type Instance,
  type PostgresServer,
} from './harness.js'

// A production server (`next start`) reached directly and behind one declared proxy, with
// clients on sockets bound to different loopback addresses, some sending forged headers.
const VOTES_PER_MINUTE = 5
const VISITS_PER_MINUTE = 3
const A = '127.0.0.2'
const B = '127.0.0.3'
const SOCKET_HEADER = 'x-news-portal-socket-address'

interface Answer {
  status: number
  body: string
}

/** One HTTP request to `base` from a socket bound to `from`. */
function send(
  base: string,
  from: string,
  pathname: string,
  headers: Record<string, string>,
  body: string | Buffer[],
): Promise<Answer> {
  const url = new URL(pathname, base)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    // An array is sent in chunks with no Content-Length (Transfer-Encoding: chunked).
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk)
    else req.write(body)
    req.end()
  })
}

let voter = 0
/** A vote with a made-up token on an article that does not exist: 404 within the limit, 429 past it. */
async function vote(base: string, from: string, headers: Record<string, string> = {}) {
  const answer = await send(
    base,
    from,
    '/api/articles/999999/rate',
    { 'x-voter-token': `made-up-${voter++}`, ...headers },
    JSON.stringify({ score: 3 }),
  )
  return answer.status
}

let session = 0
async function visit(base: string, from: string, headers: Record<string, string> = {}) {
  const answer = await send(
    base,
    from,
    '/api/visits',
    headers,
    JSON.stringify({ session: `address-test-session-${session++}` }),
  )
  return answer.status
}

/** The database store counts in fixed one-minute windows: start a burst well inside one. */
async function withinOneWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000
  if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 200)
}

const forged = (n: number) => ({
  'x-forwarded-for': `203.0.113.${n}`,
  'x-real-ip': `198.51.100.${n}`,
  [SOCKET_HEADER]: `192.0.2.${n}`,
})

let postgres: PostgresServer | undefined
beforeAll(async () => {
  ensureBuild()
  postgres = await startPostgres()
})
afterAll(() => postgres?.stop())

describe.each(['sqlite', 'postgres'] as const)('the client address on %s', (kind) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `news-portal-address-${kind}-`))
  const drops: Array<() => Promise<void>> = []
  let direct: Instance
  let proxied: Instance

  async function start(name: string, extra: Record<string, string>): Promise<Instance> {
    let databaseUrl = `file:${path.join(work, `${name}.db`)}`
    if (kind === 'postgres') {
      const database = await createPostgresDatabase(postgres!.url)
      databaseUrl = database.url
      drops.push(database.drop)
    }
    const env = {
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
      RATINGS_PER_MINUTE: String(VOTES_PER_MINUTE),
      VISITS_PER_MINUTE: String(VISITS_PER_MINUTE),
      // The shared store for the PostgreSQL pair, so both stores are proven.
      RATING_RATE_LIMIT_STORE: kind === 'postgres' ? 'database' : 'memory',
      ...extra,
    }
    return startInstance(env, await freePort(), path.join(work, `${name}.log`))
  }

  beforeAll(async () => {
    ;[direct, proxied] = await Promise.all([
      start('direct', {}),
      start('proxied', { TRUST_PROXY: '1' }),
    ])
  })
  afterAll(async () => {
    for (const instance of [direct, proxied]) if (instance) await killInstance(instance)
    for (const drop of drops) await drop().catch(() => {})
    if (process.env.CLUSTER_KEEP_LOGS !== '1') fs.rmSync(work, { recursive: true, force: true })
  })

  it('reached directly: each socket address has its own bucket, and forged headers change nothing', async () => {
    await withinOneWindow()
    // A exhausts its limit while claiming a new address in every header it can send.
    const fromA: number[] = []
    for (let n = 0; n <= VOTES_PER_MINUTE; n++) fromA.push(await vote(direct.url, A, forged(n)))
    expect(fromA).toEqual([...Array(VOTES_PER_MINUTE).fill(404), 429])
    // B is untouched, with or without headers, even when it names A.
    expect(await vote(direct.url, B)).toBe(404)
    expect(
      await vote(direct.url, B, { 'x-forwarded-for': A, 'x-real-ip': A, [SOCKET_HEADER]: A }),
    ).toBe(404)
    // A naming B is still A.
    expect(await vote(direct.url, A, { 'x-forwarded-for': B, [SOCKET_HEADER]: B })).toBe(429)
  })

  it('reached directly: the visit limit counts per socket address too', async () => {
    await withinOneWindow()
    const fromA: number[] = []
    for (let n = 0; n <= VISITS_PER_MINUTE; n++) fromA.push(await visit(direct.url, A, forged(n)))
    expect(fromA).toEqual([...Array(VISITS_PER_MINUTE).fill(200), 429])
    expect(await visit(direct.url, B)).toBe(200)
  })

  it('behind one declared proxy (TRUST_PROXY=1): the right-most forwarded address is the client', async () => {
    await withinOneWindow()
    const client = '192.0.2.10'
    // Whatever the client put in front, its proxy appended the address it saw.
    const statuses: number[] = []
    for (let n = 0; n <= VOTES_PER_MINUTE; n++)
      statuses.push(await vote(proxied.url, A, { 'x-forwarded-for': `1.1.1.${n}, ${client}` }))
    expect(statuses).toEqual([...Array(VOTES_PER_MINUTE).fill(404), 429])
    // The same forwarded client through another proxy socket is the same client…
    expect(await vote(proxied.url, B, { 'x-forwarded-for': `9.9.9.9, ${client}` })).toBe(429)
    // …and another forwarded client through the same proxy socket is another client.
    expect(await vote(proxied.url, A, { 'x-forwarded-for': `${client}, 192.0.2.11` })).toBe(404)
    // A request with no X-Forwarded-For (one that bypassed the proxy) counts under its socket.
    expect(await vote(proxied.url, B)).toBe(404)
  })

  it('a GraphQL body over 100 KB gets 413 naming the limit, with or without Content-Length', async () => {
    const big = JSON.stringify({ query: '{ VisitorStats { total } }', pad: 'x'.repeat(110_000) })
    const expected = {
      errors: [
        {
          message: 'The request body is larger than the limit of 102400 bytes (100 KB).',
          code: 'BODY_TOO_LARGE',
          maxBytes: 102_400,
        },
      ],
    }
    const withLength = await send(direct.url, A, '/api/graphql', {}, big)
    expect(withLength.status).toBe(413)
    expect(JSON.parse(withLength.body)).toEqual(expected)
    const chunks = Array.from({ length: Math.ceil(big.length / 10_000) }, (_, i) =>
      Buffer.from(big.slice(i * 10_000, (i + 1) * 10_000)),
    )
    const chunked = await send(direct.url, B, '/api/graphql', {}, chunks)
    expect(chunked.status).toBe(413)
    expect(JSON.parse(chunked.body)).toEqual(expected)
  })
})
