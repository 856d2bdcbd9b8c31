import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { internalPath } from '../app/(site)/lib/rewrite.js'
import { readSiteKey, siteKeyOfHost, siteOrigin } from '../app/(site)/lib/sites.js'
import { pagesToRevalidate, readContentChange, verifySignature } from '../app/(site)/lib/webhook.js'
import type { WebhookBody } from '../features/webhooks/deliveries.js'
import { signWebhookBody, verifyWebhookSignature } from '../features/webhooks/signature.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const none = new URLSearchParams()

describe('the portal proxy: public address → internal route', () => {
  it('puts the site and the locale first', () => {
    expect(internalPath('/', none, 'than-uyen')).toBe('/than-uyen/vi')
    expect(internalPath('/tin-tuc-su-kien/hoi-thao', none, 'than-uyen')).toBe(
      '/than-uyen/vi/tin-tuc-su-kien/hoi-thao',
    )
    expect(internalPath('/en/tin-tuc-su-kien', none, 'than-uyen')).toBe(
      '/than-uyen/en/tin-tuc-su-kien',
    )
  })

  it('turns ?trang=N of a section into a path, so each list page renders statically', () => {
    const page = (n: string) => new URLSearchParams({ trang: n })
    expect(internalPath('/tin-tuc-su-kien', page('2'), 'x')).toBe('/x/vi/tin-tuc-su-kien/_p/2')
    expect(internalPath('/tin-tuc-su-kien', page('1'), 'x')).toBe('/x/vi/tin-tuc-su-kien')
    expect(internalPath('/tin-tuc-su-kien', page('abc'), 'x')).toBe('/x/vi/tin-tuc-su-kien')
    expect(internalPath('/tin-tuc-su-kien/bai', page('2'), 'x')).toBe('/x/vi/tin-tuc-su-kien/bai')
    expect(internalPath('/tim-kiem', page('2'), 'x')).toBe('/x/vi/tim-kiem')
  })

  it("leaves Payload's /admin and /api alone", () => {
    expect(internalPath('/admin', none, 'x')).toBeNull()
    expect(internalPath('/admin/collections/articles', none, 'x')).toBeNull()
    expect(internalPath('/api', none, 'x')).toBeNull()
    expect(internalPath('/api/feed.xml', none, 'x')).toBeNull()
    expect(internalPath('/administration', none, 'x')).toBe('/x/vi/administration')
  })

  it('a host becomes a key no slug can be, and reads back', () => {
    expect(siteKeyOfHost('Xa-Muong-Kim.localhost:3000')).toBe('~xa-muong-kim.localhost~3000')
    expect(readSiteKey('~xa-muong-kim.localhost~3000')).toEqual({
      host: 'xa-muong-kim.localhost:3000',
    })
    expect(readSiteKey('than-uyen')).toEqual({ slug: 'than-uyen' })
    expect(readSiteKey('~evil/host')).toBeNull()
    expect(readSiteKey('Not A Slug')).toBeNull()
  })
})

describe("the site's origin for absolute links", () => {
  it("is the site's siteUrl, else the host its pages are keyed by", () => {
    expect(siteOrigin('https://thanuyen.gov.vn', siteKeyOfHost('x.vn'))?.href).toBe(
      'https://thanuyen.gov.vn/',
    )
    expect(siteOrigin(null, siteKeyOfHost('thanuyen.gov.vn'))?.href).toBe(
      'https://thanuyen.gov.vn/',
    )
    expect(siteOrigin(null, siteKeyOfHost('127.0.0.1:4000'))?.href).toBe('http://127.0.0.1:4000/')
    expect(siteOrigin('not a url', siteKeyOfHost('localhost:3000'))?.href).toBe(
      'http://localhost:3000/',
    )
    expect(siteOrigin(null, 'than-uyen')).toBeNull()
  })
})

describe('the revalidation webhook', () => {
  const secret = 'whsec-test-0123456789'
  // Exactly what the plugin's queue sends (features/webhooks/deliveries.ts WebhookBody).
  const sent: WebhookBody = {
    id: 'd-1',
    event: 'content.changed',
    collection: 'articles',
    docId: 7,
    site: { id: 1, slug: 'than-uyen' },
    operation: 'update',
    oldPaths: ['/tin-tuc/cu'],
    newPaths: ['/tin-tuc/moi', '/tin-tuc'],
    changedAt: '2026-11-30T15:00:00.000Z',
  }
  const body = JSON.stringify(sent)

  it("accepts the plugin's signWebhookBody of the exact body and nothing else", () => {
    expect(verifySignature(body, signWebhookBody(body, secret), secret)).toBe(true)
    expect(verifySignature(`${body} `, signWebhookBody(body, secret), secret)).toBe(false)
    expect(verifySignature(body, signWebhookBody(body, 'other-secret-0123456'), secret)).toBe(false)
    expect(verifySignature(body, null, secret)).toBe(false)
    expect(verifySignature(body, 'sha256=zz', secret)).toBe(false)
    expect(verifyWebhookSignature(body, signWebhookBody(body, secret), secret)).toBe(true)
  })

  it("reads the plugin's body: the site's slug and the old and new paths, once each", () => {
    expect(readContentChange(body)).toEqual({
      event: 'content.changed',
      collection: 'articles',
      site: 'than-uyen',
      paths: ['/tin-tuc/cu', '/tin-tuc/moi', '/tin-tuc'],
    })
    expect(readContentChange(JSON.stringify({ ...sent, site: null }))).toMatchObject({
      site: null,
    })
    expect(
      readContentChange(JSON.stringify({ ...sent, site: { id: 2, slug: null } })),
    ).toMatchObject({ site: null })
  })

  it("re-renders an article's section list and the home page with the article (the plugin sends only the article's path)", () => {
    expect(pagesToRevalidate(['/tin-tuc/moi', '/trang/gioi-thieu'])).toEqual([
      '/',
      '/tin-tuc/moi',
      '/trang/gioi-thieu',
      '/tin-tuc',
    ])
  })

  it('names what is wrong with a bad body', () => {
    expect(readContentChange('{')).toBe('The body is not JSON.')
    expect(readContentChange('{"collection":"articles"}')).toBe('event must be a non-empty string.')
    expect(readContentChange('{"event":"update","collection":"articles","newPaths":["x"]}')).toBe(
      'newPaths must be a list of at most 200 paths starting with "/".',
    )
    expect(readContentChange(JSON.stringify({ ...sent, site: 'than-uyen' }))).toBe(
      'site must be null or { id, slug } with slug a site slug or null.',
    )
  })
})

describe('the portal reads through the SDK only', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : []
    })

  it('no file of app/(site) imports Payload, its config, the plugin or the database', () => {
    const offenders = files(path.join(root, 'app/(site)')).filter((file) =>
      /from '(payload|@payload-config|@payloadcms\/[^']+|payload-plugin-news-portal[^']*|(\.\.\/)+(core|features|collections|plugin|config)\/[^']*)'/.test(
        readFileSync(file, 'utf8'),
      ),
    )
    expect(offenders).toEqual([])
  })
})
