import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyWebhookSignature } from '../plugin/index.js'
import { webhooksSettled } from '../features/webhooks/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, userOn, type TestSite } from './helpers/sites.js'
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js'

// Two front ends on 127.0.0.1: `all` hears every site, `commune` only site B (`xa-muong-kim-wh`).
const SECRET_ALL = 'front-end-all-secret-1'
const SECRET_COMMUNE = 'front-end-commune-secret'
const RETRY_DELAY_MS = 100

let app: TestApp
let routePayload: Payload
let all: WebhookReceiver
let commune: WebhookReceiver
let a: TestSite
let b: TestSite
let admin: { token: string }
let categoryA: string | number
let categoryB: string | number

type Body = {
  id: string
  event: string
  collection: string
  docId: string | number
  site: { id: string | number; slug: string | null } | null
  operation: string
  oldPaths: string[]
  newPaths: string[]
  changedAt: string
}

/** Every delivery of both Payload instances (the test's and the route handlers') is done. */
const settled = async () => {
  await webhooksSettled(app.payload)
  await webhooksSettled(routePayload)
}
const bodies = (receiver: WebhookReceiver) =>
  receiver.received.map((hit) => JSON.parse(hit.body) as Body)
const deliveryRows = async (where: Record<string, unknown> = {}) =>
  (
    await app.payload.find({
      collection: 'webhook-deliveries' as never,
      where: where as never,
      sort: 'createdAt',
      limit: 0,
      pagination: false,
      depth: 0,
    })
  ).docs as unknown as Array<Record<string, any>>

beforeAll(async () => {
  all = await startReceiver()
  commune = await startReceiver('/api/revalidate?from=portal')
  app = await startTestApp({
    webhooks: {
      endpoints: [
        { url: all.url, secret: SECRET_ALL },
        { url: commune.url, secret: SECRET_COMMUNE, sites: ['xa-muong-kim-wh'] },
      ],
      allowedInternalHosts: ['127.0.0.1'],
      retryDelayMs: RETRY_DELAY_MS,
      timeoutMs: 3_000,
    },
  })
  routePayload = await getPayload({ config: app.config })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim', slug: 'xa-muong-kim-wh' })
  expect(b.slug).toBe('xa-muong-kim-wh')
  admin = await userOn(app, 'admin@webhooks.vn', ['admin'])
  categoryA = (
    await app.payload.create({
      collection: 'categories',
      data: { title: 'Thời sự', slug: 'thoi-su', site: a.id } as never,
    })
  ).id
  categoryB = (
    await app.payload.create({
      collection: 'categories',
      data: { title: 'Tin xã', slug: 'tin-xa', site: b.id } as never,
    })
  ).id
  await settled()
})
afterAll(async () => {
  await settled()
  await app?.close()
  await all?.close()
  await commune?.close()
})
beforeEach(async () => {
  await settled()
  for (const receiver of [all, commune]) {
    receiver.received.length = 0
    receiver.answers.length = 0
  }
})

const publishedArticle = (site: TestSite, category: string | number, slug: string) => ({
  title: `Bài ${slug}`,
  slug,
  categories: [category],
  site: site.id,
  _status: 'published',
  publishedAt: '2026-01-10T03:00:00.000Z',
})

