import { headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'
import { PortalError, portalErrorResponse } from '../../core/errors.js'
import { bodyTooLarge, readBodyWithin, TOO_LARGE } from '../../core/requestBody.js'
import { bodyRefusal, transportRefusal } from './graphqlTransport.js'
import { namesPersistedQuery, withPersistedQuery, type GraphQLParams } from './persistedQueries.js'

/** Where the plugin leaves its body limit in the config, for route handlers that run before Payload. */
export const BODY_LIMIT_KEY = 'newsPortalMaxRequestBodyBytes'

/** The plugin's `maxRequestBodyBytes`, or undefined when the plugin is not (or not enabled) in `config`. */
export function maxRequestBodyBytesOf(config: SanitizedConfig): number | undefined {
  const value = (config.custom as Record<string, unknown> | undefined)?.[BODY_LIMIT_KEY]
  return typeof value === 'number' ? value : undefined
}

/** The same request with its body already read (and `request.ip`, which a custom server may set). */
function withBody(request: Request, body: Uint8Array): Request {
  const copy = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body as BodyInit,
    signal: request.signal,
  })
  const ip = (request as { ip?: unknown }).ip
  if (ip !== undefined) Object.defineProperty(copy, 'ip', { value: ip, enumerable: false })
  return copy
}

/** A refusal as JSON, with the CORS headers so a front end on another origin can read why. */
export function refusalResponse(
  config: SanitizedConfig,
  request: Request,
  error: PortalError,
): Response {
  const req = { payload: { config }, headers: request.headers }
  const response = portalErrorResponse(error)
  const cors = headersWithCors({ headers: new Headers(), req: req as unknown as PayloadRequest })
  for (const [name, value] of cors) response.headers.set(name, value)
  return response
}

/** A JSON body naming a persisted query, with its document filled in; undefined for any other body. */
function persistedBody(body: Uint8Array): Uint8Array | PortalError | undefined {
  if (body.byteLength === 0) return undefined
  const params = JSON.parse(new TextDecoder().decode(body)) as GraphQLParams | null
  if (!params || typeof params !== 'object' || !namesPersistedQuery(params)) return undefined
  const resolved = withPersistedQuery(params)
  if (resolved instanceof PortalError) return resolved
  return new TextEncoder().encode(JSON.stringify(resolved))
}

/**
 * Wraps a route handler (the app's `/api/graphql` POST) so a request it would fail on gets a JSON
 * error before the handler reads or parses it: an Accept it cannot answer (406), a body that is
 * not JSON (415 for another content type, 400 for text that does not parse) and a body over the
 * plugin's `maxRequestBodyBytes` (413). A body naming a persisted query by hash gets its document
 * (400 `PERSISTED_QUERY_NOT_FOUND` for a hash outside the manifest). Payload's GraphQL handler
 * reads the whole body as text and parses it before anything else runs, so no hook inside Payload
 * comes early enough. A
 * Content-Length over the limit is refused unread; a streamed body is counted as it arrives and
 * cut off past the limit.
 */
export function limitRequestBody<Rest extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const resolved = await config
    const maxBytes = maxRequestBodyBytesOf(resolved)
    if (maxBytes === undefined) return handler(request, ...rest)
    const refusal = transportRefusal(request)
    if (refusal) return refusalResponse(resolved, request, refusal)
    if (!request.body) return handler(request, ...rest)
    const body = await readBodyWithin(request, maxBytes)
    if (body === TOO_LARGE) return refusalResponse(resolved, request, bodyTooLarge(maxBytes))
    const notJson = bodyRefusal(body)
    if (notJson) return refusalResponse(resolved, request, notJson)
    const persisted = persistedBody(body)
    if (persisted instanceof PortalError) return refusalResponse(resolved, request, persisted)
    return handler(withBody(request, persisted ?? body), ...rest)
  }
}
