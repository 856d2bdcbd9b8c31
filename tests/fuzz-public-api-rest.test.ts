import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFuzzSite, type FuzzSite } from './helpers/fuzz/site.js'
import {
  articleByIdRequests,
  articleListRequests,
  feedRequests,
  rateRequests,
  visitRequests,
} from './helpers/fuzz/restRequests.js'
import { checkRequest } from './helpers/fuzz/requests.js'
import { withoutKnownFindings } from './helpers/fuzz/knownFindings.js'
import { countersState } from './helpers/fuzz/state.js'
import { fuzz, inputsReport, runs } from './helpers/fuzz/run.js'

/**
 * Issue 12 item 6, property-based: the public REST endpoints with generated query strings
 * (where[…], limit, page, sort, depth, locale, draft, select), malformed ids, odd bodies and odd
 * headers (x-voter-token huge or with control characters) never answer a 5xx nor show a stack
 * trace, give every 4xx a message, and a refused vote or visit writes nothing.
 */
let site: FuzzSite
let fieldPaths: string[]
const startedAt = Date.now()

beforeAll(async () => {
  site = await startFuzzSite()
  const own = site.routePayload.collections.articles.config.flattenedFields.map(
    (field) => field.name,
  )
  fieldPaths = [
    ...own,
    'id',
    'categories.slug',
    'authors.name',
    'primaryCategory.title',
    'source.title',
    'coverImage.alt',
  ]
})
afterAll(async () => {
  console.log(inputsReport('fuzz-public-api-rest', startedAt))
  await site?.app.close()
})

describe('public REST endpoints with generated input', () => {
  it('GET /api/articles with generated where, limit, page, sort, depth, locale, draft, select: no 5xx, no stack, nothing written', async () => {
    const before = await countersState(site.app.payload)
    await fuzz(
      'GET /api/articles',
      withoutKnownFindings(articleListRequests(fieldPaths, site.known)),
      runs(600),
      (input) => checkRequest(site, input),
    )
    expect(await countersState(site.app.payload)).toEqual(before)
  }, 180_000)

  it('GET /api/articles/:id with malformed ids: no 5xx, no stack', async () => {
    await fuzz(
      'GET /api/articles/:id',
      withoutKnownFindings(articleByIdRequests(site.known)),
      runs(250),
      (input) => checkRequest(site, input),
    )
  }, 180_000)

  it('GET /api/feed.xml with any category and locale: no 5xx, no stack, a message with every 4xx', async () => {
    await fuzz(
      'GET /api/feed.xml',
      withoutKnownFindings(feedRequests(site.known)),
      runs(250),
      (input) => checkRequest(site, input),
    )
  }, 180_000)

  it('POST /api/visits with odd bodies and headers: a refused visit writes nothing', async () => {
    await fuzz(
      'POST /api/visits',
      withoutKnownFindings(visitRequests(site.known)),
      runs(250),
      (input) => checkRequest(site, input),
    )
  }, 180_000)

  it('POST /api/articles/:id/rate with odd ids, bodies and voter tokens: a refused vote writes nothing', async () => {
    await fuzz(
      'POST /api/articles/:id/rate',
      withoutKnownFindings(rateRequests(site.known)),
      runs(250),
      (input) => checkRequest(site, input),
    )
  }, 180_000)
})
