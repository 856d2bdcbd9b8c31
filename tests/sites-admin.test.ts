import { isValidElement } from 'react'
import type { FilterOptionsProps, PayloadRequest, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SiteSelector } from '../admin/SiteSelector.js'
import { ADMIN_SITE_COOKIE } from '../core/constants.js'
import type { Id } from '../core/ids.js'
import { resolveOptions } from '../plugin/index.js'
import { startTestApp, type TestApp } from './helpers/app.js'

// The client half needs Payload's admin UI (and its CSS): the server half's props are what is checked.
vi.mock('../admin/SiteSelectorClient.js', () => ({ SiteSelectorClient: () => null }))

let app: TestApp
const site: Record<'main' | 'a' | 'b', Id> = {} as never
const user: Record<
  'admin' | 'editorA' | 'editorAB' | 'reader',
  Record<string, unknown>
> = {} as never
const token: Record<'admin' | 'editorA' | 'editorAB', string> = {} as never
const category: Record<'a' | 'b', Id> = {} as never
const author: Record<'a' | 'b' | 'shared', Id> = {} as never

beforeAll(async () => {
  app = await startTestApp()
  const { payload } = app
  const { docs } = await payload.find({ collection: 'sites' })
  site.main = docs[0].id
  const make = async (name: string) =>
    (await payload.create({ collection: 'sites', data: { name } as never })).id
  site.a = await make('Xã Mường Kim')
  site.b = await make('Xã Tà Hừa')
  const person = async (email: string, roles: string[], sites: Id[] = []) =>
    (await payload.create({
      collection: 'users',
      data: { email, password: 'sites-pass-1', roles, sites } as never,
    })) as unknown as Record<string, unknown>
  user.admin = await person('admin@test.vn', ['admin'])
  user.editorA = await person('a@test.vn', ['editor'], [site.a])
  user.editorAB = await person('ab@test.vn', ['editor'], [site.a, site.b])
  // Another auth collection (a site's members) is no editor, whatever its roles and sites say.
  user.reader = { id: 999, collection: 'members', roles: ['editor'], sites: [site.a, site.b] }
  for (const key of ['admin', 'editorA', 'editorAB'] as const)
    token[key] = await app.login(user[key].email as string, 'sites-pass-1')
  const on = async (collection: 'categories' | 'authors', data: Record<string, unknown>) =>
    (await payload.create({ collection, data: data as never })).id
  category.a = await on('categories', { title: 'Tin xã Mường Kim', site: site.a })
  category.b = await on('categories', { title: 'Tin xã Tà Hừa', site: site.b })
  author.a = await on('authors', { name: 'Lò Văn A', site: site.a })
  author.b = await on('authors', { name: 'Lò Văn B', site: site.b })
  author.shared = await on('authors', { name: 'Ban biên tập' })
  const article = (title: string, on: Id) =>
    payload.create({ collection: 'articles', draft: true, data: { title, site: on } as never })
  await article('Bản nháp Mường Kim', site.a)
  await article('Bản nháp Tà Hừa', site.b)
  await article('Bản nháp trang chính', site.main)
})
afterAll(() => app?.close())

/** A request of the admin as `who`, with the site cookie when given. */
function adminRequest(who: keyof typeof user, cookie?: string): PayloadRequest {
  return {
    payload: app.payload,
    user: { collection: 'users', ...user[who] },
    headers: new Headers(cookie === undefined ? {} : { cookie: `${ADMIN_SITE_COOKIE}=${cookie}` }),
    context: {},
  } as unknown as PayloadRequest
}

/** The titles the article list shows: Payload's list view runs the base filter with the user's access. */
async function listed(collection: 'articles' | 'authors', req: PayloadRequest): Promise<string[]> {
  const baseFilter = app.payload.collections[collection].config.admin.baseFilter!
  const where = await baseFilter({ req, limit: 10, page: 1, sort: 'id' })
  const { docs } = await app.payload.find({
    collection,
    where: where ?? {},
    draft: true,
    user: req.user,
    overrideAccess: false,
    sort: 'id',
  })
  return docs.map((doc) => (doc as { title?: string; name?: string }).title ?? doc.name!)
}

