import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { addSite, defaultSite, onSite, userOn, type TestSite } from './helpers/sites.js'

// Three sites: the default one (A, the province) and two communes (B, C). An editor of A, an
// editor of B and C, an editor with no site, and an admin. Every route: REST, GraphQL, Local API.
let app: TestApp
let a: TestSite
let b: TestSite
let c: TestSite
type Id = string | number
const users = {} as Record<
  'admin' | 'editorA' | 'editorBC' | 'editorNone',
  { id: Id; token: string }
>
const ids = {} as Record<
  | 'draftA'
  | 'newsA'
  | 'draftB'
  | 'newsB'
  | 'categoryA'
  | 'categoryB'
  | 'authorShared'
  | 'authorB'
  | 'sourceShared',
  Id
>

beforeAll(async () => {
  app = await startTestApp()
  a = await defaultSite(app)
  b = await addSite(app, { name: 'Xã Mường Kim' })
  c = await addSite(app, { name: 'Xã Bản Bo' })
  users.admin = await userOn(app, 'admin@tinh.vn', ['admin'])
  users.editorA = await userOn(app, 'bientap@tinh.vn', ['editor'], [a])
  users.editorBC = await userOn(app, 'bientap@xa.vn', ['editor'], [b, c])
  users.editorNone = await userOn(app, 'moi@tinh.vn', ['editor'])
  const { payload } = app
  const make = async (collection: string, data: Record<string, unknown>, draft = false) =>
    (await payload.create({ collection: collection as 'articles', data: data as never, draft })).id
  const published = { _status: 'published', publishedAt: '2026-01-10T03:00:00.000Z' }
  ids.draftA = await make('articles', { title: 'Nháp tỉnh', _status: 'draft', site: a.id }, true)
  ids.newsA = await make('articles', { title: 'Tin tỉnh', ...published, site: a.id })
  ids.draftB = await make('articles', { title: 'Nháp xã', _status: 'draft', site: b.id }, true)
  ids.newsB = await make('articles', { title: 'Tin xã', ...published, site: b.id })
  ids.categoryA = await make('categories', { title: 'Thời sự', site: a.id })
  ids.categoryB = await make('categories', { title: 'Thời sự', site: b.id })
  ids.authorShared = await make('authors', { name: 'Phóng viên chung' })
  ids.authorB = await make('authors', { name: 'Phóng viên xã', site: b.id })
  ids.sourceShared = await make('sources', { title: 'Thông tấn xã Việt Nam' })
})
afterAll(() => app?.close())

const json = async (response: Response) => (await response.json()) as any
const sorted = (values: Id[]) => [...values].map(String).sort()
const titles = async (path: string, token: string, headers: Record<string, string> = {}) => {
  const response = await app.rest('GET', path, { token, headers })
  expect(response.status, path).toBe(200)
  return ((await json(response)).docs as Array<{ title: string }>).map((doc) => doc.title).sort()
}
const siteOf = async (collection: 'articles' | 'authors', id: Id) =>
  (await app.payload.findByID({ collection, id, depth: 0, draft: true }))?.site ?? null
