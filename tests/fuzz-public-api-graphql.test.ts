import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GraphQLSchema } from 'graphql'
import { startFuzzSite, type FuzzSite } from './helpers/fuzz/site.js'
import { servedSchema } from './helpers/fuzz/graphqlOperations.js'
import { readOperations, writeOperations } from './helpers/fuzz/graphqlRequests.js'
import { checkRequest, sendChecked } from './helpers/fuzz/requests.js'
import { answerProblems } from './helpers/fuzz/answers.js'
import { withoutKnownFindings } from './helpers/fuzz/knownFindings.js'
import { countersState } from './helpers/fuzz/state.js'
import { fuzz, inputsReport, runs } from './helpers/fuzz/run.js'

/**
 * Issue 12 item 6, property-based: the public GraphQL operations called with generated,
 * valid-shaped documents full of odd values (huge strings, NUL bytes, unicode, out-of-range and
 * fractional numbers, wrong types through variables, nested objects) never answer a 5xx nor show
 * a stack trace, give every error a message, and a refused vote or visit writes nothing.
 */
let site: FuzzSite
let schema: GraphQLSchema
const startedAt = Date.now()

beforeAll(async () => {
  site = await startFuzzSite()
  schema = await servedSchema((query) => site.app.graphql(query))
})
afterAll(async () => {
  console.log(inputsReport('fuzz-public-api-graphql', startedAt))
  await site?.app.close()
})

describe('the properties can fail', () => {
  it('an answer rule is broken by a throw, a 5xx, a stack frame, a path, a bare 4xx or a GraphQL 500', () => {
    const json = (status: number, body: unknown) => ({
      status,
      contentType: 'application/json',
      text: JSON.stringify(body),
      json: body,
    })
    expect(
      answerProblems({ status: 500, contentType: '', text: '', thrown: 'Error: x' }, 'rest'),
    ).toEqual(['the handler threw (a 500): Error: x'])
    expect(answerProblems(json(502, { errors: [{ message: 'down' }] }), 'rest')).toEqual([
      'status 502',
    ])
    expect(
      answerProblems(json(400, { errors: [{ message: 'x\n    at f (/app/a.js:1:2)' }] }), 'rest'),
    ).toEqual(['the body shows a stack frame'])
    expect(
      answerProblems(json(404, { errors: [{ message: '/work/x/node_modules/y' }] }), 'feed'),
    ).toEqual(['the body shows a node_modules path', 'the body shows a path under /work/'])
    expect(answerProblems({ status: 415, contentType: '', text: '' }, 'graphql')).toEqual([
      'a 415 without a JSON errors[0].message',
    ])
    expect(
      answerProblems(
        json(200, {
          errors: [{ message: 'Something went wrong.', extensions: { statusCode: 500 } }],
        }),
        'graphql',
      ),
    ).toEqual(['a GraphQL error with status 500: Something went wrong.'])
  })

  it('the state a refused request must leave alone sees an accepted visit and vote', async () => {
    const before = await countersState(site.app.payload)
    const visit = await sendChecked(site, {
      route: 'graphql',
      kind: 'graphql',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { recordVisit(session: "fuzz-sanity-1") { total } }',
      }),
      ip: '198.51.100.7',
      writes: true,
    })
    const vote = await sendChecked(site, {
      route: 'post',
      kind: 'rest',
      path: `/articles/${site.articleIds[0]}/rate`,
      headers: { 'content-type': 'application/json', 'x-voter-token': 'fuzz-sanity-voter' },
      body: JSON.stringify({ score: 4 }),
      ip: '198.51.100.7',
      writes: true,
    })
    expect([visit.answer.status, vote.answer.status]).toEqual([200, 200])
    const after = await countersState(site.app.payload)
    expect(after['ratings rows']).toBe(before['ratings rows'] + 1)
    expect(after['votes counted']).toBe(before['votes counted'] + 1)
    expect(after['visit hits']).toBeGreaterThan(before['visit hits'])
  })
})

describe('public GraphQL operations with generated arguments', () => {
  it('Articles, Authors, Categories, Sources, CounterWidgets, ArticlePage, SearchArticles, VisitorStats and DossierStats: no 5xx, no stack, every error with a message, nothing written', async () => {
    const before = await countersState(site.app.payload)
    await fuzz(
      'GraphQL reads',
      withoutKnownFindings(readOperations(schema, site.known)),
      runs(900),
      (input) => checkRequest(site, input),
    )
    expect(await countersState(site.app.payload)).toEqual(before)
  }, 180_000)

  it('rateArticle and recordVisit with odd arguments and headers: no 5xx, no stack, a refused one writes nothing', async () => {
    await fuzz(
      'GraphQL votes and visits',
      withoutKnownFindings(writeOperations(schema, site.known)),
      runs(450),
      (input) => checkRequest(site, input),
    )
  }, 180_000)
})
