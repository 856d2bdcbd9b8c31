import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import { readBodyWithin, TOO_LARGE } from '../../core/requestBody.js'
import { selectsCounters } from './counters.js'
import { BoundedLru } from './lru.js'

/** A read the cache may answer: what its key is made of, and whether it carries counters. */
export interface CacheableRead {
  kind: 'graphql' | 'rest'
  /** Everything the answer depends on besides the site (which the caller adds). */
  parts: unknown[]
  counters: boolean
}

/** A read that must go to the handler untouched, and why (for the `bypass` header). */
export type Classified = CacheableRead | { bypass: string } | { untouched: true }

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` name one entry. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

/** The search parameters other than `omit`, sorted (`locale`, `fallback-locale`, `draft`, `depth`, …). */
function otherParams(url: URL, omit: string[] = []): string {
  return [...url.searchParams]
    .filter(([name]) => !omit.includes(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

type GraphQLParams = { query?: unknown; variables?: unknown; operationName?: unknown }

/** A GraphQL request's parameters: from the URL for GET, from the JSON body for POST. */
async function graphQLParams(
  request: Request,
  url: URL,
  maxBytes: number,
): Promise<GraphQLParams | string> {
  if (request.method === 'GET') {
    const variables = url.searchParams.get('variables')
    try {
      return {
        query: url.searchParams.get('query') ?? undefined,
        variables: variables ? JSON.parse(variables) : undefined,
        operationName: url.searchParams.get('operationName') ?? undefined,
      }
    } catch {
      return 'variables are not JSON'
    }
  }
  if (request.method !== 'POST' || !request.body) return 'not a query request'
  const body = await readBodyWithin(request.clone(), maxBytes)
  if (body === TOO_LARGE) return 'body too large'
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as unknown
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'not one operation'
    return parsed as GraphQLParams
  } catch {
    return 'body is not JSON'
  }
}

/** The operation a request runs: the one named, or the only one. */
function operationOf(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )
  if (typeof name === 'string' && name) return operations.find((op) => op.name?.value === name)
  return operations.length === 1 ? operations[0] : undefined
}

type ReadDocument = { printed: string; counters: boolean } | { bypass: string }

// The same few documents arrive again and again: each is parsed and printed once.
const documents = new BoundedLru<ReadDocument>(1_000, 4 * 1024 * 1024)

/** A query document, normalised (parse + print) and looked at once: its operation, its counters. */
function readDocument(query: string, operationName: unknown): ReadDocument {
  const key = `${typeof operationName === 'string' ? operationName : ''}\n${query}`
  const known = documents.get(key)
  if (known) return known
  let read: ReadDocument
  try {
    const document = parse(query)
    const operation = operationOf(document, operationName)
    if (!operation) read = { bypass: 'no single operation' }
    else if (operation.operation !== 'query') read = { bypass: operation.operation }
    else read = { printed: print(document), counters: selectsCounters(document) }
  } catch {
    read = { bypass: 'query does not parse' }
  }
  documents.set(key, read, query.length * 2 + ('printed' in read ? read.printed.length * 2 : 0))
  return read
}

/** What the cache makes of a GraphQL request: a keyed query, or why it goes straight through. */
export async function classifyGraphQL(
  request: Request,
  url: URL,
  maxBytes: number,
): Promise<Classified> {
  const params = await graphQLParams(request, url, maxBytes)
  if (typeof params === 'string') return { bypass: params }
  if (typeof params.query !== 'string') return { bypass: 'no query' }
  const document = readDocument(params.query, params.operationName)
  if ('bypass' in document) return document
  return {
    kind: 'graphql',
    parts: [
      document.printed,
      typeof params.operationName === 'string' ? params.operationName : null,
      stableJson(params.variables ?? null),
      otherParams(url, ['query', 'variables', 'operationName', 'extensions']),
    ],
    counters: document.counters,
  }
}

/** A public REST read the cache answers (`/feed.xml`, later sitemaps): keyed by path and parameters. */
export function classifyRest(request: Request, url: URL, path: string): Classified {
  if (request.method !== 'GET') return { bypass: request.method }
  return { kind: 'rest', parts: [path, otherParams(url)], counters: false }
}