const articleCount = async () =>
  (await app.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
/** The `errors` of a refused REST write, and that nothing was written. */
const refused = async (response: Response, status: number) => {
  expect(response.status).toBe(status)
  return (await json(response)).errors
}
const siteError = (message: string) => [
  expect.objectContaining({
    name: 'ValidationError',
    data: expect.objectContaining({ errors: [{ path: 'site', message }] }),
  }),
]

describe('an editor reads their sites’ content, drafts included, and only what the public reads elsewhere', () => {
  it('REST lists with draft=true: their site’s drafts, the request’s site’s published articles', async () => {
    const { token } = users.editorA
    expect(await titles('/articles?draft=true', token)).toEqual(['Nháp tỉnh', 'Tin tỉnh'])
    expect(await titles('/articles?draft=true', token, onSite(b))).toEqual([
      'Nháp tỉnh',
      'Tin tỉnh',
      'Tin xã',
    ])
    expect(await titles('/articles?draft=true', users.editorBC.token)).toEqual([
      'Nháp xã',
      'Tin tỉnh',
      'Tin xã',
    ])
  })

  it('REST by id: another site’s draft is not found; its published article is, on its site', async () => {
    const { token } = users.editorA
    const draft = await app.rest('GET', `/articles/${ids.draftB}?draft=true`, {
      token,
      headers: onSite(b),
    })
    expect(draft.status).toBe(404)
    const news = await app.rest('GET', `/articles/${ids.newsB}`, { token, headers: onSite(b) })
    expect((await json(news)).title).toBe('Tin xã')
    const elsewhere = await app.rest('GET', `/articles/${ids.newsB}`, { token })
    expect(elsewhere.status).toBe(404)
  })

  it('versions: only their sites’ ones, by list and by id', async () => {
    const list = await app.rest('GET', '/articles/versions?limit=100', {
      token: users.editorA.token,
      headers: onSite(b),
    })
    const versions = (await json(list)).docs as Array<{ id: Id; parent: Id }>
    expect([...new Set(versions.map((version) => String(version.parent)))].sort()).toEqual(
      sorted([ids.draftA, ids.newsA]),
    )
    const ofB = await app.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: ids.draftB } },
    })
    const byId = await app.rest('GET', `/articles/versions/${ofB.docs[0].id}`, {
      token: users.editorA.token,
      headers: onSite(b),
    })
    // Payload answers 403 for a version its Where rule leaves out.
    expect(byId.status).toBe(403)
  })

  it('GraphQL: lists, by id and versions the same way', async () => {
    const result = await app.graphql(
      `query ($draftB: Int!) {
        Articles(draft: true) { docs { title } }
        Article(id: $draftB, draft: true) { title }
      }`,
      { draftB: ids.draftB },
      { token: users.editorA.token, headers: onSite(b) },
    )
    expect(result.data.Articles.docs.map((doc: { title: string }) => doc.title).sort()).toEqual([
      'Nháp tỉnh',
      'Tin tỉnh',
      'Tin xã',
    ])
    expect(result.data.Article).toBeNull()
    expect(result.errors?.map((error) => error.extensions?.statusCode)).toEqual([404])
    const versions = await app.graphql(
      '{ versionsArticles(limit: 100) { docs { parent { id } } } }',
      {},
      { token: users.editorA.token },
    )
    const parents = versions.data.versionsArticles.docs.map(
      (doc: { parent: { id: Id } }) => doc.parent.id,
    )
    expect(sorted([...new Set<Id>(parents)])).toEqual(sorted([ids.draftA, ids.newsA]))
  })

  it('the Local API with overrideAccess: false and the editor as user', async () => {
    const editor = await app.payload.findByID({ collection: 'users', id: users.editorA.id })
    const { docs } = await app.payload.find({
      collection: 'articles',
      draft: true,
      overrideAccess: false,
      user: editor,
      req: { headers: new Headers(onSite(b)) },
    })
    expect(docs.map((doc) => doc.title).sort()).toEqual(['Nháp tỉnh', 'Tin tỉnh', 'Tin xã'])
  })

  it('shared authors and sources are read by every editor', async () => {
    expect(await titles('/sources', users.editorA.token)).toEqual(['Thông tấn xã Việt Nam'])
    const authors = await app.rest('GET', '/authors', { token: users.editorA.token })
    expect(((await json(authors)).docs as Array<{ name: string }>).map((doc) => doc.name)).toEqual([
      'Phóng viên chung',
    ])
  })

  it('an unknown x-portal-site is refused whoever reads, an admin too', async () => {
    for (const { token } of [users.editorA, users.admin]) {
      const response = await app.rest('GET', '/articles', {
        token,
        headers: onSite('xa-khong-co'),
      })
      expect(response.status).toBe(400)
      expect((await json(response)).errors).toEqual([
        {
          message: 'The x-portal-site header names no site: "xa-khong-co".',
          code: 'UNKNOWN_SITE',
          field: 'x-portal-site',
        },
      ])
    }
  })

  it('an editor with no site reads what the public reads', async () => {
    expect(await titles('/articles?draft=true', users.editorNone.token)).toEqual(['Tin tỉnh'])
  })
})

