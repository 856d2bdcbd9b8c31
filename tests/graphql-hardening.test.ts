import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { getIntrospectionQuery } from 'graphql'
import { getPayload, type Payload } from 'payload'
import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import { startTestApp, type TestApp } from './helpers/app.js'
import { ARTICLE_PAGE_QUERY } from './helpers/articlePage.js'
import { countQueries } from './helpers/queryCount.js'
import { seed, seedArticle } from '../seed/index.js'
import { ArticleListDocument } from '../sdk/src/generated/graphql.js'

let app: TestApp
/** The Payload instance the route handlers run on (getPayload's cached one for the config). */
let served: Payload

beforeAll(async () => {
  app = await startTestApp()
  await seed(app.payload, { log: false })
  served = await getPayload({ config: app.config })
})
afterAll(async () => app?.close())
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

/** `Categories { docs { parent { parent { … { id } } } } }`, `levels` selections deep. */
function nestedCategories(levels: number): string {
  let selection = 'id'
  for (let i = 0; i < levels - 3; i++) selection = `parent { ${selection} }`
  return `{ Categories { docs { ${selection} } } }`
}

describe('abusive queries are refused during validation, before any resolver runs', () => {
  test('a query nested 30 levels deep is refused naming its depth and the limit', async () => {
    let result: Awaited<ReturnType<TestApp['graphql']>> | undefined
    const { calls } = await countQueries(served, async () => {
      result = await app.graphql(nestedCategories(30))
    })
    expect(result!.status).toBe(200)
    expect(result!.data).toBeUndefined()
    expect(result!.errors?.map((error) => error.message)).toEqual([
      'The query is nested 30 levels deep; the maximum is 10.',
    ])
    expect(calls).toEqual([])
  })

  test('depth is counted through fragments too', async () => {
    const query = `
      query Deep { Categories { docs { ...A } } }
      fragment A on Category { parent { ...B } }
      fragment B on Category { parent { ...C } }
      fragment C on Category { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } }
    `
    const { errors } = await app.graphql(query)
    expect(errors?.map((error) => error.message)).toEqual([
      'Operation "Deep" is nested 12 levels deep; the maximum is 10.',
    ])
  })

  test('a query of 10 levels (the limit) runs', async () => {
    const { errors, data } = await app.graphql(nestedCategories(10))
    expect(errors).toBeUndefined()
    expect(data.Categories.docs).toHaveLength(3)
  })

  test('500 aliases of Articles are refused by the complexity limit', async () => {
    const aliases = Array.from(
      { length: 500 },
      (_, i) => `a${i}: Articles { docs { title } }`,
    ).join('\n')
    let result: Awaited<ReturnType<TestApp['graphql']>> | undefined
    const { calls } = await countQueries(served, async () => {
      result = await app.graphql(`{ ${aliases} }`)
    })
    expect(result!.data).toBeUndefined()
    // Each: 1 + 2 (docs { title }) × 10 rows (Payload's default page).
    expect(result!.errors?.map((error) => error.message)).toEqual([
      'The query exceeds the maximum complexity of 10000. Actual complexity is 10500',
    ])
    expect(calls).toEqual([])
  })

  test('190 aliases of Articles(limit: 0) are refused: a list is charged by the rows it may return', async () => {
    const aliases = Array.from(
      { length: 190 },
      (_, i) => `a${i}: Articles(limit: 0) { docs { id title } }`,
    ).join('\n')
    let result: Awaited<ReturnType<TestApp['graphql']>> | undefined
    const { calls } = await countQueries(served, async () => {
      result = await app.graphql(`{ ${aliases} }`)
    })
    expect(result!.data).toBeUndefined()
    // Each: 1 + 3 (docs { id title }) × 100 rows (limit 0 is the public cap, maxPublicPageSize).
    expect(result!.errors?.map((error) => error.message)).toEqual([
      'The query exceeds the maximum complexity of 10000. Actual complexity is 57190',
    ])
    expect(calls).toEqual([])
  })

  test('the limit is charged from variables too, and pagination: false as a full page', async () => {
    const lists = (n: number, args: string) =>
      Array.from({ length: n }, (_, i) => `x${i}: Articles(${args}) { docs { id } }`).join(' ')
    const message = (result: Awaited<ReturnType<TestApp['graphql']>>) =>
      result.errors?.map((error) => error.message)
    // 1 + 2 × 100 for each list: 49 of them fit in 10000, 50 do not.
    const fits = await app.graphql(`query ($limit: Int) { ${lists(49, 'limit: $limit')} }`, {
      limit: 0,
    })
    expect(fits.errors).toBeUndefined()
    expect(fits.data.x48.docs.length).toBeGreaterThan(0)
    expect(
      message(
        await app.graphql(`query ($limit: Int) { ${lists(50, 'limit: $limit')} }`, { limit: 5000 }),
      ),
    ).toEqual(['The query exceeds the maximum complexity of 10000. Actual complexity is 10050'])
    expect(message(await app.graphql(`{ ${lists(50, 'pagination: false')} }`))).toEqual([
      'The query exceeds the maximum complexity of 10000. Actual complexity is 10050',
    ])
  })

  test("a full page of the SDK's ArticleList (100 cards with cover, category and categories) passes", async () => {
    const { errors, data } = await app.graphql(ArticleListDocument, { limit: 100 })
    expect(errors).toBeUndefined()
    expect(data.Articles.limit).toBe(100)
  })

  test('a whole article page with 20 neighbours each side passes both limits', async () => {
    const { errors, data } = await app.graphql(ARTICLE_PAGE_QUERY, {
      slug: seedArticle.slug,
      neighbors: 20,
    })
    expect(errors).toBeUndefined()
    expect(data.ArticlePage.article.slug).toBe(seedArticle.slug)
    expect(data.ArticlePage.newer).toHaveLength(6)
  })

  test("the limits are the plugin's documented defaults", async () => {
    const config = await app.config
    expect(config.graphQL.maxComplexity).toBe(10000)
    expect(config.graphQL.disableIntrospectionInProduction).toBe(true)
    expect(config.graphQL.disablePlaygroundInProduction).toBe(true)
  })
})

