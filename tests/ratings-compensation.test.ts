import { getPayload, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createRatingArticles, storedSummary, voteCount } from './ratings/fixtures.js'

let app: TestApp
let served: Payload
let articles: Awaited<ReturnType<typeof createRatingArticles>>

beforeAll(async () => {
  app = await startTestApp()
  articles = await createRatingArticles(app.payload)
  // The route handlers run on the Payload instance that getPayload() caches for the config.
  served = await getPayload({ config: app.config })
})
afterEach(() => vi.restoreAllMocks())
afterAll(() => app?.close())

const vote = (article: string | number, score: number, token: string) =>
  app.rest('POST', `/articles/${article}/rate`, {
    body: { score },
    headers: { 'x-voter-token': token },
    ip: '10.9.0.1',
  })

/** Makes the next `method` call of the database adapter on `collection` fail once. */
function failOnce(method: 'updateOne' | 'deleteOne', collection: string, error: Error) {
  const db = served.db as unknown as Record<string, (args: { collection: string }) => unknown>
  const original = db[method].bind(served.db)
  let failed = false
  return vi.spyOn(db, method).mockImplementation((args) => {
    if (!failed && args.collection === collection) {
      failed = true
      return Promise.reject(error)
    }
    return original(args)
  })
}

/** The sum and number of an article's votes in the log. */
async function loggedVotes(article: string | number) {
  const { docs } = await served.db.find({
    collection: 'ratings',
    where: { article: { equals: article } },
    limit: 0,
    pagination: false,
  })
  const scores = docs.map((doc) => Number((doc as { score?: unknown }).score))
  return { total: scores.reduce((sum, score) => sum + score, 0), count: scores.length }
}

describe('a vote whose aggregate could not be updated', () => {
  it('is taken out of the log again (the compensating delete), so log and aggregate agree', async () => {
    expect((await vote(articles.published, 5, 'comp-a')).status).toBe(200)
    failOnce('updateOne', 'rating-summaries', new Error('disk I/O error'))
    const response = await vote(articles.published, 3, 'comp-b')
    expect(response.status).toBe(500)
    expect(await voteCount(served, articles.published)).toBe(1)
    expect(await storedSummary(served, articles.published)).toEqual({ total: 5, count: 1 })
  })

  it('when the compensating delete fails too, the error is logged and the aggregate is rebuilt from the log', async () => {
    expect((await vote(articles.other, 5, 'comp-c')).status).toBe(200)
    const error = vi.spyOn(served.logger, 'error')
    const deleteFailure = new Error('connection reset during delete')
    failOnce('updateOne', 'rating-summaries', new Error('disk I/O error'))
    failOnce('deleteOne', 'ratings', deleteFailure)

    const response = await vote(articles.other, 3, 'comp-d')
    expect(response.status).toBe(500)

    // The vote stayed in the log; the aggregate counts exactly what the log holds.
    expect(await loggedVotes(articles.other)).toEqual({ total: 8, count: 2 })
    expect(await storedSummary(served, articles.other)).toEqual({ total: 8, count: 2 })
    expect(error).toHaveBeenCalledWith({
      err: deleteFailure,
      msg: `ratings: a vote on article ${articles.other} was not counted and could not be taken back out of the log; rebuilding its aggregate from the log.`,
    })
    // The voter's next attempt is an ordinary ALREADY_RATED with the repaired figures.
    const again = await vote(articles.other, 4, 'comp-d')
    expect(again.status).toBe(409)
    expect((await again.json()).errors[0].summary).toEqual({ total: 8, count: 2, average: 4 })
  })
})
