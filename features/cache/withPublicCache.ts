import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'
import { CACHE_STATUS_HEADER } from '../../core/constants.js'
import { resolveSite } from '../sites/resolve.js'
import { nextBoundary } from './boundary.js'
import { classifyGraphQL, classifyRest, hasCredentials, type Classified } from './request.js'
import { publicCacheSettingsOf, type PublicCacheSettings } from './settings.js'
import {
  cacheStateOf,
  generationsOf,
  sameGenerations,
  type CachedAnswer,
  type CacheState,
} from './state.js'

/** The response with the cache's verdict in `x-news-portal-cache`. */
function marked(response: Response, verdict: 'hit' | 'miss' | 'bypass'): Response {
  try {
    response.headers.set(CACHE_STATUS_HEADER, verdict)
    return response
  } catch {
    // Immutable headers (a fetched response): the same body under a copy of them.
    const headers = new Headers(response.headers)
    headers.set(CACHE_STATUS_HEADER, verdict)
    return new Response(response.body, { status: response.status, headers })
  }
}

/** What kind of read the request is, from its path: GraphQL, a cached REST path, or neither. */
async function classify(
  request: Request,
  config: SanitizedConfig,
  settings: PublicCacheSettings,
): Promise<Classified> {
  const url = new URL(request.url)
  const api = config.routes.api
  if (url.pathname === `${api}${config.routes.graphQL}`) {
    if (hasCredentials(request, config)) return { bypass: 'credentials' }
    return classifyGraphQL(request, url, settings.maxRequestBodyBytes)
  }
  const path = url.pathname.startsWith(`${api}/`) ? url.pathname.slice(api.length) : undefined
  if (!path || !settings.restPaths.includes(path)) return { untouched: true }
  if (hasCredentials(request, config)) return { bypass: 'credentials' }
  return classifyRest(request, url, path)
}

/** Whether an answer may be shared: 2xx, no errors, no cookie, not marked private. */
function shareable(response: Response, body: Uint8Array, graphql: boolean): boolean {
  if (response.status < 200 || response.status > 299) return false
  if (response.headers.has('set-cookie')) return false
  if (/private|no-store/i.test(response.headers.get('cache-control') ?? '')) return false
  if (!graphql) return true
  try {
    const json = JSON.parse(new TextDecoder().decode(body)) as { errors?: unknown }
    return json.errors === undefined
  } catch {
    return false
  }
}

/** A stored answer as a response to `request`, its CORS headers made for this request's origin. */
function replay(answer: CachedAnswer, request: Request, config: SanitizedConfig): Response {
  const headers = new Headers(answer.headers)
  const req = { payload: { config }, headers: request.headers } as unknown as PayloadRequest
  for (const [name, value] of headersWithCors({ headers: new Headers(), req }))
    headers.set(name, value)
  headers.set(CACHE_STATUS_HEADER, 'hit')
  return new Response(answer.body.slice(), { status: answer.status, headers })
}

/** Stores a fresh answer unless a change arrived while it was read; returns it to the reader. */
async function store(
  state: CacheState,
  key: string,
  response: Response,
  stored: { graphql: boolean; counters: boolean; expiresBy: Promise<number | null> } & {
    siteKey: string
    generations: CachedAnswer['generations']
  },
): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer())
  const headers = [...response.headers].filter(
    ([name]) => !name.startsWith('access-control-') && name !== CACHE_STATUS_HEADER,
  )
  const again = () => new Response(body, { status: response.status, headers: response.headers })
  if (!shareable(response, body, stored.graphql)) return marked(again(), 'bypass')
  const boundary = await stored.expiresBy.catch(() => 0)
  if (sameGenerations(stored.generations, generationsOf(state, stored.siteKey))) {
    const seconds = stored.counters ? state.settings.counterTtlSeconds : state.settings.ttlSeconds
    const expiresAt = Math.min(Date.now() + seconds * 1000, boundary ?? Infinity)
    const weight = body.byteLength + headers.reduce((sum, [n, v]) => sum + n.length + v.length, 0)
    state.answers.set(
      key,
      { status: response.status, body, headers, expiresAt, generations: stored.generations },
      weight,
    )
  }
  return marked(again(), 'miss')
}

/**
 * Wraps a route handler (`/api/graphql`, the REST GET route) so anonymous public reads are answered
 * from memory until something they show changes (docs/cache.md). Mutations, requests with
 * credentials and answers that are not plainly public go straight through (`bypass`).
 */
export function withPublicCache<Rest extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return async (request, ...rest) => {
    const resolved = await config
    const settings = publicCacheSettingsOf(resolved)
    if (!settings) return handler(request, ...rest)
    const read = await classify(request, resolved, settings)
    if ('untouched' in read) return handler(request, ...rest)
    if ('bypass' in read) return marked(await handler(request, ...rest), 'bypass')
    const startedAt = Date.now()
    const payload = await getPayload({ config: resolved, cron: true })
    const req = { payload, headers: request.headers, context: {} } as unknown as PayloadRequest
    // An unknown x-portal-site is the handler's to refuse (400, never cached).
    const site = await resolveSite(req, settings).catch(() => undefined)
    if (site === undefined) return marked(await handler(request, ...rest), 'bypass')
    const siteKey = site ? String(site.id) : '-'
    const key = JSON.stringify([read.kind, siteKey, new URL(request.url).origin, ...read.parts])
    const state = cacheStateOf(resolved, settings)
    const generations = generationsOf(state, siteKey)
    const found = state.answers.get(key)
    if (found) {
      if (found.expiresAt > startedAt && sameGenerations(found.generations, generations))
        return replay(found, request, resolved)
      state.answers.delete(key)
    }
    // The boundary is read as of now, before the handler reads: nothing scheduled in between is missed.
    const expiresBy = nextBoundary(payload, state, siteKey, site?.id ?? null, startedAt)
    expiresBy.catch(() => {})
    const response = await handler(request, ...rest)
    return store(state, key, response, {
      graphql: read.kind === 'graphql',
      counters: read.counters,
      expiresBy,
      siteKey,
      generations,
    })
  }
}
