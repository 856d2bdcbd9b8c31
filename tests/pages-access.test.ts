import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'
import { paragraph, richText } from '../core/lexical.js'

// Pages: drafts, vi/en, a parent without cycles, site-scoped, and read by the public only once
// published, on every path (REST, GraphQL, Local API, versions).
let app: TestApp
let a: TestSite
let b: TestSite
type Id = string | number
let about: Id
let draft: Id
let editorToken: string

beforeAll(async () => {
  app = await startTestApp({ siteUrl: 'https://thanuyen.laichau.gov.vn/' })
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim' })
  await userOn(app, 'admin@tinh.vn', ['admin'])
  editorToken = (await userOn(app, 'bientap@tinh.vn', ['editor'], [a])).token
  const { payload } = app
  about = (
    await payload.create({
      collection: 'pages',
      locale: 'vi',
      data: {
        title: 'Giới thiệu',
        body: richText(paragraph('Huyện Than Uyên nằm ở phía nam tỉnh Lai Châu.')),
        _status: 'published',
        site: a.id,
      } as never,
    })
  ).id
  await payload.update({
    collection: 'pages',
    id: about,
    locale: 'en',
    data: {
      title: 'About',
      body: richText(paragraph('Than Uyen lies in the south of Lai Chau.')),
      _status: 'published',
    } as never,
  })
  draft = (
    await payload.create({
      collection: 'pages',
      draft: true,
      data: { title: 'Trang nháp', _status: 'draft', site: a.id } as never,
    })
  ).id
  await payload.create({
    collection: 'pages',
    data: { title: 'Giới thiệu', _status: 'published', site: b.id } as never,
  })
})
afterAll(() => app?.close())

const PAGES = `query ($slug: String!, $locale: LocaleInputType) {
  Pages(where: { slug: { equals: $slug } }, locale: $locale) { docs { id title slug bodyHtml canonicalUrl } }
}`

describe('pages', () => {
  it('a published page in Vietnamese and English, with its bodyHtml and canonical URL', async () => {
    const vi = await app.graphql(PAGES, { slug: 'gioi-thieu' })
    const en = await app.graphql(PAGES, { slug: 'gioi-thieu', locale: 'en' })
    expect(vi.errors).toBeUndefined()
    expect(vi.data.Pages.docs).toEqual([
      {
        id: about,
        title: 'Giới thiệu',
        slug: 'gioi-thieu',
        bodyHtml: '<p>Huyện Than Uyên nằm ở phía nam tỉnh Lai Châu.</p>',
        canonicalUrl: 'https://thanuyen.laichau.gov.vn/trang/gioi-thieu',
      },
    ])
    expect(en.data.Pages.docs).toEqual([
      {
        id: about,
        title: 'About',
        slug: 'gioi-thieu',
        bodyHtml: '<p>Than Uyen lies in the south of Lai Chau.</p>',
        canonicalUrl: 'https://thanuyen.laichau.gov.vn/trang/gioi-thieu',
      },
    ])
  })

  it('Page(id) and the REST API answer on their site only', async () => {
    const onB = await app.graphql(PAGES, { slug: 'gioi-thieu' }, { headers: onSite(b) })
    expect(onB.data.Pages.docs).toHaveLength(1)
    expect(onB.data.Pages.docs[0].id).not.toBe(about)
    const byId = await app.graphql(`query ($id: Int!) { Page(id: $id) { title } }`, {
      id: Number(about),
    })
    expect(byId.data.Page).toEqual({ title: 'Giới thiệu' })
    const fromB = await app.graphql(
      `query ($id: Int!) { Page(id: $id) { title } }`,
      { id: Number(about) },
      { headers: onSite(b) },
    )
    expect(fromB.data.Page).toBeNull()
    const elsewhere = await app.rest('GET', `/pages/${about}`, { headers: onSite(b) })
    expect(elsewhere.status).toBe(404)
  })

  it('a draft is hidden from the public on every path, shown to its editor', async () => {
    const rest = await app.rest('GET', `/pages/${draft}`)
    expect(rest.status).toBe(404)
    const list = await app.rest('GET', '/pages?draft=true&limit=50')
    const titles = ((await list.json()).docs as Array<{ title: string }>).map((doc) => doc.title)
    expect(titles).toEqual(['Giới thiệu'])
    const graphql = await app.graphql(PAGES, { slug: 'trang-nhap' })
    expect(graphql.data.Pages.docs).toEqual([])
    const local = await app.payload.find({
      collection: 'pages',
      where: { slug: { equals: 'trang-nhap' } },
      overrideAccess: false,
    })
    expect(local.docs).toEqual([])
    const versions = await app.rest('GET', '/pages/versions')
    expect(versions.status).toBe(403)
    const asEditor = await app.rest('GET', `/pages/${draft}?draft=true`, { token: editorToken })
    expect(asEditor.status).toBe(200)
    expect((await asEditor.json()).title).toBe('Trang nháp')
  })

  it("a published page's draft parent is null (GraphQL) or its bare id (REST) for the public, itself for an editor", async () => {
    const child = await app.payload.create({
      collection: 'pages',
      data: { title: 'Trang con', _status: 'published', site: a.id, parent: draft } as never,
    })
    const query = `{ Pages(where: { slug: { equals: "trang-con" } }) { docs { parent { title } } } }`
    const asPublic = await app.graphql(query)
    expect(asPublic.data.Pages.docs).toEqual([{ parent: null }])
    const rest = await app.rest('GET', `/pages/${child.id}?depth=1`)
    // REST leaves a relationship it may not populate as the bare id: never the draft's fields.
    expect((await rest.json()).parent).toBe(draft)
    const asEditor = await app.graphql(query, {}, { token: editorToken })
    expect(asEditor.data.Pages.docs).toEqual([{ parent: { title: 'Trang nháp' } }])
    await app.payload.delete({ collection: 'pages', id: child.id })
  })

  it('a published page with a newer draft shows the published version to the public', async () => {
    await app.payload.update({
      collection: 'pages',
      id: about,
      draft: true,
      data: { title: 'Giới thiệu (đang sửa)' } as never,
    })
    const res = await app.rest('GET', `/pages/${about}?draft=true`)
    expect((await res.json()).title).toBe('Giới thiệu')
  })

  it('the public writes nothing', async () => {
    const res = await app.rest('POST', '/pages', { body: { title: 'Chen ngang' } })
    expect(res.status).toBe(403)
    expect((await app.payload.count({ collection: 'pages' })).totalDocs).toBe(3)
  })
})