describe('webhooks: what a front end receives', () => {
  let articleId: string | number

  it('publishing an article sends exactly one signed POST whose body names its path', async () => {
    const article = await app.payload.create({
      collection: 'articles',
      data: publishedArticle(a, categoryA, 'tin-moi') as never,
    })
    articleId = article.id
    await settled()
    expect(all.received).toHaveLength(1)
    const [hit] = all.received
    expect(hit.headers['content-type']).toBe('application/json')
    expect(
      verifyWebhookSignature(
        hit.body,
        hit.headers['x-news-portal-signature'] as string,
        SECRET_ALL,
      ),
    ).toBe(true)
    expect(
      verifyWebhookSignature(
        hit.body,
        hit.headers['x-news-portal-signature'] as string,
        SECRET_COMMUNE,
      ),
    ).toBe(false)
    const body = JSON.parse(hit.body) as Body
    expect(hit.headers['x-news-portal-delivery']).toBe(body.id)
    expect(Number.isNaN(Date.parse(hit.headers['x-news-portal-timestamp'] as string))).toBe(false)
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: 'content.changed',
      collection: 'articles',
      docId: article.id,
      site: { id: a.id, slug: a.slug },
      operation: 'create',
      oldPaths: [],
      newPaths: ['/thoi-su/tin-moi'],
      changedAt: expect.any(String),
    })
    // Site A's change is not the commune front end's business.
    expect(commune.received).toHaveLength(0)
    const [row] = await deliveryRows({ deliveryId: { equals: body.id } })
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, url: all.url })
    expect(row.lastError ?? null).toBeNull()
  })

  it('a slug change sends the old path and the new one', async () => {
    const response = await app.rest('PATCH', `/articles/${articleId}`, {
      token: admin.token,
      body: { slug: 'tin-da-sua' },
    })
    expect(response.status).toBe(200)
    await settled()
    expect(bodies(all)).toEqual([
      expect.objectContaining({
        collection: 'articles',
        docId: articleId,
        operation: 'update',
        oldPaths: ['/thoi-su/tin-moi'],
        newPaths: ['/thoi-su/tin-da-sua'],
      }),
    ])
  })

  it('a category renamed by slug sends its old and new path', async () => {
    await app.payload.update({
      collection: 'categories',
      id: categoryA,
      data: { slug: 'thoi-su-moi' } as never,
    })
    await settled()
    expect(bodies(all)).toEqual([
      expect.objectContaining({
        collection: 'categories',
        docId: categoryA,
        operation: 'update',
        oldPaths: ['/thoi-su'],
        newPaths: ['/thoi-su-moi'],
      }),
    ])
  })

  it('deleting an article sends its path as old, none as new', async () => {
    const response = await app.rest('DELETE', `/articles/${articleId}`, { token: admin.token })
    expect(response.status).toBe(200)
    await settled()
    expect(bodies(all)).toEqual([
      expect.objectContaining({
        collection: 'articles',
        docId: articleId,
        operation: 'delete',
        oldPaths: ['/thoi-su-moi/tin-da-sua'],
        newPaths: [],
      }),
    ])
  })

  it('an endpoint with `sites` hears only those sites; one without hears every site', async () => {
    const article = await app.payload.create({
      collection: 'articles',
      data: publishedArticle(b, categoryB, 'tin-xa-moi') as never,
    })
    await settled()
    for (const [receiver, secret] of [
      [commune, SECRET_COMMUNE],
      [all, SECRET_ALL],
    ] as const) {
      expect(receiver.received).toHaveLength(1)
      const [hit] = receiver.received
      expect(
        verifyWebhookSignature(hit.body, hit.headers['x-news-portal-signature'] as string, secret),
      ).toBe(true)
      expect(JSON.parse(hit.body)).toMatchObject({
        docId: article.id,
        site: { id: b.id, slug: 'xa-muong-kim-wh' },
        newPaths: ['/tin-xa/tin-xa-moi'],
      })
    }
    // Each front end gets its own delivery id.
    expect(bodies(commune)[0].id).not.toBe(bodies(all)[0].id)
  })

  it('a draft saved without publishing sends nothing', async () => {
    await app.payload.create({
      collection: 'articles',
      data: { title: 'Nháp', slug: 'nhap', site: a.id, _status: 'draft' } as never,
      draft: true,
    })
    await settled()
    expect(all.received).toHaveLength(0)
  })
})

describe('webhooks: retries and outcomes', () => {
  it('500 twice then 200: three attempts of one delivery, waits growing, logged delivered', async () => {
    all.answers.push({ status: 500 }, { status: 500 }, { status: 200 })
    await app.payload.update({
      collection: 'categories',
      id: categoryA,
      data: { title: 'Thời sự 24h' } as never,
    })
    await settled()
    expect(all.received).toHaveLength(3)
    const ids = new Set(all.received.map((hit) => hit.headers['x-news-portal-delivery']))
    expect(ids.size).toBe(1)
    // The same bytes, signed the same way, on every attempt.
    expect(new Set(all.received.map((hit) => hit.body)).size).toBe(1)
    const [first, second, third] = all.received.map((hit) => hit.at)
    expect(second - first).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 5)
    expect(third - second).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS - 5)
    expect(third - second).toBeGreaterThan(second - first)
    const [row] = await deliveryRows({ deliveryId: { equals: [...ids][0] } })
    expect(row).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 })
    expect(row.nextAttemptAt ?? null).toBeNull()
  })

  it('a 400 is final: one attempt, logged failed with the status', async () => {
    all.answers.push({ status: 400 })
    await app.payload.update({
      collection: 'categories',
      id: categoryA,
      data: { title: 'Thời sự hôm nay' } as never,
    })
    await settled()
    expect(all.received).toHaveLength(1)
    const [row] = await deliveryRows({
      deliveryId: { equals: all.received[0].headers['x-news-portal-delivery'] },
    })
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatus: 400,
      lastError: 'the front end answered HTTP 400.',
    })
  })

  it('a 429 is retried like a 5xx', async () => {
    all.answers.push({ status: 429 })
    await app.payload.update({
      collection: 'categories',
      id: categoryA,
      data: { title: 'Thời sự sáng nay' } as never,
    })
    await settled()
    expect(all.received).toHaveLength(2)
    const [row] = await deliveryRows({
      deliveryId: { equals: all.received[0].headers['x-news-portal-delivery'] },
    })
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 })
  })

  it("the editor's save returns before a slow front end answers", async () => {
    all.answers.push({ status: 200, delayMs: 1_500 })
    const answeredBefore = all.answered()
    const started = Date.now()
    const response = await app.rest('PATCH', `/categories/${categoryA}`, {
      token: admin.token,
      body: { title: 'Thời sự chiều nay' },
    })
    const saveMs = Date.now() - started
    expect(response.status).toBe(200)
    expect(all.answered()).toBe(answeredBefore)
    expect(saveMs).toBeLessThan(1_500)
    await settled()
    expect(all.received).toHaveLength(1)
    const [row] = await deliveryRows({
      deliveryId: { equals: all.received[0].headers['x-news-portal-delivery'] },
    })
    expect(row).toMatchObject({ status: 'delivered', attempts: 1 })
    expect(all.answered()).toBe(answeredBefore + 1)
  })
})
