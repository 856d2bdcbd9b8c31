import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import {
  createEditor,
  createRatingArticles,
  RATE,
  storedSummary,
  voteCount,
} from './ratings/fixtures.js'

let app: TestApp
let articles: Awaited<ReturnType<typeof createRatingArticles>>
let editor: Awaited<ReturnType<typeof createEditor>>
let voter = 0
/** A fresh anonymous voter: its own token and its own socket address. */
const nextVoter = () => {
  voter += 1
  return {
    headers: { 'x-voter-token': `voter-${voter}` },
    ip: `10.1.${Math.floor(voter / 250)}.${(voter % 250) + 1}`,
  }
}

beforeAll(async () => {
  app = await startTestApp()
  articles = await createRatingArticles(app.payload)
  editor = await createEditor(app)
})
afterAll(() => app?.close())

describe('voting', () => {
  it('rateArticle returns the new summary, and Article.rating shows it', async () => {
    const scores = [5, 4, 4]
    const results = []
    for (const score of scores)
      results.push(await app.graphql(RATE, { article: String(articles.other), score }, nextVoter()))
    expect(results.map((result) => result.data.rateArticle)).toEqual([
      { total: 5, count: 1, average: 5 },
      { total: 9, count: 2, average: 4.5 },
      { total: 13, count: 3, average: 4.33 },
    ])
    const read = await app.graphql(
      `query ($id: Int!) { Article(id: $id) { rating { total count average } } }`,
      {
        id: Number(articles.other),
      },
    )
    if (read.errors) {
      // MongoDB ids are strings: ask with a string id instead.
      const byString = await app.graphql(
        `query ($id: String!) { Article(id: $id) { rating { total count average } } }`,
        {
          id: String(articles.other),
        },
      )
      expect(byString.data.Article.rating).toEqual({ total: 13, count: 3, average: 4.33 })
    } else {
      expect(read.data.Article.rating).toEqual({ total: 13, count: 3, average: 4.33 })
    }
  })

  it('POST /api/articles/:id/rate returns the new summary', async () => {
    const before = await storedSummary(app.payload, articles.other)
    const response = await app.rest('POST', `/articles/${articles.other}/rate`, {
      body: { score: 2 },
      ...nextVoter(),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      total: before.total + 2,
      count: before.count + 1,
      average: Math.round(((before.total + 2) * 100) / (before.count + 1)) / 100,
    })
  })

  it('an article nobody rated has rating { total: 0, count: 0, average: 0 }', async () => {
    const { docs } = await app.payload.find({
      collection: 'articles',
      where: { id: { equals: articles.closed } },
      depth: 0,
    })
    expect(docs[0].rating).toEqual({ total: 0, count: 0, average: 0 })
  })

  it('a second vote by the same voter changes nothing and answers ALREADY_RATED with the current summary', async () => {
    const same = nextVoter()
    const first = await app.graphql(RATE, { article: String(articles.published), score: 3 }, same)
    const summary = first.data.rateArticle
    const again = await app.graphql(RATE, { article: String(articles.published), score: 5 }, same)
    expect(again.data.rateArticle).toBeNull()
    expect(again.errors?.[0].extensions?.code).toBe('ALREADY_RATED')
    expect(again.errors?.[0].extensions?.summary).toEqual(summary)
    const rest = await app.rest('POST', `/articles/${articles.published}/rate`, {
      body: { score: 1 },
      ...same,
    })
    expect(rest.status).toBe(409)
    const body = await rest.json()
    expect(body.errors[0].code).toBe('ALREADY_RATED')
    expect(body.errors[0].summary).toEqual(summary)
    expect(await storedSummary(app.payload, articles.published)).toEqual({
      total: summary.total,
      count: summary.count,
    })
  })

  it('a logged-in reader is one voter whatever token or address they send', async () => {
    const first = await app.rest('POST', `/articles/${articles.published}/rate`, {
      body: { score: 4 },
      token: editor.token,
      ...nextVoter(),
    })
    expect(first.status).toBe(200)
    const second = await app.rest('POST', `/articles/${articles.published}/rate`, {
      body: { score: 4 },
      token: editor.token,
      ...nextVoter(),
    })
    expect(second.status).toBe(409)
  })

  it('without a token the voter is its address; with neither the vote is refused naming x-voter-token', async () => {
    const before = await voteCount(app.payload, articles.other)
    const byAddress = await app.rest('POST', `/articles/${articles.other}/rate`, {
      body: { score: 3 },
      ip: '10.9.9.9',
    })
    expect(byAddress.status).toBe(200)
    const sameAddress = await app.rest('POST', `/articles/${articles.other}/rate`, {
      body: { score: 3 },
      ip: '10.9.9.9',
    })
    expect(sameAddress.status).toBe(409)
    const nobody = await app.rest('POST', `/articles/${articles.other}/rate`, {
      body: { score: 3 },
    })
    expect(nobody.status).toBe(400)
    const body = await nobody.json()
    expect(body.errors[0]).toMatchObject({ code: 'VALIDATION', field: 'x-voter-token' })
    expect(await voteCount(app.payload, articles.other)).toBe(before + 1)
  })
})

