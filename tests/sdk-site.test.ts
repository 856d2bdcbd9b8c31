import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPortalClient, PortalError, type PortalSite } from '../sdk/src/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'

const ENDPOINT = 'http://localhost:3000/api/graphql'

let app: TestApp
const sentSites: Array<string | null> = []

/** A client for `site` that hands each request to the real GraphQL route, noting the header. */
const clientFor = (site?: string) =>
  createPortalClient({
    endpoint: ENDPOINT,
    site,
    retries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init)
      sentSites.push(request.headers.get('x-portal-site'))
      return app.graphqlRoute(request)
    },
  })

beforeAll(async () => {
  app = await startTestApp()
  const commune = await app.payload.create({
    collection: 'sites' as never,
    locale: 'vi',
    data: {
      name: 'Cổng thông tin điện tử xã Mường Kim',
      slug: 'xa-muong-kim',
      siteUrl: 'https://muongkim.laichau.gov.vn',
      timeZone: 'Asia/Bangkok',
    } as never,
  })
  await app.payload.update({
    collection: 'sites' as never,
    id: (commune as { id: number }).id,
    locale: 'en',
    data: { name: 'Mường Kim commune portal' } as never,
  })
})
afterAll(() => app?.close())

describe('portal.site(): the public settings of the client’s site', () => {
  it("reads the named site's settings, sending x-portal-site", async () => {
    sentSites.length = 0
    const settings: PortalSite = await clientFor('xa-muong-kim').site()
    expect(settings).toEqual({
      name: 'Cổng thông tin điện tử xã Mường Kim',
      slug: 'xa-muong-kim',
      siteUrl: 'https://muongkim.laichau.gov.vn',
      timeZone: 'Asia/Bangkok',
    })
    expect(sentSites).toEqual(['xa-muong-kim'])
  })

  it("gives the site's name in the requested locale", async () => {
    const portal = clientFor('xa-muong-kim')
    expect((await portal.site({ locale: 'en' })).name).toBe('Mường Kim commune portal')
    expect((await portal.site({ locale: 'vi' })).name).toBe('Cổng thông tin điện tử xã Mường Kim')
  })

  it('without a site, reads the default site the first start created', async () => {
    sentSites.length = 0
    expect(await clientFor().site()).toEqual({
      name: 'Cổng thông tin điện tử',
      slug: 'cong-thong-tin-dien-tu',
      siteUrl: null,
      timeZone: 'Asia/Ho_Chi_Minh',
    })
    expect(sentSites).toEqual([null])
  })

  it('an unknown site is a PortalError UNKNOWN_SITE naming the header, never another site', async () => {
    const error = await clientFor('xa-khong-co')
      .site()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PortalError)
    expect(error).toMatchObject({
      code: 'UNKNOWN_SITE',
      message: 'The x-portal-site header names no site: "xa-khong-co".',
    })
  })
})
