import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getPayload } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, type TestSite } from './helpers/sites.js'
import { forgetSites } from '../features/sites/registry.js'
import { ask, TITLES, titlesOf } from './cache/helpers.js'

let app: TestApp
let siteA: TestSite
let siteB: TestSite
let articleB: number | string

const SITE_NAME = `query { PortalSite { name } }`
const article = (title: string, site: TestSite) =>
  app.payload.create({
    collection: 'articles',
    data: {
      title,
      site: site.id,
      _status: 'published',
      publishedAt: '2026-01-01T00:00:00.000Z',
    } as never,
  })

beforeAll(async () => {
  app = await startTestApp()
  siteA = await defaultSite(app)
  siteB = await addSite(app, { name: 'Xã Mường Kim', domains: [{ domain: 'muongkim.example.vn' }] })
  await article('Bài trang A', siteA)
  articleB = (await article('Bài trang B', siteB)).id
})
afterAll(async () => app?.close())

describe('each site has its own answers', () => {
  test('the header and the Host both name the site: each its own entry, the same answer; other sites differ', async () => {
    const onA = await ask(app, TITLES)
    expect(onA.verdict).toBe('miss')
    expect(titlesOf(onA)).toEqual(['Bài trang A'])
    const byHeader = await ask(app, TITLES, undefined, onSite(siteB))
    expect(byHeader.verdict).toBe('miss')
    expect(titlesOf(byHeader)).toEqual(['Bài trang B'])
    const byHost = await ask(app, TITLES, undefined, { host: 'muongkim.example.vn' })
    expect(byHost.verdict).toBe('miss')
    expect(byHost.text).toBe(byHeader.text)
    expect((await ask(app, TITLES, undefined, { host: 'muongkim.example.vn' })).verdict).toBe('hit')
    expect((await ask(app, TITLES, undefined, onSite(siteB))).verdict).toBe('hit')
    expect((await ask(app, TITLES)).text).toBe(onA.text)
  })

  test('a change on one site leaves the other site’s answers cached', async () => {
    await ask(app, TITLES)
    await ask(app, TITLES, undefined, onSite(siteB))
    await app.payload.update({ collection: 'articles', id: articleB, data: { title: 'Bài B mới' } })
    const onB = await ask(app, TITLES, undefined, onSite(siteB))
    expect(onB.verdict).toBe('miss')
    expect(titlesOf(onB)).toEqual(['Bài B mới'])
    const onA = await ask(app, TITLES)
    expect(onA.verdict).toBe('hit')
    expect(titlesOf(onA)).toEqual(['Bài trang A'])
  })

  test('a site changed shows at once', async () => {
    expect((await ask(app, SITE_NAME, undefined, onSite(siteB))).json.data.PortalSite.name).toBe(
      'Xã Mường Kim',
    )
    await app.payload.update({
      collection: 'sites',
      id: siteB.id,
      data: { name: 'Xã Mường Kim mới' },
    })
    // The site list is kept 2 s per instance (features/sites/registry.ts): the test's instance and the route's forget it now.
    forgetSites(app.payload)
    forgetSites(await getPayload({ config: app.config }))
    const renamed = await ask(app, SITE_NAME, undefined, onSite(siteB))
    expect(renamed.verdict).toBe('miss')
    expect(renamed.json.data.PortalSite.name).toBe('Xã Mường Kim mới')
  })

  test('an unknown site is refused by the handler and never cached', async () => {
    const unknown = await ask(app, TITLES, undefined, onSite('khong-co'))
    expect(unknown.verdict).toBe('bypass')
    expect(unknown.json.errors[0].message).toBe(
      'The x-portal-site header names no site: "khong-co".',
    )
    expect((await ask(app, TITLES, undefined, onSite('khong-co'))).verdict).toBe('bypass')
  })
})
