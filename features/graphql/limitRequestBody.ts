import { headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'
import { portalErrorResponse, type PortalError } from '../../core/errors.js'
import { bodyTooLarge, readBodyWithin, TOO_LARGE } from '../../core/requestBody.js'
import { bodyRefusal, transportRefusal } from './graphqlTransport.js'

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
function refusalResponse(config: SanitizedConfig, request: Request, error: PortalError): Response {
  const req = { payload: { config }, headers: request.headers }
  const response = portalErrorResponse(error)
  const cors = headersWithCors({ headers: new Headers(), req: req as unknown as PayloadRequest })
  for (const [name, value] of cors) response.headers.set(name, value)
  return response
}

/**
 * Wraps a route handler (the app's `/api/graphql` POST) so a request it would fail on gets a JSON
 * error before the handler reads or parses it: an Accept it cannot answer (406), a body that is
 * not JSON (415 for another content type, 400 for text that does not parse) and a body over the
 * plugin's `maxRequestBodyBytes` (413). Payload's GraphQL handler reads the whole body as text and
 * parses it before anything else runs, so no hook inside Payload comes early enough. A
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
    return handler(withBody(request, body), ...rest)
  }
}
