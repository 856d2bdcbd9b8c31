import { headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'
import { bodyTooLargeResponse, readBodyWithin, TOO_LARGE } from '../../core/requestBody.js'

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

/**
 * Wraps a route handler (the app's `/api/graphql` POST) so a body over the plugin's
 * `maxRequestBodyBytes` gets 413 with a JSON error before the handler reads or parses it:
 * Payload's GraphQL handler reads the whole body as text and parses it before anything else
 * runs, so no hook inside Payload comes early enough. A Content-Length over the limit is refused
 * unread; a streamed body is counted as it arrives and cut off past the limit.
 */
export function limitRequestBody<Rest extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const resolved = await config
    const maxBytes = maxRequestBodyBytesOf(resolved)
    if (maxBytes === undefined || !request.body) return handler(request, ...rest)
    const body = await readBodyWithin(request, maxBytes)
    if (body === TOO_LARGE) {
      // The CORS headers let a front end on another origin read why it was refused.
      const req = { payload: { config: resolved }, headers: request.headers }
      const headers = headersWithCors({
        headers: new Headers(),
        req: req as unknown as PayloadRequest,
      })
      return bodyTooLargeResponse(maxBytes, headers)
    }
    return handler(withBody(request, body), ...rest)
  }
}
