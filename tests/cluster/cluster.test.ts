import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addressOf,
  createPostgresDatabase,
  ensureBuild,
  figures,
  freePort,
  graphql,
  killInstance,
  runLoad,
  SEED_SLUG,
  seedDatabase,
  sleep,
  startInstance,
  startPostgres,
  visit,
  vote,
  type ClusterEnv,
  type Figures,
  type Instance,
  type PostgresServer,
} from './harness.js'

const VISITS = Number(process.env.CLUSTER_VISITS ?? 2000)
const VOTES = Number(process.env.CLUSTER_VOTES ?? 500)
const ADMIN = { email: 'admin@example.com', password: crypto.randomBytes(12).toString('hex') }
const CONCURRENCY = 50
const RATE_LIMIT = 30
type Outcome = { kind: 'visit' | 'vote'; status: number; code?: string }
const scoreOf = (n: number) => (n % 5) + 1
const totalOf = (count: number) =>
  Array.from({ length: count }, (_, n) => scoreOf(n)).reduce((a, b) => a + b, 0)

let postgres: PostgresServer | undefined
beforeAll(async () => {
  ensureBuild()
  postgres = await startPostgres()
})
afterAll(() => postgres?.stop())

describe.each(['postgres', 'sqlite'] as const)('two instances on one %s database', (kind) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `news-portal-cluster-${kind}-`))
  let env: ClusterEnv
  let drop: (() => Promise<void>) | undefined
  const instances: Instance[] = []
  const bases = () => instances.map((instance) => instance.url)
  let article: number | string
  let before: Figures

  beforeAll(async () => {
    let databaseUrl = `file:${path.join(work, 'shared.db')}`
    if (kind === 'postgres') {
      const database = await createPostgresDatabase(postgres!.url)
      databaseUrl = database.url
      drop = database.drop
    }
    env = {
      DATABASE_URL: databaseUrl,
      PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
      // Clients come through one trusted proxy (a load balancer): each voter has its own address.
      TRUST_PROXY: '1',
      RATING_RATE_LIMIT_STORE: 'database',
      RATINGS_PER_MINUTE: String(RATE_LIMIT),
      // The seed's admin, who creates the sites of the per-site case.
      ADMIN_PASSWORD: ADMIN.password,
    }
    seedDatabase(env, path.join(work, 'seed.log'))
    const ports = [await freePort(), await freePort()]
    // One after the other: the first runs the (already applied) migrations check alone.
    for (const [n, port] of ports.entries())
      instances.push(await startInstance(env, port, path.join(work, `instance-${n}.log`)))
    const found = await graphql<{ Articles: { docs: Array<{ id: number | string }> } }>(
      instances[0].url,
      `
        query ($slug: String!) {
          Articles(where: { slug: { equals: $slug } }) {
            docs {
              id
            }
          }
        }
      `,
      { slug: SEED_SLUG },
    )
    article = found.Articles.docs[0].id
    before = await figures(instances[0].url, article)
  })

  afterAll(async () => {
    for (const instance of instances) await killInstance(instance)
    await drop?.().catch(() => {})
    if (process.env.CLUSTER_KEEP_LOGS !== '1') fs.rmSync(work, { recursive: true, force: true })
  })

  /** Both instances, a second later (shared reads last up to a second), report the same figures. */
  async function settledFigures(): Promise<Figures> {
    await sleep(1_100)
    const [a, b] = await Promise.all(bases().map((base) => figures(base, article)))
    expect(b).toEqual(a)
    return a
  }

  it('the public cache: an edit on one instance shows on the other, whose cache was warm, within 1 s', async () => {
    const [a, b] = bases()
    const titleOn = async (base: string) => {
      const response = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query CachedTitle($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { title } } }`,
          variables: { slug: SEED_SLUG },
        }),
      })
      const body = (await response.json()) as {
        data: { Articles: { docs: Array<{ title: string }> } }
      }
      return {
        verdict: response.headers.get('x-news-portal-cache'),
        title: body.data.Articles.docs[0].title,
      }
    }
    const original = (await titleOn(b)).title
    expect(await titleOn(b)).toEqual({ verdict: 'hit', title: original })
    const login = await fetch(`${a}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    const { token } = (await login.json()) as { token: string }
    const edited = `${original} (đã sửa ${kind})`
    const patch = await fetch(`${a}/api/articles/${article}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: edited }),
    })
    expect(patch.status).toBe(200)
    const savedAt = Date.now()
    let seen = await titleOn(b)
    while (seen.title !== edited && Date.now() - savedAt < 3_000) {
      await sleep(25)
      seen = await titleOn(b)
    }
    const lag = Date.now() - savedAt
    expect(seen.title).toBe(edited)
    expect(lag).toBeLessThanOrEqual(1_000)
    // And back, so the other cases see the seed as it was.
    await fetch(`${a}/api/articles/${article}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: original }),
    })
  })

  it(`${VISITS} visits and ${VOTES} votes round robin at ${CONCURRENCY} concurrent clients: every figure exact`, async () => {
    const jobs: Array<(base: string) => Promise<Outcome>> = [
      ...Array.from({ length: VISITS }, (_, n) => async (base: string) => ({
        kind: 'visit' as const,
        status: await visit(base, `load-session-${n}`, article),
      })),
      ...Array.from({ length: VOTES }, (_, n) => async (base: string) => ({
        kind: 'vote' as const,
        ...(await vote(base, article, scoreOf(n), `load-voter-${n}`, addressOf(n))),
      })),
    ]
    // Interleave votes among visits.
    const mixed = jobs
      .map((job, i) => ({ job, key: (i * 7919) % jobs.length }))
      .sort((a, b) => a.key - b.key)
      .map((entry) => entry.job)
    const { results, retried } = await runLoad(bases, mixed, { concurrency: CONCURRENCY })
    expect(retried).toBe(0)
    expect(results.filter((r) => r.kind === 'visit' && r.status === 200)).toHaveLength(VISITS)
    expect(results.filter((r) => r.kind === 'vote' && r.status === 200)).toHaveLength(VOTES)
    const after = await settledFigures()
    expect(after.today - before.today).toBe(VISITS)
    expect(after.thisMonth - before.thisMonth).toBe(VISITS)
    expect(after.total - before.total).toBe(VISITS)
    expect(after.views - before.views).toBe(VISITS)
    expect(after.rating).toEqual({
      total: before.rating.total + totalOf(VOTES),
      count: before.rating.count + VOTES,
    })
  })

  it('a repeated voter is refused (ALREADY_RATED) whichever instance it reaches, even when racing itself on both', async () => {
    const repeats = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        vote(bases()[i % 2], article, 5, `load-voter-${i * 7}`, addressOf(100_000 + i)),
      ),
    )
    expect(repeats.map((r) => `${r.status} ${r.code}`)).toEqual(Array(40).fill('409 ALREADY_RATED'))
    const race = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        vote(bases()[i % 2], article, 4, 'racing-voter', addressOf(200_000 + i)),
      ),
    )
    expect(race.filter((r) => r.status === 200)).toHaveLength(1)
    expect(race.filter((r) => r.status === 409 && r.code === 'ALREADY_RATED')).toHaveLength(9)
    const after = await settledFigures()
    expect(after.rating).toEqual({
      total: before.rating.total + totalOf(VOTES) + 4,
      count: before.rating.count + VOTES + 1,
    })
  })

  it(`the rating rate limit (${RATE_LIMIT} a minute) holds across instances: one address over both gets exactly ${RATE_LIMIT}`, async () => {
    // Fixed one-minute windows: start well inside one, so the burst cannot straddle two.
    const intoMinute = Date.now() % 60_000
    if (intoMinute > 45_000) await sleep(60_000 - intoMinute + 500)
    const address = '203.0.113.77'
    const results = await Promise.all(
      Array.from({ length: 2 * RATE_LIMIT }, (_, i) =>
        vote(bases()[i % 2], article, 3, `limited-voter-${i}`, address),
      ),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(RATE_LIMIT)
    expect(results.filter((r) => r.status === 429 && r.code === 'RATE_LIMITED')).toHaveLength(
      RATE_LIMIT,
    )
    // Each instance alone would have let up to 30 through: both together let 30 through.
    const after = await settledFigures()
    expect(after.rating.count).toBe(before.rating.count + VOTES + 1 + RATE_LIMIT)
  })

  it("two sites, visits and votes split over both instances and both sites: each site's figures exact, the default site's untouched", async () => {
    /** A REST call as the seed's admin; the JSON body. */
    const asAdmin = async (token: string | null, path: string, body: unknown) => {
      const response = await fetch(`${bases()[0]}/api${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `JWT ${token}` } : {}),
        },
        body: JSON.stringify(body),
      })
      const json = (await response.json()) as Record<string, any>
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`)
      return json
    }
    const { token } = await asAdmin(null, '/users/login', ADMIN)
    // Slugs of their own: the seed already has xã Mường Kim (a taken slug would become -2).
    const sites = ['cum-xa-thu-nghiem-a', 'cum-xa-thu-nghiem-b']
    const articles: Record<string, number | string> = {}
    for (const slug of sites) {
      const { doc: site } = await asAdmin(token, '/sites', { name: slug, slug })
      expect(site.slug).toBe(slug)
      const { doc } = await asAdmin(token, '/articles', {
        title: `Tin của ${slug}`,
        _status: 'published',
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
        site: site.id,
      })
      articles[slug] = doc.id
    }
    // The other instance reads the new sites within its list's lifetime (2 s).
    await sleep(2_100)
    const home = await settledFigures()
    const plan = {
      [sites[0]]: { visits: 600, votes: 150 },
      [sites[1]]: { visits: 400, votes: 100 },
    }
    const jobs: Array<(base: string) => Promise<Outcome & { site: string }>> = sites.flatMap(
      (site, s) => [
        ...Array.from({ length: plan[site].visits }, (_, n) => async (base: string) => ({
          site,
          kind: 'visit' as const,
          status: await visit(base, `site-session-${n}`, articles[site], site),
        })),
        ...Array.from({ length: plan[site].votes }, (_, n) => async (base: string) => ({
          site,
          kind: 'vote' as const,
          ...(await vote(
            base,
            articles[site],
            scoreOf(n),
            `site-voter-${n}`,
            addressOf(400_000 + s * 10_000 + n),
            site,
          )),
        })),
      ],
    )
    const mixed = jobs
      .map((job, i) => ({ job, key: (i * 7919) % jobs.length }))
      .sort((a, b) => a.key - b.key)
      .map((entry) => entry.job)
    const { results, retried } = await runLoad(bases, mixed, { concurrency: CONCURRENCY })
    expect(retried).toBe(0)
    await sleep(1_100)
    for (const site of sites) {
      const mine = results.filter((r) => r.site === site)
      expect(mine.filter((r) => r.kind === 'visit' && r.status === 200)).toHaveLength(
        plan[site].visits,
      )
      expect(mine.filter((r) => r.kind === 'vote' && r.status === 200)).toHaveLength(
        plan[site].votes,
      )
      // The same session ids on both sites: each counted once on each.
      const [a, b] = await Promise.all(bases().map((base) => figures(base, articles[site], site)))
      expect(b).toEqual(a)
      expect(a).toEqual({
        today: plan[site].visits,
        thisMonth: plan[site].visits,
        total: plan[site].visits,
        views: plan[site].visits,
        rating: { total: totalOf(plan[site].votes), count: plan[site].votes },
      })
    }
    expect(await settledFigures()).toEqual(home)
  })

  it('kill -9 of one instance in the middle of the load, restarted: nothing counted twice, nothing lost but requests cut off in flight', async () => {
    const start = await settledFigures()
    const crashVisits = VISITS
    const crashVotes = VOTES
    const jobs: Array<(base: string) => Promise<Outcome>> = [
      ...Array.from({ length: crashVisits }, (_, n) => async (base: string) => ({
        kind: 'visit' as const,
        status: await visit(base, `crash-session-${n}`, article),
      })),
      ...Array.from({ length: crashVotes }, (_, n) => async (base: string) => ({
        kind: 'vote' as const,
        ...(await vote(base, article, scoreOf(n), `crash-voter-${n}`, addressOf(300_000 + n))),
      })),
    ]
    const mixed = jobs
      .map((job, i) => ({ job, key: (i * 7919) % jobs.length }))
      .sort((a, b) => a.key - b.key)
      .map((entry) => entry.job)
    let crashed: Promise<void> | undefined
    const victim = instances[1]
    const load = runLoad(bases, mixed, {
      concurrency: CONCURRENCY,
      onProgress: (n) => {
        if (!crashed && n >= mixed.length * 0.3) {
          crashed = (async () => {
            await killInstance(victim)
            await sleep(1_000)
            instances[1] = await startInstance(env, victim.port, victim.logFile)
          })()
        }
      },
    })
    const { results, retried, inDoubt } = await load
    await crashed
    // What the clients saw. A visit is acknowledged by 200; a vote by 200, or by ALREADY_RATED on
    // a retry (the dead instance stored it before dying). A job "in doubt" had an attempt whose
    // connection broke after it was sent: the client cannot know what that attempt did.
    const isVisit = (i: number) => i < crashVisits
    const order = mixed.map((job) => jobs.indexOf(job))
    const doubtfulVisits = [...inDoubt].filter((i) => isVisit(order[i])).length
    const doubtfulVotes = [...inDoubt].filter((i) => !isVisit(order[i])).length
    const visitsAcked = results.filter((r) => r.kind === 'visit' && r.status === 200).length
    const votes = results.filter((r) => r.kind === 'vote')
    const votesAccepted = votes.filter((r) => r.status === 200).length
    const votesStoredBefore = votes.filter(
      (r) => r.status === 409 && r.code === 'ALREADY_RATED',
    ).length
    expect(retried).toBeGreaterThan(0)
    expect(visitsAcked).toBe(crashVisits)
    expect(votesAccepted + votesStoredBefore).toBe(crashVotes)
    expect(results.filter((r) => r.status >= 500)).toHaveLength(0)
    const after = await settledFigures()
    const counted = {
      today: after.today - start.today,
      thisMonth: after.thisMonth - start.thisMonth,
      total: after.total - start.total,
      views: after.views - start.views,
      votes: after.rating.count - start.rating.count,
      points: after.rating.total - start.rating.total,
    }
    console.log(
      `[${kind}] crash: ${retried} attempts failed with the instance and were sent again; in doubt: ${doubtfulVisits} visits, ${doubtfulVotes} votes; ` +
        `counted ${JSON.stringify(counted)} of ${crashVisits} visits and ${crashVotes} votes (${votesStoredBefore} votes found stored by the dead instance)`,
    )
    // Never counted twice: each figure is at most what the clients sent.
    // Never lost when acknowledged: a figure falls short only by jobs in doubt (an instance killed
    // between a request's two writes; docs/cluster.md, "What a crash can still break").
    for (const figure of [counted.today, counted.thisMonth, counted.total, counted.views]) {
      expect(figure).toBeLessThanOrEqual(crashVisits)
      expect(figure).toBeGreaterThanOrEqual(crashVisits - doubtfulVisits)
    }
    expect(counted.votes).toBeLessThanOrEqual(crashVotes)
    expect(counted.votes).toBeGreaterThanOrEqual(crashVotes - doubtfulVotes)
    if (counted.votes === crashVotes) expect(counted.points).toBe(totalOf(crashVotes))
  })
})