describe('bad queries are GraphQL validation errors, never server errors', () => {
  test.each([
    [
      'an unknown field',
      '{ Articles { docs { tieuDe } } }',
      'Cannot query field "tieuDe" on type "Article". Did you mean "title"?',
    ],
    ['an unknown query', '{ BaiViet { id } }', 'Cannot query field "BaiViet" on type "Query".'],
    [
      'a wrong argument type',
      '{ ArticlePage(slug: 5) { article { id } } }',
      'String cannot represent a non string value: 5',
    ],
    [
      'a wrong literal for neighbors',
      '{ ArticlePage(slug: "a", neighbors: "năm") { article { id } } }',
      'Int cannot represent non-integer value: "năm"',
    ],
    [
      'a missing required argument',
      '{ ArticlePage { article { id } } }',
      'Field "ArticlePage" argument "slug" of type "String!" is required, but it was not provided.',
    ],
    ['a syntax error', '{ Articles { docs { title }', 'Syntax Error: Expected Name, found <EOF>.'],
  ])('%s', async (_, query, message) => {
    const response = await app.graphql(query)
    expect(response.status).toBe(200)
    expect(response.data).toBeUndefined()
    expect(response.errors?.map((error) => error.message)).toContain(message)
  })

  test('a client asking for the GraphQL-over-HTTP media type gets status 400', async () => {
    const response = await app.graphql('{ Articles { docs { tieuDe } } }', undefined, {
      headers: { accept: 'application/graphql-response+json' },
    })
    expect(response.status).toBe(400)
    expect(response.errors?.[0].message).toBe(
      'Cannot query field "tieuDe" on type "Article". Did you mean "title"?',
    )
  })
})

describe('in production', () => {
  test('an internal failure answers "Something went wrong." with no stack and no internal message', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.spyOn(served.db, 'find').mockRejectedValue(
      new Error('SQLITE_ERROR: no such column: articles.secret_internal_column'),
    )
    const response = await app.graphql(ARTICLE_PAGE_QUERY, { slug: seedArticle.slug })
    const body = JSON.stringify(response)
    expect(response.errors).toHaveLength(1)
    expect(response.errors![0].message).toBe('Something went wrong.')
    expect(response.errors![0].extensions).toEqual({ name: 'Error', statusCode: 500 })
    expect(body).not.toMatch(/SQLITE|secret_internal_column|stack|\.ts:\d+/)
  })

  test('introspection is refused', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await app.graphql('{ __schema { queryType { name } } }')
    expect(response.data).toBeUndefined()
    expect(response.errors?.map((error) => error.message)).toEqual([
      'GraphQL introspection is not allowed, but the query contained __schema or __type',
    ])
  })

  test('the playground answers 404', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await GRAPHQL_PLAYGROUND_GET(app.config)(
      new Request('http://localhost:3000/api/graphql-playground'),
    )
    expect(response.status).toBe(404)
  })

  test('in development, the standard introspection query (15 levels deep) and the playground still work', async () => {
    const introspection = await app.graphql(getIntrospectionQuery())
    expect(introspection.errors).toBeUndefined()
    expect(introspection.data.__schema.queryType.name).toBe('Query')
    const playground = await GRAPHQL_PLAYGROUND_GET(app.config)(
      new Request('http://localhost:3000/api/graphql-playground'),
    )
    expect(playground.status).toBe(200)
  })
})
