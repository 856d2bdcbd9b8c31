import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { startTestApp, type TestApp } from './helpers/app.js'

let app: TestApp
let token: string

beforeAll(async () => {
  app = await startTestApp()
  await app.payload.create({
    collection: 'users',
    data: { email: 'editor@test.vn', password: 'editor-pass-1', roles: ['editor'] },
  })
  token = await app.login('editor@test.vn', 'editor-pass-1')
  await app.payload.create({
    collection: 'articles',
    data: { title: 'Bài có sẵn', _status: 'published' },
  })
})
afterAll(() => app?.close())

const articleCount = () =>
  app.payload.count({ collection: 'articles' }).then((result) => result.totalDocs)
const fieldPaths = (body: { errors?: Array<{ data?: { errors?: Array<{ path: string }> } }> }) =>
  (body.errors ?? []).flatMap((error) => error.data?.errors ?? []).map((error) => error.path)

describe('bad input gets a clear error and writes nothing', () => {
  it('an article without a title (REST) names the field', async () => {
    const res = await app.rest('POST', '/articles', {
      token,
      body: { lead: 'no title', _status: 'published' },
    })
    expect(res.status).toBe(400)
    expect(fieldPaths(await res.json())).toContain('title')
    expect(await articleCount()).toBe(1)
  })

  it('an article without a title (GraphQL) names the field', async () => {
    const res = await app.graphql(
      `mutation { createArticle(data: { lead: "no title" }) { id } }`,
      {},
      { token },
    )
    expect(res.status).toBe(200)
    expect(res.data).toEqual({ createArticle: null })
    expect(res.errors?.[0]?.extensions).toMatchObject({
      name: 'ValidationError',
      statusCode: 400,
      data: { errors: [expect.objectContaining({ path: 'title' })] },
    })
    expect(await articleCount()).toBe(1)
  })

  it('an unknown category id names the field', async () => {
    const res = await app.rest('POST', '/articles', {
      token,
      body: { title: 'Sai chuyên mục', categories: [987654] },
    })
    expect(res.status).toBe(400)
    expect(fieldPaths(await res.json())).toContain('categories')
    expect(await articleCount()).toBe(1)
  })

  it('a sourceUrl that is not http(s) names the field', async () => {
    const res = await app.rest('POST', '/articles', {
      token,
      body: { title: 'Nguồn lạ', sourceUrl: 'javascript:alert(1)' },
    })
    expect(res.status).toBe(400)
    expect(fieldPaths(await res.json())).toContain('sourceUrl')
    expect(await articleCount()).toBe(1)
  })

  it('expiresAt before publishedAt names the field', async () => {
    const res = await app.rest('POST', '/articles', {
      token,
      body: {
        title: 'Hết hạn trước khi đăng',
        publishedAt: '2024-05-01T00:00:00Z',
        expiresAt: '2024-04-01T00:00:00Z',
      },
    })
    expect(res.status).toBe(400)
    expect(fieldPaths(await res.json())).toContain('expiresAt')
    expect(await articleCount()).toBe(1)
  })

  it('media without alt text names the field', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    const before = await app.payload.count({ collection: 'media' })
    await expect(
      app.payload.create({
        collection: 'media',
        data: {},
        file: { data: png, mimetype: 'image/png', name: 'x.png', size: png.length },
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'alt' })] },
    })
    expect(await app.payload.count({ collection: 'media' })).toEqual(before)
  })

  it('an unknown slug gives an empty list, not an error', async () => {
    const res = await app.graphql(
      `{ Articles(where: { slug: { equals: "khong-co-bai-nay" } }) { docs { id } totalDocs } }`,
    )
    expect(res.status).toBe(200)
    expect(res.errors).toBeUndefined()
    expect(res.data.Articles).toEqual({ docs: [], totalDocs: 0 })
  })

  it('a malformed id is a 404 in REST and a validation error in GraphQL, never a 500', async () => {
    for (const id of ['abc', 'null', '1.5', '-1', '99999999999999999999']) {
      const res = await app.rest('GET', `/articles/${id}`)
      expect(res.status, id).toBe(404)
    }
    const gql = await app.graphql(`{ Article(id: "abc") { id } }`)
    expect(gql.status).not.toBe(500)
    expect(gql.data).toBeUndefined()
    expect(gql.errors?.[0]?.message).toContain('"abc"')
  })

  it('an unknown field in GraphQL is a validation error, not a 500', async () => {
    const res = await app.graphql(`{ Articles { docs { noSuchField } } }`)
    expect(res.status).toBe(200)
    expect(res.data).toBeUndefined()
    expect(res.errors?.[0]?.message).toBe('Cannot query field "noSuchField" on type "Article".')
  })

  it('a title with no letters or digits asks for a slug and writes nothing', async () => {
    const res = await app.rest('POST', '/articles', { token, body: { title: '!!! ???' } })
    expect(res.status).toBe(400)
    expect(fieldPaths(await res.json())).toEqual(['slug'])
    expect(await articleCount()).toBe(1)
  })
})
