import type { SanitizedConfig } from 'payload'
import { hasCredentials } from '../../core/credentials.js'
import { operationOfGet } from '../graphql/graphqlGet.js'
import { ifNoneMatchHits, strongEtag } from './etag.js'
import { maxAgeFor, mergeVary, NOT_STORED, publicCacheControl, VARY_ON } from './cacheControl.js'

/** Whether a GraphQL answer reports an error (it is then never stored: it may be the client's own). */
function reportsErrors(body: Uint8Array): boolean {
  try {
    const answer = JSON.parse(new TextDecoder().decode(body)) as { errors?: unknown } | null
    return !answer || typeof answer !== 'object' || answer.errors !== undefined
  } catch {
    // Not GraphQL JSON: nothing a cache should keep.
    return true
  }
}

const notStored = (response: Response, body: BodyInit | null = response.body) => {
  const headers = new Headers(response.headers)
  headers.set('cache-control', NOT_STORED)
  return new Response(body, { status: response.status, statusText: response.statusText, headers })
}

/**
 * HTTP caching for the GraphQL route, around its handlers (route → withHttpCaching → public cache
 * → Payload). A successful anonymous GET query gets a strong `ETag` (SHA-256 of the body),
 * `Cache-Control: public` for at most the portal's staleness bound (1 s for content, 5 s for
 * counters-only answers), `Vary` on what the answer depends on, and 304 without a body when
 * `If-None-Match` names its ETag. Everything else (POST, credentials, errors, other statuses) is
 * `private, no-store`.
 */
export function withHttpCaching<Rest extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const response = await handler(request, ...rest)
    const cacheable =
      (request.method === 'GET' || request.method === 'HEAD') &&
      response.status === 200 &&
      !response.headers.has('set-cookie') &&
      !hasCredentials(request, await config)
    if (!cacheable) return notStored(response)
    const body = new Uint8Array(await response.arrayBuffer())
    if (reportsErrors(body)) return notStored(response, body)
    const headers = new Headers(response.headers)
    const etag = strongEtag(body)
    headers.set('etag', etag)
    headers.set('cache-control', publicCacheControl(maxAgeFor(operationOfGet(request))))
    headers.set('vary', mergeVary(headers.get('vary'), VARY_ON))
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
      for (const name of ['content-type', 'content-length', 'content-encoding'])
        headers.delete(name)
      return new Response(null, { status: 304, headers })
    }
    return new Response(body, { status: 200, statusText: response.statusText, headers })
  }
}
