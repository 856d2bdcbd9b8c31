import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { forgetSites, normalizeDomain } from '../features/sites/registry.js'
import { resolveSite } from '../features/sites/resolve.js'
import { startTestApp, type TestApp } from './helpers/app.js'

describe('normalizeDomain', () => {
  it.each([
    ['Xa.TinH.gov.vn', 'xa.tinh.gov.vn'],
    ['https://xa.tinh.gov.vn:8443/tin-tuc', 'xa.tinh.gov.vn'],
    ['xa.tinh.gov.vn.', 'xa.tinh.gov.vn'],
    ['localhost:3000', 'localhost'],
  ])('%s → %s', (input, domain) => expect(normalizeDomain(input)).toBe(domain))

  it.each(['', 'not a host', 'a..b', '-x.vn', 'x'.repeat(254), 'xa.vn\u0000'])(
    'refuses %j',
    (input) => expect(normalizeDomain(input)).toBeUndefined(),
  )
})

describe('which site a request is for', () => {
  let app: TestApp
  const request = (headers: Record<string, string>) =>
    ({
      payload: app.payload,
      headers: new Headers(headers),
      context: {},
    }) as unknown as PayloadRequest
  const slugOf = async (headers: Record<string, string>, trustProxy: boolean | number = false) =>
    (await resolveSite(request(headers), { trustProxy }))?.slug ?? null

  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app?.close())

  it('is the default site, created at the first start, while the deployment has no other', async () => {
    const sites = await app.payload.find({ collection: 'sites' })
    expect(
      sites.docs.map(({ name, slug, isDefault, timeZone }) => ({
        name,
        slug,
        isDefault,
        timeZone,
      })),
    ).toEqual([
      {
        name: 'Cổng thông tin điện tử',
        slug: 'cong-thong-tin-dien-tu',
        isDefault: true,
        timeZone: 'Asia/Ho_Chi_Minh',
      },
    ])
    expect(await slugOf({ host: 'xa.tinh.gov.vn' })).toBe('cong-thong-tin-dien-tu')
    await app.payload.delete({ collection: 'sites', where: { id: { exists: true } } })
  })

  it('is named by x-portal-site, else found by host, else the default site', async () => {
    await app.payload.create({
      collection: 'sites',
      data: { name: 'Tỉnh Lai Châu', domains: [{ domain: 'laichau.gov.vn' }], isDefault: true },
    })
    await app.payload.create({
      collection: 'sites',
      data: { name: 'Xã Mường Kim', domains: [{ domain: 'HTTPS://MuongKim.LaiChau.gov.vn:443/' }] },
    })
    forgetSites(app.payload)
    expect(await slugOf({ 'x-portal-site': 'xa-muong-kim', host: 'laichau.gov.vn' })).toBe(
      'xa-muong-kim',
    )
    expect(await slugOf({ host: 'muongkim.laichau.gov.vn:3000' })).toBe('xa-muong-kim')
    expect(await slugOf({ host: 'unknown.example' })).toBe('tinh-lai-chau')
    expect(await slugOf({})).toBe('tinh-lai-chau')
  })

  it('reads x-forwarded-host only when proxies are trusted', async () => {
    const headers = { host: 'laichau.gov.vn', 'x-forwarded-host': 'muongkim.laichau.gov.vn' }
    expect(await slugOf(headers)).toBe('tinh-lai-chau')
    expect(await slugOf(headers, 1)).toBe('xa-muong-kim')
  })

  it('an unknown x-portal-site is UNKNOWN_SITE naming the header, never another site', async () => {
    await expect(
      resolveSite(request({ 'x-portal-site': 'xa-khong-co' }), { trustProxy: false }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_SITE',
      status: 400,
      details: { field: 'x-portal-site' },
      message: 'The x-portal-site header names no site: "xa-khong-co".',
    })
  })

  it('a domain belongs to one site only, and marking a default takes the mark from the other', async () => {
    await expect(
      app.payload.create({
        collection: 'sites',
        data: { name: 'Xã Bản Bo', domains: [{ domain: 'laichau.gov.vn' }] },
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [
          {
            path: 'domains.0.domain',
            message: 'laichau.gov.vn already belongs to the site "tinh-lai-chau".',
          },
        ],
      },
    })
    const banBo = await app.payload.create({
      collection: 'sites',
      data: { name: 'Xã Bản Bo', domains: [{ domain: 'banbo.laichau.gov.vn' }], isDefault: true },
    })
    const defaults = await app.payload.find({
      collection: 'sites',
      where: { isDefault: { equals: true } },
    })
    expect(defaults.docs.map((site) => site.id)).toEqual([banBo.id])
    expect(await slugOf({})).toBe('xa-ban-bo')
  })

  it('anyone reads the sites; only an admin writes them', async () => {
    const list = await app.rest('GET', '/sites?limit=10&sort=slug')
    expect(list.status).toBe(200)
    expect(
      ((await list.json()) as { docs: Array<{ slug: string }> }).docs.map((s) => s.slug),
    ).toEqual(['tinh-lai-chau', 'xa-ban-bo', 'xa-muong-kim'])
    const create = await app.rest('POST', '/sites', { body: { name: 'Xã Lạ' } })
    expect(create.status).toBe(403)
  })
})
