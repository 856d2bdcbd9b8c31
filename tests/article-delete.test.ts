import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectionSlug } from 'payload'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createEditor, RATE } from './ratings/fixtures.js'

type Id = string | number

const VISIT = `mutation ($session: String!, $article: ID) {
  recordVisit(session: $session, article: $article) { total }
}`
const FIGURES = `query ($id: Int!) { Article(id: $id) { views rating { total count } } }`

let app: TestApp
let editorToken: string
let voter = 0
let kept: Id
let deleted: Id

const publish = async (title: string): Promise<Id> =>
  (await app.payload.create({ collection: 'articles', data: { title, _status: 'published' } })).id

async function rate(article: Id, score: number) {
  voter += 1
  const result = await app.graphql(
    RATE,
    { article: String(article), score },
    { headers: { 'x-voter-token': `delete-voter-${voter}` }, ip: `10.9.0.${voter}` },
  )
  expect(result.errors).toBeUndefined()
}

async function view(article: Id, session: string) {
  const result = await app.graphql(VISIT, { session, article: String(article) })
  expect(result.errors).toBeUndefined()
}

async function figures(id: Id) {
  const result = await app.graphql(FIGURES, { id: Number(id) })
  expect(result.errors).toBeUndefined()
  return result.data.Article as { views: number; rating: { total: number; count: number } }
}

/** Every row of an internal collection, read past access control. */
async function rows(collection: string): Promise<Array<Record<string, unknown>>> {
  const { docs } = await app.payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as Array<Record<string, unknown>>
}

beforeAll(async () => {
  app = await startTestApp()
  editorToken = (await createEditor(app)).token
  kept = await publish('Bài còn lại')
  // Created last, so on SQLite it holds the highest id: the next article would get it again.
  deleted = await publish('Bài sẽ bị xóa')
  await rate(kept, 2)
  await rate(deleted, 5)
  await rate(deleted, 4)
  await view(kept, 'session-kept-1')
  await view(deleted, 'session-deleted-1')
  await view(deleted, 'session-deleted-2')
  // A session id may contain ':': this key of the kept article holds the deleted one's prefix.
  await view(kept, `view:${deleted}:tricky`)
})
afterAll(() => app?.close())

describe('deleting an article deletes its counters, and only its counters', () => {
  it('before: both articles have their views and ratings', async () => {
    expect(await figures(deleted)).toEqual({ views: 2, rating: { total: 9, count: 2 } })
    expect(await figures(kept)).toEqual({ views: 2, rating: { total: 2, count: 1 } })
  })

  it('after DELETE /api/articles/:id: no view count, session, vote or summary of it is left', async () => {
    const response = await app.rest('DELETE', `/articles/${deleted}`, { token: editorToken })
    expect(response.status).toBe(200)

    // Counter rows carry their site's prefix (`site:<id>:article:…`): compared without it.
    const unsited = (key: unknown) => String(key).replace(/^site:[^:]+:/, '')
    const counts = await rows('visit-counts')
    expect(counts.filter((row) => unsited(row.key) === `article:${deleted}`)).toEqual([])
    expect(counts.find((row) => unsited(row.key) === `article:${kept}`)?.hits).toBe(2)

    const sessions = (await rows('visit-sessions')).map((row) => unsited(row.key))
    expect(sessions.filter((key) => key.startsWith(`view:${deleted}:`))).toEqual([])
    expect(sessions.filter((key) => key.startsWith(`view:${kept}:`)).sort()).toEqual(
      [`view:${kept}:session-kept-1`, `view:${kept}:view:${deleted}:tricky`].sort(),
    )

    // Votes and summaries of the kept article only (on PostgreSQL the deleted article's rows would
    // otherwise linger with a null article, on SQLite with its old id).
    const votes = await rows('ratings')
    expect(votes.map((row) => [row.article, row.score])).toEqual([[kept, 2]])
    const summaries = await rows('rating-summaries')
    expect(summaries.map((row) => [row.article, row.total, row.count])).toEqual([[kept, 2, 1]])
  })

  it('a new article (on SQLite: with the same id) starts at 0 views and no rating', async () => {
    const fresh = await publish('Bài mới')
    if (app.payload.db.name === 'sqlite') expect(fresh).toBe(deleted)
    expect(await figures(fresh)).toEqual({ views: 0, rating: { total: 0, count: 0 } })
    expect(await figures(kept)).toEqual({ views: 2, rating: { total: 2, count: 1 } })
  })
})
