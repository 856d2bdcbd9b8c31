import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectionConfig, PayloadRequest, TypedUser } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { defaultIsEditor, resolveOptions } from '../plugin/options.js'

// A site's readers' accounts: a second auth collection, without roles (the usual case).
const Members: CollectionConfig = { slug: 'members', auth: true, fields: [] }
// A third one whose users carry an `editor` role of their own (another system's meaning).
const Partners: CollectionConfig = {
  slug: 'partners',
  auth: true,
  fields: [{ name: 'roles', type: 'select', hasMany: true, options: ['admin', 'editor'] }],
}

let app: TestApp
let draftId: string | number
let publishedId: string | number
const tokens: Record<'member' | 'partnerWithEditorRole' | 'editor', string> = {} as never
const meOf = { member: 'members', partnerWithEditorRole: 'partners' } as const

async function loginMember(collection: string, email: string): Promise<string> {
  const response = await app.rest('POST', `/${collection}/login`, {
    body: { email, password: 'member-pass-1' },
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

beforeAll(async () => {
  app = await startTestApp({}, { collections: [Members, Partners] })
  const { payload } = app
  await payload.create({
    collection: 'members' as never,
    data: { email: 'reader@members.vn', password: 'member-pass-1' } as never,
  })
  await payload.create({
    collection: 'partners' as never,
    data: {
      email: 'writer@partners.vn',
      password: 'member-pass-1',
      roles: ['editor'],
    } as never,
  })
  await payload.create({
    collection: 'users',
    data: { email: 'editor@roles.vn', password: 'editor-pass-1', roles: ['editor'] },
  })
  tokens.member = await loginMember('members', 'reader@members.vn')
  tokens.partnerWithEditorRole = await loginMember('partners', 'writer@partners.vn')
  tokens.editor = await app.login('editor@roles.vn', 'editor-pass-1')
  draftId = (
    await payload.create({
      collection: 'articles',
      draft: true,
      data: { title: 'Bản nháp bí mật', _status: 'draft' },
    })
  ).id
  publishedId = (
    await payload.create({
      collection: 'articles',
      data: { title: 'Bài đã đăng', _status: 'published' },
    })
  ).id
})
afterAll(() => app?.close())

const articleCount = async () => (await app.payload.count({ collection: 'articles' })).totalDocs

describe('a user of another auth collection writes nothing and reads what the public reads', () => {
  for (const who of ['member', 'partnerWithEditorRole'] as const) {
    it(`${who}: logged in, yet 403 on creating, updating and deleting an article`, async () => {
      const me = await app.rest('GET', `/${meOf[who]}/me`, { token: tokens[who] })
      expect(((await me.json()) as { user: { email: string } | null }).user?.email).toMatch(
        new RegExp(`@${meOf[who]}\\.vn$`),
      )
      const before = await articleCount()
      const create = await app.rest('POST', '/articles', {
        token: tokens[who],
        body: { title: 'Bài của thành viên', _status: 'published' },
      })
      expect(create.status).toBe(403)
      const update = await app.rest('PATCH', `/articles/${publishedId}`, {
        token: tokens[who],
        body: { title: 'Đã sửa' },
      })
      expect(update.status).toBe(403)
      const remove = await app.rest('DELETE', `/articles/${publishedId}`, { token: tokens[who] })
      expect(remove.status).toBe(403)
      const widget = await app.rest('POST', '/counter-widgets', {
        token: tokens[who],
        body: { kind: 'visitors', title: 'Bộ đếm' },
      })
      expect(widget.status).toBe(403)
      expect(await articleCount()).toBe(before)
      const published = await app.payload.findByID({ collection: 'articles', id: publishedId })
      expect(published.title).toBe('Bài đã đăng')
    })

    it(`${who}: cannot read drafts (REST, GraphQL) or versions`, async () => {
      const list = await app.rest('GET', '/articles?draft=true&limit=100&depth=0', {
        token: tokens[who],
      })
      const titles = ((await list.json()) as { docs: Array<{ title: string }> }).docs.map(
        (doc) => doc.title,
      )
      expect(titles).toEqual(['Bài đã đăng'])
      const byId = await app.rest('GET', `/articles/${draftId}?draft=true`, { token: tokens[who] })
      expect(byId.status).toBe(404)
      const gql = await app.graphql(
        '{ Articles(draft: true, limit: 100) { docs { title } } }',
        {},
        { token: tokens[who] },
      )
      expect(gql.data.Articles.docs).toEqual([{ title: 'Bài đã đăng' }])
      const versions = await app.rest('GET', '/articles/versions', { token: tokens[who] })
      expect(versions.status).toBe(403)
    })
  }

  it('GraphQL createArticle by a user of another collection is Forbidden and writes nothing', async () => {
    const before = await articleCount()
    const result = await app.graphql(
      'mutation { createArticle(data: { title: "Qua GraphQL" }) { id } }',
      {},
      { token: tokens.member },
    )
    expect(result.data).toEqual({ createArticle: null })
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(await articleCount()).toBe(before)
  })

  it('an editor of the admin user collection still writes (the rule did not lock editors out)', async () => {
    const create = await app.rest('POST', '/articles', {
      token: tokens.editor,
      body: { title: 'Bài của biên tập viên', _status: 'draft' },
    })
    expect(create.status).toBe(201)
    const list = await app.rest('GET', '/articles?draft=true&limit=100&depth=0', {
      token: tokens.editor,
    })
    expect(((await list.json()) as { totalDocs: number }).totalDocs).toBe(3)
  })
})

describe('the editor rule', () => {
  const req = () => ({ payload: app.payload }) as PayloadRequest
  const user = (fields: Record<string, unknown>) => ({ id: 1, ...fields }) as unknown as TypedUser

  it('needs an editor or admin role: a user without roles, or with others, is no editor', () => {
    expect(defaultIsEditor(user({ collection: 'users' }), req())).toBe(false)
    expect(defaultIsEditor(user({ collection: 'users', roles: [] }), req())).toBe(false)
    expect(defaultIsEditor(user({ collection: 'users', roles: 'editor' }), req())).toBe(false)
    expect(defaultIsEditor(user({ collection: 'users', roles: ['reader'] }), req())).toBe(false)
    expect(defaultIsEditor(user({ collection: 'users', roles: ['editor'] }), req())).toBe(true)
    expect(defaultIsEditor(user({ collection: 'users', roles: ['admin'] }), req())).toBe(true)
    expect(defaultIsEditor(null, req())).toBe(false)
  })

  it('counts only the admin user collection (config.admin.user) by default', () => {
    expect(defaultIsEditor(user({ collection: 'members', roles: ['admin'] }), req())).toBe(false)
    // Without the request the admin user collection is unknown: a user that names one is refused.
    expect(defaultIsEditor(user({ collection: 'users', roles: ['editor'] }))).toBe(false)
  })

  it('a user document without `collection` (a Local API caller passing a raw doc) is judged by its roles', () => {
    expect(defaultIsEditor(user({ roles: ['editor'] }), req())).toBe(true)
    expect(defaultIsEditor(user({}), req())).toBe(false)
  })

  it('editorCollections names the auth collections whose editors may write', () => {
    const { isEditor } = resolveOptions({ editorCollections: ['users', 'members'] })
    expect(isEditor(user({ collection: 'members', roles: ['editor'] }), req())).toBe(true)
    expect(isEditor(user({ collection: 'members', roles: ['editor'] }))).toBe(true)
    expect(isEditor(user({ collection: 'members' }), req())).toBe(false)
    expect(isEditor(user({ collection: 'authors', roles: ['editor'] }), req())).toBe(false)
  })

  it('editorCollections must be a list of collection slugs', () => {
    expect(() => resolveOptions({ editorCollections: 'members' as never })).toThrow(
      'newsPortalPlugin: editorCollections must be a list of auth collection slugs; got "members".',
    )
    expect(() => resolveOptions({ editorCollections: [''] })).toThrow(
      'newsPortalPlugin: editorCollections must be a list of auth collection slugs; got [""].',
    )
  })
})
