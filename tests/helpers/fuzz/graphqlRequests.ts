import fc from 'fast-check'
import type { GraphQLSchema } from 'graphql'
import { inputValues, operationArbitrary, type GraphQLInput } from './graphqlOperations.js'
import {
  deepJson,
  deepJsonText,
  longString,
  oddClientAddress,
  oddHeaderValue,
  oddJson,
  oddString,
} from './oddValues.js'
import type { FuzzRequest } from './requests.js'

/** The public lists the fuzz calls with generated where/sort/limit/page/locale/draft arguments. */
export const PUBLIC_LISTS = ['Articles', 'Authors', 'Categories', 'Sources', 'CounterWidgets']
/** The portal's own root fields. */
export const PORTAL_FIELDS = ['ArticlePage', 'SearchArticles', 'VisitorStats', 'DossierStats']
export const PORTAL_MUTATIONS = ['rateArticle', 'recordVisit']

const JSON_HEADERS = { 'content-type': 'application/json' }

/** Headers a reader's browser, a script or a bot may send with a vote or a visit. */
const readerHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'x-voter-token': fc.oneof(fc.uuid(), oddHeaderValue),
      'user-agent': fc.oneof(
        fc.constantFrom(
          'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
          'Googlebot/2.1 (+http://www.google.com/bot.html)',
          'curl/8.5.0',
        ),
        oddHeaderValue,
      ),
      'accept-language': oddHeaderValue,
      authorization: fc.oneof(
        fc.constantFrom('JWT not-a-token', 'Bearer x', 'users API-Key nope', 'JWT '),
        oddHeaderValue,
      ),
      cookie: fc.oneof(fc.constant('payload-token=garbage'), oddHeaderValue),
    },
    { requiredKeys: [] },
  )
  .map((headers) => ({ ...headers, ...JSON_HEADERS }))

/** A generated operation sent as a well-formed JSON body. */
function asRequest(input: GraphQLInput, headers: Record<string, string>, ip: string): FuzzRequest {
  return {
    route: 'graphql',
    kind: 'graphql',
    path: '/graphql',
    headers,
    body: JSON.stringify({ query: input.query, variables: input.variables }),
    ip,
    writes: PORTAL_MUTATIONS.includes(input.field),
  }
}

/** Valid-shaped operations with odd values on the public lists and the portal's queries. */
export function readOperations(schema: GraphQLSchema, known: readonly string[]) {
  const values = inputValues(known)
  return fc
    .tuple(
      fc.oneof(
        ...[...PUBLIC_LISTS, ...PORTAL_FIELDS].map((field) =>
          operationArbitrary(schema, field, values),
        ),
      ),
      oddClientAddress,
    )
    .map(([input, ip]) => asRequest(input, JSON_HEADERS, ip))
}

/** Valid-shaped votes and visits with odd values, odd headers and many client addresses. */
export function writeOperations(schema: GraphQLSchema, known: readonly string[]) {
  const values = inputValues(known)
  return fc
    .tuple(
      fc.oneof(...PORTAL_MUTATIONS.map((field) => operationArbitrary(schema, field, values))),
      readerHeaders,
      oddClientAddress,
    )
    .map(([input, headers, ip]) => asRequest(input, headers, ip))
}

const VALID_QUERIES = [
  '{ VisitorStats { total online } }',
  'query Panel($slug: String) { DossierStats(slug: $slug) { title levels { label count } } }',
  '{ Articles(limit: 2) { docs { title slug } totalDocs } }',
  'query Page($slug: String!) { ArticlePage(slug: $slug) { article { title } newer { slug } } }',
  'query Find($q: String!) { SearchArticles(q: $q, limit: 5) { docs { title } totalDocs } }',
  'mutation Visit($session: String!) { recordVisit(session: $session) { total } }',
]

/** A GraphQL document as text: valid ones, garbage, huge and deeply nested ones. */
const queryText: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VALID_QUERIES) },
  { weight: 3, arbitrary: oddString() },
  { weight: 1, arbitrary: oddJson },
  {
    weight: 1,
    arbitrary: longString(100_000, 1_000_000).map(
      (filler) => `{ VisitorStats { total } } #${filler}`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.oneof(fc.integer({ min: 10, max: 3_000 }), fc.constant(30_000)), fc.boolean())
      .map(
        ([depth, closed]) => `{${' a {'.repeat(depth)} b ${closed ? '}'.repeat(depth + 1) : ''}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer({ min: 10, max: 3_000 }), fc.constant(20_000))
      .map(
        (depth) => `query ($v: String = ${'['.repeat(depth)}1${']'.repeat(depth)}) { __typename }`,
      ),
  },
)

/** Variables: objects with odd and huge values, wrong types, deep nesting. */
const variablesValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddJson },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        slug: oddString(),
        session: fc.oneof(fc.stringMatching(/^[\w.:-]{8,40}$/), oddString()),
        v: oddJson,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: longString(100_000, 1_000_000).map((slug) => ({ slug })) },
  { weight: 1, arbitrary: deepJson(100, 2_000).map((v) => ({ v, slug: 'x' })) },
)

/** Text that is not JSON, or is JSON nested far deeper than any client would send. */
const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '{',
    '',
    ' ',
    '{"query":',
    'undefined',
    "{'query': 1}",
    '\u0000',
    '{"query":"{ VisitorStats { total } }"',
  ),
  deepJsonText(1_000, 100_000),
)

/** Bodies a careless or hostile client sends to /api/graphql. */
const malformedBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: notJson },
  {
    weight: 1,
    arbitrary: deepJsonText(1_000, 100_000).map(
      (value) => `{"query":"query ($v: JSON) { __typename }","variables":{"v":${value}}}`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))
      .map((value) => JSON.stringify(value)),
  },
  {
    weight: 8,
    arbitrary: fc
      .record(
        {
          query: queryText,
          variables: variablesValue,
          operationName: fc.oneof(fc.constantFrom('Panel', 'Page', 'Visit', 'Nope'), oddJson),
          extensions: oddJson,
          // Payload reads the request's locale from these body fields too.
          locale: fc.oneof(fc.constantFrom('vi', 'en', 'all', '*'), oddString()),
          'fallback-locale': fc.oneof(fc.constantFrom('vi', 'en', 'none', 'all'), oddString()),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
  },
)

// Mostly what clients send, so most inputs reach the GraphQL layer; now and then anything else.
const contentType = fc.oneof(
  { weight: 16, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constant('application/json; charset=utf-8') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/graphql',
      'multipart/form-data',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'application/graphql-response+json',
    ),
  },
  { weight: 1, arbitrary: oddHeaderValue },
)

const accept = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('application/graphql-response+json', '*/*', 'text/html'),
  },
)

/** Malformed GraphQL requests: not JSON, wrong types, missing or odd fields, megabyte and deep bodies. */
export const malformedGraphQL: fc.Arbitrary<FuzzRequest> = fc
  .tuple(malformedBody, contentType, accept, oddClientAddress)
  .map(([body, type, accept, ip]) => ({
    route: 'graphql',
    kind: 'graphql',
    path: '/graphql',
    headers: { ...(type ? { 'content-type': type } : {}), ...(accept ? { accept } : {}) },
    body,
    ip,
    writes: body.includes('recordVisit'),
  }))
