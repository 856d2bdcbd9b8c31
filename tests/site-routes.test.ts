import { createHmac } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { internalPath } from '../app/(site)/lib/rewrite.js'
import { readSiteKey, siteKeyOfHost } from '../app/(site)/lib/sites.js'
import { readContentChange, verifySignature } from '../app/(site)/lib/webhook.js'

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

describe('the revalidation webhook', () => {
  const secret = 'whsec-test'
  const body = JSON.stringify({
    event: 'update',
    collection: 'articles',
    docId: 7,
    site: 'than-uyen',
    oldPaths: ['/tin-tuc/cu'],
    newPaths: ['/tin-tuc/moi', '/tin-tuc'],
  })
  const sign = (text: string, key = secret) =>
    `sha256=${createHmac('sha256', key).update(text).digest('hex')}`

  it('accepts the HMAC of the exact body and nothing else', () => {
    expect(verifySignature(body, sign(body), secret)).toBe(true)
    expect(verifySignature(`${body} `, sign(body), secret)).toBe(false)
    expect(verifySignature(body, sign(body, 'other'), secret)).toBe(false)
    expect(verifySignature(body, null, secret)).toBe(false)
    expect(verifySignature(body, 'sha256=zz', secret)).toBe(false)
  })

  it('reads the old and new paths of a change, once each', () => {
    expect(readContentChange(body)).toEqual({
      event: 'update',
      collection: 'articles',
      site: 'than-uyen',
      paths: ['/tin-tuc/cu', '/tin-tuc/moi', '/tin-tuc'],
    })
  })

  it('names what is wrong with a bad body', () => {
    expect(readContentChange('{')).toBe('The body is not JSON.')
    expect(readContentChange('{"collection":"articles"}')).toBe('event must be a non-empty string.')
    expect(readContentChange('{"event":"update","collection":"articles","newPaths":["x"]}')).toBe(
      'newPaths must be a list of at most 200 paths starting with "/".',
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