describe('the admin works on the chosen site', () => {
  it('an editor of one site sees its documents, whatever the cookie says', async () => {
    const only = ['Bản nháp Mường Kim']
    expect(await listed('articles', adminRequest('editorA'))).toEqual(only)
    // A cookie naming a site the editor may not use is ignored, never trusted.
    expect(await listed('articles', adminRequest('editorA', String(site.b)))).toEqual(only)
    expect(await listed('articles', adminRequest('editorA', 'rác'))).toEqual(only)
  })

  it('an editor of two sites sees both, or the one chosen', async () => {
    expect(await listed('articles', adminRequest('editorAB'))).toEqual([
      'Bản nháp Mường Kim',
      'Bản nháp Tà Hừa',
    ])
    expect(await listed('articles', adminRequest('editorAB', String(site.b)))).toEqual([
      'Bản nháp Tà Hừa',
    ])
    expect(await listed('articles', adminRequest('editorAB', String(site.main)))).toEqual([
      'Bản nháp Mường Kim',
      'Bản nháp Tà Hừa',
    ])
  })

  it('an admin sees every site until choosing one', async () => {
    expect(await listed('articles', adminRequest('admin'))).toEqual([
      'Bản nháp Mường Kim',
      'Bản nháp Tà Hừa',
      'Bản nháp trang chính',
    ])
    expect(await listed('articles', adminRequest('admin', String(site.main)))).toEqual([
      'Bản nháp trang chính',
    ])
  })

  it('authors and sources: the chosen site’s and the shared ones', async () => {
    expect(await listed('authors', adminRequest('admin', String(site.a)))).toEqual([
      'Lò Văn A',
      'Ban biên tập',
    ])
    expect(await listed('authors', adminRequest('editorAB'))).toEqual([
      'Lò Văn A',
      'Lò Văn B',
      'Ban biên tập',
    ])
  })

  it('a new document is on the chosen site, or on the editor’s only one', async () => {
    const create = async (who: keyof typeof token, cookie?: string) => {
      const response = await app.rest('POST', '/articles?draft=true', {
        token: token[who],
        headers: cookie === undefined ? {} : { cookie: `${ADMIN_SITE_COOKIE}=${cookie}` },
        body: { title: `Mới của ${who}`, _status: 'draft' },
      })
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: { id: Id; site: unknown } }
      await app.payload.delete({ collection: 'articles', id: doc.id })
      return typeof doc.site === 'object' && doc.site ? (doc.site as { id: Id }).id : doc.site
    }
    expect(await create('editorA')).toBe(site.a)
    expect(await create('editorA', String(site.b))).toBe(site.a)
    expect(await create('editorAB', String(site.b))).toBe(site.b)
    expect(await create('admin', String(site.a))).toBe(site.a)
  })
})

