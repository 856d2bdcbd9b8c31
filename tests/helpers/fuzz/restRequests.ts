import fc from 'fast-check'
import {
  deepJson,
  deepJsonText,
  longString,
  oddClientAddress,
  oddHeaderValue,
  oddInt,
  oddJson,
  oddString,
} from './oddValues.js'
import type { FuzzRequest } from './requests.js'

const OPERATORS = [
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
]

/** `a[b][0]=c` pairs for a nested value, as browsers and `qs` write query strings (iterative: any depth). */
export function bracketPairs(prefix: string, value: unknown): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  const work: Array<[string, unknown]> = [[prefix, value]]
  while (work.length) {
    const [key, current] = work.pop()!
    if (current === null || typeof current !== 'object') {
      pairs.push([key, current === undefined ? '' : String(current)])
      continue
    }
    const entries = Array.isArray(current)
      ? current.map((item, index) => [String(index), item] as const)
      : Object.entries(current)
    if (!entries.length) pairs.push([key, ''])
    for (const [name, item] of [...entries].reverse()) work.push([`${key}[${name}]`, item])
  }
  return pairs
}

// A browser sends U+FFFD for a lone surrogate: UTF-8 cannot carry one (encodeURIComponent throws).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/** Percent-encodes text as a browser would. */
export const encodeSegment = (text: string) =>
  encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'))

/** Query pairs as text: mostly encoded, sometimes raw (stray `%`, `&`, `=` and all). */
const queryString = (pairs: fc.Arbitrary<Array<[string, string]>>) =>
  fc
    .tuple(pairs, fc.boolean(), fc.option(oddString(), { nil: undefined }))
    .map(([list, encoded, junk]) => {
      const encode = encoded ? encodeSegment : (text: string) => text.replace(/[#\s]/g, '+')
      const parts = list.map(([key, value]) => `${encode(key)}=${encode(value)}`)
      if (junk !== undefined) parts.push(encodeSegment(junk))
      return parts.length ? `?${parts.join('&')}` : ''
    })

/** A REST `where` with real field paths and operators, odd values, nesting and junk keys. */
export function whereArbitrary(fieldPaths: readonly string[], known: readonly string[]) {
  const value = fc.oneof(
    { weight: 4, arbitrary: oddString(known) },
    { weight: 2, arbitrary: oddInt.map(String) },
    { weight: 1, arbitrary: fc.array(oddString(known), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(oddString(), oddString(), { maxKeys: 2 }) },
    { weight: 1, arbitrary: deepJson(2, 12) },
  )
  const field = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...fieldPaths) },
    { weight: 1, arbitrary: oddString() },
  )
  const operator = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...OPERATORS) },
    { weight: 1, arbitrary: oddString() },
  )
  const condition = fc
    .tuple(
      field,
      fc.oneof(
        { weight: 5, arbitrary: fc.dictionary(operator, value, { minKeys: 1, maxKeys: 2 }) },
        { weight: 1, arbitrary: value },
      ),
    )
    .map(([name, test]) => ({ [name]: test }))
  const { where } = fc.letrec<{ where: Record<string, unknown> }>((tie) => ({
    where: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      fc
        .tuple(fc.constantFrom('and', 'or', 'AND', 'OR'), fc.array(tie('where'), { maxLength: 3 }))
        .map(([junction, parts]) => ({ [junction]: parts })),
      fc
        .array(condition, { minLength: 2, maxLength: 3 })
        .map((parts) => Object.assign({}, ...parts)),
    ),
  }))
  return where
}

/** `GET /api/articles` with generated where, limit, page, sort, depth, locale, draft, select… */
export function articleListRequests(
  fieldPaths: readonly string[],
  known: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const scalar = fc.oneof(oddString(known), oddInt.map(String))
  const params = fc
    .record(
      {
        where: fc.oneof(
          { weight: 4, arbitrary: whereArbitrary(fieldPaths, known) },
          { weight: 1, arbitrary: oddJson },
        ),
        limit: scalar,
        page: scalar,
        sort: fc.oneof(
          fc.constantFrom(...fieldPaths).chain((path) => fc.constantFrom(path, `-${path}`)),
          oddString(),
        ),
        depth: scalar,
        locale: fc.oneof(fc.constantFrom('vi', 'en', 'all', '*'), oddString()),
        'fallback-locale': fc.oneof(fc.constantFrom('vi', 'en', 'none', 'null'), oddString()),
        draft: fc.oneof(fc.constantFrom('true', 'false'), oddString()),
        select: fc.oneof(
          fc.dictionary(fc.constantFrom(...fieldPaths), fc.constantFrom('true', 'false', '1')),
          oddJson,
        ),
        populate: oddJson,
        pagination: fc.oneof(fc.constantFrom('false', 'true'), oddString()),
        trash: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    )
    .map((record) => Object.entries(record).flatMap(([key, item]) => bracketPairs(key, item)))
  return fc.tuple(queryString(params), oddClientAddress).map(([query, ip]) => ({
    route: 'get',
    kind: 'rest',
    path: `/articles${query}`,
    headers: {},
    ip,
    writes: false,
  }))
}

/** An id segment as a client may put it in a URL: real, malformed, huge, encoded or not. */
export const idSegment = (known: readonly string[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: oddString().map(encodeSegment) },
    { weight: 1, arbitrary: oddInt.map(String) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '%00',
        '..',
        '%2e%2e',
        '%2F',
        'undefined',
        'null',
        '1e3',
        ' 1',
        '0x10',
      ),
    },
  )

