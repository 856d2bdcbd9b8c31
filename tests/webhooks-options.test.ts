import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  newsPortalPlugin,
  resolveOptions,
  signWebhookBody,
  verifyWebhookSignature,
} from '../plugin/index.js'

const SECRET = 'a-front-end-secret'
const endpoint = (overrides: Record<string, unknown> = {}) => ({
  url: 'https://tin.tinh.gov.vn/api/revalidate',
  secret: SECRET,
  ...overrides,
})
const resolve = (webhooks: Record<string, unknown>) =>
  resolveOptions({ webhooks: webhooks as never }).webhooks

describe('webhooks options', () => {
  it('defaults: no endpoint, 10 s timeout, 8 attempts from 1 s doubling, 30 days of log', () => {
    const { lookup, ...rest } = resolveOptions({}).webhooks
    expect(typeof lookup).toBe('function')
    expect(rest).toEqual({
      endpoints: [],
      timeoutMs: 10_000,
      maxAttempts: 8,
      retryDelayMs: 1_000,
      keepDeliveriesDays: 30,
      pruneCron: '0 17 * * * *',
      allowedInternalHosts: [],
    })
  })

  it('an endpoint keeps its URL, secret and site slugs; no `sites` means every site', () => {
    expect(
      resolve({
        endpoints: [endpoint(), endpoint({ url: 'http://xa.vn/hook', sites: [' xa-a '] })],
      }).endpoints,
    ).toEqual([
      { url: 'https://tin.tinh.gov.vn/api/revalidate', secret: SECRET, sites: null },
      { url: 'http://xa.vn/hook', secret: SECRET, sites: ['xa-a'] },
    ])
  })

  it.each([
    [
      { url: 'ftp://tin.vn/hook' },
      'newsPortalPlugin: webhooks.endpoints[0].url must start with http:// or https://; got "ftp://tin.vn/hook".',
    ],
    [
      { url: 'tin.vn/hook' },
      'newsPortalPlugin: webhooks.endpoints[0].url is not a valid URL: "tin.vn/hook".',
    ],
    [{ url: 42 }, 'newsPortalPlugin: webhooks.endpoints[0].url must be a URL.'],
    [
      { url: 'https://admin:mat-khau@tin.vn/hook' },
      'newsPortalPlugin: webhooks.endpoints[0].url must not carry a user name or password; sign with `secret` instead.',
    ],
    [
      { url: 'http://10.0.0.5/hook' },
      'newsPortalPlugin: webhooks.endpoints[0].url points to 10.0.0.5, which is not a public address (private); list it in webhooks.allowedInternalHosts to allow it.',
    ],
    [
      { url: 'http://[::1]:3000/hook' },
      'newsPortalPlugin: webhooks.endpoints[0].url points to ::1, which is not a public address (loopback); list it in webhooks.allowedInternalHosts to allow it.',
    ],
    [
      { secret: 'ngan' },
      'newsPortalPlugin: webhooks.endpoints[0].secret must be a string of at least 16 characters.',
    ],
    [
      { sites: [] },
      'newsPortalPlugin: webhooks.endpoints[0].sites must be a non-empty list of site slugs (leave it out for every site); got [].',
    ],
  ])('refuses the endpoint %j with a message naming what is wrong', (overrides, message) => {
    expect(() => resolve({ endpoints: [endpoint(overrides)] })).toThrow(message)
  })

  it('refuses the same URL twice, and bad figures', () => {
    expect(() => resolve({ endpoints: [endpoint(), endpoint()] })).toThrow(
      'newsPortalPlugin: webhooks.endpoints lists https://tin.tinh.gov.vn/api/revalidate twice; give each front end one entry.',
    )
    expect(() => resolve({ maxAttempts: 0 })).toThrow(
      'newsPortalPlugin: webhooks.maxAttempts must be a whole number of at least 1; got 0.',
    )
    expect(() => resolve({ timeoutMs: 1.5 })).toThrow(
      'newsPortalPlugin: webhooks.timeoutMs must be a whole number of at least 1; got 1.5.',
    )
  })

  it('an internal address is accepted once listed in allowedInternalHosts', () => {
    expect(
      resolve({
        endpoints: [endpoint({ url: 'http://10.0.0.5:3000/hook' })],
        allowedInternalHosts: ['10.0.0.5'],
      }).endpoints[0].url,
    ).toBe('http://10.0.0.5:3000/hook')
  })

  it('the plugin refuses a bad endpoint when the config is built, before anything starts', () => {
    expect(() =>
      newsPortalPlugin({ webhooks: { endpoints: [endpoint({ url: 'javascript:alert(1)' })] } })(
        {} as Config,
      ),
    ).toThrow('webhooks.endpoints[0].url must start with http:// or https://')
  })
})

describe('verifyWebhookSignature', () => {
  const body = '{"id":"1","event":"content.changed","newPaths":["/thoi-su/tin"]}'
  const header = signWebhookBody(body, SECRET)

  it('is `sha256=` and the hex HMAC-SHA256 of the body bytes', () => {
    // echo -n '<body>' | openssl dgst -sha256 -hmac 'a-front-end-secret'
    expect(header).toBe('sha256=2c6fc0094b6e1324482caf4533c5a1b89f364e1c1cb080e7aff7a12439bd092c')
    expect(verifyWebhookSignature(body, header, SECRET)).toBe(true)
    expect(verifyWebhookSignature(new TextEncoder().encode(body), header, SECRET)).toBe(true)
  })

  it('refuses another body, another secret, a missing or malformed header', () => {
    expect(verifyWebhookSignature(body.replace('tin', 'tin2'), header, SECRET)).toBe(false)
    expect(verifyWebhookSignature(body, header, 'another-secret-of-16')).toBe(false)
    expect(verifyWebhookSignature(body, null, SECRET)).toBe(false)
    expect(verifyWebhookSignature(body, 'sha256=zz', SECRET)).toBe(false)
    expect(verifyWebhookSignature(body, header.toUpperCase(), SECRET)).toBe(false)
    expect(verifyWebhookSignature(body, header, '')).toBe(false)
  })
})