describe('pickers offer the document’s site', () => {
  const filterOf = (collection: 'articles', field: string) => {
    const config = app.payload.collections[collection].config.fields.find(
      (candidate) => 'name' in candidate && candidate.name === field,
    ) as { filterOptions: (args: FilterOptionsProps) => Promise<boolean | Where> }
    return config.filterOptions
  }
  const offered = async (
    field: string,
    relationTo: 'categories' | 'authors' | 'sites',
    req: PayloadRequest,
    data: Record<string, unknown>,
  ) => {
    const where = await filterOf(
      'articles',
      field,
    )({
      data,
      req,
      relationTo,
      user: req.user,
      siblingData: data,
      blockData: undefined,
      id: undefined as never,
    })
    if (where === false) return []
    const { docs } = await app.payload.find({
      collection: relationTo,
      where: where === true ? {} : where,
      sort: 'id',
    })
    return docs.map((doc) => (doc as { title?: string; name?: string }).title ?? doc.name)
  }

  it('categories and authors of the article’s site (authors shared too)', async () => {
    const req = adminRequest('admin')
    expect(await offered('categories', 'categories', req, { site: site.b })).toEqual([
      'Tin xã Tà Hừa',
    ])
    expect(await offered('authors', 'authors', req, { site: { id: site.a } })).toEqual([
      'Lò Văn A',
      'Ban biên tập',
    ])
    // Before the article has a site: the chosen site's; an admin with none chosen, everything.
    expect(await offered('categories', 'categories', adminRequest('editorA'), {})).toEqual([
      'Tin xã Mường Kim',
    ])
    expect(await offered('categories', 'categories', req, {})).toEqual([
      'Tin xã Mường Kim',
      'Tin xã Tà Hừa',
    ])
  })

  it('the site picker offers an editor their sites, an admin every site', async () => {
    expect(await offered('site', 'sites', adminRequest('editorAB'), {})).toEqual([
      'Xã Mường Kim',
      'Xã Tà Hừa',
    ])
    expect(await offered('site', 'sites', adminRequest('admin'), {})).toHaveLength(3)
  })

  it('only what is offered changes: saving is judged by the fields’ own rules, with their messages', async () => {
    const before = (await app.payload.count({ collection: 'articles' })).totalDocs
    const response = await app.rest('POST', '/articles', {
      token: token.editorA,
      body: { title: 'Chuyên mục lạ', site: site.a, categories: [987654] },
    })
    expect(response.status).toBe(400)
    const [error] = ((await response.json()) as { errors: Array<{ data: { errors: unknown } }> })
      .errors
    // The relationship's own check, not Payload's "invalid selections" of the picker's filter.
    expect(error.data.errors).toEqual([
      expect.objectContaining({ path: 'categories', message: 'No categories with id 987654.' }),
    ])
    expect((await app.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    const fine = await app.rest('POST', '/articles', {
      token: token.admin,
      body: {
        title: 'Cùng trang',
        site: site.a,
        categories: [category.a],
        authors: [author.shared],
      },
    })
    expect(fine.status).toBe(201)
  })
})

describe('the site selector', () => {
  const options = resolveOptions()
  const rendered = async (who: keyof typeof user, cookie?: string) => {
    const element = await SiteSelector({ req: adminRequest(who, cookie), sitesOptions: options })
    return isValidElement(element) ? element.props : element
  }

  it('is first among the header’s actions', async () => {
    const config = await app.config
    expect(config.admin.components.actions?.[0]).toMatchObject({
      path: 'payload-plugin-news-portal/rsc#SiteSelector',
    })
  })

  it('lists every site for an admin, an editor’s own sites, and is hidden with one site or none', async () => {
    expect(await rendered('admin')).toEqual({
      everySite: true,
      chosen: '',
      sites: [
        { id: String(site.main), name: 'Cổng thông tin điện tử' },
        { id: String(site.a), name: 'Xã Mường Kim' },
        { id: String(site.b), name: 'Xã Tà Hừa' },
      ],
    })
    expect(await rendered('editorAB', String(site.b))).toEqual({
      everySite: false,
      chosen: String(site.b),
      sites: [
        { id: String(site.a), name: 'Xã Mường Kim' },
        { id: String(site.b), name: 'Xã Tà Hừa' },
      ],
    })
    expect(await rendered('editorA')).toBeNull()
    expect(await rendered('reader')).toBeNull()
  })

  it('shows the choice the server accepts: a site the user may not pick shows as every site', async () => {
    expect(await rendered('editorAB', String(site.main))).toMatchObject({ chosen: '' })
    expect(await rendered('admin', String(site.main))).toMatchObject({
      chosen: String(site.main),
    })
  })
})
