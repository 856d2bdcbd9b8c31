import type { SanitizedConfig } from 'payload'
import { PortalError } from '../../core/errors.js'
import { maxRequestBodyBytesOf, refusalResponse } from './limitRequestBody.js'
import { operationShape, type OperationShape } from './operationKind.js'
import { withPersistedQuery, type GraphQLParams } from './persistedQueries.js'

/** The parameters a GET to the GraphQL route takes (GraphQL over HTTP); any other is refused. */
export const GET_PARAMS = ['query', 'variables', 'operationName', 'extensions'] as const

// The operation each GET runs, for the HTTP layer around the route (withHttpCaching) to read.
const operationsByRequest = new WeakMap<Request, OperationShape>()

/** The operation a GET answered by `graphqlGet` ran, when it parsed (a query: others are refused). */
export const operationOfGet = (request: Request): OperationShape | undefined =>
  operationsByRequest.get(request)

const refuse = (field: string, message: string) => new PortalError('VALIDATION', message, { field })

/** A JSON object parameter (`variables`, `extensions`); absent or `null` is none. */
function jsonObjectParam(name: string, text: string | null): unknown {
  if (text === null || text === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // Expected: the client sent something that is not JSON; the error names the parameter.
    return refuse(name, `${name} must be a JSON object such as {"slug":"…"}; it does not parse.`)
  }
  if (value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value))
    return refuse(name, `${name} must be a JSON object such as {"slug":"…"}.`)
  return value
}

/** The GraphQL parameters of a GET's query string, or why they cannot be run. */
export function paramsOfGet(url: URL, maxBytes: number | undefined): GraphQLParams | PortalError {
  const search = url.searchParams
  const names = [...new Set(search.keys())]
  // The URL is held to the body limit, so a GET costs no more to parse than a POST.
  if (maxBytes !== undefined && url.search.length > maxBytes) {
    const longest = names.reduce((a, b) => (search.get(a)!.length >= search.get(b)!.length ? a : b))
    return refuse(
      longest,
      `The query string is ${url.search.length} bytes, over the limit of ${maxBytes} bytes (most of it in ${longest}): send the request by POST.`,
    )
  }
  for (const name of names) {
    if (!(GET_PARAMS as readonly string[]).includes(name))
      return refuse(
        name,
        `Unknown parameter "${name.slice(0, 100)}": a GraphQL GET takes ${GET_PARAMS.join(', ')}.`,
      )
    const count = search.getAll(name).length
    if (count > 1) return refuse(name, `${name} is given ${count} times; give it once.`)
  }
  const variables = jsonObjectParam('variables', search.get('variables'))
  if (variables instanceof PortalError) return variables
  const extensions = jsonObjectParam('extensions', search.get('extensions'))
  if (extensions instanceof PortalError) return extensions
  return {
    query: search.get('query') ?? undefined,
    variables,
    operationName: search.get('operationName') || undefined,
    extensions,
  }
}

/** The same request as the POST the GraphQL handler takes: a JSON body, no query string. */
function asPost(request: Request, url: URL, params: GraphQLParams): Request {
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  const { query, variables, operationName } = params
  const post = new Request(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName }),
    signal: request.signal,
  })
  // A custom server's socket address (see limitRequestBody) travels with the request.
  const ip = (request as { ip?: unknown }).ip
  if (ip !== undefined) Object.defineProperty(post, 'ip', { value: ip, enumerable: false })
  return post
}

/**
 * `GET /api/graphql?query=…&variables=…&operationName=…&extensions=…` (the GraphQL-over-HTTP
 * convention) for queries only: the parameters are checked (400 naming the one at fault; the URL
 * is held to `maxRequestBodyBytes`), a persisted query's hash becomes its document, a mutation is
 * 405 with `Allow: POST`, and the rest goes to `post` (the route's POST handler, with its body
 * checks, limits and CORS) as the POST it stands for.
 */
export function graphqlGet<Rest extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  post: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const resolved = await config
    const url = new URL(request.url)
    const sent = paramsOfGet(url, maxRequestBodyBytesOf(resolved))
    const params = sent instanceof PortalError ? sent : withPersistedQuery(sent)
    if (params instanceof PortalError) return refusalResponse(resolved, request, params)
    if (typeof params.query !== 'string' || params.query === '') {
      const missing = refuse(
        'query',
        'A GraphQL GET needs query (the document) or extensions.persistedQuery (its hash).',
      )
      return refusalResponse(resolved, request, missing)
    }
    const operationName =
      typeof params.operationName === 'string' ? params.operationName : undefined
    const shape = operationShape(params.query, operationName)
    if (shape && shape.kind !== 'query') {
      const what = shape.name
        ? `"${shape.name}" is a ${shape.kind}`
        : `This ${shape.kind} (${shape.rootFields.join(', ')})`
      const notAllowed = new PortalError(
        'METHOD_NOT_ALLOWED',
        `${what}: a GET carries queries only; send it by POST.`,
        { field: 'query' },
      )
      const response = refusalResponse(resolved, request, notAllowed)
      response.headers.set('allow', 'POST')
      return response
    }
    if (shape) operationsByRequest.set(request, shape)
    return post(asPost(request, url, params), ...rest)
  }
}
