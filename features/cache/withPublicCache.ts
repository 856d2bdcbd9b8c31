import {
  getPayload,
  headersWithCors,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'
import { CACHE_STATUS_HEADER, SITE_HEADER } from '../../core/constants.js'
import { normalizeDomain } from '../sites/registry.js'
import { resolveSite } from '../sites/resolve.js'
import { nextBoundary } from './boundary.js'
import { hasCredentials } from '../../core/credentials.js'
import { classifyGraphQL, classifyRest, type Classified } from './request.js'
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

/** The request's site as its inputs name it (header, else host), before anything is read. */
function siteInputs(request: Request, settings: PublicCacheSettings): [string, string] {
  const named = request.headers.get(SITE_HEADER)?.trim().toLowerCase() ?? ''
  const forwarded = settings.trustProxy ? request.headers.get('x-forwarded-host') : null
  const host = forwarded?.split(',')[0] ?? request.headers.get('host') ?? new URL(request.url).host
  return [named, normalizeDomain(host) ?? '']
}

interface Read {
  key: string
  startedAt: number
  /** `state.changes` when the read began. */
  changes: number
  graphql: boolean
  counters: boolean
}

/**
 * Stores a fresh answer (the site resolved and its next boundary read only now, so a refused
 * request costs no read) unless a change arrived while it was read; returns it to the reader.
 */
async function store(
  state: CacheState,
  request: Request,
  response: Response,
  read: Read,
  context: { payload: Payload; settings: PublicCacheSettings },
): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer())
  const headers = [...response.headers].filter(
    ([name]) => !name.startsWith('access-control-') && name !== CACHE_STATUS_HEADER,
  )
  const again = () => new Response(body, { status: response.status, headers: response.headers })
  if (!shareable(response, body, read.graphql)) return marked(again(), 'bypass')
  let siteKey: string
  let boundary: number | null
  try {
    const req = { payload: context.payload, headers: request.headers, context: {} }
    const site = await resolveSite(req as unknown as PayloadRequest, context.settings)
    siteKey = site ? String(site.id) : '-'
    // As of the read's start: whatever becomes public or expires after it ends the answer's life.
    boundary = await nextBoundary(context.payload, state, siteKey, site?.id ?? null, read.startedAt)
  } catch {
    // The site or its boundary could not be read: the answer goes out unkept.
    return marked(again(), 'bypass')
  }
  const generations = generationsOf(state, siteKey)
  if (state.changes === read.changes) {
    const seconds = read.counters ? state.settings.counterTtlSeconds : state.settings.ttlSeconds
    const expiresAt = Math.min(read.startedAt + seconds * 1000, boundary ?? Infinity)
    const weight = body.byteLength + headers.reduce((sum, [n, v]) => sum + n.length + v.length, 0)
    const answer = { status: response.status, body, headers, expiresAt, siteKey, generations }
    state.answers.set(read.key, answer, weight)
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
    const state = cacheStateOf(resolved, settings)
    const changes = state.changes
    const origin = new URL(request.url).origin
    const key = JSON.stringify([read.kind, ...siteInputs(request, settings), origin, ...read.parts])
    const found = state.answers.get(key)
    if (found) {
      const current = generationsOf(state, found.siteKey)
      if (found.expiresAt > startedAt && sameGenerations(found.generations, current))
        return replay(found, request, resolved)
      state.answers.delete(key)
    }
    const response = await handler(request, ...rest)
    const payload = await getPayload({ config: resolved, cron: true })
    const fresh = {
      key,
      startedAt,
      changes,
      graphql: read.kind === 'graphql',
      counters: read.counters,
    }
    return store(state, request, response, fresh, { payload, settings })
  }
}