describe('an editor writes only on their sites', () => {
  it('REST: updating or deleting another site’s article is 403, and changes nothing', async () => {
    const { token } = users.editorA
    const update = await app.rest('PATCH', `/articles/${ids.newsB}`, {
      token,
      headers: onSite(b),
      body: { title: 'Sửa trộm' },
    })
    await refused(update, 403)
    const remove = await app.rest('DELETE', `/articles/${ids.newsB}`, { token, headers: onSite(b) })
    await refused(remove, 403)
    const draft = await app.rest('PATCH', `/articles/${ids.draftB}?draft=true`, {
      token,
      body: { title: 'Sửa trộm' },
    })
    expect(draft.status).toBe(403)
    const stored = await app.payload.findByID({ collection: 'articles', id: ids.newsB })
    expect(stored.title).toBe('Tin xã')
    const storedDraft = await app.payload.findByID({
      collection: 'articles',
      id: ids.draftB,
      draft: true,
    })
    expect(storedDraft.title).toBe('Nháp xã')
  })

  it('REST: creating on another site is refused naming site; nothing is written', async () => {
    const before = await articleCount()
    const response = await app.rest('POST', '/articles', {
      token: users.editorA.token,
      body: { title: 'Bài sang xã', site: b.id, _status: 'published' },
    })
    expect(await refused(response, 400)).toEqual(
      siteError('site: you may not write on the site "xa-muong-kim".'),
    )
    expect(await articleCount()).toBe(before)
  })

  it('REST: moving an article of theirs to another site is refused naming site', async () => {
    const response = await app.rest('PATCH', `/articles/${ids.newsA}`, {
      token: users.editorA.token,
      body: { site: b.id },
    })
    expect(await refused(response, 400)).toEqual(
      siteError('site: you may not write on the site "xa-muong-kim".'),
    )
    expect(await siteOf('articles', ids.newsA)).toBe(a.id)
    const emptied = await app.rest('PATCH', `/articles/${ids.newsA}`, {
      token: users.editorA.token,
      body: { site: null },
    })
    expect(await refused(emptied, 400)).toEqual(
      siteError('site: every document of articles belongs to a site; choose one.'),
    )
    expect(await siteOf('articles', ids.newsA)).toBe(a.id)
  })

  it('REST: duplicating another site’s article (which the editor may read) is refused naming site', async () => {
    const before = await articleCount()
    const response = await app.rest('POST', `/articles/${ids.newsB}/duplicate`, {
      token: users.editorA.token,
      headers: onSite(b),
    })
    expect(await refused(response, 400)).toEqual(
      siteError('site: you may not write on the site "xa-muong-kim".'),
    )
    expect(await articleCount()).toBe(before)
  })

  it('GraphQL: the same refusals', async () => {
    const { token } = users.editorA
    const before = await articleCount()
    const create = await app.graphql(
      `mutation ($site: Int) { createArticle(data: { title: "Bài sang xã", site: $site }) { id } }`,
      { site: b.id },
      { token },
    )
    expect(create.errors?.[0]).toMatchObject({
      extensions: {
        name: 'ValidationError',
        data: {
          errors: [
            { path: 'site', message: 'site: you may not write on the site "xa-muong-kim".' },
          ],
        },
      },
    })
    expect(await articleCount()).toBe(before)
    const update = await app.graphql(
      `mutation ($id: Int!) { updateArticle(id: $id, data: { title: "Sửa trộm" }) { id } }`,
      { id: ids.newsB },
      { token },
    )
    expect(update.errors?.[0]?.extensions?.statusCode).toBe(403)
    const move = await app.graphql(
      `mutation ($id: Int!, $site: Int) { updateArticle(id: $id, data: { site: $site }) { id } }`,
      { id: ids.newsA, site: c.id },
      { token },
    )
    expect(move.errors?.[0]?.extensions?.data).toEqual({
      collection: 'articles',
      errors: [{ path: 'site', message: 'site: you may not write on the site "xa-ban-bo".' }],
    })
    expect(await siteOf('articles', ids.newsA)).toBe(a.id)
  })

  it('the Local API with overrideAccess: false refuses the same', async () => {
    const editor = await app.payload.findByID({ collection: 'users', id: users.editorA.id })
    await expect(
      app.payload.create({
        collection: 'articles',
        data: { title: 'Bài sang xã', site: b.id } as never,
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [{ path: 'site', message: 'site: you may not write on the site "xa-muong-kim".' }],
      },
    })
    await expect(
      app.payload.update({
        collection: 'articles',
        id: ids.newsB,
        data: { title: 'Sửa trộm' },
        overrideAccess: false,
        user: editor,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('restoring a version from another site is a move, refused the same way', async () => {
    const { id } = await app.payload.create({
      collection: 'articles',
      data: { title: 'Bài chuyển về tỉnh', _status: 'published', site: b.id } as never,
    })
    await app.payload.update({ collection: 'articles', id, data: { site: a.id } as never })
    const { docs } = await app.payload.findVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: id } }, { 'version.site': { equals: b.id } }] },
    })
    const response = await app.rest('POST', `/articles/versions/${docs[0].id}`, {
      token: users.editorA.token,
    })
    expect(await refused(response, 400)).toEqual(
      siteError('site: you may not write on the site "xa-muong-kim".'),
    )
    expect(await siteOf('articles', id)).toBe(a.id)
  })
})