describe('pages and topics on sites', () => {
  it('an editor of one site writes neither pages nor topics of another, and nothing is written', async () => {
    for (const collection of ['pages', 'topics']) {
      const before = (await app.payload.count({ collection: collection as 'pages' })).totalDocs
      const create = await app.rest('POST', `/${collection}`, {
        token: editorToken,
        body: { title: 'Trang lạ', _status: 'published', site: b.id },
      })
      expect(create.status, collection).toBe(400)
      expect((await create.json()).errors[0].data.errors).toEqual([
        { path: 'site', message: 'site: you may not write on the site "xa-muong-kim".' },
      ])
      expect((await app.payload.count({ collection: collection as 'pages' })).totalDocs).toBe(
        before,
      )
    }
    const onB = await app.payload.find({
      collection: 'pages',
      where: { site: { equals: b.id } },
      depth: 0,
    })
    const update = await app.rest('PATCH', `/pages/${onB.docs[0].id}`, {
      token: editorToken,
      body: { title: 'Sửa trộm' },
    })
    expect(update.status).toBe(403)
    const stored = await app.payload.findByID({ collection: 'pages', id: onB.docs[0].id })
    expect(stored.title).toBe('Giới thiệu')
    const own = await app.rest('POST', '/topics', {
      token: editorToken,
      body: { title: 'Chuyển đổi số' },
    })
    expect(own.status).toBe(201)
    expect((await own.json()).doc.site.id).toBe(a.id)
  })
})

describe('a page’s parent', () => {
  it('refuses the page itself and any of its descendants, with a clear message', async () => {
    const create = async (title: string, parent?: Id) =>
      (
        await app.payload.create({
          collection: 'pages',
          data: { title, _status: 'published', site: a.id, parent } as never,
        })
      ).id
    const root = await create('Cơ cấu tổ chức')
    const child = await create('Lãnh đạo huyện', root)
    const grandchild = await create('Văn phòng', child)
    const setParent = (id: Id, parent: Id) =>
      app.rest('PATCH', `/pages/${id}`, { token: editorToken, body: { parent } })
    const self = await setParent(root, root)
    expect(self.status).toBe(400)
    expect(JSON.stringify(await self.json())).toContain('A page cannot be its own parent.')
    const cycle = await setParent(root, grandchild)
    expect(cycle.status).toBe(400)
    expect(JSON.stringify(await cycle.json())).toContain(
      `Page ${grandchild} is under this page: choosing it as the parent would make a cycle.`,
    )
    const stored = await app.payload.findByID({ collection: 'pages', id: root, depth: 0 })
    expect((stored as { parent?: unknown }).parent ?? null).toBeNull()
    // Moving a branch elsewhere in the tree is fine.
    const ok = await setParent(grandchild, root)
    expect(ok.status).toBe(200)
  })
})
