import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESERVED_CATEGORY_SLUGS } from '../core/constants.js'
import { RESERVED_SEGMENTS } from '../app/(site)/lib/rewrite.js'
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
})
afterAll(() => app?.close())

const categoryCount = () =>
  app.payload.count({ collection: 'categories' }).then((result) => result.totalDocs)
const slugErrors = async (res: Response) =>
  (
    (await res.json()) as {
      errors?: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }>
    }
  ).errors
    ?.flatMap((error) => error.data?.errors ?? [])
    .filter((error) => error.path === 'slug')
    .map((error) => error.message)

describe("a category's slug cannot take an address the site and Payload own", () => {
  it('the portal site reserves nothing the plugin does not refuse', () => {
    expect(RESERVED_SEGMENTS.filter((segment) => /^[a-z0-9]/.test(segment))).toEqual(
      RESERVED_CATEGORY_SLUGS.filter((slug) => RESERVED_SEGMENTS.includes(slug)),
    )
    expect(RESERVED_CATEGORY_SLUGS).toEqual(['admin', 'api', 'tim-kiem', 'trang', 'chu-de', 'en'])
  })

  it.each(['admin', 'api', 'tim-kiem', 'en'])(
    'a typed slug "%s" is a 400 naming it',
    async (slug) => {
      const res = await app.rest('POST', '/categories', {
        token,
        body: { title: 'Chuyên mục', slug },
      })
      expect(res.status).toBe(400)
      expect(await slugErrors(res)).toEqual([
        `"${slug}" is one of the portal's own addresses (/${slug}): choose another slug.`,
      ])
      expect(await categoryCount()).toBe(0)
    },
  )

  it('a title that makes a reserved slug ("API") is refused the same way', async () => {
    const res = await app.rest('POST', '/categories', { token, body: { title: 'API' } })
    expect(res.status).toBe(400)
    expect(await slugErrors(res)).toEqual([
      `"api" is one of the portal's own addresses (/api): choose another slug.`,
    ])
    expect(await categoryCount()).toBe(0)
  })

  it('a slug that only starts like one ("admin-tin") is accepted', async () => {
    const res = await app.rest('POST', '/categories', { token, body: { title: 'Admin tin' } })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { doc: { slug: string } }).doc.slug).toBe('admin-tin')
  })

  it('an article may still be called "admin" (its address is under its category)', async () => {
    const res = await app.rest('POST', '/articles', {
      token,
      body: { title: 'Admin', _status: 'published' },
    })
    expect(res.status).toBe(201)
  })
})