/** `GET /api/articles/:id` with malformed ids and odd depth, locale, draft, select. */
export function articleByIdRequests(known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const params = fc
    .record(
      {
        depth: fc.oneof(oddString(), oddInt.map(String)),
        locale: fc.oneof(fc.constantFrom('vi', 'en', 'all'), oddString()),
        draft: oddString(),
        select: oddJson,
      },
      { requiredKeys: [] },
    )
    .map((record) => Object.entries(record).flatMap(([key, item]) => bracketPairs(key, item)))
  return fc
    .tuple(idSegment(known), queryString(params), oddClientAddress)
    .map(([id, query, ip]) => ({
      route: 'get',
      kind: 'rest',
      path: `/articles/${id}${query}`,
      headers: {},
      ip,
      writes: false,
    }))
}

/** `GET /api/feed.xml` with any category and locale, and stray parameters. */
export function feedRequests(known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const params = fc
    .record(
      {
        category: fc.oneof(oddString(known), fc.array(oddString(known), { maxLength: 2 }), oddJson),
        locale: fc.oneof(fc.constantFrom('vi', 'en', 'all', '*', ''), oddString()),
        'fallback-locale': oddString(),
        depth: oddString(),
        draft: oddString(),
      },
      { requiredKeys: [] },
    )
    .map((record) => Object.entries(record).flatMap(([key, item]) => bracketPairs(key, item)))
  return fc.tuple(queryString(params), oddClientAddress).map(([query, ip]) => ({
    route: 'get',
    kind: 'feed',
    path: `/feed.xml${query}`,
    headers: {},
    ip,
    writes: false,
  }))
}

/** A body as a script sends it: JSON of the expected shape with odd values, or not that at all. */
const body = (shaped: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 6, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: oddJson.map((value) => JSON.stringify(value) ?? '') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '{', 'null', '[]', '"text"', '{"score":', '\u0000'),
    },
    { weight: 1, arbitrary: longString(100_000, 1_000_000) },
    { weight: 1, arbitrary: deepJsonText(1_000, 200_000) },
  )

const postHeaders = fc.record(
  {
    'content-type': fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'text/plain',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
        ),
      },
      { weight: 1, arbitrary: oddHeaderValue },
    ),
    'x-voter-token': fc.oneof(fc.uuid(), oddHeaderValue),
    'user-agent': fc.oneof(
      fc.constantFrom('Mozilla/5.0 Firefox/128.0', 'Googlebot/2.1'),
      oddHeaderValue,
    ),
    authorization: fc.oneof(
      fc.constantFrom('JWT not-a-token', 'Bearer x', 'users API-Key nope'),
      oddHeaderValue,
    ),
  },
  { requiredKeys: [] },
)

/** `POST /api/visits` with odd sessions, paths, articles and bodies. */
export function visitRequests(known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const shaped = fc.record(
    {
      session: fc.oneof(fc.stringMatching(/^[\w.:-]{8,40}$/), oddString(), oddJson),
      path: fc.oneof(fc.webPath(), oddString(), oddJson),
      article: fc.oneof(oddString(known), oddInt, oddJson),
    },
    { requiredKeys: [] },
  )
  return fc.tuple(body(shaped), postHeaders, oddClientAddress).map(([text, headers, ip]) => ({
    route: 'post',
    kind: 'rest',
    path: '/visits',
    headers,
    body: text,
    ip,
    writes: true,
  }))
}

/** `POST /api/articles/:id/rate` with odd ids, scores, bodies and voter tokens. */
export function rateRequests(known: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const shaped = fc.record(
    { score: fc.oneof(fc.integer({ min: 1, max: 5 }), oddInt, oddJson) },
    { requiredKeys: [] },
  )
  return fc
    .tuple(idSegment(known), body(shaped), postHeaders, oddClientAddress)
    .map(([id, text, headers, ip]) => ({
      route: 'post',
      kind: 'rest',
      path: `/articles/${id}/rate`,
      headers,
      body: text,
      ip,
      writes: true,
    }))
}
