import { REST_POST } from '@payloadcms/next/routes'
import { getPayload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'

/**
 * Every REST endpoint of the plugin refuses with one body, `{ errors: [{ message, code, field? }] }`,
 * and the codes GraphQL puts into `extensions`.
 */
let app: TestApp
let articleId: string | number
let adminToken: string
let editorToken: string

beforeAll(async () => {
  // Only admins count as editors of the portal here, so a logged-in editor-role user is refused.
  app = await startTestApp({
    isEditor: (user) => Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin')),
  })
  await app.payload.create({
    collection: 'users',
    data: { email: 'admin@errors.test', password: 'admin-pass-123', roles: ['admin'] },
  })
  await app.payload.create({
    collection: 'users',
    data: { email: 'writer@errors.test', password: 'writer-pass-123', roles: ['editor'] },
  })
  adminToken = await app.login('admin@errors.test', 'admin-pass-123')
  editorToken = await app.login('writer@errors.test', 'writer-pass-123')
  const article = await app.payload.create({
    collection: 'articles',
    data: {
      title: 'Bài có lỗi',
      _status: 'published',
      publishedAt: '2024-01-01T00:00:00.000Z',
    },
  })
  articleId = article.id
})
afterEach(() => vi.restoreAllMocks())
afterAll(() => app?.close())

/** POSTs a raw body (not necessarily JSON) to a REST path under /api. */
function postRaw(path: string, body: string) {
  const request = new Request(`http://localhost:3000/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-voter-token': 'raw-body-voter' },
    body,
  })
  return REST_POST(app.config)(request, {
    params: Promise.resolve({ slug: path.split('/').filter(Boolean) }),
  })
}

/** Asserts the refusal's status and its exact body: one error `{ message, code, field? }`. */
async function expectRefusal(
  response: Response,
  status: number,
  error: { message: string; code: string; field?: string },
) {
  expect(response.status).toBe(status)
  expect(await response.json()).toEqual({ errors: [error] })
}

const visitCount = () => app.payload.count({ collection: 'visit-sessions' as never })

describe('POST /api/visits', () => {
  it('a body that is not JSON: 400 VALIDATION naming body', async () => {
    const response = await postRaw('/visits', '{session: ')
    await expectRefusal(response, 400, {
      message: 'The body must be JSON: { session, path?, article? }.',
      code: 'VALIDATION',
      field: 'body',
    })
  })

  it('a bad session: 400 VALIDATION naming session, nothing written', async () => {
    const before = await visitCount()
    const response = await app.rest('POST', '/visits', { body: { session: 'x' } })
    await expectRefusal(response, 400, {
      message: 'session must be 8–128 characters of letters, digits, ".", ":", "_" or "-".',
      code: 'VALIDATION',
      field: 'session',
    })
    expect(await visitCount()).toEqual(before)
  })

  it('a bad path: 400 VALIDATION naming path', async () => {
    const response = await app.rest('POST', '/visits', {
      body: { session: 'valid-session-1', path: 42 },
    })
    await expectRefusal(response, 400, {
      message: 'path must be a string of at most 2048 characters.',
      code: 'VALIDATION',
      field: 'path',
    })
  })

  it('an article that is not a published one: 400 VALIDATION naming article', async () => {
    for (const article of ['999999', 'abc']) {
      const response = await app.rest('POST', '/visits', {
        body: { session: 'valid-session-2', article },
      })
      await expectRefusal(response, 400, {
        message: 'article must be the id of a published article.',
        code: 'VALIDATION',
        field: 'article',
      })
    }
  })

  it('a database failure while looking the article up is a server error, not a refusal of the input', async () => {
    const served = await getPayload({ config: app.config })
    const original = served.find.bind(served)
    vi.spyOn(served, 'find').mockImplementation(((args: { collection: string }) =>
      args.collection === 'articles'
        ? Promise.reject(new Error('connection refused'))
        : original(args as never)) as never)
    const response = await app.rest('POST', '/visits', {
      body: { session: 'valid-session-3', article: String(articleId) },
    })
    expect(response.status).toBe(500)
  })
})

describe('recordVisit (GraphQL)', () => {
  it('a bad session: extensions.code VALIDATION, field session', async () => {
    const result = await app.graphql(
      'mutation { recordVisit(session: "x") { total } }',
      {},
      { headers: { 'user-agent': 'Mozilla/5.0' } },
    )
    expect(result.data).toBeNull()
    expect(result.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
      {
        message: 'session must be 8–128 characters of letters, digits, ".", ":", "_" or "-".',
        extensions: { name: 'PortalError', statusCode: 400, code: 'VALIDATION', field: 'session' },
      },
    ])
  })
})

describe('POST /api/articles/:id/rate', () => {
  it('a body that is not JSON: 400 VALIDATION naming score', async () => {
    const response = await postRaw(`/articles/${articleId}/rate`, '{score: 4')
    await expectRefusal(response, 400, {
      message: 'The body must be JSON such as {"score": 4}.',
      code: 'VALIDATION',
      field: 'score',
    })
  })

  it('a missing article: 404 NOT_FOUND', async () => {
    const response = await app.rest('POST', '/articles/999999/rate', {
      body: { score: 4 },
      headers: { 'x-voter-token': 'missing-article-voter' },
    })
    await expectRefusal(response, 404, {
      message: 'There is no public article with id "999999".',
      code: 'NOT_FOUND',
    })
  })
})

describe('POST /api/rating-summaries/recompute', () => {
  it('anonymous: 401 UNAUTHORIZED', async () => {
    const response = await app.rest('POST', '/rating-summaries/recompute')
    await expectRefusal(response, 401, {
      message: 'Only editors may recompute rating summaries.',
      code: 'UNAUTHORIZED',
    })
  })

  it('logged in but not an editor: 403 FORBIDDEN', async () => {
    const response = await app.rest('POST', '/rating-summaries/recompute', { token: editorToken })
    await expectRefusal(response, 403, {
      message: 'Only editors may recompute rating summaries.',
      code: 'FORBIDDEN',
    })
  })

  it('an editor: 200 with the figures', async () => {
    const response = await app.rest('POST', '/rating-summaries/recompute', { token: adminToken })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ votes: 0, articles: 0, corrected: 0 })
  })
})