describe('bad scores', () => {
  const bad: Array<[string, unknown]> = [
    ['0', 0],
    ['6', 6],
    ['3.5', 3.5],
    ['"5"', '5'],
    ['null', null],
    ['1e9', 1e9],
    ['-1', -1],
  ]

  it.each(bad)(
    'GraphQL refuses score %s with VALIDATION naming score, and nothing changes',
    async (_name, score) => {
      const before = await storedSummary(app.payload, articles.published)
      const votes = await voteCount(app.payload, articles.published)
      const result = await app.graphql(
        RATE,
        { article: String(articles.published), score },
        nextVoter(),
      )
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION', field: 'score' })
      expect(result.errors?.[0].message).toContain('score')
      expect(result.data?.rateArticle ?? null).toBeNull()
      expect(await storedSummary(app.payload, articles.published)).toEqual(before)
      expect(await voteCount(app.payload, articles.published)).toBe(votes)
    },
  )

  it('GraphQL refuses a missing score and literal bad scores with VALIDATION', async () => {
    const before = await storedSummary(app.payload, articles.published)
    const id = JSON.stringify(String(articles.published))
    const queries = [
      `mutation { rateArticle(article: ${id}) { total } }`,
      `mutation { rateArticle(article: ${id}, score: 3.5) { total } }`,
      `mutation { rateArticle(article: ${id}, score: "5") { total } }`,
      `mutation { rateArticle(article: ${id}, score: 9) { total } }`,
      `mutation { rateArticle(article: ${id}, score: null) { total } }`,
    ]
    for (const query of queries) {
      const result = await app.graphql(query, {}, nextVoter())
      expect(result.errors?.[0].extensions, query).toMatchObject({
        code: 'VALIDATION',
        field: 'score',
      })
    }
    expect(await storedSummary(app.payload, articles.published)).toEqual(before)
  })

  it.each([...bad, ['missing', undefined]])(
    'REST refuses score %s with 400 VALIDATION naming score',
    async (_name, score) => {
      const before = await storedSummary(app.payload, articles.published)
      const votes = await voteCount(app.payload, articles.published)
      const response = await app.rest('POST', `/articles/${articles.published}/rate`, {
        body: score === undefined ? {} : { score },
        ...nextVoter(),
      })
      expect(response.status).toBe(400)
      const body = await response.json()
      expect(body.errors[0]).toMatchObject({ code: 'VALIDATION', field: 'score' })
      expect(await storedSummary(app.payload, articles.published)).toEqual(before)
      expect(await voteCount(app.payload, articles.published)).toBe(votes)
    },
  )

  it('REST refuses a body that is not JSON with VALIDATION naming score', async () => {
    const request = new Request(`http://localhost:3000/api/articles/${articles.published}/rate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voter-token': 'broken-body' },
      body: '{score: 4',
    })
    const { REST_POST } = await import('@payloadcms/next/routes')
    const response = await REST_POST(app.config)(request, {
      params: Promise.resolve({ slug: ['articles', String(articles.published), 'rate'] }),
    })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0]).toMatchObject({ code: 'VALIDATION', field: 'score' })
  })
})

describe('articles that cannot be rated', () => {
  const cases = [
    ['a draft', 'draft', 'NOT_FOUND', 404],
    ['a scheduled article', 'scheduled', 'NOT_FOUND', 404],
    ['an expired article', 'expired', 'NOT_FOUND', 404],
    ['an article with ratings off', 'closed', 'RATINGS_CLOSED', 403],
  ] as const

  it.each(cases)(
    '%s is refused in GraphQL and REST, and nothing is written',
    async (_name, key, code, status) => {
      const graphql = await app.graphql(
        RATE,
        { article: String(articles[key]), score: 4 },
        nextVoter(),
      )
      expect(graphql.errors?.[0].extensions?.code).toBe(code)
      expect(graphql.data.rateArticle).toBeNull()
      const rest = await app.rest('POST', `/articles/${articles[key]}/rate`, {
        body: { score: 4 },
        ...nextVoter(),
      })
      expect(rest.status).toBe(status)
      expect((await rest.json()).errors[0].code).toBe(code)
      expect(await voteCount(app.payload, articles[key])).toBe(0)
      expect(await storedSummary(app.payload, articles[key])).toEqual({ total: 0, count: 0 })
    },
  )

  it('a missing article is NOT_FOUND', async () => {
    for (const id of ['999999', 'not-an-id', '65a1b2c3d4e5f60718293a4b']) {
      const graphql = await app.graphql(RATE, { article: id, score: 4 }, nextVoter())
      expect(graphql.errors?.[0].extensions?.code, id).toBe('NOT_FOUND')
      const rest = await app.rest('POST', `/articles/${id}/rate`, {
        body: { score: 4 },
        ...nextVoter(),
      })
      expect(rest.status, id).toBe(404)
    }
  })
})

describe('moderation and repair', () => {
  it('an editor deleting a vote (Local API) takes it out of the summary', async () => {
    const before = await storedSummary(app.payload, articles.other)
    const voteResult = await app.graphql(
      RATE,
      { article: String(articles.other), score: 5 },
      nextVoter(),
    )
    expect(voteResult.data.rateArticle.count).toBe(before.count + 1)
    const editorUser = await app.payload.findByID({
      collection: 'users',
      id: editor.id,
      overrideAccess: true,
    })
    const { docs } = await app.payload.find({
      collection: 'ratings',
      where: { article: { equals: articles.other } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: false,
      user: editorUser,
    })
    expect(docs[0].score).toBe(5)
    await app.payload.delete({
      collection: 'ratings',
      id: docs[0].id,
      overrideAccess: false,
      user: editorUser,
    })
    expect(await storedSummary(app.payload, articles.other)).toEqual(before)
    const read = await app.payload.findByID({
      collection: 'articles',
      id: articles.other,
      depth: 0,
    })
    expect(read.rating).toMatchObject({ total: before.total, count: before.count })
  })

  it('an anonymous reader cannot delete a vote', async () => {
    const { docs } = await app.payload.find({ collection: 'ratings', limit: 1, depth: 0 })
    const response = await app.rest('DELETE', `/ratings/${docs[0].id}`)
    expect(response.status).toBe(403)
    expect(
      await app.payload.count({ collection: 'ratings', where: { id: { equals: docs[0].id } } }),
    ).toEqual({ totalDocs: 1 })
  })

  it('recompute restores a deliberately corrupted aggregate', async () => {
    const truth = await storedSummary(app.payload, articles.other)
    const published = await storedSummary(app.payload, articles.published)
    await app.payload.db.updateOne({
      collection: 'rating-summaries',
      where: { article: { equals: articles.other } },
      data: { total: 9999, count: 1 },
    })
    // A summary row lost altogether is rebuilt too.
    await app.payload.db.deleteOne({
      collection: 'rating-summaries',
      where: { article: { equals: articles.published } },
    })
    expect(await storedSummary(app.payload, articles.other)).toEqual({ total: 9999, count: 1 })

    const anonymous = await app.rest('POST', '/rating-summaries/recompute')
    expect(anonymous.status).toBe(401)
    expect(await storedSummary(app.payload, articles.other)).toEqual({ total: 9999, count: 1 })

    const response = await app.rest('POST', '/rating-summaries/recompute', { token: editor.token })
    expect(response.status).toBe(200)
    const votes = await app.payload.count({ collection: 'ratings' })
    expect(await response.json()).toEqual({ votes: votes.totalDocs, articles: 2, corrected: 2 })
    expect(await storedSummary(app.payload, articles.other)).toEqual(truth)
    expect(await storedSummary(app.payload, articles.published)).toEqual(published)

    const again = await app.rest('POST', '/rating-summaries/recompute', { token: editor.token })
    expect((await again.json()).corrected).toBe(0)
  })
})

describe('schema', () => {
  it('rateArticle(article: ID!, score: Int!) returns RatingSummary, the type of Article.rating', async () => {
    const result = await app.graphql(`{
      summary: __type(name: "RatingSummary") { fields { name type { name } } }
      mutation: __type(name: "Mutation") { fields { name type { name } args { name type { kind ofType { name } } } } }
      article: __type(name: "Article") { fields { name type { name } } }
    }`)
    expect(result.data.summary.fields).toEqual([
      { name: 'total', type: { name: 'Int' } },
      { name: 'count', type: { name: 'Int' } },
      { name: 'average', type: { name: 'Float' } },
    ])
    const rate = result.data.mutation.fields.find(
      (field: { name: string }) => field.name === 'rateArticle',
    )
    expect(rate).toEqual({
      name: 'rateArticle',
      type: { name: 'RatingSummary' },
      args: [
        { name: 'article', type: { kind: 'NON_NULL', ofType: { name: 'ID' } } },
        { name: 'score', type: { kind: 'NON_NULL', ofType: { name: 'Int' } } },
      ],
    })
    const rating = result.data.article.fields.find(
      (field: { name: string }) => field.name === 'rating',
    )
    expect(rating.type.name).toBe('RatingSummary')
  })
})

describe('lists', () => {
  it('Article.rating for a whole list costs one summaries query', async () => {
    // The route handlers run on their own Payload instance (the default one for this config).
    const { getPayload } = await import('payload')
    const served = await getPayload({ config: app.config })
    const calls: unknown[] = []
    const find = served.db.find
    served.db.find = (async (args: Parameters<typeof find>[0]) => {
      if (args.collection === 'rating-summaries') calls.push(args.where)
      return find.call(served.db, args)
    }) as typeof find
    try {
      const result = await app.graphql(
        `{ Articles(limit: 50) { docs { id rating { total count } } } }`,
      )
      expect(result.data.Articles.docs.length).toBe(3)
      expect(calls.length).toBe(1)
    } finally {
      served.db.find = find
    }
  })
})
