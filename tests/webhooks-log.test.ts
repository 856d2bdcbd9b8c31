import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webhooksSettled } from '../features/webhooks/index.js'
import { recordDeliveries } from '../features/webhooks/deliveries.js'
import { resumePending } from '../features/webhooks/queue.js'
import { resolveWebhooksOptions } from '../features/webhooks/options.js'
import { COUNTERS_QUEUE, WEBHOOK_PRUNE_TASK } from '../core/constants.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, userOn, type TestSite } from './helpers/sites.js'
import { freePort } from './helpers/freePort.js'
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js'

// One front end on 127.0.0.1 for every site, and one for site B behind a name that resolves
// (stubbed DNS) to a private address: refused when it is sent, never connected to.
const SECRET = 'log-test-secret-0001'
const INTRANET_SECRET = 'intranet-secret-0001'
const INTRANET_URL = 'http://intranet.xa.example:8080/hook'

let app: TestApp
let routePayload: Payload
let receiver: WebhookReceiver
let a: TestSite
let b: TestSite
const users = {} as Record<'admin' | 'editorA' | 'editorB', { token: string }>
let webhooks: ReturnType<typeof resolveWebhooksOptions>

const settled = async () => {
  await webhooksSettled(app.payload)
  await webhooksSettled(routePayload)
}
const json = async (response: Response) => (await response.json()) as any
const rows = async (where: Record<string, unknown> = {}) =>
  (
    await app.payload.find({
      collection: 'webhook-deliveries' as never,
      where: where as never,
      limit: 0,
      pagination: false,
      depth: 0,
    })
  ).docs as unknown as Array<Record<string, any>>

beforeAll(async () => {
  receiver = await startReceiver()
  const options = {
    endpoints: [
      { url: receiver.url, secret: SECRET },
      { url: INTRANET_URL, secret: INTRANET_SECRET, sites: ['xa-b-log'] },
    ],
    allowedInternalHosts: ['127.0.0.1'],
    lookup: async (hostname: string) =>
      hostname === 'intranet.xa.example' ? [{ address: '10.0.0.5', family: 4 }] : [],
    retryDelayMs: 10,
    timeoutMs: 500,
    maxAttempts: 3,
  }
  webhooks = resolveWebhooksOptions(options)
  app = await startTestApp({ webhooks: options })
  routePayload = await getPayload({ config: app.config })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã B', slug: 'xa-b-log' })
  users.admin = await userOn(app, 'admin@log.vn', ['admin'])
  users.editorA = await userOn(app, 'editor-a@log.vn', ['editor'], [a])
  users.editorB = await userOn(app, 'editor-b@log.vn', ['editor'], [b])
  for (const site of [a, b])
    await app.payload.create({
      collection: 'categories',
      data: { title: `Chuyên mục ${site.slug}`, site: site.id } as never,
    })
  await settled()
})
afterAll(async () => {
  await settled()
  await app?.close()
  await receiver?.close()
})

describe('webhook delivery log: who reads it', () => {
  it('anonymous readers get 403 and nothing', async () => {
    const response = await app.rest('GET', '/webhook-deliveries')
    expect(response.status).toBe(403)
    const one = (await rows())[0]
    expect((await app.rest('GET', `/webhook-deliveries/${one.id}`)).status).toBe(403)
  })

  it("an editor reads their site's rows only, never another site's", async () => {
    const siteRows = await rows()
    const ofA = siteRows.filter((row) => String(row.site) === String(a.id))
    const ofB = siteRows.filter((row) => String(row.site) === String(b.id))
    // Site A: its category. Site B: the site itself and its category, each to both front ends.
    expect(ofA).toHaveLength(1)
    expect(ofB).toHaveLength(4)
    expect(siteRows).toHaveLength(5)
    const seen = async (token: string) =>
      ((await json(await app.rest('GET', '/webhook-deliveries', { token }))).docs as any[])
        .map((row) => String(row.id))
        .sort()
    expect(await seen(users.editorA.token)).toEqual(ofA.map((row) => String(row.id)).sort())
    expect(await seen(users.editorB.token)).toEqual(ofB.map((row) => String(row.id)).sort())
    expect(await seen(users.admin.token)).toEqual(siteRows.map((row) => String(row.id)).sort())
    const other = await app.rest('GET', `/webhook-deliveries/${ofA[0].id}`, {
      token: users.editorB.token,
    })
    expect(other.status).toBe(404)
  })

  it('nobody writes it through the API, an admin neither; secrets appear nowhere', async () => {
    const [row] = await rows()
    const create = await app.rest('POST', '/webhook-deliveries', {
      token: users.admin.token,
      body: { url: 'https://evil.example/', status: 'pending' },
    })
    expect(create.status).toBe(403)
    const update = await app.rest('PATCH', `/webhook-deliveries/${row.id}`, {
      token: users.admin.token,
      body: { status: 'pending' },
    })
    expect(update.status).toBe(403)
    const remove = await app.rest('DELETE', `/webhook-deliveries/${row.id}`, {
      token: users.admin.token,
    })
    expect(remove.status).toBe(403)
    expect(await rows()).toHaveLength(5)
    const text = await (
      await app.rest('GET', '/webhook-deliveries', { token: users.admin.token })
    ).text()
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(INTRANET_SECRET)
  })

  it('a malformed id is a 404 and a malformed where a 400 naming the field, never a 500', async () => {
    const token = users.admin.token
    expect((await app.rest('GET', '/webhook-deliveries/abc', { token })).status).toBe(404)
    const badDate = await app.rest(
      'GET',
      '/webhook-deliveries?where[nextAttemptAt][less_than]=not-a-date',
      { token },
    )
    expect(badDate.status).toBe(400)
    expect((await json(badDate)).errors[0].message).toContain('nextAttemptAt')
  })

  it('is not in the GraphQL schema', async () => {
    const result = await app.graphql('{ WebhookDeliveries { docs { id } } }', undefined, {
      token: users.admin.token,
    })
    expect(result.errors?.[0]?.message).toBe(
      'Cannot query field "WebhookDeliveries" on type "Query".',
    )
  })
})

