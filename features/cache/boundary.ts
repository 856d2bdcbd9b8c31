import type { Payload, Where } from 'payload'
import { ARTICLES_SLUG, SITE_FIELD } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import { generationsOf, sameGenerations, type CacheState } from './state.js'

/** The earliest value of `field` after `now` among the published articles of `where`. */
async function earliestAfter(
  payload: Payload,
  field: 'publishedAt' | 'expiresAt',
  where: Where[],
  now: number,
): Promise<number | null> {
  const { docs } = await payload.find({
    collection: ARTICLES_SLUG,
    // site-scope: `where` holds the site's condition when the deployment has sites.
    where: {
      and: [
        ...where,
        { _status: { equals: 'published' } },
        { [field]: { greater_than: new Date(now).toISOString() } },
      ],
    },
    sort: field,
    limit: 1,
    pagination: false,
    depth: 0,
    select: { [field]: true },
    overrideAccess: true,
  })
  const value = (docs[0] as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' ? Date.parse(value) : null
}

/**
 * The site's next scheduled boundary after `now`: the earliest future `publishedAt` or `expiresAt`
 * of its published articles (`null`: none), read once and kept until a change or until it passes.
 */
export async function nextBoundary(
  payload: Payload,
  state: CacheState,
  siteKey: string,
  siteId: Id | null,
  now: number,
): Promise<number | null> {
  const known = state.boundaries.get(siteKey)
  const generations = generationsOf(state, siteKey)
  if (
    known &&
    sameGenerations(known.generations, generations) &&
    (known.at === null || known.at > now)
  )
    return known.at
  const onSite: Where[] = siteId === null ? [] : [{ [SITE_FIELD]: { equals: siteId } }]
  const [publishes, expires] = await Promise.all([
    earliestAfter(payload, 'publishedAt', onSite, now),
    earliestAfter(payload, 'expiresAt', onSite, now),
  ])
  const candidates = [publishes, expires].filter((at): at is number => at !== null)
  const at = candidates.length ? Math.min(...candidates) : null
  // Kept only if no change arrived meanwhile (it may have been read before that change).
  if (sameGenerations(generationsOf(state, siteKey), generations))
    state.boundaries.set(siteKey, { at, generations })
  return at
}