describe('a new document without a site gets one', () => {
  const create = async (token: string, headers: Record<string, string> = {}) =>
    app.rest('POST', '/articles', { token, headers, body: { title: 'Bài không nêu trang' } })

  it('the request’s site when the editor writes there, else the editor’s only site', async () => {
    const here = await json(await create(users.editorA.token))
    expect(here.doc.site).toMatchObject({ id: a.id })
    const elsewhere = await json(await create(users.editorA.token, onSite(b)))
    expect(elsewhere.doc.site).toMatchObject({ id: a.id })
    const onC = await json(await create(users.editorBC.token, onSite(c)))
    expect(onC.doc.site).toMatchObject({ id: c.id })
  })

  it('else a refusal naming site: an editor of several sites must choose, one of none is told', async () => {
    const before = await articleCount()
    expect(await refused(await create(users.editorBC.token), 400)).toEqual(
      siteError(
        'site: you write on several sites and the request\'s site "cong-thong-tin-dien-tu" is not one of them; choose one.',
      ),
    )
    expect(await refused(await create(users.editorNone.token), 400)).toEqual(
      siteError('site: you are the editor of no site; an admin must give you one.'),
    )
    expect(await articleCount()).toBe(before)
  })

  it('an admin’s: the request’s site; the admin may write and move anywhere', async () => {
    const { token } = users.admin
    const created = await json(await create(token, onSite(c)))
    expect(created.doc.site).toMatchObject({ id: c.id })
    const moved = await app.rest('PATCH', `/articles/${created.doc.id}`, {
      token,
      body: { site: b.id },
    })
    expect(moved.status).toBe(200)
    expect(await siteOf('articles', created.doc.id)).toBe(b.id)
    expect(await titles('/articles?draft=true&limit=100', token)).toEqual(
      expect.arrayContaining(['Nháp tỉnh', 'Nháp xã', 'Tin tỉnh', 'Tin xã']),
    )
  })
})