describe('webhook delivery log: outcomes it records', () => {
  const change = () => ({
    collection: 'categories',
    id: 998,
    site: a.id,
    operation: 'update' as const,
    oldPaths: [],
    newPaths: ['/chuyen-muc'],
  })

  it('a host resolving to a private address is refused at send time: failed after 1 attempt, nothing sent', async () => {
    const refused = await rows({ url: { equals: INTRANET_URL } })
    expect(refused).toHaveLength(2)
    for (const row of refused)
      expect(row).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastStatus: null,
        lastError:
          'the host intranet.xa.example resolves to a non-public address; only public addresses may be fetched (webhooks.allowedInternalHosts lists the exceptions).',
      })
  })

  it('pending rows left by a stopped process are sent when the queue resumes (as at start-up)', async () => {
    // Rows recorded but never scheduled: what a restart finds.
    const [pending] = await recordDeliveries(app.payload, webhooks.endpoints, {
      collection: 'categories',
      id: 999,
      site: a.id,
      operation: 'update',
      oldPaths: ['/cu'],
      newPaths: ['/moi'],
    })
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 })
    receiver.received.length = 0
    expect(await resumePending(app.payload, webhooks)).toBe(1)
    await settled()
    expect(receiver.received).toHaveLength(1)
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      id: pending.deliveryId,
      oldPaths: ['/cu'],
      newPaths: ['/moi'],
    })
    expect((await rows({ id: { equals: pending.id } }))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
    })
  })

  it('a front end slower than timeoutMs counts as a failed attempt and is tried again', async () => {
    receiver.received.length = 0
    receiver.answers.push({ status: 200, delayMs: 1_000 })
    const [row] = await recordDeliveries(app.payload, webhooks.endpoints, change())
    await resumePending(app.payload, webhooks)
    await settled()
    expect(receiver.received).toHaveLength(2)
    expect((await rows({ id: { equals: row.id } }))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatus: 200,
    })
  })

  it('a network error is retried up to maxAttempts, then the row is failed with the error', async () => {
    const closed = await freePort()
    const url = `http://127.0.0.1:${closed}/hook`
    const unreachable = resolveWebhooksOptions({
      endpoints: [{ url, secret: SECRET }],
      allowedInternalHosts: ['127.0.0.1'],
      retryDelayMs: 10,
      maxAttempts: 3,
    })
    const [row] = await recordDeliveries(app.payload, unreachable.endpoints, change())
    await resumePending(app.payload, unreachable)
    await settled()
    expect((await rows({ id: { equals: row.id } }))[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatus: null,
      lastError: `connect ECONNREFUSED 127.0.0.1:${closed}`,
      nextAttemptAt: null,
    })
  })

  it('deleting a site is announced to every front end, its log row on no site', async () => {
    const c = await addSite(app, { name: 'Xã C', slug: 'xa-c-log' })
    await settled()
    receiver.received.length = 0
    await app.payload.delete({ collection: 'sites', id: c.id })
    await settled()
    expect(receiver.received).toHaveLength(1)
    const body = JSON.parse(receiver.received[0].body)
    expect(body).toMatchObject({ collection: 'sites', docId: c.id, operation: 'delete' })
    expect(body.site.id).toBe(c.id)
    const [row] = await rows({ deliveryId: { equals: body.id } })
    expect(row).toMatchObject({ status: 'delivered', site: null })
  })

  it('the prune job deletes rows older than keepDeliveriesDays and keeps the rest', async () => {
    const before = await rows()
    const old = before[0]
    await app.payload.db.updateOne({
      collection: 'webhook-deliveries' as never,
      id: old.id,
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000).toISOString() },
    })
    await app.payload.jobs.queue({
      task: WEBHOOK_PRUNE_TASK as never,
      input: {} as never,
      queue: COUNTERS_QUEUE,
    })
    await app.payload.jobs.run({ queue: COUNTERS_QUEUE })
    const after = await rows()
    expect(after.map((row) => String(row.id)).sort()).toEqual(
      before
        .filter((row) => row.id !== old.id)
        .map((row) => String(row.id))
        .sort(),
    )
  })
})
