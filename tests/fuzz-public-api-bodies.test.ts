import { afterAll, beforeAll, describe, it } from 'vitest'
import { startFuzzSite, type FuzzSite } from './helpers/fuzz/site.js'
import { malformedGraphQL } from './helpers/fuzz/graphqlRequests.js'
import { checkRequest } from './helpers/fuzz/requests.js'
import { withoutKnownFindings } from './helpers/fuzz/knownFindings.js'
import { fuzz, inputsReport, runs } from './helpers/fuzz/run.js'

/**
 * Issue 12 item 6, property-based: malformed requests to /api/graphql (JSON of the wrong types,
 * missing or non-string query, variables that are no object, odd operationName and locale,
 * bodies up to ~1 MB, JSON nested up to 200 000 levels) get a 4xx or a GraphQL error with a
 * message, never a 5xx or a stack trace, and write nothing.
 */
let site: FuzzSite
const startedAt = Date.now()

beforeAll(async () => {
  site = await startFuzzSite()
})
afterAll(async () => {
  console.log(inputsReport('fuzz-public-api-bodies', startedAt))
  await site?.app.close()
})

describe('malformed GraphQL requests', () => {
  it('no 5xx, no stack, every 4xx and error with a message, a refused visit writes nothing', async () => {
    await fuzz(
      'GraphQL malformed bodies',
      withoutKnownFindings(malformedGraphQL),
      runs(500),
      (input) => checkRequest(site, input),
    )
  }, 180_000)
})