describe('shared authors and sources: every editor reads them, only admins write them', () => {
  it('an editor cannot change or delete a shared author, nor share one', async () => {
    const { token } = users.editorA
    await refused(
      await app.rest('PATCH', `/authors/${ids.authorShared}`, { token, body: { name: 'Đổi' } }),
      403,
    )
    await refused(await app.rest('DELETE', `/sources/${ids.sourceShared}`, { token }), 403)
    const own = await json(
      await app.rest('POST', '/authors', { token, body: { name: 'Phóng viên tỉnh' } }),
    )
    expect(own.doc.site).toMatchObject({ id: a.id })
    const share = await app.rest('PATCH', `/authors/${own.doc.id}`, {
      token,
      body: { site: null },
    })
    expect(await refused(share, 400)).toEqual(
      siteError('site: only an admin may share a document with every site.'),
    )
    expect(await siteOf('authors', own.doc.id)).toBe(a.id)
  })

  it('an admin’s author without a site is shared', async () => {
    const shared = await json(
      await app.rest('POST', '/authors', {
        token: users.admin.token,
        body: { name: 'Cộng tác viên' },
      }),
    )
    expect(shared.doc.site ?? null).toBeNull()
  })
})

describe('relationships: a document uses its site’s categories, authors and sources, or shared ones', () => {
  it('another site’s category or author is refused naming the field; shared ones are fine', async () => {
    const { token } = users.editorA
    const before = await articleCount()
    const response = await app.rest('POST', '/articles', {
      token,
      body: {
        title: 'Bài dùng chuyên mục xã',
        _status: 'published',
        categories: [ids.categoryA, ids.categoryB],
        authors: [ids.authorShared, ids.authorB],
        source: ids.sourceShared,
      },
    })
    const errors = (await refused(response, 400))[0].data.errors
    expect(errors).toEqual([
      {
        label: 'Chuyên mục',
        path: 'categories',
        message: `categories ${ids.categoryB} is on another site than this document.`,
      },
      {
        label: 'Tác giả',
        path: 'authors',
        message: `authors ${ids.authorB} is on another site than this document.`,
      },
    ])
    expect(await articleCount()).toBe(before)
    const fine = await app.rest('POST', '/articles', {
      token,
      body: {
        title: 'Bài dùng chuyên mục tỉnh',
        _status: 'published',
        categories: [ids.categoryA],
        authors: [ids.authorShared],
        source: ids.sourceShared,
      },
    })
    expect(fine.status).toBe(201)
  })

  it('a category’s parent is on its site', async () => {
    const response = await app.rest('POST', '/categories', {
      token: users.admin.token,
      body: { title: 'Con', site: a.id, parent: ids.categoryB },
    })
    expect((await refused(response, 400))[0].data.errors).toEqual([
      {
        label: 'Chuyên mục cha',
        path: 'parent',
        message: `categories ${ids.categoryB} is on another site than this document.`,
      },
    ])
  })
})

describe('only admins change a user’s sites and roles', () => {
  it('an editor’s own change of their sites and roles is ignored; an admin’s is kept', async () => {
    const self = await app.rest('PATCH', `/users/${users.editorA.id}`, {
      token: users.editorA.token,
      body: { sites: [a.id, b.id, c.id], roles: ['admin'] },
    })
    expect(self.status).toBe(200)
    const stored = async () =>
      (await app.payload.findByID({ collection: 'users', id: users.editorA.id, depth: 0 })) as {
        sites?: Id[]
        roles?: string[]
      }
    expect(await stored()).toMatchObject({ sites: [a.id], roles: ['editor'] })
    const byAdmin = await app.rest('PATCH', `/users/${users.editorA.id}`, {
      token: users.admin.token,
      body: { sites: [a.id, b.id] },
    })
    expect(byAdmin.status).toBe(200)
    expect(await stored()).toMatchObject({ sites: [a.id, b.id], roles: ['editor'] })
    await app.payload.update({
      collection: 'users',
      id: users.editorA.id,
      data: { sites: [a.id] } as never,
    })
  })
})
