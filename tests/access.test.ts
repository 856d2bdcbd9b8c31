import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Field } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { linkNode, paragraph, richText } from '../core/lexical.js'

const DAY = 86_400_000
let app: TestApp
let editorToken: string
const ids: Record<
  'live' | 'liveWithDraft' | 'draft' | 'scheduled' | 'expired' | 'linking',
  string | number
> = {} as never
const hiddenKeys = ['draft', 'scheduled', 'expired'] as const
const hiddenTitles = ['Hidden draft', 'Hidden scheduled', 'Hidden expired', 'Unpublished new title']

beforeAll(async () => {
  // A site field through which articles relate to articles: the public must not reach hidden ones through it either.
  app = await startTestApp({
    articlesOverrides: {
      fields: ({ defaultFields }): Field[] => [
        ...defaultFields,
        { name: 'related', type: 'relationship', relationTo: 'articles', hasMany: true },
      ],
    },
  })
  const { payload } = app
  await payload.create({
    collection: 'users',
    data: { email: 'editor@test.vn', password: 'editor-pass-1', roles: ['editor'] },
  })
  editorToken = await app.login('editor@test.vn', 'editor-pass-1')
  const now = Date.now()
  const make = (data: Record<string, unknown>, draft = false) =>
    payload.create({
      collection: 'articles',
      draft,
      data: { body: richText(paragraph('x')), ...data },
    })

  ids.live = (
    await make({
      title: 'Public article',
      _status: 'published',
      publishedAt: new Date(now - DAY).toISOString(),
    })
  ).id
  ids.draft = (await make({ title: 'Hidden draft', _status: 'draft' }, true)).id
  ids.scheduled = (
    await make({
      title: 'Hidden scheduled',
      _status: 'published',
      publishedAt: new Date(now + 30 * DAY).toISOString(),
    })
  ).id
  ids.expired = (
    await make({
      title: 'Hidden expired',
      _status: 'published',
      publishedAt: new Date(now - 10 * DAY).toISOString(),
      expiresAt: new Date(now - DAY).toISOString(),
    })
  ).id
  ids.liveWithDraft = (
    await make({
      title: 'Published title',
      _status: 'published',
      publishedAt: new Date(now - 2 * DAY).toISOString(),
    })
  ).id
  // A newer draft of a published article: the public keeps seeing the published one.
  await payload.update({
    collection: 'articles',
    id: ids.liveWithDraft,
    draft: true,
    data: { title: 'Unpublished new title', _status: 'draft' },
  })
  ids.linking = (
    await make({
      title: 'Linking article',
      _status: 'published',
      publishedAt: new Date(now - 3 * DAY).toISOString(),
      related: hiddenKeys.map((key) => ids[key]).concat(ids.live),
      body: richText(paragraph(linkNode({ articleId: ids.draft }, 'see the draft'))),
    })
  ).id
})
afterAll(() => app?.close())

const publicTitles = ['Linking article', 'Public article', 'Published title'].sort()

