import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyWebhookSignature } from '../plugin/index.js'
import { webhooksSettled } from '../features/webhooks/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, userOn, type TestSite } from './helpers/sites.js'
import { startReceiver, type WebhookReceiver } from './helpers/webhookReceiver.js'

// No endpoint in the options: the front end is added by an admin through the API, as in the admin.
const SECRET = 'stored-endpoint-secret'
const NEW_SECRET = 'stored-endpoint-secret-2'

let app: TestApp
let routePayload: Payload
let receiver: WebhookReceiver
let a: TestSite
let b: TestSite
let categoryA: string | number
let categoryB: string | number
let endpointId: string | number
const users = {} as Record<'admin' | 'editorB', { token: string }>

const settled = async () => {
  await webhooksSettled(app.payload)
  await webhooksSettled(routePayload)
}
const json = async (response: Response) => (await response.json()) as any
const count = async () =>
  (await app.payload.count({ collection: 'webhook-endpoints' as never })).totalDocs
// Through the route handlers, the Payload instance the endpoints are saved on (another instance
// sees a stored endpoint within ENDPOINT_LIST_TTL_MS).
const touch = async (id: string | number, title: string) => {
  const response = await app.rest('PATCH', `/categories/${id}`, {
    token: users.admin.token,
    body: { title },
  })
  expect(response.status).toBe(200)
}
const verified = (secret: string) =>
  receiver.received.map((hit) =>
    verifyWebhookSignature(hit.body, hit.headers['x-news-portal-signature'] as string, secret),
  )

beforeAll(async () => {
  receiver = await startReceiver()
  app = await startTestApp({
    webhooks: { allowedInternalHosts: ['127.0.0.1'], retryDelayMs: 10 },
  })
  routePayload = await getPayload({ config: app.config })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã B', slug: 'xa-b-ep' })
  users.admin = await userOn(app, 'admin@ep.vn', ['admin'])
  users.editorB = await userOn(app, 'editor-b@ep.vn', ['editor'], [b])
  categoryA = (
    await app.payload.create({
      collection: 'categories',
      data: { title: 'A', site: a.id } as never,
    })
  ).id
  categoryB = (
    await app.payload.create({
      collection: 'categories',
      data: { title: 'B', site: b.id } as never,
    })
  ).id
})
afterAll(async () => {
  await settled()
  await app?.close()
  await receiver?.close()
})
beforeEach(async () => {
  await settled()
  receiver.received.length = 0
})

describe('webhook endpoints added by an admin', () => {
  it('an admin adds one; the secret is never read back', async () => {
    const response = await app.rest('POST', '/webhook-endpoints', {
      token: users.admin.token,
      body: { url: receiver.url, secret: SECRET, sites: [b.id] },
    })
    expect(response.status).toBe(201)
    const { doc } = await json(response)
    endpointId = doc.id
    expect(doc.secret).toBeNull()
    const read = await json(
      await app.rest('GET', `/webhook-endpoints/${endpointId}`, { token: users.admin.token }),
    )
    expect(read).toMatchObject({ url: receiver.url, secret: null, enabled: true })
    const text = await (
      await app.rest('GET', '/webhook-endpoints', { token: users.admin.token })
    ).text()
    expect(text).not.toContain(SECRET)
  })

  it("its sites' changes reach it at once, signed with its secret; other sites' do not", async () => {
    await touch(categoryB, 'B 1')
    await touch(categoryA, 'A 1')
    await settled()
    expect(receiver.received).toHaveLength(1)
    expect(verified(SECRET)).toEqual([true])
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      collection: 'categories',
      docId: categoryB,
      site: { id: b.id, slug: 'xa-b-ep' },
    })
  })

  it('an edit that leaves the secret empty keeps it; a new secret signs from then on', async () => {
    const keep = await app.rest('PATCH', `/webhook-endpoints/${endpointId}`, {
      token: users.admin.token,
      body: { secret: '', enabled: true },
    })
    expect(keep.status).toBe(200)
    await touch(categoryB, 'B 2')
    await settled()
    expect(verified(SECRET)).toEqual([true])
    receiver.received.length = 0
    const change = await app.rest('PATCH', `/webhook-endpoints/${endpointId}`, {
      token: users.admin.token,
      body: { secret: NEW_SECRET },
    })
    expect(change.status).toBe(200)
    await touch(categoryB, 'B 3')
    await settled()
    expect(verified(NEW_SECRET)).toEqual([true])
  })

  it('a disabled endpoint hears nothing', async () => {
    await app.rest('PATCH', `/webhook-endpoints/${endpointId}`, {
      token: users.admin.token,
      body: { enabled: false },
    })
    await touch(categoryB, 'B 4')
    await settled()
    expect(receiver.received).toHaveLength(0)
  })

  it('editors and anonymous readers neither read nor write endpoints', async () => {
    for (const token of [users.editorB.token, undefined]) {
      expect((await app.rest('GET', '/webhook-endpoints', { token })).status).toBe(403)
      const create = await app.rest('POST', '/webhook-endpoints', {
        token,
        body: { url: 'https://xa-b.vn/hook', secret: SECRET },
      })
      expect(create.status).toBe(403)
    }
    expect(await count()).toBe(1)
  })

  it.each([
    [
      { url: 'ftp://xa-b.vn/hook' },
      'url',
      'The URL must start with http:// or https://; got "ftp://xa-b.vn/hook".',
    ],
    [
      { url: 'https://quantri:matkhau@xa-b.vn/hook' },
      'url',
      'The URL must not carry a user name or password; sign with `secret` instead.',
    ],
    [
      { url: 'http://192.168.1.10/hook' },
      'url',
      'The URL points to 192.168.1.10, which is not a public address (private); list it in webhooks.allowedInternalHosts to allow it.',
    ],
    [{ secret: 'ngan' }, 'secret', 'The secret must be a string of at least 16 characters.'],
    [{ secret: undefined }, 'secret', 'The secret must be a string of at least 16 characters.'],
  ])(
    'refuses %j with a 400 naming the field, writing nothing',
    async (overrides, field, message) => {
      const response = await app.rest('POST', '/webhook-endpoints', {
        token: users.admin.token,
        body: { url: 'https://xa-b.vn/hook', secret: SECRET, ...overrides },
      })
      expect(response.status).toBe(400)
      const errors = (await json(response)).errors[0].data.errors
      expect(errors).toEqual([expect.objectContaining({ path: field, message })])
      expect(await count()).toBe(1)
    },
  )
})
