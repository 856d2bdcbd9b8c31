import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { userOn } from './helpers/sites.js'
import { ask, TITLES, titlesOf } from './cache/helpers.js'

let app: TestApp
let editorToken: string
let articleId: number | string

const DRAFT_READ = /* GraphQL */ `
  query DraftRead($id: Int!) {
    Article(id: $id, draft: true) {
      title
    }
  }
`

beforeAll(async () => {
  app = await startTestApp()
  editorToken = (await userOn(app, 'bientap@example.vn', ['editor'])).token
  articleId = (
    await app.payload.create({
      collection: 'articles',
      data: {
        title: 'Bài công khai',
        _status: 'published',
        publishedAt: '2026-01-01T00:00:00.000Z',
      } as never,
    })
  ).id
  await app.payload.update({
    collection: 'articles',
    id: articleId,
    draft: true,
    data: { title: 'Bản nháp của biên tập viên' } as never,
  })
})
afterAll(async () => app?.close())

describe('what never comes from the cache', () => {
  test('a request with Authorization goes straight through, and its answer is never served to the public', async () => {
    const asEditor = await ask(app, TITLES, undefined, { authorization: `JWT ${editorToken}` })
    expect(asEditor.verdict).toBe('bypass')
    const draft = await ask(
      app,
      DRAFT_READ,
      { id: Number(articleId) },
      {
        authorization: `JWT ${editorToken}`,
      },
    )
    expect(draft.verdict).toBe('bypass')
    expect(draft.json.data.Article.title).toBe('Bản nháp của biên tập viên')
    const anonymous = await ask(app, DRAFT_READ, { id: Number(articleId) })
    expect(anonymous.verdict).toBe('miss')
    expect(anonymous.json.data.Article.title).toBe('Bài công khai')
    const again = await ask(app, DRAFT_READ, { id: Number(articleId) })
    expect(again.verdict).toBe('hit')
    expect(again.json.data.Article.title).toBe('Bài công khai')
  })

  test('the auth cookie (payload-token) bypasses too; another cookie does not', async () => {
    const withCookie = await ask(app, TITLES, undefined, {
      cookie: `theme=dark; payload-token=${editorToken}`,
    })
    expect(withCookie.verdict).toBe('bypass')
    await ask(app, TITLES)
    expect((await ask(app, TITLES, undefined, { cookie: 'theme=dark' })).verdict).toBe('hit')
  })

  test('an API key in Authorization bypasses', async () => {
    const answer = await ask(app, TITLES, undefined, { authorization: 'users API-Key not-a-key' })
    expect(answer.verdict).toBe('bypass')
  })

  test('mutations go straight through', async () => {
    const answer = await ask(app, `mutation { __typename }`)
    expect(answer.verdict).toBe('bypass')
    expect(answer.json.data).toEqual({ __typename: 'Mutation' })
  })

  test('answers with errors are never stored', async () => {
    const broken = `query { Articles { docs { nope } } }`
    const first = await ask(app, broken)
    expect(first.verdict).toBe('bypass')
    expect(first.json.errors[0].message).toMatch(/nope/)
    expect((await ask(app, broken)).verdict).toBe('bypass')
    const missingVariable = await ask(app, DRAFT_READ, {})
    expect(missingVariable.verdict).toBe('bypass')
    expect((await ask(app, DRAFT_READ, {})).verdict).toBe('bypass')
  })

  test('the public list shows the published title, never the draft saved over it', async () => {
    expect(titlesOf(await ask(app, TITLES))).toEqual(['Bài công khai'])
  })
})