describe('anonymous readers see only public articles', () => {
  it('REST list', async () => {
    const res = await app.rest('GET', '/articles?limit=100&depth=0')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(publicTitles)
    expect(body.totalDocs).toBe(3)
  })

  it('REST list with draft=true still shows only published content', async () => {
    const body = await (await app.rest('GET', '/articles?limit=100&depth=0&draft=true')).json()
    expect(body.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(publicTitles)
  })

  it('REST by id: hidden articles are 404, public ones 200', async () => {
    for (const key of hiddenKeys) {
      const res = await app.rest('GET', `/articles/${ids[key]}`)
      expect(res.status, key).toBe(404)
    }
    expect((await app.rest('GET', `/articles/${ids.live}`)).status).toBe(200)
  })

  it('REST by id with draft=true does not reveal a newer draft or a hidden article', async () => {
    const res = await app.rest('GET', `/articles/${ids.liveWithDraft}?draft=true`)
    expect((await res.json()).title).toBe('Published title')
    expect((await app.rest('GET', `/articles/${ids.draft}?draft=true`)).status).toBe(404)
  })

  it('REST by slug', async () => {
    for (const slug of ['hidden-draft', 'hidden-scheduled', 'hidden-expired']) {
      const body = await (await app.rest('GET', `/articles?where[slug][equals]=${slug}`)).json()
      expect(body.docs, slug).toEqual([])
    }
    const body = await (
      await app.rest('GET', '/articles?where[slug][equals]=public-article')
    ).json()
    expect(body.docs.map((doc: { title: string }) => doc.title)).toEqual(['Public article'])
  })

  it('REST versions are closed to the public', async () => {
    const list = await app.rest('GET', '/articles/versions')
    expect(list.status).toBe(403)
    const versions = await app.payload.findVersions({ collection: 'articles', limit: 1 })
    const byId = await app.rest('GET', `/articles/versions/${versions.docs[0].id}`)
    expect(byId.status).toBe(403)
  })

  it('GraphQL list, by id, by slug and versions', async () => {
    const list = await app.graphql(`{ Articles(limit: 100) { docs { title } totalDocs } }`)
    expect(list.data.Articles.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(
      publicTitles,
    )
    const drafts = await app.graphql(`{ Articles(limit: 100, draft: true) { docs { title } } }`)
    expect(drafts.data.Articles.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(
      publicTitles,
    )

    for (const key of hiddenKeys) {
      const byId = await app.graphql(`query ($id: Int!) { Article(id: $id) { title } }`, {
        id: Number(ids[key]),
      })
      expect(byId.data?.Article ?? null, key).toBeNull()
      expect(byId.errors?.[0]?.extensions?.statusCode, key).toBe(404)
    }
    const bySlug = await app.graphql(
      `{ Articles(where: { slug: { equals: "hidden-draft" } }) { docs { title } } }`,
    )
    expect(bySlug.data.Articles.docs).toEqual([])

    const versions = await app.graphql(`{ versionsArticles { docs { id } } }`)
    expect(versions.data?.versionsArticles ?? null).toBeNull()
    expect(versions.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('Local API with overrideAccess: false', async () => {
    const list = await app.payload.find({
      collection: 'articles',
      overrideAccess: false,
      limit: 100,
      draft: true,
    })
    expect(list.docs.map((doc) => doc.title).sort()).toEqual(publicTitles)
    for (const key of hiddenKeys) {
      await expect(
        app.payload.findByID({ collection: 'articles', id: ids[key], overrideAccess: false }),
      ).rejects.toMatchObject({ status: 404 })
    }
    await expect(
      app.payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toMatchObject({
      status: 403,
    })
  })

  it('through relationships: hidden articles are not populated', async () => {
    const res = await app.rest('GET', `/articles/${ids.linking}?depth=1`)
    const doc = await res.json()
    const populated = doc.related.filter(
      (item: unknown) => typeof item === 'object' && item !== null,
    )
    expect(populated.map((item: { title: string }) => item.title)).toEqual(['Public article'])
    const serialized = JSON.stringify(doc)
    for (const title of hiddenTitles) expect(serialized).not.toContain(title)

    const gql = await app.graphql(`query ($id: Int!) { Article(id: $id) { related { title } } }`, {
      id: Number(ids.linking),
    })
    const titles = (gql.data.Article.related as Array<{ title: string } | null>)
      .filter(Boolean)
      .map((item) => item!.title)
    expect(titles).toEqual(['Public article'])
  })
})

describe('editors see everything', () => {
  it('REST list and versions', async () => {
    const list = await (
      await app.rest('GET', '/articles?limit=100&depth=0', { token: editorToken })
    ).json()
    expect(list.totalDocs).toBe(6)
    const versions = await app.rest('GET', '/articles/versions', { token: editorToken })
    expect(versions.status).toBe(200)
  })

  it('GraphQL draft=true gives the editor the newer draft', async () => {
    const res = await app.graphql(
      `query ($id: Int!) { Article(id: $id, draft: true) { title } }`,
      { id: Number(ids.liveWithDraft) },
      { token: editorToken },
    )
    expect(res.data.Article.title).toBe('Unpublished new title')
  })
})

describe('the public cannot write', () => {
  it('REST create, update and delete are refused and change nothing', async () => {
    const before = await app.payload.count({ collection: 'articles' })
    const create = await app.rest('POST', '/articles', {
      body: { title: 'Spam', _status: 'published' },
    })
    expect(create.status).toBe(403)
    const update = await app.rest('PATCH', `/articles/${ids.live}`, { body: { title: 'Defaced' } })
    expect(update.status).toBe(403)
    const remove = await app.rest('DELETE', `/articles/${ids.live}`)
    expect(remove.status).toBe(403)
    expect(await app.payload.count({ collection: 'articles' })).toEqual(before)
    const live = await app.payload.findByID({ collection: 'articles', id: ids.live })
    expect(live.title).toBe('Public article')
  })
})
