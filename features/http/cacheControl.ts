import type { OperationShape } from '../graphql/operationKind.js'

/**
 * How long (seconds) a browser or CDN may keep an anonymous answer: at most the portal's own
 * staleness bounds. Content 1 s (the public cache's cross-instance bound); counters 5 s, which with
 * the public cache's own counter lag of at most 5 s keeps them within the 10 s the portal promises.
 */
export const HTTP_MAX_AGE = { content: 1, counters: 5 } as const

/** Root fields whose answers are counters only (no content an editor changes). */
export const COUNTER_ROOT_FIELDS: ReadonlySet<string> = new Set(['VisitorStats', 'DossierStats'])

/** What neither a browser nor a CDN may store: answers to credentials, mutations, errors. */
export const NOT_STORED = 'private, no-store'

/** What an anonymous answer depends on besides its URL (CORS echoes the Origin; sites go by header or host). */
export const VARY_ON = ['Accept', 'Authorization', 'Host', 'Origin', 'X-Portal-Site']

/** The freshness of an answer to `operation`: counters-only answers may be older than content. */
export function maxAgeFor(operation: OperationShape | undefined): number {
  const countersOnly =
    operation !== undefined &&
    operation.rootFields.length > 0 &&
    operation.rootFields.every((field) => COUNTER_ROOT_FIELDS.has(field))
  return countersOnly ? HTTP_MAX_AGE.counters : HTTP_MAX_AGE.content
}

/** `Cache-Control` for an anonymous answer kept `maxAge` seconds, never served stale past it. */
export const publicCacheControl = (maxAge: number) =>
  `public, max-age=${maxAge}, s-maxage=${maxAge}, stale-while-revalidate=0, must-revalidate`

/** `existing` (a Vary header) with `names` added, each once whatever its case. */
export function mergeVary(existing: string | null, names: string[]): string {
  const all = [...(existing ?? '').split(','), ...names].map((name) => name.trim()).filter(Boolean)
  const seen = new Set<string>()
  return all
    .filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()))
    .join(', ')
}
